"""`relais assess --patient ID --instrument ID --answers FILE.json`: record a completed
assessment and print its scores, bands and derived categories."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from desktop.commands.common import CliError, add_common, emit, open_context
from desktop.services.user_files import MAX_ANSWERS_BYTES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("assess", help="score and record a completed assessment")
    add_common(p)
    p.add_argument("--patient", required=True, metavar="ID")
    p.add_argument("--instrument", required=True, metavar="ID")
    p.add_argument("--answers", required=True, metavar="FILE.json",
                   help='JSON object {"item_id": answer, ...}')
    p.add_argument("--band-set", metavar="X", help="band set for the banded totals")
    p.add_argument("--variant", action="append", default=[], metavar="CATEGORY=VARIANT",
                   help="rule variant of a derived category, e.g. forfait=either")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="assessment date (default: today)")
    p.add_argument("--case", metavar="ID", help="case (default: the patient's open case)")
    p.set_defaults(handler=cmd_assess)


def read_answers(path: str) -> Any:
    """The answers file: a regular file of at most MAX_ANSWERS_BYTES, UTF-8 JSON."""
    from desktop.services.user_files import parse_json, read_user_file

    raw = read_user_file(path, max_bytes=MAX_ANSWERS_BYTES, field="answers")
    return parse_json(raw, "answers")


def _variants(raw: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in raw:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise CliError("assessment.variant_format")
        out[key.strip()] = value.strip()
    return out


def render(defn: Any, view: Any, lang: str) -> str:
    from desktop.domain.instruments import text_in
    from desktop.i18n import t
    from desktop.i18n.punctuation import colon

    lines = [f"{text_in(defn.title, lang)} — {view.assessed_on}  ({view.id})"]
    for sc in defn.scores:
        data = view.scores["scores"].get(sc.id)
        if data is None:
            continue
        line = "  " + colon(text_in(sc.label, lang), f"{data['value']} / {data['max']}", lang)
        if data.get("band"):
            bs = sc.band_set(data.get("band_set"))
            band = next((b for b in bs.bands if b.code == data["band"]), None) if bs else None
            line += f" — {text_in(band.label, lang) if band else data['band']} ({data['band_set']})"
        lines.append(line)
    for d in defn.derived:
        data = view.scores["derived"].get(d.id)
        if data is None:
            continue
        label = text_in(d.category(data["code"]).label, lang)
        variant = f" ({data['variant']})" if data.get("variant") else ""
        lines.append("  " + colon(text_in(d.label, lang), f"{label}{variant}", lang))
    if not view.scores.get("complete", True):
        lines.append(f"  ({t('assessment.incomplete', lang)})")
    return "\n".join(lines)


def cmd_assess(args: argparse.Namespace) -> int:
    from desktop.domain.instruments import ScoringOptions, resolve_options
    from desktop.i18n import user_language
    from desktop.services import assessments, instruments

    answers = read_answers(args.answers)
    variants = _variants(args.variant)
    with open_context(args) as ctx:
        defn = instruments.get_definition(ctx, args.instrument)
        opts: ScoringOptions = resolve_options(defn, band_set=args.band_set, variants=variants)
        view = assessments.record_completed(ctx, args.patient, defn.id, answers, options=opts,
                                            assessed_on=args.date, case_id=args.case)
    data = asdict(view)
    emit(args, data, lambda: render(defn, view, user_language()))
    return 0
