"""Triage by complexity: the suggested level of a patient and the reasons for it, and the crisis
triggers recorded on the open case (desktop.domain.triage holds the rules)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import case_lifecycle as L
from desktop.domain import triage as T
from desktop.domain.dates import age_on, parse_date
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import AssessmentResponse, Case, HospitalStay

GRID_ID = "complexity_grid"
TRIAGE_ID = "triage"


@dataclass(frozen=True)
class TriageView:
    patient_id: str
    case_id: str | None
    level: str
    number: int  # Kaiser pyramid level, 1–3
    reasons: tuple[T.Reason, ...]
    context: tuple[str, ...]  # screening flags (context only)
    grid_total: int | None
    grid_on: dt.date | None
    crisis_triggers: tuple[str, ...]
    crisis_noted_on: dt.date | None
    decided: str | None  # the tier on the case

    def to_dict(self) -> dict[str, Any]:
        return {"patient_id": self.patient_id, "case_id": self.case_id, "level": self.level,
                "number": self.number,
                "reasons": [{"code": r.code, **dict(r.params)} for r in self.reasons],
                "context": list(self.context), "grid_total": self.grid_total,
                "grid_on": self.grid_on.isoformat() if self.grid_on else None,
                "crisis_triggers": list(self.crisis_triggers),
                "crisis_noted_on": self.crisis_noted_on.isoformat()
                if self.crisis_noted_on else None,
                "decided": self.decided}


def _open_case(session: Session, patient_id: str) -> Case | None:
    return session.execute(
        select(Case).where(Case.patient_id == patient_id, Case.deleted.is_(False),
                           Case.status.in_(L.OPEN_STATUSES))
        .order_by(Case.opened_on.desc())).scalars().first()


def _latest(session: Session, patient_id: str, instrument_id: str) -> AssessmentResponse | None:
    rows = list(session.execute(select(AssessmentResponse).where(
        AssessmentResponse.patient_id == patient_id, AssessmentResponse.deleted.is_(False),
        AssessmentResponse.status == "completed",
        AssessmentResponse.instrument_id == instrument_id)
        .order_by(AssessmentResponse.assessed_on, AssessmentResponse.completed_at)).scalars())
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    current = [r for r in rows if r.id not in superseded]
    return current[-1] if current else None


def suggestion_in(session: Session, patient_id: str, today: dt.date) -> TriageView:
    """The suggestion from what the vault knows, inside an open session."""
    p = load_patient(session, patient_id)
    case = _open_case(session, patient_id)
    grid = _latest(session, patient_id, GRID_ID)
    grid_total: int | None = None
    if grid is not None:
        total = (grid.scores or {}).get("scores", {}).get("total")
        grid_total = None if total is None else int(total["value"])
    tri = _latest(session, patient_id, TRIAGE_ID)
    answers = dict(tri.answers or {}) if tri is not None else {}
    risks = [r for r in T.RISKS if answers.get(r) is True]
    admissions = session.execute(select(HospitalStay.admitted_on).where(
        HospitalStay.patient_id == patient_id, HospitalStay.deleted.is_(False),
        HospitalStay.kind == "admission")).scalars().all()
    flags = {"chronic_status": bool(p.chronic_status), "maf": bool(p.maf), "bim": bool(p.bim),
             "meds_5plus": answers.get("meds_5plus") is True,
             "conditions_2plus": answers.get("conditions_2plus") is True,
             "age_over_75": p.birth_date is not None and age_on(p.birth_date, today) > 75,
             "admissions_over_3": T.frequent_admissions(admissions, today)}
    crisis = tuple(case.crisis_triggers or ()) if case is not None else ()
    s = T.suggest(grid_total, crisis, risks, [k for k, v in flags.items() if v])
    return TriageView(
        patient_id=patient_id, case_id=case.id if case else None, level=s.level,
        number=s.number, reasons=s.reasons, context=s.context, grid_total=grid_total,
        grid_on=grid.assessed_on if grid is not None else None, crisis_triggers=crisis,
        crisis_noted_on=case.crisis_noted_on if case is not None else None,
        decided=case.complexity_tier if case is not None else None)


def suggestion(ctx: AppContext, patient_id: str) -> TriageView:
    return ctx.read(lambda s: suggestion_in(s, patient_id, ctx.today()))


def view_suggestion(ctx: AppContext, patient_id: str, *, purpose: str = "cli") -> TriageView:
    """A person looks at the triage of a patient: audited."""

    def run(uow: UnitOfWork) -> TriageView:
        v = suggestion_in(uow.session, patient_id, ctx.today())
        uow.audit("view", table="triage", record_id=v.case_id, patient_id=patient_id,
                  purpose=purpose, level=v.level)
        return v

    return ctx.write(run)


def set_crisis_triggers(ctx: AppContext, case_id: str, triggers: list[str], *,
                        on: str | dt.date | None = None) -> list[str]:
    """Record the crisis triggers present now on an open case (an empty list clears them).
    Returns the stored codes; the suggestion on the case is refreshed."""
    from desktop.services.cases import load_case

    try:
        codes = T.clean_triggers(triggers)
    except ValueError as exc:
        raise ValidationError("triage.trigger_invalid", "crisis_triggers",
                              value=str(exc.args[0])[:40],
                              names=", ".join(T.CRISIS_TRIGGERS)) from None
    today = ctx.today()
    day = parse_date(on, "crisis_noted_on") or today
    if day > today:
        raise ValidationError("date.future", "crisis_noted_on")

    def run(uow: UnitOfWork) -> list[str]:
        case = load_case(uow.session, case_id)
        if not L.is_open(case.status):
            raise RuleViolation("case.closed", "status")
        values: dict[str, object] = {"crisis_triggers": codes,
                                     "crisis_noted_on": day if codes else None}
        changed = uow.update(case, values)
        if changed:
            uow.audit("crisis", table="case_record", record_id=case.id,
                      patient_id=case.patient_id, triggers=codes)
            refresh_suggested(uow, case.patient_id)
        return codes

    return ctx.write(run)


def refresh_suggested(uow: UnitOfWork, patient_id: str) -> str | None:
    """Store the current suggestion on the open case (`tier_suggested`)."""
    v = suggestion_in(uow.session, patient_id, uow.ctx.today())
    if v.case_id is None:
        return None
    case = uow.session.get(Case, v.case_id)
    if case is not None and case.tier_suggested != v.level:
        uow.update(case, {"tier_suggested": v.level})
    return v.level
