"""The one background task manager: every slow job of the UI runs here, off the GUI thread.

- bounded: at most `TaskManager.max_workers` jobs run at once (the rest wait in order), on
  threads that end when there is nothing left to run (no idle thread outlives its work);
- cancellable: `Task.cancel()` drops a waiting job before it starts, and asks a running one to
  stop (`fn(progress, cancel_event)` sees the event); its result, or error, is then dropped;
- owned: a job belongs to the widget that started it (`parent`, and the QObjects whose methods
  are the callbacks): when that widget is gone before the job ends (a dossier closed while its
  handout prints), the result is dropped instead of reaching deleted Qt objects.

`run_in_background(...)` is the usual entry point; `manager()` is the process's manager."""

from __future__ import annotations

import collections
import inspect
import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

MAX_WORKERS = 3  # a long sync, a print and an unlock can run together on a 2-core laptop


class _Bridge(QObject):
    """One long-lived QObject per process carries every job's news to the GUI thread.

    Worker threads hold nothing but a job number: Qt and Python objects made on the GUI thread
    must also die there (a QRunnable deleted on its pool thread took its slots' connections
    with it there and crashed the process)."""

    done = Signal(int)
    progress = Signal(int, int, int)


@dataclass(eq=False)
class Task:
    """A job handed to the manager. `cancel()` (or `set()`, the old cancel-event spelling)
    stops it and drops whatever it would have delivered."""

    id: int
    fn: Callable[..., Any]
    on_done: Callable[[object], None]
    on_failed: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None = None
    owners: tuple[QObject, ...] = ()
    cancel_event: threading.Event = field(default_factory=threading.Event)
    outcome: tuple[bool, Any] | None = None
    state: str = "waiting"  # waiting → running → finished | dropped
    dropped: bool = False  # cancelled: whatever it delivers goes nowhere
    manager: TaskManager | None = None

    def alive(self) -> bool:
        """Every Qt object the callbacks need still exists."""
        return all(shiboken6.isValid(o) for o in self.owners)

    def cancel(self) -> None:
        self.dropped = True
        self.cancel_event.set()
        if self.manager is not None:
            self.manager._cancel_waiting(self)

    # the cancel event's API, for callers written when a job was a bare thread
    set = cancel

    def is_set(self) -> bool:
        return self.cancel_event.is_set()

    @property
    def cancelled(self) -> bool:
        return self.dropped


