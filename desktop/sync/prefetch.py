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


def _refused(_cursor: int) -> PullResponse:
    raise SyncError("sync.bad_response")


class PageStream:
    """`next()` gives the pages from `cursor` on, in order, and raises the error of the fetch
    that failed (after the pages before it). The fetcher stops after the last page (has_more
    false) or an error; after a page that announces more without moving the cursor, the next
    one is a SyncError."""

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
            if not item.changes or item.next_cursor <= cursor:
                # more announced from where this one began: asking again would loop
                self._fetch = _refused
            else:
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


__all__ = ["PageStream"]
