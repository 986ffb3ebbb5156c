"""`relais paperwork add|list|update|remove` and `relais medication add|list|edit|review|remove`
(issue 19, items 1-2): applications and procedures, and the medication list."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

from desktop.commands.common import add_common, emit, open_context
from desktop.domain.paperwork import (
    MEDICATION_SOURCES,
    PAPERWORK_KINDS,
    PAPERWORK_STATUSES,
    REVIEWERS,
)
from desktop.i18n import t

if TYPE_CHECKING:
    from desktop.services.medication import MedicationView


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("paperwork", help="applications and procedures: BIM, allowances, housing…")
    ps = p.add_subparsers(dest="paperwork_command", metavar="ACTION", required=True)
    add = ps.add_parser("add", help="a new procedure; prints its id")
    add_common(add)
    add.add_argument("--patient", required=True, metavar="PATIENT_ID")
    add.add_argument("--kind", required=True, choices=PAPERWORK_KINDS)
    add.add_argument("--deadline", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--follower", metavar="WHO", help="who follows it")
    add.add_argument("--document", action="append", default=[], metavar="TEXT",
                     help="a document asked for (repeatable)")
    add.add_argument("--status", choices=PAPERWORK_STATUSES, default="to_do")
    add.add_argument("--note")
    add.set_defaults(handler=cmd_add)
    lst = ps.add_parser("list", help="procedures, deadline first")
    add_common(lst)
    lst.add_argument("--patient", metavar="PATIENT_ID")
    lst.add_argument("--due", action="store_true",
                     help="only open ones whose deadline is within two weeks or past")
    lst.set_defaults(handler=cmd_list)
    upd = ps.add_parser("update", help="change the status, deadline, follower or documents")
    add_common(upd)
    upd.add_argument("paperwork_id", metavar="PAPERWORK_ID")
    upd.add_argument("--status", choices=PAPERWORK_STATUSES)
    upd.add_argument("--deadline", metavar="YYYY-MM-DD")
    upd.add_argument("--follower", metavar="WHO")
    upd.add_argument("--document", action="append", metavar="TEXT",
                     help="the documents asked for (replaces the list; repeatable)")
    upd.add_argument("--note")
    upd.set_defaults(handler=cmd_update)
    rm = ps.add_parser("remove", help="a procedure entered by mistake")
    add_common(rm)
    rm.add_argument("paperwork_id", metavar="PAPERWORK_ID")
    rm.set_defaults(handler=cmd_remove)

    m = sub.add_parser("medication", help="the patient's medication list")
    ms = m.add_subparsers(dest="medication_command", metavar="ACTION", required=True)
    madd = ms.add_parser("add", help="one medication; prints its id")
    add_common(madd)
    madd.add_argument("--patient", required=True, metavar="PATIENT_ID")
    _medication_fields(madd, name_required=True)
    madd.set_defaults(handler=cmd_med_add)
    mlst = ms.add_parser("list", help="a patient's medication list")
    add_common(mlst)
    mlst.add_argument("--patient", required=True, metavar="PATIENT_ID")
    mlst.set_defaults(handler=cmd_med_list)
    med = ms.add_parser("edit", help="change a medication")
    add_common(med)
    med.add_argument("medication_id", metavar="MEDICATION_ID")
    _medication_fields(med, name_required=False)
    med.set_defaults(handler=cmd_med_edit)
    rev = ms.add_parser("review", help="mark 'review requested' of the GP or the pharmacist")
    add_common(rev)
    rev.add_argument("medication_id", metavar="MEDICATION_ID")
    group = rev.add_mutually_exclusive_group(required=True)
    group.add_argument("--to", choices=REVIEWERS)
    group.add_argument("--done", action="store_true", help="the review was done: clear the mark")
    rev.add_argument("--date", metavar="YYYY-MM-DD", help="when it was asked (default: today)")
    rev.set_defaults(handler=cmd_med_review)
    let = ms.add_parser("review-letter",
                        help="a PDF letter asking the GP or the pharmacist for a review of the "
                             "medicines marked for review")
    add_common(let)
    let.add_argument("--patient", required=True, metavar="PATIENT_ID")
    let.add_argument("--to", required=True, choices=REVIEWERS)
    let.add_argument("--question", help="your question (optional free text)")
    let.add_argument("--lang", choices=("fr", "nl", "en"),
                     help="the letter's language (default: the patient's)")
    let.add_argument("--out", required=True, metavar="FILE.pdf")
    let.set_defaults(handler=cmd_med_letter)
    mrm = ms.add_parser("remove", help="a medication stopped or entered by mistake")
    add_common(mrm)
    mrm.add_argument("medication_id", metavar="MEDICATION_ID")
    mrm.set_defaults(handler=cmd_med_remove)


def _medication_fields(p: argparse.ArgumentParser, *, name_required: bool) -> None:
    p.add_argument("--name", required=name_required)
    p.add_argument("--dose")
    p.add_argument("--schedule")
    p.add_argument("--prescriber", metavar="CONTACT_ID")
    p.add_argument("--source", choices=MEDICATION_SOURCES)
    p.add_argument("--checked", metavar="YYYY-MM-DD", help="when it was checked")
    p.add_argument("--note")


def _day(d: dt.date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


# ---- paperwork ------------------------------------------------------------------------------
def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import paperwork

    with open_context(args) as ctx:
        wid = paperwork.add_paperwork(ctx, args.patient, args.kind, deadline=args.deadline,
                                      follower=args.follower, documents=args.document,
                                      note=args.note, status=args.status)
    emit(args, {"id": wid}, wid)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import paperwork
    from desktop.services.patients import view_patient

    with open_context(args) as ctx:
        if args.patient:
            view_patient(ctx, args.patient, purpose="cli")  # the audit event
        rows = paperwork.list_paperwork(ctx, args.patient, due_only=args.due)

    def human() -> str:
        if not rows:
            return t("paperwork.none")
        lines = []
        for w in rows:
            parts = [t("paperwork.kind." + w.kind), t("paperwork.status." + w.status)]
            if w.deadline:
                parts.append(t("paperwork.deadline", date=_day(w.deadline)))
            if w.due:
                parts.append(t("paperwork.due." + w.due).upper())
            if w.follower:
                parts.append(t("paperwork.followed_by", who=w.follower))
            if w.documents:
                parts.append(t("paperwork.documents", names="; ".join(w.documents)))
            who = "" if args.patient else f"{w.patient_name}  "
            lines.append(f"{w.id}  {who}" + " — ".join(parts))
        return "\n".join(lines)

    emit(args, {"paperwork": [asdict(w) for w in rows]}, human)
    return 0


def _changed(args: argparse.Namespace, fields: list[str]) -> None:
    text = (t("paperwork.changed", fields=", ".join(t("field." + f) for f in fields))
            if fields else t("paperwork.unchanged"))
    emit(args, {"changed": fields}, text)


def cmd_update(args: argparse.Namespace) -> int:
    from desktop.services import paperwork

    changes = {k: getattr(args, k) for k in ("status", "deadline", "follower", "note")
               if getattr(args, k) is not None}
    if args.document is not None:
        changes["documents"] = args.document
    with open_context(args) as ctx:
        fields = paperwork.update_paperwork(ctx, args.paperwork_id, **changes)
    _changed(args, fields)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from desktop.services import paperwork

    with open_context(args) as ctx:
        paperwork.remove_paperwork(ctx, args.paperwork_id)
    emit(args, {"removed": args.paperwork_id}, "")
    return 0


# ---- medication -----------------------------------------------------------------------------
def _med_values(args: argparse.Namespace) -> dict[str, object]:
    names = {"name": "name", "dose": "dose", "schedule": "schedule",
             "prescriber": "prescriber_id", "source": "source", "checked": "checked_on",
             "note": "note"}
    return {field: getattr(args, arg) for arg, field in names.items()
            if getattr(args, arg) is not None}


def cmd_med_add(args: argparse.Namespace) -> int:
    from desktop.services import medication

    values = _med_values(args)
    with open_context(args) as ctx:
        mid = medication.add_medication(ctx, args.patient, **values)  # type: ignore[arg-type]
    emit(args, {"id": mid}, mid)
    return 0


def medication_lines(rows: Sequence[MedicationView], lang: str | None = None) -> list[str]:
    """One line per medication, in the user's language (also used by the summary)."""
    lines = []
    for m in rows:
        head = " ".join(x for x in (m.name, m.dose or "", m.schedule or "") if x)
        parts = [head]
        if m.prescriber_name:
            parts.append(t("medication.prescriber", lang, name=m.prescriber_name))
        if m.checked_on:
            src = t("medication.source." + m.source, lang) if m.source else "—"
            parts.append(t("medication.checked", lang, date=_day(m.checked_on), source=src))
        if m.review_requested_to:
            parts.append(t("medication.review_requested", lang,
                           who=t("medication.reviewer." + m.review_requested_to, lang),
                           date=_day(m.review_requested_on)))
        lines.append(" — ".join(parts))
    return lines


