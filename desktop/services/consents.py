"""Consent log (append-only), its derived state, and the enforcement points others call.

Fail-closed: without a recorded grant the answer is "no". A withdrawal is one more event in the
local log, so it takes effect at once, offline. Overrides (only where the law allows one) are
logged in the same log with their typed reason; they authorise one action and change no state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import consent_policy as policy
from desktop.domain.consent_policy import (
    CARER_AGREEMENT,
    OVERRIDE,
    PER_CONTACT_PURPOSES,
    PURPOSE_CARER_ON_HANDOUT,
    PURPOSE_PROVIDER_OBJECTION,
    PURPOSE_PROVIDER_SHARING,
    PURPOSE_STATISTICS,
    PURPOSE_TEAM_SHARING,
    PURPOSES,
    ConsentFact,
)
from desktop.domain.contacts import PRIVATE_KINDS
from desktop.domain.dates import parse_date, utcnow
from desktop.domain.errors import NotFound, RuleViolation, ValidationError
from desktop.domain.evidence import HEAD_BYTES, MAX_EVIDENCE_BYTES, sniff_mime
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.services.user_files import read_user_file
from desktop.storage.models import (
    Action,
    Attachment,
    AuditEvent,
    Blob,
    CarePlan,
    ConsentEvent,
    Contact,
    Patient,
    Relationship,
)

EVIDENCE_PURPOSE = "consent_evidence"


# --------------------------------------------------------------------------------------------
# Plain data returned to callers
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Evidence:
    """A file checked before the transaction: bytes, type, name (basename only)."""

    data: bytes
    mime: str
    filename: str
    sha256: str


@dataclass(frozen=True)
class ConsentEventView:
    id: str
    purpose: str
    contact_id: str | None
    contact_name: str | None
    decision: str  # granted | refused | withdrawn | override
    decided_on: dt.date
    method: str
    notice_version: str | None
    evidence_sha256: str | None
    evidence_mime: str | None
    recorded_by: str | None
    recorded_at: dt.datetime
    review_date: dt.date | None
    note: str | None


@dataclass(frozen=True)
class ConsentState:
    purpose: str
    contact_id: str | None
    contact_name: str | None
    decision: str | None  # None: never asked (fail-closed: not allowed)
    decided_on: dt.date | None
    review_date: dt.date | None
    review_due: bool

    @property
    def granted(self) -> bool:
        return self.decision == "granted"


@dataclass(frozen=True)
class CarerAgreement:
    """A carer's own agreement to their phone and address on the handout (on their contact)."""

    contact_id: str
    contact_name: str | None
    decision: str | None  # granted | refused | withdrawn; None: never asked
    decided_on: dt.date | None
    method: str | None
    legacy_grant: bool = False  # a grant in the patient's log, read until the carer decides
    allowed: bool = False  # what the handout does now


@dataclass(frozen=True)
class ProviderStatus:
    """May documents of this patient go to this provider, and why (a PROVIDER_* code)."""

    contact_id: str
    contact_name: str | None
    code: str
    objection_on: dt.date | None = None

    @property
    def allowed(self) -> bool:
        return self.code in policy.PROVIDER_ALLOWED


@dataclass(frozen=True)
class ConsentOverview:
    patient_id: str
    states: list[ConsentState]
    local_only: bool  # no team-sharing grant: only the responsible case managers see the record
    badges: list[str] = field(default_factory=list)
    carers: list[CarerAgreement] = field(default_factory=list)


@dataclass(frozen=True)
class Authorization:
    allowed: bool
    via: str  # "consent" | "override"
    override_id: str | None = None


# --------------------------------------------------------------------------------------------
# Reading the log
# --------------------------------------------------------------------------------------------
def _facts(session: Session, patient_id: str) -> list[ConsentFact]:
    rows = session.execute(
        select(ConsentEvent.purpose, ConsentEvent.decision, ConsentEvent.decided_on,
               ConsentEvent.recorded_at, ConsentEvent.contact_id)
        .where(ConsentEvent.patient_id == patient_id, ConsentEvent.deleted.is_(False))
    ).all()
    return [ConsentFact(purpose=r[0], decision=r[1], decided_on=r[2], recorded_at=r[3],
                        contact_id=r[4]) for r in rows]


