"""`relais case handover|handovers|handover-read|transfer`: a case handed over inside the team
with a note, and transferred to another organisation with a transfer pack (issue 19, items 5-6).
Registered under `relais case` by `desktop.commands.case`."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_common, emit, open_context
from desktop.i18n import LANGUAGES, t, tn


def register_actions(ps: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ho = ps.add_parser("handover", help="hand the case over to one or two users of the team, "
                       "with a note they read first; their Today gets the case's items")
    add_common(ho)
    ho.add_argument("id")
    ho.add_argument("--to", required=True, metavar="USER")
    ho.add_argument("--co", metavar="USER", help="the second case manager of a pair")
    ho.add_argument("--note", required=True, help="what the new case manager should know first")
    ho.set_defaults(handler=cmd_handover)

    hl = ps.add_parser("handovers", help="the handover notes addressed to you, not yet read")
    add_common(hl)
    hl.add_argument("--patient", metavar="PATIENT_ID")
    hl.set_defaults(handler=cmd_handovers)

    hr = ps.add_parser("handover-read", help="show a handover note addressed to you (audited) "
                       "and mark it read")
    add_common(hr)
    hr.add_argument("note_id", metavar="NOTE_ID")
    hr.set_defaults(handler=cmd_handover_read)

    tr = ps.add_parser("transfer", help="transfer to another organisation: a transfer pack "
                       "(cover letter, summary PDF, FHIR R4 bundle) and the case closed")
    add_common(tr)
    tr.add_argument("id")
    tr.add_argument("--organisation", required=True, metavar="NAME_OR_ID",
                    help="the receiving service, as named in the directory (or its id)")
    tr.add_argument("--out", required=True, metavar="PACK.zip")
    tr.add_argument("--lang", choices=LANGUAGES, default="fr")
    tr.add_argument("--note", help="a note for the receiving organisation (on the cover letter)")
    tr.add_argument("--date", metavar="YYYY-MM-DD", help="closing date (default: today)")
    tr.add_argument("--override-reason", metavar="TEXT",
                    help="transfer without the patient's consent, for this reason (logged)")
    tr.set_defaults(handler=cmd_transfer)


def cmd_handover(args: argparse.Namespace) -> int:
    from desktop.services import handover

    with open_context(args) as ctx:
        r = handover.hand_over(ctx, args.id, args.to, args.co, note=args.note)
    emit(args, {"id": r.case_id, "note_id": r.note_id, "responsible_users": list(r.responsible),
                "case_manager": r.case_manager, "planned_visits": r.planned_visits,
                "paperwork": r.paperwork, "followers_changed": r.followers_changed},
         t("handover.cli.done", names=", ".join(r.responsible),
           visits=tn("handover.cli.visits", r.planned_visits),
           procedures=tn("handover.cli.procedures", r.paperwork), id=r.note_id))
    return 0


def cmd_handovers(args: argparse.Namespace) -> int:
    from desktop.services import handover

    with open_context(args) as ctx:
        rows = handover.to_read(ctx, args.patient)
    lines = [f"{h.id}  {h.handed_over_on.isoformat()}  {h.patient_name}  "
             + t("handover.cli.from", date=h.handed_over_on.isoformat(), name=h.from_name)
             for h in rows]
    emit(args, {"handovers": [{"id": h.id, "patient_id": h.patient_id, "case_id": h.case_id,
                               "handed_over_on": h.handed_over_on.isoformat(),
                               "from": h.from_name} for h in rows]},
         "\n".join(lines) or t("handover.cli.none"))
    return 0


def cmd_handover_read(args: argparse.Namespace) -> int:
    from desktop.services import handover

    with open_context(args) as ctx:
        h, fresh = handover.open_note(ctx, args.note_id)
    head = t("handover.cli.from", date=h.handed_over_on.isoformat(), name=h.from_name)
    emit(args, {"id": h.id, "patient_id": h.patient_id, "case_id": h.case_id,
                "handed_over_on": h.handed_over_on.isoformat(), "from": h.from_name,
                "to": list(h.to_users), "note": h.note, "acknowledged_now": fresh},
         f"{head} — {h.patient_name}\n\n{h.note}"
         + ("\n\n" + t("handover.cli.acknowledged") if fresh else ""))
    return 0


def cmd_transfer(args: argparse.Namespace) -> int:
    from desktop.services import transfer

    transfer.check_output(args.out)  # before unlocking: a bad path fails fast
    with open_context(args) as ctx:
        r = transfer.transfer_case(ctx, args.id, args.organisation, args.out, lang=args.lang,
                                   note=args.note, closed_on=args.date,
                                   override_reason=args.override_reason)
    emit(args, {"path": str(r.path), "case_id": r.case_id, "status": "closed",
                "closure_reason": transfer.CLOSURE_REASON,
                "organisation": {"id": r.organisation.contact_id, "name": r.organisation.name},
                "basis": r.basis, "files": list(r.files)},
         t("transfer.cli.done", path=str(r.path), organisation=r.organisation.name))
    return 0
