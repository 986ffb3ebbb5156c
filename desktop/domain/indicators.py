"""Indicators of case management (issue 20): what the service changes, over a period.

Pure functions over plain data (no storage, no ORM, no Qt): the laptop computes them for one
case manager's caseload (`relais indicators`, the Indicateurs page) and the server for the team
(`/dashboard`, `relais-server report`). The 2015 joint plan evaluates its pilots on the Quadruple
Aim (the patient's experience, the population's health, the use and cost of care, the quality of
work); KCE report 359 asks for dashboards of care use, access and satisfaction. Each indicator
below says what it counts; the README section "Indicators" says it in words.

Conventions
- A period is inclusive at both ends: [start, end].
- A *request* is a case whose request date (or, failing that, its opening date) falls in the period.
- A case is *in the caseload* from its opening date to its closing date (exclusive) — unless the
  request was redirected to another service. Active at the end of the period: opened on or before
  `end`, not closed on or before `end`.
- *Inclusion* of a patient: the opening date of their first case in the caseload.
- Rates per patient-year use 365.25 days; per patient-month 365.25 / 12 days.
- Emergency visits: hospital stays of kind `emergency` plus stability events `emergency_visit`,
  one per patient and day (the same visit is often recorded both ways).
- Goal attainment (GAS): −2 much less than expected, −1 less, 0 the expected level, +1 more,
  +2 much more. A goal is *attained* at 0 or above; the latest review in the period counts.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.domain.case_lifecycle import TIERS
from desktop.domain.errors import ValidationError
from desktop.domain.transitions import StayDates, readmissions

__all__ = [
    "ATTAINMENT_SCORES", "BURDEN_INSTRUMENTS", "CaseFacts", "EventFacts", "ExperienceFacts",
    "GoalFacts", "IndicatorInput", "Indicators", "NeedFacts", "Period", "ReviewFacts",
    "StayFacts", "compute", "validate_attainment",
]

ATTAINMENT_SCORES = (-2, -1, 0, 1, 2)
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
BEFORE_DAYS = 365  # "the 12 months before inclusion"
EXPERIENCE_ID = "patient_experience"
BURDEN_INSTRUMENTS = ("zarit_12", "zarit_22")
UNCOVERED = "unmet"  # needs checklist status: a need no service covers
UNKNOWN = ""  # no case manager / no level / no town recorded


def _tier_rank(item: tuple[str, int]) -> int:
    """Levels from the lightest support to the heaviest, none recorded last."""
    return TIERS.index(item[0]) if item[0] in TIERS else len(TIERS)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class CaseFacts:
    id: str
    patient_id: str
    request_date: dt.date | None = None
    intake_outcome: str | None = None  # accepted | redirected | waiting | None (not decided)
    first_contact_on: dt.date | None = None
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    tier: str | None = None
    case_manager: str | None = None


@dataclass(frozen=True)
class StayFacts:
    id: str
    patient_id: str
    kind: str  # admission | emergency
    admitted_on: dt.date
    discharged_on: dt.date | None = None


@dataclass(frozen=True)
class EventFacts:
    patient_id: str
    kind: str
    occurred_on: dt.date


@dataclass(frozen=True)
class GoalFacts:
    id: str
    patient_id: str
    set_on: dt.date  # when the goal was written down
    attainment: int | None = None  # −2..+2 at the latest plan review
    reviewed_on: dt.date | None = None


@dataclass(frozen=True)
class NeedFacts:
    """One domain of a patient's latest needs checklist."""

    patient_id: str
    need: str
    status: str  # no_need | met | partly_met | unmet
    town: str | None = None


@dataclass(frozen=True)
class ReviewFacts:
    """A relevance review ("is case management still needed?") that fell due."""

    case_id: str
    due: dt.date
    done_on: dt.date | None = None


@dataclass(frozen=True)
class ExperienceFacts:
    """A completed questionnaire: the patients' experience or a carer's burden."""

    patient_id: str
    instrument_id: str
    assessed_on: dt.date
    score: float


@dataclass(frozen=True)
class IndicatorInput:
    cases: Sequence[CaseFacts] = ()
    stays: Sequence[StayFacts] = ()
    events: Sequence[EventFacts] = ()
    goals: Sequence[GoalFacts] = ()
    needs: Sequence[NeedFacts] = ()
    reviews: Sequence[ReviewFacts] = ()
    questionnaires: Sequence[ExperienceFacts] = ()


