"""Assessment responses on a real vault: drafts, completion, immutability, corrections,
history and comparison, triage suggestion and decision, unmet needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.case_lifecycle import RequestFields
from desktop.domain.errors import NotFound, RuleViolation, ValidationError, ValidationErrors
from desktop.services import assessments as A
from desktop.services.cases import get_case, open_case
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from desktop.services.stays import add_stay
from desktop.storage.models import AssessmentResponse, AuditEvent, Case

KATZ_B = {"washing": 3, "dressing": 3, "transfer": 3, "toileting": 3, "continence": 3,
          "eating": 1, "orientation_time": 1, "orientation_space": 1}


@pytest.fixture
def patient(ctx: AppContext) -> str:
    return add_patient(ctx, PatientFields(family_name="Dupont", given_name="Marie",
                                          birth_date="1944-03-02", bim=True, maf=True))


def count_rows(ctx: AppContext) -> int:
    return ctx.read(lambda s: len(s.execute(select(AssessmentResponse.id)).all()))


def test_draft_autosave_then_complete(ctx: AppContext, patient: str) -> None:
    draft = A.save_draft(ctx, patient, "katz_be", {"washing": 3})
    assert draft.status == "draft" and draft.scores["complete"] is False
    again = A.save_draft(ctx, patient, "katz_be", {**KATZ_B, "eating": None},
                         response_id=draft.id)
    assert again.id == draft.id and "eating" not in again.answers
    assert A.drafts(ctx, patient, "katz_be")[0].id == draft.id
    with pytest.raises(ValidationErrors) as info:
        A.complete(ctx, draft.id)
    assert [e.field for e in info.value.errors] == ["eating"]
    done = A.complete(ctx, draft.id, answers=KATZ_B)
    assert done.status == "completed" and done.assessed_on == dt.date(2026, 11, 23)
    assert done.derived_code("forfait") == "B" and done.derived_code("category") == "C"
    assert A.drafts(ctx, patient) == []


def test_completed_response_is_immutable(ctx: AppContext, patient: str) -> None:
    done = A.record_completed(ctx, patient, "katz_be", KATZ_B)
    with pytest.raises(RuleViolation) as info:
        A.save_draft(ctx, patient, "katz_be", {**KATZ_B, "washing": 4}, response_id=done.id)
    assert info.value.code == "assessment.completed_immutable"
    with pytest.raises(RuleViolation):
        A.complete(ctx, done.id)
    with pytest.raises(RuleViolation):
        A.discard_draft(ctx, done.id)
    assert A.get_assessment(ctx, done.id).answers == KATZ_B


def test_correction_supersedes_and_keeps_the_old_one(ctx: AppContext, patient: str) -> None:
    old = A.record_completed(ctx, patient, "katz_be", KATZ_B, assessed_on="2026-10-01")
    fix = A.start_correction(ctx, old.id)
    assert fix.supersedes_id == old.id and fix.answers == KATZ_B
    assert A.start_correction(ctx, old.id).id == fix.id  # one open correction at a time
    fix = A.save_draft(ctx, patient, "katz_be", {**KATZ_B, "eating": 3}, response_id=fix.id)
    new = A.complete(ctx, fix.id)
    assert new.assessed_on == dt.date(2026, 10, 1)
    rows = A.history(ctx, patient, "katz_be")
    assert [r.id for r in rows] == [old.id, new.id]
    assert rows[0].superseded_by == new.id and rows[0].answers == KATZ_B
    assert [r.id for r in A.history(ctx, patient, "katz_be", include_superseded=False)] == [new.id]
    with pytest.raises(RuleViolation) as info:
        A.start_correction(ctx, old.id)
    assert info.value.code == "assessment.already_superseded"


def test_history_trend_and_compare(ctx: AppContext, patient: str) -> None:
    a = A.record_completed(ctx, patient, "katz_be", KATZ_B, assessed_on="2026-05-01")
    worse = {**KATZ_B, "eating": 3, "orientation_time": 3, "orientation_space": 3}
    b = A.record_completed(ctx, patient, "katz_be", worse, assessed_on="2026-11-01")
    points = A.trend(ctx, patient, "katz_be")
    assert [(p.on, p.code) for p in points] == [(dt.date(2026, 5, 1), "C"),
                                                (dt.date(2026, 11, 1), "Cd")]
    assert points[1].value > points[0].value and points[0].maximum == 5
    cmp = A.compare(ctx, a.id, b.id)
    changed = {r.key for r in cmp.rows if r.changed}
    assert changed == {"eating", "orientation_time", "orientation_space", "category"}
    lawton = A.record_completed(ctx, patient, "lawton_iadl", {
        "telephone": 1, "shopping": 1, "food_preparation": 1, "housekeeping": 1,
        "laundry": 1, "transport": 1, "medication": 1, "finances": 1})
    assert A.trend(ctx, patient, "lawton_iadl")[0].value == 8
    with pytest.raises(ValidationError):
        A.compare(ctx, a.id, lawton.id)


def test_bad_input_changes_nothing(ctx: AppContext, patient: str) -> None:
    before = count_rows(ctx)
    with pytest.raises(ValidationErrors):
        A.record_completed(ctx, patient, "katz_be", {**KATZ_B, "washing": "3"})
    with pytest.raises(NotFound):
        A.record_completed(ctx, patient, "mmse", KATZ_B)
    with pytest.raises(ValidationError):
        A.record_completed(ctx, patient, "katz_be", ["not", "a", "dict"])
    with pytest.raises(ValidationError):
        A.record_completed(ctx, patient, "katz_be", KATZ_B, assessed_on="2027-01-01")
    with pytest.raises(NotFound):
        A.record_completed(ctx, "01890000-0000-7000-8000-000000000000", "katz_be", KATZ_B)
    assert count_rows(ctx) == before


def test_band_set_choice_is_stored(ctx: AppContext, patient: str) -> None:
    answers: dict[str, Any] = {"clock": 2, "admissions": 2, "health_rating": "poor",
                               "iadl_help": 0, "can_count_on": "always", "meds_5plus": False,
                               "forgets_meds": False, "weight_loss": False, "often_sad": False,
                               "incontinence": False, "timed_up_and_go": "up_to_10s"}
    v = A.record_completed(ctx, patient, "edmonton_frail", answers,
                           options={"band_sets": {"total": "alternative"}})
    assert v.score_value("total") == 6 and v.band("total") == "vulnerable"
    assert v.options["band_sets"] == {"total": "alternative"}


def triage_answers(flags: int, risks: int) -> dict[str, bool]:
    from tests.unit.test_instrument_scoring import FLAG_IDS, RISK_IDS

    out = {f: i < flags for i, f in enumerate(FLAG_IDS)}
    out.update({r: i < risks for i, r in enumerate(RISK_IDS)})
    return out


def test_triage_suggestion_and_override_both_kept(ctx: AppContext, patient: str) -> None:
    from tests.unit.test_instrument_scoring import grid

    case_id = open_case(ctx, patient, RequestFields(requester_type="gp", request_reason="x"))
    A.record_completed(ctx, patient, "complexity_grid", grid(24))  # complex: case management
    v = A.record_completed(ctx, patient, "triage", triage_answers(3, 2))
    assert v.case_id == case_id and v.derived_code("tier") == "care_coordination"
    assert get_case(ctx, case_id).complexity_tier is None
    with pytest.raises(ValidationError) as info:
        A.decide_tier(ctx, v.id, "care_coordination")
    assert info.value.code == "assessment.reason_required"
    decided = A.decide_tier(ctx, v.id, "care_coordination", reason="Famille très présente")
    assert decided.decision["suggested"] == "case_management"
    assert decided.decision["tier"] == "care_coordination" and decided.decision["overridden"]
    case = get_case(ctx, case_id)
    assert case.complexity_tier == "care_coordination"
    tier_suggested = ctx.read(lambda s: s.execute(
        select(Case.tier_suggested).where(Case.id == case_id)).scalar_one())
    assert tier_suggested == "case_management"
    with pytest.raises(RuleViolation):
        A.decide_tier(ctx, v.id, "case_management")
    # audit details hold codes only, never the free-text reason
    details = ctx.read(lambda s: [e.detail for e in s.execute(select(AuditEvent)).scalars()])
    assert not any("Famille" in str(d) for d in details)


def test_triage_confirm_without_reason(ctx: AppContext, patient: str) -> None:
    open_case(ctx, patient, RequestFields(requester_type="gp", request_reason="x"))
    v = A.record_completed(ctx, patient, "triage", triage_answers(1, 0))
    d = A.decide_tier(ctx, v.id, "self_management")
    assert d.decision["overridden"] is False and d.decision["reason"] is None


def test_triage_prefill_from_the_record(ctx: AppContext, patient: str) -> None:
    for day in ("2026-01-10", "2026-04-01", "2026-09-15"):
        add_stay(ctx, patient, kind="admission", admitted_on=day)
    flags = A.triage_prefill(ctx, patient)
    # three admissions: not yet frequent (more than three a year, issue 18)
    assert flags == {"chronic_status": False, "maf": True, "bim": True, "age_over_75": True,
                     "admissions_3plus": False}
    add_stay(ctx, patient, kind="admission", admitted_on="2026-10-01")
    assert A.triage_prefill(ctx, patient)["admissions_3plus"] is True


def test_unmet_needs_from_latest_checklist(ctx: AppContext, patient: str) -> None:
    assert A.unmet_needs(ctx, patient) == []
    domains = ("health", "daily_functioning", "cognition_mood", "carer_strain",
               "social_network", "housing_safety", "money_rights", "administration")
    answers: dict[str, Any] = {f"{d}_status": "met" for d in domains}
    answers.update({"carer_strain_status": "unmet", "carer_strain_description": "Fille épuisée",
                    "money_rights_status": "partly_met"})
    A.record_completed(ctx, patient, "needs_checklist", answers, assessed_on="2026-06-01")
    needs = A.unmet_needs(ctx, patient)
    assert [(n.domain, n.status, n.description) for n in needs] == [
        ("carer_strain", "unmet", "Fille épuisée"), ("money_rights", "partly_met", None)]


def test_views_are_audited(ctx: AppContext, patient: str) -> None:
    v = A.record_completed(ctx, patient, "katz_be", KATZ_B)
    A.get_assessment(ctx, v.id, purpose="dossier")
    actions = ctx.read(lambda s: [e.action for e in s.execute(
        select(AuditEvent).where(AuditEvent.record_id == v.id)).scalars()])
    assert "complete" in actions and "view" in actions
