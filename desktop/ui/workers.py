"""Run slow work off the GUI thread (a worker thread), with optional progress and Cancel.

A job belongs to the widget that started it (`parent`, and the QObjects whose methods are the
callbacks): when that widget is gone before the job ends (a dossier closed while its handout
prints), the result is dropped instead of reaching deleted Qt objects."""

from __future__ import annotations

import inspect
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Bridge(QObject):
    """One long-lived QObject per process carries every job's news to the GUI thread.

    Worker threads hold nothing but a job number: Qt and Python objects made on the GUI thread
    must also die there (a QRunnable deleted on its pool thread took its slots' connections
    with it there and crashed the process)."""

    done = Signal(int)
    progress = Signal(int, int, int)


@dataclass
class _Job:
    fn: Callable[..., Any]
    cancel: threading.Event
    on_done: Callable[[object], None]
    on_failed: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None = None
    outcome: tuple[bool, Any] | None = None
    owners: tuple[QObject, ...] = ()

    def alive(self) -> bool:
        """Every Qt object the callbacks need still exists."""
        return all(shiboken6.isValid(o) for o in self.owners)


_jobs: dict[int, _Job] = {}
_ids = itertools.count(1)
_bridge: _Bridge | None = None


def _bridge_instance() -> _Bridge:
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
        _bridge.done.connect(_finish)
        _bridge.progress.connect(_progress)
    return _bridge


def _outcome(fn: Callable[..., Any], cancel: threading.Event,
             progress: Callable[[int, int], None]) -> tuple[bool, Any]:
    try:
        if len(inspect.signature(fn).parameters) >= 2:
            return True, fn(progress, cancel)
        return True, fn()
    except BaseException as exc:
        return False, exc


def _work(job_id: int, bridge: _Bridge) -> None:
    job = _jobs[job_id]
    job.outcome = _outcome(job.fn, job.cancel,
                           lambda done, total: bridge.progress.emit(job_id, done, total))
    # Drop this thread's last reference first, so the GUI thread releases the objects.
    del job
    bridge.done.emit(job_id)


def _finish(job_id: int) -> None:
    job = _jobs.pop(job_id, None)
    if job is None or job.outcome is None:
        return
    if not job.alive():
        job.cancel.set()
        return  # the widget that asked is gone: nobody to tell, nothing to touch
    ok, value = job.outcome
    if ok:
        job.on_done(value)
    else:
        job.on_failed(value)


def _progress(job_id: int, done: int, total: int) -> None:
    job = _jobs.get(job_id)
    if job is None or not job.alive():
        if job is not None:
            job.cancel.set()  # a cancellable job may stop early: its result will be dropped
        return
    if job.on_progress is not None:
        job.on_progress(done, total)


def _owners(parent: QObject | None, *callbacks: object) -> tuple[QObject, ...]:
    owners = [parent] if parent is not None else []
    for cb in callbacks:
        receiver = getattr(cb, "__self__", None)
        if isinstance(receiver, QObject) and receiver not in owners:
            owners.append(receiver)
    return tuple(owners)


def run_in_background(
    parent: QWidget | None,
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    progress_text: str | None = None,
    cancellable: bool = False,
) -> threading.Event:
    """Run `fn()` (or `fn(progress, cancel_event)`) on the pool; callbacks run on the GUI thread.
    Returns the cancel event.

    When `parent`, or a QObject whose bound method is `on_done`/`on_error`, is deleted before
    the job ends, the result (or error) is dropped and the cancel event is set."""
    cancel = threading.Event()
    bridge = _bridge_instance()
    dialog: QProgressDialog | None = None
    on_progress: Callable[[int, int], None] | None = None
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

    def finish() -> None:
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reset()
            dialog.deleteLater()

    def done(result: object) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if on_error is not None:
            on_error(exc)
        else:
            raise exc

    job_id = next(_ids)
    _jobs[job_id] = _Job(fn, cancel, done, failed, on_progress,
                         owners=_owners(parent, on_done, on_error))
    threading.Thread(target=_work, args=(job_id, bridge), name=f"relais-job-{job_id}",
                     daemon=True).start()
    return cancel
