"""An unlocked vault and what services need around it: the writer thread, the clock, identity."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.hlc import HybridClock
from desktop.domain.ids import uuid7
from desktop.services.unit_of_work import Touched, UnitOfWork
from desktop.storage.errors import VaultError
from desktop.storage.models import Setting, SyncState
from desktop.storage.vault import Vault
from desktop.storage.writer import Writer

T = TypeVar("T")


def _translate_db_error(exc: BaseException) -> BaseException:
    orig = getattr(exc, "orig", exc)
    msg = str(orig).lower()
    if "full" in msg:
        return VaultError("vault.disk_full")
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return VaultError("vault.not_writable", path="")
    return exc


class AppContext:
    """Services take an AppContext; the UI and the CLI each hold one per unlocked vault."""

    def __init__(self, vault: Vault, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.vault = vault
        self.today = today
        self._read_sessions = sessionmaker(vault.reader_engine, expire_on_commit=False)
        self.writer = Writer(vault.writer_engine)
        self._lock_listeners: list[Callable[[], None]] = []
        self._write_listeners: list[Callable[[Touched], None]] = []
        self._state_lock = threading.Lock()
        self._joined = threading.local()  # the unit of work `write_many` opened, on the writer
        state = self.writer.run(self._load_state)
        self.device_id: str = state["device_id"]
        self.user_name: str = state["user_name"]
        self.clock = HybridClock(self.device_id, state["hlc"])

    @staticmethod
    def _load_state(session: Session) -> dict[str, Any]:
        def get(key: str) -> Any:
            row = session.get(SyncState, key)
            return row.value if row else None

        device = get("device_id")
        if device is None:
            device = uuid7()
            session.add(SyncState(key="device_id", value=device))
        user_row = session.get(Setting, "user_name")
        return {"device_id": device, "hlc": get("hlc"),
                "user_name": user_row.value if user_row else None}

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path, passphrase: str, *, throwaway: bool = False,
             **kw: Any) -> AppContext:
        """`throwaway`: the self-test's temporary vault (cheap KDF kept, see Vault.create)."""
        return cls(Vault.open(folder, passphrase, throwaway=throwaway), **kw)

    @classmethod
    def create(cls, folder: Path, passphrase: str, user_name: str | None = None, *,
               throwaway: bool = False, **kw: Any) -> tuple[AppContext, str]:
        vault, recovery = Vault.create(folder, passphrase, throwaway=throwaway)
        ctx = cls(vault, **kw)
        if user_name:
            ctx.set_setting("user_name", user_name)
            ctx.user_name = user_name
        return ctx, recovery

    # ---- transactions --------------------------------------------------------------------
    def write(self, fn: Callable[[UnitOfWork], T]) -> T:
        """Run `fn` in one BEGIN IMMEDIATE transaction on the writer thread. After the commit,
        the listeners of `on_write` hear what it touched (on the calling thread)."""
        return self.write_touched(fn)[0]

    def write_touched(self, fn: Callable[[UnitOfWork], T]) -> tuple[T, Touched]:
        """`write`, returning also what the transaction touched (tables and patient ids)."""
        self._check_open()
        joined: UnitOfWork | None = getattr(self._joined, "uow", None)
        if joined is not None:  # inside `write_many`: part of its transaction
            return fn(joined), Touched()
        uows: list[UnitOfWork] = []

        def run(session: Session) -> T:
            uow = UnitOfWork(session, self)
            uows.append(uow)
            result = fn(uow)
            uow.finish()
            return result

        try:
            result = self.writer.run(run)
        except (sa_exc.OperationalError, sqlcipher3.OperationalError) as exc:
            raise _translate_db_error(exc) from exc
        touched = uows[0].touched if uows else Touched()
        if touched:
            for listener in list(self._write_listeners):
                listener(touched)
        return result, touched

    def write_many(self, fn: Callable[[], T]) -> T:
        """Run `fn`, which calls services, in one transaction: each `write` (and `read`) they
        make inside it joins that transaction, so thousands of small writes cost one commit (the
        demo generator). A refusal by any of them rolls the whole transaction back."""

        def run(uow: UnitOfWork) -> T:
            self._joined.uow = uow
            try:
                return fn()
            finally:
                self._joined.uow = None

        return self.write(run)

    def on_write(self, fn: Callable[[Touched], None]) -> Callable[[], None]:
        """Call `fn(touched)` after each committed write that touched something; returns a
        function that removes the listener."""
        self._write_listeners.append(fn)

        def remove() -> None:
            if fn in self._write_listeners:
                self._write_listeners.remove(fn)
        return remove

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run `fn` in a read transaction on the calling thread (WAL: never blocks the writer).
        Inside `write_many`, it reads in that transaction (and sees what it wrote so far)."""
        self._check_open()
        joined: UnitOfWork | None = getattr(self._joined, "uow", None)
        if joined is not None:
            return fn(joined.session)
        with self._read_sessions() as session, session.begin():
            return fn(session)

    def _check_open(self) -> None:
        if self.vault.is_locked:
            raise VaultError("vault.locked")

    # ---- settings (encrypted, inside the vault) -----------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.read(lambda s: s.get(Setting, key))
        return row.value if row else default

    def set_setting(self, key: str, value: Any) -> None:
        def run(uow: UnitOfWork) -> None:
            row = uow.session.get(Setting, key)
            if row is None:
                uow.session.add(Setting(key=key, value=value))
            else:
                row.value = value
        self.write(run)

    # ---- locking -------------------------------------------------------------------------
    def on_lock(self, fn: Callable[[], None]) -> None:
        self._lock_listeners.append(fn)

    def lock(self) -> None:
        """Stop workers, close connections, overwrite the key bytes."""
        with self._state_lock:
            if self.vault.is_locked:
                return
            for fn in list(self._lock_listeners):
                fn()
            self.writer.stop()
            self.vault.lock()

    close = lock

    @property
    def is_locked(self) -> bool:
        return self.vault.is_locked
