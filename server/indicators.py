"""The team's indicators on the server (issue 20, item 3): the dashboard, its CSV and the
quarterly PDF report for the funder.

The records come from the generic store (`record`: wire JSON by table). They are turned into the
plain facts of `desktop.domain.indicators` — the same pure functions the laptop uses for one
caseload — then into *cells* ready to show, with small cells suppressed:

- a cell is suppressed ("<5") when 1 to 4 patients contribute to it (0 is shown: nobody to
  identify); rates and medians are suppressed when fewer than 5 patients stand behind them;
- in a group whose total is shown (request outcomes, caseload per case manager, per level), a
  single suppressed cell could be worked out by subtraction: the next smallest cell is then
  hidden too ("×");
- a count shown beside the count it is part of (reviews done on time of the reviews due, goals
  attained of the goals reviewed, readmissions of the admissions) gives the rest away by
  subtraction: the part is hidden ("×") when 1 to 4 patients make up the rest; a rate is shown
  only when its numerator is (with its denominator shown, the rate would give it back);
- nothing that identifies a patient is ever shown: no names, ids, dates of birth or addresses;
  only counts, rates, the case managers' names (staff) and towns in the unmet-needs table.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop.domain.indicators import (
    BURDEN_INSTRUMENTS,
    EXPERIENCE_ID,
    CaseFacts,
    EventFacts,
    ExperienceFacts,
    GoalFacts,
    IndicatorInput,
    Indicators,
    NeedFacts,
    Period,
    ReviewFacts,
    StayFacts,
    compute,
    in_caseload,
    inclusions,
    readmission_ids,
)
from server.models import Record

MIN_CELL = 5
SUPPRESSED = "<5"
HIDDEN = "×"  # complementary suppression: would give a "<5" cell away through a total
NONE = "—"
NEEDS_ID = "needs_checklist"
TABLES = ("case_record", "hospital_stay", "stability_event", "goal", "care_plan",
          "assessment_response", "patient")
AUDIT = "audit_event"  # only its relevance reviews are read (the laptop's `_reviews`)
REVIEW_ACTION = "relevance_review"


# ---- records → facts --------------------------------------------------------------------------
def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


@dataclass(frozen=True)
class TeamInput:
    facts: IndicatorInput
    towns: dict[str, str]  # patient → town (only to group unmet needs)


def facts_from_rows(rows: Iterable[tuple[str, str, str | None, dict[str, Any], dt.datetime]]
                    ) -> TeamInput:
    """(table, record id, patient id, fields, changed_at) of live records → the facts."""
    cases: list[CaseFacts] = []
    stays: list[StayFacts] = []
    events: list[EventFacts] = []
    goals: list[tuple[str, str, dict[str, Any], dt.datetime]] = []
    plans: dict[str, dt.date | None] = {}
    towns: dict[str, str] = {}
    checklists: dict[str, tuple[dt.date, str, dict[str, Any]]] = {}
    questionnaires: list[tuple[str, ExperienceFacts]] = []
    reviews: list[ReviewFacts] = []
    superseded: set[str] = set()
    for table, rid, pid, f, changed in rows:
        pid = pid or f.get("patient_id")
        if not isinstance(pid, str):
            continue
        if table == "case_record":
            cases.append(CaseFacts(
                id=rid, patient_id=pid, request_date=_date(f.get("request_date")),
                intake_outcome=_text(f.get("intake_outcome")),
                first_contact_on=_date(f.get("first_contact_on")),
                opened_on=_date(f.get("opened_on")), closed_on=_date(f.get("closed_on")),
                tier=_text(f.get("complexity_tier")),
                case_manager=_text(f.get("primary_case_manager"))))
            due = _date(f.get("relevance_review_due"))
            if due is not None and f.get("status") != "closed":  # due, not done yet
                reviews.append(ReviewFacts(rid, due))
        elif table == AUDIT and f.get("action") == REVIEW_ACTION:
            # done: the audit keeps the date that was due and the day (cases.py)
            detail = f["detail"] if isinstance(f.get("detail"), dict) else {}
            due, on = _date(detail.get("due")), _date(detail.get("on"))
            case_id = f.get("record_id")
            if due is not None and on is not None and isinstance(case_id, str):
                reviews.append(ReviewFacts(case_id, due, on))
        elif table == "hospital_stay" and (admitted := _date(f.get("admitted_on"))):
            stays.append(StayFacts(id=rid, patient_id=pid,
                                   kind=_text(f.get("kind")) or "admission",
                                   admitted_on=admitted,
                                   discharged_on=_date(f.get("discharged_on"))))
        elif table == "stability_event" and (day := _date(f.get("occurred_on"))):
            events.append(EventFacts(patient_id=pid, kind=_text(f.get("kind")) or "",
                                     occurred_on=day))
        elif table == "goal":
            goals.append((rid, pid, f, changed))
        elif table == "care_plan":
            plans[rid] = _date(f.get("agreed_on"))
        elif table == "patient":
            town = _text(f.get("city"))
            if town:
                towns[pid] = town
        elif (table == "assessment_response" and f.get("instrument_id") == NEEDS_ID
              and f.get("status") == "completed"):
            if isinstance(f.get("supersedes_id"), str):
                superseded.add(f["supersedes_id"])
            day = _date(f.get("assessed_on")) or changed.date()
            latest = checklists.get(pid)
            if latest is None or (day, rid) > latest[:2]:
                checklists[pid] = (day, rid, f)
        elif (table == "assessment_response" and f.get("status") == "completed"
              and f.get("instrument_id") in (EXPERIENCE_ID, *BURDEN_INSTRUMENTS)):
            if isinstance(f.get("supersedes_id"), str):
                superseded.add(f["supersedes_id"])
            score = _total(f.get("scores"))
            day = _date(f.get("assessed_on"))
            if score is not None and day is not None:
                questionnaires.append((rid, ExperienceFacts(pid, str(f["instrument_id"]), day,
                                                            score)))
    goal_facts = []
    for rid, pid, f, changed in goals:
        attainment = f.get("attainment")
        score = attainment if isinstance(attainment, int) and not isinstance(
            attainment, bool) and -2 <= attainment <= 2 else None
        set_on = plans.get(str(f.get("plan_id"))) or changed.date()
        goal_facts.append(GoalFacts(id=rid, patient_id=pid, set_on=set_on, attainment=score,
                                    reviewed_on=_date(f.get("attainment_on"))))
    needs = []
    for pid, (_day, rid, f) in checklists.items():
        if rid in superseded:
            continue
        answers = f.get("answers")
        for key, status in sorted(answers.items() if isinstance(answers, dict) else []):
            if key.endswith("_status") and isinstance(status, str):
                needs.append(NeedFacts(patient_id=pid, need=key.removesuffix("_status"),
                                       status=status, town=towns.get(pid)))
    answered = [q for rid, q in questionnaires if rid not in superseded]
    case_ids = {c.id for c in cases}
    return TeamInput(IndicatorInput(cases=cases, stays=stays, events=events, goals=goal_facts,
                                    needs=needs, questionnaires=answered,
                                    reviews=[r for r in reviews if r.case_id in case_ids]),
                     towns)


def _total(scores: Any) -> float | None:
    """The total of a completed questionnaire's scores (as the laptop stores them)."""
    try:
        value = scores["scores"]["total"]["value"]
    except (KeyError, TypeError):
        return None
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return float(value) if ok else None


