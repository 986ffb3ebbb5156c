"""`relais case open|close|show|status|review|assign`: case episodes from the command line."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from desktop.commands.common import add_common, emit, open_context
from desktop.domain import case_lifecycle as L
from desktop.domain.closure import HANDBACK_TARGETS
from desktop.domain.triage import CRISIS_TRIGGERS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("case", help="open, move, close and show cases (episodes)")
    ps = p.add_subparsers(dest="case_command", metavar="ACTION", required=True)

    op = ps.add_parser("open", help="open a case with its request; prints the new id")
    add_common(op)
    op.add_argument("--patient", required=True, metavar="PATIENT_ID")
    op.add_argument("--requester-type", required=True, choices=L.REQUESTER_TYPES)
    op.add_argument("--requester-name")
    op.add_argument("--requester-phone")
    op.add_argument("--requester-contact", metavar="CONTACT_ID")
    op.add_argument("--request-date", metavar="YYYY-MM-DD", help="default: today")
    op.add_argument("--reason", required=True, help="the request, in the requester's words")
    op.add_argument("--clarified", help="the clarified request")
    op.add_argument("--opened-on", metavar="YYYY-MM-DD", help="default: today")
    op.add_argument("--tier", choices=L.TIERS)
    op.set_defaults(handler=cmd_open)

    cl = ps.add_parser("close", help="close a case: a reason and a date are required")
    add_common(cl)
    cl.add_argument("id")
    cl.add_argument("--reason", required=True, choices=L.CLOSURE_REASONS)
    cl.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    cl.add_argument("--note")
    cl.add_argument("--agreed-by", metavar="WHO",
                    help="who agreed, comma-separated: patient, carer, gp, network")
    cl.add_argument("--handback", choices=HANDBACK_TARGETS,
                    help="to whom the follow-up goes back")
    cl.set_defaults(handler=cmd_close)

    st = ps.add_parser("status", help="move a case to another status (reopen a closed one)")
    add_common(st)
    st.add_argument("id")
    st.add_argument("--to", required=True, metavar="STATUS",
                    help="assessing, active or stabilised (closing: `case close`)")
    st.add_argument("--date", metavar="YYYY-MM-DD")
    st.add_argument("--note")
    st.set_defaults(handler=cmd_status)

    rv = ps.add_parser("review", help="record the relevance review (case management still needed)")
    add_common(rv)
    rv.add_argument("id")
    rv.add_argument("--date", metavar="YYYY-MM-DD")
    rv.add_argument("--note")
    rv.set_defaults(handler=cmd_review)

    asg = ps.add_parser("assign", help="handover: name the responsible case manager(s), server "
                        "users of the team (who alone see a patient not shared with the team)")
    add_common(asg)
    asg.add_argument("id")
    asg.add_argument("--to", required=True, metavar="USER")
    asg.add_argument("--co", metavar="USER", help="the second case manager of a pair")
    asg.set_defaults(handler=cmd_assign)

    it = ps.add_parser("intake", help="how the intake ends: accepted, redirected or waiting list")
    add_common(it)
    it.add_argument("id")
    it.add_argument("--outcome", required=True, choices=("accepted", "redirected", "waiting"))
    it.add_argument("--to", metavar="CONTACT_ID", help="redirected: the service of the directory")
    it.add_argument("--reason", help="why (required when redirected)")
    it.add_argument("--date", metavar="YYYY-MM-DD", help="default: today (waiting: since)")
    it.set_defaults(handler=cmd_intake)

    fd = ps.add_parser("first", help="record the first contact / home visit dates; prints the "
                                     "delays since the request")
    add_common(fd)
    fd.add_argument("id")
    fd.add_argument("--contact", metavar="YYYY-MM-DD", help="first contact with the person")
    fd.add_argument("--home-visit", metavar="YYYY-MM-DD", help="first home visit")
    fd.set_defaults(handler=cmd_first)

    cr = ps.add_parser("crisis", help="record the crisis triggers present now (triage)")
    add_common(cr)
    cr.add_argument("id")
    cr.add_argument("--trigger", action="append", default=[], metavar="CODE",
                    help="repeat for several: " + ", ".join(CRISIS_TRIGGERS))
    cr.add_argument("--clear", action="store_true", help="no crisis any more")
    cr.add_argument("--date", metavar="YYYY-MM-DD")
    cr.set_defaults(handler=cmd_crisis)

    sh = ps.add_parser("show", help="show a case (audited); with --patient, all their cases")
    add_common(sh)
    sh.add_argument("id", nargs="?")
    sh.add_argument("--patient", metavar="PATIENT_ID")
    sh.set_defaults(handler=cmd_show)

    # handover with a note and transfer to another organisation (issue 19, items 5-6)
    from desktop.commands.case_handover import register_actions

    register_actions(ps)


def cmd_open(args: argparse.Namespace) -> int:
    from desktop.services import cases

    request = cases.RequestFields(
        requester_type=args.requester_type, requester_name=args.requester_name,
        requester_phone=args.requester_phone, requester_contact_id=args.requester_contact,
        request_date=args.request_date, request_reason=args.reason,
        clarified_request=args.clarified)
    with open_context(args) as ctx:
        cid = cases.open_case(ctx, args.patient, request, opened_on=args.opened_on, tier=args.tier)
    emit(args, {"id": cid}, cid)
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from desktop.services import cases

    with open_context(args) as ctx:
        cases.close_case(ctx, args.id, args.reason, args.date, args.note,
                         agreed_by=args.agreed_by, handback=args.handback)
    emit(args, {"id": args.id, "status": "closed"}, "")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from desktop.services import cases

    with open_context(args) as ctx:
        cases.change_status(ctx, args.id, args.to, on=args.date, note=args.note)
    emit(args, {"id": args.id, "status": args.to}, "")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from desktop.services import cases

    with open_context(args) as ctx:
        due = cases.record_relevance_review(ctx, args.id, on=args.date, note=args.note)
    emit(args, {"id": args.id, "relevance_review_due": due.isoformat()}, due.isoformat())
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    from desktop.services import cases

    with open_context(args) as ctx:
        names = cases.assign_case(ctx, args.id, args.to, args.co)
    emit(args, {"id": args.id, "responsible_users": names}, ", ".join(names))
    return 0


def cmd_intake(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import cases

    with open_context(args) as ctx:
        values = cases.record_intake(ctx, args.id, args.outcome, to_contact_id=args.to,
                                     reason=args.reason, on=args.date)
    emit(args, {"id": args.id, **values}, lambda: t("intake.recorded." + args.outcome,
                                                    date=str(values["intake_outcome_on"])))
    return 0


def _delays(view: Any) -> list[str]:
    from desktop.i18n import t

    out = []
    for key, day, days in (("intake.first_contact", view.first_contact_on,
                             view.days_to_first_contact),
                           ("intake.first_home_visit", view.first_home_visit_on,
                            view.days_to_first_home_visit)):
        if day is None:
            out.append(t(key + ".none"))
        elif days is None:
            out.append(t(key, date=day.isoformat()))
        else:
            out.append(t(key + ".delay", date=day.isoformat(), days=days))
    return out


def cmd_first(args: argparse.Namespace) -> int:
    from desktop.services import cases

    with open_context(args) as ctx:
        if args.contact or args.home_visit:
            cases.record_first_dates(ctx, args.id, first_contact=args.contact,
                                     first_home_visit=args.home_visit)
        view = cases.get_case(ctx, args.id)
    data = {"id": view.id, "request_date": view.request_date,
            "first_contact_on": view.first_contact_on,
            "days_to_first_contact": view.days_to_first_contact,
            "first_home_visit_on": view.first_home_visit_on,
            "days_to_first_home_visit": view.days_to_first_home_visit}
    emit(args, data, lambda: "\n".join(_delays(view)))
    return 0


def cmd_crisis(args: argparse.Namespace) -> int:
    from desktop.commands.common import CliError
    from desktop.i18n import t
    from desktop.services import triage

    if not args.trigger and not args.clear:
        raise CliError("triage.cli_trigger_or_clear")
    if args.trigger and args.clear:
        raise CliError("triage.cli_trigger_and_clear")
    with open_context(args) as ctx:
        codes = triage.set_crisis_triggers(ctx, args.id, [] if args.clear else args.trigger,
                                           on=args.date)
    emit(args, {"id": args.id, "crisis_triggers": codes},
         lambda: ", ".join(t("triage.crisis." + c) for c in codes) or t("triage.crisis.none"))
    return 0


def _human(view: Any) -> str:
    from desktop.i18n import quote, t

    lines = [f"{view.id}  {t('case.status.' + view.status)}"]
    if view.opened_on:
        lines.append("  " + t("case.show.opened", date=view.opened_on.isoformat()))
    if view.request_date:
        who = t(f"case.requester.{view.requester_type}")
        if view.requester_name:
            who += f" ({view.requester_name})"
        lines.append("  " + t("case.show.request", date=view.request_date.isoformat(), who=who))
    if view.request_reason:
        lines.append("    " + quote(view.request_reason))
    if view.closed_on:
        lines.append("  " + t("case.show.closed", date=view.closed_on.isoformat(),
                              reason=t(f"case.closure.{view.closure_reason}")))
        lines.extend("    " + line for line in closure_lines(view))
    elif view.relevance_review_due:
        lines.append("  " + t("case.show.review_due", date=view.relevance_review_due.isoformat()))
    lines.append("  " + t("case.show.visits", done=view.visits_done, planned=view.visits_planned))
    if view.responsible_users:
        lines.append("  " + t("case.show.responsible", names=", ".join(view.responsible_users)))
    if view.intake_outcome:
        lines.append("  " + t("intake.show." + view.intake_outcome,
                              date=(view.waiting_since or view.intake_outcome_on).isoformat()))
        if view.intake_reason:
            lines.append("    " + quote(view.intake_reason))
    lines.extend("  " + line for line in _delays(view))
    if view.crisis_triggers:
        lines.append("  " + t("triage.crisis.list", triggers=", ".join(
            t("triage.crisis." + c) for c in view.crisis_triggers)))
    for h in view.history:
        lines.append(f"  {h.changed_on.isoformat()}  {t('case.status.' + h.to_status)}")
    return "\n".join(lines)


def closure_lines(view: Any, lang: str | None = None) -> list[str]:
    """Who agreed to the closure and to whom the follow-up went back, in the user's language."""
    from desktop.i18n import t

    out = [t("closure.agreed_by", lang, names=", ".join(
        t("closure.party." + p, lang) for p in view.closure_agreed_by))
        if view.closure_agreed_by else t("closure.no_agreement", lang)]
    if view.closure_handback:
        out.append(t("closure.handed_back", lang,
                     who=t("closure.handback." + view.closure_handback, lang)))
    return out


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.commands.common import CliError
    from desktop.services import cases

    if not args.id and not args.patient:
        raise CliError("case.cli_id_or_patient")
    with open_context(args) as ctx:
        if args.id:
            views = [cases.view_case(ctx, args.id, purpose="cli")]
        else:
            from desktop.services.patients import view_patient

            view_patient(ctx, args.patient, purpose="cli")  # the audit event
            views = cases.list_cases(ctx, args.patient)
        pid = views[0].patient_id if views else args.patient
        level, names = ctx.read(lambda s: cases.visibility(s, pid))
    data: dict[str, Any] = asdict(views[0]) if args.id else {"cases": [asdict(v) for v in views]}
    data["visibility"] = {"level": level, "names": names}

    def human() -> str:
        from desktop.i18n import t

        who = t(f"sharing.{level}", names=", ".join(names))
        return "\n".join([*(_human(v) for v in views), t("case.show.visibility", who=who)])
    emit(args, data, human)
    return 0
