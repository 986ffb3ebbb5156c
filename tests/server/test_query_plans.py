"""No pull or push query whose cost per page grows with the team's size (docs/SYNC.md 6).

Every statement a push batch and the pull, snapshot pages run is captured and its plan asked
for, on SQLite without statistics (a fresh server), with them (ANALYZE), and on PostgreSQL (with
sequential scans disabled, so a scan that remains has no index to use). A plan fails when it
reads a synced table whole, sorts the rows it found (it had to read them all first), or walks a
range of an index without a LIMIT that stops it (the next page's rows after the cursor).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, insert, select, text
from sqlalchemy.engine import Engine

from desktop.sync.protocol import Op, PushRequest
from server.auth import Caller, authenticate
from server.db import Database, is_sqlite
from server.models import Device, Record, User
from server.pull import pull, snapshot
from server.push import push
from server.security import new_token, token_hash
from tests.server.conftest import backend_settings, consent, op, setup_org

# tables that grow with the team (or with its history)
BIG = frozenset({"record", "conflict", "purge_event", "applied_op", "patient_access",
                 "patient_responsible", "purge_keep", "purged_patient"})
# an index search keyed by these columns alone reads every record of a kind or of a team
WHOLE_KIND = frozenset({"table_name", "team_id"})
FILLER_PATIENTS = 400
FILLER_PER_PATIENT = 12  # ~5,000 records in each of the two teams


@dataclass
class Statement:
    sql: str
    params: Any


def _device(db: Database, username: str) -> Caller:
    token = new_token()
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        s.add(Device(id=str(uuid.uuid4()), user_id=user.id, name="t", token_hash=token_hash(token),
                     created_at=dt.datetime(2026, 1, 1), expires_at=dt.datetime(2100, 1, 1),
                     cursor=0))
    with db.session() as s:
        return authenticate(s, f"Bearer {token}")


def _fill(db: Database, team_id: str, start_seq: int) -> int:
    """Many records straight into the store (a team's history), seq from start_seq."""
    rows = []
    seq = start_seq
    now = dt.datetime(2026, 11, 1)
    for _ in range(FILLER_PATIENTS):
        pid = str(uuid.uuid4())
        for n in range(FILLER_PER_PATIENT):
            seq += 1
            table, rid = ("patient", pid) if n == 0 else ("note", str(uuid.uuid4()))
            fields = {"family_name": "F"} if n == 0 else {"patient_id": pid, "text": "t"}
            rows.append({"table_name": table, "record_id": rid, "team_id": team_id,
                         "patient_id": pid, "fields": fields,
                         "meta": {"d": [seq, "x", "d"]}, "deleted": False,
                         "seq": seq, "hlc": "x", "changed_at": now})
    with db.session() as s:
        s.execute(insert(Record), rows)
        s.execute(text("UPDATE seq_counter SET value = :v WHERE name = 'seq'"), {"v": seq})
    return seq


class Capture:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.statements: list[Statement] = []
        self.on = False
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, sql: str, params: Any, _context: Any,
              executemany: bool) -> None:
        head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if self.on and not executemany and head in ("SELECT", "UPDATE", "DELETE", "WITH"):
            self.statements.append(Statement(sql, params))

    def __enter__(self) -> Capture:
        self.on = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.on = False


def _workload(db: Database, capture: Capture, alice: Caller, bob: Caller, dave: Caller) -> None:
    """A push batch of every kind of op, a conflict and its resolution, a withdrawal, a team
    move, an erasure; then pulls and snapshot pages from 0 and from the middle."""
    def send(caller: Caller, *ops: dict[str, Any]) -> list[Any]:
        with db.session() as s:
            return push(s, caller, PushRequest(device_id=caller.device_id,
                                               ops=[Op.model_validate(o) for o in ops])).results

    pid, moved, erased = (str(uuid.uuid4()) for _ in range(3))
    case_id, visit_id, note_id = (str(uuid.uuid4()) for _ in range(3))
    with capture:
        first = send(alice,
                     op("patient", pid, fields={"family_name": "Dupont", "team_id": None,
                                                "languages": ["fr"]}),
                     consent(pid),
                     op("case_record", case_id, fields={"patient_id": pid,
                                                        "responsible_users": ["alice"]},
                        patient_id=pid),
                     op("visit", visit_id, fields={"patient_id": pid, "case_id": case_id},
                        patient_id=pid),
                     op("note", note_id, "append", {"patient_id": pid, "text": "n"},
                        patient_id=pid),
                     op("patient", moved, fields={"family_name": "Move", "team_id": None}),
                     consent(moved),
                     op("patient", erased, fields={"family_name": "Gone", "team_id": None}),
                     consent(erased))
        version = first[0].field_versions["family_name"]
        send(alice, op("patient", pid, fields={"city": "Namur", "languages": ["fr", "nl"]},
                       base={"city": 0, "languages": version}))
        conflicted = send(bob, op("patient", pid, fields={"city": "Dinant"}, base={"city": 0}))
        conflict_id = conflicted[0].conflicts[0].conflict_id
        send(bob, op("patient", pid, "resolve", {"city": "Dinant"}, conflict_id=conflict_id,
                     base={"city": conflicted[0].conflicts[0].server_version}))
        send(alice, op("visit", visit_id, "delete", base={"_record": 0}, patient_id=pid))
        send(alice, op("visit", visit_id, "restore", {"patient_id": pid, "case_id": case_id},
                       base={"_record": 0}, patient_id=pid))
        send(alice, consent(pid, "withdrawn", day="2026-11-02", at="2026-11-02T10:00:00"))
        send(alice, consent(pid, "granted", day="2026-11-03", at="2026-11-03T10:00:00"))
        send(dave, op("patient", moved, fields={"team_id": dave.team_ids[1]
                                                if dave.team_ids[0] == alice.team_ids[0]
                                                else dave.team_ids[0]}))
        send(alice, op("patient", erased, "purge"))
        for caller in (alice, dave):
            for fn in (pull, snapshot):
                with db.session() as s:
                    page = fn(s, caller, 0, 100)
                with db.session() as s:
                    fn(s, caller, page.next_cursor, 100)
                with db.session() as s:
                    fn(s, caller, page.next_cursor + 3000, 100)


