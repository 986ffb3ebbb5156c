"""A push batch in few round trips to the database (`bench sync --only devices`): each statement
costs server and database CPU, and those after the counter lock make every other push wait.
A laptop's usual batch (a new patient with its consent and notes, edits of three patients it
made before) is counted, with the token check and the push answer's cursor, on SQLite and
PostgreSQL. Its records are read in one query, its patients' sharing state in three (access,
responsible names, their consents and cases), the answer's cursor in one after the commit.
A teammate's pull of it is counted too."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import event, select

from desktop.sync.protocol import Op, PushRequest
from server import pull
from server.auth import authenticate, user_teams
from server.config import ServerSettings
from server.db import Database, is_sqlite
from server.models import Device, User
from server.pull import pull_page
from server.push import push
from server.security import new_token, token_hash
from tests.server.conftest import consent, op, setup_org

# token (1); done ops, records, purged patients (3); access, responsible, consents and cases
# (3); the new patient's access row and responsible name (2); counter (1); applied ops, record
# updates, record inserts (3); the answer's cursor (1). SQLite (one writer: the counter locked
# first, records one query per table) takes 4 more. Before: 23 on PostgreSQL, 25 on SQLite.
MOST_STATEMENTS = 14


def _token(db: Database, username: str) -> str:
    """A device that pulled once (its scope: its user's teams)."""
    token = new_token()
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        s.add(Device(id=str(uuid.uuid4()), user_id=user.id, name="t",
                     token_hash=token_hash(token), created_at=dt.datetime(2026, 1, 1),
                     expires_at=dt.datetime(2100, 1, 1), cursor=0,
                     scope=[t for t, _ in user_teams(s, user.id)]))
    return token


def _batch(round_no: int, earlier: list[tuple[str, int]]) -> list[dict[str, Any]]:
    pid = str(uuid.uuid4())
    ops = [op("patient", pid, fields={"family_name": "Dupont", "team_id": None,
                                      "city": "Namur"}), consent(pid)]
    ops += [op("note", str(uuid.uuid4()), "append", {"patient_id": pid, "text": "visite"},
               patient_id=pid) for _ in range(15 - len(earlier))]
    ops += [op("patient", old, fields={"city": f"Dinant {round_no}"}, base={"city": version})
            for old, version in earlier]
    return ops


def test_a_usual_push_batch_takes_few_statements(settings: ServerSettings) -> None:
    db = Database(settings)
    try:
        with db.session() as s:
            setup_org(s)
        token = _token(db, "alice")
        statements: list[str] = []
        updated: list[Any] = []  # the record rows the batch updates

        def seen(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any,
                 many: bool) -> None:
            statements.append(sql)
            if sql.startswith("UPDATE record"):
                updated.extend(params if many else [params])

        earlier: dict[str, int] = {}  # patient → version of its city
        cursor = 0
        for round_no in range(3):
            ops = _batch(round_no, list(earlier.items())[-3:])
            if round_no == 2:
                event.listen(db.engine, "before_cursor_execute", seen)
            with db.session() as s:
                caller = authenticate(s, f"Bearer {token}", allow_revoked=True)
                answer = push(s, caller, PushRequest(
                    device_id=caller.device_id, ops=[Op.model_validate(o) for o in ops],
                    cursor=cursor))
            assert [r.status for r in answer.results if r.status != "applied"] == []
            for one, res in zip(ops, answer.results, strict=True):
                if one["table"] == "patient":
                    earlier[one["record_id"]] = res.field_versions["city"]
            assert answer.cursor is not None  # nothing else changed: no pull needed
            cursor = answer.cursor
        event.remove(db.engine, "before_cursor_execute", seen)
        most = MOST_STATEMENTS + (4 if is_sqlite(settings.database_url) else 0)
        assert len(statements) <= most, "\n".join(s[:120] for s in statements)
        # the patients edited; the new records are inserted once, with their final seqs
        # (SQLite's early counter lock once let them be flushed first, then updated again)
        assert len(updated) == sum(1 for o in ops if o["base_versions"]) == 2
    finally:
        db.dispose()


# token and device (1: the device is not read again); head, horizon and whether the team has
# any conflict or purge after the cursor (1; on PostgreSQL also telling the commit not to wait
# for the disk); the records of its one team (1: no conflict, no purge to read); the device's
# progress (1). The authors' names were read by the round before (the process keeps them).
# Before: 9, then 8.
MOST_PULL_STATEMENTS = 4


def test_a_usual_pull_takes_few_statements(settings: ServerSettings) -> None:
    db = Database(settings)
    try:
        with db.session() as s:
            setup_org(s)
        alice, bob = _token(db, "alice"), _token(db, "bob")
        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
            statements.append(sql)

        cursor = 0
        for round_no in range(2):
            with db.session() as s:
                caller = authenticate(s, f"Bearer {alice}")
                push(s, caller, PushRequest(device_id=caller.device_id, ops=[
                    Op.model_validate(o) for o in _batch(round_no, [])]))
            if round_no == 1:
                event.listen(db.engine, "before_cursor_execute", seen)
            with db.session() as s:
                caller = authenticate(s, f"Bearer {bob}")
                page = pull_page(s, caller, cursor, 500, compact=True)
            assert len(page.entries) >= 17 and not page.has_more
            cursor = page.next_cursor
        event.remove(db.engine, "before_cursor_execute", seen)
        assert cursor > 0
        assert len(statements) <= MOST_PULL_STATEMENTS, "\n".join(s[:120] for s in statements)
    finally:
        db.dispose()


def test_author_names_are_read_once_per_process_and_again_when_their_time_is_up(
        sqlite_settings: ServerSettings, monkeypatch: Any) -> None:
    db = Database(sqlite_settings)
    try:
        with db.session() as s:
            setup_org(s)
        alice = _token(db, "alice")
        with db.session() as s:
            device = authenticate(s, f"Bearer {alice}").device_id
        unknown = str(uuid.uuid4())
        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
            statements.append(sql)

        event.listen(db.engine, "before_cursor_execute", seen)
        with db.session() as s:
            assert pull._display_names(s, {device, unknown}) == {device: "Alice"}
            assert len(statements) == 1
            # known, and known to be unknown: no query
            assert pull._display_names(s, {device, unknown}) == {device: "Alice"}
            assert len(statements) == 1
            monkeypatch.setattr(pull, "NAMES_SECONDS", -1.0)
            pull._names.clear()
            pull._display_names(s, {device})
            pull._display_names(s, {device})  # kept, but its time is already up: read again
            assert len(statements) == 3
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
        db.dispose()
