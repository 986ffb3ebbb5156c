"""Belgian national register (NISS/INSZ) and BIS numbers, via python-stdnum."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from desktop.domain.errors import ValidationError


@dataclass(frozen=True)
class Niss:
    number: str  # 11 digits
    is_bis: bool
    birth_date: dt.date | None
    gender: str | None  # "male" | "female" | None when the number does not say

    @property
    def formatted(self) -> str:
        return format_niss(self.number)


def format_niss(number: str) -> str:
    n = number
    return f"{n[0:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:11]}"


def _month_of(mm: int) -> int | None:
    """The calendar month (0 = unknown) of the MM digits, or None when MM is impossible:
    00-12 national register, 20-32 BIS with the sex unknown, 40-52 BIS with the sex known."""
    for offset in (0, 20, 40):
        if offset <= mm <= offset + 12:
            return mm - offset
    return None


def _day_possible(year: int, month: int, day: int) -> bool:
    """Day 00 is "day unknown" for a known month; days past the month's end (counter overflow)
    are allowed only when the month is 00 (date unknown)."""
    return month == 0 or day <= calendar.monthrange(year, month)[1]


def parse_niss(value: str, field: str = "niss") -> Niss:
    """Validate any common format ("85.07.30-033.28", "85073003328", with spaces).

    Raises ValidationError naming the wrong part: `niss.format` (not 11 digits), `niss.month`
    (MM not 00-12, 20-32 or 40-52), `niss.date` (a day the month does not have, e.g. 30 February
    or day 32, which only a month 00 allows), `niss.checksum` (wrong check digits)."""
    # python-stdnum (with pydoc, which it imports) loads at the first NISS typed, not at the
    # unlock: Today never parses one (issue 16, target 6)
    from stdnum.be import bis, nn
    from stdnum.exceptions import ValidationError as StdnumError

    compact = nn.compact(value or "")
    if not compact.isdigit() or len(compact) != 11 or not compact.isascii():
        raise ValidationError("niss.format", field)
    month = _month_of(int(compact[2:4]))
    if month is None:
        raise ValidationError("niss.month", field, month=compact[2:4])
    is_bis = int(compact[2:4]) >= 20
    module = bis if is_bis else nn
    yy, day = int(compact[0:2]), int(compact[4:6])
    try:
        module.validate(compact)
    except StdnumError as exc:
        if not any(_day_possible(century + yy, month, day) for century in (1900, 2000)):
            raise ValidationError("niss.date", field, day=compact[4:6],
                                  month=f"{month:02d}") from exc
        raise ValidationError("niss.checksum", field) from exc
    year = module.get_birth_year(compact)
    if year is not None and not _day_possible(year, month, day):
        raise ValidationError("niss.date", field, day=compact[4:6], month=f"{month:02d}")
    birth: dt.date | None
    try:
        birth = module.get_birth_date(compact)
    except StdnumError:
        birth = None
    gender: str | None
    try:
        g = module.get_gender(compact)
        gender = {"M": "male", "F": "female"}.get(g) if g else None
    except StdnumError:
        gender = None
    return Niss(compact, is_bis, birth, gender)


def cross_check(niss: Niss, birth_date: dt.date | None, gender: str | None, field: str = "niss") -> None:
    """Refuse a NISS that contradicts the birth date or sex given with it."""
    if birth_date is not None and niss.birth_date is not None and niss.birth_date != birth_date:
        raise ValidationError("niss.birth_date_mismatch", field)
    if gender in ("male", "female") and niss.gender is not None and niss.gender != gender:
        raise ValidationError("niss.gender_mismatch", field)


def make_niss(birth: dt.date, serial: int) -> str:
    """Build a valid NISS (used by demo data and tests). serial odd = male, even = female."""
    base = f"{birth:%y%m%d}{serial:03d}"
    n = int(("2" + base) if birth.year >= 2000 else base)
    return f"{base}{97 - n % 97:02d}"
