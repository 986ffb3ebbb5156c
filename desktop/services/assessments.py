"""Assessment responses: autosaved drafts, completion (then immutable), corrections that supersede
and keep the old response, history and comparison, triage suggestion and the case manager's
decision, and the unmet needs that seed care-plan goals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.case_lifecycle import OPEN_STATUSES
from desktop.domain.dates import age_on, parse_date, utcnow
from desktop.domain.errors import NotFound, RuleViolation, ValidationError
from desktop.domain.ids import is_uuid
from desktop.domain.instruments import (
    Definition,
    Outcome,
    ScoringOptions,
    resolve_options,
    score,
    validate_answers,
)
from desktop.domain.text import clean_text
from desktop.domain.triage import frequent_admissions
from desktop.services.context import AppContext
from desktop.services.instruments import get_definition
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import AssessmentResponse, Case, HospitalStay, Patient

TRIAGE_ID = "triage"
NEEDS_ID = "needs_checklist"
NEED_GAPS = ("unmet", "partly_met")


@dataclass(frozen=True)
class AssessmentView:
    id: str
    patient_id: str
    case_id: str | None
    instrument_id: str
    instrument_version: str
    status: str  # draft | completed
    assessed_on: dt.date | None
    completed_at: dt.datetime | None
    answers: dict[str, Any]
    options: dict[str, Any]
    scores: dict[str, Any]  # Outcome.to_dict(): scores, derived, complete
    decision: dict[str, Any]
    supersedes_id: str | None
    superseded_by: str | None
    assessor: str | None

    @property
    def editable(self) -> bool:
        return self.status == "draft"

    def score_value(self, score_id: str) -> int | None:
        s = self.scores.get("scores", {}).get(score_id)
        return None if s is None else int(s["value"])

    def band(self, score_id: str) -> str | None:
        s = self.scores.get("scores", {}).get(score_id)
        return None if s is None else s.get("band")

    def derived_code(self, derived_id: str) -> str | None:
        d = self.scores.get("derived", {}).get(derived_id)
        return None if d is None else str(d["code"])


@dataclass(frozen=True)
class TrendPoint:
    response_id: str
    on: dt.date
    value: int  # score value, or category rank
    code: str | None  # band or category code
    maximum: int


@dataclass(frozen=True)
class CompareRow:
    key: str  # item id, score id or derived id
    kind: str  # item | score | derived
    left: Any
    right: Any

    @property
    def changed(self) -> bool:
        return bool(self.left != self.right)


@dataclass(frozen=True)
class Comparison:
    instrument_id: str
    left: AssessmentView
    right: AssessmentView
    rows: list[CompareRow] = field(default_factory=list)


@dataclass(frozen=True)
class NeedItem:
    domain: str
    status: str  # unmet | partly_met
    description: str | None
    response_id: str
    assessed_on: dt.date | None


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------
def _load(session: Session, response_id: str) -> AssessmentResponse:
    if not is_uuid(str(response_id)):
        raise ValidationError("id.invalid", "assessment")
    r = load(session, AssessmentResponse, response_id, "assessment")
    return r


def _check_patient(session: Session, patient_id: str) -> None:
    if not is_uuid(str(patient_id)):
        raise ValidationError("id.invalid", "patient")
    if load(session, Patient, patient_id, "patient").restricted:
        raise NotFound("record.not_found", "patient")


def _superseded_by(session: Session, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(AssessmentResponse.supersedes_id, AssessmentResponse.id).where(
        AssessmentResponse.supersedes_id.in_(ids), AssessmentResponse.status == "completed",
        AssessmentResponse.deleted.is_(False))).all()
    return {old: new for old, new in rows if old}


def _view(r: AssessmentResponse, superseded_by: str | None) -> AssessmentView:
    return AssessmentView(
        id=r.id, patient_id=r.patient_id, case_id=r.case_id, instrument_id=r.instrument_id,
        instrument_version=r.instrument_version, status=r.status, assessed_on=r.assessed_on,
        completed_at=r.completed_at, answers=dict(r.answers or {}), options=dict(r.options or {}),
        scores=dict(r.scores or {}), decision=dict(r.decision or {}), supersedes_id=r.supersedes_id,
        superseded_by=superseded_by, assessor=r.assessor,
    )


def _views(session: Session, rows: list[AssessmentResponse]) -> list[AssessmentView]:
    sup = _superseded_by(session, [r.id for r in rows])
    return [_view(r, sup.get(r.id)) for r in rows]


def _date(value: str | dt.date | None, today: dt.date) -> dt.date | None:
    day = parse_date(value, "assessed_on")
    if day is not None and day > today:
        raise ValidationError("assessment.future_date", "assessed_on")
    return day


OptionsArg = ScoringOptions | Mapping[str, Any] | None


def _options(defn: Definition, options: OptionsArg) -> ScoringOptions:
    if options is None:
        return resolve_options(defn)
    if not isinstance(options, ScoringOptions):
        options = ScoringOptions.from_dict(options)
    return resolve_options(defn, band_sets=options.band_sets, variants=options.variants)


def _case_id(session: Session, patient_id: str, case_id: str | None) -> str | None:
    if case_id:
        c = session.get(Case, case_id) if is_uuid(case_id) else None
        if c is None or c.deleted or c.patient_id != patient_id:
            raise NotFound("record.not_found", "case")
        return c.id
    return session.execute(
        select(Case.id).where(Case.patient_id == patient_id, Case.deleted.is_(False),
                              Case.status.in_(OPEN_STATUSES))
        .order_by(Case.opened_on.desc())).scalars().first()


def _prepare(ctx: AppContext, instrument_id: str, answers: Any,
             options: ScoringOptions | Mapping[str, Any] | None, *, complete: bool
             ) -> tuple[Definition, dict[str, Any], ScoringOptions, Outcome]:
    """Validate and score outside the transaction (bad input changes nothing)."""
    defn = get_definition(ctx, instrument_id)
    opts = _options(defn, options)
    kept = validate_answers(defn, answers, complete=complete)
    return defn, kept, opts, score(defn, kept, opts)


def _suggest_tier(uow: UnitOfWork, r: AssessmentResponse, outcome: Outcome) -> None:
    """A completed triage or complexity grid refreshes the suggestion on the open case: by
    complexity and crisis triggers (desktop.services.triage), not by the screening flags."""
    if r.instrument_id not in (TRIAGE_ID, "complexity_grid"):
        return
    from desktop.services.triage import refresh_suggested

    refresh_suggested(uow, r.patient_id)


# ------------------------------------------------------------------------------------------
# drafts and completion
# ------------------------------------------------------------------------------------------
def save_draft(ctx: AppContext, patient_id: str, instrument_id: str, answers: Any, *,
               response_id: str | None = None,
               options: ScoringOptions | Mapping[str, Any] | None = None,
               assessed_on: str | dt.date | None = None,
               case_id: str | None = None) -> AssessmentView:
    """Create or update a draft (autosave): answers are type-checked, missing ones allowed."""
    defn, kept, opts, outcome = _prepare(ctx, instrument_id, answers, options, complete=False)
    day = _date(assessed_on, ctx.today())

    def run(uow: UnitOfWork) -> AssessmentView:
        _check_patient(uow.session, patient_id)
        values: dict[str, Any] = {"answers": kept, "options": opts.to_dict(),
                                  "scores": outcome.to_dict(), "instrument_version": defn.version}
        if response_id:
            r = _load(uow.session, response_id)
            if r.patient_id != patient_id or r.instrument_id != defn.id:
                raise RuleViolation("assessment.wrong_patient", "assessment")
            if r.status != "draft":
                raise RuleViolation("assessment.completed_immutable", "assessment")
            if day is not None:
                values["assessed_on"] = day
            if uow.update(r, values):
                uow.audit("edit", table="assessment_response", record_id=r.id,
                          patient_id=patient_id, instrument=defn.id, status="draft")
        else:
            r = uow.add(AssessmentResponse, patient_id=patient_id,
                        case_id=_case_id(uow.session, patient_id, case_id),
                        instrument_id=defn.id, status="draft", assessed_on=day or ctx.today(),
                        assessor=ctx.user_name, **values)
            uow.audit("create", table="assessment_response", record_id=r.id,
                      patient_id=patient_id, instrument=defn.id, status="draft")
        return _view(r, None)

    return ctx.write(run)


def complete(ctx: AppContext, response_id: str, *, answers: Any = None,
             options: ScoringOptions | Mapping[str, Any] | None = None,
             assessed_on: str | dt.date | None = None) -> AssessmentView:
    """Complete a draft: every required item answered; from now on the response is immutable."""
    current = ctx.read(lambda s: _view(_load(s, response_id), None))
    if current.status != "draft":
        raise RuleViolation("assessment.completed_immutable", "assessment")
    defn, kept, opts, outcome = _prepare(
        ctx, current.instrument_id, current.answers if answers is None else answers,
        current.options if options is None else options, complete=True)
    day = _date(assessed_on, ctx.today()) or current.assessed_on or ctx.today()

    def run(uow: UnitOfWork) -> AssessmentView:
        r = _load(uow.session, response_id)
        if r.status != "draft":
            raise RuleViolation("assessment.completed_immutable", "assessment")
        if r.supersedes_id and _superseded_by(uow.session, [r.supersedes_id]):
            raise RuleViolation("assessment.already_superseded", "assessment")
        uow.update(r, {"answers": kept, "options": opts.to_dict(), "scores": outcome.to_dict(),
                       "instrument_version": defn.version, "status": "completed",
                       "assessed_on": day, "completed_at": utcnow(),
                       "assessor": r.assessor or ctx.user_name})
        _suggest_tier(uow, r, outcome)
        uow.audit("complete", table="assessment_response", record_id=r.id,
                  patient_id=r.patient_id, instrument=defn.id,
                  supersedes=r.supersedes_id)
        return _view(r, None)

    return ctx.write(run)


def record_completed(ctx: AppContext, patient_id: str, instrument_id: str, answers: Any, *,
                     options: ScoringOptions | Mapping[str, Any] | None = None,
                     assessed_on: str | dt.date | None = None,
                     case_id: str | None = None) -> AssessmentView:
    """Record a completed response in one step (command line, imports, demo)."""
    defn, kept, opts, outcome = _prepare(ctx, instrument_id, answers, options, complete=True)
    day = _date(assessed_on, ctx.today()) or ctx.today()

    def run(uow: UnitOfWork) -> AssessmentView:
        _check_patient(uow.session, patient_id)
        r = add_completed(uow, patient_id, defn, kept, opts, outcome, day,
                          _case_id(uow.session, patient_id, case_id))
        return _view(r, None)

    return ctx.write(run)


def add_completed(uow: UnitOfWork, patient_id: str, defn: Definition, answers: dict[str, Any],
                  opts: ScoringOptions, outcome: Outcome, day: dt.date,
                  case_id: str | None) -> AssessmentResponse:
    """Insert a completed response inside a caller's transaction (answers already validated)."""
    r = uow.add(AssessmentResponse, patient_id=patient_id, case_id=case_id,
                instrument_id=defn.id, instrument_version=defn.version, options=opts.to_dict(),
                answers=answers, scores=outcome.to_dict(), status="completed", assessed_on=day,
                completed_at=utcnow(), assessor=uow.ctx.user_name)
    _suggest_tier(uow, r, outcome)
    uow.audit("complete", table="assessment_response", record_id=r.id, patient_id=patient_id,
              instrument=defn.id)
    return r


