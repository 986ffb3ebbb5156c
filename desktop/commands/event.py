"""`relais event add|list`: the stability log (a fall, an emergency visit, a crisis call...)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.commands.common import add_common, emit, int_in, open_context
from desktop.domain.transitions import EVENT_KINDS, MAX_DAYS, TREND_DAYS
from desktop.i18n import t, tn


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("event", help="the stability log: falls, emergency visits, crisis calls…")
    ps = p.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    add = ps.add_parser("add", help="record an event; prints the new id")
    add_common(add)
    add.add_argument("--patient", required=True, metavar="PATIENT_ID")
    add.add_argument("--kind", required=True, choices=EVENT_KINDS)
    add.add_argument("--date", metavar="YYYY-MM-DD", help="when (default: today)")
    add.add_argument("--reported-by", metavar="WHO")
    add.add_argument("--note")
    add.set_defaults(handler=cmd_add)
    lst = ps.add_parser("list", help="a patient's events, newest first, and the trend")
    add_common(lst)
    lst.add_argument("--patient", required=True, metavar="PATIENT_ID")
    lst.add_argument("--days", type=int_in(1, MAX_DAYS), default=TREND_DAYS)
    lst.set_defaults(handler=cmd_list)


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import stability

    with open_context(args) as ctx:
        eid = stability.add_event(ctx, args.patient, args.kind, occurred_on=args.date,
                                  reported_by=args.reported_by, note=args.note)
    emit(args, {"id": eid}, eid)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import stability
    from desktop.services.patients import view_patient

    with open_context(args) as ctx:
        view_patient(ctx, args.patient, purpose="cli")  # the audit event
        rows = stability.list_events(ctx, args.patient, days=args.days)
        trend = stability.trend_of(ctx, args.patient, days=args.days)

    def human() -> str:
        lines = [tn("event.trend", trend.total, days=trend.days, previous=trend.previous)
                 + f" — {t('event.trend.' + trend.direction)}"]
        if not rows:
            lines.append(t("event.none"))
        for e in rows:
            who = f"  ({e.reported_by})" if e.reported_by else ""
            lines.append(f"{e.occurred_on:%d/%m/%Y}  {t('event.kind.' + e.kind)}{who}"
                         + (f"  {e.note}" if e.note else ""))
        return "\n".join(lines)

    emit(args, {"events": [asdict(e) for e in rows],
                "trend": {"days": trend.days, "total": trend.total, "previous": trend.previous,
                          "direction": trend.direction, "by_kind": trend.by_kind}}, human)
    return 0
