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
    OVERRIDE,
    PER_CONTACT_PURPOSES,
    PURPOSE_CARER_ON_HANDOUT,
    PURPOSE_PROVIDER_SHARING,
    PURPOSE_STATISTICS,
    PURPOSE_TEAM_SHARING,
    PURPOSES,
    ConsentFact,
)
from desktop.domain.dates import parse_date
from desktop.domain.errors import NotFound, RuleViolation, ValidationError
from desktop.domain.evidence import HEAD_BYTES, MAX_EVIDENCE_BYTES, sniff_mime
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.services.user_files import read_user_file
from desktop.storage.models import Attachment, Blob, ConsentEvent, Contact, Patient

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
class ConsentOverview:
    patient_id: str
    states: list[ConsentState]
    local_only: bool  # no team-sharing grant: only the responsible case managers see the record
    badges: list[str] = field(default_factory=list)


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
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
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
    p = session.get(Patient, patient_id)
    if p is None or p.deleted or (p.restricted and not include_restricted):
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


def carer_details_allowed(session: Session, patient_id: str, contact_id: str) -> bool:
    """May this carer's phone and address be printed on the patient's handout?"""
    return policy.is_granted(_facts(session, patient_id), PURPOSE_CARER_ON_HANDOUT, contact_id)


def provider_sharing_allowed(session: Session, patient_id: str, contact_id: str) -> bool:
    """May documents of this patient be addressed to this external provider?"""
    return policy.is_granted(_facts(session, patient_id), PURPOSE_PROVIDER_SHARING, contact_id)


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
            c = s.get(Contact, contact_id)
            if c is None or c.deleted:
                raise NotFound("record.not_found", "contact_id")
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
            c = s.get(Contact, contact_id)
            if c is None or c.deleted:
                raise NotFound("record.not_found", "contact_id")
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


def history(ctx: AppContext, patient_id: str, purpose: str | None = None,
            contact_id: str | None = None) -> list[ConsentEventView]:
    """The whole log, oldest first (overrides included), optionally for one purpose/contact."""
    if purpose is not None and purpose not in PURPOSES:
        raise ValidationError("consent.purpose_unknown", "purpose", value=purpose)

    def run(s: Session) -> list[ConsentEventView]:
        _load_patient(s, patient_id, include_restricted=True)
        events = _event_views(s, patient_id)
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
    return ConsentOverview(patient_id=patient_id, states=states, local_only=local_only,
                           badges=badges)


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
    professionals and services for provider sharing, from the patient's ecosystem."""
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

