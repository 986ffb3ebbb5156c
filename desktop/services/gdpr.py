"""Patients' rights (GDPR art. 15–18 and 20) and the retention rule.

- access: `export_pdf` (readable, everything held) and `export_fhir` (R4 Bundle); each export is
  one audit event, and works on a restricted record (an authorised export);
- rectification: `rectification_history` (every edited field, old and new value);
- restriction: `restrict` / `lift_restriction` (hidden from search and Today, kept, flagged,
  reason recorded);
- erasure: `erase` deletes every row of the patient and queues a "purge" op when the law allows
  it (no care given yet, or retention ended); otherwise it restricts and says until when;
- retention: `retention_review` lists closed records past the retention period;
- statistics: `export_statistics` counts every patient when counts under 5 are suppressed (no
  consent needed); `export_extract` writes a pseudonymised row per patient, only for those with
  the statistics consent.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import delete, func, or_, select, text
from sqlalchemy.orm import Session

from desktop.domain import consent_policy
from desktop.domain import retention as rules
from desktop.domain.dates import age_on, utcnow
from desktop.domain.errors import ValidationError
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_text
from desktop.services import instruments
from desktop.services.consents import statistics_patient_ids
from desktop.services.context import AppContext
from desktop.services.patient_data import PatientRecord, collect, patient_tables
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage import search
from desktop.storage.fsutil import atomic_write
from desktop.storage.models import (
    SYNCED_MODELS,
    AssessmentResponse,
    Attachment,
    Blob,
    CarePlan,
    Case,
    Concertation,
    Conflict,
    Contact,
    Draft,
    FieldChange,
    FieldMeta,
    GpFeedback,
    Note,
    OutboxOp,
    Patient,
    Relationship,
    Setting,
    Visit,
)

SETTING_RETENTION_YEARS = "gdpr.retention_years"
SETTING_STATS_MIN_CELL = "gdpr.stats_min_cell"
SETTING_COMPACT_PENDING = "gdpr.compact_pending"
DEFAULT_MIN_CELL = 5


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------
def _patient(session: Session, patient_id: str) -> Patient:
    """Rights apply to restricted records too (they are kept for exactly that)."""
    if not is_uuid(patient_id):
        raise ValidationError("id.invalid", "patient_id")
    p = load(session, Patient, patient_id, "patient")
    return p


def retention_years(ctx: AppContext) -> int:
    value = ctx.get_setting(SETTING_RETENTION_YEARS, rules.DEFAULT_RETENTION_YEARS)
    try:
        return rules.check_retention_years(value)
    except ValidationError:
        return rules.DEFAULT_RETENTION_YEARS


def set_retention_years(ctx: AppContext, value: object) -> int:
    years = rules.check_retention_years(value)
    ctx.set_setting(SETTING_RETENTION_YEARS, years)
    return years


# --------------------------------------------------------------------------------------------
# Access (art. 15) and portability (art. 20)
# --------------------------------------------------------------------------------------------
def _read_record(ctx: AppContext, patient_id: str, action: str, fmt: str) -> PatientRecord:
    """Collect the record and write the export's single audit event in one transaction."""

    def run(uow: UnitOfWork) -> PatientRecord:
        p = _patient(uow.session, patient_id)
        record = collect(uow.session, p)
        uow.audit(action, table="patient", record_id=p.id, patient_id=p.id, format=fmt,
                  kind="gdpr_access")
        return record

    return ctx.write(run)


def _blobs(ctx: AppContext, record: PatientRecord) -> dict[str, bytes]:
    shas = {a["sha256"] for a in record.tables.get("attachment", []) if not a.get("deleted")}
    if not shas:
        return {}
    return ctx.read(lambda s: {b.sha256: bytes(b.data) for b in s.execute(
        select(Blob).where(Blob.sha256.in_(shas))).scalars()})


