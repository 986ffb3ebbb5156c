"""`relais handout` and `relais summary`: the patient's handout and the professional summary."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_common, emit, open_context
from desktop.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    h = sub.add_parser("handout", help="the patient's handout as a PDF (audited print)")
    add_common(h)
    h.add_argument("--patient", required=True, metavar="ID")
    h.add_argument("--out", required=True, metavar="FILE.pdf")
    h.add_argument("--lang", choices=("fr", "nl", "en"), default="fr")
    h.add_argument("--large", action="store_true", help="large print (body text 17 pt)")
    h.add_argument("--with-medication", action="store_true",
                   help="print the medication list on the handout")
    h.set_defaults(handler=cmd_handout)

    s = sub.add_parser("summary", help="the professional summary as a PDF (audited print)")
    add_common(s)
    s.add_argument("--patient", required=True, metavar="ID")
    s.add_argument("--out", required=True, metavar="FILE.pdf")
    s.add_argument("--lang", choices=("fr", "nl", "en"), default="fr")
    s.add_argument("--to", dest="to_contact", metavar="CONTACT_ID",
                   help="addressed to this provider (needs the patient's consent)")
    s.add_argument("--override-reason", metavar="TEXT",
                   help="send to --to without the patient's consent, for this reason (logged)")
    s.set_defaults(handler=cmd_summary)


def cmd_handout(args: argparse.Namespace) -> int:
    from desktop.services import documents

    documents.check_output(args.out)  # before unlocking: a bad path fails fast
    with open_context(args) as ctx:
        path = documents.write_handout(ctx, args.patient, args.out, lang=args.lang,
                                       large=args.large,
                                       with_medication=args.with_medication)
    emit(args, {"path": str(path)}, t("document.written", path=str(path)))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from desktop.services import documents

    documents.check_output(args.out)
    with open_context(args) as ctx:
        path = documents.write_summary(ctx, args.patient, args.out, lang=args.lang,
                                       to_contact_id=args.to_contact,
                                       override_reason=args.override_reason)
    emit(args, {"path": str(path)}, t("document.written", path=str(path)))
    return 0
