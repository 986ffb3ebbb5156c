"""Triage by complexity, not by category (issue 18 item 2): the pure rules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import triage as T

TODAY = dt.date(2026, 11, 23)
flag_sets = st.sets(st.sampled_from(T.FLAGS))
trigger_sets = st.sets(st.sampled_from(T.CRISIS_TRIGGERS))
risk_sets = st.sets(st.sampled_from(T.RISKS))
totals = st.one_of(st.none(), st.integers(0, 60))


def test_55_year_old_facing_eviction_and_refusing_care_gets_case_management() -> None:
    """The issue's example: under 75, no BIM/MAF/chronic status, but housing and refusal."""
    s = T.suggest(None, ["housing_loss", "care_refusal_danger"], flags=[])
    assert s.level == "case_management" and s.number == 3
    assert [r.code for r in s.reasons][:2] == ["crisis", "crisis"]
    assert {r.params.get("trigger") for r in s.reasons} >= {"housing_loss", "care_refusal_danger"}
    assert s.context == ()


def test_category_flags_alone_do_not_raise_the_level() -> None:
    s = T.suggest(5, flags=T.FLAGS)
    assert s.level == "self_management"
    assert s.context == T.FLAGS  # shown, as context


@pytest.mark.parametrize(("total", "level", "code"), [
    (0, "self_management", "grid_low"), (10, "self_management", "grid_low"),
    (11, "care_coordination", "grid_moderate"), (20, "care_coordination", "grid_moderate"),
    (21, "case_management", "grid_complex"), (60, "case_management", "grid_complex"),
])
def test_complexity_grid_cut_offs(total: int, level: str, code: str) -> None:
    s = T.suggest(total)
    assert s.level == level and s.reasons[0].code == code
    assert s.reasons[0].params["total"] == total


def test_no_grid_says_so() -> None:
    s = T.suggest(None)
    assert s.level == "self_management" and [r.code for r in s.reasons] == ["grid_missing"]


def test_a_risk_suggests_disease_and_care_management() -> None:
    s = T.suggest(3, risks=["risk_falls"])
    assert s.level == "care_coordination"
    assert T.Reason("risk", {"risk": "risk_falls"}) in s.reasons


@given(totals, trigger_sets, risk_sets, flag_sets, flag_sets)
def test_flags_never_decide(total, crisis, risks, flags_a, flags_b) -> None:  # type: ignore[no-untyped-def]
    a = T.suggest(total, crisis, risks, flags_a)
    b = T.suggest(total, crisis, risks, flags_b)
    assert a.level == b.level and a.reasons == b.reasons


@given(totals, st.sampled_from(T.CRISIS_TRIGGERS), risk_sets, flag_sets)
def test_any_crisis_trigger_means_case_management(total, trigger, risks, flags) -> None:  # type: ignore[no-untyped-def]
    assert T.suggest(total, [trigger], risks, flags).level == "case_management"


@given(st.integers(0, 60), st.integers(0, 60), trigger_sets, risk_sets)
def test_level_rises_with_the_grid_total(a, b, crisis, risks) -> None:  # type: ignore[no-untyped-def]
    low, high = sorted((a, b))
    assert (T.suggest(low, crisis, risks).number <= T.suggest(high, crisis, risks).number)


@given(st.integers(21, 60), flag_sets)
def test_above_20_is_case_management_whatever_the_flags(total, flags) -> None:  # type: ignore[no-untyped-def]
    assert T.suggest(total, flags=flags).level == "case_management"


def _days_ago(*days: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=d) for d in days]


def test_frequent_admissions_is_more_than_three() -> None:
    assert not T.frequent_admissions(_days_ago(10, 100, 200), TODAY)  # three: not yet
    assert T.frequent_admissions(_days_ago(10, 100, 200, 300), TODAY)  # four
    assert not T.frequent_admissions(_days_ago(10, 100, 200, 366), TODAY)  # one is too old
    assert T.frequent_admissions(_days_ago(0, 1, 2, 365), TODAY)  # edges included


@given(st.lists(st.integers(0, 364), max_size=10))
def test_frequent_admissions_counts_the_last_year(days) -> None:  # type: ignore[no-untyped-def]
    assert T.frequent_admissions(_days_ago(*days), TODAY) == (len(days) > 3)


def test_clean_triggers_orders_and_refuses_unknown() -> None:
    assert T.clean_triggers(["no_income", "housing_loss", "housing_loss"]) == [
        "housing_loss", "no_income"]
    with pytest.raises(ValueError):
        T.clean_triggers(["bored"])