def _bundle(ctx: AppContext, record: PatientRecord, lang: str | None = None) -> dict[str, Any]:
    """`lang`: of the Bundle's readable notes; the user's language when not given (as for the
    PDF)."""
    from desktop.i18n import user_language
    from desktop.interop.fhir_export import build_bundle

    return build_bundle(patient=record.patient, tables=record.tables,
                        owned_contacts=record.owned_contacts,
                        linked_contacts=record.linked_contacts, blobs=_blobs(ctx, record),
                        generated_at=utcnow(), lang=lang or user_language())


def fhir_bundle(ctx: AppContext, patient_id: str, lang: str | None = None) -> dict[str, Any]:
    """The Bundle as a dict (audited as an export)."""
    return _bundle(ctx, _read_record(ctx, patient_id, "export", "fhir"), lang)


def _collect_only(ctx: AppContext, patient_id: str) -> PatientRecord:
    """The record for a file export; the audit event comes with the written file."""
    return ctx.read(lambda s: collect(s, _patient(s, patient_id)))


def _write_export(ctx: AppContext, out: Path, data: bytes, patient_id: str, fmt: str) -> None:
    """Write the file and its audit event in one transaction: a file that could not be written
    leaves no "export" event (nor the sync op that would carry it to the team)."""

    def run(uow: UnitOfWork) -> None:
        atomic_write(out, data)
        uow.audit("export", table="patient", record_id=patient_id, patient_id=patient_id,
                  format=fmt, kind="gdpr_access")

    ctx.write(run)


def export_fhir(ctx: AppContext, patient_id: str, out: str | Path,
                lang: str | None = None) -> Path:
    out = _output(out, (".json",))
    bundle = _bundle(ctx, _collect_only(ctx, patient_id), lang)
    data = json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")
    _write_export(ctx, out, data, patient_id, "fhir")
    return out


def export_pdf(ctx: AppContext, patient_id: str, out: str | Path, lang: str | None = None) -> Path:
    from desktop.i18n import user_language
    from desktop.reports.access_export import render_access_export

    out = _output(out, (".pdf",))
    record = _collect_only(ctx, patient_id)
    history = _history_from(record)
    pdf = render_access_export(record, history, lang=lang or user_language(),
                               generated_at=utcnow(), generated_by=ctx.user_name,
                               retention_years=retention_years(ctx),
                               instruments=instruments.catalog(ctx))
    _write_export(ctx, out, pdf, patient_id, "pdf")
    return out


def _output(out: str | Path, suffixes: tuple[str, ...]) -> Path:
    path = Path(out)
    if path.suffix.lower() not in suffixes:
        raise ValidationError("gdpr.output_suffix", "out", suffix=" ".join(suffixes))
    if path.exists() and path.is_dir():
        raise ValidationError("gdpr.output_is_folder", "out")
    if not path.parent.exists():
        raise ValidationError("gdpr.output_folder_missing", "out")
    return path


# --------------------------------------------------------------------------------------------
# Rectification (art. 16)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldChangeView:
    table: str
    record_id: str
    field: str
    old_value: Any
    new_value: Any
    changed_at: dt.datetime
    actor: str | None
    synced: bool = False  # made on another laptop, applied here by a sync

    def changed_by(self, lang: str | None = None) -> str:
        """Who made the change, for display: the user, or "another laptop" for a synced one."""
        from desktop.i18n import t

        return self.actor or (t("gdpr.by_sync", lang) if self.synced else "")


def _history_from(record: PatientRecord) -> list[FieldChangeView]:
    return [FieldChangeView(table=c["table_name"], record_id=c["record_id"], field=c["field"],
                            old_value=c["old_value"], new_value=c["new_value"],
                            changed_at=dt.datetime.fromisoformat(c["changed_at"]),
                            actor=c["actor"], synced=c.get("device_id") is None)
            for c in record.field_changes]