class TaskManager:
    """Runs tasks on at most `max_workers` threads; callbacks run on the GUI thread."""

    def __init__(self, max_workers: int = MAX_WORKERS) -> None:
        self.max_workers = max_workers
        self.tasks: dict[int, Task] = {}  # waiting or running, or finished and not yet delivered
        self._waiting: collections.deque[Task] = collections.deque()
        self._threads: set[threading.Thread] = set()
        self._ended: list[threading.Thread] = []  # out of their loop, perhaps not yet gone
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._ids = itertools.count(1)
        self._bridge = _Bridge()
        self._bridge.done.connect(self._finish)
        self._bridge.progress.connect(self._progress)

    # ---- submitting and cancelling -------------------------------------------------------------
    def submit(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
               on_failed: Callable[[BaseException], None],
               on_progress: Callable[[int, int], None] | None = None,
               owners: tuple[QObject, ...] = ()) -> Task:
        task = Task(next(self._ids), fn, on_done, on_failed, on_progress, owners, manager=self)
        with self._lock:
            self.tasks[task.id] = task
            self._waiting.append(task)
            self._ended = [t for t in self._ended if t.is_alive()]
            if len(self._threads) < self.max_workers:
                thread = threading.Thread(target=self._run, name=f"relais-task-{task.id}",
                                          daemon=True)
                self._threads.add(thread)
                thread.start()
        return task

    def _cancel_waiting(self, task: Task) -> None:
        with self._lock:
            if task.state == "waiting":
                self._waiting.remove(task)
                task.state = "dropped"
                self.tasks.pop(task.id, None)
                self._idle.notify_all()

    def cancel_all(self) -> None:
        for task in list(self.tasks.values()):
            task.cancel()

    # ---- the worker threads ------------------------------------------------------------------
    def _run(self) -> None:
        me = threading.current_thread()
        while True:
            with self._lock:
                if not self._waiting:
                    self._threads.discard(me)
                    self._ended.append(me)
                    self._idle.notify_all()
                    return
                task = self._waiting.popleft()
                task.state = "running"
            task_id = task.id
            fn, cancel = task.fn, task.cancel_event
            del task  # the GUI thread alone releases what the task holds
            def progress(done: int, total: int, i: int = task_id) -> None:
                self._bridge.progress.emit(i, done, total)

            outcome = _outcome(fn, cancel, progress)
            del fn
            with self._lock:
                running = self.tasks.get(task_id)
                if running is not None:
                    running.outcome = outcome
                    running.state = "finished"
            del outcome, running
            self._bridge.done.emit(task_id)

    # ---- delivering on the GUI thread --------------------------------------------------------
    def _finish(self, task_id: int) -> None:
        with self._lock:
            task = self.tasks.pop(task_id, None)
            self._idle.notify_all()
        if task is None or task.outcome is None:
            return
        if task.cancelled:
            task.state = "dropped"
            return  # cancelled while it ran: nobody is waiting for it any more
        if not task.alive():
            task.cancel_event.set()
            task.state = "dropped"
            return  # the widget that asked is gone: nobody to tell, nothing to touch
        ok, value = task.outcome
        if ok:
            task.on_done(value)
        else:
            task.on_failed(value)

    def _progress(self, task_id: int, done: int, total: int) -> None:
        task = self.tasks.get(task_id)
        if task is None or task.cancelled:
            return
        if not task.alive():
            task.cancel_event.set()  # a cancellable job may stop early: its result is dropped
            return
        if task.on_progress is not None:
            task.on_progress(done, total)

    # ---- inspection ----------------------------------------------------------------------------
    def thread_count(self) -> int:
        with self._lock:
            return len(self._threads)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no task waits or runs and every worker thread has ended (tests, exit)."""
        with self._lock:
            idle = self._idle.wait_for(lambda: not self._waiting and not self._threads,
                                       timeout=timeout)
            ended, self._ended = self._ended, []
        for thread in ended:
            thread.join(timeout)
        return idle

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Cancel everything and wait for the worker threads to end."""
        self.cancel_all()
        return self.wait_idle(timeout)


def _outcome(fn: Callable[..., Any], cancel: threading.Event,
             progress: Callable[[int, int], None]) -> tuple[bool, Any]:
    try:
        if len(inspect.signature(fn).parameters) >= 2:
            return True, fn(progress, cancel)
        return True, fn()
    except BaseException as exc:
        return False, exc


_manager: TaskManager | None = None


def manager() -> TaskManager:
    """The process's task manager (made on first use, on the GUI thread)."""
    global _manager
    if _manager is None:
        _manager = TaskManager()
    return _manager


class _JobsView:
    """`_jobs`: the ids of the tasks not yet delivered (kept for older tests)."""

    def __iter__(self) -> Iterator[int]:
        return iter(list(manager().tasks))

    def __contains__(self, task_id: object) -> bool:
        return task_id in manager().tasks


_jobs = _JobsView()


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
) -> Task:
    """Run `fn()` (or `fn(progress, cancel_event)`) on the task manager; callbacks run on the
    GUI thread. Returns the task (`task.cancel()`).

    When `parent`, or a QObject whose bound method is `on_done`/`on_error`, is deleted before
    the job ends, the result (or error) is dropped and the task is cancelled."""
    dialog: QProgressDialog | None = None
    on_progress: Callable[[int, int], None] | None = None
    task: Task | None = None
    if progress_text is not None:
        dialog = QProgressDialog(progress_text, QCoreApplication.translate("QProgressDialog", "Cancel") if cancellable else "",
                                 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        if not cancellable:
            dialog.setCancelButton(None)

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

    task = manager().submit(fn, done, failed, on_progress, owners=_owners(parent, on_done, on_error))
    if dialog is not None:
        dialog.canceled.connect(task.cancel_event.set)
    return task
