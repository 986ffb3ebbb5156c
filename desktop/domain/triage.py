"""Triage by complexity, not by category (KCE 2026 note; docs/DOMAIN.md "Triage: the level
follows complexity").

The suggested level follows the complexity of needs: the complexity grid (total above 20 =
complex → case management) and crisis triggers (imminent loss of housing, a carer who collapses,
refusal of care with danger…), whatever the age. The screening flags of the Belgian pilots (over
75, BIM, MAF, chronic-condition status…) are context only: shown with the suggestion, never
deciding it. Levels follow the Kaiser pyramid.

Returns codes and parameters; the UI and the command line translate them.

Source note: the cut-off "above 20 = complex" is the grid's own. The level-2 rule (grid total
11–20, or one of the four avoidable-hospitalisation risks) is Relais's own starting point, to
adapt to local practice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# codes kept from the first version (stored on cases); the labels follow the Kaiser pyramid
LEVELS = ("self_management", "care_coordination", "case_management")
LEVEL_NUMBER = {"self_management": 1, "care_coordination": 2, "case_management": 3}

COMPLEX_ABOVE = 20  # grid total above this: complex → case management
MODERATE_FROM = 11  # grid total from this (and up to COMPLEX_ABOVE): disease and care management

CRISIS_TRIGGERS = (
    "housing_loss",         # imminent loss of housing (eviction, uninhabitable home)
    "carer_collapse",       # the informal carer collapses, falls ill or leaves
    "care_refusal_danger",  # refuses care or help while in danger
    "abuse_neglect",        # suspected abuse, neglect or self-neglect
    "unsafe_alone",         # cannot stay at home safely and no help in place
    "no_income",            # sudden loss of income or rights (no money for food, care, rent)
)
RISKS = ("risk_depression", "risk_medication", "risk_undernutrition", "risk_falls")
FLAGS = ("chronic_status", "maf", "bim", "meds_5plus", "conditions_2plus", "age_over_75",
         "admissions_over_3")
FREQUENT_ADMISSIONS_ABOVE = 3  # more than three admissions in a year


@dataclass(frozen=True)
class Reason:
    code: str  # crisis | grid_complex | grid_moderate | grid_low | grid_missing | risk
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    level: str
    reasons: tuple[Reason, ...]
    context: tuple[str, ...]  # screening flags present (context only)

    @property
    def number(self) -> int:
        return LEVEL_NUMBER[self.level]


def frequent_admissions(admissions: Iterable[dt.date], today: dt.date) -> bool:
    """More than three hospital admissions in the last year (365 days up to today)."""
    since = today - dt.timedelta(days=365)
    return sum(1 for d in admissions if since <= d <= today) > FREQUENT_ADMISSIONS_ABOVE


def clean_triggers(codes: Iterable[str]) -> list[str]:
    """Known crisis-trigger codes, in the reference order, each once (unknown → ValueError)."""
    wanted = set(codes)
    unknown = wanted - set(CRISIS_TRIGGERS)
    if unknown:
        raise ValueError(sorted(unknown)[0])
    return [c for c in CRISIS_TRIGGERS if c in wanted]


def suggest(grid_total: int | None, crisis: Iterable[str] = (), risks: Iterable[str] = (),
            flags: Iterable[str] = ()) -> Suggestion:
    """The suggested level and the reasons for it. `flags` never change the level."""
    reasons: list[Reason] = []
    triggers = [c for c in CRISIS_TRIGGERS if c in set(crisis)]
    present_risks = [r for r in RISKS if r in set(risks)]
    context = tuple(f for f in FLAGS if f in set(flags))
    level = "self_management"
    for c in triggers:
        reasons.append(Reason("crisis", {"trigger": c}))
    if triggers:
        level = "case_management"
    if grid_total is None:
        reasons.append(Reason("grid_missing"))
    elif grid_total > COMPLEX_ABOVE:
        reasons.append(Reason("grid_complex", {"total": grid_total, "above": COMPLEX_ABOVE}))
        level = "case_management"
    elif grid_total >= MODERATE_FROM:
        reasons.append(Reason("grid_moderate", {"total": grid_total, "above": COMPLEX_ABOVE}))
        if level == "self_management":
            level = "care_coordination"
    else:
        reasons.append(Reason("grid_low", {"total": grid_total, "above": COMPLEX_ABOVE}))
    for r in present_risks:
        reasons.append(Reason("risk", {"risk": r}))
    if present_risks and level == "self_management":
        level = "care_coordination"
    return Suggestion(level, tuple(reasons), context)