def rectification_history(ctx: AppContext, patient_id: str, record_id: str | None = None,
                          ) -> list[FieldChangeView]:
    """Every change of every field of the patient's records (or of one record), oldest first."""

    def run(s: Session) -> list[FieldChangeView]:
        _patient(s, patient_id)
        q = select(FieldChange).where(FieldChange.patient_id == patient_id)
        if record_id is not None:
            q = select(FieldChange).where(FieldChange.record_id == record_id)
        rows = s.execute(q.order_by(FieldChange.seq)).scalars()
        return [FieldChangeView(table=r.table_name, record_id=r.record_id, field=r.field,
                                old_value=r.old_value, new_value=r.new_value,
                                changed_at=r.changed_at, actor=r.actor,
                                synced=r.device_id is None) for r in rows]

    return ctx.read(run)


# --------------------------------------------------------------------------------------------
# Restriction (art. 18)
# --------------------------------------------------------------------------------------------
def restrict(ctx: AppContext, patient_id: str, reason: str) -> bool:
    """Hide the record from normal views and keep it; returns False if already restricted."""
    why = clean_text(reason, "reason", required=True, max_len=2000)

    def run(uow: UnitOfWork) -> bool:
        p = _patient(uow.session, patient_id)
        if p.restricted:
            return False
        uow.update(p, {"restricted": True, "restriction_reason": why})
        uow.audit("restrict", table="patient", record_id=p.id, patient_id=p.id)
        return True

    return ctx.write(run)


def lift_restriction(ctx: AppContext, patient_id: str) -> bool:
    def run(uow: UnitOfWork) -> bool:
        p = _patient(uow.session, patient_id)
        if not p.restricted:
            return False
        uow.update(p, {"restricted": False})
        uow.audit("unrestrict", table="patient", record_id=p.id, patient_id=p.id)
        return True

    return ctx.write(run)


@dataclass(frozen=True)
class RestrictedRow:
    id: str
    family_name: str
    given_name: str
    reason: str | None


def list_restricted(ctx: AppContext) -> list[RestrictedRow]:
    return ctx.read(lambda s: [
        RestrictedRow(p.id, p.family_name, p.given_name, p.restriction_reason)
        for p in s.execute(select(Patient).where(Patient.restricted.is_(True),
                                                 Patient.deleted.is_(False))
                           .order_by(func.lower(Patient.family_name))).scalars()])


# --------------------------------------------------------------------------------------------
# Retention and erasure (art. 17)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RetentionFacts:
    care_given: bool
    all_cases_closed: bool
    last_contact: dt.date | None
    retention_until: dt.date | None
    basis: str | None  # "no_care" | "retention_ended" | None (must be kept)