# ---- plans ------------------------------------------------------------------------------------
def _sqlite_problems(engine: Engine, st: Statement) -> list[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + st.sql, st.params).all()
    details = [str(r[-1]) for r in rows]
    has_limit = re.search(r"\bLIMIT\b", st.sql, re.I) is not None
    problems = []
    for d in details:
        m = re.match(r"(SCAN|SEARCH) (\w+)", d)
        table = m.group(2) if m else ""
        if m and m.group(1) == "SCAN" and table in BIG:
            problems.append(d)
        if m and m.group(1) == "SEARCH" and table in BIG and re.search(r"[<>]\?", d) \
                and not has_limit:
            problems.append(d + " (a range without LIMIT)")
        keys = re.search(r"\((.*)\)$", d)
        if m and m.group(1) == "SEARCH" and table in BIG and keys and set(
                re.findall(r"(\w+)[=<>]", keys.group(1))) <= WHOLE_KIND:
            problems.append(d + " (every row of a kind or a team)")
    if any("TEMP B-TREE FOR ORDER BY" in d for d in details) and any(
            re.search(rf"\b{t}\b", st.sql) for t in ("record", "conflict", "purge_event")):
        problems.append("sorts every row found: " + "; ".join(details))
    return problems


def _pg_nodes(node: dict[str, Any], parents: tuple[str, ...] = ()) -> Iterator[
        tuple[dict[str, Any], tuple[str, ...]]]:
    yield node, parents
    for child in node.get("Plans", []):
        yield from _pg_nodes(child, (*parents, str(node["Node Type"])))


def _pg_problems(engine: Engine, st: Statement) -> list[str]:
    with engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + st.sql, st.params).scalar()
        conn.rollback()
    assert plan is not None
    root = (plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"]
    problems = []
    for node, parents in _pg_nodes(root):
        relation = node.get("Relation Name", "")
        if relation not in BIG:
            continue
        kind = node["Node Type"]
        if kind == "Seq Scan":
            problems.append(f"Seq Scan on {relation}")
        cond = str(node.get("Index Cond", ""))
        keyed = set(re.findall(r"\w+", cond)) & set(Record.metadata.tables[relation].c.keys())
        if keyed and keyed <= WHOLE_KIND:
            problems.append(f"{kind} on {relation} ({cond}): every row of a kind or a team")
        if re.search(r"seq [<>]", cond) and not ("Limit" in parents and "Sort" not in parents):
            problems.append(f"{kind} on {relation} ({cond}) without LIMIT")
    return problems


@pytest.mark.parametrize("variant", ["sqlite", "sqlite-analyze",
                                     pytest.param("postgres", marks=pytest.mark.postgres)])
def test_pull_and_push_queries_do_not_grow_with_the_team(variant: str, tmp_path: Path) -> None:
    with backend_settings(variant.split("-")[0], tmp_path / "srv") as settings:
        db = Database(settings)
        try:
            with db.sessions() as s:
                org = setup_org(s)
            seq = _fill(db, org.team_a, 0)
            _fill(db, org.team_b, seq)
            if variant != "sqlite":
                with db.engine.begin() as conn:
                    conn.exec_driver_sql("ANALYZE")
            alice, bob, dave = (_device(db, u) for u in ("alice", "bob", "dave"))
            capture = Capture(db.engine)
            _workload(db, capture, alice, bob, dave)
            assert len(capture.statements) > 30
            check = _sqlite_problems if is_sqlite(settings.database_url) else _pg_problems
            seen: set[str] = set()
            problems: list[str] = []
            for st in capture.statements:
                if st.sql in seen:
                    continue
                seen.add(st.sql)
                problems.extend(f"{p}\n    in: {' '.join(st.sql.split())[:400]}"
                                for p in check(db.engine, st))
            assert not problems, "\n".join(problems)
        finally:
            db.dispose()
