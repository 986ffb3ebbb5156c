"""Keeping and erasing the record (GDPR art. 17 and 18; Belgian quality-of-care law of 22 April
2019, art. 35: keep the record at least 30 and at most 50 years after the last contact)."""

from __future__ import annotations

import datetime as dt

from desktop.domain.errors import ValidationError

DEFAULT_RETENTION_YEARS = 30
MIN_RETENTION_YEARS = 30
MAX_RETENTION_YEARS = 50


def check_retention_years(value: object) -> int:
    try:
        years = int(str(value).strip())
    except ValueError as exc:
        raise ValidationError("gdpr.retention_years_invalid", "retention_years",
                              min=MIN_RETENTION_YEARS, max=MAX_RETENTION_YEARS) from exc
    if not MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS:
        raise ValidationError("gdpr.retention_years_invalid", "retention_years",
                              min=MIN_RETENTION_YEARS, max=MAX_RETENTION_YEARS)
    return years


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def retention_end(last_contact: dt.date, years: int) -> dt.date:
    """First day the record may be erased."""
    return add_years(last_contact, years)


def erasure_basis(*, care_given: bool, all_cases_closed: bool, last_contact: dt.date | None,
                  years: int, today: dt.date) -> str | None:
    """Why erasure is lawful ("no_care" or "retention_ended"), or None when the record must be
    kept (then restriction is the answer to an erasure request)."""
    if not care_given:
        return "no_care"
    if all_cases_closed and last_contact is not None \
            and retention_end(last_contact, years) <= today:
        return "retention_ended"
    return None