def _d(value: dt.date | dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _retention_facts(s: Session, patient_id: str, years: int, today: dt.date) -> RetentionFacts:
    def exists(q: Any) -> bool:
        return s.execute(q.limit(1)).first() is not None

    care = (
        exists(select(Visit.id).where(Visit.patient_id == patient_id, Visit.status == "done",
                                      Visit.deleted.is_(False)))
        or exists(select(AssessmentResponse.id).where(
            AssessmentResponse.patient_id == patient_id,
            AssessmentResponse.status == "completed", AssessmentResponse.deleted.is_(False)))
        or exists(select(CarePlan.id).where(CarePlan.patient_id == patient_id,
                                            CarePlan.status.in_(("agreed", "superseded"))))
        or exists(select(Note.id).where(Note.patient_id == patient_id))
        or exists(select(Concertation.id).where(Concertation.patient_id == patient_id,
                                                Concertation.deleted.is_(False)))
        or exists(select(GpFeedback.id).where(GpFeedback.patient_id == patient_id,
                                              GpFeedback.deleted.is_(False)))
    )
    cases = s.execute(select(Case.status, Case.closed_on, Case.opened_on).where(
        Case.patient_id == patient_id, Case.deleted.is_(False))).all()
    all_closed = all(c[0] == "closed" for c in cases)
    dates: list[dt.date] = [d for c in cases for d in (c[1], c[2]) if d]
    visit_last = s.execute(select(func.max(func.coalesce(Visit.actual_start, Visit.planned_start)))
                           .where(Visit.patient_id == patient_id, Visit.status == "done",
                                  Visit.deleted.is_(False))).scalar()
    note_last = s.execute(select(func.max(Note.written_at)).where(
        Note.patient_id == patient_id)).scalar()
    for v in (visit_last, note_last):
        if v is not None:
            dates.append(_d(v if not isinstance(v, str) else dt.datetime.fromisoformat(v)))  # type: ignore[arg-type]
    last = max(dates) if dates else None
    until = rules.retention_end(last, years) if (care and last) else None
    basis = rules.erasure_basis(care_given=care, all_cases_closed=all_closed, last_contact=last,
                                years=years, today=today)
    return RetentionFacts(care_given=care, all_cases_closed=all_closed, last_contact=last,
                          retention_until=until, basis=basis)


def retention_facts(ctx: AppContext, patient_id: str) -> RetentionFacts:
    years = retention_years(ctx)

    def run(s: Session) -> RetentionFacts:
        _patient(s, patient_id)
        return _retention_facts(s, patient_id, years, ctx.today())

    return ctx.read(run)


@dataclass(frozen=True)
class RetentionRow:
    patient_id: str
    family_name: str
    given_name: str
    last_contact: dt.date
    retention_until: dt.date
    restricted: bool


def retention_review(ctx: AppContext) -> list[RetentionRow]:
    """Records whose cases are all closed and whose last contact is older than the retention
    period: to review (erase, or keep with a reason)."""
    years = retention_years(ctx)
    today = ctx.today()

    def run(s: Session) -> list[RetentionRow]:
        closed_before = rules.add_years(today, -years)
        # candidates: at least one case, none open, closed long enough ago
        open_ids = select(Case.patient_id).where(Case.status != "closed", Case.deleted.is_(False))
        rows = s.execute(
            select(Patient).join(Case, Case.patient_id == Patient.id)
            .where(Patient.deleted.is_(False), Case.deleted.is_(False),
                   Patient.id.not_in(open_ids))
            .group_by(Patient.id).having(func.max(Case.closed_on) <= closed_before)
        ).scalars().all()
        out: list[RetentionRow] = []
        for p in rows:
            facts = _retention_facts(s, p.id, years, today)
            if facts.basis == "retention_ended" and facts.last_contact and facts.retention_until:
                out.append(RetentionRow(p.id, p.family_name, p.given_name, facts.last_contact,
                                        facts.retention_until, p.restricted))
        return sorted(out, key=lambda r: r.last_contact)

    return ctx.read(run)


@dataclass(frozen=True)
class ErasureOutcome:
    erased: bool
    restricted: bool  # the record is kept, restricted, until `retention_until`
    basis: str | None
    retention_until: dt.date | None
    deleted_rows: int = 0
    compacted: bool = False  # the vault file was rebuilt (no trace left in it)


def erase(ctx: AppContext, patient_id: str, reason: str, *, vacuum: bool = True) -> ErasureOutcome:
    """Erase where lawful, restrict otherwise (the caller explains why, with the date)."""
    why = clean_text(reason, "reason", required=True, max_len=2000)
    years = retention_years(ctx)

    def run(uow: UnitOfWork) -> ErasureOutcome:
        s = uow.session
        p = _patient(s, patient_id)
        facts = _retention_facts(s, patient_id, years, ctx.today())
        if facts.basis is None:
            if not p.restricted:
                uow.update(p, {"restricted": True, "restriction_reason": why})
                uow.audit("restrict", table="patient", record_id=p.id, patient_id=p.id,
                          cause="erasure_under_retention")
            return ErasureOutcome(False, True, None, facts.retention_until)
        count = _delete_everything(uow, p)
        uow.audit("erase", table="patient", record_id=patient_id, patient_id=patient_id,
                  basis=facts.basis, rows=count)
        return ErasureOutcome(True, False, facts.basis, None, count)

    outcome = ctx.write(run)
    if outcome.erased and vacuum:
        return dataclasses.replace(outcome, compacted=compact(ctx))
    return outcome


def _delete_everything(uow: UnitOfWork, p: Patient) -> int:
    """Hard-delete every row of the patient (not tombstones: nothing may remain), then queue
    one "purge" op so the server and the team's devices erase it too."""
    s = uow.session
    pid = p.id
    s.execute(text("PRAGMA secure_delete = ON"))  # freed pages are zeroed, not just unlinked
    record_ids: set[str] = {pid}
    shas: set[str] = set()
    owned = list(s.execute(select(Contact.id).where(Contact.owner_patient_id == pid)).scalars())
    record_ids.update(owned)
    count = 0
    # children before parents (foreign keys are on)
    ordered = [t for t in reversed(SYNCED_MODELS["patient"].metadata.sorted_tables)
               if t.name in set(patient_tables())]
    for table in ordered:
        model = SYNCED_MODELS[table.name]
        ids = list(s.execute(select(model.id).where(model.patient_id == pid)).scalars())  # type: ignore[attr-defined]
        record_ids.update(ids)
        if table.name == "attachment":
            shas.update(s.execute(select(Attachment.sha256).where(
                Attachment.patient_id == pid)).scalars())
        count += _rows(s.execute(delete(model).where(model.patient_id == pid)))  # type: ignore[attr-defined]
    # ties of other patients to this patient's private contacts (should not exist; be sure)
    if owned:
        count += _rows(s.execute(delete(Relationship).where(Relationship.contact_id.in_(owned))))
        count += _rows(s.execute(delete(Contact).where(Contact.id.in_(owned))))
    for sha in shas:
        still_used = select(Attachment.id).where(Attachment.sha256 == sha).limit(1)
        if s.execute(still_used).first() is None:
            s.execute(delete(Blob).where(Blob.sha256 == sha))
    search.unindex_patient(s, pid)
    s.execute(delete(FieldChange).where(or_(FieldChange.patient_id == pid,
                                            FieldChange.record_id.in_(record_ids))))
    s.execute(delete(FieldMeta).where(FieldMeta.record_id.in_(record_ids)))
    s.execute(delete(Conflict).where(or_(Conflict.patient_id == pid,
                                         Conflict.record_id.in_(record_ids))))
    s.execute(delete(Draft).where(Draft.patient_id == pid))
    # queued ops carry the patient's values; audit ops carry codes and ids only and stay
    s.execute(delete(OutboxOp).where(
        or_(OutboxOp.patient_id == pid, OutboxOp.record_id.in_(record_ids)),
        OutboxOp.table_name != "audit_event"))
    count += _rows(s.execute(delete(Patient).where(Patient.id == pid)))
    s.flush()
    uow._queue("patient", pid, pid, "purge", {}, {})
    return count


def _rows(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def compact(ctx: AppContext) -> bool:
    """Rebuild the search index and the database file so erased rows leave no trace in it.
    Takes the writer's only connection, so no write runs meanwhile. Returns False when the
    file is busy (the erasure itself is done; compaction is retried at the next erasure)."""
    def optimize(uow: UnitOfWork) -> None:
        uow.session.execute(text(
            "INSERT INTO patient_search(patient_search) VALUES('optimize')"))

    ctx.write(optimize)
    raw = ctx.vault.writer_engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlcipher3.OperationalError:
        ctx.set_setting(SETTING_COMPACT_PENDING, True)
        return False
    finally:
        raw.close()
    if ctx.get_setting(SETTING_COMPACT_PENDING):
        ctx.set_setting(SETTING_COMPACT_PENDING, False)
    return True


# --------------------------------------------------------------------------------------------
# Statistics: aggregate counts (small cells suppressed, no consent needed) and the pseudonymised
# extract (a row per patient: only with the statistics consent)
# --------------------------------------------------------------------------------------------
SETTING_PSEUDONYM_KEY = "gdpr.pseudonym_key"


@dataclass(frozen=True)
class StatsOutcome:
    included: int
    excluded: int
    rows: int
    scope: str = consent_policy.STATS_ALL_PATIENTS  # whose records were counted


def _age_band(age: int | None) -> str:
    if age is None:
        return "unknown"
    for limit, band in ((65, "<65"), (75, "65-74"), (85, "75-84")):
        if age < limit:
            return band
    return "85+"


def _min_cell(ctx: AppContext, min_cell: int | None) -> int:
    cell = int(min_cell if min_cell is not None
               else ctx.get_setting(SETTING_STATS_MIN_CELL, DEFAULT_MIN_CELL))
    if cell < 1:
        raise ValidationError("gdpr.min_cell_invalid", "min_cell")
    return cell


def _counted_patients(s: Session, consented_only: bool) -> tuple[list[Patient], int]:
    """Patients whose records statistics may use, and how many are left out. Restricted records
    are kept, not processed (art. 18); with `consented_only`, only the statistics consent."""
    patients = list(s.execute(select(Patient).where(Patient.deleted.is_(False))).scalars())
    allowed = statistics_patient_ids(s) if consented_only else None
    included = [p for p in patients if not p.restricted and (allowed is None or p.id in allowed)]
    return included, len(patients) - len(included)


def statistics(ctx: AppContext, min_cell: int | None = None) -> tuple[list[tuple[str, str, str]],
                                                                       StatsOutcome]:
    """(metric, group, count) rows. Counts below `min_cell` read "<N" so that no small group can
    point to a person. With cells under 5 suppressed every patient is counted (no consent is
    needed for such counts); a smaller `min_cell` counts only the patients who consented."""
    cell = _min_cell(ctx, min_cell)
    scope = consent_policy.statistics_scope(cell)
    today = ctx.today()

    def run(s: Session) -> tuple[list[tuple[str, str, str]], StatsOutcome]:
        included, excluded = _counted_patients(
            s, consented_only=scope == consent_policy.STATS_CONSENTED_ONLY)
        ids = {p.id for p in included}
        counts: Counter[tuple[str, str]] = Counter()
        for p in included:
            counts[("patients", "all")] += 1
            counts[("patients_by_gender", p.gender or "unknown")] += 1
            counts[("patients_by_age_band", _age_band(
                age_on(p.birth_date, today) if p.birth_date else None))] += 1
            counts[("patients_by_province_digit", (p.postal_code or "?")[:1])] += 1
            for flag in ("bim", "maf", "chronic_status"):
                if getattr(p, flag):
                    counts[(f"patients_{flag}", "yes")] += 1
        for status, tier in s.execute(select(Case.status, Case.complexity_tier).where(
                Case.deleted.is_(False), Case.patient_id.in_(ids))).all():
            counts[("cases_by_status", status or "unknown")] += 1
            counts[("cases_by_complexity_tier", tier or "unknown")] += 1
        for kind, start in s.execute(select(Visit.kind, func.coalesce(
                Visit.actual_start, Visit.planned_start)).where(
                Visit.deleted.is_(False), Visit.status == "done", Visit.patient_id.in_(ids))).all():
            year = str(start)[:4] if start else "unknown"
            counts[("visits_done_by_kind_year", f"{kind}|{year}")] += 1
        rows = [(metric, group, consent_policy.suppress(n, cell))
                for (metric, group), n in sorted(counts.items())]
        return rows, StatsOutcome(len(included), excluded, len(rows), scope)

    return ctx.read(run)


def export_statistics(ctx: AppContext, out: str | Path,
                      min_cell: int | None = None) -> StatsOutcome:
    out = _output(out, (".csv",))
    rows, outcome = statistics(ctx, min_cell)
    lines: list[list[str]] = [["metric", "group", "count"], *[list(r) for r in rows]]
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(lines)
    atomic_write(out, buf.getvalue().encode("utf-8"))

    def audit(uow: UnitOfWork) -> None:
        uow.audit("export", kind="statistics", scope=outcome.scope, included=outcome.included,
                  excluded=outcome.excluded)

    ctx.write(audit)
    return outcome


EXTRACT_COLUMNS = ("pseudonym", "gender", "age_band", "province_digit", "bim", "maf",
                   "chronic_status", "case_status", "complexity_tier", "case_opened_year",
                   "visits_done")


def _pseudonym_key(ctx: AppContext) -> tuple[bytes, str | None]:
    """The vault's own secret for pseudonyms: the same patient gets the same pseudonym in every
    extract of this vault, and nobody without the vault can link it back. Returns the key and,
    the first time, its text not saved yet (saved with the extract, so a failed one saves
    nothing)."""
    key = ctx.get_setting(SETTING_PSEUDONYM_KEY)
    if key:
        return bytes.fromhex(str(key)), None
    import secrets

    new = secrets.token_hex(32)
    return bytes.fromhex(new), new


def _save_pseudonym_key(uow: UnitOfWork, new: str | None) -> None:
    if new is not None and uow.session.get(Setting, SETTING_PSEUDONYM_KEY) is None:
        uow.session.add(Setting(key=SETTING_PSEUDONYM_KEY, value=new))


def pseudonym(key: bytes, patient_id: str) -> str:
    import hashlib
    import hmac

    return hmac.new(key, patient_id.encode("ascii"), hashlib.sha256).hexdigest()[:16]


def extract(ctx: AppContext) -> tuple[list[list[str]], StatsOutcome, list[str]]:
    """A row per patient with the statistics consent: no name, NISS, address, date or free
    text; a keyed pseudonym instead of the id, the age as a band, one digit of the postal
    code. Returns the rows, the outcome and the ids of the patients in it (for the audit)."""
    key, new = _pseudonym_key(ctx)
    if new is not None:
        ctx.write(lambda uow: _save_pseudonym_key(uow, new))
    return _extract_rows(ctx, key)


def _extract_rows(ctx: AppContext, key: bytes) -> tuple[list[list[str]], StatsOutcome, list[str]]:
    today = ctx.today()

    def run(s: Session) -> tuple[list[list[str]], StatsOutcome, list[str]]:
        included, excluded = _counted_patients(s, consented_only=True)
        ids = {p.id for p in included}
        cases: dict[str, Case] = {}
        for c in s.execute(select(Case).where(Case.deleted.is_(False),
                                              Case.patient_id.in_(ids))).scalars():
            kept = cases.get(c.patient_id)
            if kept is None or (c.opened_on or dt.date.min) > (kept.opened_on or dt.date.min):
                cases[c.patient_id] = c
        visits: Counter[str] = Counter(pid for (pid,) in s.execute(select(Visit.patient_id).where(
            Visit.deleted.is_(False), Visit.status == "done", Visit.patient_id.in_(ids))).all())
        rows = []
        for p in included:
            case = cases.get(p.id)
            rows.append([
                pseudonym(key, p.id), p.gender or "unknown",
                _age_band(age_on(p.birth_date, today) if p.birth_date else None),
                (p.postal_code or "?")[:1], "yes" if p.bim else "no", "yes" if p.maf else "no",
                "yes" if p.chronic_status else "no",
                (case.status or "unknown") if case else "none",
                (case.complexity_tier or "unknown") if case else "none",
                str(case.opened_on.year) if case and case.opened_on else "",
                str(visits.get(p.id, 0))])
        rows.sort()
        return rows, StatsOutcome(len(included), excluded, len(rows),
                                  consent_policy.STATS_CONSENTED_ONLY), sorted(ids)

    return ctx.read(run)


def export_extract(ctx: AppContext, out: str | Path) -> StatsOutcome:
    """The pseudonymised extract as CSV (only patients with the statistics consent). Audited as
    an export of each record in it, so each patient's "who looked" shows it."""
    out = _output(out, (".csv",))
    key, new = _pseudonym_key(ctx)
    rows, outcome, ids = _extract_rows(ctx, key)
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([list(EXTRACT_COLUMNS), *rows])

    def write(uow: UnitOfWork) -> None:
        # one transaction: a file that could not be written leaves no audit and no new key
        _save_pseudonym_key(uow, new)
        atomic_write(out, buf.getvalue().encode("utf-8"))
        uow.audit("export", kind="pseudonymised_extract", included=outcome.included,
                  excluded=outcome.excluded)
        for pid in ids:
            uow.audit("export", table="patient", record_id=pid, patient_id=pid,
                      kind="pseudonymised_extract")

    ctx.write(write)
    return outcome
