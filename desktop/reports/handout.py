"""The patient's handout: what stays on the kitchen table (docs/ARCHITECTURE.md §10).

Written for the patient, in the first person and plain words: no scores, no codes, no jargon.
Emergency numbers come first, in a box, because that is what a person looks for in a hurry.
Large print sets the body at 17 pt (≥ 16 pt) and phone numbers at 24 pt; normal print has nothing
under 9 pt. The people around the patient are a simple map (`handout_map`) drawn at printed size,
never the professional ecomap: how the case manager reads a tie stays in the summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table, TableStyle

from desktop.domain.care_plan import Week, WeekAction, WeekEntry
from desktop.domain.contacts import SECTORS, sector_of
from desktop.i18n import t
from desktop.reports.doc_text import DocText
from desktop.reports.document_data import DocContact, HandoutData
from desktop.reports.fonts import FONT, FONT_BOLD
from desktop.reports.handout_map import (
    LARGE_MAP,
    NORMAL_MAP,
    MapPerson,
    MapSizes,
    PeopleMap,
    split_people,
)
from desktop.reports.layout import (
    ACCENT,
    ALERT,
    ALERT_LIGHT,
    FRAME_W,
    LIGHT,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    Styles,
    esc,
    heading,
    make_styles,
    render_pdf,
    text_width,
)

GP_ON_CALL = "1733"
EMERGENCY = "112"
NORMAL = {"body": 12.0, "heading": 17.0, "title": 22.0, "phone": 16.0}
# large print: nothing below 16 pt, not even the small print or the map of the people around
LARGE = {"body": 17.0, "heading": 23.0, "title": 28.0, "phone": 24.0, "small": 16.0}
MAP_MAX_H = 120 * mm


def _who(a: WeekAction, tx: DocText) -> str:
    if a.responsible_kind == "patient":
        return tx("handout.me")
    if a.responsible_kind == "case_manager":
        return tx("handout.case_manager")
    role = tx.label("kind", a.role) if a.role else ""
    return f"{a.who} ({role})" if role and role != a.who else a.who


def _cell_font(col: int, font: str, size: float) -> list[tuple[Any, ...]]:
    """Style of a column of plain-string cells (cheaper to lay out than paragraphs)."""
    return [("FONTNAME", (col, 0), (col, -1), font), ("FONTSIZE", (col, 0), (col, -1), size),
            ("LEADING", (col, 0), (col, -1), size * 1.25)]


def _role(c: DocContact, tx: DocText) -> str:
    return tx.label("kind", c.role or c.kind)


def _emergency(data: HandoutData, st: Styles, tx: DocText) -> Flowable:
    rows: list[list[Any]] = [
        [EMERGENCY, Paragraph(esc(tx("handout.call_112")), st.cell)],
    ]
    if data.gp is not None:
        gp_phone = data.gp.phones[0] if data.gp.phones else tx("handout.gp_unknown")
        rows.append([gp_phone,
                     Paragraph(_colon(tx, tx("handout.my_gp"), f"<b>{esc(data.gp.name)}</b>"),
                               st.cell)])
    rows.append([GP_ON_CALL,
                 Paragraph(esc(tx("handout.gp_on_call")), st.cell)])
    if data.case_manager_name:
        rows.append([data.case_manager_phone or "",
                     Paragraph(_colon(tx, tx("handout.case_manager"),
                                      f"<b>{esc(data.case_manager_name)}</b>"), st.cell)])
    numbers = [EMERGENCY, GP_ON_CALL, data.case_manager_phone or ""]
    if data.gp is not None:
        numbers += list(data.gp.phones[:1]) or [tx("handout.gp_unknown")]
    # a phone number never wraps: the column is as wide as the widest number
    phone_w = max(text_width(n, st.phone) for n in numbers) + 22
    table = Table(rows, colWidths=[phone_w, FRAME_W - phone_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # tables default to Helvetica
        *_cell_font(0, FONT_BOLD, st.phone.fontSize),  # numbers: plain cells, never wrapped
        ("BACKGROUND", (0, 0), (-1, -1), ALERT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 2, ALERT),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))
    title = Paragraph(esc(tx("handout.emergency")), _alert_heading(st))
    return KeepTogether([title, table])


def _alert_heading(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("alert_h", parent=st.h1, textColor=ALERT, spaceBefore=st.body_size * 0.6)


def _colon(tx: DocText, label: str, value: str) -> str:
    return tx.colon(esc(label), value)  # French puts a space before the colon


def _my_words(data: HandoutData, st: Styles, tx: DocText) -> list[Flowable]:
    plan = data.plan
    if plan is None:
        return []
    out: list[Flowable] = []
    for key, text in (("what_matters", plan.what_matters), ("life_project", plan.life_project),
                      ("expectations", plan.expectations), ("to_avoid", plan.to_avoid)):
        if text.strip():
            out.append(Paragraph(esc(tx(f"handout.{key}")), st.h2))
            out.append(Paragraph(f"« {esc(text)} »" if tx.lang == "fr" else
                                 f"“{esc(text)}”", st.quote))
    return out


def _goals(data: HandoutData, st: Styles, tx: DocText) -> list[Flowable]:
    out: list[Flowable] = heading(tx("handout.goals"), st)
    goals = [g for g in (data.plan.goals if data.plan else ()) if g.status != "abandoned"]
    if not goals:
        return [*out, Paragraph(esc(tx("handout.no_goals")), st.body)]
    for i, g in enumerate(goals, 1):
        extra = ""
        if g.status == "achieved":
            extra = f" <font color='#1b7f3b'>✓ {esc(tx('handout.goal_done'))}</font>"
        elif g.target_date:
            by = tx("handout.goal_by", date=tx.date(g.target_date))
            extra = f" <font color='#555555'>({esc(by)})</font>"
        out.append(Paragraph(f"<b>{i}.</b> {esc(g.text)}{extra}", st.body))
    return out


def _week(week: Week, st: Styles, tx: DocText) -> list[Flowable]:
    out: list[Flowable] = heading(tx("handout.week"), st)
    if not any(week.days) and not week.other:
        return [*out, Paragraph(esc(tx("handout.no_week")), st.body)]
    if any(week.days):
        # what happens every day is said once, on its own first row, not seven times
        daily = [e for e in week.days[0] if len(e.action.schedule.days) == 7]
        daily_ids = {id(e.action) for e in daily}

        def cell(entries: Sequence[WeekEntry]) -> Paragraph:
            lines = []
            for e in entries:
                when = tx.time_range(e.start, e.end, e.part)
                lead = f"<b>{esc(when)}</b>  " if when else ""
                lines.append(lead + _colon(tx, _who(e.action, tx), esc(e.action.what)))
            return Paragraph("<br/>".join(lines) or tx("handout.nobody"), st.cell)

        rows: list[list[Any]] = []
        if daily:
            rows.append([tx("handout.every_day"), cell(daily)])
        for d, entries in enumerate(week.days):
            rows.append([tx.day(d, capital=True),
                         cell([e for e in entries if id(e.action) not in daily_ids])])
        labels = [tx.day(d, capital=True) for d in range(7)] + ([tx("handout.every_day")] if daily else [])
        bold = ParagraphStyle("day", fontName=FONT_BOLD, fontSize=st.body_size)
        day_w = max(text_width(x, bold) for x in labels) + 14
        table = Table(rows, colWidths=[day_w, FRAME_W - day_w], repeatRows=0, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # tables default to Helvetica
            *_cell_font(0, FONT_BOLD, st.body_size),
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("BACKGROUND", (0, 0), (0, -1), LIGHT),
            ("ROWBACKGROUNDS", (1, 0), (1, -1), [None, "#f8f9fa"]),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        out.append(table)
    if week.other:
        out.append(Paragraph(esc(tx("handout.other_help")), st.h2))
        for a in week.other:
            said = tx.schedule(a.schedule)
            when = f" — {esc(said)}" if said else ""
            out.append(Paragraph("• " + _colon(tx, _who(a, tx), esc(a.what)) + when, st.body))
    return out


class _TailedTable(Table):
    """A table that, split across pages, carries at least TAIL rows onto the next one: two
    people alone on a page before the map's own page read as a page forgotten there."""

    TAIL = 3

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        rows, heights = len(self._cellvalues), self._rowHeights  # type: ignore[attr-defined]
        if len(parts) == 2 and rows > 2 * self.TAIL \
                and len(parts[1]._cellvalues) < self.TAIL:  # type: ignore[attr-defined]
            head, tail = super().split(availWidth, sum(heights[:rows - self.TAIL]) + 0.5)
            return [head, PageBreak(), tail]  # not into the room the shorter head leaves
        return parts


