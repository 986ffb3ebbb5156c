"""NISS/BIS rules (docs/DOMAIN.md "Identifiers and formats"): the parser names the wrong part of
a number.

Month 00 = date unknown (any day digits); day 00 with a known month = day unknown; a day the month
does not have (30 February, day 32) only with month 00; BIS numbers add 20 (sex unknown) or 40
(sex known) to the month; check digits 97 - (N mod 97), N prefixed with 2 from 2000.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import ValidationError
from desktop.domain.niss import parse_niss
from desktop.i18n import t

TODAY = dt.date.today()
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
serials = st.integers(min_value=1, max_value=998)


def with_check(first9: str, year: int) -> str:
    """Append the right check digits for a birth in `year`."""
    n = int(("2" + first9) if year >= 2000 else first9)
    return f"{first9}{97 - n % 97:02d}"


def code_of(value: str) -> str | None:
    try:
        parse_niss(value)
    except ValidationError as exc:
        return exc.code
    return None


@given(births, serials)
def test_a_real_birth_date_gives_the_date_and_the_sex(birth: dt.date, serial: int) -> None:
    number = with_check(f"{birth:%y%m%d}{serial:03d}", birth.year)
    parsed = parse_niss(number)
    assert parsed.birth_date == birth and not parsed.is_bis
    assert parsed.gender == ("male" if serial % 2 else "female")


@given(births, serials, st.sampled_from([20, 40]))
def test_bis_numbers_add_20_or_40_to_the_month(birth: dt.date, serial: int, offset: int) -> None:
    number = with_check(f"{birth:%y}{birth.month + offset:02d}{birth:%d}{serial:03d}", birth.year)
    parsed = parse_niss(number)
    assert parsed.is_bis and parsed.birth_date == birth
    assert parsed.gender == (None if offset == 20 else ("male" if serial % 2 else "female"))


@given(st.integers(0, 99), st.integers(1, 12), st.integers(0, 99), serials, st.sampled_from([0, 20, 40]))
def test_a_day_the_month_does_not_have_is_an_impossible_date(yy: int, month: int, day: int,
                                                            serial: int, offset: int) -> None:
    year = 1900 + yy
    last = calendar.monthrange(year, month)[1]
    first9 = f"{yy:02d}{month + offset:02d}{day:02d}{serial:03d}"
    code = code_of(with_check(first9, year))
    if day == 0 or day <= last:
        assert code is None  # day 00: day unknown, allowed with a known month
    else:
        assert code == "niss.date"


@given(st.integers(0, 99), st.integers(0, 99), serials, st.sampled_from([0, 20, 40]))
def test_month_00_means_date_unknown_whatever_the_day(yy: int, day: int, serial: int,
                                                      offset: int) -> None:
    parsed = parse_niss(with_check(f"{yy:02d}{offset:02d}{day:02d}{serial:03d}", 1900 + yy))
    assert parsed.birth_date is None


@given(st.integers(0, 99), st.integers(0, 99).filter(lambda m: not (m <= 12 or 20 <= m <= 32
                                                                     or 40 <= m <= 52)),
       st.integers(0, 99), serials, st.booleans())
def test_an_impossible_month_is_named_even_with_wrong_check_digits(yy: int, mm: int, day: int,
                                                                   serial: int,
                                                                   good_check: bool) -> None:
    number = with_check(f"{yy:02d}{mm:02d}{day:02d}{serial:03d}", 1900 + yy)
    if not good_check:
        number = number[:9] + f"{(int(number[9:]) + 1) % 100:02d}"
    assert code_of(number) == "niss.month"


@given(births, serials, st.integers(1, 96))
def test_wrong_check_digits_are_named(birth: dt.date, serial: int, delta: int) -> None:
    good = with_check(f"{birth:%y%m%d}{serial:03d}", birth.year)
    bad = good[:9] + f"{(int(good[9:]) + delta) % 97:02d}"
    other_century = with_check(good[:9], 2000 if birth.year < 2000 else 1900)
    if bad != other_century:  # the same nine digits can be valid for the other century
        assert code_of(bad) == "niss.checksum"


@given(st.text(max_size=20))
def test_any_text_is_a_niss_or_one_of_four_named_errors(value: str) -> None:
    assert code_of(value) in (None, "niss.format", "niss.month", "niss.date", "niss.checksum")


@pytest.mark.parametrize(("value", "code"), [
    ("85.07.30-033.28", None),
    ("85.13.30-033.28", "niss.month"),   # was reported as wrong check digits
    ("85.02.30-033.90", "niss.date"),    # 30 February with right check digits: was "day unknown"
    ("85.07.32-033.65", "niss.date"),
    ("85.00.32-033.16", None),           # month 00: date unknown, day digits free
    ("85.07.00-033.?", "niss.format"),
    ("8507300332", "niss.format"),
    ("85.07.30-033.29", "niss.checksum"),
])
def test_examples(value: str, code: str | None) -> None:
    assert code_of(value) == code


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_each_error_is_translated(lang: str) -> None:
    texts = {code: t(code, lang, month="13", day="30") for code in
             ("niss.format", "niss.month", "niss.date", "niss.checksum")}
    assert all(text != code for code, text in texts.items())
    assert len(set(texts.values())) == 4
    assert "13" in texts["niss.month"] and "30" in texts["niss.date"]
