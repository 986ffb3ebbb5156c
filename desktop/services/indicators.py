"""Indicators of my caseload (issue 20): the records of this vault turned into the plain facts of
`desktop.domain.indicators`, which computes them. Restricted and deleted patients are left out
(GDPR art. 18: their data are kept, not processed). Nothing here names a patient."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import indicators as I
from desktop.domain.dates import parse_date
from desktop.domain.errors import ValidationError
from desktop.reports.indicators import Titles
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import (
    AssessmentResponse,
    AuditEvent,
    CarePlan,
    Case,
    Goal,
    HospitalStay,
    Patient,
    StabilityEvent,
    Visit,
)

__all__ = ["default_period", "export_pdf", "gather", "indicators", "parse_period", "titles"]

DEFAULT_DAYS = 365


def default_period(today: dt.date) -> I.Period:
    """The last twelve months, today included."""
    return I.Period(today - dt.timedelta(days=DEFAULT_DAYS - 1), today)


def parse_period(start: str | dt.date | None, end: str | dt.date | None,
                 today: dt.date) -> I.Period:
    """`--from`/`--to` (ISO or dd/mm/yyyy): the end defaults to today, the start to a year
    before the end. Refused: an end before the start, an end in the future."""
    to = parse_date(end, "to") or today
    if to > today:
        raise ValidationError("date.future", "to")
    frm = parse_date(start, "from") or (to - dt.timedelta(days=DEFAULT_DAYS - 1))
    if to < frm:
        raise ValidationError("period.end_before_start", "to")
    return I.Period(frm, to)


def _visible_patients(s: Session) -> dict[str, str | None]:
    rows = s.execute(select(Patient.id, Patient.city).where(
        Patient.deleted.is_(False), Patient.restricted.is_(False))).all()
    return {pid: city for pid, city in rows}


def _cases(s: Session, patients: dict[str, str | None]) -> list[I.CaseFacts]:
    from desktop.services.cases import first_dates

    visits: dict[str, list[Any]] = defaultdict(list)
    for case_id, *row in s.execute(select(Visit.case_id, Visit.status, Visit.kind,
                                          Visit.actual_start, Visit.planned_start)
                                   .where(Visit.deleted.is_(False))).all():
        visits[case_id].append(tuple(row))
    out = []
    for c in s.execute(select(Case).where(Case.deleted.is_(False))).scalars():
        if c.patient_id not in patients:
            continue
        first_contact, _ = first_dates(c, visits.get(c.id, []))
        out.append(I.CaseFacts(
            id=c.id, patient_id=c.patient_id, request_date=c.request_date,
            intake_outcome=c.intake_outcome, first_contact_on=first_contact,
            opened_on=c.opened_on, closed_on=c.closed_on, tier=c.complexity_tier,
            case_manager=c.primary_case_manager))
    return out


def _goals(s: Session, patients: dict[str, str | None]) -> list[I.GoalFacts]:
    """A goal carried into the next plan version is one goal (same patient, same words): set when
    the first version holding it was agreed, scored at its latest review."""
    rows = s.execute(select(Goal, CarePlan.agreed_on).join(CarePlan, CarePlan.id == Goal.plan_id)
                     .where(Goal.deleted.is_(False), CarePlan.deleted.is_(False),
                            CarePlan.agreed_on.is_not(None))).all()
    merged: dict[tuple[str, str], I.GoalFacts] = {}
    for g, agreed_on in sorted(rows, key=lambda r: (r[1], r[0].id)):
        if g.patient_id not in patients or agreed_on is None:
            continue
        key = (g.patient_id, " ".join(g.text.split()).casefold())
        prev = merged.get(key)
        set_on = prev.set_on if prev else agreed_on
        if g.attainment is not None and g.attainment_on is not None and (
                prev is None or prev.reviewed_on is None or g.attainment_on >= prev.reviewed_on):
            merged[key] = I.GoalFacts(prev.id if prev else g.id, g.patient_id, set_on,
                                      g.attainment, g.attainment_on)
        elif prev is None:
            merged[key] = I.GoalFacts(g.id, g.patient_id, set_on)
    return list(merged.values())


def _needs(s: Session, patients: dict[str, str | None], end: dt.date) -> list[I.NeedFacts]:
    from desktop.services.assessments import NEEDS_ID, _views
    from desktop.services.instruments import get_definition

    rows = list(s.execute(select(AssessmentResponse).where(
        AssessmentResponse.deleted.is_(False), AssessmentResponse.status == "completed",
        AssessmentResponse.instrument_id == NEEDS_ID, AssessmentResponse.assessed_on <= end,
    ).order_by(AssessmentResponse.assessed_on, AssessmentResponse.completed_at)).scalars())
    latest: dict[str, Any] = {}
    for v in _views(s, [r for r in rows if r.patient_id in patients]):
        if v.superseded_by is None:
            latest[v.patient_id] = v
    sections = [sec.id for sec in get_definition(None, NEEDS_ID).sections]
    return [I.NeedFacts(pid, sec, str(v.answers.get(f"{sec}_status") or ""), patients[pid])
            for pid, v in latest.items() for sec in sections]


def _reviews(s: Session, cases: list[I.CaseFacts]) -> list[I.ReviewFacts]:
    """Reviews done (the audit keeps the date due and the day) and those due, not done yet."""
    ids = {c.id for c in cases}
    out: list[I.ReviewFacts] = []
    for case_id, detail in s.execute(select(AuditEvent.record_id, AuditEvent.detail).where(
            AuditEvent.action == "relevance_review", AuditEvent.deleted.is_(False))).all():
        due, on = (detail or {}).get("due"), (detail or {}).get("on")
        if case_id in ids and due and on:
            out.append(I.ReviewFacts(case_id, dt.date.fromisoformat(due),
                                     dt.date.fromisoformat(on)))
    for case_id, due, status in s.execute(select(Case.id, Case.relevance_review_due, Case.status)
                                          .where(Case.deleted.is_(False))).all():
        if case_id in ids and due is not None and status != "closed":
            out.append(I.ReviewFacts(case_id, due))
    return out


def _questionnaires(s: Session, patients: dict[str, str | None]) -> list[I.ExperienceFacts]:
    from desktop.services.assessments import _views

    wanted = (I.EXPERIENCE_ID, *I.BURDEN_INSTRUMENTS)
    rows = list(s.execute(select(AssessmentResponse).where(
        AssessmentResponse.deleted.is_(False), AssessmentResponse.status == "completed",
        AssessmentResponse.instrument_id.in_(wanted))).scalars())
    out = []
    for v in _views(s, [r for r in rows if r.patient_id in patients]):
        value = v.score_value("total")
        if v.superseded_by is None and value is not None and v.assessed_on:
            out.append(I.ExperienceFacts(v.patient_id, v.instrument_id, v.assessed_on,
                                         float(value)))
    return out


def gather(s: Session, end: dt.date) -> I.IndicatorInput:
    """The facts of this vault (a caseload) for periods ending on `end` at the latest."""
    patients = _visible_patients(s)
    cases = _cases(s, patients)
    stays = [I.StayFacts(h.id, h.patient_id, h.kind, h.admitted_on, h.discharged_on)
             for h in s.execute(select(HospitalStay).where(HospitalStay.deleted.is_(False)))
             .scalars() if h.patient_id in patients]
    events = [I.EventFacts(e.patient_id, e.kind, e.occurred_on)
              for e in s.execute(select(StabilityEvent).where(StabilityEvent.deleted.is_(False)))
              .scalars() if e.patient_id in patients]
    return I.IndicatorInput(
        cases=cases, stays=stays, events=events, goals=_goals(s, patients),
        needs=_needs(s, patients, end), reviews=_reviews(s, cases),
        questionnaires=_questionnaires(s, patients))


def indicators(ctx: AppContext, start: str | dt.date | None = None,
               end: str | dt.date | None = None) -> I.Indicators:
    """The indicators of this vault's caseload over [start, end] (default: the last year)."""
    today = ctx.today()
    period = parse_period(start, end, today)
    facts = ctx.read(lambda s: gather(s, period.end))
    return I.compute(period, facts, today)


