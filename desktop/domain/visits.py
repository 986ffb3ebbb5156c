"""Visit rules: kinds, statuses and what a valid time range is.

A recorded (done) visit is immutable: corrections are addenda. A cancelled one is final too.
"""

from __future__ import annotations

import datetime as dt

from desktop.domain.errors import RuleViolation, ValidationError
from desktop.domain.text import clean_line

KINDS = ("home_visit", "phone", "concertation", "office", "other")
STATUSES = ("planned", "done", "cancelled")
MAX_DURATION = dt.timedelta(hours=12)  # longer is a typing error (wrong day or AM/PM)
MAX_PARTICIPANTS = 30


def parse_datetime(value: str | dt.datetime | None, field: str) -> dt.datetime | None:
    """ISO date-time (`YYYY-MM-DDTHH:MM` or with a space); seconds dropped."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValidationError("datetime.invalid", field) from exc
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def validate_kind(kind: str | None) -> str:
    if kind not in KINDS:
        raise ValidationError("visit.kind_invalid", "kind")
    return kind


def validate_range(start: dt.datetime | None, end: dt.datetime | None, *,
                   start_field: str = "start", end_field: str = "end") -> None:
    """Start required; an end, when given, is after the start and within MAX_DURATION."""
    if start is None:
        raise ValidationError("visit.start_required", start_field)
    if end is None:
        return
    if end <= start:
        raise ValidationError("visit.end_before_start", end_field)
    if end - start > MAX_DURATION:
        hours = int(MAX_DURATION.total_seconds() // 3600)
        raise ValidationError("visit.too_long", end_field, hours=hours)


def validate_done_not_future(start: dt.datetime, today: dt.date, field: str = "start") -> None:
    """A visit can be recorded as done only once it has started (today at the latest)."""
    if start.date() > today:
        raise ValidationError("visit.done_in_future", field)


def clean_participants(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for i, v in enumerate(values or []):
        name = clean_line(v, "participants" if i == 0 else f"participants.{i}")
        if name and name not in out:
            out.append(name)
    if len(out) > MAX_PARTICIPANTS:
        raise ValidationError("visit.too_many_participants", "participants", max=MAX_PARTICIPANTS)
    return out


def check_editable(status: str) -> None:
    """Only a planned visit changes; done and cancelled are final (addenda for corrections)."""
    if status == "done":
        raise RuleViolation("visit.recorded_immutable", "status")
    if status == "cancelled":
        raise RuleViolation("visit.cancelled_final", "status")


def check_addendum_allowed(status: str) -> None:
    if status != "done":
        raise RuleViolation("visit.addendum_needs_recorded", "status")
