from __future__ import annotations

import datetime as dt

from desktop.domain.errors import ValidationError

MAX_AGE_YEARS = 120


def parse_date(value: str | dt.date | None, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValidationError("date.invalid", field) from exc


def validate_birth_date(value: dt.date | None, today: dt.date, field: str = "birth_date") -> None:
    if value is None:
        return
    if value > today:
        raise ValidationError("birth_date.future", field)
    day = 28 if (today.month, today.day) == (2, 29) else today.day
    if value < dt.date(today.year - MAX_AGE_YEARS, today.month, day):
        raise ValidationError("birth_date.too_old", field, years=MAX_AGE_YEARS)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
