"""The one background task manager (issue 16, item 8): bounded, cancellable, results dropped for
a widget that is gone, and no worker thread left behind once the work is done."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.ui.workers import TaskManager


def _task_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("relais-task-")]


def test_at_most_max_workers_run_at_once_and_the_rest_wait_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    tm = TaskManager(max_workers=2)
    release = threading.Event()
    lock = threading.Lock()
    running, peak, order, got = [0], [0], [], []

    def job(n: int):  # type: ignore[no-untyped-def]
        def run() -> int:
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
                order.append(n)
            release.wait(10)
            with lock:
                running[0] -= 1
            return n
        return run

    for n in range(6):
        tm.submit(job(n), got.append, got.append)
    qtbot.waitUntil(lambda: running[0] == 2, timeout=10_000)
    assert tm.thread_count() == 2
    release.set()
    qtbot.waitUntil(lambda: len(got) == 6, timeout=10_000)
    assert peak[0] == 2
    assert order == sorted(order)
    assert sorted(got) == list(range(6))  # type: ignore[type-var]


def test_a_cancelled_waiting_task_never_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    tm = TaskManager(max_workers=1)
    release = threading.Event()
    ran: list[str] = []
    got: list[object] = []
    first = tm.submit(lambda: (release.wait(10), ran.append("first"))[1], got.append, got.append)
    second = tm.submit(lambda: ran.append("second"), got.append, got.append)
    second.cancel()
    assert second.id not in tm.tasks and second.state == "dropped"
    release.set()
    qtbot.waitUntil(lambda: first.id not in tm.tasks, timeout=10_000)
    assert tm.wait_idle(10)
    assert ran == ["first"]
    assert got == [None]  # the first one's result; nothing from the cancelled one


def test_a_cancelled_running_task_sees_the_event_and_its_result_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    tm = TaskManager(max_workers=2)
    started = threading.Event()
    got: list[object] = []

    def long_job(_progress, cancel: threading.Event) -> str:  # type: ignore[no-untyped-def]
        started.set()
        assert cancel.wait(10), "the task was never told to stop"
        return "stopped early"

    def failing_job(_progress, cancel: threading.Event) -> str:  # type: ignore[no-untyped-def]
        cancel.wait(10)
        raise RuntimeError("late error")

    task = tm.submit(long_job, got.append, got.append)
    other = tm.submit(failing_job, got.append, got.append)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    task.cancel()
    other.cancel()
    assert task.is_set() and task.cancelled
    qtbot.waitUntil(lambda: not tm.tasks, timeout=10_000)
    assert tm.wait_idle(10)
    qtbot.wait(50)  # any late delivery would land here
    assert got == []


def test_a_result_for_a_widget_that_is_gone_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    tm = TaskManager()
    gone, kept = QWidget(), QWidget()
    qtbot.addWidget(kept)
    release = threading.Event()
    got: list[object] = []
    lost = tm.submit(lambda: (release.wait(10), "for gone")[1], got.append, got.append,
                     owners=(gone,))
    tm.submit(lambda: (release.wait(10), "for kept")[1], got.append, got.append, owners=(kept,))
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone), timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not tm.tasks, timeout=10_000)
    assert got == ["for kept"]
    assert lost.is_set()  # a cancellable job would have been told to stop


def test_no_worker_thread_outlives_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    before = set(_task_threads())
    tm = TaskManager(max_workers=3)
    got: list[object] = []
    for n in range(20):
        tm.submit(lambda n=n: n * n, got.append, got.append)
    qtbot.waitUntil(lambda: len(got) == 20, timeout=10_000)
    assert tm.wait_idle(10)
    assert tm.thread_count() == 0
    assert set(_task_threads()) <= before
    # and after a shutdown with work still queued
    release = threading.Event()
    for _ in range(5):
        tm.submit(lambda: release.wait(10), got.append, got.append)
    release.set()
    assert tm.shutdown(10)
    assert set(_task_threads()) <= before
    assert not tm.tasks or all(t.dropped for t in tm.tasks.values())
