"""`relais ecomap --patient ID --out FILE.(png|svg|pdf)`: export the map (audited); also save
today's map as a dated snapshot, compare two dates, and print the "who does what" list."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.commands.common import add_common, emit, open_context
from desktop.i18n import LANGUAGES, t, user_language
from desktop.i18n.punctuation import colon


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ecomap", help="export a patient's ecomap (PNG, SVG or PDF)")
    add_common(p)
    p.add_argument("--patient", metavar="ID", required=True)
    p.add_argument("--out", metavar="FILE", help="FILE.png, FILE.svg or FILE.pdf")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the map saved on that date")
    p.add_argument("--lang", choices=LANGUAGES)
    p.add_argument("--save", action="store_true", help="save today's map as a dated snapshot")
    p.add_argument("--compare", nargs=2, metavar=("OLDER", "NEWER"),
                   help='two dates (YYYY-MM-DD or "today"): ties added, removed, changed')
    p.add_argument("--who-does-what", metavar="FILE.pdf", dest="who",
                   help="print the who-does-what list to a PDF")
    p.set_defaults(handler=cmd_ecomap)


def _day(value: str | None, field: str) -> dt.date | None:
    from desktop.domain.dates import parse_date

    if value is None or value == "today":
        return None
    return parse_date(value, field)


def cmd_ecomap(args: argparse.Namespace) -> int:
    from desktop.commands.common import CliError
    from desktop.services import ecosystem

    if not (args.out or args.save or args.compare or args.who):
        raise CliError("ecosystem.cli_nothing_to_do")
    day = _day(args.date, "date")
    data: dict[str, object] = {"patient": args.patient}
    lines: list[str] = []
    with open_context(args) as ctx:
        if args.save:
            data["snapshot"] = ecosystem.save_snapshot(ctx, args.patient)
            lines.append(str(data["snapshot"]))
        if args.out:
            out = ecosystem.export_ecomap(ctx, args.patient, args.out, lang=args.lang, day=day)
            data["out"] = str(out)
            lines.append(t("ecosystem.written", path=str(out)))
        if args.who:
            out = ecosystem.print_who_does_what(ctx, args.patient, args.who, lang=args.lang)
            data["who_does_what"] = str(out)
            lines.append(t("ecosystem.written", path=str(out)))
        if args.compare:
            older, newer = (_day(v, "date") for v in args.compare)
            a, b, diff = ecosystem.compare(ctx, args.patient, older, newer)
            data["compare"] = {
                "older": a.taken_on.isoformat(), "newer": b.taken_on.isoformat(),
                "added": [x["contact_id"] for x in diff.added],
                "removed": [x["contact_id"] for x in diff.removed],
                "changed": [{"contact_id": c.contact_id, "fields": list(c.fields)}
                            for c in diff.changed]}
            lang = user_language()
            for status, ties in (("added", diff.added), ("removed", diff.removed)):
                lines += [colon(t(f"ecosystem.status.{status}"), x["label"], lang) for x in ties]
            lines += [colon(t("ecosystem.status.changed"),
                            f"{c.after['label']} ({', '.join(c.fields)})", lang)
                      for c in diff.changed]
    emit(args, data, "\n".join(lines))
    return 0
