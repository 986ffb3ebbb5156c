"""`relais carer assess|list|remove` (issue 19, item 3): the informal carer's own needs, assessed
on the carer's contact, with a review date."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING

from desktop.commands.common import add_common, emit, open_context
from desktop.domain.carer import BURDENS, RESPITE
from desktop.i18n import t

if TYPE_CHECKING:
    from desktop.services.carer import CarerAssessmentView


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("carer", help="the informal carer's own needs: the carer's assessment")
    ps = p.add_subparsers(dest="carer_command", metavar="ACTION", required=True)
    a = ps.add_parser("assess", help="record a carer's assessment; prints its id")
    add_common(a)
    a.add_argument("--patient", required=True, metavar="PATIENT_ID")
    a.add_argument("--contact", required=True, metavar="CONTACT_ID",
                   help="the carer (ticked 'informal carer' on the patient's ecomap)")
    a.add_argument("--burden", required=True, choices=BURDENS, help="how heavy the care is "
                   "for the carer")
    a.add_argument("--respite", required=True, choices=RESPITE)
    a.add_argument("--health", help="the carer's own health concerns")
    a.add_argument("--needs", help="what the carer needs")
    a.add_argument("--wishes", help="what the carer wishes")
    a.add_argument("--note")
    a.add_argument("--date", metavar="YYYY-MM-DD", help="when it was assessed (default: today)")
    a.add_argument("--review", metavar="YYYY-MM-DD",
                   help="when to review it (default: 1 to 12 months, sooner if heavier)")
    a.set_defaults(handler=cmd_assess)
    lst = ps.add_parser("list", help="carers' assessments, newest first")
    add_common(lst)
    lst.add_argument("--patient", metavar="PATIENT_ID")
    lst.add_argument("--due", action="store_true",
                     help="only the current ones whose review is within two weeks or past")
    lst.set_defaults(handler=cmd_list)
    rm = ps.add_parser("remove", help="an assessment entered by mistake")
    add_common(rm)
    rm.add_argument("assessment_id", metavar="ASSESSMENT_ID")
    rm.set_defaults(handler=cmd_remove)


def _day(d: dt.date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def assessment_line(a: CarerAssessmentView, lang: str | None = None) -> str:
    """One line: the carer, burden, respite, dates, then what they said (also for the UI)."""
    parts = [a.carer_name, t("carer.burden." + a.burden, lang),
             t("carer.respite." + a.respite, lang), t("carer.assessed_on", lang,
                                                     date=_day(a.assessed_on))]
    if a.review_on:
        parts.append(t("carer.review_on", lang, date=_day(a.review_on)))
    if a.review:
        parts.append(t("carer.review." + a.review, lang).upper())
    for name in ("health", "needs", "wishes", "note"):
        if getattr(a, name):
            parts.append(t("carer." + name, lang, text=" ".join(getattr(a, name).split())))
    return " — ".join(parts)


def cmd_assess(args: argparse.Namespace) -> int:
    from desktop.services import carer

    with open_context(args) as ctx:
        aid = carer.assess_carer(ctx, args.patient, args.contact, burden=args.burden,
                                 respite=args.respite, health=args.health, needs=args.needs,
                                 wishes=args.wishes, note=args.note, assessed_on=args.date,
                                 review_on=args.review)
    emit(args, {"id": aid}, aid)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import carer
    from desktop.services.patients import view_patient

    with open_context(args) as ctx:
        if args.patient:
            view_patient(ctx, args.patient, purpose="cli")  # the audit event
        rows = carer.list_carer_assessments(ctx, args.patient, due_only=args.due)

    def human() -> str:
        if not rows:
            return t("carer.none")
        return "\n".join(f"{a.id}  " + ("" if args.patient else f"{a.patient_name}  ")
                         + assessment_line(a) for a in rows)

    emit(args, {"carer_assessments": [asdict(a) for a in rows]}, human)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from desktop.services import carer

    with open_context(args) as ctx:
        carer.remove_carer_assessment(ctx, args.assessment_id)
    emit(args, {"removed": args.assessment_id}, "")
    return 0
