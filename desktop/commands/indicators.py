"""`relais indicators [--from D] [--to D] [--json] [--pdf FILE]`: the indicators of my caseload
(issue 20). Aggregate figures only; the PDF export is audited."""

from __future__ import annotations

import argparse

from desktop.commands.common import add_common, emit, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("indicators", help="indicators of my caseload over a period "
                                          "(default: the last twelve months)")
    add_common(p)
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help="first day (default: a year before --to)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: today)")
    p.add_argument("--pdf", metavar="FILE.pdf", help="also save them as a PDF (audited)")
    p.set_defaults(handler=cmd_indicators)


def cmd_indicators(args: argparse.Namespace) -> int:
    from desktop.i18n import t, user_language
    from desktop.reports.indicators import text_report
    from desktop.services import indicators

    lang = user_language()
    with open_context(args) as ctx:
        ind = indicators.indicators(ctx, args.start, args.end)
        path = (indicators.export_pdf(ctx, args.pdf, lang, computed=ind)
                if args.pdf else None)

    def human() -> str:
        text = text_report(ind, lang, indicators.titles(lang))
        return text + ("\n\n" + t("ind.exported", lang, path=str(path)) if path else "")

    data = ind.to_dict()
    if path is not None:
        data["pdf"] = str(path)
    emit(args, data, human)
    return 0
