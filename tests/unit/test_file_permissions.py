"""Files holding secrets or patient data are owner-only whatever the umask: the vault folder 0700,
relais.db (and its -wal/-shm) 0600, printed documents and exports 0600 when new (a file the
user replaces keeps the mode they gave it), the recovery sheet 0600."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.reports.recovery_sheet import write_recovery_sheet
from desktop.services import documents, ecosystem, gdpr
from desktop.services.context import AppContext
from tests.conftest import PASSPHRASE, TODAY
from tests.unit.plan_scenario import make_scenario


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_vault_folder_and_database_are_private(umask: int, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "vault"
    ctx, _ = AppContext.create(folder, PASSPHRASE, user_name="Anne Lambert",
                               today=lambda: TODAY)
    try:
        make_scenario(ctx)  # writes: the -wal and -shm files exist while the vault is open
        assert _mode(folder) == 0o700
        files = {p.name: _mode(p) for p in folder.iterdir()}
        assert {"relais.db", "relais.db-wal", "relais.db-shm", "vault.json"} <= set(files)
        assert files == {name: 0o600 for name in files}
    finally:
        ctx.lock()


def test_documents_and_exports_are_private_unless_the_user_chose(umask: int, ctx: AppContext,
                                                                 tmp_path: Path) -> None:
    sc = make_scenario(ctx)
    written = [
        documents.write_handout(ctx, sc.patient_id, tmp_path / "handout.pdf"),
        documents.write_summary(ctx, sc.patient_id, tmp_path / "summary.pdf"),
        ecosystem.export_ecomap(ctx, sc.patient_id, tmp_path / "map.png"),
        gdpr.export_pdf(ctx, sc.patient_id, tmp_path / "access.pdf"),
        write_recovery_sheet(tmp_path / "sheet.pdf", "ABCD-EFGH", "vault-id",
                             dt.date(2026, 11, 23)),
    ]
    assert {p.name: _mode(p) for p in written} == {p.name: 0o600 for p in written}
    # the user made a copy readable for the team's shared printer folder: printing again keeps it
    chosen = tmp_path / "shared-handout.pdf"
    chosen.write_bytes(b"old")
    chosen.chmod(0o644)
    documents.write_handout(ctx, sc.patient_id, chosen)
    ecosystem.export_ecomap(ctx, sc.patient_id, tmp_path / "map.png")
    (tmp_path / "map.png").chmod(0o640)
    ecosystem.export_ecomap(ctx, sc.patient_id, tmp_path / "map.png")
    assert (_mode(chosen), _mode(tmp_path / "map.png")) == (0o644, 0o640)
    assert chosen.read_bytes()[:5] == b"%PDF-"
