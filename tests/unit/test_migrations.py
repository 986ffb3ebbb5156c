"""Alembic: one head, migrations equal the models, a failed migration restores the backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.services import patients
from desktop.services.context import AppContext
from desktop.storage import migrate
from desktop.storage.errors import VaultError
from desktop.storage.models import Base
from desktop.storage.vault import Vault
from tests.conftest import PASSPHRASE, snapshot_files


def test_single_head() -> None:
    script = ScriptDirectory.from_config(migrate._config(migrate.MIGRATIONS_DIR))
    assert len(script.get_heads()) == 1


def test_migrations_match_models(ctx: AppContext) -> None:
    with ctx.vault.reader_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # not in the models: the FTS5 search tables and vault_info (written at creation)
    diff = [d for d in diff if not (d[0] == "remove_table" and (
        d[1].name.startswith("patient_search") or d[1].name == "vault_info"))]
    assert diff == []


BROKEN = '''
from alembic import op
revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None

def upgrade():
    op.execute("CREATE TABLE half_done (x INTEGER)")
    op.execute("INSERT INTO no_such_table VALUES (1)")

def downgrade():
    pass
'''


def test_failed_migration_restores_backup(vault_dir: Path, tmp_path: Path) -> None:
    ctx, _ = AppContext.create(vault_dir, PASSPHRASE)
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Dubois", given_name="Marie"))
    ctx.lock()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "9999_broken.py").write_text(BROKEN.format(head=migrate.head_revision()))
    before = snapshot_files(vault_dir)["relais.db"]

    vault = Vault.open(vault_dir, PASSPHRASE)
    with pytest.raises(VaultError) as err:
        migrate.upgrade(vault.writer_engine, vault.db_path, scripts)
    vault.lock()
    assert err.value.code == "vault.migration_failed"
    backups = list(vault_dir.glob("relais.db.backup-*"))
    assert len(backups) == 1
    # the database is the backup copy: same revision, same data, no half-done table
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    assert patients.get_patient(ctx, pid).family_name == "Dubois"
    tables = ctx.read(lambda s: [r[0] for r in s.execute(
        __import__("sqlalchemy").text("SELECT name FROM sqlite_master WHERE type='table'"))])
    assert "half_done" not in tables
    ctx.lock()
    assert len(before) > 0


def test_search_reindex_migration_folds_undecomposed_letters(vault_dir: Path) -> None:
    """A vault indexed before 0003 (ł, ø kept as they are) finds "lukasz orsted" after unlock."""
    from sqlalchemy import text

    ctx, _ = AppContext.create(vault_dir, PASSPHRASE)
    pid = patients.add_patient(ctx, patients.PatientFields(
        family_name="Ørsted", given_name="Łukasz", city="Liège"))

    def as_before_0003(uow) -> None:  # type: ignore[no-untyped-def]
        uow.session.execute(text("UPDATE patient_search SET body = 'ørsted łukasz liege'"))
        uow.session.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    ctx.write(as_before_0003)
    assert patients.list_patients(ctx, "lukasz") == []
    ctx.lock()
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        for query in ("lukasz", "Łuk", "orsted ŁUKASZ", "Orst"):
            assert [p.id for p in patients.list_patients(ctx, query)] == [pid], query
    finally:
        ctx.lock()


def test_0013_makes_the_niss_index_not_unique(vault_dir: Path) -> None:
    """A vault from before 0013 (a unique NISS index) takes a second dossier with the same NISS,
    as a pull brings one, once it is opened again."""
    from sqlalchemy import text

    from desktop.storage.models import Patient

    ctx, _ = AppContext.create(vault_dir, PASSPHRASE)

    def as_before_0013(uow) -> None:  # type: ignore[no-untyped-def]
        uow.session.execute(text("DROP INDEX ix_patient_niss"))
        uow.session.execute(text("CREATE UNIQUE INDEX uq_patient_niss ON patient (niss) "
                                 "WHERE niss IS NOT NULL AND deleted = 0"))
        uow.session.execute(text("UPDATE alembic_version SET version_num = '0012'"))
    ctx.write(as_before_0013)
    ctx.lock()
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        ctx.write(lambda uow: [uow.add(Patient, family_name="Dupont", given_name=given,
                                       niss="85073003328") for given in ("Jean", "Jan")])
        names = ctx.read(lambda s: [r[0] for r in s.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'patient'"))])
        assert "ix_patient_niss" in names and "uq_patient_niss" not in names
    finally:
        ctx.lock()
