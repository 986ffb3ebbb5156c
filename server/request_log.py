"""The request log's writer: one thread per server process writes the rows of the requests that
ended while it was busy in one transaction (a group commit).

Each request used to take a connection, a thread and a commit of its own for its log row, after
its answer was sent; under many devices that was a tenth of the server's work. A request still
waits, after its answer, until its row is committed (so a crash loses no more rows than before:
those of requests being answered), but the commits are shared.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert, select

from server.db import Database
from server.models import RequestLog

BATCH_MAX = 500  # rows in one transaction at most
_INSERT = insert(RequestLog)  # built once: building it cost as much as a small batch's insert

# a row (RequestLog's columns and values), whether it asks for a prune of anonymous rows, and
# who waits for it
Row = dict[str, Any]
_Item = tuple[Row, bool, asyncio.AbstractEventLoop, "asyncio.Future[None]"]


class RequestLogWriter:
    def __init__(self, db: Database, anonymous_max: int) -> None:
        self.db = db
        # unauthenticated requests (a flood of them included) keep at most this many rows,
        # give or take one pruning interval
        self.anonymous_max = max(1, anonymous_max)
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    async def write(self, row: Row, prune: bool) -> None:
        """Queue the row and wait until it is committed (raises when it could not be)."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._ensure_thread()
        self._queue.put((row, prune, loop, done))
        await done

    def close(self) -> None:
        """Write what is queued and stop the thread (the app's shutdown)."""
        with self._start:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def _ensure_thread(self) -> None:
        # started on first use: uvicorn's workers build the app before they fork
        if self._thread is None:
            with self._start:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._run, name="request-log",
                                                    daemon=True)
                    self._thread.start()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < BATCH_MAX:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_Item]) -> None:
        try:
            self._insert([item[0] for item in batch], any(item[1] for item in batch))
            errors: list[BaseException | None] = [None] * len(batch)
        except Exception:  # noqa: BLE001 - one bad row must not lose the others
            errors = []
            for row, prune, _loop, _done in batch:
                try:
                    self._insert([row], prune)
                    errors.append(None)
                except Exception as exc:  # noqa: BLE001 - reported to the request that waits
                    errors.append(exc)
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[None],
                                                            BaseException | None]]]
        by_loop = defaultdict(list)
        for (_row, _prune, loop, done), error in zip(batch, errors, strict=True):
            by_loop[loop].append((done, error))
        for loop, waiting in by_loop.items():
            with contextlib.suppress(RuntimeError):  # its loop has closed: nobody waits
                loop.call_soon_threadsafe(_settle, waiting)

    def _insert(self, rows: list[Row], prune: bool) -> None:
        # through the driver in one executemany: the unit of work cost more than the insert
        with self.db.engine.begin() as conn:
            conn.execute(_INSERT, rows)
            if prune:
                anonymous = RequestLog.device_id.is_(None) & RequestLog.user_id.is_(None)
                cutoff = conn.scalar(select(RequestLog.id).where(anonymous)
                                     .order_by(RequestLog.id.desc())
                                     .offset(self.anonymous_max).limit(1))
                if cutoff is not None:
                    conn.execute(delete(RequestLog).where(anonymous, RequestLog.id <= cutoff))


def _settle(waiting: list[tuple[asyncio.Future[None], BaseException | None]]) -> None:
    for done, error in waiting:
        if done.done():  # its request was cancelled meanwhile
            continue
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)
