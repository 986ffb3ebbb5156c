"""Schema migrations on unlock: back up the database, upgrade, restore the backup on failure."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from desktop.storage.errors import VaultError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)


def _config(script_location: Path) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_path: Path, script_location: Path = MIGRATIONS_DIR) -> bool:
    """Bring the schema to head. Returns True when migrations ran."""
    if _quick_up_to_date(engine, script_location):
        return False  # alembic (0.3 s to import) is not needed to find out
    head = head_revision(script_location)
    current = current_revision(engine)
    if current == head:
        return False
    backup: Path | None = None
    if current is not None:
        backup = _backup(engine, db_path, current)
    try:
        from alembic import command

        with engine.begin() as conn:
            cfg = _config(script_location)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        engine.dispose()
        if backup is not None:
            _restore(backup, db_path)
        raise VaultError("vault.migration_failed", detail=type(exc).__name__ + ": " + str(exc)[:200]) from exc
    return True


def _quick_up_to_date(engine: Engine, script_location: Path) -> bool:
    """The vault's revision is the single head found by reading the migration files' `revision`
    and `down_revision` lines. Anything unusual (several heads, no table) says no: alembic
    decides then."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (script_location / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if "down_revision" in found:
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        return False
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except Exception:
        return False
    return [r[0] for r in rows] == list(heads)


def _backup(engine: Engine, db_path: Path, revision: str) -> Path:
    # Closing the last connection checkpoints the WAL into the main file; copy a leftover WAL too.
    engine.dispose()
    backup = db_path.with_name(f"{db_path.name}.backup-{revision}")
    shutil.copy2(db_path, backup)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, backup.with_name(backup.name + "-wal"))
    return backup


def _restore(backup: Path, db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        wal = db_path.with_name(db_path.name + suffix)
        if wal.exists():
            wal.unlink()
    shutil.copy2(backup, db_path)
    backup_wal = backup.with_name(backup.name + "-wal")
    if backup_wal.exists():
        shutil.copy2(backup_wal, db_path.with_name(db_path.name + "-wal"))
