"""Rules of hospital transitions, the stability log and concertation funding (issue 18, 3–5)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import concertation as C
from desktop.domain import transitions as T
from desktop.domain.contacts import KINDS, SECTOR_OF, ContactFields, validate_contact
from desktop.domain.errors import ValidationError

MONDAY = dt.date(2026, 3, 2)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))


# ---- readmission: within 30 days of the previous discharge, both ends included --------------
def test_readmission_window_is_exactly_30_days() -> None:
    out = dt.date(2026, 1, 10)
    assert T.is_readmission(out, out + dt.timedelta(days=30))
    assert not T.is_readmission(out, out + dt.timedelta(days=31))
    assert T.is_readmission(out, out)  # back the same day
    assert not T.is_readmission(None, out)
    assert not T.is_readmission(out, out - dt.timedelta(days=1))


@given(discharge=days, gap=st.integers(-400, 400))
def test_readmission_is_a_gap_of_0_to_30_days(discharge: dt.date, gap: int) -> None:
    admitted = discharge + dt.timedelta(days=gap)
    assert T.is_readmission(discharge, admitted) == (0 <= gap <= 30)


def test_readmissions_in_a_history() -> None:
    s = T.StayDates
    stays = [
        s("a", "admission", dt.date(2026, 1, 1), dt.date(2026, 1, 10)),
        s("b", "admission", dt.date(2026, 2, 9), dt.date(2026, 2, 12)),  # 30 days after a
        s("c", "emergency", dt.date(2026, 2, 20), dt.date(2026, 2, 20)),  # not an admission
        s("d", "admission", dt.date(2026, 3, 15), None),  # 31 days after b, c does not count
        s("e", "admission", dt.date(2026, 4, 20), None),  # d still open: nothing to follow
    ]
    assert T.readmissions(stays) == {"b"}


# ---- two working days, the weekend skipped -------------------------------------------------
@pytest.mark.parametrize(("discharged", "due"), [
    (MONDAY, dt.date(2026, 3, 4)),  # Monday -> Wednesday
    (MONDAY + dt.timedelta(days=3), dt.date(2026, 3, 9)),  # Thursday -> Monday
    (MONDAY + dt.timedelta(days=4), dt.date(2026, 3, 10)),  # Friday -> Tuesday
    (MONDAY + dt.timedelta(days=5), dt.date(2026, 3, 10)),  # Saturday -> Tuesday
    (MONDAY + dt.timedelta(days=6), dt.date(2026, 3, 10)),  # Sunday -> Tuesday
])
def test_follow_up_due_two_working_days_later(discharged: dt.date, due: dt.date) -> None:
    assert T.follow_up_due(discharged) == due


@given(day=days, n=st.integers(0, 30))
def test_working_days_land_on_a_weekday_and_count_n_weekdays(day: dt.date, n: int) -> None:
    out = T.add_working_days(day, n)
    between = [day + dt.timedelta(days=i) for i in range(1, (out - day).days + 1)]
    assert sum(1 for d in between if d.weekday() < 5 and not T.is_public_holiday(d)) == n
    if n:
        assert out.weekday() < 5 and not T.is_public_holiday(out)
    # at most two weekend days a week, and the public holidays on the way
    holidays = sum(1 for d in between if T.is_public_holiday(d))
    assert (out - day).days <= n + 2 * ((n + holidays) // 5 + 1) + holidays


# ---- Belgian public holidays are not working days either -----------------------------------
@pytest.mark.parametrize(("discharged", "due"), [
    (dt.date(2026, 12, 23), dt.date(2026, 12, 28)),  # Wed; Fri 25 Dec is Christmas -> Mon 28
    (dt.date(2026, 11, 10), dt.date(2026, 11, 13)),  # Tue; Wed 11 Nov (Armistice) -> Fri 13
    (dt.date(2027, 10, 29), dt.date(2027, 11, 3)),   # Fri; Mon 1 Nov (All Saints) -> Wed 3
    (dt.date(2027, 3, 26), dt.date(2027, 3, 31)),    # Fri; Easter Monday 29 Mar -> Wed 31
    (dt.date(2026, 5, 13), dt.date(2026, 5, 18)),    # Wed; Ascension Thu 14 May -> Mon 18
    (dt.date(2026, 5, 22), dt.date(2026, 5, 27)),    # Fri; Whit Monday 25 May -> Wed 27
    (dt.date(2026, 7, 20), dt.date(2026, 7, 23)),    # Mon; 21 July (national day) -> Thu 23
    (dt.date(2026, 12, 31), dt.date(2027, 1, 5)),    # Thu; 1 Jan, then the weekend -> Tue 5
])
def test_follow_up_skips_belgian_public_holidays(discharged: dt.date, due: dt.date) -> None:
    assert T.follow_up_due(discharged) == due


def test_the_ten_legal_public_holidays() -> None:
    assert sorted(T.public_holidays(2026)) == [
        dt.date(2026, 1, 1), dt.date(2026, 4, 6), dt.date(2026, 5, 1), dt.date(2026, 5, 14),
        dt.date(2026, 5, 25), dt.date(2026, 7, 21), dt.date(2026, 8, 15), dt.date(2026, 11, 1),
        dt.date(2026, 11, 11), dt.date(2026, 12, 25)]
    # Easter Sunday by the Gregorian computus, checked against known years
    assert [T.easter_sunday(y) for y in (2024, 2025, 2027, 2038)] == [
        dt.date(2024, 3, 31), dt.date(2025, 4, 20), dt.date(2027, 3, 28), dt.date(2038, 4, 25)]


# ---- discharge checklist items -------------------------------------------------------------
def test_checklist_items_are_named_and_checked() -> None:
    assert T.checklist_items("letter_received, gp_informed,letter_received") == [
        "letter_received", "gp_informed"]
    assert T.checklist_items("") == []
    with pytest.raises(ValidationError) as info:
        T.checklist_items("letter_received,coffee")
    assert info.value.code == "transition.item_invalid"


# ---- stability trend -----------------------------------------------------------------------
def test_trend_counts_the_last_90_days_and_the_90_before() -> None:
    today = dt.date(2026, 6, 30)
    d = lambda n: today - dt.timedelta(days=n)  # noqa: E731
    events = [("fall", d(0)), ("fall", d(89)),  # both in the window (today and 89 days ago)
              ("crisis_call", d(90)),  # the first day of the previous window
              ("fall", d(179)), ("not_eating", d(180)),  # 179 in, 180 out of the previous
              ("fall", today + dt.timedelta(days=1))]  # future: not counted
    tr = T.trend(events, today)
    assert (tr.total, tr.previous) == (2, 2)
    assert tr.by_kind == {"fall": 2}
    assert tr.direction == "steady"
    assert T.trend([], today).direction == "none"
    assert T.trend([("fall", d(1))], today).direction == "rising"
    assert T.trend([("fall", d(100))], today).direction == "falling"


@given(today=days, offsets=st.lists(st.tuples(st.sampled_from(T.EVENT_KINDS),
                                              st.integers(-5, 200)), max_size=40))
def test_trend_totals_match_the_windows(today: dt.date, offsets: list[tuple[str, int]]) -> None:
    events = [(k, today - dt.timedelta(days=o)) for k, o in offsets]
    tr = T.trend(events, today)
    assert tr.total == sum(1 for _k, o in offsets if 0 <= o <= 89)
    assert tr.previous == sum(1 for _k, o in offsets if 90 <= o <= 179)
    assert sum(tr.by_kind.values()) == tr.total
    assert list(tr.by_kind) == [k for k in T.EVENT_KINDS if k in tr.by_kind]


def test_event_keys_are_one_keystroke_each() -> None:
    assert len(set(T.EVENT_KEYS.values())) == len(T.EVENT_KINDS) == 7
    assert all(len(k) == 1 for k in T.EVENT_KEYS.values())


# ---- contact kinds -------------------------------------------------------------------------
@pytest.mark.parametrize(("kind", "sector"), [
    ("mental_health", "health"), ("hospital_social_worker", "health"),
    ("coordination_centre", "social"), ("case_manager", "social"),
    ("mutualite_social_worker", "social"), ("patient_association", "community")])
def test_partner_kinds_exist_with_their_sector(kind: str, sector: str) -> None:
    assert kind in KINDS and SECTOR_OF[kind] == sector
    assert validate_contact(ContactFields(kind=kind, organisation="SSM Namur",
                                          is_organisation=True))["kind"] == kind


# ---- concertation funders by region --------------------------------------------------------
@pytest.mark.parametrize(("postal", "region", "funder"), [
    ("1000", "brussels", "iriscare"), ("1299", "brussels", "iriscare"),
    ("1300", "wallonia", "aviq"), ("5000", "wallonia", "aviq"), ("7999", "wallonia", "aviq"),
    ("1500", "flanders", "departement_zorg"), ("3999", "flanders", "departement_zorg"),
    ("9000", "flanders", "departement_zorg"), ("0999", None, None), ("", None, None),
    ("12a4", None, None)])
def test_funder_from_the_postal_code(postal: str, region: str | None, funder: str | None) -> None:
    assert C.region_of(postal) == region
    assert C.default_funder(postal) == funder
    if region:
        assert funder in C.FUNDERS_BY_REGION[region]
    assert "cocof" in C.FUNDERS_BY_REGION["brussels"]


def test_funding_rules() -> None:
    full = C.Attendance(("gp", "nurse", "home_help"), gp=True, patient=True, home_nurse=True,
                        nursing_care=True)
    assert C.funding_warnings(full) == []
    assert C.funding_warnings(C.Attendance(("gp", "nurse", "family"), True, True, True, True)) \
        == ["concertation.needs_three_providers"]
    no_nurse = C.Attendance(("gp", "physio", "home_help"), True, True, False, True)
    assert C.funding_warnings(no_nurse) == ["concertation.needs_home_nurse"]
    no_nursing_care = C.Attendance(("gp", "physio", "home_help"), True, True, False, False)
    assert C.funding_warnings(no_nursing_care) == []
    alone = C.Attendance(("gp", "physio", "home_help"), True, False, False, False)
    assert C.funding_warnings(alone) == ["concertation.needs_patient"]
