"""The informal carer's own needs (issue 19, item 3): the codes and the rules, no I/O.

A carer's assessment is made with the carer, on their contact: how heavy the care is for them
(`burden`), whether respite is wanted or in place, their own health, needs and wishes, and a
review date. The latest assessment of a carer is the current one: it marks the carer's node on
the ecomap, and its review shows on Today from `DUE_DAYS` days before the date.
"""

from __future__ import annotations

import datetime as dt

from desktop.domain.case_lifecycle import add_months

BURDENS: tuple[str, ...] = ("low", "moderate", "high", "severe")
RESPITE: tuple[str, ...] = ("not_needed", "wanted", "in_place")
DUE_DAYS = 14  # a review within two weeks shows on Today
# a heavier burden is looked at again sooner (months until the review)
REVIEW_MONTHS: dict[str, int] = {"low": 12, "moderate": 6, "high": 3, "severe": 1}
# the mark on the ecomap's carer node: its fill by burden (shared by the screen and the PDF)
BURDEN_COLOUR: dict[str, str] = {"low": "#2e7d32", "moderate": "#f9a825", "high": "#ef6c00",
                                 "severe": "#c62828"}


def default_review(assessed_on: dt.date, burden: str) -> dt.date:
    return add_months(assessed_on, REVIEW_MONTHS.get(burden, 6))


def review_state(review_on: dt.date | None, today: dt.date, days: int = DUE_DAYS) -> str | None:
    """"overdue" (the date passed), "due" (within `days` days, today included) or None."""
    if review_on is None:
        return None
    if review_on < today:
        return "overdue"
    if review_on <= today + dt.timedelta(days=days):
        return "due"
    return None
