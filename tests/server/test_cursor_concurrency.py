"""Concurrent pushers and a tight puller: the puller never skips a change (docs/ARCHITECTURE.md
§7: the counter row makes seq order commit order; plain sequences would let a reader skip rows)."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.sync.protocol import Op, PushRequest
from server import admin
from server.auth import authenticate
from server.config import ServerSettings
from server.db import Database
from server.models import Device, User
from server.pull import pull
from server.push import push
from server.security import new_token, token_hash
from tests.server.conftest import backend_settings, consent, op, setup_org

PUSHERS = 4
BATCHES = 8
OPS_PER_BATCH = 5


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres),
                                     "sqlite"])
def test_tight_puller_never_sees_a_gap(backend: str, tmp_path: Path) -> None:
    with backend_settings(backend, tmp_path / "srv") as settings:
        db = Database(settings)
        try:
            _run(db, settings)
        finally:
            db.dispose()


def _device(db: Database, username: str) -> str:
    """Enrol a device directly (no Argon2 per device)."""
    token = new_token()
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        s.add(Device(id=str(uuid.uuid4()), user_id=user.id, name="t", token_hash=token_hash(token),
                     created_at=dt.datetime(2026, 1, 1), expires_at=dt.datetime(2100, 1, 1),
                     cursor=0))
    return token


def _run(db: Database, settings: ServerSettings) -> None:
    with db.sessions() as s:
        setup_org(s)
    tokens = [_device(db, "alice") for _ in range(PUSHERS + 1)]
    callers = []
    for token in tokens:
        with db.session() as s:
            callers.append(authenticate(s, f"Bearer {token}"))
    pid = str(uuid.uuid4())
    with db.session() as s:
        push(s, callers[0], PushRequest(device_id=callers[0].device_id, ops=[
            Op.model_validate(op("patient", pid, fields={"family_name": "D"})),
            Op.model_validate(consent(pid))]))
    expected: set[str] = set()
    errors: list[BaseException] = []
    done = threading.Event()

    def pusher(i: int) -> None:
        caller = callers[i + 1]
        try:
            for _ in range(BATCHES):
                ops = [op("note", str(uuid.uuid4()), "append",
                          fields={"patient_id": pid, "text": "n"}, patient_id=pid)
                       for _ in range(OPS_PER_BATCH)]
                with db.session() as s:
                    results = push(s, caller, PushRequest(
                        device_id=caller.device_id, ops=[Op.model_validate(o) for o in ops]))
                assert {r.status for r in results.results} == {"applied"}
                expected.update(o["record_id"] for o in ops)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    seen: list[int] = []
    ids: set[str] = set()

    def puller() -> None:
        cursor = 0
        try:
            while True:
                finished = done.is_set()  # read before the pull: one more pass after the end
                with db.session() as s:
                    page = pull(s, callers[0], cursor, 7)
                for change in page.changes:
                    if change.seq > cursor:  # prerequisites may repeat earlier records
                        seen.append(change.seq)
                    ids.add(change.record_id)
                assert page.next_cursor >= cursor
                cursor = page.next_cursor
                if finished and not page.has_more:
                    return
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=pusher, args=(i,)) for i in range(PUSHERS)]
    reader = threading.Thread(target=puller)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join(timeout=120)
    assert not errors, errors
    assert expected <= ids, f"{len(expected - ids)} changes skipped by the puller"
    assert len(seen) == len(set(seen)), "a change was delivered twice at its own seq"
    assert seen == sorted(seen)
    admin.list_devices(settings)  # the admin view still works after the load