def start_correction(ctx: AppContext, response_id: str) -> AssessmentView:
    """A draft that will supersede a completed response (same answers to start from). The old
    response stays as it was, marked superseded once the correction is completed."""

    def run(uow: UnitOfWork) -> AssessmentView:
        old = _load(uow.session, response_id)
        if old.status != "completed":
            raise RuleViolation("assessment.not_completed", "assessment")
        if _superseded_by(uow.session, [old.id]):
            raise RuleViolation("assessment.already_superseded", "assessment")
        existing = uow.session.execute(select(AssessmentResponse).where(
            AssessmentResponse.supersedes_id == old.id, AssessmentResponse.status == "draft",
            AssessmentResponse.deleted.is_(False))).scalars().first()
        if existing is not None:
            return _view(existing, None)
        r = uow.add(AssessmentResponse, patient_id=old.patient_id, case_id=old.case_id,
                    instrument_id=old.instrument_id, instrument_version=old.instrument_version,
                    options=dict(old.options or {}), answers=dict(old.answers or {}),
                    scores=dict(old.scores or {}), status="draft", assessed_on=old.assessed_on,
                    supersedes_id=old.id, assessor=ctx.user_name)
        uow.audit("correct", table="assessment_response", record_id=r.id,
                  patient_id=old.patient_id, instrument=old.instrument_id, supersedes=old.id)
        return _view(r, None)

    return ctx.write(run)