def cmd_med_list(args: argparse.Namespace) -> int:
    from desktop.services import medication
    from desktop.services.patients import view_patient

    with open_context(args) as ctx:
        view_patient(ctx, args.patient, purpose="cli")
        rows = medication.list_medication(ctx, args.patient)

    def human() -> str:
        if not rows:
            return t("medication.none")
        return "\n".join(f"{m.id}  {line}" for m, line in zip(rows, medication_lines(rows),
                                                                strict=True))

    emit(args, {"medication": [asdict(m) for m in rows]}, human)
    return 0


def cmd_med_edit(args: argparse.Namespace) -> int:
    from desktop.services import medication

    with open_context(args) as ctx:
        fields = medication.edit_medication(ctx, args.medication_id, **_med_values(args))
    _changed(args, fields)
    return 0


def cmd_med_review(args: argparse.Namespace) -> int:
    from desktop.services import medication

    with open_context(args) as ctx:
        medication.request_review(ctx, args.medication_id, None if args.done else args.to,
                                  on=args.date)
    emit(args, {"id": args.medication_id, "review_requested_to": None if args.done else args.to},
         "")
    return 0


def cmd_med_remove(args: argparse.Namespace) -> int:
    from desktop.services import medication

    with open_context(args) as ctx:
        medication.remove_medication(ctx, args.medication_id)
    emit(args, {"removed": args.medication_id}, "")
    return 0


def cmd_med_letter(args: argparse.Namespace) -> int:
    from desktop.services.medication_letter import write_review_letter

    with open_context(args) as ctx:
        path = write_review_letter(ctx, args.patient, args.to, args.out,
                                   question=args.question, lang=args.lang)
    emit(args, {"path": str(path)}, str(path))
    return 0
