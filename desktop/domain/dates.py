from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.domain.errors import ValidationError

MAX_AGE_YEARS = 120

_wall_clock: Callable[[], dt.datetime] | None = None


def use_wall_clock(now: Callable[[], dt.datetime] | None) -> None:
    """Tests only: `utcnow()` answers `now()` (None: the real clock again). The sync state
    machine runs on a simulated clock so a seed replays exactly (tests/e2e/replay_support.py);
    nothing in the application calls this."""
    global _wall_clock
    _wall_clock = now


def utcnow(*, precise: bool = False) -> dt.datetime:
    """Now in UTC, naive (as the tables store it), to the second; `precise` keeps the
    microseconds (consent events, which must sort in the order they were recorded)."""
    now = _wall_clock() if _wall_clock is not None else dt.datetime.now(dt.UTC)
    now = now.replace(tzinfo=None)
    return now if precise else now.replace(microsecond=0)


def local_time() -> dt.datetime:
    """The local wall-clock time (the test clock's, read as local, when one is set)."""
    if _wall_clock is not None:
        return _wall_clock().replace(tzinfo=None)
    return dt.datetime.now()


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


# ---- dates and times as a person types them (the UI's DateField and TimeField) ----------------

_DATE_SEPARATORS = "/.- "


def _year(text: str, today: dt.date) -> int:
    """A 4-digit year as is; a 1- or 2-digit year in the century that puts it at most 20 years
    after today (in 2026: 31/03/27 is 2027, 12/05/51 is 1951)."""
    if len(text) == 4:
        return int(text)
    if len(text) not in (1, 2):
        raise ValueError(text)
    year = today.year // 100 * 100 + int(text)
    if year > today.year + 20:
        year -= 100
    return year


def read_typed_date(text: str, today: dt.date, field: str | None = None) -> dt.date | None:
    """The date a person typed: dd/mm/yyyy, d/m/yy, dd/mm (this year), ddmmyyyy, ddmmyy, ddmm
    (separators / . - or space), or ISO yyyy-mm-dd. Blank is None. Anything else raises
    ValidationError("date.unreadable") — a typed date is never silently dropped."""
    s = text.strip()
    if not s:
        return None
    try:
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            return dt.date.fromisoformat(s)
        for sep in _DATE_SEPARATORS[1:]:
            s = s.replace(sep, "/")
        parts = [p for p in s.split("/")] if "/" in s else None
        if parts is None:
            if not s.isdigit() or len(s) not in (4, 6, 8):
                raise ValueError(s)
            parts = [s[:2], s[2:4]] + ([s[4:]] if len(s) > 4 else [])
        if len(parts) not in (2, 3) or not all(p.isdigit() and p.isascii() for p in parts):
            raise ValueError(s)
        if any(len(p) > 2 for p in parts[:2]):
            raise ValueError(s)
        day, month = int(parts[0]), int(parts[1])
        year = _year(parts[2], today) if len(parts) == 3 else today.year
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValidationError("date.unreadable", field) from exc


def format_date(day: dt.date | None) -> str:
    """How a date is shown in a field: dd/mm/yyyy (blank for none)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


def read_typed_time(text: str, field: str | None = None) -> dt.time | None:
    """The time a person typed: 10, 9, 1030, 930, 10h30, 10h, 10:30, 10.30, 10 30. Blank is
    None; anything else raises ValidationError("time.unreadable")."""
    s = text.strip().lower()
    if not s:
        return None
    try:
        for sep in ("h", ":", ".", " "):
            if sep in s:
                hours, _, minutes = s.partition(sep)
                hours, minutes = hours.strip(), minutes.strip() or "0"
                break
        else:
            if len(s) <= 2:
                hours, minutes = s, "0"
            elif len(s) in (3, 4):
                hours, minutes = s[:-2], s[-2:]
            else:
                raise ValueError(s)
        if not (hours.isdigit() and minutes.isdigit() and hours.isascii() and minutes.isascii()
                and len(hours) <= 2 and len(minutes) <= 2):
            raise ValueError(s)
        return dt.time(int(hours), int(minutes))
    except ValueError as exc:
        raise ValidationError("time.unreadable", field) from exc


def format_time(value: dt.time | None) -> str:
    return f"{value.hour:02d}:{value.minute:02d}" if value else ""