def load(session: Session, team_ids: Collection[str]) -> TeamInput:
    """The live records of these teams (never the patients' names: only the fields read above
    are used)."""
    if not team_ids:
        return facts_from_rows([])
    rows = session.execute(
        select(Record.table_name, Record.record_id, Record.patient_id, Record.fields,
               Record.changed_at)
        .where(or_(Record.table_name.in_(TABLES),
                   and_(Record.table_name == AUDIT,
                        Record.fields["action"].as_string() == REVIEW_ACTION)),
               Record.deleted.is_(False), Record.team_id.in_(list(team_ids)))).all()
    return facts_from_rows((r[0], r[1], r[2], r[3] or {}, r[4]) for r in rows)


# ---- facts → cells ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """One value to show: `section` and `indicator` are message codes (dashboard.*), `group` a
    code or a name (case manager, town), `value` the text shown (already suppressed)."""

    section: str
    indicator: str
    group: str
    value: str
    suppressed: bool = False


def _count(n: int, patients: int) -> tuple[str, bool]:
    if 0 < patients < MIN_CELL:
        return SUPPRESSED, True
    return str(n), False


def _number(value: float | None, patients: int, digits: int = 2) -> tuple[str, bool]:
    if value is None:
        return NONE, False
    if patients < MIN_CELL:
        return SUPPRESSED, True
    return f"{value:.{digits}f}", False


def _group(section: str, indicator: str, counts: dict[str, tuple[int, int]],
           total_shown: bool) -> list[Cell]:
    """{group: (value, patients)} → cells, with the complementary suppression."""
    hidden = {g for g, (_, p) in counts.items() if 0 < p < MIN_CELL}
    if total_shown and len(hidden) == 1:
        others = sorted((p, g) for g, (_, p) in counts.items() if g not in hidden and p > 0)
        if others:
            hidden.add(others[0][1])
    def shown(g: str, v: int, p: int) -> str:
        if g not in hidden:
            return str(v)
        return SUPPRESSED if 0 < p < MIN_CELL else HIDDEN

    return [Cell(section, indicator, g, shown(g, v, p), g in hidden)
            for g, (v, p) in counts.items()]


def _patients(items: Iterable[Any]) -> int:
    return len({i.patient_id for i in items})


def _part(cell: tuple[str, bool], whole: tuple[str, bool], rest: int) -> tuple[str, bool]:
    """`cell`, a part of `whole`, hidden when both would be shown and the rest (whole minus
    part) rests on 1 to 4 patients: a subtraction would give those patients away."""
    if not cell[1] and not whole[1] and 0 < rest < MIN_CELL:
        return HIDDEN, True
    return cell


def cells(ind: Indicators, team: TeamInput, today: dt.date) -> list[Cell]:
    """Every cell of the dashboard, in order, suppressed (`today`: the day `ind` was computed
    on; a review falls due on that day at the latest)."""
    period = Period(ind.start, ind.end)
    inp = team.facts
    out: list[Cell] = []

    def add(section: str, indicator: str, shown: tuple[str, bool], group: str = "") -> None:
        out.append(Cell(section, indicator, group, shown[0], shown[1]))

    # access: one request = one case = one patient
    received = [c for c in inp.cases if (c.request_date or c.opened_on) in period]
    add("access", "requests_received", _count(ind.requests_received, _patients(received)))
    outcomes = {}
    for code, value in (("accepted", ind.requests_accepted),
                        ("redirected", ind.requests_redirected),
                        ("waiting", ind.requests_waiting), ("undecided", ind.requests_undecided)):
        wanted = None if code == "undecided" else code
        outcomes[code] = (value, _patients(c for c in received if c.intake_outcome == wanted))
    out += _group("access", "requests_by_outcome", outcomes, total_shown=True)
    add("access", "first_contact_median_days",
        _number(ind.first_contact_median_days, ind.first_contact_count, 1))

    # caseload at the end of the period
    active = [c for c in inp.cases if in_caseload(c) and c.opened_on is not None
              and c.opened_on <= ind.end and (c.closed_on is None or c.closed_on > ind.end)]
    add("caseload", "active_cases", _count(ind.active_cases, _patients(active)))
    by_manager = {m: (n, _patients(c for c in active if (c.case_manager or "") == m))
                  for m, n in ind.caseload_by_manager.items()}
    out += _group("caseload", "caseload_by_manager", by_manager, total_shown=True)
    by_tier = {t: (n, _patients(c for c in active if (c.tier or "") == t))
               for t, n in ind.caseload_by_tier.items()}
    out += _group("caseload", "caseload_by_tier", by_tier, total_shown=True)
    closed = _patients(c for c in inp.cases if in_caseload(c) and c.opened_on is not None
                       and c.closed_on is not None and c.closed_on in period
                       and c.closed_on >= c.opened_on)
    add("caseload", "episodes_closed", _count(ind.episodes_closed, closed))
    add("caseload", "episode_median_days", _number(ind.episode_median_days, closed, 1))
    add("caseload", "episode_mean_days", _number(ind.episode_mean_days, closed, 1))
    # relevance reviews that fell due in the period, and those done on time
    patient_of = {c.id: c.patient_id for c in inp.cases}
    due = [r for r in inp.reviews if r.due in period and r.due <= today]
    on_time = [r for r in due if r.done_on is not None and r.done_on <= r.due]
    reviews_due = _count(ind.reviews_due, len({patient_of[r.case_id] for r in due}))
    add("caseload", "reviews_due", reviews_due)
    late = len({patient_of[r.case_id] for r in due
                if r.done_on is None or r.done_on > r.due})
    add("caseload", "reviews_on_time", _part(
        _count(ind.reviews_on_time, len({patient_of[r.case_id] for r in on_time})),
        reviews_due, late))

    # use of care: the patients followed during the period
    cohort = ind.patients_followed
    add("care_use", "patients_followed", _count(cohort, cohort))
    for name in ("admissions_per_py_before", "admissions_per_py_since",
                 "emergency_per_py_before", "emergency_per_py_since"):
        add("care_use", name, _number(getattr(ind, name), cohort))
    incl = inclusions(inp.cases, ind.end)
    in_period = [s for s in inp.stays if s.kind == "admission" and s.admitted_on in period
                 and s.patient_id in incl]
    admitted = {s.patient_id for s in in_period}
    again = readmission_ids(inp.stays, admitted)
    readmitted = {s.patient_id for s in in_period if s.id in again}
    not_readmitted = {s.patient_id for s in in_period if s.id not in again}
    admissions = _count(ind.admissions_in_period, len(admitted))
    add("care_use", "admissions_in_period", admissions)
    readmissions_30d = _part(_count(ind.readmissions_30d, len(readmitted)), admissions,
                             len(not_readmitted))
    add("care_use", "readmissions_30d", readmissions_30d)
    rate = _number(ind.readmission_rate, len(admitted))
    add("care_use", "readmission_rate",
        readmissions_30d if readmissions_30d[1] and rate[0] != NONE else rate)

    # stability
    followed_in_period = {p for p, (first, last) in incl.items()
                          if last >= ind.start and first <= ind.end}
    add("stability", "stability_per_patient_month",
        _number(ind.stability_per_patient_month, len(followed_in_period)))
    for kind, n in ind.stability_by_kind.items():
        who = {e.patient_id for e in inp.events if e.kind == kind and e.occurred_on in period
               and e.patient_id in followed_in_period}
        add("stability", "stability_by_kind", _count(n, len(who)), kind)

    # goals
    set_in = [g for g in inp.goals if g.set_on in period]
    reviewed = [g for g in inp.goals if g.attainment is not None and g.reviewed_on in period]
    add("goals", "goals_set", _count(ind.goals_set, _patients(set_in)))
    goals_reviewed = _count(ind.goals_reviewed, _patients(reviewed))
    add("goals", "goals_reviewed", goals_reviewed)
    add("goals", "goals_attained", _part(
        _count(ind.goals_attained, _patients(g for g in reviewed if (g.attainment or 0) >= 0)),
        goals_reviewed, _patients(g for g in reviewed if (g.attainment or 0) < 0)))
    add("goals", "attainment_mean", _number(ind.attainment_mean, _patients(reviewed)))

    # the patients' experience and the carers' burden (the latest answer of each, in the period)
    answered = [q for q in inp.questionnaires if q.assessed_on in period]
    experience = [q for q in answered if q.instrument_id == EXPERIENCE_ID]
    add("experience", "experience_count", _count(ind.experience_count, _patients(experience)))
    add("experience", "experience_mean", _number(ind.experience_mean, _patients(experience)))
    for inst, values in ind.burden.items():
        add("experience", "burden_mean", _number(values.get("mean"), _patients(
            q for q in answered if q.instrument_id == inst)), inst)

    # needs that no service covers, by need and town (patients)
    for need, by_town in ind.uncovered_needs.items():
        for town, n in by_town.items():
            add("needs", "uncovered_needs", _count(n, n), f"{need}|{town}")
    return out


def team_cells(session: Session, team_ids: Collection[str], period: Period,
               today: dt.date) -> tuple[Indicators, list[Cell]]:
    team = load(session, team_ids)
    ind = compute(period, team.facts, today)
    return ind, cells(ind, team, today)


def quarter(text: str) -> Period:
    """"2026Q4" → 1 October 2026 – 31 December 2026."""
    value = (text or "").strip().upper()
    year, sep, q = value.partition("Q")
    if not sep or not year.isdigit() or len(year) != 4 or q not in ("1", "2", "3", "4"):
        from desktop.domain.errors import ValidationError

        raise ValidationError("dashboard.quarter_invalid", "quarter", value=value[:20])
    start = dt.date(int(year), 3 * int(q) - 2, 1)
    end = (dt.date(int(year) + 1, 1, 1) if q == "4"
           else dt.date(int(year), 3 * int(q) + 1, 1)) - dt.timedelta(days=1)
    return Period(start, end)


def by_section(items: Iterable[Cell]) -> dict[str, list[Cell]]:
    out: dict[str, list[Cell]] = defaultdict(list)
    for c in items:
        out[c.section].append(c)
    return dict(out)
