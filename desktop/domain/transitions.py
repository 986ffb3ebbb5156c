"""Hospital transitions and the stability log: pure rules (issue 18, items 3 and 4).

- An admission puts the plan's home actions on hold until the discharge.
- A discharge opens a checklist and a follow-up call due within two working days.
- An admission that starts 30 days or less after the previous discharge is a readmission.
- Stability events (a fall, an emergency visit, a crisis call...) are counted over 90 days, with
  the 90 days before as the comparison.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.errors import ValidationError

# ---- hospital transitions ------------------------------------------------------------------
READMISSION_DAYS = 30  # an admission within 30 days of the previous discharge (inclusive)
FOLLOW_UP_WORKING_DAYS = 2  # the follow-up call after a discharge

# The discharge checklist, in the order it is worked through; each item is a date column of
# hospital_stay named `<item>_on` (one column each: two devices ticking two items never conflict).
CHECKLIST_ITEMS = ("letter_received", "medication_reconciled", "services_restarted",
                   "gp_informed", "aids_in_place")

# Plan actions that run at home and stop while the patient is in hospital: those done by a
# provider or carer of the ecosystem, or by the patient. The case manager's own actions go on.
HOME_RESPONSIBLE_KINDS = frozenset({"contact", "patient"})
OPEN_ACTION_STATUSES = frozenset({"planned", "ongoing"})

# Instruments proposed for a re-assessment after a discharge when no setting says otherwise.
DEFAULT_REASSESS_INSTRUMENTS = ("katz_be", "complexity_grid")


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month = (h + lw - 7 * m + 114) // 31
    return dt.date(year, month, (h + lw - 7 * m + 114) % 31 + 1)


def public_holidays(year: int) -> frozenset[dt.date]:
    """Belgium's ten legal public holidays (the law of 4 January 1974): New Year's Day, Easter
    Monday, Labour Day, Ascension, Whit Monday, the national day (21 July), the Assumption,
    All Saints' Day, Armistice Day and Christmas. The communities' own days (11 July,
    27 September, 15 November) are not legal holidays: services work."""
    easter = easter_sunday(year)
    return frozenset({
        dt.date(year, 1, 1), easter + dt.timedelta(days=1), dt.date(year, 5, 1),
        easter + dt.timedelta(days=39), easter + dt.timedelta(days=50), dt.date(year, 7, 21),
        dt.date(year, 8, 15), dt.date(year, 11, 1), dt.date(year, 11, 11),
        dt.date(year, 12, 25)})


def is_public_holiday(day: dt.date) -> bool:
    return day in public_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def add_working_days(day: dt.date, n: int) -> dt.date:
    """`n` working days after `day` (Saturday, Sunday and Belgian public holidays skipped): a
    discharge on a Friday is followed up by Tuesday; on a Saturday or a Sunday, by Tuesday too;
    on Wednesday 23 December, by Monday 28 (Christmas on the Friday)."""
    out = day
    left = n
    while left > 0:
        out += dt.timedelta(days=1)
        if is_working_day(out):
            left -= 1
    return out


def follow_up_due(discharged_on: dt.date) -> dt.date:
    return add_working_days(discharged_on, FOLLOW_UP_WORKING_DAYS)


def is_readmission(previous_discharge: dt.date | None, admitted_on: dt.date) -> bool:
    """Admitted 0 to 30 days (inclusive) after the previous discharge."""
    if previous_discharge is None:
        return False
    gap = (admitted_on - previous_discharge).days
    return 0 <= gap <= READMISSION_DAYS


@dataclass(frozen=True)
class StayDates:
    id: str
    kind: str  # admission | emergency
    admitted_on: dt.date
    discharged_on: dt.date | None


def readmissions(stays: Iterable[StayDates]) -> set[str]:
    """Ids of the admissions that follow a discharged admission within READMISSION_DAYS.
    Emergency visits without admission are neither counted nor a starting point."""
    admissions = sorted((s for s in stays if s.kind == "admission"),
                        key=lambda s: (s.admitted_on, s.id))
    out: set[str] = set()
    last_discharge: dt.date | None = None
    for s in admissions:
        if is_readmission(last_discharge, s.admitted_on):
            out.add(s.id)
        if s.discharged_on is not None:
            last_discharge = (s.discharged_on if last_discharge is None
                              else max(last_discharge, s.discharged_on))
    return out


def checklist_items(value: str | None) -> list[str]:
    """`"letter_received,gp_informed"` -> the items, checked; unknown names are refused."""
    items = [x.strip() for x in (value or "").split(",") if x.strip()]
    bad = [x for x in items if x not in CHECKLIST_ITEMS]
    if bad:
        raise ValidationError("transition.item_invalid", "items", value=bad[0],
                              names=", ".join(CHECKLIST_ITEMS))
    return list(dict.fromkeys(items))


# ---- stability log -------------------------------------------------------------------------
EVENT_KINDS = ("fall", "emergency_visit", "crisis_call", "carer_exhausted", "not_eating",
               "care_refused", "social_emergency")
# one key each in the dossier (the first letter of the English word would clash: digits instead)
EVENT_KEYS = {kind: str(i + 1) for i, kind in enumerate(EVENT_KINDS)}
TREND_DAYS = 90
MAX_DAYS = 3660  # `relais event list --days`: up to ten years back


@dataclass(frozen=True)
class Trend:
    days: int
    total: int  # events in the last `days` days (today included)
    previous: int  # events in the `days` days before those
    by_kind: dict[str, int]  # last `days` days, kinds with at least one event

    @property
    def direction(self) -> str:
        """none | rising | falling | steady."""
        if self.total == 0 and self.previous == 0:
            return "none"
        if self.total > self.previous:
            return "rising"
        if self.total < self.previous:
            return "falling"
        return "steady"


def trend(events: Iterable[tuple[str, dt.date]], today: dt.date, days: int = TREND_DAYS) -> Trend:
    """Counts of (kind, date) events: the window is the `days` days ending today (today and the
    `days - 1` days before); the previous window is the `days` days before it. Future dates
    (entered ahead by mistake, or a clock behind) are not counted."""
    start = today - dt.timedelta(days=days - 1)
    prev_start = start - dt.timedelta(days=days)
    total = previous = 0
    by_kind: dict[str, int] = {}
    for kind, day in events:
        if start <= day <= today:
            total += 1
            by_kind[kind] = by_kind.get(kind, 0) + 1
        elif prev_start <= day < start:
            previous += 1
    ordered = {k: by_kind[k] for k in (*EVENT_KINDS, *sorted(by_kind)) if k in by_kind}
    return Trend(days, total, previous, ordered)
