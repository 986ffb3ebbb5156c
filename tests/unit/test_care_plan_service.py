"""Care plan services on a real vault: the plan from the patient's words, goals from unmet
needs, actions given to the ecosystem, agreement (then immutable), the next version as a copy,
the comparison, concertations whose decisions become actions, and GP feedback tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.services import care_plans, concertations, gp_feedback
from desktop.services.concertations import DecisionIn
from desktop.services.context import AppContext
from desktop.storage.models import Action, AuditEvent, CarePlan, Goal, OutboxOp
from tests.unit.plan_scenario import build_plan, make_patient, make_scenario

TODAY = dt.date(2026, 11, 23)


def _counts(ctx: AppContext) -> tuple[int, int, int, int]:
    return ctx.read(lambda s: tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                                    for m in (CarePlan, Goal, Action, OutboxOp)))  # type: ignore[return-value]


def test_unmet_needs_are_offered_as_goals_and_marked_once_answered(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    offered = care_plans.need_suggestions(ctx, sc.patient_id)
    assert {(n.domain, n.status) for n in offered} == {
        ("daily_functioning", "unmet"), ("carer_strain", "unmet"), ("housing_safety", "partly_met")}
    assert not any(n.answered for n in offered)
    plan_id = care_plans.start_plan(ctx, sc.patient_id, what_matters="Mon jardin")
    first = offered[0]
    care_plans.add_goal(ctx, plan_id, first.description, domain=first.domain,
                        needs=[first.domain])
    answered = {n.domain: n.answered for n in care_plans.need_suggestions(ctx, sc.patient_id)}
    assert answered[first.domain] and sum(answered.values()) == 1


def test_plan_keeps_the_patients_words_and_resolves_who_does_what(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc)
    plan = care_plans.get_plan(ctx, plan_id)
    assert plan.status == "draft" and plan.version == 1
    assert plan.what_matters == "Voir mes petits-enfants le dimanche"
    assert plan.to_avoid == "Aller en maison de repos"
    assert next(g.text for g in plan.goals) == "Me laver sans risque de tomber"
    toilette = next(a for a in plan.actions if a.what == "Aide à la toilette")
    assert toilette.responsible_name.startswith("Françoise Dubois")
    assert toilette.responsible_short == "Françoise Dubois"
    assert toilette.responsible_phone == "0475 11 22 33"
    assert toilette.schedule.days == (0, 2, 4) and toilette.schedule.start == "08:00"
    kinds = {a.responsible_kind for a in plan.actions}
    assert kinds == {"contact", "patient", "case_manager"}


def test_an_action_must_have_someone_of_the_ecosystem(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    other = make_patient(ctx, family="Autre", given="Zoé")
    plan_id = care_plans.start_plan(ctx, sc.patient_id)
    goal = care_plans.add_goal(ctx, plan_id, "Sortir")
    before = _counts(ctx)
    with pytest.raises(ValidationErrors) as info:
        care_plans.add_action(ctx, goal, "Promenade", responsible_kind=None)
    assert info.value.errors[0].code == "action.no_responsible"
    with pytest.raises(ValidationErrors) as info:
        care_plans.add_action(ctx, goal, "Promenade", responsible_kind="patient",
                              start_date=dt.date(2026, 12, 5), end_date=dt.date(2026, 12, 1))
    assert info.value.errors[0].code == "action.end_before_start"
    # a contact of another patient is not this patient's ecosystem
    other_plan = care_plans.start_plan(ctx, other)
    other_goal = care_plans.add_goal(ctx, other_plan, "Sortir")
    before = _counts(ctx)
    with pytest.raises(ValidationErrors) as info:
        care_plans.add_action(ctx, other_goal, "Promenade", responsible_kind="contact",
                              contact_id=sc.nurse)
    assert info.value.errors[0].code == "action.responsible_not_in_ecosystem"
    assert _counts(ctx) == before  # nothing written


def test_a_plan_with_no_goals_cannot_be_agreed(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    plan_id = care_plans.start_plan(ctx, sc.patient_id, what_matters="Rester chez moi")
    with pytest.raises(ValidationErrors) as info:
        care_plans.agree_plan(ctx, plan_id, "la patiente")
    assert info.value.errors[0].code == "plan.no_goals"
    assert care_plans.get_plan(ctx, plan_id).status == "draft"


def test_an_agreed_plan_cannot_change(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc, agree=True)
    plan = care_plans.get_plan(ctx, plan_id)
    assert (plan.status, plan.agreed_on, plan.agreed_with) == (
        "agreed", TODAY, "Élise Peeters et sa fille Hélène")
    before = _counts(ctx)
    goal, action = plan.goals[0], plan.actions[0]
    attempts = [
        lambda: care_plans.update_plan(ctx, plan_id, what_matters="autre chose"),
        lambda: care_plans.add_goal(ctx, plan_id, "Nouveau"),
        lambda: care_plans.update_goal(ctx, goal.id, text="Changé"),
        lambda: care_plans.remove_goal(ctx, goal.id),
        lambda: care_plans.add_action(ctx, goal.id, "x", responsible_kind="patient"),
        lambda: care_plans.update_action(ctx, action.id, schedule="mardi 9h"),
        lambda: care_plans.remove_action(ctx, action.id),
        lambda: care_plans.agree_plan(ctx, plan_id, "encore"),
    ]
    for attempt in attempts:
        with pytest.raises(RuleViolation):
            attempt()
    assert _counts(ctx) == before
    assert care_plans.get_plan(ctx, plan_id) == plan


def test_next_version_is_a_copy_and_the_comparison_lists_what_changed(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    v1_id = build_plan(ctx, sc, agree=True)
    v2_id = care_plans.new_version(ctx, sc.patient_id)
    v1, v2 = care_plans.get_plan(ctx, v1_id), care_plans.get_plan(ctx, v2_id)
    assert (v2.version, v2.status, v2.supersedes_id) == (2, "draft", v1_id)
    assert [(g.text, g.position) for g in v2.goals] == [(g.text, g.position) for g in v1.goals]
    assert [(a.what, a.responsible_contact_id, a.schedule) for a in v2.actions] == \
        [(a.what, a.responsible_contact_id, a.schedule) for a in v1.actions]
    assert {g.id for g in v2.goals}.isdisjoint({g.id for g in v1.goals})
    assert care_plans.compare_with_previous(ctx, v2_id) == [
        c for c in care_plans.compare_with_previous(ctx, v2_id) if c.field == "review_date"]

    stairs = next(g for g in v2.goals if g.text.startswith("Monter"))
    care_plans.remove_goal(ctx, stairs.id)
    care_plans.add_goal(ctx, v2_id, "Retourner au marché le samedi")
    toilette = next(a for a in v2.actions if a.what == "Aide à la toilette")
    care_plans.update_action(ctx, toilette.id, schedule="tous les jours 8h-9h")
    care_plans.update_plan(ctx, v2_id, review_date=dt.date(2027, 5, 1))
    changes = {(c.kind, c.item, c.label, c.field) for c in
               care_plans.compare_with_previous(ctx, v2_id)}
    assert ("removed", "goal", "Monter l'escalier en sécurité", None) in changes
    assert ("added", "goal", "Retourner au marché le samedi", None) in changes
    assert ("changed", "action", "Aide à la toilette", "schedule") in changes
    assert ("removed", "action", "Demander une rampe à la mutualité", None) in changes
    assert ("changed", "plan", "review_date", "review_date") in changes

    # agreeing v2 supersedes v1; v1 is still readable and unchanged
    care_plans.agree_plan(ctx, v2_id, "la patiente")
    statuses = {r.version: r.status for r in care_plans.list_versions(ctx, sc.patient_id)}
    assert statuses == {1: "superseded", 2: "agreed"}
    assert care_plans.get_plan(ctx, v1_id).goals == v1.goals
    with pytest.raises(RuleViolation):
        care_plans.add_goal(ctx, v1_id, "dans une vieille version")


def test_only_one_draft_at_a_time(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    build_plan(ctx, sc)
    with pytest.raises(RuleViolation) as info:
        care_plans.start_plan(ctx, sc.patient_id)
    assert info.value.code == "plan.draft_exists"
    with pytest.raises(RuleViolation):
        care_plans.new_version(ctx, sc.patient_id)


def test_viewing_is_audited_and_review_reminders_show_due_plans(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc)
    care_plans.update_plan(ctx, plan_id, review_date=TODAY + dt.timedelta(days=5))
    care_plans.agree_plan(ctx, plan_id, "la patiente")
    care_plans.view_plan(ctx, sc.patient_id)
    views = ctx.read(lambda s: s.execute(select(AuditEvent).where(
        AuditEvent.action == "view", AuditEvent.record_table == "care_plan")).scalars().all())
    assert len(views) == 1 and views[0].patient_id == sc.patient_id
    reminders = care_plans.review_reminders(ctx)
    assert [(r.patient_id, r.overdue) for r in reminders] == [(sc.patient_id, False)]


def test_concertation_records_participants_and_decisions_become_actions(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc)
    goal = care_plans.get_plan(ctx, plan_id).goals[1]
    with pytest.raises(ValidationErrors) as info:
        concertations.record_concertation(ctx, sc.patient_id, held_on=TODAY,
                                          participant_ids=[sc.gp], patient_agreed=False)
    assert info.value.errors[0].code == "concertation.patient_agreement_required"
    cid = concertations.record_concertation(
        ctx, sc.patient_id, held_on=TODAY, participant_ids=[sc.gp, sc.nurse, sc.home_help],
        patient_agreed=True, reference_contact_id=sc.nurse,
        decisions=[DecisionIn("Répit un samedi sur deux", "contact", sc.home_help,
                              "samedi 9h-12h")])
    view = concertations.get_concertation(ctx, cid)
    assert view.reference_name and view.reference_name.startswith("Françoise Dubois")
    assert view.patient_agreed_participants and view.warnings == []  # GP + 3 providers
    action_id = concertations.decision_to_action(ctx, cid, 0, goal.id)
    action = next(a for a in care_plans.get_plan(ctx, plan_id).actions if a.id == action_id)
    assert action.what == "Répit un samedi sur deux" and action.schedule.days == (5,)
    assert concertations.get_concertation(ctx, cid).decisions[0].action_id == action_id
    with pytest.raises(RuleViolation):
        concertations.decision_to_action(ctx, cid, 0, goal.id)
    small = concertations.record_concertation(ctx, sc.patient_id, held_on=TODAY,
                                              participant_ids=[sc.daughter], patient_agreed=True)
    # the ecosystem has a home nurse (nursing care given): the regional rules want her there
    assert set(concertations.get_concertation(ctx, small).warnings) == {
        "concertation.needs_three_providers", "concertation.needs_gp",
        "concertation.needs_home_nurse"}


def test_gp_letter_is_a_task_until_sent(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    with pytest.raises(ValidationErrors):
        gp_feedback.create_letter(ctx, sc.patient_id, summary=" ", questions="")
    fid = gp_feedback.create_letter(ctx, sc.patient_id, summary="Chutes répétées",
                                    questions="Kiné ?", due_on=TODAY - dt.timedelta(days=1))
    tasks = gp_feedback.pending_tasks(ctx)
    assert [(t.feedback_id, t.overdue) for t in tasks] == [(fid, True)]
    assert tasks[0].gp_name == "Pierre Lemaire"
    gp_feedback.mark_sent(ctx, fid)
    assert gp_feedback.pending_tasks(ctx) == []
    assert gp_feedback.get_letter(ctx, fid).sent_on == TODAY
    with pytest.raises(RuleViolation):
        gp_feedback.mark_sent(ctx, fid)
    lonely = make_patient(ctx, family="Seul", given="Jean")
    with pytest.raises(ValidationError) as info:
        gp_feedback.create_letter(ctx, lonely, summary="x")
    assert info.value.code == "gp.none"


def test_review_date_and_gp_letter_show_in_the_today_view(ctx: AppContext) -> None:
    from desktop.domain.case_lifecycle import RequestFields
    from desktop.services import cases, today

    sc = make_scenario(ctx)
    cases.open_case(ctx, sc.patient_id, RequestFields(requester_type="gp",
                                                      request_reason="Chutes"), status="active")
    plan_id = build_plan(ctx, sc)
    care_plans.update_plan(ctx, plan_id, review_date=TODAY + dt.timedelta(days=3))
    care_plans.agree_plan(ctx, plan_id, "la patiente")
    fid = gp_feedback.create_letter(ctx, sc.patient_id, summary="Point sur la situation")
    data = today.today_data(ctx, mine_only=False)
    assert [(i.record_id, i.status) for i in data.plan_reviews] == [(plan_id, "soon")]
    assert [i.record_id for i in data.gp_feedback] == [fid]
    gp_feedback.mark_sent(ctx, fid)
    assert today.today_data(ctx, mine_only=False).gp_feedback == ()


def test_demo_step_writes_plans_the_week_table_can_read(ctx: AppContext) -> None:
    from desktop import demo

    demo.generate(ctx, 6, seed=3)
    rows = ctx.read(lambda s: s.execute(select(CarePlan.patient_id)).scalars().all())
    assert rows
    for pid in set(rows):
        plan = care_plans.current_plan(ctx, pid)
        assert plan is not None and plan.goals
        for a in plan.actions:
            assert a.responsible_kind != "contact" or a.responsible_name
