"""The vault's single writer thread (desktop/storage/writer.py), tested directly on a real vault:
writes run one at a time in the order they were submitted, each returns its result to its caller,
an exception reaches the caller without killing the thread, and locking the vault while writes
wait lets them finish and commit. Timeouts below only keep a broken writer from hanging the
suite; nothing is timed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.errors import VaultError
from desktop.storage.models import Setting
from tests.conftest import PASSPHRASE

GUARD = 60  # seconds: a hung writer fails the test instead of hanging the run


def _gate(ctx: AppContext) -> tuple[threading.Event, threading.Event, Future[Any]]:
    """Occupy the writer with a transaction that waits for `release`: what is submitted next
    queues behind it."""
    started, release = threading.Event(), threading.Event()

    def hold(session: Session) -> str:
        started.set()
        assert release.wait(GUARD)
        return "gate"

    fut = ctx.writer.submit(hold)
    assert started.wait(GUARD)
    return started, release, fut


def _setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return None if row is None else row.value


def _put(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def _putting(key: str, value: Any, result: Any) -> Callable[[Session], Any]:
    def run(session: Session) -> Any:
        _put(session, key, value)
        return result
    return run


def test_writes_run_one_at_a_time_in_submission_order(ctx: AppContext) -> None:
    ran: list[int] = []
    _, release, gate = _gate(ctx)

    def step(i: int) -> Callable[[Session], int]:
        def run(session: Session) -> int:
            ran.append(i)
            seen = _setting(session, "test.counter") or 0  # what the previous write committed
            _put(session, "test.counter", seen + 1)
            return int(seen)
        return run

    futures = [ctx.writer.submit(step(i)) for i in range(25)]
    assert not any(f.done() for f in futures)  # all wait behind the gate
    release.set()
    assert gate.result(GUARD) == "gate"
    assert [f.result(GUARD) for f in futures] == list(range(25))
    assert ran == list(range(25))
    assert ctx.read(lambda s: _setting(s, "test.counter")) == 25


def test_a_write_returns_its_result_to_its_caller(ctx: AppContext) -> None:
    made = {"ids": [1, 2, 3]}
    assert ctx.writer.run(lambda s: made) is made  # the object itself, not a copy
    assert ctx.write(lambda uow: ("done", uow.session is not None)) == ("done", True)

    def add(uow: UnitOfWork) -> str:
        _put(uow.session, "test.key", {"a": 1})
        return "stored"

    assert ctx.write(add) == "stored"
    assert ctx.read(lambda s: _setting(s, "test.key")) == {"a": 1}


class _Abort(BaseException):
    """Not an Exception: the writer must survive those too (KeyboardInterrupt, SystemExit…)."""


@pytest.mark.parametrize("error", [ValueError("boom"), _Abort("stop")],
                         ids=["exception", "base_exception"])
def test_an_error_reaches_its_caller_rolls_back_and_the_thread_goes_on(
        ctx: AppContext, error: BaseException) -> None:
    def failing(session: Session) -> None:
        _put(session, "test.half", "written before the error")
        session.flush()
        raise error

    fut = ctx.writer.submit(failing)
    after = ctx.writer.submit(_putting("test.after", 1, "next"))
    with pytest.raises(type(error)) as caught:
        fut.result(GUARD)
    assert caught.value is error  # the caller's own exception, not a wrapper
    assert after.result(GUARD) == "next"  # the thread still runs the queue
    assert ctx.read(lambda s: _setting(s, "test.half")) is None  # rolled back
    assert ctx.read(lambda s: _setting(s, "test.after")) == 1
    assert ctx.write(lambda uow: "still writing") == "still writing"


def test_a_service_error_reaches_the_caller_of_ctx_write(ctx: AppContext) -> None:
    from desktop.domain.errors import ValidationError

    def refused(uow: UnitOfWork) -> None:
        _put(uow.session, "test.refused", 1)
        raise ValidationError("test.refused", "field")

    with pytest.raises(ValidationError) as caught:
        ctx.write(refused)
    assert caught.value.code == "test.refused"
    assert ctx.read(lambda s: _setting(s, "test.refused")) is None
    assert ctx.write(lambda uow: 7) == 7


def test_a_nested_write_is_refused_instead_of_deadlocking(ctx: AppContext) -> None:
    def outer(session: Session) -> None:
        ctx.writer.run(lambda s: None)  # would wait for itself forever

    with pytest.raises(RuntimeError, match="nested"):
        ctx.writer.submit(outer).result(GUARD)
    assert ctx.writer.run(lambda s: "alive") == "alive"


def test_locking_while_writes_wait_lets_them_commit(vault_dir: Path) -> None:
    ctx, _ = AppContext.create(vault_dir, PASSPHRASE)
    _, release, gate = _gate(ctx)
    futures = [ctx.writer.submit(_putting(f"test.waiting.{i}", i, i)) for i in range(5)]
    locking = threading.Event()
    ctx.on_lock(locking.set)
    locker = threading.Thread(target=ctx.lock)
    locker.start()
    assert locking.wait(GUARD)  # lock() has begun while the writes wait behind the gate
    assert not any(f.done() for f in futures)
    release.set()
    locker.join(GUARD)
    assert not locker.is_alive()
    assert gate.result(0) == "gate"
    assert [f.result(0) for f in futures] == list(range(5))  # done before lock() returned
    assert ctx.is_locked
    with pytest.raises(VaultError) as caught:
        ctx.write(lambda uow: None)
    assert caught.value.code == "vault.locked"

    again = AppContext.open(vault_dir, PASSPHRASE)
    try:
        assert again.read(lambda s: [_setting(s, f"test.waiting.{i}") for i in range(5)]) == [
            0, 1, 2, 3, 4]
    finally:
        again.lock()


def test_a_write_submitted_after_the_writer_stopped_fails_instead_of_hanging(
        ctx: AppContext) -> None:
    """`AppContext.write` checks the lock before it submits; a lock() landing between the two
    left the write queued behind the stop, its caller waiting forever."""
    ctx.writer.stop()
    fut = ctx.writer.submit(lambda s: "never")
    with pytest.raises(VaultError) as caught:
        fut.result(GUARD)
    assert caught.value.code == "vault.locked"
    with pytest.raises(VaultError):
        ctx.writer.run(lambda s: "never")
