"""A record's per-field versions, HLCs and writers are stored compact (server/models.py) and
the 0007 migration converts a server's existing records without changing what they say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from server.config import ServerSettings
from server.db import Database, _alembic_config, make_engine, migrate
from server.models import Record, compact_meta, expand_meta
from tests.server.conftest import backend_settings


def test_compact_meta_round_trips_and_stays_small() -> None:
    fields = {"a": 1, "b": 2, "c": 3, "d": 4}
    versions = {"a": 5, "b": 5, "c": 9, "d": 5}
    hlcs = {"a": "h1", "b": "h1", "c": "h2", "d": "h1"}
    writers = {"a": "dev1", "b": "dev1", "c": "dev2", "d": "dev1"}
    meta = compact_meta(versions, hlcs, writers)
    assert meta == {"d": [5, "h1", "dev1"], "x": {"c": [9, "h2", "dev2"]}}
    assert expand_meta(fields, meta) == (versions, hlcs, writers)
    rec = Record(fields=fields, meta=meta)
    assert rec.field_versions == versions and rec.field_writers["c"] == "dev2"
    rec.set_field_meta({**versions, "d": 12}, hlcs, writers)
    assert rec.field_versions["d"] == 12 and rec.meta["d"] == [5, "h1", "dev1"]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres",
                                                            marks=pytest.mark.postgres)])
def test_migration_0007_keeps_every_field_version(backend: str, tmp_path: Path) -> None:
    with backend_settings(backend, tmp_path / "srv") as settings:
        _check(settings)


def _check(settings: ServerSettings) -> None:
    engine = make_engine(settings)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":  # the template is at head: start over
                conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
        now = dt.datetime(2026, 11, 1)
        rows = [("patient", "p1", '{"family_name": "D", "city": "N"}',
                 '{"family_name": 3, "city": 7}', '{"family_name": "h3", "city": "h7"}',
                 '{"family_name": "d1", "city": "d2"}'),
                ("note", "n1", '{"text": "t"}', '{"text": 4}', '{"text": "h4"}',
                 '{"text": "d1"}'),
                ("note", "n2", '{}', '{}', '{}', '{}')]
        with engine.begin() as conn:
            for t, r, f, v, h, w in rows:
                conn.execute(text(
                    "INSERT INTO record (table_name, record_id, team_id, patient_id, fields, "
                    "field_versions, field_hlcs, field_writers, deleted, seq, hlc, changed_at) "
                    "VALUES (:t, :r, 'team', 'p1', :f, :v, :h, :w, false, 7, 'h', :now)"),
                    {"t": t, "r": r, "f": f, "v": v, "h": h, "w": w, "now": now})
        migrate(engine)
    finally:
        engine.dispose()
    db = Database(settings, run_migrations=False)
    try:
        with db.session() as s:
            patient = s.get(Record, ("patient", "p1"))
            assert patient is not None
            assert patient.field_versions == {"family_name": 3, "city": 7}
            assert patient.field_hlcs == {"family_name": "h3", "city": "h7"}
            assert patient.field_writers == {"family_name": "d1", "city": "d2"}
            note = s.get(Record, ("note", "n1"))
            assert note is not None and note.meta == {"d": [4, "h4", "d1"]}
            empty = s.get(Record, ("note", "n2"))
            assert empty is not None and empty.field_versions == {}
    finally:
        db.dispose()


def test_a_remembered_op_result_is_compact_and_replays_the_same() -> None:
    from desktop.sync.protocol import Op, OpResult
    from server.push import replayed, stored_result

    op = Op(op_id="o1", table="patient", record_id="p1", kind="upsert", hlc="h",
            fields={"family_name": "D", "city": "N", "id": "p1"})
    created = OpResult(op_id="o1", status="applied", server_seq=9, record_version=9,
                       field_versions={"family_name": 9, "city": 9, "team_id": 9},
                       fields={"team_id": "t"})
    edited = OpResult(op_id="o1", status="applied", server_seq=12, record_version=12,
                      field_versions={"family_name": 3, "city": 12})
    plain = OpResult(op_id="o1", status="applied", server_seq=9, record_version=9,
                     field_versions={"family_name": 9, "city": 9})
    assert stored_result(op, plain) == 9  # the commonest result: its seq alone
    for result in (created, edited, plain):
        assert replayed(op, stored_result(op, result)) == result
    # results remembered before this form (every field version) still replay
    assert replayed(op, created.model_dump(mode="json")) == created
