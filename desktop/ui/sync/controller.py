"""Background sync: automatic when the server answers, exponential backoff when it does not,
never while the vault is locked. One controller per unlocked main window."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.errors import DomainError
from desktop.services import sync_status
from desktop.ui.workers import run_in_background

FIRST_DELAY_MS = 3_000
INTERVAL_MS = 120_000  # when all is well
AFTER_EDIT_MS = 10_000  # an edit goes up soon after it was made
BACKOFF_MS = (30_000, 60_000, 120_000, 300_000, 900_000)


class SyncCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("sync.cancelled")


class SyncController(QObject):
    """Runs `sync_now` on the thread pool. Emits `finished(report_or_None, error_or_None)`."""

    started = Signal()
    finished = Signal(object, object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        self.running = False
        self.failures = 0
        self.stopped = False
        self.stopped_by_error = False  # revoked, unsupported version…: a person must act
        self._cancel = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.enrolled = sync_status.is_enrolled(self.ctx)
        self.ctx.on_lock(self.stop)
        window.bus.changed.connect(self._on_change)
        window.bus.touched.connect(self._on_touched)
        if self.enrolled:
            self.timer.start(FIRST_DELAY_MS)

    # ---- scheduling --------------------------------------------------------------------------
    def _on_change(self, area: str) -> None:
        if area == "sync" or self.stopped or not self.enrolled or self.running:
            return
        if self.failures == 0 and (not self.timer.isActive()
                                   or self.timer.remainingTime() > AFTER_EDIT_MS):
            self.timer.start(AFTER_EDIT_MS)

    def _on_touched(self, _touched: object) -> None:
        self._on_change("write")  # an edit here: send it soon

    def next_delay(self) -> int:
        if self.failures == 0:
            return INTERVAL_MS
        return BACKOFF_MS[min(self.failures, len(BACKOFF_MS)) - 1]

    def stop(self) -> None:
        """Called when the vault locks (GUI thread): no new sync, the running one stops at its
        next step; wait briefly so it does not write into a closing vault."""
        self.stopped = True
        self._cancel.set()
        try:
            self.timer.stop()
        except RuntimeError:  # the timer went with its widget already
            pass
        self._idle.wait(timeout=15)

    # ---- running -----------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.running or self.stopped or self.ctx.is_locked:
            return
        self.enrolled = sync_status.is_enrolled(self.ctx)
        if not self.enrolled:
            return
        self.running = True
        self._cancel.clear()
        self._idle.clear()
        self.started.emit()
        ctx, cancel, idle = self.ctx, self._cancel, self._idle

        def work() -> Any:
            def progress(_stage: str, _n: int) -> None:
                if cancel.is_set():
                    raise SyncCancelled()
            # the client and the engine load with the first sync, not at the unlock
            from desktop.services import sync as sync_service

            try:
                return sync_service.sync_now(ctx, progress=progress)
            finally:
                idle.set()

        run_in_background(None, work, self._done, self._failed)

    def _done(self, report: Any) -> None:
        self.running = False
        self.stopped_by_error = False
        self.failures = 0
        self._after(report, None)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        retry = getattr(exc, "retry", True)
        if isinstance(exc, SyncCancelled) or self.stopped:
            return
        self.failures += 1
        self.stopped_by_error = not retry
        self._after(None, exc, schedule=retry)

    def _after(self, report: Any, error: BaseException | None, schedule: bool = True) -> None:
        if self.stopped or self.ctx.is_locked:
            self.finished.emit(report, error)
            return
        if schedule:
            self.timer.start(self.next_delay())
        self.finished.emit(report, error)
        if report is not None and (report.pulled or report.pushed or report.conflicts):
            self.window_.bus.changed.emit("sync")
