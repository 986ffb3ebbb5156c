"""Indicators of my caseload on a real vault (issue 20): the records become the domain's facts;
goal attainment at the plan review; the patients' experience questionnaire; `relais indicators`."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.errors import RuleViolation, ValidationError
from desktop.services import (
    assessments,
    care_plans,
    cases,
    gdpr,
    indicators,
    stability,
    stays,
)
from desktop.services.cases import RequestFields
from desktop.services.context import AppContext
from desktop.storage.models import AuditEvent, Goal
from tests.unit.plan_scenario import TODAY, build_plan, make_patient, make_scenario

D = dt.date
EXPERIENCE = {"listened": 3, "what_matters": 3, "who_to_call": 3, "told_once": 2,
              "help_on_time": 3, "safe_at_home": 3}  # 17 of 18


def _caseload(ctx: AppContext) -> dict[str, str]:
    sc = make_scenario(ctx)  # Jambes; needs: daily_functioning and carer_strain unmet
    case_id = cases.open_case(ctx, sc.patient_id, RequestFields(
        requester_type="gp", request_date=D(2026, 3, 1), request_reason="Chutes"),
        opened_on=D(2026, 3, 5), tier="case_management", status="active")
    cases.record_intake(ctx, case_id, "accepted", on=D(2026, 3, 4))
    cases.record_first_dates(ctx, case_id, first_contact=D(2026, 3, 3))
    # relevance review due 2026-06-05, done 2026-06-01; the next one (2026-09-01) not done
    cases.record_relevance_review(ctx, case_id, on=D(2026, 6, 1))
    stays.add_stay(ctx, sc.patient_id, admitted_on=D(2026, 1, 10), discharged_on=D(2026, 1, 15))
    stays.add_stay(ctx, sc.patient_id, admitted_on=D(2026, 6, 1), discharged_on=D(2026, 6, 5))
    stays.add_stay(ctx, sc.patient_id, admitted_on=D(2026, 6, 20), discharged_on=D(2026, 6, 22))
    stability.add_event(ctx, sc.patient_id, "fall", occurred_on=D(2026, 7, 1))
    stability.add_event(ctx, sc.patient_id, "emergency_visit", occurred_on=D(2026, 8, 1))
    plan_id = build_plan(ctx, sc, agree=True)
    assessments.record_completed(ctx, sc.patient_id, "patient_experience", EXPERIENCE,
                                 assessed_on=D(2026, 11, 1))
    # a restricted patient counts nowhere
    other = make_patient(ctx, family="Masson", given="Jules")
    cases.open_case(ctx, other, RequestFields(requester_type="patient", request_reason="Aide",
                                              request_date=D(2026, 2, 1)),
                    opened_on=D(2026, 2, 2))
    stability.add_event(ctx, other, "fall", occurred_on=D(2026, 7, 1))
    gdpr.restrict(ctx, other, "contestation")
    return {"patient": sc.patient_id, "case": case_id, "plan": plan_id}


def test_indicators_of_a_caseload(ctx: AppContext) -> None:
    ids = _caseload(ctx)
    goals = care_plans.get_plan(ctx, ids["plan"]).goals
    care_plans.review_goal(ctx, goals[0].id, "+1")
    care_plans.review_goal(ctx, goals[1].id, -1)
    r = indicators.indicators(ctx)  # the last twelve months
    assert (r.start, r.end) == (D(2025, 11, 24), TODAY)
    assert (r.requests_received, r.requests_accepted) == (1, 1)
    assert (r.first_contact_count, r.first_contact_median_days) == (1, 2.0)
    assert r.active_cases == 1
    assert r.caseload_by_manager == {"Anne Lambert": 1}  # the case manager who opened it
    assert r.caseload_by_tier == {"case_management": 1}
    # inclusion 2026-03-05: one admission in the year before, two since, one a readmission
    assert (r.patients_followed, r.admissions_before, r.admissions_since) == (1, 1, 2)
    assert (r.emergency_before, r.emergency_since) == (0, 1)
    assert (r.admissions_in_period, r.readmissions_30d) == (2, 1)
    # 2026-03-05 .. 2026-11-23: 264 days
    assert r.patient_years_since == round(264 / 365.25, 2)
    assert r.stability_events == 2
    assert r.stability_per_patient_month == round(2 / (264 / (365.25 / 12)), 2)
    assert (r.goals_set, r.goals_reviewed, r.goals_attained) == (3, 2, 1)
    assert r.attainment_counts["+1"] == 1 and r.attainment_counts["-1"] == 1
    assert r.uncovered_needs == {"carer_strain": {"Jambes": 1},
                                 "daily_functioning": {"Jambes": 1}}
    assert (r.reviews_due, r.reviews_on_time, r.reviews_missing) == (2, 1, 1)
    assert (r.experience_count, r.experience_mean) == (1, 17.0)
    # a period before anything happened
    early = indicators.indicators(ctx, "2025-01-01", "2025-12-31")
    assert early.requests_received == 0 and early.patients_followed == 0


def test_goal_review_rules(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    draft = build_plan(ctx, sc)
    goal = care_plans.get_plan(ctx, draft).goals[0].id
    with pytest.raises(RuleViolation) as refused:
        care_plans.review_goal(ctx, goal, 0)
    assert refused.value.code == "goal.attainment_draft"
    care_plans.agree_plan(ctx, draft, "Élise")
    for bad in (3, "beaucoup", None):
        with pytest.raises(ValidationError) as exc:
            care_plans.review_goal(ctx, goal, bad)
        assert exc.value.code == "goal.attainment_invalid"
    with pytest.raises(ValidationError):
        care_plans.review_goal(ctx, goal, 1, on=TODAY + dt.timedelta(days=1))
    assert care_plans.review_goal(ctx, goal, 2) == 2
    row = ctx.read(lambda s: s.get(Goal, goal))
    assert (row.attainment, row.attainment_on) == (2, TODAY)
    audit = ctx.read(lambda s: s.scalars(select(AuditEvent.action).where(
        AuditEvent.record_id == goal)).all())
    assert "goal_review" in audit


def test_period_input_refused(ctx: AppContext) -> None:
    with pytest.raises(ValidationError) as exc:
        indicators.indicators(ctx, "2026-05-01", "2026-04-01")
    assert exc.value.code == "period.end_before_start"
    with pytest.raises(ValidationError) as exc:
        indicators.indicators(ctx, None, TODAY + dt.timedelta(days=1))
    assert exc.value.code == "date.future"
    with pytest.raises(ValidationError):
        indicators.indicators(ctx, "31/02/2026", None)


@pytest.fixture
def instrument_folder(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A copy of the shipped instruments the app reads instead (to damage it)."""
    import shutil

    from desktop.services import instruments

    folder = tmp_path / "instruments"
    shutil.copytree(instruments.instruments_dir(), folder)
    monkeypatch.setenv("RELAIS_INSTRUMENTS_DIR", str(folder))
    monkeypatch.setenv("RELAIS_CACHE_DIR", str(tmp_path / "cache"))
    instruments.shipped.cache_clear()
    yield folder
    instruments.shipped.cache_clear()


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_titles_name_every_need_and_burden_instrument(lang: str) -> None:
    from desktop.domain.indicators import BURDEN_INSTRUMENTS
    from desktop.services.assessments import NEEDS_ID
    from desktop.services.instruments import get_definition

    titles = indicators.titles(lang)
    sections = get_definition(None, NEEDS_ID).sections
    assert set(titles.needs) == {s.id for s in sections}
    assert all(titles.needs[s.id] == s.title[lang] for s in sections)
    assert set(titles.instruments) == set(BURDEN_INSTRUMENTS)
    assert all(title and title != code for code, title in titles.instruments.items())


def test_titles_say_a_missing_instrument_instead_of_hiding_it(instrument_folder) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.errors import NotFound

    (instrument_folder / "zarit_12.json").unlink()
    with pytest.raises(NotFound) as exc:
        indicators.titles("fr")
    assert exc.value.code == "instrument.unknown" and exc.value.params["id"] == "zarit_12"
