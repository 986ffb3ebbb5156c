"""What the three documents share: A4 page, paragraph styles, escaping, rendering to bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate

from desktop.reports.fonts import FONT, FONT_BOLD, register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN
INK = colors.HexColor("#1d1d1d")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#0b5394")
LIGHT = colors.HexColor("#eef3f8")
ALERT = colors.HexColor("#b3261e")
ALERT_LIGHT = colors.HexColor("#fdecea")
RULE = colors.HexColor("#9aa5b1")


def heading(text: str, st: Styles, *, keep: float | None = None) -> list[Flowable]:
    """A section heading that never ends a page alone: break first unless `keep` points (about
    four lines of body) fit below it. (keepWithNext would drag a whole table to the next page.)"""
    room = keep if keep is not None else st.h1.fontSize * 2 + st.body_size * 1.3 * 4
    return [CondPageBreak(room), Paragraph(esc(text), st.h1)]


def text_width(text: str, style: ParagraphStyle) -> float:
    return float(pdfmetrics.stringWidth(text, style.fontName, style.fontSize))


def esc(text: str | None) -> str:
    """Text for a Paragraph: XML-escaped, line breaks kept."""
    return escape(text or "").replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    quote: ParagraphStyle
    phone: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    body_size: float


def make_styles(body: float, *, heading: float, title: float, phone: float,
                small: float | None = None) -> Styles:
    register_fonts()
    lead = 1.3

    def style(name: str, size: float, font: str = FONT, **kw: object) -> ParagraphStyle:
        kw.setdefault("leading", size * lead)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, **kw)  # type: ignore[arg-type]

    return Styles(
        body=style("body", body, spaceAfter=body * 0.4),
        small=style("small", small or max(body * 0.8, 8), textColor=MUTED),
        title=style("title", title, FONT_BOLD, textColor=ACCENT, spaceAfter=title * 0.2),
        subtitle=style("subtitle", body * 1.15, FONT_BOLD, spaceAfter=body * 0.3),
        h1=style("h1", heading, FONT_BOLD, textColor=ACCENT, spaceBefore=heading * 0.9,
                 spaceAfter=heading * 0.35),
        h2=style("h2", body * 1.05, FONT_BOLD, spaceBefore=body * 0.5, spaceAfter=body * 0.2,
                 keepWithNext=1),
        quote=style("quote", body, leftIndent=body, borderPadding=(2, 0, 2, body * 0.6),
                    spaceAfter=body * 0.5),
        phone=style("phone", phone, FONT_BOLD, leading=phone * 1.2),
        cell=style("cell", body),
        cell_bold=style("cell_bold", body, FONT_BOLD),
        body_size=body,
    )


PageDecorator = Callable[[Canvas, int], None]


def render_pdf(story: Sequence[Flowable], *, title: str, author: str, lang: str,
               decorate: PageDecorator | None = None, top: float = MARGIN,
               bottom: float = MARGIN + 8 * mm) -> bytes:
    """Lay out the story on A4 and return the PDF bytes (nothing touches the disk here)."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=top, bottomMargin=bottom, title=title, author=author,
                            lang=lang, creator="Relais", initialFontName=FONT,
                            initialFontSize=10)  # no unembedded Helvetica on any page

    def on_page(canvas: Canvas, d: SimpleDocTemplate) -> None:
        if decorate is not None:
            canvas.saveState()
            decorate(canvas, d.page)
            canvas.restoreState()

    doc.build(list(story), onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
