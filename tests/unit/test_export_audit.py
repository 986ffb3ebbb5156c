"""A failed export is not audited as an export (issue 13, item 14): the audit event (and the
sync op that carries it to the team) comes with the written file, in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import DomainError
from desktop.services import gdpr, patients
from desktop.services.context import AppContext
from desktop.storage.models import AuditEvent, OutboxOp


def _counts(ctx: AppContext, patient_id: str) -> tuple[int, int]:
    def run(s):  # type: ignore[no-untyped-def]
        events = s.execute(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.patient_id == patient_id, AuditEvent.action == "export")).scalar_one()
        ops = s.execute(select(func.count()).select_from(OutboxOp)).scalar_one()
        return events, ops
    return ctx.read(run)  # type: ignore[no-any-return]


@pytest.fixture
def patient(ctx: AppContext) -> str:
    return patients.add_patient(ctx, patients.PatientFields(family_name="Export",
                                                            given_name="Test"))


@pytest.mark.parametrize(("fmt", "name"), [("pdf", "x.pdf"), ("fhir", "x.json")])
def test_a_failed_export_is_not_audited(ctx: AppContext, patient: str, tmp_path: Path,
                                        fmt: str, name: str) -> None:
    export = gdpr.export_pdf if fmt == "pdf" else gdpr.export_fhir
    before = _counts(ctx, patient)
    with pytest.raises(DomainError):
        export(ctx, patient, Path("/proc") / name)
    assert _counts(ctx, patient) == before
    assert not (Path("/proc") / name).exists()
    out = export(ctx, patient, tmp_path / name)
    assert out.stat().st_size > 0
    events, ops = _counts(ctx, patient)
    assert events == before[0] + 1 and ops > before[1]


def test_cli_failed_export_leaves_no_export_event(ctx: AppContext, patient: str, cli) -> None:  # type: ignore[no-untyped-def]
    before = _counts(ctx, patient)
    ctx.lock()
    r = cli("export", "pdf", "--patient", patient, "--out", "/proc/x.pdf")
    assert r.code != 0 and "Traceback" not in r.err
    reopened = AppContext.open(ctx.vault.folder, "correct horse battery")
    try:
        assert _counts(reopened, patient) == before
    finally:
        reopened.lock()
