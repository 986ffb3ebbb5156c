"""PageStream (desktop/sync/prefetch.py): pages in order, each from the cursor the page before
gave; errors after the pages before them; no loop on a page that does not move the cursor."""

from __future__ import annotations

import pytest

from desktop.sync.client import SyncError
from desktop.sync.prefetch import PageStream, validate_page
from desktop.sync.protocol import Change, PullResponse


def _page(first: int, count: int, more: bool) -> PullResponse:
    changes = [Change(seq=s, table="note", record_id=f"n{s}", kind="upsert")
               for s in range(first, first + count)]
    return PullResponse(changes=changes, next_cursor=first + count - 1 if changes else first,
                        has_more=more, server_time="")


def test_pages_follow_the_cursors_and_stop_after_the_last() -> None:
    asked: list[int] = []

    def fetch(cursor: int) -> PullResponse:
        asked.append(cursor)
        return _page(cursor + 1, 3, more=cursor < 6)
    stream = PageStream(fetch, 0, depth=2)
    try:
        pages = [stream.next(timeout=5) for _ in range(3)]
        assert [p.next_cursor for p in pages] == [3, 6, 9]
        assert not pages[-1].has_more
        with pytest.raises(TimeoutError):
            stream.next(timeout=0.2)
    finally:
        stream.close()
    assert asked == [0, 3, 6]


def test_an_error_comes_after_the_pages_before_it() -> None:
    def fetch(cursor: int) -> PullResponse:
        if cursor >= 3:
            raise SyncError("sync.unreachable")
        return _page(cursor + 1, 3, more=True)
    stream = PageStream(fetch, 0, depth=2)
    try:
        assert stream.next(timeout=5).next_cursor == 3
        with pytest.raises(SyncError):
            stream.next(timeout=5)
    finally:
        stream.close()


def test_a_page_announcing_more_without_moving_is_refused_and_not_asked_for_again() -> None:
    asked: list[int] = []

    def fetch(cursor: int) -> PullResponse:
        asked.append(cursor)
        return _page(cursor + 1, 0, more=True)
    stream = PageStream(fetch, 5, depth=2)
    try:
        with pytest.raises(SyncError):
            stream.next(timeout=5)
        with pytest.raises(TimeoutError):
            stream.next(timeout=0.3)
    finally:
        stream.close()
    assert asked == [5]


def test_close_stops_a_fetcher_held_back_by_a_full_queue() -> None:
    stream = PageStream(lambda c: _page(c + 1, 2, more=True), 0, depth=1)
    stream.next(timeout=5)
    stream.close()  # returns: the fetcher was waiting to hand over a page


@pytest.mark.parametrize(("changes", "next_cursor", "more", "ok"), [
    ([6, 7], 7, True, True),
    ([6, 7], 7, False, True),
    ([], 5, False, True),        # nothing new: the last page
    ([], 5, True, False),        # more announced, nothing given
    ([6], 5, True, False),       # more announced from where it began: asking again would loop
    ([5, 6], 6, False, False),   # a change at or before the cursor asked from
    ([], 4, False, False),       # the cursor goes back
])
def test_validate_page(changes: list[int], next_cursor: int, more: bool, ok: bool) -> None:
    page = PullResponse(changes=[Change(seq=s, table="note", record_id=f"n{s}", kind="upsert")
                                 for s in changes],
                        next_cursor=next_cursor, has_more=more, server_time="")
    if ok:
        validate_page(page, 5)
    else:
        with pytest.raises(SyncError):
            validate_page(page, 5)
