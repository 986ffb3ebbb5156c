"""desktop/storage/engine.py: readers side by side, one idle connection kept (issue 16, target 6).

Every reader connection holds its own page cache; a burst of readers (Today's sections, a
dossier's tabs) must not leave all of them open, each with its cache, once it is over."""

from __future__ import annotations

from contextlib import ExitStack

from sqlalchemy import text

from desktop.services.context import AppContext


def test_a_burst_of_readers_leaves_one_connection_open(ctx: AppContext) -> None:
    engine = ctx.vault.reader_engine
    with ExitStack() as stack:
        conns = [stack.enter_context(engine.connect()) for _ in range(5)]
        # side by side: each reads the vault through its own connection
        assert {c.execute(text("SELECT count(*) FROM sqlite_master")).scalar() for c in conns}
        assert len({id(c.connection.dbapi_connection) for c in conns}) == 5
    assert engine.pool.checkedout() == 0
    assert engine.pool.checkedin() == 1


def test_reader_cache_is_small_and_the_standard_sqlite3_is_not_loaded(ctx: AppContext) -> None:
    with ctx.vault.reader_engine.connect() as conn:
        assert conn.execute(text("PRAGMA cache_size")).scalar() == -4096
    assert ctx.vault.reader_engine.dialect.dbapi.__name__ == "sqlcipher3.dbapi2"
