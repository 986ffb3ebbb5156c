"""Paperwork and the medication list (issue 19, items 1-2): the codes and the rules, no I/O.

Paperwork is an application or a procedure done for the patient (increased reimbursement, an
allowance, a disability recognition, legal protection, housing, adapted transport, home
adaptations). It is open until granted, refused or withdrawn; an open one whose deadline falls
within `DUE_DAYS` days (or has passed) is due and shows on Today.
"""

from __future__ import annotations

import datetime as dt

PAPERWORK_KINDS: tuple[str, ...] = (
    "bim", "allowance", "disability", "legal_protection", "housing", "transport",
    "home_adaptation",
)
PAPERWORK_STATUSES: tuple[str, ...] = (
    "to_do", "in_progress", "submitted", "granted", "refused", "withdrawn",
)
OPEN_STATUSES: frozenset[str] = frozenset({"to_do", "in_progress", "submitted"})
DUE_DAYS = 14  # a deadline within two weeks shows on Today
MAX_DOCUMENTS = 30

MEDICATION_SOURCES: tuple[str, ...] = ("patient", "pharmacist", "gp_letter")
REVIEWERS: tuple[str, ...] = ("gp", "pharmacist")


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def due_state(status: str, deadline: dt.date | None, today: dt.date,
              days: int = DUE_DAYS) -> str | None:
    """"overdue" (deadline passed), "due" (within `days` days, today included) or None (closed,
    no deadline, or later)."""
    if not is_open(status) or deadline is None:
        return None
    if deadline < today:
        return "overdue"
    if deadline <= today + dt.timedelta(days=days):
        return "due"
    return None


def clean_documents(items: list[str] | tuple[str, ...]) -> list[str]:
    """The documents asked for: trimmed, blanks and repeats dropped, order kept."""
    seen: list[str] = []
    for raw in items:
        text = " ".join(str(raw).split())
        if text and text.casefold() not in {s.casefold() for s in seen}:
            seen.append(text)
    return seen
