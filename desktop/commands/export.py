"""`relais export fhir|pdf --patient ID --out FILE`: the patient's copy of the record (GDPR art. 15
and 20). Each export is one audit event; a restricted record can still be exported."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_common, emit, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export a patient's record (FHIR R4 JSON or readable PDF)")
    ps = p.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    f = ps.add_parser("fhir", help="FHIR R4 Bundle (JSON)")
    add_common(f)
    f.add_argument("--patient", required=True, metavar="ID")
    f.add_argument("--out", required=True, metavar="FILE.json")
    f.add_argument("--lang", choices=["fr", "nl", "en"],
                   help="language of the readable notes (default: the user's)")
    f.set_defaults(handler=cmd_fhir)
    d = ps.add_parser("pdf", help="everything held about the patient, readable (PDF)")
    add_common(d)
    d.add_argument("--patient", required=True, metavar="ID")
    d.add_argument("--out", required=True, metavar="FILE.pdf")
    d.add_argument("--lang", choices=["fr", "nl", "en"])
    d.set_defaults(handler=cmd_pdf)


def cmd_fhir(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        out = gdpr.export_fhir(ctx, args.patient, args.out, lang=args.lang)
    emit(args, {"path": str(out)}, t("gdpr.cli.exported", path=out))
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        out = gdpr.export_pdf(ctx, args.patient, args.out, lang=args.lang)
    emit(args, {"path": str(out)}, t("gdpr.cli.exported", path=out))
    return 0
