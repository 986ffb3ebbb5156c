"""Hospital transitions, the stability log and concertation funders on real vaults (issue 18)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.services import care_plans, concertations, preferences, stability, stays, today
from desktop.services.context import AppContext
from desktop.services.patient_data import patient_tables
from desktop.storage.models import Action, AuditEvent, OutboxOp, StabilityEvent
from tests.unit.plan_scenario import TODAY, build_plan, make_scenario

# TODAY (2026-11-23) is a Monday


def _actions(ctx: AppContext, plan_id: str) -> dict[str, bool]:
    return {a.what: a.on_hold for a in care_plans.get_plan(ctx, plan_id).actions}


def test_admission_holds_home_actions_and_discharge_releases_them(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc, agree=True)
    before = _actions(ctx, plan_id)
    assert not any(before.values())
    sid = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=5),
                         hospital="CHU UCL Namur")
    held = _actions(ctx, plan_id)
    plan = care_plans.get_plan(ctx, plan_id)
    for a in plan.actions:  # the providers' and the patient's actions stop, not the CM's
        assert held[a.what] == (a.responsible_kind in ("contact", "patient")
                                and a.status in ("planned", "ongoing")), a
    assert any(held.values())
    # who to tell: the ecosystem, GP first, with each person's actions on hold
    people = stays.people_to_tell(ctx, sc.patient_id, sid)
    assert people[0].contact_id == sc.gp
    nurse = next(p for p in people if p.contact_id == sc.nurse)
    assert nurse.actions == ["Aide à la toilette"] and nurse.phone == "0475 11 22 33"
    # each held action is an audited, synced edit
    ops = ctx.read(lambda s: s.scalars(select(OutboxOp).where(
        OutboxOp.table_name == "plan_action")).all())
    assert any(o.fields.get("on_hold_stay_id") == sid for o in ops)

    result = stays.discharge_stay(ctx, sid, TODAY - dt.timedelta(days=3))  # a Friday
    assert result.follow_up_due == dt.date(2026, 11, 24)  # Friday + 2 working days = Tuesday
    assert result.released_actions == sum(held.values())
    assert result.reassess == ["katz_be", "complexity_grid"]
    assert not any(_actions(ctx, plan_id).values())
    assert result.stay.checklist == {i: None for i in
                                     ("letter_received", "medication_reconciled",
                                      "services_restarted", "gp_informed", "aids_in_place")}
    with pytest.raises(RuleViolation) as info:
        stays.discharge_stay(ctx, sid, TODAY)
    assert info.value.code == "stay.already_discharged"
    audit = ctx.read(lambda s: s.scalars(select(AuditEvent).where(
        AuditEvent.record_id == sid)).all())
    assert [a.action for a in audit] == ["create", "edit"]


def test_discharge_checklist_and_follow_up_call_on_today(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    sid = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=10))
    with pytest.raises(RuleViolation):  # nothing to tick before the discharge
        stays.set_checklist(ctx, sid, ["letter_received"])
    from desktop.services import cases
    cases.open_case(ctx, sc.patient_id, cases.RequestFields(
        requester_type="gp", request_reason="Chutes", request_date=TODAY - dt.timedelta(days=60)))
    stays.discharge_stay(ctx, sid, TODAY)
    calls = today.today_data(ctx).follow_up_calls
    assert [(c.record_id, c.at.date(), c.status) for c in calls] == [
        (sid, dt.date(2026, 11, 25), "due")]
    view = stays.set_checklist(ctx, sid, "letter_received,gp_informed")
    assert view.checklist["letter_received"] == TODAY and view.checklist["gp_informed"] == TODAY
    assert not view.checklist_done
    with pytest.raises(ValidationError) as bad:
        stays.set_checklist(ctx, sid, "letter_received,coffee")
    assert bad.value.code == "transition.item_invalid"
    assert stays.get_stay(ctx, sid).checklist["medication_reconciled"] is None
    view = stays.set_checklist(ctx, sid, "gp_informed", done=False)
    assert view.checklist["gp_informed"] is None
    stays.set_follow_up_done(ctx, sid)
    assert today.today_data(ctx).follow_up_calls == ()


def test_readmission_flagged_and_old_discharges_have_no_call(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    first = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=80),
                           discharged_on=TODAY - dt.timedelta(days=70))
    second = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=40),
                            discharged_on=TODAY - dt.timedelta(days=35))  # 30 days after
    third = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=4))  # 31
    flags = {s.id: s.readmission for s in stays.list_stays(ctx, sc.patient_id)}
    assert flags == {first: False, second: True, third: False}
    assert stays.get_stay(ctx, first).follow_up_due is None  # discharged long ago


def test_reassessment_instruments_are_a_setting(ctx: AppContext) -> None:
    preferences.update(ctx, {"reassess_after_discharge": "zarit_12, katz_be"})
    assert preferences.reassess_instruments(ctx) == ["zarit_12", "katz_be"]
    with pytest.raises(ValidationError) as info:
        preferences.update(ctx, {"reassess_after_discharge": "katz_be,nope"})
    assert info.value.code == "settings.instrument_unknown"
    assert preferences.reassess_instruments(ctx) == ["zarit_12", "katz_be"]
    sc = make_scenario(ctx)
    sid = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=2))
    assert stays.discharge_stay(ctx, sid, TODAY).reassess == ["zarit_12", "katz_be"]


def test_stability_log_and_trend(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    pid = sc.patient_id
    e1 = stability.add_event(ctx, pid, "fall", reported_by="Hélène (fille)")
    stability.add_event(ctx, pid, "crisis_call", occurred_on=TODAY - dt.timedelta(days=89))
    stability.add_event(ctx, pid, "fall", occurred_on=TODAY - dt.timedelta(days=120))
    tr = stability.trend_of(ctx, pid)
    assert (tr.total, tr.previous, tr.direction) == (2, 1, "rising")
    assert tr.by_kind == {"fall": 1, "crisis_call": 1}
    assert [e.kind for e in stability.list_events(ctx, pid, days=90)] == ["fall", "crisis_call"]
    assert stability.list_events(ctx, pid)[0].reported_by == "Hélène (fille)"
    with pytest.raises(ValidationErrors) as info:
        stability.add_event(ctx, pid, "earthquake", occurred_on=TODAY + dt.timedelta(days=1))
    assert {e.code for e in info.value.errors} == {"event.kind_invalid", "date.future"}
    assert ctx.read(lambda s: len(s.scalars(select(StabilityEvent)).all())) == 3
    ops = ctx.read(lambda s: s.scalars(select(OutboxOp).where(
        OutboxOp.table_name == "stability_event")).all())
    assert len(ops) == 3 and ops[0].patient_id == pid
    stability.remove_event(ctx, e1)
    assert stability.trend_of(ctx, pid).total == 1
    assert "stability_event" in patient_tables()  # exported and erased with the patient


def test_concertation_records_funder_and_who_took_part(ctx: AppContext) -> None:
    sc = make_scenario(ctx)  # Jambes, 5100: Wallonia
    cid = concertations.record_concertation(
        ctx, sc.patient_id, held_on=TODAY, participant_ids=[sc.gp, sc.nurse, sc.home_help],
        patient_agreed=True, patient_present=False)
    view = concertations.get_concertation(ctx, cid)
    assert view.funder == "aviq" and not view.patient_present and view.home_nurse_present
    assert view.warnings == ["concertation.needs_patient"]
    other = concertations.record_concertation(
        ctx, sc.patient_id, held_on=TODAY, participant_ids=[sc.gp, sc.home_help, sc.nurse],
        patient_agreed=True, funder="cocof", home_nurse_present=False)
    view = concertations.get_concertation(ctx, other)
    assert view.funder == "cocof" and view.warnings == ["concertation.needs_home_nurse"]
    with pytest.raises(ValidationErrors):
        concertations.record_concertation(ctx, sc.patient_id, held_on=TODAY,
                                          participant_ids=[sc.gp], patient_agreed=True,
                                          funder="inami")


def test_hold_survives_only_open_actions(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc)
    sid = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY)
    stays.remove_stay(ctx, sid)  # entered by mistake: the actions are back
    assert not any(_actions(ctx, plan_id).values())
    assert ctx.read(lambda s: s.scalars(select(Action).where(
        Action.on_hold_stay_id.is_not(None))).all()) == []
