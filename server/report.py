"""The team's indicators as labelled rows, a CSV and the funder's quarterly PDF (issue 20).
Cells come from server/indicators.py, already suppressed: nothing here sees a patient."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import DomainError
from desktop.i18n import t
from desktop.resources import resource_path
from server.indicators import SUPPRESSED, Cell

SECTIONS = ("access", "caseload", "care_use", "stability", "goals", "experience", "needs")


NEEDS_ID = "needs_checklist"


def instruments_dir() -> Path:
    """The shipped instruments, where the laptop reads them (desktop.services.instruments)."""
    env = os.environ.get("RELAIS_INSTRUMENTS_DIR")
    return Path(env) if env else resource_path("instruments")


@functools.cache
def _need_titles() -> dict[str, dict[str, str]]:
    """The needs' titles by language. The shipped definition file is read directly (the server
    does not import the laptop's services). Missing or damaged, it is a broken installation:
    DomainError "dashboard.instrument_broken", never bare codes in a funder's report."""
    try:
        defn = json.loads((instruments_dir() / f"{NEEDS_ID}.json").read_text("utf-8"))
        return {str(s["id"]): {str(k): str(v) for k, v in s["title"].items()}
                for s in defn["sections"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DomainError("dashboard.instrument_broken", id=NEEDS_ID) from exc


def group_label(cell: Cell, lang: str) -> str:
    g = cell.group
    if cell.indicator == "requests_by_outcome":
        return t(f"dashboard.outcome.{g}", lang)
    if cell.indicator == "caseload_by_tier":
        return t(f"doc.tier.{g}", lang) if g else t("dashboard.unknown", lang)
    if cell.indicator == "stability_by_kind":
        return t(f"event.kind.{g}", lang) if g else t("dashboard.unknown", lang)
    if cell.indicator == "uncovered_needs":
        need, _, town = g.partition("|")
        titles = _need_titles().get(need, {})
        label = titles.get(lang) or titles.get("fr") or need
        return f"{label} — {town or t('dashboard.unknown', lang)}"
    if cell.indicator == "burden_mean":
        return t(f"dashboard.instrument.{g}", lang)
    if cell.indicator == "caseload_by_manager":
        return g or t("dashboard.unknown", lang)
    return g


@dataclass(frozen=True)
class Row:
    section: str
    indicator: str
    group: str
    value: str
    suppressed: bool


def rows(cells: Iterable[Cell], lang: str) -> list[Row]:
    return [Row(t(f"dashboard.section.{c.section}", lang), t(f"dashboard.ind.{c.indicator}", lang),
                group_label(c, lang), c.value, c.suppressed) for c in cells]


def to_csv(cells: Iterable[Cell], lang: str, start: str, end: str, teams: str) -> str:
    """One line per cell: the codes (stable for a spreadsheet) and the labels."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["period_start", "period_end", "teams", "section", "indicator", "group",
                t("dashboard.section_col", lang), t("dashboard.indicator", lang),
                t("dashboard.group", lang), "value"])
    cells = list(cells)
    for c, r in zip(cells, rows(cells, lang), strict=True):
        w.writerow([start, end, teams, c.section, c.indicator, c.group, r.section, r.indicator,
                    r.group, r.value])
    return out.getvalue()


def to_pdf(cells: Sequence[Cell], lang: str, *, title_lines: Sequence[str],
           produced_on: str) -> bytes:
    """The quarterly report: a title, then one table per section, then the suppression rule."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Flowable,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from desktop.reports.fonts import register_fonts

    font, bold = register_fonts()
    h1 = ParagraphStyle("h1", fontName=bold, fontSize=16, leading=20, spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=12, leading=15, spaceBefore=10,
                        spaceAfter=4)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title=t("dashboard.report_title", lang), author="Relais")
    story: list[Flowable] = [Paragraph(_esc(t("dashboard.report_title", lang)), h1)]
    story += [Paragraph(_esc(line), body) for line in title_lines]
    story.append(Paragraph(_esc(t("dashboard.report_generated", lang, day=produced_on)), body))
    labelled = rows(cells, lang)
    for section in SECTIONS:
        part = [r for c, r in zip(cells, labelled, strict=True) if c.section == section]
        if not part:
            continue
        story.append(Paragraph(_esc(t(f"dashboard.section.{section}", lang)), h2))
        data = [[Paragraph(_esc(r.indicator + (f" — {r.group}" if r.group else "")), body),
                 Paragraph(_esc(r.value), body)] for r in part]
        table = Table(data, colWidths=[140 * mm, 30 * mm])
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *[("BACKGROUND", (1, i), (1, i), colors.whitesmoke)
              for i, r in enumerate(part) if r.value == SUPPRESSED],
        ]))
        story.append(table)
    story += [Spacer(1, 8), Paragraph(_esc(t("dashboard.suppression_note", lang)), body)]
    doc.build(story)
    return buf.getvalue()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
