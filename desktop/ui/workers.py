"""Run slow work off the GUI thread (QThreadPool), with optional progress and Cancel."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], cancel: threading.Event, signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.cancel = cancel
        self.signals = signals

    def run(self) -> None:
        try:
            params = inspect.signature(self.fn).parameters
            if len(params) >= 2:
                result = self.fn(lambda done, total: self.signals.progress.emit(done, total), self.cancel)
            else:
                result = self.fn()
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_alive: set[_Signals] = set()


def run_in_background(
    parent: QWidget | None,
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    progress_text: str | None = None,
    cancellable: bool = False,
) -> threading.Event:
    """Run `fn()` (or `fn(progress, cancel_event)`) on the pool; callbacks run on the GUI thread.
    Returns the cancel event."""
    cancel = threading.Event()
    signals = _Signals()
    _alive.add(signals)
    dialog: QProgressDialog | None = None
    if progress_text is not None:
        dialog = QProgressDialog(progress_text, QCoreApplication.translate("QProgressDialog", "Cancel") if cancellable else "",
                                 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(cancel.set)

        def on_progress(done: int, total: int) -> None:
            assert dialog is not None
            dialog.setMaximum(total)
            dialog.setValue(done)

        signals.progress.connect(on_progress)

    def finish() -> None:
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        _alive.discard(signals)

    def done(result: object) -> None:
        finish()
        on_done(result)

    def failed(exc: object) -> None:
        finish()
        if on_error is not None:
            on_error(exc)  # type: ignore[arg-type]
        else:
            raise exc  # type: ignore[misc]

    signals.done.connect(done)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(fn, cancel, signals))
    return cancel