def discard_draft(ctx: AppContext, response_id: str) -> None:
    def run(uow: UnitOfWork) -> None:
        r = _load(uow.session, response_id)
        if r.status != "draft":
            raise RuleViolation("assessment.completed_immutable", "assessment")
        uow.delete(r)
        uow.audit("delete", table="assessment_response", record_id=r.id,
                  patient_id=r.patient_id, instrument=r.instrument_id)

    ctx.write(run)


# ------------------------------------------------------------------------------------------
# reading
# ------------------------------------------------------------------------------------------
def get_assessment(ctx: AppContext, response_id: str, *,
                   purpose: str = "dossier") -> AssessmentView:
    """One response, audited as a view of the patient record."""

    def run(uow: UnitOfWork) -> AssessmentView:
        r = _load(uow.session, response_id)
        uow.audit("view", table="assessment_response", record_id=r.id, patient_id=r.patient_id,
                  purpose=purpose)
        return _views(uow.session, [r])[0]

    return ctx.write(run)


def history(ctx: AppContext, patient_id: str, instrument_id: str | None = None, *,
            include_superseded: bool = True) -> list[AssessmentView]:
    """Completed responses, oldest first (corrections shown beside what they replaced)."""

    def run(session: Session) -> list[AssessmentView]:
        q = select(AssessmentResponse).where(
            AssessmentResponse.patient_id == patient_id, AssessmentResponse.deleted.is_(False),
            AssessmentResponse.status == "completed")
        if instrument_id:
            q = q.where(AssessmentResponse.instrument_id == instrument_id)
        rows = list(session.execute(q.order_by(AssessmentResponse.assessed_on,
                                               AssessmentResponse.completed_at)).scalars())
        views = _views(session, rows)
        return views if include_superseded else [v for v in views if v.superseded_by is None]

    return ctx.read(run)