def _contacts(data: HandoutData, st: Styles, tx: DocText) -> list[Flowable]:
    """Who to call or where to go: the people with a phone or an address. The others (a
    husband, a son whose number she knows) are on the map that ends the handout; listed here
    without a number they made two pages more to turn for nothing."""
    out: list[Flowable] = heading(tx("handout.contacts"), st)
    reachable = [c for c in data.contacts if c.phones or c.address]
    if not reachable:
        return [*out, Paragraph(esc(tx("handout.no_contacts")), st.body)]
    rows: list[list[Any]] = []
    for c in reachable:
        who = f"<b>{esc(c.name)}</b><br/><font color='#555555'>{esc(_role(c, tx))}</font>"
        if c.address:
            who += f"<br/>{esc(c.address)}"
        rows.append([Paragraph(who, st.cell), "\n".join(c.phones)])
    widest = max((text_width(p, st.phone) for c in reachable for p in c.phones), default=0)
    phone_w = min(max(widest + 16, FRAME_W * 0.3), FRAME_W * 0.55)
    table = _TailedTable(rows, colWidths=[FRAME_W - phone_w, phone_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # tables default to Helvetica
        *_cell_font(1, FONT_BOLD, st.phone.fontSize),
        ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    out.append(table)
    if len(reachable) < len(data.contacts):
        out.append(Paragraph(esc(tx("handout.contacts_more")), st.body))
    return out


def _people_around(data: HandoutData, st: Styles, tx: DocText, sizes: MapSizes,
                   page_h: float) -> list[Flowable]:
    """Who is around me: a simple map (who and their role, never how the case manager judges
    the tie), and the people it has no room for listed under it by sector."""
    if not data.contacts:
        return []
    people = [MapPerson(c.name, _role(c, tx), sector_of(c.kind)) for c in data.contacts]
    on_map, others = split_people(people, sizes)

    def listed() -> list[Flowable]:
        """The people the map has no room for, by sector."""
        if not others:
            return []
        out: list[Flowable] = [Paragraph(esc(tx("handout.map_more")), st.h2)]
        for sector in SECTORS:
            names = [f"<b>{esc(p.name)}</b>" + (f" ({esc(p.role)})" if p.role else "")
                     for p in others if p.sector == sector]
            if names:
                label = esc(t(f"ecosystem.sector.{sector}", tx.lang))
                out.append(Paragraph(_colon(tx, label, ", ".join(names)), st.body))
        return out

    def height(flowables: list[Flowable]) -> float:
        return sum(f.wrap(FRAME_W, page_h)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in flowables)

    picture = PeopleMap(tx("handout.me"), on_map, FRAME_W, sizes)
    more = listed()
    # the heading, the map and the list under it share one page (a neighbour alone on a
    # last page read as a page printed by mistake): long names give way to the list
    room = page_h - st.h1.spaceBefore - st.h1.leading - st.h1.spaceAfter - 12
    while picture.height + height(more) > room and len(on_map) > 1:
        others.insert(0, on_map.pop())
        picture = PeopleMap(tx("handout.me"), on_map, FRAME_W, sizes)
        more = listed()
    return [KeepTogether([Paragraph(esc(tx("handout.map")), st.h1), picture, *more])]


class _Cropped(Flowable):
    """Part of a drawing (the people, without the title and legend), scaled and clipped."""

    def __init__(self, drawing: Drawing, box: tuple[float, float, float, float],
                 scale: float) -> None:
        super().__init__()
        self.drawing, self.box, self.scale = drawing, box, scale
        self.width = (box[2] - box[0]) * scale
        self.height = (box[3] - box[1]) * scale

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        c = self.canv
        path = c.beginPath()
        path.rect(0, 0, self.width, self.height)
        c.clipPath(path, stroke=0, fill=0)
        c.scale(self.scale, self.scale)
        c.translate(-self.box[0], -self.box[1])
        renderPDF.draw(self.drawing, c, 0, 0)


def ecomap_flowable(ecomap: Any, lang: str, max_h: float = MAP_MAX_H, *,
                    crop: bool = False) -> Flowable | None:
    """The ecomap drawing scaled to the frame, or None when there is nothing to draw (no tie).
    `crop` keeps only the people, without the title and legend. Professional documents only: the patient's handout draws `handout_map.PeopleMap`."""
    if ecomap is None or not getattr(ecomap, "ties", ()):
        return None
    from desktop.domain.ecomap_layout import layout
    from desktop.reports.ecomap_render import LEGEND_H, ecomap_drawing, map_size

    lay = layout(ecomap.nodes(), ecomap.patient_label)
    nat_w, nat_h = map_size(lay)
    if not crop:
        scale = min(FRAME_W / nat_w, max_h / nat_h, 1.6)
        return _embedded(ecomap_drawing(ecomap, nat_w * scale, nat_h * scale, lang))
    # the people's bounding box, in drawing coordinates (layout y runs downwards)
    r, pad = lay.patient_radius, 14.0
    x0 = min([lay.cx - r] + [n.x - n.w / 2 for n in lay.nodes]) - pad
    x1 = max([lay.cx + r] + [n.x + n.w / 2 for n in lay.nodes]) + pad
    y0 = min([lay.cy - r] + [n.y - n.h / 2 for n in lay.nodes]) - pad
    y1 = max([lay.cy + r] + [n.y + n.h / 2 for n in lay.nodes]) + pad
    top = LEGEND_H + lay.height
    box = (max(x0, 0.0), max(top - y1, LEGEND_H), min(x1, nat_w), min(top - y0, top))
    scale = min(FRAME_W / (box[2] - box[0]), max_h / (box[3] - box[1]), 2.2)
    return _Cropped(_embedded(ecomap_drawing(ecomap, nat_w, nat_h, lang)), box, scale)


def _embedded(drawing: Drawing) -> Drawing:
    # a drawing starts in Helvetica (never embedded) unless told otherwise
    drawing.setProperties({"initialFontName": FONT})  # an attribute types-reportlab lacks
    return drawing


def _medication(data: HandoutData, st: Styles, tx: DocText) -> list[Flowable]:
    """My medicines (only when chosen at print time): name, dose, when."""
    if not data.medication:
        return []
    out: list[Flowable] = heading(tx("medication.mine"), st)
    for m in data.medication:
        line = " — ".join(x for x in (m.name, m.dose, m.schedule) if x)
        out.append(Paragraph("• " + esc(line), st.body))
    return out


def _review(data: HandoutData, st: Styles, tx: DocText) -> list[Flowable]:
    review = data.plan.review_date if data.plan else None
    text = tx("handout.review_on", date=tx.long_date(review)) if review else tx("handout.no_review")
    return [*heading(tx("handout.review"), st), Paragraph(esc(text), st.body)]


def build_handout(data: HandoutData, *, lang: str = "fr", large: bool = False) -> bytes:
    tx = DocText(lang)
    st = make_styles(**(LARGE if large else NORMAL))
    story: list[Flowable] = [
        Paragraph(esc(tx("handout.title")), st.title),
        Paragraph(esc(data.patient_name), st.subtitle),
    ]
    status_line = tx("handout.made_on", date=tx.date(data.made_on))
    if data.plan is not None and data.plan.status == "agreed" and data.plan.agreed_on:
        if data.plan.agreed_parties:  # in the patient's voice: "avec moi et ma famille"
            status_line += " · " + tx("handout.agreed_with", date=tx.date(data.plan.agreed_on),
                                      who=tx.agreed_with(data.plan.agreed_parties,
                                                         data.plan.agreed_with,
                                                         patient_voice=True))
        else:  # only words typed before codes existed, about the patient: not printed here
            status_line += " · " + tx("handout.agreed", date=tx.date(data.plan.agreed_on))
    elif data.plan is not None:
        status_line += " · " + tx("handout.draft")
    story.append(Paragraph(esc(status_line), st.small))
    story.append(_emergency(data, st, tx))
    story += _my_words(data, st, tx)
    story += _goals(data, st, tx)
    # the review date follows the goals: it never ends the handout alone on a last page
    story += _review(data, st, tx)
    story += _week(data.week, st, tx)
    story += _contacts(data, st, tx)
    story += _medication(data, st, tx)
    footer_size = 16.0 if large else 9.0
    top, bottom = MARGIN + footer_size * 0.6, MARGIN + footer_size + 14
    frame_h = PAGE_H - top - bottom - 12  # a frame pads 6 pt on each side
    # nothing after the map: a trailing spacer that did not fit made an empty last page
    story += _people_around(data, st, tx, LARGE_MAP if large else NORMAL_MAP, frame_h)

    footer = tx("handout.footer", name=data.case_manager_name) if data.case_manager_name else ""
    if footer and data.case_manager_phone:
        footer += f" — {data.case_manager_phone}"

    def decorate(canvas: Canvas, page: int) -> None:
        canvas.setFont(FONT, footer_size)
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(ACCENT)
        canvas.line(MARGIN, MARGIN + footer_size + 6, PAGE_W - MARGIN, MARGIN + footer_size + 6)
        canvas.drawString(MARGIN, MARGIN, footer)
        # the page number sits at the top: in large print the footer takes the whole line
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN * 0.8,
                               tx("handout.page", page=page))

    return render_pdf(story, title=tx("handout.title"), author=data.case_manager_name or "Relais",
                      lang=tx.lang, decorate=decorate, bottom=bottom, top=top)
