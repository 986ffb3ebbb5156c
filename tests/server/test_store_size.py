"""What the server stores per record stays small (issue 17): the idempotency table
(server/models.py AppliedOp) holds a plain result as its seq, the 0008 migration keeps what an
older server remembered (a retried push after the upgrade still gets its first result and
applies nothing twice), and a new SQLite database has 8 KB pages."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import JSON, Text, inspect, literal, select, text, update

from server.app import create_app
from server.config import ServerSettings
from server.db import Database, _alembic_config, migrate
from server.models import (
    AppliedOp,
    Record,
    compact_meta,
    expand_meta,
    key_of,
    text_of,
    uuid_bytes,
)
from tests.server.conftest import (
    BACKENDS,
    Api,
    Org,
    backend_settings,
    new_patient,
    op,
    setup_org,
)


def _rows(client: TestClient) -> dict[str, object]:
    with client.app.state.db.session() as s:  # type: ignore[attr-defined]
        return {o: r for o, r in s.execute(select(AppliedOp.op_id, AppliedOp.result))}


def test_a_plain_result_is_its_seq_and_replays(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    pid, _ = new_patient(alice, org.team_a)
    note = op("visit", "v1", fields={"patient_id": pid, "summary": "bonjour"}, patient_id=pid)
    first = alice.push_one(note)
    assert first["status"] == "applied"
    assert _rows(client)[note["op_id"]] == first["server_seq"]
    assert alice.push_one(note) == first
    engine = client.app.state.db.engine  # type: ignore[attr-defined]
    if engine.dialect.name == "sqlite":  # the UUIDs as 16 bytes
        with engine.connect() as conn:
            assert conn.execute(text(
                "SELECT DISTINCT typeof(op_id), length(op_id), typeof(device_id), "
                "length(device_id) FROM applied_op")).all() == [("blob", 16, "blob", 16)]


def test_an_old_database_upgrades_keeps_its_results_and_syncs(client: TestClient,
                                                              org: Org) -> None:
    engine = client.app.state.db.engine  # type: ignore[attr-defined]
    alice = Api(client, "alice")
    pid, _ = new_patient(alice, org.team_a)
    note = op("visit", "v1", fields={"patient_id": pid, "summary": "bonjour"}, patient_id=pid)
    first = alice.push_one(note)
    # back to 0007 (rows with `at`, an index on device_id), the result as 0007 wrote it
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        conn.execute(text("UPDATE applied_op SET result = :r WHERE op_id = :o"), {
            "o": note["op_id"], "r": json.dumps({**first, "op_id": None} | {
                "field_versions": {"patient_id": first["server_seq"],
                                   "summary": first["server_seq"]}})})
        assert {c["name"] for c in inspect(conn).get_columns("applied_op")} >= {"at"}
        assert conn.execute(text("SELECT device_id FROM applied_op WHERE op_id = :o"),
                            {"o": note["op_id"]}).scalar_one() == alice.device_id  # as text
        hlc, meta = conn.execute(text(
            "SELECT hlc, meta FROM record WHERE record_id = 'v1'")).one()
        meta = json.loads(meta) if isinstance(meta, str) else meta
        assert meta["d"][1] == hlc == note["hlc"]  # 0007 reads no 0
    assert migrate(engine)
    with engine.connect() as conn:
        assert {c["name"] for c in inspect(conn).get_columns("applied_op")} == {
            "op_id", "device_id", "result"}
        assert inspect(conn).get_indexes("applied_op") == []
        if engine.dialect.name == "sqlite":
            sql = conn.execute(text(
                "SELECT sql FROM sqlite_master WHERE name = 'applied_op'")).scalar_one()
            assert "WITHOUT ROWID" in sql
    again = alice.push_one(note)  # the retry: the same answer, nothing applied again
    assert again["status"] == "applied" and again["server_seq"] == first["server_seq"]
    assert again["record_version"] == first["record_version"]
    changes = [c for c in alice.pull_all() if c.get("record_id") == "v1"]
    assert [c["seq"] for c in changes] == [first["server_seq"]]
    edit = op("visit", "v1", fields={"patient_id": pid, "summary": "au revoir"},
              base={"summary": first["server_seq"]}, patient_id=pid)
    done = alice.push_one(edit)  # and it syncs on
    assert done["status"] == "applied" and done["server_seq"] > first["server_seq"]
    assert alice.push_one(edit) == done
    bob = Api(client, "bob")
    assert bob.push_one(edit)["reason"] == "sync.forbidden"  # another device's op id


def test_a_new_sqlite_database_has_8k_pages(tmp_path: Path) -> None:
    db = Database(ServerSettings(data_dir=tmp_path / "srv"))
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 8192
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -65536
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 10_000
    finally:
        db.dispose()


def test_sqlite_requests_one_after_another_keep_one_connection(tmp_path: Path) -> None:
    """Its page cache survives only while no other connection commits (server/db.py)."""
    db = Database(ServerSettings(data_dir=tmp_path / "srv"))
    try:
        with db.engine.connect() as a, db.engine.connect() as b:  # two in the pool
            assert a.connection.dbapi_connection is not b.connection.dbapi_connection
        used = []
        for _ in range(4):
            with db.session() as s:
                s.execute(text("SELECT 1"))
                used.append(id(s.connection().connection.dbapi_connection))
        assert len(set(used)) == 1
    finally:
        db.dispose()


def test_the_record_hlc_is_written_once() -> None:
    fields = {"a": 1, "b": 2, "c": 3}
    versions, writers = {"a": 5, "b": 5, "c": 9}, {"a": "d1", "b": "d1", "c": "d2"}
    hlcs = {"a": "h1", "b": "h1", "c": "h2"}
    meta = compact_meta(versions, hlcs, writers, record_hlc="h2")
    assert meta == {"d": [5, "h1", "d1"], "x": {"c": [9, 0, "d2"]}}
    assert expand_meta(fields, meta, record_hlc="h2") == (versions, hlcs, writers)
    rec = Record(fields=fields, meta=meta, hlc="h2")
    assert rec.field_hlcs == hlcs


def test_an_edit_keeps_each_field_hlc(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice, org.team_a)
    h1, h5, h9 = (f"17000000000{n:02d}-00000-dev" for n in (1, 5, 9))
    created = op("relationship", "r1", fields={"patient_id": pid, "pos_x": 1, "pos_y": 1},
                 patient_id=pid, hlc=h1)
    seq = alice.push_one(created)["server_seq"]
    db = client.app.state.db  # type: ignore[attr-defined]
    with db.session() as s:
        rec = s.get(Record, ("relationship", "r1"))
        assert rec is not None and rec.meta == {"d": [seq, 0, alice.device_id]}
        assert rec.field_hlcs == {"patient_id": h1, "pos_x": h1, "pos_y": h1}
    edit = op("relationship", "r1", fields={"pos_x": 2}, base={"pos_x": seq}, patient_id=pid,
              hlc=h9)
    later = alice.push_one(edit)["server_seq"]
    with db.session() as s:
        rec = s.get(Record, ("relationship", "r1"))
        assert rec is not None and rec.hlc == h9
        assert rec.field_hlcs == {"patient_id": h1, "pos_x": h9, "pos_y": h1}
        assert rec.field_versions == {"patient_id": seq, "pos_x": later, "pos_y": seq}
    # last writer wins (pos_x, pos_y): h5 loses to the record's h9, beats the field's h1
    stale = op("relationship", "r1", fields={"pos_x": 5, "pos_y": 5},
               base={"pos_x": seq, "pos_y": seq}, patient_id=pid, hlc=h5)
    assert bob.push_one(stale)["status"] == "applied"
    with db.session() as s:
        rec = s.get(Record, ("relationship", "r1"))
        assert rec is not None and rec.fields["pos_x"] == 2 and rec.fields["pos_y"] == 5
        assert rec.field_hlcs == {"patient_id": h1, "pos_x": h9, "pos_y": h5}


def test_keys_read_back_as_written(client: TestClient, org: Org) -> None:
    """UuidKey: op ids that are no canonical UUID (upper case, 16 and 15 bytes long, accents)
    come back the same and replay, beside UUIDs stored as 16 bytes."""
    alice = Api(client, "alice")
    pid, _ = new_patient(alice, org.team_a)
    ids = [str(uuid.uuid4()), str(uuid.uuid4()).upper(), "o" * 16, "é" * 8, "o" * 15, "x"]
    sent = [op("visit", f"v{n}", fields={"patient_id": pid}, patient_id=pid) | {"op_id": i}
            for n, i in enumerate(ids)]
    first = [alice.push_one(o) for o in sent]
    assert {r["status"] for r in first} == {"applied"}
    assert set(_rows(client)) >= set(ids)
    with client.app.state.db.session() as s:  # type: ignore[attr-defined]
        devices = set(s.scalars(select(AppliedOp.device_id).where(AppliedOp.op_id.in_(ids))))
        assert devices == {alice.device_id}
    assert [alice.push_one(o) for o in sent] == first


@pytest.mark.postgres
def test_postgres_0009_keeps_every_row(tmp_path: Path) -> None:
    """Down to 0008 (text keys, JSONB) and up again: ids, team ids, meta and results as they
    were, in PostgreSQL's compact types at head."""
    with backend_settings("postgres", tmp_path / "srv") as settings:
        app = create_app(settings)
        with TestClient(app) as client:
            with app.state.db.sessions() as session:
                org = setup_org(session)
            alice = Api(client, "alice")
            pid, _ = new_patient(alice, org.team_a)
            ids = [str(uuid.uuid4()), "o" * 16, "é" * 8, "x"]
            for n, i in enumerate(ids):
                alice.push_one(op("visit", f"v{n}", fields={"patient_id": pid}, patient_id=pid)
                               | {"op_id": i})
            engine = app.state.db.engine

            def snapshot() -> tuple[Any, ...]:
                with app.state.db.session() as s:
                    return (sorted(s.execute(select(AppliedOp.op_id, AppliedOp.device_id,
                                                    AppliedOp.result)).tuples()),
                            sorted(s.execute(select(Record.record_id, Record.team_id,
                                                    Record.fields, Record.meta)).tuples()))

            before = snapshot()
            assert {r[1] for r in before[1]} == {org.team_a}
            with engine.begin() as conn:
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0008")
                assert set(conn.execute(text(
                    "SELECT op_id FROM applied_op WHERE device_id = :d"),
                    {"d": alice.device_id}).scalars()) >= set(ids)
                assert set(conn.execute(text("SELECT DISTINCT team_id FROM record")).scalars()) \
                    == {org.team_a}
                types = dict(conn.execute(text(
                    "SELECT table_name || '.' || column_name, data_type FROM "
                    "information_schema.columns WHERE table_name IN ('record', 'applied_op')")
                ).tuples().all())
                assert types["record.fields"] == types["record.meta"] == "jsonb" and types["applied_op.op_id"] \
                    == "character varying"
            assert migrate(engine)
            with engine.connect() as conn:
                types = dict(conn.execute(text(
                    "SELECT table_name || '.' || column_name, data_type FROM "
                    "information_schema.columns WHERE table_name IN ('record', 'applied_op')")
                ).tuples().all())
            assert types["record.record_id"] == "bytea"
            assert (types["record.team_id"], types["record.meta"], types["record.fields"],
                    types["applied_op.op_id"], types["applied_op.device_id"],
                    types["applied_op.result"]) == ("bytea", "json", "json", "bytea", "bytea",
                                                    "json")
            assert snapshot() == before
            again = alice.push_one(op("visit", "v0", fields={"patient_id": pid},
                                      patient_id=pid) | {"op_id": ids[0]})
            assert again["status"] == "applied"
            assert alice.pull_all()


