"""Belgian national register (NISS/INSZ) and BIS numbers, via python-stdnum."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stdnum.be import bis, nn
from stdnum.exceptions import ValidationError as StdnumError

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


def parse_niss(value: str, field: str = "niss") -> Niss:
    """Validate any common format ("85.07.30-033.28", "85073003328", with spaces)."""
    compact = nn.compact(value or "")
    if not compact.isdigit() or len(compact) != 11:
        raise ValidationError("niss.format", field)
    for module, is_bis in ((nn, False), (bis, True)):
        try:
            module.validate(compact)
        except StdnumError:
            continue
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
    raise ValidationError("niss.checksum", field)


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
