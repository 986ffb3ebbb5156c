"""`relais instrument list | show ID | import FILE`: the assessment instrument catalog."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from desktop.commands.common import add_common, emit, open_context, vault_present


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("instrument", help="list, show and import assessment instruments")
    ps = p.add_subparsers(dest="instrument_command", metavar="ACTION", required=True)
    lst = ps.add_parser("list", help="shipped and imported instruments")
    add_common(lst)
    lst.set_defaults(handler=cmd_list)
    show = ps.add_parser("show", help="items, answer options and scoring of one instrument")
    add_common(show)
    show.add_argument("id")
    show.set_defaults(handler=cmd_show)
    imp = ps.add_parser("import", help="import a licensed definition file (JSON)")
    add_common(imp)
    imp.add_argument("file")
    imp.set_defaults(handler=cmd_import)


@contextmanager
def _maybe_context(args: argparse.Namespace) -> Iterator[Any]:
    """Imported definitions live in the vault; without a vault the shipped ones still show."""
    if not vault_present(args):
        yield None
        return
    with open_context(args) as ctx:
        yield ctx


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.domain.instruments import text_in
    from desktop.i18n import t, user_language
    from desktop.services import instruments

    lang = user_language()
    with _maybe_context(args) as ctx:
        rows = instruments.list_instruments(ctx)

    def human() -> str:
        lines = []
        for r in rows:
            note = "" if r.texts_available else f"  [{t('assessment.texts_not_imported')}]"
            lines.append(f"{r.id:<18} {r.version:<8} {text_in(r.title, lang)}{note}")
        return "\n".join(lines)

    emit(args, {"instruments": [asdict(r) for r in rows]}, human)
    return 0


def describe(defn: Any, lang: str) -> str:
    """A readable listing of a definition: items with options and scores, scoring rules."""
    from desktop.domain.instruments import text_in
    from desktop.i18n import t

    missing = t("instrument.licensed_text_missing", lang)
    lines = [f"{text_in(defn.title, lang)} ({defn.id} {defn.version})",
             f"{t('assessment.licence', lang)}: {text_in(defn.licence.note, lang)}",
             f"{t('assessment.source', lang)}: {defn.source}", "",
             f"{t('assessment.items', lang)}:"]
    for it in defn.items:
        req = "" if it.required else f" ({t('assessment.optional', lang)})"
        lines.append(f"  {it.id}: {text_in(it.text, lang) or missing}{req}")
        if it.type == "choice":
            for o in it.options:
                score = "" if o.score is None else f" → {o.score}"
                lines.append(f"      {o.value}: {text_in(o.label, lang)}{score}")
        elif it.type == "boolean":
            yes, no = t("assessment.yes", lang), t("assessment.no", lang)
            lines.append(f"      true ({yes}) → {it.score_of(True)}, false ({no}) → "
                         f"{it.score_of(False)}")
        elif it.type == "number":
            ranges = ", ".join(f"{r.min}–{r.max} → {r.score}" for r in it.score_ranges)
            lines.append(f"      {it.min}–{it.max}" + (f": {ranges}" if ranges else ""))
    if defn.scores:
        lines += ["", f"{t('assessment.scores', lang)}:"]
        for sc in defn.scores:
            lines.append(f"  {sc.id}: {text_in(sc.label, lang)} [{sc.range[0]}–{sc.range[1]}]")
            for bs in sc.band_sets:
                bands = ", ".join(f"{b.min}–{b.max} {text_in(b.label, lang)}" for b in bs.bands)
                default = " *" if bs.id == sc.default_band_set else ""
                lines.append(f"      {bs.id}{default} — {text_in(bs.label, lang)}: {bands}")
    if defn.derived:
        lines += ["", f"{t('assessment.derived', lang)}:"]
        for d in defn.derived:
            lines.append(f"  {d.id}: {text_in(d.label, lang)}")
            for v in d.variants:
                default = " *" if v.id == d.default_variant else ""
                lines.append(f"      {v.id}{default}: {text_in(v.label, lang)}")
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.i18n import user_language
    from desktop.services import instruments

    with _maybe_context(args) as ctx:
        defn = instruments.get_definition(ctx, args.id)
    emit(args, {"definition": defn.raw}, lambda: describe(defn, user_language()))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import instruments

    with open_context(args) as ctx:
        result = instruments.import_definition(ctx, args.file)
    emit(args, asdict(result), t("instrument.imported", id=result.id, version=result.version))
    return 0
