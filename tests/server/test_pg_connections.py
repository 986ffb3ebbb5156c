"""The server's PostgreSQL connections (server/db.py): statements prepared yet planned with
their values at every run, and a connection left idle checked before it serves."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

from server import db as server_db
from server.db import Database
from server.models import Record
from tests.server.conftest import backend_settings

pytestmark = pytest.mark.postgres


def test_statements_prepared_and_planned_with_their_values(tmp_path: Path) -> None:
    """A plan kept from when the tables were small ran a push into 300,000 records 3 to 5 times
    slower: a statement run often is prepared (parsed once) but never given a generic plan."""
    with backend_settings("postgres", tmp_path / "srv") as settings:
        db = Database(settings, run_migrations=False)
        try:
            query = select(Record.seq).where(Record.patient_id == "p1").limit(1)
            with db.engine.connect() as conn:
                for _ in range(12):
                    conn.execute(query).all()
                rows = conn.execute(text(
                    "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                    "WHERE statement LIKE '%FROM record%patient_id%'")).all()
        finally:
            db.dispose()
    assert rows, "the statement run 12 times was not prepared"
    assert all(r.generic_plans == 0 and r.custom_plans >= 7 for r in rows), rows


def _terminate_backends(db: Database) -> int:
    """What a database restart does to the pool's connections."""
    name = db.engine.url.database
    admin = create_engine(db.engine.url.set(database="postgres"),
                                    isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return len(conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name}).all())
    finally:
        admin.dispose()


@pytest.mark.parametrize("idle", [True, False])
def test_connection_closed_while_idle_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  idle: bool) -> None:
    """A pooled connection the database closed while it sat unused (a restart overnight) is
    checked when taken again and replaced: the request is served. One in steady use is not
    checked (a round trip per request cost a fifth of a sync round's CPU): the request that
    meets the restart fails, and the pool renews its connections."""
    with backend_settings("postgres", tmp_path / "srv") as settings:
        db = Database(settings, run_migrations=False)
        try:
            with db.session() as s:
                s.execute(select(Record.seq).limit(1)).all()
            assert _terminate_backends(db) >= 1
            monkeypatch.setattr(server_db, "IDLE_PING_S", 0.0 if idle else 3600.0)
            if idle:
                with db.session() as s:
                    assert s.execute(select(Record.seq).limit(1)).all() == []
            else:
                with pytest.raises(OperationalError), db.session() as s:
                    s.execute(select(Record.seq).limit(1)).all()
                with db.session() as s:  # the pool renewed its connections
                    assert s.execute(select(Record.seq).limit(1)).all() == []
        finally:
            db.dispose()
