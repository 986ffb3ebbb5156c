"""Pull pages fetched ahead, in order, on a thread of their own (docs/SYNC.md 5).

Each request starts at the cursor the page before gave, so the fetcher asks for the next page as
soon as one arrives instead of when the writer takes it: the server prepares pages while the
laptop applies and commits the earlier ones (the server and the laptop each have a core). At
most `depth` pages wait; nothing is applied here, so a failure anywhere wastes fetches only.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from desktop.sync.client import SyncError
from desktop.sync.protocol import PullResponse

_POLL_S = 0.1  # how often a fetcher held back by a full queue looks whether it was closed


def validate_page(page: PullResponse, cursor: int) -> None:
    """A page that does not follow the cursor it was asked from (stale, cut or garbled) is
    refused whole. Changes come in seq order, except records the server places early as the
    prerequisites (parents) of others; they come again at their own seq. A page announcing more
    must move the cursor, or asking again would loop."""
    for change in page.changes:
        if change.seq <= cursor:
            raise SyncError("sync.bad_response")
    if page.next_cursor < cursor or (page.has_more and (
            not page.changes or page.next_cursor == cursor)):
        raise SyncError("sync.bad_response")


class PageStream:
    """`next()` gives the pages from `cursor` on, in order, each checked by `validate_page`, and
    raises the error of the fetch that failed or of the page refused (after the pages before
    it). The fetcher stops after the last page (has_more false) or an error."""

    def __init__(self, fetch: Callable[[int], PullResponse], cursor: int, depth: int,
                 after_last: Callable[[], None] | None = None) -> None:
        """`after_last`: run by the fetcher once the last page is handed over (the engine asks
        for the server's checksum then, while the writer applies what is waiting)."""
        self._fetch = fetch
        self._after_last = after_last
        self._queue: queue.Queue[PullResponse | BaseException] = queue.Queue(maxsize=depth)
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(cursor,),
                                        name="relais-pull-ahead", daemon=True)
        self._thread.start()

    def _run(self, cursor: int) -> None:
        while not self._closed.is_set():
            item: PullResponse | BaseException
            try:
                item = self._fetch(cursor)
                validate_page(item, cursor)
            except BaseException as exc:  # noqa: BLE001  (handed to the engine's thread)
                item = exc
            while not self._closed.is_set():
                try:
                    self._queue.put(item, timeout=_POLL_S)
                    break
                except queue.Full:
                    continue
            if isinstance(item, BaseException):
                return
            if not item.has_more:
                if self._after_last is not None and not self._closed.is_set():
                    self._after_last()
                return
            cursor = item.next_cursor

    def next(self, timeout: float | None = None) -> PullResponse:
        """The next page; TimeoutError if none came within `timeout` (it is kept for the next
        call)."""
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError from None
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        """Stops the fetcher; returns once no request of it is left running."""
        self._closed.set()
        self._thread.join()


__all__ = ["PageStream", "validate_page"]
