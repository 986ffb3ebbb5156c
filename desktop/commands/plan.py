"""`relais plan show|start|add-goal|add-action|agree|new-version|compare`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from desktop.commands.common import add_common, emit, open_context
from desktop.i18n import t

RESPONSIBLE = ("contact", "patient", "case_manager")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("plan", help="the care and support plan: show, goals, actions, agree")
    ps = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)

    show = ps.add_parser("show", help="show the current plan (audited)")
    add_common(show)
    show.add_argument("--patient", required=True, metavar="ID")
    show.set_defaults(handler=cmd_show)

    start = ps.add_parser("start", help="start the first plan from the patient's words")
    add_common(start)
    start.add_argument("--patient", required=True, metavar="ID")
    _texts(start)
    start.set_defaults(handler=cmd_start)

    goal = ps.add_parser("add-goal", help="add a goal (starts a draft plan if there is none)")
    add_common(goal)
    goal.add_argument("--patient", required=True, metavar="ID")
    goal.add_argument("--text", required=True, help="the goal in the patient's words")
    goal.add_argument("--domain", help="need domain, e.g. daily_functioning")
    goal.add_argument("--need", action="append", dest="needs", metavar="CODE",
                      help="need answered by this goal; repeat for several")
    goal.add_argument("--target-date", metavar="YYYY-MM-DD")
    goal.set_defaults(handler=cmd_add_goal)

    action = ps.add_parser("add-action", help="add an action to a goal of the draft plan")
    add_common(action)
    action.add_argument("--goal", required=True, metavar="GOAL_ID")
    action.add_argument("--what", required=True)
    action.add_argument("--responsible", choices=RESPONSIBLE,
                        help="who does it (contact needs --contact)")
    action.add_argument("--contact", metavar="CONTACT_ID", help="a contact of the ecosystem")
    action.add_argument("--schedule", default="", help='e.g. "lun, mer, ven 8h-9h"')
    action.add_argument("--start", metavar="YYYY-MM-DD")
    action.add_argument("--end", metavar="YYYY-MM-DD")
    action.set_defaults(handler=cmd_add_action)

    agree = ps.add_parser("agree", help="agree the draft plan (then it cannot change)")
    add_common(agree)
    agree.add_argument("--patient", required=True, metavar="ID")
    agree.add_argument("--parties", metavar="WHO,...",
                       help="with whom it was agreed: patient, family, carers, gp, others")
    agree.add_argument("--with", dest="agreed_with", metavar="TEXT",
                       help="anything to add in your own words (names, a service)")
    agree.add_argument("--on", dest="agreed_on", metavar="YYYY-MM-DD", help="default: today")
    agree.set_defaults(handler=cmd_agree)

    new = ps.add_parser("new-version", help="start the next version as a copy of the agreed one")
    add_common(new)
    new.add_argument("--patient", required=True, metavar="ID")
    new.set_defaults(handler=cmd_new_version)

    review = ps.add_parser("review-goal", help="score a goal at the plan review: -2 (much "
                           "less than expected) to +2 (much more); 0 is the expected level")
    add_common(review)
    review.add_argument("--goal", required=True, metavar="GOAL_ID")
    review.add_argument("--score", required=True, metavar="-2..+2")
    review.add_argument("--on", metavar="YYYY-MM-DD", help="default: today")
    review.set_defaults(handler=cmd_review_goal)

    cmp_ = ps.add_parser("compare", help="what changed since the previous version")
    add_common(cmp_)
    cmp_.add_argument("--patient", required=True, metavar="ID")
    cmp_.set_defaults(handler=cmd_compare)


def _texts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--life-project", default="")
    p.add_argument("--what-matters", default="", help="what matters to the patient")
    p.add_argument("--expectations", default="", help="what the patient expects")
    p.add_argument("--to-avoid", default="", help="what the patient wants to avoid")
    p.add_argument("--review-date", metavar="YYYY-MM-DD")


def _date(value: str | None, field: str) -> Any:
    from desktop.domain.dates import parse_date

    return parse_date(value, field)


def _plan_text(view: Any) -> str:
    """The plan in the user's language: labels and statuses in words, dates dd/mm/yyyy (never a
    raw key such as "agreed" or "what_matters:")."""
    from desktop.i18n import user_language
    from desktop.reports.doc_text import DocText

    tx = DocText(user_language())
    lines = [f"{t('field.plan', tx.lang)} v{view.version} — "
             f"{tx.label('plan_status', view.status)}"
             + (f" ({tx.short_date(view.agreed_on)}, "
                f"{tx.agreed_with(view.agreed_parties, view.agreed_with)})"
                if view.agreed_on else "")]
    for key in ("what_matters", "life_project", "expectations", "to_avoid"):
        value = getattr(view, key)
        if value:
            lines.append("  " + tx.colon(tx(f"handout.{key}"), value))
    if view.review_date:
        lines.append("  " + tx.colon(t("field.review_date", tx.lang),
                                     tx.short_date(view.review_date)))
    for g in view.goals:
        lines.append(f"- [{g.id}] {g.text}" + (f" ({tx.short_date(g.target_date)})"
                                                if g.target_date else ""))
        for a in view.actions_of(g.id):
            who = a.responsible_name or {"patient": tx("summary.patient"),
                                         "case_manager": tx("summary.case_manager_short")
                                         }.get(a.responsible_kind, "")
            said = tx.schedule(a.schedule)
            when = f" — {said}" if said else ""
            lines.append(f"    * [{a.id}] {a.what} — {who}{when}")
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.domain.errors import NotFound
    from desktop.services import care_plans

    with open_context(args) as ctx:
        # no plan: an error that records nothing (view_plan audits a view)
        view = (care_plans.view_plan(ctx, args.patient, purpose="cli")
                if care_plans.current_plan(ctx, args.patient) is not None else None)
    if view is None:
        raise NotFound("plan.none", "plan")
    emit(args, asdict(view), lambda: _plan_text(view))
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    from desktop.services import care_plans

    review = _date(args.review_date, "review_date")
    with open_context(args) as ctx:
        plan_id = care_plans.start_plan(
            ctx, args.patient, life_project=args.life_project, what_matters=args.what_matters,
            expectations=args.expectations, to_avoid=args.to_avoid, review_date=review)
    emit(args, {"id": plan_id}, plan_id)
    return 0


def cmd_add_goal(args: argparse.Namespace) -> int:
    from desktop.domain import care_plan as rules
    from desktop.domain.text import clean_line
    from desktop.services import care_plans

    target = _date(args.target_date, "target_date")
    with open_context(args) as ctx:
        # checked before a draft plan is started for it: a refused goal leaves nothing behind
        rules.validate_goal(args.text, args.domain, target, "active", ctx.today())
        for need in args.needs or []:
            clean_line(need, "needs", required=True, max_len=80)
        plan = care_plans.current_plan(ctx, args.patient)
        plan_id = plan.id if plan is not None else care_plans.start_plan(ctx, args.patient)
        goal_id = care_plans.add_goal(ctx, plan_id, args.text, domain=args.domain,
                                      needs=args.needs, target_date=target)
    emit(args, {"id": goal_id, "plan_id": plan_id}, goal_id)
    return 0


def cmd_add_action(args: argparse.Namespace) -> int:
    from desktop.services import care_plans

    start, end = _date(args.start, "start_date"), _date(args.end, "end_date")
    responsible = args.responsible or ("contact" if args.contact else None)
    with open_context(args) as ctx:
        action_id = care_plans.add_action(
            ctx, args.goal, args.what, responsible_kind=responsible, contact_id=args.contact,
            schedule=args.schedule, start_date=start, end_date=end)
    emit(args, {"id": action_id}, action_id)
    return 0


def cmd_agree(args: argparse.Namespace) -> int:
    from desktop.domain.care_plan import clean_parties
    from desktop.domain.errors import NotFound, ValidationError
    from desktop.services import care_plans

    on = _date(args.agreed_on, "agreed_on")
    parties = clean_parties(args.parties)  # input errors before the vault is opened
    if not parties and not (args.agreed_with or "").strip():
        raise ValidationError("plan.agreed_with_missing", "agreed_parties")
    with open_context(args) as ctx:
        plan = care_plans.current_plan(ctx, args.patient)
        if plan is None:
            raise NotFound("plan.none", "plan")
        view = care_plans.agree_plan(ctx, plan.id, args.agreed_with, on, parties=parties)
    emit(args, {"id": view.id, "version": view.version, "status": view.status,
                "agreed_on": view.agreed_on, "agreed_parties": list(view.agreed_parties),
                "agreed_with": view.agreed_with},
         t("cli.plan_agreed", version=view.version))
    return 0


def cmd_new_version(args: argparse.Namespace) -> int:
    from desktop.services import care_plans

    with open_context(args) as ctx:
        plan_id = care_plans.new_version(ctx, args.patient)
    emit(args, {"id": plan_id}, plan_id)
    return 0


def cmd_review_goal(args: argparse.Namespace) -> int:
    from desktop.services import care_plans

    with open_context(args) as ctx:
        score = care_plans.review_goal(ctx, args.goal, args.score, on=args.on)
    emit(args, {"id": args.goal, "attainment": score}, f"{score:+d}" if score else "0")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from desktop.domain.errors import NotFound
    from desktop.services import care_plans

    with open_context(args) as ctx:
        plan = care_plans.current_plan(ctx, args.patient)
        if plan is None:
            raise NotFound("plan.none", "plan")
        changes = care_plans.compare_with_previous(ctx, plan.id)
    data = {"changes": [asdict(c) for c in changes]}

    def human() -> str:
        if not changes:
            return t("cli.no_changes")
        return "\n".join(
            f"{c.kind:8} {c.item:7} {c.label}" + (f" [{c.field}] {c.old!s} → {c.new!s}"
                                                 if c.kind == "changed" and c.item != "plan"
                                                 else (f": {c.old!s} → {c.new!s}"
                                                       if c.item == "plan" else ""))
            for c in changes)

    emit(args, data, human)
    return 0