def _recorded_at(session: Session, patient_id: str) -> dt.datetime:
    """Now, to the microsecond, and strictly after the patient's latest event, so a decision
    recorded right after another always sorts after it (a withdrawal wins over the grant)."""
    now = utcnow(precise=True)
    last = session.execute(select(func.max(ConsentEvent.recorded_at)).where(
        ConsentEvent.patient_id == patient_id)).scalar()
    if last is not None and now <= last:
        now = last + dt.timedelta(microseconds=1)
    return now


def _contact_name(c: Contact | None) -> str | None:
    if c is None:
        return None
    name = " ".join(x for x in (c.given_name, c.family_name) if x)
    return name or c.organisation


def _load_patient(session: Session, patient_id: str, *,
                  include_restricted: bool = False) -> Patient:
    if not is_uuid(patient_id):
        raise ValidationError("id.invalid", "patient_id")
    p = load(session, Patient, patient_id, "patient")
    if p.restricted and not include_restricted:
        raise NotFound("record.not_found", "patient")
    return p


# ---- enforcement points (take a session: usable inside a caller's own transaction) ----------
def team_sharing_allowed(session: Session, patient_id: str) -> bool:
    """May this patient's records leave the laptop (sync push)? No consent → never."""
    return policy.is_granted(_facts(session, patient_id), PURPOSE_TEAM_SHARING)


def team_sharing_patient_ids(session: Session) -> set[str]:
    """Every patient whose records may be pushed (one query, for the sync engine)."""
    rows = session.execute(
        select(ConsentEvent.patient_id, ConsentEvent.purpose, ConsentEvent.decision,
               ConsentEvent.decided_on, ConsentEvent.recorded_at)
        .where(ConsentEvent.purpose == PURPOSE_TEAM_SHARING, ConsentEvent.deleted.is_(False))
    ).all()
    by_patient: dict[str, list[ConsentFact]] = {}
    for pid, purpose, decision, on, at in rows:
        by_patient.setdefault(pid, []).append(ConsentFact(purpose, decision, on, at))
    return {pid for pid, facts in by_patient.items()
            if policy.is_granted(facts, PURPOSE_TEAM_SHARING)}


def carer_details_allowed(session: Session, patient_id: str, contact_id: str,
                          facts: list[ConsentFact] | None = None) -> bool:
    """May this carer's phone and address be printed on the patient's handout? The carer's own
    agreement on their contact decides; before it, a grant in the patient's log still counts."""
    c = session.get(Contact, contact_id)
    agreement = c.handout_agreement if c is not None and not c.deleted else None
    facts = _facts(session, patient_id) if facts is None else facts
    return policy.carer_details_allowed(
        agreement, policy.is_granted(facts, PURPOSE_CARER_ON_HANDOUT, contact_id))


def provider_sharing_allowed(session: Session, patient_id: str, contact_id: str) -> bool:
    """Has the patient consented to documents going to this provider (the consent only; a
    document also goes to the GP of record and the plan's providers: `provider_document`)?"""
    return policy.is_granted(_facts(session, patient_id), PURPOSE_PROVIDER_SHARING, contact_id)


def gp_of_record(session: Session, patient_id: str) -> str | None:
    """The patient's GP contact: the one named on the patient, else the tie marked GP."""
    p = session.get(Patient, patient_id)
    if p is not None and p.gp_contact_id:
        return p.gp_contact_id
    return session.execute(select(Relationship.contact_id).where(
        Relationship.patient_id == patient_id, Relationship.deleted.is_(False),
        Relationship.is_gp.is_(True))).scalars().first()


