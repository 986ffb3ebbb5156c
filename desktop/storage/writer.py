"""The single writer thread: every write transaction of a vault runs here, one at a time."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.storage.errors import VaultError

T = TypeVar("T")


class Writer:
    def __init__(self, engine: Engine) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._queue: queue.Queue[tuple[Callable[[Session], Any], Future[Any]] | None] = queue.Queue()
        # nothing is queued behind the stop: a write submitted after it fails at once
        self._guard = threading.Lock()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="relais-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            fn, fut = item
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                with self._sessions.begin() as session:  # BEGIN IMMEDIATE … COMMIT / ROLLBACK
                    result = fn(session)
                fut.set_result(result)
            except BaseException as exc:
                fut.set_exception(exc)

    def submit(self, fn: Callable[[Session], T]) -> Future[T]:
        fut: Future[T] = Future()
        with self._guard:
            if self._stopped:  # the vault is being locked: this write would never run
                fut.set_exception(VaultError("vault.locked"))
                return fut
            self._queue.put((fn, fut))
        return fut

    def run(self, fn: Callable[[Session], T]) -> T:
        if threading.current_thread() is self._thread:
            raise RuntimeError("nested write transaction")
        return self.submit(fn).result()

    def stop(self) -> None:
        """Run the writes already submitted, then end the thread."""
        with self._guard:
            if not self._stopped:
                self._stopped = True
                self._queue.put(None)
        self._thread.join(timeout=30)