def titles(lang: str) -> Titles:
    """The titles, in `lang`, of the needs and burden instruments the indicators name, from the
    shipped catalog. A shipped instrument missing or damaged is a broken installation: it is
    said (`NotFound` "instrument.unknown", or the file's `ValidationError`), not hidden behind
    untitled codes."""
    from desktop.services.assessments import NEEDS_ID
    from desktop.services.instruments import get_definition

    needs = {sec.id: sec.title.get(lang) or sec.title.get("fr") or sec.id
             for sec in get_definition(None, NEEDS_ID).sections}
    instruments = {code: get_definition(None, code).short_title.get(lang) or code
                   for code in I.BURDEN_INSTRUMENTS}
    return Titles(needs, instruments)


def export_pdf(ctx: AppContext, out: str | Path, lang: str, start: str | dt.date | None = None,
               end: str | dt.date | None = None, *,
               computed: I.Indicators | None = None) -> Path:
    """Write the indicators page as a PDF (aggregate figures, no patient named) and audit the
    export (action `export`, kind `indicators`, the period). Returns the path written."""
    from desktop.reports.indicators import pdf_bytes
    from desktop.services.gdpr import _output
    from desktop.storage.fsutil import atomic_write

    path = _output(out, (".pdf",))
    ind = computed if computed is not None else indicators(ctx, start, end)
    atomic_write(path, pdf_bytes(ind, lang, titles(lang), author=ctx.user_name or ""))

    def audit(uow: UnitOfWork) -> None:
        uow.audit("export", kind="indicators", start=ind.start.isoformat(),
                  end=ind.end.isoformat())

    ctx.write(audit)
    return path
