"""Typed dates and times (the UI's DateField and TimeField): what a person types is read the
way they meant it, or refused with a code — never dropped, never something else."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import format_date, format_time, read_typed_date, read_typed_time
from desktop.domain.errors import ValidationError

TODAY = dt.date(2026, 11, 23)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@given(dates)
def test_shown_date_reads_back(day: dt.date) -> None:
    assert read_typed_date(format_date(day), TODAY) == day
    assert read_typed_date(day.isoformat(), TODAY) == day
    assert read_typed_date(format_date(day).replace("/", ""), TODAY) == day


@given(dates, st.sampled_from("/.- "))
def test_short_forms(day: dt.date, sep: str) -> None:
    short = f"{day.day}{sep}{day.month}{sep}{day.year % 100:02d}"
    read = read_typed_date(short, TODAY)
    assert read is not None and (read.day, read.month, read.year % 100) == \
        (day.day, day.month, day.year % 100)
    assert TODAY.year - 80 <= read.year <= TODAY.year + 20  # the nearest sensible century
    this_year = read_typed_date(f"{day.day:02d}{sep}{day.month:02d}", TODAY) \
        if (day.month, day.day) != (2, 29) else None
    if this_year is not None:
        assert this_year == dt.date(TODAY.year, day.month, day.day)


@given(st.text(max_size=12))
def test_anything_typed_is_read_or_refused_with_a_code(text: str) -> None:
    try:
        day = read_typed_date(text, TODAY, "target_date")
    except ValidationError as exc:
        assert exc.code == "date.unreadable" and exc.field == "target_date"
        return
    assert (day is None) == (text.strip() == "")


@pytest.mark.parametrize("text, expected", [
    ("31/03/2027", dt.date(2027, 3, 31)), ("31032027", dt.date(2027, 3, 31)),
    ("1/4/27", dt.date(2027, 4, 1)), ("12/05/51", dt.date(1951, 5, 12)),
    ("05/12", dt.date(2026, 12, 5)), ("2027-03-31", dt.date(2027, 3, 31)),
    ("  ", None)])
def test_examples(text: str, expected: dt.date | None) -> None:
    assert read_typed_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["31/02/2027", "32/01/2027", "hier", "31/03/2027/1", "3103202",
                                  "1/13", "2027/03/31"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        read_typed_date(text, TODAY)
    assert err.value.code == "date.unreadable"


@given(times)
def test_shown_time_reads_back(value: dt.time) -> None:
    assert read_typed_time(format_time(value)) == value
    assert read_typed_time(f"{value.hour}h{value.minute:02d}") == value
    assert read_typed_time(f"{value.hour}{value.minute:02d}") == value
    if value.minute == 0:
        assert read_typed_time(str(value.hour)) == value


@pytest.mark.parametrize("text, expected", [
    ("10", dt.time(10)), ("9", dt.time(9)), ("1030", dt.time(10, 30)), ("930", dt.time(9, 30)),
    ("10h30", dt.time(10, 30)), ("10H", dt.time(10)), ("10:30", dt.time(10, 30)),
    ("10.30", dt.time(10, 30)), ("", None)])
def test_time_examples(text: str, expected: dt.time | None) -> None:
    assert read_typed_time(text) == expected


@given(st.text(max_size=8))
def test_any_typed_time_is_read_or_refused_with_a_code(text: str) -> None:
    try:
        read_typed_time(text, "start")
    except ValidationError as exc:
        assert exc.code == "time.unreadable" and exc.field == "start"