@dataclass(frozen=True)
class Indicators:
    start: dt.date
    end: dt.date
    # access
    requests_received: int = 0
    requests_accepted: int = 0
    requests_redirected: int = 0
    requests_waiting: int = 0
    requests_undecided: int = 0
    first_contact_count: int = 0
    first_contact_median_days: float | None = None
    first_contact_mean_days: float | None = None
    # caseload
    active_cases: int = 0
    caseload_by_manager: dict[str, int] = field(default_factory=dict)
    caseload_by_tier: dict[str, int] = field(default_factory=dict)
    episodes_closed: int = 0
    episode_median_days: float | None = None
    episode_mean_days: float | None = None
    # use of care
    patients_followed: int = 0
    admissions_before: int = 0
    admissions_since: int = 0
    emergency_before: int = 0
    emergency_since: int = 0
    patient_years_before: float = 0.0
    patient_years_since: float = 0.0
    admissions_per_py_before: float | None = None
    admissions_per_py_since: float | None = None
    emergency_per_py_before: float | None = None
    emergency_per_py_since: float | None = None
    admissions_in_period: int = 0
    readmissions_30d: int = 0
    readmission_rate: float | None = None
    # stability
    stability_events: int = 0
    stability_by_kind: dict[str, int] = field(default_factory=dict)
    patient_months: float = 0.0
    stability_per_patient_month: float | None = None
    # goals
    goals_set: int = 0
    goals_reviewed: int = 0
    goals_attained: int = 0
    attainment_mean: float | None = None
    attainment_counts: dict[str, int] = field(default_factory=dict)
    # needs nobody covers: need → town → patients
    uncovered_needs: dict[str, dict[str, int]] = field(default_factory=dict)
    # relevance reviews that fell due in the period
    reviews_due: int = 0
    reviews_on_time: int = 0
    reviews_late: int = 0
    reviews_missing: int = 0
    # the patients' experience and the carers' burden: instrument → {count, mean}
    experience_count: int = 0
    experience_mean: float | None = None
    burden: dict[str, dict[str, float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["start"] = self.start.isoformat()
        out["end"] = self.end.isoformat()
        return out


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------
def validate_attainment(value: object) -> int:
    """A goal attainment score: an integer from −2 to +2 ("+1" and "−1" accepted)."""
    if isinstance(value, bool):
        raise ValidationError("goal.attainment_invalid", "attainment", value=str(value))
    if isinstance(value, int):
        n = value
    else:
        text = str(value or "").strip().replace("\u2212", "-").removeprefix("+")
        try:
            n = int(text)
        except ValueError:
            raise ValidationError("goal.attainment_invalid", "attainment",
                                  value=str(value)[:20]) from None
    if n not in ATTAINMENT_SCORES:
        raise ValidationError("goal.attainment_invalid", "attainment", value=str(n))
    return n


def _round(x: float | None, ndigits: int = 2) -> float | None:
    return None if x is None else round(x, ndigits)


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _mean(values: Sequence[float]) -> float | None:
    return float(statistics.fmean(values)) if values else None


def _rate(count: int, denominator: float) -> float | None:
    return _round(count / denominator) if denominator > 0 else None


def _request_day(c: CaseFacts) -> dt.date | None:
    return c.request_date or c.opened_on


def in_caseload(c: CaseFacts) -> bool:
    return c.opened_on is not None and c.intake_outcome != "redirected"


def _active_on(c: CaseFacts, day: dt.date) -> bool:
    assert c.opened_on is not None
    return c.opened_on <= day and (c.closed_on is None or c.closed_on > day)


def _overlap_days(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> int:
    """Days in both inclusive ranges."""
    lo, hi = max(a_start, b_start), min(a_end, b_end)
    return max(0, (hi - lo).days + 1)


def inclusions(cases: Iterable[CaseFacts], end: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    """Each followed patient's inclusion (first opening) and the last day followed up to `end`
    (the day before the last closure, or `end` while a case is open)."""
    spans: dict[str, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for c in cases:
        if not in_caseload(c) or c.opened_on is None or c.opened_on > end:
            continue
        last = end if c.closed_on is None or c.closed_on > end else c.closed_on - dt.timedelta(1)
        spans[c.patient_id].append((c.opened_on, max(last, c.opened_on)))
    return {p: (min(s for s, _ in v), max(e for _, e in v)) for p, v in spans.items()}


# ------------------------------------------------------------------------------------------
# the indicators
# ------------------------------------------------------------------------------------------
def _access(period: Period, cases: Sequence[CaseFacts]) -> dict[str, Any]:
    received = [c for c in cases if _request_day(c) in period]
    outcomes = Counter(c.intake_outcome for c in received)
    delays = [float((c.first_contact_on - d).days) for c in received
              if (d := _request_day(c)) is not None and c.first_contact_on is not None
              and c.first_contact_on >= d]
    return dict(
        requests_received=len(received), requests_accepted=outcomes["accepted"],
        requests_redirected=outcomes["redirected"], requests_waiting=outcomes["waiting"],
        requests_undecided=outcomes[None], first_contact_count=len(delays),
        first_contact_median_days=_round(_median(delays)),
        first_contact_mean_days=_round(_mean(delays)))


def _caseload(period: Period, cases: Sequence[CaseFacts]) -> dict[str, Any]:
    followed = [c for c in cases if in_caseload(c)]
    active = [c for c in followed if _active_on(c, period.end)]
    by_manager = Counter((c.case_manager or UNKNOWN) for c in active)
    by_tier = Counter((c.tier or UNKNOWN) for c in active)
    lengths = [float((c.closed_on - c.opened_on).days) for c in followed
               if c.closed_on in period and c.opened_on is not None
               and c.closed_on is not None and c.closed_on >= c.opened_on]
    return dict(
        active_cases=len(active), caseload_by_manager=dict(sorted(by_manager.items())),
        caseload_by_tier=dict(sorted(by_tier.items(), key=_tier_rank)), episodes_closed=len(lengths),
        episode_median_days=_round(_median(lengths)), episode_mean_days=_round(_mean(lengths)))


def readmission_ids(stays: Iterable[StayFacts], patients: set[str]) -> set[str]:
    """Ids of the admissions of these patients that are readmissions, from all their stays."""
    by_patient: dict[str, list[StayDates]] = defaultdict(list)
    for s in stays:
        if s.patient_id in patients:
            by_patient[s.patient_id].append(
                StayDates(s.id, s.kind, s.admitted_on, s.discharged_on))
    return {i for history in by_patient.values() for i in readmissions(history)}


def _care_use(period: Period, inp: IndicatorInput,
              incl: dict[str, tuple[dt.date, dt.date]]) -> dict[str, Any]:
    # patients followed during the period
    cohort = {p: (first, last) for p, (first, last) in incl.items() if last >= period.start}
    admissions = [s for s in inp.stays if s.kind == "admission"]
    emergencies: set[tuple[str, dt.date]] = {(s.patient_id, s.admitted_on) for s in inp.stays
                                             if s.kind == "emergency"}
    emergencies |= {(e.patient_id, e.occurred_on) for e in inp.events
                    if e.kind == "emergency_visit"}
    adm_before = adm_since = em_before = em_since = 0
    days_before = days_since = 0
    for p, (first, last) in cohort.items():
        b_start = first - dt.timedelta(BEFORE_DAYS)
        days_before += BEFORE_DAYS
        days_since += (last - first).days + 1
        adm_before += sum(1 for s in admissions if s.patient_id == p
                          and b_start <= s.admitted_on < first)
        adm_since += sum(1 for s in admissions if s.patient_id == p
                         and first <= s.admitted_on <= last)
        em_before += sum(1 for q, d in emergencies if q == p and b_start <= d < first)
        em_since += sum(1 for q, d in emergencies if q == p and first <= d <= last)
    py_before, py_since = days_before / DAYS_PER_YEAR, days_since / DAYS_PER_YEAR
    # readmissions: admissions in the period of followed patients, the history from all stays
    in_period = [s for s in admissions if s.patient_id in cohort and s.admitted_on in period
                 and cohort[s.patient_id][0] <= s.admitted_on <= cohort[s.patient_id][1]]
    readmitted = readmission_ids(inp.stays, {s.patient_id for s in in_period})
    n_read = sum(1 for s in in_period if s.id in readmitted)
    return dict(
        patients_followed=len(cohort), admissions_before=adm_before, admissions_since=adm_since,
        emergency_before=em_before, emergency_since=em_since,
        patient_years_before=_round(py_before) or 0.0, patient_years_since=_round(py_since) or 0.0,
        admissions_per_py_before=_rate(adm_before, py_before),
        admissions_per_py_since=_rate(adm_since, py_since),
        emergency_per_py_before=_rate(em_before, py_before),
        emergency_per_py_since=_rate(em_since, py_since),
        admissions_in_period=len(in_period), readmissions_30d=n_read,
        readmission_rate=_rate(n_read, len(in_period)))


def _stability(period: Period, inp: IndicatorInput,
               incl: dict[str, tuple[dt.date, dt.date]]) -> dict[str, Any]:
    days = sum(_overlap_days(first, last, period.start, period.end)
               for first, last in incl.values())
    events = [e for e in inp.events if e.occurred_on in period and e.patient_id in incl
              and _overlap_days(*incl[e.patient_id], e.occurred_on, e.occurred_on)]
    months = days / DAYS_PER_MONTH
    return dict(
        stability_events=len(events),
        stability_by_kind=dict(sorted(Counter(e.kind for e in events).items())),
        patient_months=_round(months) or 0.0,
        stability_per_patient_month=_rate(len(events), months))


def _goals(period: Period, goals: Sequence[GoalFacts]) -> dict[str, Any]:
    reviewed = [g for g in goals if g.attainment is not None and g.reviewed_on in period]
    scores = [g.attainment for g in reviewed if g.attainment is not None]
    counts = Counter(scores)
    return dict(
        goals_set=sum(1 for g in goals if g.set_on in period), goals_reviewed=len(reviewed),
        goals_attained=sum(1 for s in scores if s >= 0),
        attainment_mean=_round(_mean([float(s) for s in scores])),
        attainment_counts={f"{s:+d}" if s else "0": counts[s] for s in ATTAINMENT_SCORES})


def _needs(needs: Sequence[NeedFacts], patients: set[str]) -> dict[str, Any]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    seen: set[tuple[str, str]] = set()
    for n in needs:
        if n.status != UNCOVERED or n.patient_id not in patients or (n.patient_id, n.need) in seen:
            continue
        seen.add((n.patient_id, n.need))
        table[n.need][(n.town or UNKNOWN).strip()] += 1
    return dict(uncovered_needs={k: dict(sorted(v.items())) for k, v in sorted(table.items())})


def _reviews(period: Period, reviews: Sequence[ReviewFacts], today: dt.date) -> dict[str, Any]:
    due = [r for r in reviews if r.due in period and r.due <= today]
    on_time = sum(1 for r in due if r.done_on is not None and r.done_on <= r.due)
    late = sum(1 for r in due if r.done_on is not None and r.done_on > r.due)
    return dict(reviews_due=len(due), reviews_on_time=on_time, reviews_late=late,
                reviews_missing=len(due) - on_time - late)


def _questionnaires(period: Period, rows: Sequence[ExperienceFacts]) -> dict[str, Any]:
    inside = [q for q in rows if q.assessed_on in period]
    exp = [q.score for q in inside if q.instrument_id == EXPERIENCE_ID]
    burden: dict[str, dict[str, float]] = {}
    for inst in BURDEN_INSTRUMENTS:
        scores = [q.score for q in inside if q.instrument_id == inst]
        if scores:
            burden[inst] = {"count": len(scores), "mean": _round(_mean(scores)) or 0.0}
    return dict(experience_count=len(exp), experience_mean=_round(_mean(exp)), burden=burden)


def compute(period: Period, inp: IndicatorInput, today: dt.date) -> Indicators:
    """All the indicators of `period` from the records in `inp` (a caseload or a team)."""
    if period.end < period.start:
        raise ValidationError("period.end_before_start", "to")
    incl = inclusions(inp.cases, period.end)
    followed = {p for p, (_, last) in incl.items() if last >= period.start}
    values: dict[str, Any] = {}
    values.update(_access(period, inp.cases))
    values.update(_caseload(period, inp.cases))
    values.update(_care_use(period, inp, incl))
    values.update(_stability(period, inp, incl))
    values.update(_goals(period, inp.goals))
    values.update(_needs(inp.needs, followed))
    values.update(_reviews(period, inp.reviews, today))
    values.update(_questionnaires(period, inp.questionnaires))
    return Indicators(start=period.start, end=period.end, **values)
