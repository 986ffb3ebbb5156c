"""Indicators (issue 20): hand-computed fixtures for every indicator, and a few rules as
Hypothesis properties. Pure domain: no vault."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import indicators as I
from desktop.domain.errors import ValidationError
from desktop.domain.indicators import (
    CaseFacts,
    EventFacts,
    ExperienceFacts,
    GoalFacts,
    IndicatorInput,
    NeedFacts,
    Period,
    ReviewFacts,
    StayFacts,
)

D = dt.date
Q1 = Period(D(2026, 1, 1), D(2026, 3, 31))  # 90 days
TODAY = D(2026, 6, 1)


def run(inp: IndicatorInput, period: Period = Q1, today: dt.date = TODAY) -> I.Indicators:
    return I.compute(period, inp, today)


def test_requests_outcomes_and_first_contact() -> None:
    cases = [
        # received in Q1: first contact after 2 and 6 days; one without contact yet
        CaseFacts("c1", "p1", request_date=D(2026, 1, 10), intake_outcome="accepted",
                  first_contact_on=D(2026, 1, 12), opened_on=D(2026, 1, 12)),
        CaseFacts("c2", "p2", request_date=D(2026, 2, 1), intake_outcome="redirected",
                  first_contact_on=D(2026, 2, 7)),
        CaseFacts("c3", "p3", request_date=D(2026, 3, 31), intake_outcome="waiting"),
        # no request date: the opening date counts; not decided
        CaseFacts("c4", "p4", opened_on=D(2026, 3, 1), first_contact_on=D(2026, 3, 4)),
        # outside Q1
        CaseFacts("c5", "p5", request_date=D(2025, 12, 31), intake_outcome="accepted",
                  first_contact_on=D(2026, 1, 2)),
    ]
    r = run(IndicatorInput(cases=cases))
    assert (r.requests_received, r.requests_accepted, r.requests_redirected,
            r.requests_waiting, r.requests_undecided) == (4, 1, 1, 1, 1)
    # delays 2, 6, 3 → median 3, mean 11/3
    assert r.first_contact_count == 3
    assert r.first_contact_median_days == 3.0
    assert r.first_contact_mean_days == 3.67


def test_caseload_by_manager_and_tier_and_episode_length() -> None:
    cases = [
        CaseFacts("a", "p1", opened_on=D(2025, 6, 1), tier="case_management", case_manager="Anne"),
        CaseFacts("b", "p2", opened_on=D(2026, 1, 5), tier="care_coordination",
                  case_manager="Anne"),
        CaseFacts("c", "p3", opened_on=D(2026, 2, 1), case_manager="Bert"),
        # closed on the last day: not active at the end; episode 30 days
        CaseFacts("d", "p4", opened_on=D(2026, 3, 1), closed_on=D(2026, 3, 31),
                  tier="case_management", case_manager="Bert"),
        # closed in Q1 after 100 days
        CaseFacts("e", "p5", opened_on=D(2025, 11, 1), closed_on=D(2026, 2, 9)),
        # redirected: never in the caseload
        CaseFacts("f", "p6", opened_on=D(2026, 1, 1), intake_outcome="redirected",
                  case_manager="Anne"),
        # opened after the period
        CaseFacts("g", "p7", opened_on=D(2026, 4, 1), case_manager="Anne"),
    ]
    r = run(IndicatorInput(cases=cases))
    assert r.active_cases == 3
    assert r.caseload_by_manager == {"Anne": 2, "Bert": 1}
    assert r.caseload_by_tier == {"": 1, "care_coordination": 1, "case_management": 1}
    assert list(r.caseload_by_tier) == ["care_coordination", "case_management", ""]  # 2, 3, none
    assert r.episodes_closed == 2
    assert r.episode_median_days == 65.0  # (30 + 100) / 2
    assert r.episode_mean_days == 65.0


def test_admissions_and_emergencies_per_patient_year_before_and_since() -> None:
    # p1 included 2026-01-01, still open at the end of Q1 → 90 days since; 365 before
    # p2 included 2026-02-01, closed 2026-03-02 → 29 days since (Feb 1 .. Mar 1)
    cases = [CaseFacts("c1", "p1", opened_on=D(2026, 1, 1)),
             CaseFacts("c2", "p2", opened_on=D(2026, 2, 1), closed_on=D(2026, 3, 2))]
    stays = [
        StayFacts("s1", "p1", "admission", D(2025, 3, 1), D(2025, 3, 10)),  # before
        StayFacts("s2", "p1", "admission", D(2025, 12, 20), D(2025, 12, 28)),  # before
        StayFacts("s3", "p1", "admission", D(2026, 1, 20), D(2026, 1, 25)),  # since, readmit? no
        StayFacts("s4", "p1", "admission", D(2026, 2, 24), D(2026, 2, 26)),  # since, 30 days
        StayFacts("s0", "p1", "admission", D(2024, 12, 1), D(2024, 12, 5)),  # > 12 months
        StayFacts("s5", "p2", "emergency", D(2025, 8, 1)),  # before
        StayFacts("s6", "p2", "emergency", D(2026, 2, 10)),  # since
        StayFacts("s7", "p2", "admission", D(2026, 3, 5), D(2026, 3, 8)),  # after closure
        StayFacts("s8", "p9", "admission", D(2026, 1, 5)),  # not followed
    ]
    events = [EventFacts("p2", "emergency_visit", D(2026, 2, 10)),  # same visit as s6
              EventFacts("p1", "emergency_visit", D(2026, 3, 1)),  # since
              EventFacts("p1", "fall", D(2026, 3, 1))]
    r = run(IndicatorInput(cases=cases, stays=stays, events=events))
    assert r.patients_followed == 2
    assert (r.admissions_before, r.admissions_since) == (2, 2)
    assert (r.emergency_before, r.emergency_since) == (1, 2)
    py_before = 730 / 365.25
    py_since = (90 + 29) / 365.25
    assert r.patient_years_before == round(py_before, 2)
    assert r.patient_years_since == round(py_since, 2)
    assert r.admissions_per_py_before == round(2 / py_before, 2)  # 1.0
    assert r.admissions_per_py_since == round(2 / py_since, 2)  # 6.14
    assert r.emergency_per_py_before == 0.5
    assert r.emergency_per_py_since == 6.14
    # s4: 30 days after s3's discharge (inclusive) → a readmission; s3 is 23 days after s2 → too
    assert (r.admissions_in_period, r.readmissions_30d) == (2, 2)
    assert r.readmission_rate == 1.0


def test_readmission_counts_only_within_30_days() -> None:
    cases = [CaseFacts("c1", "p1", opened_on=D(2025, 1, 1))]
    stays = [StayFacts("a", "p1", "admission", D(2026, 1, 2), D(2026, 1, 5)),
             StayFacts("b", "p1", "admission", D(2026, 2, 5), D(2026, 2, 6)),  # 31 days
             StayFacts("c", "p1", "admission", D(2026, 3, 8), D(2026, 3, 9))]  # 30 days
    r = run(IndicatorInput(cases=cases, stays=stays))
    assert (r.admissions_in_period, r.readmissions_30d, r.readmission_rate) == (3, 1, 0.33)


def test_stability_events_per_patient_month() -> None:
    # p1 followed all Q1 (90 days), p2 from 2026-03-02 (30 days): 120 days = 3.94 months
    cases = [CaseFacts("c1", "p1", opened_on=D(2025, 1, 1)),
             CaseFacts("c2", "p2", opened_on=D(2026, 3, 2))]
    events = [EventFacts("p1", "fall", D(2026, 1, 3)),
              EventFacts("p1", "fall", D(2026, 2, 3)),
              EventFacts("p1", "crisis_call", D(2026, 3, 31)),
              EventFacts("p2", "fall", D(2026, 3, 1)),  # before p2's inclusion
              EventFacts("p2", "not_eating", D(2026, 3, 2)),
              EventFacts("p1", "fall", D(2026, 4, 1)),  # after the period
              EventFacts("p3", "fall", D(2026, 2, 1))]  # not followed
    r = run(IndicatorInput(cases=cases, events=events))
    months = 120 / (365.25 / 12)
    assert r.stability_events == 4
    assert r.stability_by_kind == {"crisis_call": 1, "fall": 2, "not_eating": 1}
    assert r.patient_months == round(months, 2)
    assert r.stability_per_patient_month == round(4 / months, 2)  # 1.01


def test_goals_set_and_attained() -> None:
    goals = [GoalFacts("g1", "p1", D(2026, 1, 5), 0, D(2026, 3, 1)),
             GoalFacts("g2", "p1", D(2026, 1, 5), -1, D(2026, 3, 1)),
             GoalFacts("g3", "p2", D(2025, 10, 1), 2, D(2026, 2, 1)),
             GoalFacts("g4", "p2", D(2026, 2, 1)),  # set, not reviewed yet
             GoalFacts("g5", "p2", D(2025, 1, 1), -2, D(2025, 6, 1))]  # reviewed before
    r = run(IndicatorInput(goals=goals))
    assert r.goals_set == 3
    assert (r.goals_reviewed, r.goals_attained) == (3, 2)
    assert r.attainment_mean == 0.33
    assert r.attainment_counts == {"-2": 0, "-1": 1, "0": 1, "+1": 0, "+2": 1}


def test_uncovered_needs_by_need_and_town() -> None:
    cases = [CaseFacts(f"c{i}", f"p{i}", opened_on=D(2026, 1, 1)) for i in range(1, 4)]
    needs = [NeedFacts("p1", "health", "unmet", "Namur"),
             NeedFacts("p2", "health", "unmet", "Namur"),
             NeedFacts("p3", "health", "unmet", "Jambes"),
             NeedFacts("p3", "carer_strain", "unmet", None),
             NeedFacts("p1", "housing", "partly_met", "Namur"),  # partly covered
             NeedFacts("p1", "health", "unmet", "Namur"),  # counted once
             NeedFacts("p9", "health", "unmet", "Namur")]  # not in the caseload
    r = run(IndicatorInput(cases=cases, needs=needs))
    assert r.uncovered_needs == {"carer_strain": {"": 1}, "health": {"Jambes": 1, "Namur": 2}}


def test_relevance_reviews_on_time() -> None:
    reviews = [ReviewFacts("c1", D(2026, 1, 10), D(2026, 1, 10)),  # on time (the day itself)
               ReviewFacts("c2", D(2026, 2, 1), D(2026, 1, 20)),  # early: on time
               ReviewFacts("c3", D(2026, 2, 1), D(2026, 2, 15)),  # late
               ReviewFacts("c4", D(2026, 3, 1)),  # not done
               ReviewFacts("c5", D(2026, 4, 2)),  # due after the period
               ReviewFacts("c6", D(2025, 12, 31), D(2026, 1, 2))]  # due before the period
    r = run(IndicatorInput(reviews=reviews))
    assert (r.reviews_due, r.reviews_on_time, r.reviews_late, r.reviews_missing) == (4, 2, 1, 1)
    # not due yet on the day the indicators are computed: not counted
    r = run(IndicatorInput(reviews=reviews), today=D(2026, 2, 20))
    assert (r.reviews_due, r.reviews_on_time, r.reviews_late, r.reviews_missing) == (3, 2, 1, 0)


def test_experience_and_carer_burden() -> None:
    rows = [ExperienceFacts("p1", "patient_experience", D(2026, 1, 5), 80.0),
            ExperienceFacts("p2", "patient_experience", D(2026, 2, 5), 65.0),
            ExperienceFacts("p3", "patient_experience", D(2025, 2, 5), 10.0),  # outside
            ExperienceFacts("p1", "zarit_12", D(2026, 1, 5), 20),
            ExperienceFacts("p2", "zarit_12", D(2026, 3, 5), 11),
            ExperienceFacts("p2", "katz_be", D(2026, 3, 5), 11)]  # not a burden instrument
    r = run(IndicatorInput(questionnaires=rows))
    assert (r.experience_count, r.experience_mean) == (2, 72.5)
    assert r.burden == {"zarit_12": {"count": 2, "mean": 15.5}}


def test_empty_records_give_zeros_and_no_rates() -> None:
    r = run(IndicatorInput())
    assert r.requests_received == 0 and r.first_contact_median_days is None
    assert r.admissions_per_py_since is None and r.stability_per_patient_month is None
    assert r.to_dict()["start"] == "2026-01-01"


def test_period_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        I.compute(Period(D(2026, 2, 1), D(2026, 1, 1)), IndicatorInput(), TODAY)
    assert exc.value.code == "period.end_before_start"


@pytest.mark.parametrize("raw,expected", [(-2, -2), ("+1", 1), ("\u22121", -1), ("0", 0), (2, 2)])
def test_attainment_accepted(raw: object, expected: int) -> None:
    assert I.validate_attainment(raw) == expected


@pytest.mark.parametrize("raw", [3, -3, "x", "", None, True, "1.5"])
def test_attainment_refused(raw: object) -> None:
    with pytest.raises(ValidationError) as exc:
        I.validate_attainment(raw)
    assert exc.value.code == "goal.attainment_invalid"


days = st.integers(min_value=0, max_value=500).map(lambda n: D(2025, 6, 1) + dt.timedelta(n))


@given(st.lists(st.tuples(days, st.sampled_from(["accepted", "redirected", "waiting", None]),
                          st.integers(0, 40)), max_size=30))
def test_request_counts_add_up(rows: list[tuple[dt.date, str | None, int]]) -> None:
    cases = [CaseFacts(f"c{i}", f"p{i}", request_date=d, intake_outcome=o,
                       first_contact_on=d + dt.timedelta(k))
             for i, (d, o, k) in enumerate(rows)]
    r = run(IndicatorInput(cases=cases))
    assert r.requests_received == (r.requests_accepted + r.requests_redirected
                                   + r.requests_waiting + r.requests_undecided)
    assert r.first_contact_count == r.requests_received
    if r.first_contact_median_days is not None:
        assert 0 <= r.first_contact_median_days <= 40


@given(st.lists(st.tuples(days, st.integers(0, 400) | st.none(),
                          st.sampled_from(["case_management", None])), max_size=30))
def test_caseload_split_adds_up(rows: list[tuple[dt.date, int | None, str | None]]) -> None:
    cases = [CaseFacts(f"c{i}", f"p{i}", opened_on=d, tier=t,
                       closed_on=None if n is None else d + dt.timedelta(n))
             for i, (d, n, t) in enumerate(rows)]
    r = run(IndicatorInput(cases=cases))
    assert sum(r.caseload_by_manager.values()) == r.active_cases
    assert sum(r.caseload_by_tier.values()) == r.active_cases
    assert 0 <= r.patient_months <= len(rows) * Q1.days / (365.25 / 12) + 0.01
