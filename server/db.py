"""Engine and sessions for SQLite (default) or PostgreSQL, and migrations to head on startup."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from server.config import ServerSettings, private_dir
from server.models import Counter

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def compact_json(value: Any) -> str:
    """JSON columns as written: no spaces, accents as they are (SQLite stores the text)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(settings: ServerSettings) -> Engine:
    url = settings.database_url
    if is_sqlite(url):
        private_dir(settings.data_dir)
        db_file = settings.sqlite_file
        if db_file is not None and not db_file.exists():
            # 0600 whatever the umask; SQLite gives its -wal and -shm files the same mode
            private_dir(db_file.parent)
            with contextlib.suppress(FileExistsError):
                os.close(os.open(db_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        # hide_parameters: a database error logged with its traceback must not carry patient data
        # pool_use_lifo: the connection used last serves next. SQLite keeps a page cache per
        # connection and drops it when another connection has committed since: a pool handing
        # out its connections in turn read the key indexes from the file at every push
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 60},
                               pool_use_lifo=True,
                               hide_parameters=True, json_serializer=compact_json)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            # a new file only (no effect once a table exists): records of about 1 KB fill
            # 8 KB pages better than 4 KB ones (about 7 % less room)
            cur.execute("PRAGMA page_size=8192")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")  # a committed push survives power loss
            cur.execute("PRAGMA busy_timeout=60000")
            # the key indexes of a few hundred thousand records stay in memory (64 MB at most,
            # taken as pages are read), and the WAL is copied back every 10,000 pages (80 MB)
            # instead of 1,000: a push with random record ids touches hundreds of index pages,
            # which a larger WAL rewrites fewer times (`bench sync --only store`)
            cur.execute("PRAGMA cache_size=-65536")
            cur.execute("PRAGMA wal_autocheckpoint=10000")
            cur.close()

        return engine
    # Statements are prepared (psycopg: from their 5th run on a connection): PostgreSQL then
    # parses each once per connection, about a third of its CPU in a push. Every run is still
    # planned with its values and the statistics of the moment (force_custom_plan): a plan kept
    # from when the tables were small ran a push into 300,000 records 3 to 5 times slower
    # (`bench sync --only store`).
    engine = create_engine(url, pool_size=settings.pool_size, max_overflow=settings.pool_size,
                           hide_parameters=True, json_serializer=compact_json,
                           connect_args={"options": "-c plan_cache_mode=force_custom_plan"})
    _ping_when_idle(engine)
    return engine


# A pooled connection unused this long is checked with a round trip before it serves (the
# database may have restarted or closed it meanwhile). Checking every checkout (pool_pre_ping)
# cost a fifth of the server's CPU in a sync round; one in steady use fails at worst the
# request that meets a restart, and the pool then renews all its connections.
IDLE_PING_S = 10.0


def _ping_when_idle(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _idle_from(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as exc:
            # the pool drops this connection and checks out another (a new one if need be)
            raise DisconnectionError("idle connection closed") from exc


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def migrate(engine: Engine) -> bool:
    """Bring the schema to head and make sure the counter row exists. True when migrations ran."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    ran = False
    if current != head_revision():
        with engine.begin() as conn:
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        ran = True
    with engine.begin() as conn:
        if conn.execute(select(Counter.name).where(Counter.name == "seq")).first() is None:
            conn.execute(insert(Counter).values(name="seq", value=0))
    return ran


class Database:
    """The engine and a session factory; one per app (API nodes are otherwise stateless)."""

    def __init__(self, settings: ServerSettings, *, run_migrations: bool = True) -> None:
        self.settings = settings
        self.engine = make_engine(settings)
        if run_migrations:
            migrate(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()
