"""The printable "who does what" list: every person and service around the patient, with role,
phone and availability, grouped by sector (no Qt)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.domain.contacts import sector_of
from desktop.domain.ecomap import EcomapData
from desktop.domain.ecomap_layout import SECTOR_FILL
from desktop.i18n import t
from desktop.i18n.dates import short_date
from desktop.reports.ecomap_render import BADGES, FONT, FONT_BOLD, register_fonts


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def who_does_what_pdf(data: EcomapData, lang: str = "fr") -> bytes:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12)
    bold = ParagraphStyle("bold", parent=body, fontName=FONT_BOLD)
    title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, textColor=colors.HexColor("#555555"))
    story: list[Flowable] = [
        _p(t("ecosystem.who_title", lang, name=data.patient_label), title),
        _p(t("ecosystem.who_printed", lang, date=short_date(data.taken_on)), small),
        Spacer(1, 5 * mm),
    ]
    if not data.ties:
        story.append(_p(t("ecosystem.who_empty", lang), body))
    else:
        header = [_p(t(f"ecosystem.col.{c}", lang), bold)
                  for c in ("name", "role", "phone", "availability")]
        rows = [header]
        # (command, first cell, last cell, arguments…): reportlab's table command
        styles: list[tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for i, tie in enumerate(data.ties, start=1):
            badges = " ".join(sym for flag, sym in BADGES if getattr(tie, flag))
            flags = ", ".join(t(f"ecosystem.flag.{flag}", lang)
                              for flag, _ in BADGES if getattr(tie, flag))
            name = tie.label + (f"  {badges}" if badges else "")
            kind = t(f"ecosystem.kind.{tie.kind}", lang)
            role = "\n".join(x for x in (tie.role, kind if kind != tie.role else None, flags) if x)
            rows.append([_p(name, bold), _p(role, body), _p(tie.phone or "", body),
                         _p(tie.availability or "", body)])
            styles.append(("BACKGROUND", (0, i), (0, i),
                           colors.HexColor(SECTOR_FILL.get(sector_of(tie.kind), "#ffffff"))))
        table = Table(rows, colWidths=[52 * mm, 55 * mm, 33 * mm, 40 * mm], repeatRows=1)
        table.setStyle(TableStyle(styles))
        story.append(table)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm,
                            title=t("ecosystem.who_title", lang, name=""), author="Relais")
    doc.build(story)
    return buf.getvalue()
