"""Intake outcome, access delays, Today's lists and triage by complexity on real vaults
(issue 18 items 1–2)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.contacts import ContactFields
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.services import assessments as A
from desktop.services import cases, preferences, today, triage
from desktop.services.cases import RequestFields
from desktop.services.contacts import add_contact
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from desktop.services.stays import add_stay
from desktop.storage.models import AuditEvent, Case, OutboxOp
from tests.conftest import TODAY
from tests.unit.test_instrument_scoring import grid


def _patient(ctx: AppContext, birth: str = "1971-05-04", **kw: object) -> str:
    return add_patient(ctx, PatientFields(family_name="Martin", given_name="Luc",
                                          birth_date=birth, **kw))  # type: ignore[arg-type]


def _case(ctx: AppContext, pid: str, request_date: str = "2026-11-10") -> str:
    return cases.open_case(ctx, pid, RequestFields(
        requester_type="cpas", request_reason="Expulsion annoncée", request_date=request_date),
        opened_on=request_date)


def _service(ctx: AppContext) -> str:
    return add_contact(ctx, ContactFields(kind="mental_health", is_organisation=True,
                                          organisation="SSM Namur"))


def _audit(ctx: AppContext, action: str) -> list[dict]:  # type: ignore[type-arg]
    return ctx.read(lambda s: [e.detail for e in s.execute(
        select(AuditEvent).where(AuditEvent.action == action)).scalars()])


def _outbox_fields(ctx: AppContext, record_id: str) -> set[str]:
    rows = ctx.read(lambda s: list(s.execute(
        select(OutboxOp).where(OutboxOp.record_id == record_id)).scalars()))
    return {k for r in rows for k in (r.fields or {})}


# ---- intake -------------------------------------------------------------------------------
def test_redirected_to_a_directory_service_synced_and_audited(ctx: AppContext) -> None:
    pid = _patient(ctx)
    cid = _case(ctx, pid)
    ssm = _service(ctx)
    cases.record_intake(ctx, cid, "redirected", to_contact_id=ssm,
                        reason="Suivi psychiatrique prioritaire", on="2026-11-12")
    v = cases.get_case(ctx, cid)
    assert (v.intake_outcome, v.redirected_to_contact_id, v.intake_outcome_on) == (
        "redirected", ssm, dt.date(2026, 11, 12))
    assert v.intake_reason == "Suivi psychiatrique prioritaire"
    assert {"intake_outcome", "redirected_to_contact_id", "intake_reason"} <= _outbox_fields(
        ctx, cid)
    details = _audit(ctx, "intake")
    assert details == [{"outcome": "redirected", "to_contact": ssm}]  # codes, never the reason


def test_bad_intake_changes_nothing(ctx: AppContext) -> None:
    pid = _patient(ctx)
    cid = _case(ctx, pid)
    relative = add_contact(ctx, ContactFields(kind="family", family_name="Martin",
                                              given_name="Julie"), owner_patient_id=pid)
    for kw, code in (({"outcome": "redirected", "reason": "x"}, "intake.redirect_target_required"),
                     ({"outcome": "redirected", "to_contact_id": relative, "reason": "x"},
                      "intake.contact_not_service"),
                     ({"outcome": "redirected", "reason": "x",
                       "to_contact_id": "01890000-0000-7000-8000-000000000009"},
                      "intake.contact_not_found"),
                     ({"outcome": "accepted", "on": "2026-11-01"}, "intake.before_request")):
        with pytest.raises(ValidationError) as info:
            cases.record_intake(ctx, cid, kw.pop("outcome"), **kw)  # type: ignore[arg-type]
        assert info.value.code == code
    assert cases.get_case(ctx, cid).intake_outcome is None
    assert _audit(ctx, "intake") == []


def test_first_contact_and_home_visit_from_the_visits(ctx: AppContext) -> None:
    from desktop.services import visits

    pid = _patient(ctx)
    cid = _case(ctx, pid)
    assert cases.get_case(ctx, cid).first_contact_on is None
    visits.record_visit(ctx, case_id=cid, kind="phone", start="2026-11-12T10:00")
    visits.record_visit(ctx, case_id=cid, kind="home_visit", start="2026-11-17T14:00")
    v = cases.get_case(ctx, cid)
    assert (v.first_contact_on, v.days_to_first_contact) == (dt.date(2026, 11, 12), 2)
    assert (v.first_home_visit_on, v.days_to_first_home_visit) == (dt.date(2026, 11, 17), 7)
    # an earlier contact not recorded as a visit (met at the GP's office) can be recorded
    cases.record_first_dates(ctx, cid, first_contact="2026-11-11")
    assert cases.get_case(ctx, cid).days_to_first_contact == 1
    with pytest.raises(ValidationError):
        cases.record_first_dates(ctx, cid, first_home_visit="2026-11-24")


def test_today_lists_waiting_list_and_requests_without_first_contact(ctx: AppContext) -> None:
    from desktop.services import visits

    waiting = _case(ctx, _patient(ctx), "2026-11-20")
    cases.record_intake(ctx, waiting, "waiting", on="2026-11-21")
    silent = _case(ctx, add_patient(ctx, PatientFields(family_name="Peeters", given_name="An")),
                   "2026-11-13")
    fresh = _case(ctx, add_patient(ctx, PatientFields(family_name="Dubois", given_name="Jo")),
                  "2026-11-20")
    called = _case(ctx, add_patient(ctx, PatientFields(family_name="Claes", given_name="Eva")),
                   "2026-11-01")
    visits.record_visit(ctx, case_id=called, kind="phone", start="2026-11-03T09:00")
    data = today.today_data(ctx)
    assert [i.record_id for i in data.waiting_list] == [waiting]
    assert data.waiting_list[0].at == dt.datetime(2026, 11, 21)
    assert [i.record_id for i in data.awaiting_contact] == [silent]  # 10 days ≥ 7
    assert fresh not in [i.record_id for i in data.awaiting_contact]
    assert "waiting_list" in data.sections and "awaiting_contact" in data.sections
    # the setting: 3 days catches the fresh request too
    preferences.update(ctx, {preferences.FIRST_CONTACT_KEY: "3"})
    data = today.today_data(ctx)
    assert {i.record_id for i in data.awaiting_contact} == {silent, fresh, waiting}
    assert data.first_contact_days == 3
    with pytest.raises(ValidationError) as info:
        preferences.update(ctx, {preferences.FIRST_CONTACT_KEY: "0"})
    assert info.value.code == "settings.days_range"
    assert preferences.no_first_contact_days(ctx) == 3


# ---- triage -------------------------------------------------------------------------------
def test_55_year_old_eviction_refusing_care_case_management_on_a_vault(ctx: AppContext) -> None:
    pid = _patient(ctx, birth="1971-05-04")  # 55, no BIM, MAF, chronic status
    cid = _case(ctx, pid)
    before = triage.suggestion(ctx, pid)
    assert before.level == "self_management" and before.reasons[0].code == "grid_missing"
    triage.set_crisis_triggers(ctx, cid, ["housing_loss", "care_refusal_danger"])
    v = triage.view_suggestion(ctx, pid)
    assert v.level == "case_management" and v.number == 3
    assert [dict(r.params).get("trigger") for r in v.reasons if r.code == "crisis"] == [
        "housing_loss", "care_refusal_danger"]
    assert v.crisis_noted_on == TODAY and v.context == ()
    tier_suggested = ctx.read(lambda s: s.get(Case, cid).tier_suggested)  # type: ignore[union-attr]
    assert tier_suggested == "case_management"
    assert {"crisis_triggers", "crisis_noted_on"} <= _outbox_fields(ctx, cid)
    assert _audit(ctx, "crisis") == [{"triggers": ["housing_loss", "care_refusal_danger"]}]
    with pytest.raises(ValidationError) as info:
        triage.set_crisis_triggers(ctx, cid, ["bored"])
    assert info.value.code == "triage.trigger_invalid"
    triage.set_crisis_triggers(ctx, cid, [])
    assert triage.suggestion(ctx, pid).level == "self_management"


def test_old_bim_maf_patient_is_context_not_level(ctx: AppContext) -> None:
    pid = _patient(ctx, birth="1940-01-01", bim=True, maf=True, chronic_status=True)
    _case(ctx, pid)
    A.record_completed(ctx, pid, "complexity_grid", grid(8))
    v = triage.suggestion(ctx, pid)
    assert v.level == "self_management" and v.grid_total == 8
    assert set(v.context) == {"chronic_status", "maf", "bim", "age_over_75"}


def test_grid_above_20_suggests_case_management_and_decision_keeps_it(ctx: AppContext) -> None:
    pid = _patient(ctx)
    cid = _case(ctx, pid)
    A.record_completed(ctx, pid, "complexity_grid", grid(24))
    from tests.unit.test_assessments_service import triage_answers

    tri = A.record_completed(ctx, pid, "triage", triage_answers(0, 0))
    assert triage.suggestion(ctx, pid).level == "case_management"
    decided = A.decide_tier(ctx, tri.id, "case_management")
    assert decided.decision["suggested"] == "case_management"
    assert not decided.decision["overridden"]
    assert cases.get_case(ctx, cid).complexity_tier == "case_management"


def test_frequent_admissions_flag_fires_above_three(ctx: AppContext) -> None:
    pid = _patient(ctx)
    for day in ("2026-01-10", "2026-04-01", "2026-09-15"):
        add_stay(ctx, pid, kind="admission", admitted_on=day)
    assert "admissions_over_3" not in triage.suggestion(ctx, pid).context
    assert A.triage_prefill(ctx, pid)["admissions_3plus"] is False
    add_stay(ctx, pid, kind="admission", admitted_on="2026-10-20")
    assert "admissions_over_3" in triage.suggestion(ctx, pid).context
    assert A.triage_prefill(ctx, pid)["admissions_3plus"] is True
    assert triage.suggestion(ctx, pid).level == "self_management"  # context only


def test_crisis_on_a_closed_case_refused(ctx: AppContext) -> None:
    pid = _patient(ctx)
    cid = _case(ctx, pid)
    cases.close_case(ctx, cid, "moved", "2026-11-20")
    with pytest.raises(RuleViolation):
        triage.set_crisis_triggers(ctx, cid, ["housing_loss"])