def plan_provider_ids(session: Session, patient_id: str) -> set[str]:
    """Providers who act in the care plan the patient agreed to: a planned or ongoing action
    of the agreed version names them."""
    plan_ids = select(CarePlan.id).where(CarePlan.patient_id == patient_id,
                                         CarePlan.deleted.is_(False), CarePlan.status == "agreed")
    rows = session.execute(select(Action.responsible_contact_id).where(
        Action.patient_id == patient_id, Action.deleted.is_(False),
        Action.plan_id.in_(plan_ids), Action.responsible_kind == "contact",
        Action.status.in_(("planned", "ongoing")))).scalars()
    return {cid for cid in rows if cid}


def provider_document(session: Session, patient_id: str, contact_id: str) -> str:
    """May a document of this patient go to this provider? A PROVIDER_* code of the policy."""
    return policy.provider_document_decision(
        _facts(session, patient_id), contact_id,
        gp_of_record=contact_id == gp_of_record(session, patient_id),
        acts_in_plan=contact_id in plan_provider_ids(session, patient_id))


def provider_status(ctx: AppContext, patient_id: str, contact_id: str) -> ProviderStatus:
    """For the UI and the CLI: whether documents may go to this provider, and why."""
    if not is_uuid(contact_id):
        raise ValidationError("id.invalid", "contact_id")

    def run(s: Session) -> ProviderStatus:
        _load_patient(s, patient_id, include_restricted=True)
        c = load(s, Contact, contact_id, "contact_id")
        facts = _facts(s, patient_id)
        code = provider_document(s, patient_id, contact_id)
        latest = policy.latest_provider_event(facts, contact_id)
        since = latest.decided_on if code == policy.PROVIDER_OBJECTED and latest else None
        return ProviderStatus(contact_id, _contact_name(c), code, since)

    return ctx.read(run)


def statistics_allowed(session: Session, patient_id: str) -> bool:
    return policy.is_granted(_facts(session, patient_id), PURPOSE_STATISTICS)


def statistics_patient_ids(session: Session) -> set[str]:
    rows = session.execute(
        select(ConsentEvent.patient_id, ConsentEvent.purpose, ConsentEvent.decision,
               ConsentEvent.decided_on, ConsentEvent.recorded_at)
        .where(ConsentEvent.purpose == PURPOSE_STATISTICS, ConsentEvent.deleted.is_(False))
    ).all()
    by_patient: dict[str, list[ConsentFact]] = {}
    for pid, purpose, decision, on, at in rows:
        by_patient.setdefault(pid, []).append(ConsentFact(purpose, decision, on, at))
    return {pid for pid, facts in by_patient.items()
            if policy.is_granted(facts, PURPOSE_STATISTICS)}


def is_allowed(session: Session, patient_id: str, point: str,
               contact_id: str | None = None) -> bool:
    if point not in policy.ENFORCEMENT_POINTS:
        raise ValidationError("consent.point_unknown", "point", value=point)
    return policy.is_granted(_facts(session, patient_id), point, contact_id)


# --------------------------------------------------------------------------------------------
# Recording decisions
# --------------------------------------------------------------------------------------------
def load_evidence(path: str | Path) -> Evidence:
    """Check an evidence file before any transaction: an image or a PDF (by its first bytes),
    at most 20 MB. Raises ValidationError; never reads a file that is too large."""
    p = Path(path)
    data = read_user_file(p, max_bytes=MAX_EVIDENCE_BYTES, field="evidence",
                          unreadable="consent.evidence_unreadable",
                          too_large="consent.evidence_too_large")
    if not data:
        raise ValidationError("consent.evidence_type", "evidence")
    return evidence_from_bytes(data, p.name)


