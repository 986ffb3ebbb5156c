"""The letter to the GP: who writes, about whom, the situation, the plan, the questions."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.reports.doc_text import DocText
from desktop.reports.document_data import GpLetterData
from desktop.reports.fonts import FONT
from desktop.reports.layout import MARGIN, MUTED, PAGE_W, esc, heading, make_styles, render_pdf
from desktop.reports.summary import plan_flowables

SIZES = {"body": 10.5, "heading": 12.5, "title": 15.0, "phone": 10.5}


def build_gp_letter(d: GpLetterData, *, lang: str = "fr") -> bytes:
    tx = DocText(lang)
    st = make_styles(**SIZES)
    sender = [d.case_manager_name, d.organisation or "", d.case_manager_phone or ""]
    story: list[Flowable] = [
        Paragraph("<br/>".join(esc(x) for x in sender if x), st.body),
        Spacer(1, 6 * mm),
        Paragraph(esc(tx("gp.to", name=d.gp_name)) +
                  (f"<br/>{esc(d.gp_address)}" if d.gp_address else ""), st.body),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("gp.place_date", date=tx.date(d.written_on))), st.body),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("gp.about", patient=d.patient_name, date=tx.short_date(d.birth_date))
                      if d.birth_date else tx("gp.about_no_birth", patient=d.patient_name)),
                  st.cell_bold),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("gp.greeting")), st.body),
        Paragraph(esc(tx("gp.intro")), st.body),
    ]
    # what the GP is asked comes before the detail of the plan
    if d.summary.strip():
        story += [*heading(tx("gp.situation"), st), Paragraph(esc(d.summary), st.body)]
    if d.questions.strip():
        story += [*heading(tx("gp.questions"), st), Paragraph(esc(d.questions), st.body)]
    if d.plan is not None:
        story += plan_flowables(d.plan, st, tx, title=tx("gp.plan"))
    story += [Spacer(1, 6 * mm), Paragraph(esc(tx("gp.closing")), st.body), Spacer(1, 4 * mm),
              Paragraph(f"<b>{esc(d.case_manager_name)}</b>", st.body)]

    def decorate(canvas: Canvas, page: int) -> None:
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN, tx("summary.confidential"))
        canvas.drawRightString(PAGE_W - MARGIN, MARGIN, tx("summary.page", page=page))

    return render_pdf(story, title=tx("gp.title"), author=d.case_manager_name, lang=tx.lang,
                      decorate=decorate)
