"""`relais note add|list`: the journal (append-only) from the command line."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.commands.common import add_common, emit, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("note", help="add and list journal notes")
    ps = p.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    add = ps.add_parser("add", help="append a dated note; prints the new id")
    add_common(add)
    add.add_argument("--patient", required=True, metavar="PATIENT_ID")
    add.add_argument("--text", required=True)
    add.add_argument("--case", metavar="CASE_ID")
    add.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="when it happened (default: now)")
    add.add_argument("--corrects", metavar="NOTE_ID", help="this note corrects an earlier one")
    add.set_defaults(handler=cmd_add)
    lst = ps.add_parser("list", help="journal of a patient, newest first")
    add_common(lst)
    lst.add_argument("--patient", required=True, metavar="PATIENT_ID")
    lst.set_defaults(handler=cmd_list)


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import journal

    with open_context(args) as ctx:
        nid = journal.add_note(ctx, args.patient, args.text, case_id=args.case,
                               written_at=args.at, corrects_note_id=args.corrects)
    emit(args, {"id": nid}, nid)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import journal
    from desktop.services.patients import view_patient

    with open_context(args) as ctx:
        view_patient(ctx, args.patient, purpose="cli")  # the audit event
        rows = journal.list_notes(ctx, args.patient)

    def human() -> str:
        return "\n\n".join(f"{n.written_at:%Y-%m-%d %H:%M}  {n.author or ''}\n{n.text}"
                           for n in rows)

    emit(args, {"notes": [asdict(n) for n in rows]}, human)
    return 0