def evidence_from_bytes(data: bytes, filename: str) -> Evidence:
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValidationError("consent.evidence_too_large", "evidence",
                              max_mb=MAX_EVIDENCE_BYTES // (1024 * 1024))
    mime = sniff_mime(data[:HEAD_BYTES])
    if mime is None:
        raise ValidationError("consent.evidence_type", "evidence")
    name = clean_line(Path(filename).name, "evidence", max_len=255) or None
    return Evidence(data=data, mime=mime, filename=name or "evidence",
                    sha256=hashlib.sha256(data).hexdigest())


def store_blob(uow: UnitOfWork, patient_id: str, ev: Evidence, purpose: str) -> str:
    """Keep the bytes in the vault (encrypted with it) and an attachment row that syncs."""
    if uow.session.get(Blob, ev.sha256) is None:
        uow.session.add(Blob(sha256=ev.sha256, data=ev.data, uploaded=False))
    att = uow.add(Attachment, patient_id=patient_id, sha256=ev.sha256, mime=ev.mime,
                  size=len(ev.data), filename=ev.filename, purpose=purpose)
    return att.id


def record_decision(ctx: AppContext, patient_id: str, purpose: str, decision: str, *,
                    contact_id: str | None = None, method: str = "oral",
                    notice_version: str | None = None, evidence: Evidence | None = None,
                    decided_on: dt.date | str | None = None,
                    review_date: dt.date | str | None = None, note: str | None = None) -> str:
    """Append one decision to the log; returns the event id. Bad input changes nothing."""
    if purpose not in PURPOSES:
        raise ValidationError("consent.purpose_unknown", "purpose", value=purpose)
    if method not in policy.METHODS:
        raise ValidationError("consent.method_unknown", "method", value=method)
    on = parse_date(decided_on, "decided_on") or ctx.today()
    review = parse_date(review_date, "review_date")
    if review is not None and review <= on:
        raise ValidationError("consent.review_before_decision", "review_date")
    version = clean_line(notice_version, "notice_version", max_len=40) or None
    note_text = clean_text(note, "note", max_len=2000) or None
    if contact_id is not None and not is_uuid(contact_id):
        raise ValidationError("id.invalid", "contact_id")

    def run(uow: UnitOfWork) -> str:
        s = uow.session
        _load_patient(s, patient_id)
        if contact_id is not None:
            load(s, Contact, contact_id, "contact_id")
        policy.check_new_decision(_facts(s, patient_id), purpose, decision, on, ctx.today(),
                                  contact_id)
        sha = None
        if evidence is not None:
            store_blob(uow, patient_id, evidence, EVIDENCE_PURPOSE)
            sha = evidence.sha256
        ev = uow.add(ConsentEvent, patient_id=patient_id, purpose=purpose, contact_id=contact_id,
                     decision=decision, decided_on=on, method=method, notice_version=version,
                     evidence_sha256=sha, recorded_by=ctx.user_name,
                     recorded_at=_recorded_at(s, patient_id), review_date=review, note=note_text)
        uow.audit("consent", table="consent_event", record_id=ev.id, patient_id=patient_id,
                  purpose=purpose, decision=decision, contact_id=contact_id)
        return ev.id

    return ctx.write(run)


def grant(ctx: AppContext, patient_id: str, purpose: str, **kw: object) -> str:
    return record_decision(ctx, patient_id, purpose, "granted", **kw)  # type: ignore[arg-type]


def refuse(ctx: AppContext, patient_id: str, purpose: str, **kw: object) -> str:
    return record_decision(ctx, patient_id, purpose, "refused", **kw)  # type: ignore[arg-type]


def withdraw(ctx: AppContext, patient_id: str, purpose: str, **kw: object) -> str:
    return record_decision(ctx, patient_id, purpose, "withdrawn", **kw)  # type: ignore[arg-type]


def object_to_provider(ctx: AppContext, patient_id: str, contact_id: str, *,
                       method: str = "oral", decided_on: dt.date | str | None = None,
                       note: str | None = None) -> str:
    """The patient objects to documents going to this provider (even the GP of record or a
    provider of the plan); an event of the consent log, audited."""
    return record_decision(ctx, patient_id, PURPOSE_PROVIDER_OBJECTION, "objected",
                           contact_id=contact_id, method=method, decided_on=decided_on,
                           note=note)


def lift_objection(ctx: AppContext, patient_id: str, contact_id: str, *, method: str = "oral",
                   decided_on: dt.date | str | None = None, note: str | None = None) -> str:
    return record_decision(ctx, patient_id, PURPOSE_PROVIDER_OBJECTION, "lifted",
                           contact_id=contact_id, method=method, decided_on=decided_on,
                           note=note)


# --------------------------------------------------------------------------------------------
# A carer's own agreement (their phone and address on the handout), on their contact
# --------------------------------------------------------------------------------------------
def _carer_patients(session: Session, c: Contact) -> list[str]:
    """The patients this person is a carer or a private person of (who print a handout)."""
    rows = session.execute(select(Relationship.patient_id, Relationship.is_informal_carer).where(
        Relationship.contact_id == c.id, Relationship.deleted.is_(False))).all()
    private = c.owner_patient_id is not None or c.kind in PRIVATE_KINDS
    out = {pid for pid, carer in rows if carer or private}
    if c.owner_patient_id:
        out.add(c.owner_patient_id)
    return sorted(out)


def record_carer_agreement(ctx: AppContext, contact_id: str, decision: str, *,
                           method: str = "oral", decided_on: dt.date | str | None = None) -> None:
    """The carer's own decision about their phone and address on the handout, recorded on their
    contact (who agreed: the carer; when; how). Audited for each patient they are a carer of
    (codes and ids only). Bad input changes nothing."""
    if not is_uuid(contact_id):
        raise ValidationError("id.invalid", "contact_id")
    on = parse_date(decided_on, "decided_on") or ctx.today()

    def run(uow: UnitOfWork) -> None:
        s = uow.session
        c = load(s, Contact, contact_id, "contact_id")
        if c.merged_into_id:
            raise NotFound("record.not_found", "contact_id")
        patients = _carer_patients(s, c)
        if not patients:
            # a professional's phone is on the handout anyway: nothing to agree to
            raise ValidationError("consent.carer_agreement_not_carer", "contact_id")
        policy.check_carer_agreement(c.handout_agreement, c.handout_agreement_on, decision,
                                     method, on, ctx.today())
        uow.update(c, {"handout_agreement": decision, "handout_agreement_on": on,
                       "handout_agreement_method": method})
        for pid in patients:  # each patient's consent history lists it (_carer_decisions)
            uow.audit("consent", table="contact", record_id=c.id, patient_id=pid,
                      purpose=CARER_AGREEMENT, decision=decision, contact_id=c.id,
                      method=method, decided_on=on.isoformat())

    ctx.write(run)


def _carer_agreement(session: Session, c: Contact, facts: list[ConsentFact]) -> CarerAgreement:
    legacy = policy.is_granted(facts, PURPOSE_CARER_ON_HANDOUT, c.id)
    return CarerAgreement(
        contact_id=c.id, contact_name=_contact_name(c), decision=c.handout_agreement,
        decided_on=c.handout_agreement_on, method=c.handout_agreement_method,
        legacy_grant=legacy, allowed=policy.carer_details_allowed(c.handout_agreement, legacy))


def carer_agreement(ctx: AppContext, contact_id: str,
                    patient_id: str | None = None) -> CarerAgreement:
    """The carer's agreement as recorded on the contact (and, for a patient, a legacy grant)."""
    if not is_uuid(contact_id):
        raise ValidationError("id.invalid", "contact_id")

    def run(s: Session) -> CarerAgreement:
        c = load(s, Contact, contact_id, "contact_id")
        return _carer_agreement(s, c, _facts(s, patient_id) if patient_id else [])

    return ctx.read(run)


def _patient_carers(session: Session, patient_id: str,
                    facts: list[ConsentFact]) -> list[CarerAgreement]:
    rows = session.execute(
        select(Contact, Relationship.is_informal_carer)
        .join(Relationship, Relationship.contact_id == Contact.id)
        .where(Relationship.patient_id == patient_id, Relationship.deleted.is_(False),
               Contact.deleted.is_(False))).all()
    seen: set[str] = set()
    out = []
    for c, carer in rows:
        if c.id in seen or not (carer or c.owner_patient_id or c.kind in PRIVATE_KINDS):
            continue
        seen.add(c.id)
        out.append(_carer_agreement(session, c, facts))
    return sorted(out, key=lambda a: (a.contact_name or "").casefold())


# --------------------------------------------------------------------------------------------
# Overrides
# --------------------------------------------------------------------------------------------
def record_override(ctx: AppContext, patient_id: str, point: str, reason: str, *,
                    contact_id: str | None = None) -> str:
    """Log an override of a missing consent with its typed reason (audited); returns its id.
    Refused where the law allows none (team sharing, statistics)."""
    if point not in policy.ENFORCEMENT_POINTS:
        raise ValidationError("consent.point_unknown", "point", value=point)
    if point not in policy.OVERRIDABLE_POINTS:
        raise RuleViolation("consent.override_not_allowed", "point", point=point)
    text = clean_text(reason, "reason", required=True, max_len=2000)
    if len(text) < 10:
        raise ValidationError("consent.override_reason_short", "reason", min=10)
    if point in PER_CONTACT_PURPOSES and not contact_id:
        raise ValidationError("consent.contact_required", "contact_id")
    if contact_id is not None and not is_uuid(contact_id):
        raise ValidationError("id.invalid", "contact_id")

    def run(uow: UnitOfWork) -> str:
        s = uow.session
        _load_patient(s, patient_id)
        if contact_id is not None:
            load(s, Contact, contact_id, "contact_id")
        ev = uow.add(ConsentEvent, patient_id=patient_id, purpose=point, contact_id=contact_id,
                     decision=OVERRIDE, decided_on=ctx.today(), method=policy.METHOD_OVERRIDE,
                     recorded_by=ctx.user_name, recorded_at=_recorded_at(s, patient_id),
                     note=text)
        # the reason stays in the (encrypted, patient-owned) log; the audit holds codes and ids
        uow.audit("override", table="consent_event", record_id=ev.id, patient_id=patient_id,
                  point=point, contact_id=contact_id)
        return ev.id

    return ctx.write(run)


def authorize(ctx: AppContext, patient_id: str, point: str, *, contact_id: str | None = None,
              override_reason: str | None = None) -> Authorization:
    """What an enforcement point calls before acting: allowed by consent, or by an override
    with its reason; otherwise RuleViolation("consent.required")."""
    if ctx.read(lambda s: is_allowed(s, patient_id, point, contact_id)):
        return Authorization(True, "consent")
    if override_reason is None or point not in policy.OVERRIDABLE_POINTS:
        raise RuleViolation("consent.required", "consent", point=point)
    oid = record_override(ctx, patient_id, point, override_reason, contact_id=contact_id)
    return Authorization(True, "override", oid)


# --------------------------------------------------------------------------------------------
# Reading for the UI and the CLI
# --------------------------------------------------------------------------------------------
def _event_views(session: Session, patient_id: str) -> list[ConsentEventView]:
    rows = list(session.execute(
        select(ConsentEvent).where(ConsentEvent.patient_id == patient_id,
                                   ConsentEvent.deleted.is_(False))
        .order_by(ConsentEvent.decided_on, ConsentEvent.recorded_at, ConsentEvent.id)
    ).scalars())
    contacts = {c.id: c for c in session.execute(
        select(Contact).where(Contact.id.in_({r.contact_id for r in rows if r.contact_id}))
    ).scalars()}
    mimes = dict(session.execute(
        select(Attachment.sha256, Attachment.mime).where(
            Attachment.sha256.in_({r.evidence_sha256 for r in rows if r.evidence_sha256}))
    ).all())
    return [ConsentEventView(
        id=r.id, purpose=r.purpose, contact_id=r.contact_id,
        contact_name=_contact_name(contacts.get(r.contact_id or "")), decision=r.decision,
        decided_on=r.decided_on, method=r.method, notice_version=r.notice_version,
        evidence_sha256=r.evidence_sha256, evidence_mime=mimes.get(r.evidence_sha256 or ""),
        recorded_by=r.recorded_by, recorded_at=r.recorded_at, review_date=r.review_date,
        note=r.note,
    ) for r in rows]


def _carer_decisions(session: Session, patient_id: str) -> list[ConsentEventView]:
    """The carers' own decisions about their details on this patient's handout. Their contact
    keeps only the latest; each decision is audited for every patient they care for, and audit
    events are append-only and synced, so the history is the same on every laptop. Decisions
    audited before the date and method were kept show the day they were recorded, no method."""
    rows = [e for e in session.execute(select(AuditEvent).where(
        AuditEvent.patient_id == patient_id, AuditEvent.action == "consent",
        AuditEvent.record_table == "contact", AuditEvent.deleted.is_(False))).scalars()
        if (e.detail or {}).get("purpose") == CARER_AGREEMENT and e.record_id]
    contacts = {c.id: c for c in session.execute(
        select(Contact).where(Contact.id.in_({e.record_id for e in rows}))).scalars()}
    views = []
    for e in rows:
        detail = e.detail or {}
        try:
            on = dt.date.fromisoformat(str(detail["decided_on"]))
        except (KeyError, ValueError):
            on = e.at.date()
        views.append(ConsentEventView(
            id=e.id, purpose=CARER_AGREEMENT, contact_id=e.record_id,
            contact_name=_contact_name(contacts.get(e.record_id or "")),
            decision=str(detail.get("decision") or ""), decided_on=on,
            method=str(detail.get("method") or ""), notice_version=None, evidence_sha256=None,
            evidence_mime=None, recorded_by=e.actor, recorded_at=e.at, review_date=None,
            note=None))
    return views


def history(ctx: AppContext, patient_id: str, purpose: str | None = None,
            contact_id: str | None = None) -> list[ConsentEventView]:
    """The whole log, oldest first (overrides and the carers' own decisions included),
    optionally for one purpose (or `carer_agreement`) and contact."""
    if purpose is not None and purpose not in PURPOSES and purpose != CARER_AGREEMENT:
        raise ValidationError("consent.purpose_unknown", "purpose", value=purpose)

    def run(s: Session) -> list[ConsentEventView]:
        _load_patient(s, patient_id, include_restricted=True)
        events = sorted(_event_views(s, patient_id) + _carer_decisions(s, patient_id),
                        key=lambda e: (e.decided_on, e.recorded_at, e.id))
        return [e for e in events if (purpose is None or e.purpose == purpose)
                and (contact_id is None or e.contact_id == contact_id)]

    return ctx.read(run)


def _overview(session: Session, patient_id: str, today: dt.date) -> ConsentOverview:
    events = _event_views(session, patient_id)
    decisions = [e for e in events if e.decision != OVERRIDE]
    states: list[ConsentState] = []
    keys: list[tuple[str, str | None]] = [(p, None) for p in PURPOSES
                                          if p not in PER_CONTACT_PURPOSES]
    for e in decisions:
        if e.purpose in PER_CONTACT_PURPOSES and (e.purpose, e.contact_id) not in keys:
            keys.append((e.purpose, e.contact_id))
    for purpose, contact in keys:
        mine = [e for e in decisions if e.purpose == purpose and e.contact_id == contact]
        latest = max(mine, key=lambda e: (e.decided_on, e.recorded_at)) if mine else None
        states.append(ConsentState(
            purpose=purpose, contact_id=contact,
            contact_name=latest.contact_name if latest else None,
            decision=latest.decision if latest else None,
            decided_on=latest.decided_on if latest else None,
            review_date=latest.review_date if latest else None,
            review_due=bool(latest and latest.decision == "granted"
                            and policy.review_due(latest.review_date, today)),
        ))
    by_key = {(s.purpose, s.contact_id): s for s in states}
    local_only = not by_key[(PURPOSE_TEAM_SHARING, None)].granted
    badges: list[str] = []  # who sees the record is the header's own badge (cases.visibility)
    if not by_key[(policy.PURPOSE_NOTICE, None)].granted:
        badges.append("notice_missing")
    if by_key[(PURPOSE_STATISTICS, None)].granted:
        badges.append("statistics")
    if any(s.review_due for s in states):
        badges.append("review_due")
    carers = _patient_carers(session, patient_id, _facts(session, patient_id))
    return ConsentOverview(patient_id=patient_id, states=states, local_only=local_only,
                           badges=badges, carers=carers)


def overview(ctx: AppContext, patient_id: str) -> ConsentOverview:
    """Current state per purpose (and per contact), derived from the log."""

    def run(s: Session) -> ConsentOverview:
        _load_patient(s, patient_id, include_restricted=True)
        return _overview(s, patient_id, ctx.today())

    return ctx.read(run)


def header_badges(ctx: AppContext, patient_id: str) -> list[str]:
    """Badge codes for the dossier header: notice_missing, statistics, review_due."""
    return overview(ctx, patient_id).badges


def _evidence(s: Session, patient_id: str, sha256: str) -> tuple[Attachment, Blob]:
    """The attachment and bytes of one of this patient's consent evidences, or NotFound."""
    _load_patient(s, patient_id, include_restricted=True)
    att = s.execute(select(Attachment).where(
        Attachment.patient_id == patient_id, Attachment.sha256 == sha256,
        Attachment.deleted.is_(False))).scalars().first()
    blob = s.get(Blob, sha256)
    if att is None or blob is None:
        raise NotFound("record.not_found", "evidence")
    return att, blob


def evidence_file(ctx: AppContext, patient_id: str, sha256: str) -> tuple[str, bytes]:
    """The evidence bytes and MIME type of one of this patient's consent events (audited view)."""

    def run(uow: UnitOfWork) -> tuple[str, bytes]:
        att, blob = _evidence(uow.session, patient_id, sha256)
        uow.audit("view", table="attachment", record_id=att.id, patient_id=patient_id,
                  purpose="consent_evidence")
        return att.mime, bytes(blob.data)

    return ctx.write(run)


def save_evidence_copy(ctx: AppContext, patient_id: str, sha256: str, out: str | Path) -> Path:
    """Write a copy of a consent's evidence where the user chose: 0600 when new, whole or not at
    all; audited as an export only once the file is written."""
    from desktop.services.documents import write_atomic  # documents already imports this module

    path = Path(out)

    def run(uow: UnitOfWork) -> Path:
        att, blob = _evidence(uow.session, patient_id, sha256)
        write_atomic(path, bytes(blob.data))  # raises before the audit event: nothing recorded
        uow.audit("export", table="attachment", record_id=att.id, patient_id=patient_id,
                  purpose="consent_evidence")
        return path

    return ctx.write(run)


def per_contact_candidates(ctx: AppContext, patient_id: str, purpose: str) -> list[tuple[str, str]]:
    """(contact id, name) the per-contact purpose can name: informal carers for the handout,
    professionals and services for provider sharing and objections, from the ecosystem."""
    from desktop.storage.models import Relationship

    def run(s: Session) -> list[tuple[str, str]]:
        rows = s.execute(
            select(Contact, Relationship.is_informal_carer)
            .join(Relationship, Relationship.contact_id == Contact.id)
            .where(Relationship.patient_id == patient_id, Relationship.deleted.is_(False),
                   Contact.deleted.is_(False))
        ).all()
        out: list[tuple[str, str]] = []
        for c, carer in rows:
            private = c.owner_patient_id is not None or carer
            if (purpose == PURPOSE_CARER_ON_HANDOUT) == bool(private):
                out.append((c.id, _contact_name(c) or c.id))
        return sorted(out, key=lambda x: x[1].casefold())

    return ctx.read(run)

