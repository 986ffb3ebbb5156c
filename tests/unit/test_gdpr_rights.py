"""Patients' rights on a real vault: restriction, erasure (nothing left in the file after
VACUUM), retention review, rectification history, statistics, audit of views/prints/exports."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import func, select

from desktop.domain import consent_policy as cp
from desktop.domain.errors import NotFound, ValidationError
from desktop.services import audit_log, consents, gdpr, gdpr_register, patients
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields
from desktop.storage.models import AuditEvent, OutboxOp, Patient
from tests.gdpr_data import TINY_PNG, Sizes, fhir_ids, make_patient

PAGE, RESERVE = 4096, 80  # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC per page


def decrypted_pages(ctx: AppContext) -> bytes:
    """Every page of the vault file (and of its WAL), decrypted with the vault key: what an
    attacker holding the key would find, free pages included."""
    key = bytes(ctx.vault._key)  # noqa: SLF001 - the test plays the key holder

    def page_plain(pg: bytes, first: bool) -> bytes:
        iv = pg[PAGE - RESERVE:PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return dec.update(pg[16 if first else 0:PAGE - RESERVE]) + dec.finalize()

    db = ctx.vault.db_path.read_bytes()
    out = [page_plain(db[i:i + PAGE], i == 0) for i in range(0, len(db) - PAGE + 1, PAGE)]
    wal = ctx.vault.db_path.with_name(ctx.vault.db_path.name + "-wal")
    if wal.exists():
        data = wal.read_bytes()
        pos = 32
        while pos + 24 + PAGE <= len(data):
            pgno = int.from_bytes(data[pos:pos + 4], "big")
            out.append(page_plain(data[pos + 24:pos + 24 + PAGE], pgno == 1))
            pos += 24 + PAGE
    return b"".join(out)


def _audit_count(ctx: AppContext, patient_id: str, action: str | None = None) -> int:
    def run(s):  # type: ignore[no-untyped-def]
        q = select(func.count()).select_from(AuditEvent).where(AuditEvent.patient_id == patient_id)
        if action:
            q = q.where(AuditEvent.action == action)
        return s.execute(q).scalar_one()
    return ctx.read(run)


# ---- restriction ----------------------------------------------------------------------------
def test_restriction_hides_from_search_and_today_but_keeps_data_for_export(
        ctx: AppContext, tmp_path: Path) -> None:
    from desktop.services import today

    d = make_patient(ctx, "Restrictia", last_contact=ctx.today())
    from desktop.storage.models import Case, Visit

    def plan_today(uow):  # type: ignore[no-untyped-def]
        uow.update(uow.session.get(Case, d.case_ids[0]), {"primary_case_manager": "Anne Lambert"})
        uow.add(Visit, case_id=d.case_ids[0], patient_id=d.patient_id, kind="home_visit",
                status="planned", planned_start=dt.datetime.combine(ctx.today(), dt.time(14)))
    ctx.write(plan_today)

    def in_today() -> bool:
        return d.patient_id in repr(today.today_data(ctx, mine_only=False))

    assert [r.id for r in patients.list_patients(ctx, "Restrictiafam")] == [d.patient_id]
    assert in_today()
    assert gdpr.restrict(ctx, d.patient_id, "Demande d'effacement, conservation légale")
    assert patients.list_patients(ctx, "Restrictiafam") == []
    assert d.patient_id not in [r.id for r in patients.list_patients(ctx)]
    assert not in_today()
    with pytest.raises(NotFound):
        patients.view_patient(ctx, d.patient_id)
    # kept, flagged, reason recorded, and still exportable by an authorised person
    p = ctx.read(lambda s: s.get(Patient, d.patient_id))
    assert p.restricted and p.restriction_reason.startswith("Demande")
    bundle = gdpr.fhir_bundle(ctx, d.patient_id)
    assert fhir_ids(bundle) >= d.ids
    assert _audit_count(ctx, d.patient_id, "restrict") == 1
    assert [r.id for r in gdpr.list_restricted(ctx)] == [d.patient_id]
    assert gdpr.lift_restriction(ctx, d.patient_id)
    assert [r.id for r in patients.list_patients(ctx, "Restrictiafam")] == [d.patient_id]


# ---- erasure --------------------------------------------------------------------------------
def test_erasure_under_retention_restricts_and_explains(ctx: AppContext) -> None:
    d = make_patient(ctx, "Keepme", closed=True, last_contact=dt.date(2020, 3, 1))
    outcome = gdpr.erase(ctx, d.patient_id, "Le patient demande l'effacement")
    assert not outcome.erased and outcome.restricted
    assert outcome.retention_until == dt.date(2050, 3, 1)
    # nothing lost: every record still there, now restricted
    record = ctx.read(lambda s: gdpr.collect(s, s.get(Patient, d.patient_id)))
    assert record.record_ids() == d.ids
    assert record.patient["restricted"]


def test_erasure_leaves_none_of_the_patients_strings_in_the_vault_file(ctx: AppContext) -> None:
    gone = make_patient(ctx, "Zorglubwxy", Sizes(cases=2, visits=2, notes=3), closed=True,
                        last_contact=dt.date(1990, 6, 1))
    make_patient(ctx, "Kepplerqvz")
    consents.grant(ctx, gone.patient_id, cp.PURPOSE_PROVIDER_SHARING,
                   contact_id=gone.professional_ids[0],
                   evidence=consents.evidence_from_bytes(TINY_PNG + b"Zorglubwxy", "scan.png"))
    patients.edit_patient(ctx, gone.patient_id, PatientFields(city="Zorglubwxyville"))
    gdpr.export_pdf(ctx, gone.patient_id, ctx.vault.folder.parent / "x.pdf")
    gdpr.compact(ctx)
    before = decrypted_pages(ctx).lower()
    assert b"zorglubwxy" in before and b"kepplerqvz" in before  # the check can see plaintext

    outcome = gdpr.erase(ctx, gone.patient_id, "Retention ended; the heirs asked")
    assert outcome.erased and outcome.basis == "retention_ended" and outcome.compacted
    after = decrypted_pages(ctx).lower()
    assert b"zorglubwxy" not in after
    assert b"kepplerqvz" in after  # the other patient is untouched
    # one purge op queued for the sync engineer; no other op of the patient remains
    ops = ctx.read(lambda s: s.execute(select(OutboxOp.kind, OutboxOp.table_name).where(
        OutboxOp.patient_id == gone.patient_id)).all())
    assert [tuple(o) for o in ops if o[1] != "audit_event"] == [("purge", "patient")]
    assert _audit_count(ctx, gone.patient_id, "erase") == 1
    with pytest.raises(NotFound):
        gdpr.fhir_bundle(ctx, gone.patient_id)
    assert patients.list_patients(ctx, "Zorglubwxyfam") == []


def test_erasure_without_care_is_lawful(ctx: AppContext) -> None:
    d = make_patient(ctx, "Nocare", care=False)
    outcome = gdpr.erase(ctx, d.patient_id, "Referred by mistake", vacuum=False)
    assert outcome.erased and outcome.basis == "no_care"
    assert ctx.read(lambda s: s.get(Patient, d.patient_id)) is None


# ---- retention --------------------------------------------------------------------------------
def test_retention_review_lists_closed_records_past_the_period(ctx: AppContext) -> None:
    old = make_patient(ctx, "Oldclosed", closed=True, last_contact=dt.date(1994, 1, 10))
    make_patient(ctx, "Recentclosed", closed=True, last_contact=dt.date(2010, 1, 10))
    make_patient(ctx, "Oldopen", closed=False, last_contact=dt.date(1994, 1, 10))
    rows = gdpr.retention_review(ctx)
    assert [r.patient_id for r in rows] == [old.patient_id]
    assert rows[0].retention_until == dt.date(2024, 1, 10)
    gdpr.set_retention_years(ctx, 35)  # configurable: 35 years keeps it another 2 years
    assert gdpr.retention_review(ctx) == []
    with pytest.raises(ValidationError):
        gdpr.set_retention_years(ctx, 20)
    assert gdpr.retention_years(ctx) == 35


# ---- rectification --------------------------------------------------------------------------
def test_rectification_history_records_every_field_change(ctx: AppContext) -> None:
    pid = patients.add_patient(ctx, PatientFields(family_name="Martin", given_name="Lea",
                                                  city="Namur"))
    patients.edit_patient(ctx, pid, PatientFields(city="Dinant"))
    patients.edit_patient(ctx, pid, PatientFields(city="Ciney", given_name="Léa"))
    hist = gdpr.rectification_history(ctx, pid)
    changes = [(c.field, c.old_value, c.new_value) for c in hist]
    assert changes[0] == ("city", "Namur", "Dinant")
    assert sorted(changes[1:]) == [("city", "Dinant", "Ciney"), ("given_name", "Lea", "Léa")]
    assert all(c.actor == "Anne Lambert" and c.record_id == pid for c in hist)


# ---- statistics -------------------------------------------------------------------------------
def test_statistics_leave_out_patients_without_the_consent(ctx: AppContext,
                                                           tmp_path: Path) -> None:
    yes = [make_patient(ctx, f"Stat{i}", Sizes(consents=0)) for i in range(3)]
    no = make_patient(ctx, "Nostat", Sizes(consents=0))
    withdrawn = make_patient(ctx, "Withdrawn", Sizes(consents=0))
    for d in [*yes, withdrawn]:
        consents.grant(ctx, d.patient_id, cp.PURPOSE_STATISTICS)
    consents.withdraw(ctx, withdrawn.patient_id, cp.PURPOSE_STATISTICS)
    consents.refuse(ctx, no.patient_id, cp.PURPOSE_STATISTICS)
    out = tmp_path / "stats.csv"
    outcome = gdpr.export_statistics(ctx, out, min_cell=1)  # small cells shown: consent only
    assert (outcome.included, outcome.excluded) == (3, 2)
    rows = list(csv.reader(out.open()))
    assert rows[0] == ["metric", "group", "count"]
    table = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert table[("patients", "all")] == "3"
    assert table[("cases_by_status", "active")] == "3"
    text = out.read_text()
    assert "Stat0" not in text and "Nostat" not in text  # counts only, no names or ids
    assert all(d.patient_id not in text for d in [*yes, no])
    # by default cells under 5 are masked, and then every patient is counted (no consent needed)
    outcome = gdpr.export_statistics(ctx, out)
    assert (outcome.included, outcome.excluded, outcome.scope) == (5, 0, cp.STATS_ALL_PATIENTS)
    table = dict(((r[0], r[1]), r[2]) for r in csv.reader(out.open()))
    assert table[("patients", "all")] == "5" and table[("cases_by_status", "active")] == "5"


# ---- audit --------------------------------------------------------------------------------------
def test_view_print_and_export_each_leave_exactly_one_event(ctx: AppContext,
                                                            tmp_path: Path) -> None:
    d = make_patient(ctx, "Audited")
    start = _audit_count(ctx, d.patient_id)
    patients.view_patient(ctx, d.patient_id)
    assert _audit_count(ctx, d.patient_id) == start + 1
    assert _audit_count(ctx, d.patient_id, "view") == 1
    gdpr.export_pdf(ctx, d.patient_id, tmp_path / "copy.pdf")
    assert _audit_count(ctx, d.patient_id) == start + 2
    gdpr.export_fhir(ctx, d.patient_id, tmp_path / "copy.json")
    assert _audit_count(ctx, d.patient_id) == start + 3
    assert _audit_count(ctx, d.patient_id, "export") == 2
    audit_log.record_access(ctx, d.patient_id, "print", document="handout")
    assert _audit_count(ctx, d.patient_id) == start + 4
    assert _audit_count(ctx, d.patient_id, "print") == 1
    looked = audit_log.who_looked(ctx, d.patient_id)
    assert [r.action for r in looked] == ["print", "export", "export", "view"]
    assert all(r.actor == "Anne Lambert" and r.device_id == ctx.device_id for r in looked)


def test_handout_print_leaves_one_event(ctx: AppContext, tmp_path: Path) -> None:
    from desktop.services import documents

    d = make_patient(ctx, "Handouty")
    before = _audit_count(ctx, d.patient_id, "print")
    documents.write_handout(ctx, d.patient_id, tmp_path / "handout.pdf")
    assert _audit_count(ctx, d.patient_id, "print") == before + 1


def test_admin_audit_filters(ctx: AppContext) -> None:
    a = make_patient(ctx, "Filtera")
    b = make_patient(ctx, "Filterb")
    patients.view_patient(ctx, a.patient_id)
    patients.view_patient(ctx, b.patient_id)
    views = audit_log.search(ctx, audit_log.AuditFilter.parse(action="view"))
    assert {r.patient_id for r in views} == {a.patient_id, b.patient_id}
    only_a = audit_log.search(ctx, audit_log.AuditFilter.parse(action="view",
                                                               patient_id=a.patient_id))
    assert [r.patient_id for r in only_a] == [a.patient_id]
    assert only_a[0].patient_name == "FILTERAFAM Filteragiv"
    assert audit_log.search(ctx, audit_log.AuditFilter.parse(actor="Someone Else")) == []
    today = dt.datetime.now(dt.UTC).date()
    assert len(audit_log.search(ctx, audit_log.AuditFilter.parse(
        date_from=today - dt.timedelta(days=1), date_to=today + dt.timedelta(days=1),
        action="view"))) == 2
    assert audit_log.search(ctx, audit_log.AuditFilter.parse(
        date_from=today + dt.timedelta(days=2))) == []
    with pytest.raises(ValidationError):
        audit_log.AuditFilter.parse(date_from="2026-02-01", date_to="2026-01-01")


# ---- art. 30 register ------------------------------------------------------------------------
def test_register_from_settings(ctx: AppContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        gdpr_register.set_settings(ctx, ["controller_name=ASBL Relais", "retention_years=10"])
    assert gdpr_register.current_settings(ctx)["controller_name"] is None  # nothing saved
    gdpr_register.set_settings(ctx, ["controller_name=ASBL Relais Namur",
                                     "recipients=Réseau SISD Namur; CPAS de Namur",
                                     "retention_years=40"])
    out = gdpr_register.write_register(ctx, tmp_path / "register.md", lang="fr")
    text = out.read_text()
    assert "ASBL Relais Namur" in text and "CPAS de Namur" in text
    assert "Au moins 40 ans" in text and "Registre des activités de traitement" in text
    data = gdpr_register.register_data(ctx, "nl")
    assert data["controller"]["name"] == "ASBL Relais Namur"
    assert any("Toestemming" in p["legal_basis"] for p in data["purposes"])