def test_a_page_keeps_a_record_whose_fields_are_no_object(client: TestClient, org: Org) -> None:
    """The references are read from `fields` in one parse on PostgreSQL (server/pull.py
    page_select): a record whose stored fields are not an object still comes in its page, with
    no references, as with `->>` before."""
    alice = Api(client, "alice")
    pid, _ = new_patient(alice, org.team_a)
    alice.push_one(op("visit", "v1", fields={"patient_id": pid, "summary": "x"},
                      patient_id=pid))
    with client.app.state.db.session() as s:  # type: ignore[attr-defined]
        s.execute(update(Record).where(Record.record_id == "v1").values(fields=JSON.NULL))
    assert [c["record_id"] for c in alice.pull_all() if c["table"] == "visit"] == ["v1"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_key_of_and_text_of_agree_with_the_stored_keys(backend: str, tmp_path: Path) -> None:
    """Another table's id compared with a record's id goes through key_of / text_of (pull's
    snapshot: a purged patient shared again): the same bytes as UuidKey stores, and back."""
    ids = [str(uuid.uuid4()), str(uuid.uuid4()).upper(), "o" * 16, "é" * 8, "o" * 15, "x"]
    with backend_settings(backend, tmp_path / "srv") as settings:
        db = Database(settings)
        try:
            with db.session() as s:
                for n, i in enumerate(ids):
                    s.add(Record(table_name="patient", record_id=i, team_id=f"t{n}",
                                 fields={}, meta={}, deleted=False, seq=n,
                                 changed_at=dt.datetime(2026, 11, 1)))
            with db.session() as s:
                for i in ids:
                    assert s.scalar(select(Record.record_id).where(
                        Record.record_id == key_of(literal(i, Text)))) == i
                    assert s.scalar(select(text_of(Record.record_id)).where(
                        Record.record_id == i)) == i
        finally:
            db.dispose()


def test_uuid_bytes_takes_exactly_the_canonical_uuids() -> None:
    """UuidKey's fast check is the rule `str(uuid.UUID(v)) == v` (what 0008 and 0009 stored)."""
    u = str(uuid.uuid4())
    values = [*(str(uuid.uuid4()) for _ in range(200)), u.upper(), "{" + u[1:-1] + "}",
              u.replace("-", " ", 1), u[:9] + " 0" + u[11:], u[:8] + "--" + u[10:],
              u[:35] + "g", u[:8] + "-+1" + u[11:], "0" * 8 + "-0000-0000-0000-" + "0" * 12,
              "x" * 36, "é" * 36, u.replace("-", "")]
    for v in values:
        try:
            expected = uuid.UUID(v).bytes if str(uuid.UUID(v)) == v else None
        except ValueError:
            expected = None
        assert uuid_bytes(v) == expected, v
