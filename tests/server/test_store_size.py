"""What the server stores per record stays small (issue 17): the idempotency table
(server/models.py AppliedOp) holds a plain result as its seq, the 0008 migration keeps what an
older server remembered (a retried push after the upgrade still gets its first result and
applies nothing twice), and a new SQLite database has 8 KB pages."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from server.config import ServerSettings
from server.db import Database, _alembic_config, migrate
from tests.server.conftest import Api, Org, new_patient, op


def _rows(client: TestClient) -> dict[str, object]:
    engine = client.app.state.db.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        return {str(o): json.loads(r) if isinstance(r, str) else r for o, r in conn.execute(
            text("SELECT op_id, result FROM applied_op"))}


def test_a_plain_result_is_its_seq_and_replays(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    pid, _ = new_patient(alice, org.team_a)
    note = op("visit", "v1", fields={"patient_id": pid, "summary": "bonjour"}, patient_id=pid)
    first = alice.push_one(note)
    assert first["status"] == "applied"
    assert _rows(client)[note["op_id"]] == first["server_seq"]
    assert alice.push_one(note) == first


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
    finally:
        db.dispose()
