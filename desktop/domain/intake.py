"""Intake of a request (demande): how it ends, and how long the first contacts took.

A request is clarified, then its intake ends as *accepted*, *redirected* (to which service of the
directory, and why) or *waiting list* (since when). The delays from the request to the first
contact and to the first home visit are the access indicators of the RésiNam study and the KCE
note (the case manager "arrives" quickly when the situation is blocked).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.dates import parse_date
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.text import clean_text

OUTCOMES = ("accepted", "redirected", "waiting")
NO_FIRST_CONTACT_DAYS = 7  # default of the Today setting
# visit kinds that count as a first contact with the person (a concertation is between providers)
CONTACT_KINDS = frozenset({"home_visit", "phone", "office", "other"})


@dataclass(frozen=True)
class IntakeInput:
    outcome: str | None
    to_contact_id: str | None = None
    reason: str | None = None
    on: str | dt.date | None = None


def validate_intake(raw: IntakeInput, request_date: dt.date | None, today: dt.date
                    ) -> dict[str, object]:
    """Column values for an intake outcome. Redirected needs the service and the reason; the
    date (default today) is neither in the future nor before the request."""
    errors: list[ValidationError] = []
    out: dict[str, object] = {}
    if raw.outcome not in OUTCOMES:
        errors.append(ValidationError("intake.outcome_invalid", "intake_outcome",
                                      value=str(raw.outcome or "")[:40],
                                      names=", ".join(OUTCOMES)))
    day: dt.date | None = None
    try:
        day = parse_date(raw.on, "intake_outcome_on") or today
        if day > today:
            raise ValidationError("date.future", "intake_outcome_on")
        if request_date is not None and day < request_date:
            raise ValidationError("intake.before_request", "intake_outcome_on",
                                  date=request_date.isoformat())
    except ValidationError as exc:
        errors.append(exc)
    reason: str | None = None
    try:
        reason = clean_text(raw.reason, "intake_reason", max_len=2000) or None
    except ValidationError as exc:
        errors.append(exc)
    to = (raw.to_contact_id or "").strip() or None
    if raw.outcome == "redirected":
        if to is None:
            errors.append(ValidationError("intake.redirect_target_required",
                                          "redirected_to_contact_id"))
        if reason is None and not any(e.field == "intake_reason" for e in errors):
            errors.append(ValidationError("intake.redirect_reason_required", "intake_reason"))
    elif to is not None:
        errors.append(ValidationError("intake.target_only_redirected", "redirected_to_contact_id"))
    if errors:
        raise ValidationErrors(errors) if len(errors) > 1 else errors[0]
    assert day is not None
    out.update(intake_outcome=raw.outcome, intake_outcome_on=day, intake_reason=reason,
               redirected_to_contact_id=to,
               waiting_since=day if raw.outcome == "waiting" else None)
    return out


def earliest(explicit: dt.date | None, dates: Iterable[dt.date]) -> dt.date | None:
    """The first of a recorded date and the dates found in the case's events."""
    found = [d for d in (explicit, *dates) if d is not None]
    return min(found) if found else None


def delay_days(request_date: dt.date | None, day: dt.date | None) -> int | None:
    """Days from the request to `day` (None when either is unknown)."""
    if request_date is None or day is None:
        return None
    return max(0, (day - request_date).days)


def awaiting_first_contact(request_date: dt.date | None, first_contact: dt.date | None,
                           outcome: str | None, today: dt.date, days: int) -> bool:
    """A request still without a first contact `days` days or more after it came in
    (a redirected request is no longer ours to contact)."""
    if request_date is None or first_contact is not None or outcome == "redirected":
        return False
    return (today - request_date).days >= days


def validate_first_date(value: str | dt.date | None, field: str, request_date: dt.date | None,
                        today: dt.date) -> dt.date | None:
    """An explicitly recorded first contact / first home visit date."""
    day = parse_date(value, field)
    if day is None:
        return None
    if day > today:
        raise ValidationError("date.future", field)
    if request_date is not None and day < request_date:
        raise ValidationError("intake.before_request", field, date=request_date.isoformat())
    return day
