"""Services are the only write path: rows, outbox ops and audit events in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.errors import NotFound, ValidationError
from desktop.services import patients
from desktop.services.context import AppContext
from desktop.storage.errors import VaultError
from desktop.storage.models import AuditEvent, OutboxOp, Patient


def _ops(ctx: AppContext, table: str | None = None) -> list[OutboxOp]:
    q = select(OutboxOp).order_by(OutboxOp.seq)
    if table:
        q = q.where(OutboxOp.table_name == table)
    return ctx.read(lambda s: list(s.execute(q).scalars()))


def test_add_writes_row_op_and_audit(ctx: AppContext) -> None:
    pid = patients.add_patient(ctx, patients.PatientFields(
        family_name="Peeters", given_name="Godelieve", niss="45.02.14-122.51"
        if False else None, phones=["0470 12 34 56"], postal_code="9000", city="Gent",
        languages=["nl"], bim=True))
    view = patients.get_patient(ctx, pid)
    assert view.phones == ["+32470123456"]
    assert view.phones_display == ["0470 12 34 56"]
    ops = _ops(ctx, "patient")
    assert len(ops) == 1 and ops[0].record_id == pid and ops[0].kind == "upsert"
    assert ops[0].fields["family_name"] == "Peeters" and ops[0].patient_id == pid
    audits = ctx.read(lambda s: list(s.execute(select(AuditEvent)).scalars()))
    assert [(a.action, a.record_id) for a in audits] == [("create", pid)]
    assert audits[0].actor == "Anne Lambert"


def test_edit_queues_only_changed_fields_with_base_versions(ctx: AppContext) -> None:
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Maes", given_name="Rita",
                                                           city="Mol"))
    assert patients.edit_patient(ctx, pid, patients.PatientFields(city="Mol")) == []
    assert patients.edit_patient(ctx, pid, patients.PatientFields(city="Geel", postal_code="2440")) == [
        "city", "postal_code"]
    last = _ops(ctx, "patient")[-1]
    assert set(last.fields) == {"city", "postal_code"}
    assert last.base_versions == {"city": 0, "postal_code": 0}


def test_invalid_input_writes_nothing(ctx: AppContext) -> None:
    bad = [
        patients.PatientFields(family_name="X", given_name="Y", niss="85.07.30-033.29"),
        patients.PatientFields(family_name="X", given_name="Y", postal_code="123"),
        patients.PatientFields(family_name="X", given_name="Y", phones=["12"]),
        patients.PatientFields(family_name="", given_name="Y"),
        patients.PatientFields(family_name="X\x07", given_name="Y"),
        patients.PatientFields(family_name="X", given_name="Y", birth_date="2030-01-01"),
        patients.PatientFields(family_name="X", given_name="Y", birth_date="1890-01-01"),
        patients.PatientFields(family_name="X", given_name="Y", birth_date="2026-02-30"),
    ]
    for fields in bad:
        with pytest.raises(ValidationError):
            patients.add_patient(ctx, fields)
    assert _ops(ctx) == []
    assert patients.list_patients(ctx) == []


def test_niss_cross_checked_and_derived(ctx: AppContext) -> None:
    # 85.07.30-033.28: born 1985-07-30, serial 033 is odd → male
    with pytest.raises(ValidationError) as err:
        patients.add_patient(ctx, patients.PatientFields(
            family_name="X", given_name="Y", niss="85073003328", birth_date="1985-07-31"))
    assert err.value.code == "niss.birth_date_mismatch"
    with pytest.raises(ValidationError) as err:
        patients.add_patient(ctx, patients.PatientFields(
            family_name="X", given_name="Y", niss="85073003328", gender="female"))
    assert err.value.code == "niss.gender_mismatch"
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="X", given_name="Y",
                                                           niss="85 07 30 033 28"))
    view = patients.get_patient(ctx, pid)
    assert view.birth_date == dt.date(1985, 7, 30) and view.gender == "male"
    assert view.niss_formatted == "85.07.30-033.28"
    with pytest.raises(ValidationError) as err:
        patients.add_patient(ctx, patients.PatientFields(family_name="Z", given_name="W",
                                                         niss="85073003328"))
    assert err.value.code == "niss.duplicate"


def test_dossiers_sharing_a_niss_stay_editable(ctx: AppContext) -> None:
    """Two dossiers of one person came from two laptops: the identity form sends the NISS with
    every save, and each save was refused as a duplicate; giving that NISS to a third dossier
    still is."""
    from desktop.storage.models import Patient

    ids = ctx.write(lambda uow: [uow.add(Patient, family_name="Dupont", given_name=given,
                                         niss="85073003328").id
                                 for given in ("Jean", "Jan")])  # as a pull stores them
    changed = patients.edit_patient(ctx, ids[1], patients.PatientFields(
        niss="85.07.30-033.28", city="Namur"))
    assert changed == ["city"]
    other = patients.add_patient(ctx, patients.PatientFields(family_name="Z", given_name="W"))
    with pytest.raises(ValidationError) as err:
        patients.edit_patient(ctx, other, patients.PatientFields(niss="85073003328"))
    assert err.value.code == "niss.duplicate"


def test_bis_number_accepted(ctx: AppContext) -> None:
    # BIS: month + 40 when sex is known; 85.47.30-033.xx
    from stdnum.be import bis

    base = "854730033"
    number = base + f"{97 - int(base) % 97:02d}"
    assert bis.is_valid(number)
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="B", given_name="C", niss=number))
    assert patients.get_patient(ctx, pid).niss == number


def test_view_is_audited_and_unknown_id_refused(ctx: AppContext) -> None:
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Aerts", given_name="Jan"))
    patients.view_patient(ctx, pid)
    views = ctx.read(lambda s: s.execute(select(AuditEvent).where(AuditEvent.action == "view")).scalars().all())
    assert len(views) == 1 and views[0].patient_id == pid
    with pytest.raises(NotFound):
        patients.view_patient(ctx, "01900000-0000-7000-8000-000000000000")
    with pytest.raises(ValidationError):
        patients.view_patient(ctx, "not-an-id")


def test_disk_full_is_clear_and_half_writes_nothing(ctx: AppContext) -> None:
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Claes", given_name="Els"))
    # Simulate a full disk: cap the database at its current size on the writer connection.
    def cap(uow):  # type: ignore[no-untyped-def]
        pages = uow.session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        uow.session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
    ctx.write(cap)
    with pytest.raises(VaultError) as err:
        for i in range(200):
            patients.add_patient(ctx, patients.PatientFields(
                family_name="Remplissage" * 10, given_name=f"N{i}", street="x" * 190))
    assert err.value.code == "vault.disk_full"
    # every patient that exists has exactly its op; nothing half-written
    rows = ctx.read(lambda s: s.execute(select(Patient.id)).scalars().all())
    op_ids = {o.record_id for o in _ops(ctx, "patient")}
    assert set(rows) == op_ids and pid in rows
