"""Case (episode of case management) rules: statuses, legal transitions, request, closure.

Lifecycle `referred → assessing → active → stabilised → closed`, with re-assessment and reopening.
Closing needs a reason and a date; reopening a closed case starts a new assessment.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.dates import parse_date
from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.domain.phone import normalize_phone
from desktop.domain.text import clean_line, clean_text

STATUSES = ("referred", "assessing", "active", "stabilised", "closed")
OPEN_STATUSES = ("referred", "assessing", "active", "stabilised")

# Legal moves. Closing is allowed from every open status (refusal, death, move can happen at any
# time); a closed case may be reopened into assessment or straight back to active follow-up.
TRANSITIONS: dict[str, frozenset[str]] = {
    "referred": frozenset({"assessing", "closed"}),
    "assessing": frozenset({"active", "closed"}),
    "active": frozenset({"assessing", "stabilised", "closed"}),
    "stabilised": frozenset({"active", "assessing", "closed"}),
    "closed": frozenset({"assessing", "active"}),
}

CLOSURE_REASONS = ("stabilised", "moved", "residential_care", "deceased", "refused", "transfer",
                   "other")  # transfer: to another organisation (desktop/services/transfer.py)
REQUESTER_TYPES = ("patient", "relative", "gp", "home_care_coordinator", "hospital", "cpas",
                   "patient_association", "other")
TIERS = ("self_management", "care_coordination", "case_management")

RELEVANCE_REVIEW_MONTHS = 3  # "is case management still needed?" (default; a vault setting)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_relevance_review(from_day: dt.date, months: int = RELEVANCE_REVIEW_MONTHS) -> dt.date:
    return add_months(from_day, months)


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def check_transition(from_status: str, to_status: str) -> None:
    """Raise RuleViolation unless `from_status → to_status` is in the table."""
    if to_status not in STATUSES:
        raise ValidationError("case.status_invalid", "status", value=to_status)
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise RuleViolation("case.transition_illegal", "status", from_status=from_status,
                            to_status=to_status)


def is_reopening(from_status: str, to_status: str) -> bool:
    return from_status == "closed" and to_status != "closed"


@dataclass
class RequestFields:
    """The request (demande) as received at intake; raw input from a form or the command line."""

    requester_type: str | None = None
    requester_name: str | None = None
    requester_phone: str | None = None
    requester_contact_id: str | None = None
    request_date: str | dt.date | None = None
    request_reason: str | None = None
    clarified_request: str | None = None


def _not_future(day: dt.date | None, today: dt.date, field: str) -> None:
    if day is not None and day > today:
        raise ValidationError("date.future", field)


def validate_request(raw: RequestFields, today: dt.date) -> dict[str, object]:
    """Clean column values for a case's request. Who asked and why are required."""
    out: dict[str, object] = {}
    errors: list[ValidationError] = []

    def run(fn: Callable[[], object]) -> None:
        try:
            fn()
        except ValidationError as exc:
            errors.append(exc)

    def _type() -> None:
        if raw.requester_type not in REQUESTER_TYPES:
            raise ValidationError("case.requester_type_invalid", "requester_type")
        out["requester_type"] = raw.requester_type

    def _date() -> None:
        day = parse_date(raw.request_date, "request_date") or today
        _not_future(day, today, "request_date")
        out["request_date"] = day

    def _phone() -> None:
        p = (raw.requester_phone or "").strip()
        out["requester_phone"] = normalize_phone(p, "requester_phone") if p else None

    run(_type)
    run(lambda: out.__setitem__("requester_name",
                                clean_line(raw.requester_name, "requester_name") or None))
    run(_phone)
    run(_date)
    run(lambda: out.__setitem__("request_reason",
                                clean_text(raw.request_reason, "request_reason", required=True)))
    run(lambda: out.__setitem__("clarified_request",
                                clean_text(raw.clarified_request, "clarified_request") or None))
    out["requester_contact_id"] = raw.requester_contact_id or None
    if errors:
        raise ValidationErrors(errors)
    return out


def validate_opened_on(value: str | dt.date | None, today: dt.date) -> dt.date:
    day = parse_date(value, "opened_on") or today
    _not_future(day, today, "opened_on")
    return day


def validate_tier(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in TIERS:
        raise ValidationError("case.tier_invalid", "complexity_tier")
    return value


def validate_closure(reason: str | None, closed_on: str | dt.date | None, opened_on: dt.date | None,
                     today: dt.date, note: str | None = None) -> tuple[str, dt.date, str | None]:
    """A closure needs a known reason and a date between the opening and today."""
    errors: list[ValidationError] = []
    if not reason:
        errors.append(ValidationError("case.closure_reason_required", "closure_reason"))
    elif reason not in CLOSURE_REASONS:
        errors.append(ValidationError("case.closure_reason_invalid", "closure_reason"))
    day: dt.date | None = None
    try:
        day = parse_date(closed_on, "closed_on")
        if day is None:
            raise ValidationError("case.closed_on_required", "closed_on")
        _not_future(day, today, "closed_on")
        if opened_on is not None and day < opened_on:
            raise ValidationError("case.closed_before_opened", "closed_on",
                                  opened_on=opened_on.isoformat())
    except ValidationError as exc:
        errors.append(exc)
    clean_note: str | None = None
    try:
        clean_note = clean_text(note, "closure_note") or None
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    assert reason is not None and day is not None
    return reason, day, clean_note