def drafts(ctx: AppContext, patient_id: str, instrument_id: str | None = None
           ) -> list[AssessmentView]:
    def run(session: Session) -> list[AssessmentView]:
        q = select(AssessmentResponse).where(
            AssessmentResponse.patient_id == patient_id, AssessmentResponse.deleted.is_(False),
            AssessmentResponse.status == "draft")
        if instrument_id:
            q = q.where(AssessmentResponse.instrument_id == instrument_id)
        return [_view(r, None) for r in session.execute(
            q.order_by(AssessmentResponse.created_at)).scalars()]

    return ctx.read(run)


def last_instrument(ctx: AppContext, patient_id: str) -> str | None:
    """The instrument of the patient's newest draft, else of the latest completed response:
    where the case manager picks up (one query, nothing decoded)."""
    base = (AssessmentResponse.patient_id == patient_id, AssessmentResponse.deleted.is_(False))

    def run(session: Session) -> str | None:
        draft = session.scalar(select(AssessmentResponse.instrument_id).where(
            *base, AssessmentResponse.status == "draft")
            .order_by(AssessmentResponse.created_at.desc()).limit(1))
        return draft or session.scalar(select(AssessmentResponse.instrument_id).where(
            *base, AssessmentResponse.status == "completed")
            .order_by(AssessmentResponse.assessed_on.desc(),
                      AssessmentResponse.completed_at.desc()).limit(1))

    return ctx.read(run)


def latest(ctx: AppContext, patient_id: str, instrument_id: str) -> AssessmentView | None:
    rows = history(ctx, patient_id, instrument_id, include_superseded=False)
    return rows[-1] if rows else None


def trend(ctx: AppContext, patient_id: str, instrument_id: str) -> list[TrendPoint]:
    """The instrument's primary score (or category rank) over time, corrections applied."""
    return trend_of(get_definition(ctx, instrument_id),
                    history(ctx, patient_id, instrument_id, include_superseded=False))


def trend_of(defn: Definition, views: list[AssessmentView]) -> list[TrendPoint]:
    """`trend` from the instrument's history already read (oldest first); responses replaced
    by a correction are left out."""
    points: list[TrendPoint] = []
    primary = defn.primary
    for v in views:
        if v.superseded_by is not None:
            continue
        if v.assessed_on is None or primary is None:
            continue
        sc = v.scores.get("scores", {}).get(primary)
        if sc is not None:
            points.append(TrendPoint(v.id, v.assessed_on, int(sc["value"]), sc.get("band"),
                                     int(sc["max"])))
            continue
        d = v.scores.get("derived", {}).get(primary)
        if d is not None:
            top = max(c.rank for c in defn.derived_rule(primary).categories)
            points.append(TrendPoint(v.id, v.assessed_on, int(d["rank"]), str(d["code"]), top))
    return points


def compare(ctx: AppContext, left_id: str, right_id: str) -> Comparison:
    """Two responses of one instrument side by side: every item, score and category."""
    left = get_assessment(ctx, left_id, purpose="compare")
    right = get_assessment(ctx, right_id, purpose="compare")
    if left.instrument_id != right.instrument_id:
        raise ValidationError("assessment.different_instruments", "assessment")
    if left.patient_id != right.patient_id:
        raise ValidationError("assessment.wrong_patient", "assessment")
    defn = get_definition(ctx, left.instrument_id)
    rows = [CompareRow(i.id, "item", left.answers.get(i.id), right.answers.get(i.id))
            for i in defn.items]
    rows += [CompareRow(s.id, "score", left.score_value(s.id), right.score_value(s.id))
             for s in defn.scores]
    rows += [CompareRow(d.id, "derived", left.derived_code(d.id), right.derived_code(d.id))
             for d in defn.derived]
    return Comparison(defn.id, left, right, rows)


