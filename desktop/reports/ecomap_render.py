"""The ecomap as a reportlab Drawing, and its PDF, SVG and PNG files (no Qt).

Drawn from `desktop.domain.ecomap_layout` with Hartman's conventions: the patient in the centre,
line weight for strength, dashes for a tenuous tie, crossed strokes for a stressful one, arrows
for the flow of energy, a legend and the date. The care-plan handout embeds `ecomap_drawing`.
PNG: reportlab's renderPM needs a cairo backend that the venv lacks, so the PDF is rasterised by
pdfium (already a dependency), which also guarantees the PNG is the same picture as the PDF.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import stat
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from reportlab.graphics import renderPDF, renderSVG
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.domain.carer import BURDEN_COLOUR, BURDENS
from desktop.domain.contacts import SECTORS
from desktop.domain.ecomap import EcomapData, EcomapTie
from desktop.domain.ecomap_layout import (
    DASH,
    LINE,
    LINE_WIDTH,
    NAME_SIZE,
    PAD_Y,
    PATIENT_FILL,
    PATIENT_SIZE,
    PATIENT_STROKE,
    QUALITY_COLOUR,
    ROLE_SIZE,
    SECTOR_FILL,
    SECTOR_STROKE,
    EcomapLayout,
    PlacedNode,
    arrow_head,
    arrows_for,
    carer_mark,
    edge_ends,
    hatch_marks,
    layout,
)
from desktop.i18n import t
from desktop.i18n.dates import short_date
from desktop.resources import resource_path

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
TITLE_H = 34.0
LEGEND_H = 92.0
PNG_SCALE = 1.5  # pixels per drawing point
HIGHLIGHT = {"added": "#1b9e3e", "removed": "#d32f2f", "changed": "#f57c00"}
BADGES = (("is_gp", "✚"), ("is_informal_carer", "♥"), ("is_reference_person", "★"))


_font_lock = threading.Lock()


def register_fonts() -> None:
    """The bundled DejaVu fonts (accents, €, the badge symbols); the layout measures with them.
    Same names as `desktop.reports.fonts`, so a handout embeds each font once."""
    with _font_lock:
        registered = pdfmetrics.getRegisteredFontNames()
        for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))


def _c(hex_colour: str) -> Color:
    return HexColor(hex_colour)


class _Frame:
    """Layout coordinates (y down) to drawing coordinates (y up) inside the map area."""

    def __init__(self, lay: EcomapLayout, bottom: float) -> None:
        self.top = bottom + lay.height

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (x, self.top - y)


def _edge(g: Group, fr: _Frame, lay: EcomapLayout, node: PlacedNode, tie: EcomapTie) -> None:
    (sx, sy), (ex, ey) = edge_ends(lay, node)
    colour = _c(QUALITY_COLOUR.get(tie.quality, QUALITY_COLOUR["neutral"]))
    width = LINE_WIDTH.get(tie.strength, LINE_WIDTH["moderate"])
    a, b = fr.p(sx, sy), fr.p(ex, ey)
    line = Line(a[0], a[1], b[0], b[1], strokeColor=colour, strokeWidth=width)
    dash = DASH.get(tie.strength)
    if dash:
        line.strokeDashArray = list(dash)
    g.add(line)
    if tie.quality == "stressful":
        for (x1, y1), (x2, y2) in hatch_marks((sx, sy), (ex, ey)):
            p1, p2 = fr.p(x1, y1), fr.p(x2, y2)
            g.add(Line(p1[0], p1[1], p2[0], p2[1], strokeColor=colour, strokeWidth=1.3))
    at_patient, at_contact = arrows_for(tie.energy_flow)
    size = 8.0 + width
    for on, tip, tail in ((at_patient, (sx, sy), (ex, ey)), (at_contact, (ex, ey), (sx, sy))):
        if on:
            pts = [c for pt in arrow_head(tip, tail, size) for c in fr.p(*pt)]
            g.add(Polygon(pts, fillColor=colour, strokeColor=colour, strokeWidth=0.5))


def _rect(x: float, y: float, width: float, height: float, radius: float,
          **style: object) -> Rect:
    """Rect(x, y, width, height, rx=radius, ry=radius, **style), as Rect itself applies its
    keywords (types-reportlab declares Rect's **kw without Unpack, so no keyword type-checks)."""
    rect = Rect(x, y, width, height, rx=radius, ry=radius)
    rect.setProperties(style)
    return rect


def _node(g: Group, fr: _Frame, node: PlacedNode, tie: EcomapTie, mark: str | None,
          on: dt.date | None = None) -> None:
    x0, y0, x1, y1 = node.box
    left, bottom = fr.p(x0, y1)
    if mark:
        g.add(_rect(left - 4, bottom - 4, node.w + 8, node.h + 8, 7,
                    fillColor=None, strokeColor=_c(HIGHLIGHT[mark]), strokeWidth=3,
                    strokeDashArray=[5, 3] if mark == "removed" else None))
    double = tie.is_reference_person
    g.add(_rect(left, bottom, node.w, node.h, 5,
                fillColor=_c(SECTOR_FILL.get(node.sector, "#ececec")),
                strokeColor=_c(SECTOR_STROKE.get(node.sector, "#777777")),
                strokeWidth=2.0 if double else 1.0))
    y = y0 + PAD_Y + NAME_SIZE * 0.95
    for line in node.lines:
        px, py = fr.p(node.x, y)
        g.add(String(px, py, line, fontName=FONT_BOLD, fontSize=NAME_SIZE, textAnchor="middle",
                     fillColor=_c("#1d1d1d")))
        y += NAME_SIZE * LINE
    if node.role_line:
        y += (ROLE_SIZE - NAME_SIZE) * 0.2
        px, py = fr.p(node.x, y)
        g.add(String(px, py, node.role_line, fontName=FONT, fontSize=ROLE_SIZE,
                     textAnchor="middle", fillColor=_c("#3c3c3c")))
    # badges sit on the top edge, inside the box's width
    bx = x1 - 7
    for flag, symbol in BADGES:
        if getattr(tie, flag):
            cx, cy = fr.p(bx, y0)
            g.add(Circle(cx, cy, 6.2, fillColor=white, strokeColor=_c("#444444"), strokeWidth=0.8))
            g.add(String(cx, cy - 3.0, symbol, fontName=FONT, fontSize=8, textAnchor="middle",
                         fillColor=_c("#b00020" if flag == "is_informal_carer" else "#222222")))
            bx -= 14
    m = carer_mark(node, tie.carer_burden, tie.carer_review_on, on) if on else None
    if m is not None:  # the carer's own assessment: burden by colour, "!" when review due
        cx, cy = fr.p(m.x, m.y)
        g.add(Circle(cx, cy, m.r, fillColor=_c(m.fill), strokeColor=_c("#333333"),
                     strokeWidth=0.8))
        if m.review_due:
            g.add(String(cx, cy - 3.0, "!", fontName=FONT_BOLD, fontSize=8, textAnchor="middle",
                         fillColor=white))


def _patient(g: Group, fr: _Frame, lay: EcomapLayout) -> None:
    cx, cy = fr.p(lay.cx, lay.cy)
    g.add(Circle(cx, cy, lay.patient_radius, fillColor=_c(PATIENT_FILL),
                 strokeColor=_c(PATIENT_STROKE), strokeWidth=2.2))
    n = len(lay.patient_lines)
    first = lay.cy - (n - 1) * PATIENT_SIZE * LINE / 2 + PATIENT_SIZE * 0.35
    for i, line in enumerate(lay.patient_lines):
        px, py = fr.p(lay.cx, first + i * PATIENT_SIZE * LINE)
        g.add(String(px, py, line, fontName=FONT_BOLD, fontSize=PATIENT_SIZE,
                     textAnchor="middle", fillColor=_c("#2b2200")))


def _legend(g: Group, width: float, lang: str) -> None:
    """Three rows at the bottom: line styles, flows and badges, sector colours."""
    g.add(Line(12, LEGEND_H - 4, width - 12, LEGEND_H - 4, strokeColor=_c("#bbbbbb"),
               strokeWidth=0.6))
    x, y = 16.0, LEGEND_H - 24

    def label(px: float, py: float, code: str) -> float:
        text = t(code, lang)
        g.add(String(px, py - 3, text, fontName=FONT, fontSize=8, fillColor=_c("#222222")))
        return px + pdfmetrics.stringWidth(text, FONT, 8) + 18

    neutral = _c(QUALITY_COLOUR["neutral"])
    for strength in ("strong", "moderate", "tenuous"):
        line = Line(x, y, x + 30, y, strokeColor=neutral, strokeWidth=LINE_WIDTH[strength])
        if DASH[strength]:
            line.strokeDashArray = list(DASH[strength])  # type: ignore[arg-type]
        g.add(line)
        x = label(x + 36, y, f"ecosystem.strength.{strength}")
    for quality in ("supportive", "stressful"):
        colour = _c(QUALITY_COLOUR[quality])
        g.add(Line(x, y, x + 30, y, strokeColor=colour, strokeWidth=1.8))
        if quality == "stressful":
            for (x1, y1), (x2, y2) in hatch_marks((x, -y), (x + 30, -y), spacing=8.0):
                g.add(Line(x1, -y1, x2, -y2, strokeColor=colour, strokeWidth=1.2))
        x = label(x + 36, y, f"ecosystem.quality.{quality}")
    x, y = 16.0, LEGEND_H - 48
    g.add(Line(x, y, x + 30, y, strokeColor=neutral, strokeWidth=1.8))
    g.add(Polygon([c for pt in arrow_head((x + 30, y), (x, y), 9) for c in pt],
                  fillColor=neutral, strokeColor=neutral))
    x = label(x + 36, y, "ecosystem.legend.flow")
    for flag, symbol in BADGES:
        g.add(Circle(x + 6, y, 6.2, fillColor=white, strokeColor=_c("#444444"), strokeWidth=0.8))
        g.add(String(x + 6, y - 3, symbol, fontName=FONT, fontSize=8, textAnchor="middle",
                     fillColor=_c("#b00020" if flag == "is_informal_carer" else "#222222")))
        x = label(x + 16, y, f"ecosystem.flag.{flag}")
    for burden in BURDENS:  # the carer's assessment mark, light to heavy burden
        g.add(Circle(x + 6, y, 5.0, fillColor=_c(BURDEN_COLOUR[burden]),
                     strokeColor=_c("#333333"), strokeWidth=0.8))
        x += 13
    x = label(x + 4, y, "ecosystem.legend.carer_assessment")
    x, y = 16.0, LEGEND_H - 72
    for sector in SECTORS:
        g.add(_rect(x, y - 6, 22, 12, 3, fillColor=_c(SECTOR_FILL[sector]),
                    strokeColor=_c(SECTOR_STROKE[sector]), strokeWidth=1))
        x = label(x + 28, y, f"ecosystem.sector.{sector}")


def elide(text: str, name: str, lang: str) -> str:
    """French elision before a name: "Écocarte de Hélène" → "Écocarte d'Hélène"."""
    if lang != "fr" or not name or name[0].lower() not in "aeiouyhàâäéèêëîïôöûü":
        return text
    return text.replace(f"de {name}", f"d'{name}", 1)


def _title(g: Group, data: EcomapData, width: float, top: float, lang: str) -> None:
    title = elide(t("ecosystem.map_title", lang, name=data.patient_label,
                    date=short_date(data.taken_on)), data.patient_label, lang)
    g.add(String(16, top - 22, title, fontName=FONT_BOLD, fontSize=13, fillColor=_c("#1d1d1d")))
    del width


def map_size(lay: EcomapLayout) -> tuple[float, float]:
    """The natural size of the whole picture (title, map, legend), in points."""
    return (lay.width, lay.height + TITLE_H + LEGEND_H)


def ecomap_drawing(data: EcomapData, width: float | None = None, height: float | None = None,
                   lang: str = "fr", *, highlight: Mapping[str, str] | None = None) -> Drawing:
    """The ecomap scaled to fit width × height (natural size when omitted), centred.
    `highlight` maps tie ids to "added", "removed" or "changed" (snapshot comparison)."""
    register_fonts()
    lay = layout(data.nodes(), data.patient_label)
    nat_w, nat_h = map_size(lay)
    width = width or nat_w
    height = height or (nat_h * width / nat_w if width != nat_w else nat_h)
    scale = min(width / nat_w, height / nat_h)
    content = Group()
    content.add(_rect(0, 0, nat_w, nat_h, 0, fillColor=white, strokeColor=None))
    fr = _Frame(lay, LEGEND_H)
    ties = {tie.id: tie for tie in data.ties}
    edges, nodes = Group(), Group()
    marks = highlight or {}
    for node in lay.nodes:
        _edge(edges, fr, lay, node, ties[node.id])
        _node(nodes, fr, node, ties[node.id], marks.get(node.id), data.taken_on)
    content.add(edges)
    _patient(content, fr, lay)
    content.add(nodes)
    _legend(content, nat_w, lang)
    _title(content, data, nat_w, nat_h, lang)
    dx = (width - nat_w * scale) / 2
    dy = (height - nat_h * scale) / 2
    content.transform = (scale, 0, 0, scale, dx, dy)
    drawing = Drawing(width, height)
    drawing.add(content)
    return drawing


# ---- files -----------------------------------------------------------------------------------
def png_size(data: EcomapData) -> tuple[int, int]:
    lay = layout(data.nodes(), data.patient_label)
    w, h = map_size(lay)
    return (math.ceil(w * PNG_SCALE), math.ceil(h * PNG_SCALE))


def _png(drawing: Drawing) -> bytes:
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        page = pdf[0]
        target = (math.ceil(drawing.width * PNG_SCALE), math.ceil(drawing.height * PNG_SCALE))
        image = page.render(scale=PNG_SCALE, fill_color=(255, 255, 255, 255)).to_pil()
        if image.size != target:  # pdfium rounds; make the size exact
            image = image.resize(target)
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="PNG")
        return buf.getvalue()
    finally:
        pdf.close()


def render_ecomap(data: EcomapData, fmt: str, lang: str = "fr",
                  highlight: Mapping[str, str] | None = None) -> bytes:
    drawing = ecomap_drawing(data, lang=lang, highlight=highlight)
    if fmt == "pdf":
        # types-reportlab says str; renderPDF.drawToString returns the PDF's bytes
        return cast(bytes, renderPDF.drawToString(drawing, title=t("ecosystem.ecomap", lang)))
    if fmt == "svg":
        return str(renderSVG.drawToString(drawing)).encode("utf-8")
    if fmt == "png":
        return _png(drawing)
    raise ValueError(fmt)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Temp file beside the target, fsync, rename: never a half-written export."""
    tmp = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)  # a file replaced keeps its owner's choice
    except OSError:
        mode = 0o600  # a new export holds patient data: owner only, whatever the umask
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_ecomap(data: EcomapData, path: str | os.PathLike[str], lang: str = "fr") -> Path:
    """Write PNG, SVG or PDF, chosen by the file's extension."""
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(fmt)
    atomic_write_bytes(out, render_ecomap(data, fmt, lang))
    return out
