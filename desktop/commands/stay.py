"""`relais stay add|discharge|checklist|tell|list`: hospital stays and their transitions."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from typing import Any

from desktop.commands.common import add_common, emit, open_context
from desktop.i18n import t
from desktop.i18n.dates import short_date


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("stay", help="hospital stays: admission, discharge and its checklist")
    ps = p.add_subparsers(dest="stay_command", metavar="ACTION", required=True)
    add = ps.add_parser("add", help="record an admission (puts the plan's home actions on hold)")
    add_common(add)
    add.add_argument("--patient", required=True, metavar="PATIENT_ID")
    add.add_argument("--admitted", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--discharged", metavar="YYYY-MM-DD")
    kind = add.add_mutually_exclusive_group()
    kind.add_argument("--planned", action="store_true", help="a planned admission")
    kind.add_argument("--emergency", action="store_true",
                      help="an emergency visit without admission")
    add.add_argument("--hospital", metavar="CONTACT_ID", help="the hospital, from the directory")
    add.add_argument("--hospital-name", metavar="NAME", help="the hospital's name, as free text")
    add.add_argument("--reason")
    add.add_argument("--case", metavar="CASE_ID")
    add.set_defaults(handler=cmd_add)
    dis = ps.add_parser("discharge", help="record the discharge: prints the transition checklist")
    add_common(dis)
    dis.add_argument("stay_id", metavar="SID")
    dis.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    dis.set_defaults(handler=cmd_discharge)
    chk = ps.add_parser("checklist", help="show or tick the discharge checklist")
    add_common(chk)
    chk.add_argument("stay_id", metavar="SID")
    chk.add_argument("--done", metavar="ITEM,...",
                     help="letter_received, medication_reconciled, services_restarted, "
                          "gp_informed, aids_in_place")
    chk.add_argument("--undo", metavar="ITEM,...", help="untick items ticked by mistake")
    chk.add_argument("--call-done", action="store_true", help="the follow-up call was made")
    chk.add_argument("--date", metavar="YYYY-MM-DD", help="when (default: today)")
    chk.set_defaults(handler=cmd_checklist)
    tell = ps.add_parser("tell", help="who to tell of an admission, with their actions on hold")
    add_common(tell)
    tell.add_argument("stay_id", metavar="SID")
    tell.set_defaults(handler=cmd_tell)
    lst = ps.add_parser("list", help="a patient's stays, readmissions flagged")
    add_common(lst)
    lst.add_argument("--patient", required=True, metavar="PATIENT_ID")
    lst.set_defaults(handler=cmd_list)


def _d(day: dt.date | None) -> str:
    return short_date(day)


def _stay_json(view: Any) -> dict[str, Any]:
    out = asdict(view)
    out["checklist"] = {k: (v.isoformat() if v else None) for k, v in view.checklist.items()}
    return out


def _checklist_text(view: Any) -> list[str]:
    from desktop.domain.transitions import CHECKLIST_ITEMS

    lines = [t("transition.checklist") + f" ({_d(view.discharged_on)})"]
    for item in CHECKLIST_ITEMS:
        done = view.checklist.get(item)
        mark = "[x]" if done else "[ ]"
        state = t("transition.done_on", date=_d(done)) if done else t("transition.todo")
        lines.append(f"  {mark} {t(f'transition.item.{item}')} — {state}")  # labels, not codes
    if view.follow_up_done_on:
        lines.append(t("transition.follow_up_done", date=_d(view.follow_up_done_on)))
    elif view.follow_up_due:
        lines.append(t("transition.follow_up", date=_d(view.follow_up_due)))
    if view.readmission:
        lines.append("! " + t("transition.readmission"))
    return lines


def _instrument_titles(ctx: Any, ids: list[str]) -> list[str]:
    """The instruments' titles in the user's language (an id only if its definition is gone)."""
    from desktop.i18n import user_language
    from desktop.services.instruments import catalog

    lang, known = user_language(), catalog(ctx)
    out = []
    for iid in ids:
        title = known[iid].title if iid in known else {}
        out.append(title.get(lang) or title.get("en") or iid)
    return out


def _people_text(people: list[Any]) -> list[str]:
    if not people:
        return [t("transition.no_one_to_tell")]
    lines = [t("transition.to_tell")]
    for p in people:
        role = p.role or t(f"ecosystem.kind.{p.kind}")
        line = f"  - {p.name} ({role})" + (f"  {p.phone}" if p.phone else "")
        lines.append(line)
        if p.actions:
            lines.append("      " + t("transition.on_hold", actions="; ".join(p.actions)))
    return lines


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import stays

    with open_context(args) as ctx:
        sid = stays.add_stay(ctx, args.patient, kind="emergency" if args.emergency else "admission",
                             admitted_on=args.admitted, discharged_on=args.discharged,
                             hospital=args.hospital_name, reason=args.reason,
                             planned=args.planned, case_id=args.case,
                             hospital_contact_id=args.hospital)
        view = stays.get_stay(ctx, sid)
        people = stays.people_to_tell(ctx, args.patient, sid) if view.is_open else []
    held = sum(len(p.actions) for p in people)

    def human() -> str:
        lines = [sid]
        if view.is_open:
            lines.append(t("transition.admitted", n=held))
            lines += _people_text(people)
        if view.readmission:
            lines.append("! " + t("transition.readmission"))
        return "\n".join(lines)

    emit(args, {"id": sid, "stay": _stay_json(view),
                "to_tell": [asdict(p) for p in people]}, human)
    return 0


def cmd_discharge(args: argparse.Namespace) -> int:
    from desktop.services import stays

    with open_context(args) as ctx:
        result = stays.discharge_stay(ctx, args.stay_id, args.date)
        reassess_titles = _instrument_titles(ctx, result.reassess)

    def human() -> str:
        lines = _checklist_text(result.stay)
        if result.released_actions:
            lines.append(t("transition.released", n=result.released_actions))
        if result.reassess:
            lines.append(t("transition.reassess", names=", ".join(reassess_titles)))
        return "\n".join(lines)

    emit(args, {"stay": _stay_json(result.stay),
                "follow_up_due": result.follow_up_due.isoformat() if result.follow_up_due
                else None,
                "released_actions": result.released_actions, "reassess": result.reassess},
         human)
    return 0


def cmd_checklist(args: argparse.Namespace) -> int:
    from desktop.domain.transitions import checklist_items
    from desktop.services import stays

    done = checklist_items(args.done)  # input errors before the vault is opened
    undo = checklist_items(args.undo)
    with open_context(args) as ctx:
        view = stays.get_stay(ctx, args.stay_id)
        if done:
            view = stays.set_checklist(ctx, args.stay_id, done, on=args.date)
        if undo:
            view = stays.set_checklist(ctx, args.stay_id, undo, done=False)
        if args.call_done:
            view = stays.set_follow_up_done(ctx, args.stay_id, args.date)
    emit(args, {"stay": _stay_json(view)}, lambda: "\n".join(_checklist_text(view)))
    return 0


def cmd_tell(args: argparse.Namespace) -> int:
    from desktop.services import stays

    with open_context(args) as ctx:
        view = stays.get_stay(ctx, args.stay_id)
        people = stays.people_to_tell(ctx, view.patient_id, args.stay_id)
    emit(args, {"to_tell": [asdict(p) for p in people]}, lambda: "\n".join(_people_text(people)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import stays
    from desktop.services.patients import view_patient

    with open_context(args) as ctx:
        view_patient(ctx, args.patient, purpose="cli")  # the audit event
        rows = stays.list_stays(ctx, args.patient)

    def human() -> str:
        lines = []
        for s in rows:
            out = _d(s.discharged_on) if s.discharged_on else t("transition.still_in")
            flag = "  ! " + t("transition.readmission") if s.readmission else ""
            lines.append(f"{s.id}  {_d(s.admitted_on)} – {out}  {t(f'transition.kind.{s.kind}')}"
                         f"{'  ' + s.hospital if s.hospital else ''}{flag}")
        return "\n".join(lines)

    emit(args, {"stays": [_stay_json(s) for s in rows]}, human)
    return 0