# ------------------------------------------------------------------------------------------
# triage
# ------------------------------------------------------------------------------------------
def triage_prefill(ctx: AppContext, patient_id: str) -> dict[str, bool]:
    """Flags the record already knows (statuses, age, admissions in the last 12 months)."""
    today = ctx.today()

    def run(session: Session) -> dict[str, bool]:
        _check_patient(session, patient_id)
        p = session.get(Patient, patient_id)
        assert p is not None
        out = {"chronic_status": bool(p.chronic_status), "maf": bool(p.maf), "bim": bool(p.bim)}
        if p.birth_date is not None:
            out["age_over_75"] = age_on(p.birth_date, today) > 75
        since = today - dt.timedelta(days=365)
        stays = session.execute(select(HospitalStay.admitted_on).where(
            HospitalStay.patient_id == patient_id, HospitalStay.deleted.is_(False),
            HospitalStay.kind == "admission", HospitalStay.admitted_on >= since)).all()
        out["admissions_3plus"] = frequent_admissions([d for (d,) in stays], today)
        return out

    return ctx.read(run)


def decide_tier(ctx: AppContext, response_id: str, tier: str, reason: str | None = None
                ) -> AssessmentView:
    """The case manager confirms the suggested tier or chooses another (a reason is then
    required). Suggestion and decision are both kept, on the response and on the case."""
    defn = get_definition(ctx, TRIAGE_ID)
    tiers = {c.code for c in defn.derived_rule("tier").categories}
    if tier not in tiers:
        raise ValidationError("assessment.unknown_tier", "tier", value=str(tier)[:40])
    reason_text = clean_text(reason, "reason", max_len=2000) or None

    def run(uow: UnitOfWork) -> AssessmentView:
        r = _load(uow.session, response_id)
        if r.instrument_id != TRIAGE_ID:
            raise RuleViolation("assessment.not_triage", "assessment")
        if r.status != "completed":
            raise RuleViolation("assessment.not_completed", "assessment")
        if r.decision:
            raise RuleViolation("assessment.already_decided", "assessment")
        from desktop.services.triage import suggestion_in

        suggested = suggestion_in(uow.session, r.patient_id, ctx.today()).level
        overridden = tier != suggested
        if overridden and not reason_text:
            raise ValidationError("assessment.reason_required", "reason")
        decision = {"suggested": suggested, "tier": tier, "overridden": overridden,
                    "reason": reason_text, "decided_on": ctx.today().isoformat(),
                    "decided_by": ctx.user_name}
        uow.update(r, {"decision": decision})
        case_id = r.case_id or _case_id(uow.session, r.patient_id, None)
        case = uow.session.get(Case, case_id) if case_id else None
        if case is not None:
            uow.update(case, {"complexity_tier": tier, "tier_suggested": suggested})
        uow.audit("decide_tier", table="assessment_response", record_id=r.id,
                  patient_id=r.patient_id, tier=tier, suggested=suggested, overridden=overridden)
        return _views(uow.session, [r])[0]

    return ctx.write(run)


# ------------------------------------------------------------------------------------------
# needs → plan
# ------------------------------------------------------------------------------------------
def unmet_needs(ctx: AppContext, patient_id: str) -> list[NeedItem]:
    """Unmet and partly met needs of the latest completed needs checklist (plan starting points)."""
    return ctx.read(lambda s: unmet_needs_in(s, patient_id))


def unmet_needs_in(session: Session, patient_id: str) -> list[NeedItem]:
    """Same as `unmet_needs`, inside an open session (demo data and documents use it mid-write)."""
    rows = list(session.execute(select(AssessmentResponse).where(
        AssessmentResponse.patient_id == patient_id, AssessmentResponse.deleted.is_(False),
        AssessmentResponse.status == "completed", AssessmentResponse.instrument_id == NEEDS_ID,
    ).order_by(AssessmentResponse.assessed_on, AssessmentResponse.completed_at)).scalars())
    current = [v for v in _views(session, rows) if v.superseded_by is None]
    if not current:
        return []
    last = current[-1]
    out = []
    for sec in get_definition(None, NEEDS_ID).sections:
        status = last.answers.get(f"{sec.id}_status")
        if status in NEED_GAPS:
            desc = last.answers.get(f"{sec.id}_description")
            out.append(NeedItem(sec.id, str(status), str(desc) if desc else None, last.id,
                                last.assessed_on))
    return out
