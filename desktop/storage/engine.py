"""SQLCipher engines. The raw data key is the first statement of every connection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlcipher3.dbapi2
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop.storage.keying import apply_key

CACHE_KIB = 65_536  # a large page cache keeps SQLCipher's decryption cost low (the writer)
# readers run side by side, each with its own cache: a small one each keeps the resident size
# down (issue 16, target 6) and still holds a dossier's pages
READER_CACHE_KIB = 4096


def _connect_factory(db_path: Path, key: bytearray | None,
                     cache_kib: int = CACHE_KIB) -> Callable[[], Any]:
    def connect() -> Any:
        conn = sqlcipher3.connect(str(db_path), check_same_thread=False, isolation_level=None)
        if key is not None:
            if not any(key):
                raise sqlcipher3.DatabaseError("vault is locked")
            apply_key(conn, key, db_path)  # no str copy of the key (see keying.py)
        conn.execute(f"PRAGMA cache_size = -{cache_kib}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")  # no decrypted temp files on disk
        return conn

    return connect


def make_engine(db_path: Path, key: bytearray | None, *, writer: bool) -> Engine:
    """`key=None` opens a plain SQLite file (benchmarks' baseline only).

    The writer engine begins every transaction with BEGIN IMMEDIATE; readers use deferred
    transactions and never block the writer (WAL).
    """
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,  # not the standard library's sqlite3, which it never uses
        creator=_connect_factory(db_path, key, CACHE_KIB if writer else READER_CACHE_KIB),
        poolclass=QueuePool,
        # one idle connection kept: readers side by side (Today's sections, a dossier's tabs)
        # open more for the burst, each closed with its cache when it returns (issue 16, target 6)
        pool_size=1,
        max_overflow=0 if writer else 11,
        # the connection used last, whose page cache is warm: a reader in turn would fill a
        # cache of CACHE_KIB per connection (issue 16: +45 MB resident after a second Today)
        pool_use_lifo=True,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine
