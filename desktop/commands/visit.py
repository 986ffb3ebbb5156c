"""`relais visit add|record|cancel|list`: visits from the command line."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.commands.common import add_common, emit, open_context
from desktop.domain import visits as V


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("visit", help="plan, record, cancel and list visits")
    ps = p.add_subparsers(dest="visit_command", metavar="ACTION", required=True)

    add = ps.add_parser("add", help="plan a visit, or record one with --done; prints the new id")
    add_common(add)
    add.add_argument("--case", required=True, metavar="CASE_ID")
    add.add_argument("--kind", default="home_visit", choices=V.KINDS)
    add.add_argument("--start", required=True, metavar="YYYY-MM-DDTHH:MM")
    add.add_argument("--end", metavar="YYYY-MM-DDTHH:MM")
    add.add_argument("--place")
    add.add_argument("--participant", action="append", dest="participants", metavar="NAME",
                     help="repeat for several")
    add.add_argument("--notes")
    add.add_argument("--done", action="store_true", help="the visit took place: record it")
    add.set_defaults(handler=cmd_add)

    rec = ps.add_parser("record", help="record a planned visit as done")
    add_common(rec)
    rec.add_argument("id")
    rec.add_argument("--start", metavar="YYYY-MM-DDTHH:MM", help="default: the planned time")
    rec.add_argument("--end", metavar="YYYY-MM-DDTHH:MM")
    rec.add_argument("--participant", action="append", dest="participants", metavar="NAME")
    rec.add_argument("--notes")
    rec.set_defaults(handler=cmd_record)

    can = ps.add_parser("cancel", help="cancel a planned visit")
    add_common(can)
    can.add_argument("id")
    can.add_argument("--reason")
    can.set_defaults(handler=cmd_cancel)

    lst = ps.add_parser("list", help="visits of a patient, newest first")
    add_common(lst)
    lst.add_argument("--patient", required=True, metavar="PATIENT_ID")
    lst.set_defaults(handler=cmd_list)


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import visits

    with open_context(args) as ctx:
        if args.done:
            vid = visits.record_visit(ctx, case_id=args.case, kind=args.kind, start=args.start,
                                      end=args.end, place=args.place,
                                      participants=args.participants, notes=args.notes)
        else:
            vid = visits.plan_visit(ctx, args.case, kind=args.kind, start=args.start,
                                    end=args.end, place=args.place,
                                    participants=args.participants, notes=args.notes)
    emit(args, {"id": vid}, vid)
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from desktop.services import visits

    with open_context(args) as ctx:
        visits.record_visit(ctx, args.id, start=args.start, end=args.end,
                            participants=args.participants, notes=args.notes)
    emit(args, {"id": args.id, "status": "done"}, "")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from desktop.services import visits

    with open_context(args) as ctx:
        visits.cancel_visit(ctx, args.id, args.reason)
    emit(args, {"id": args.id, "status": "cancelled"}, "")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import visits
    from desktop.services.patients import view_patient

    with open_context(args) as ctx:
        view_patient(ctx, args.patient, purpose="cli")  # the audit event
        rows = visits.list_visits(ctx, args.patient)

    def human() -> str:
        return "\n".join(
            f"{v.id}  {v.start:%Y-%m-%d %H:%M}  {t('visit.kind.' + v.kind)}  "
            f"{t('visit.status.' + v.status)}" for v in rows if v.start)

    emit(args, {"visits": [asdict(v) for v in rows]}, human)
    return 0
