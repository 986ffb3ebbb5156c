"""The letter asking the GP or the pharmacist for a medication review (issue 19, item 2): who
writes, about whom, the medicines marked for review, and the case manager's question."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.reports.doc_text import DocText
from desktop.reports.document_data import DocMedication
from desktop.reports.fonts import FONT
from desktop.reports.gp_letter import SIZES
from desktop.reports.layout import (
    FRAME_W,
    MARGIN,
    MUTED,
    PAGE_W,
    esc,
    heading,
    make_styles,
    render_pdf,
)
from desktop.reports.summary import _grid


@dataclass(frozen=True)
class MedicationLetterData:
    to: str  # gp | pharmacist
    addressee: str  # "" when the pharmacy is not known: written by hand
    addressee_address: str | None
    patient_name: str
    birth_date: dt.date | None
    written_on: dt.date
    medication: tuple[DocMedication, ...]
    question: str
    case_manager_name: str
    case_manager_phone: str | None
    organisation: str | None


def build_medication_letter(d: MedicationLetterData, *, lang: str = "fr") -> bytes:
    tx = DocText(lang)
    st = make_styles(**SIZES)
    sender = [d.case_manager_name, d.organisation or "", d.case_manager_phone or ""]
    to = tx(f"medletter.to.{d.to}", name=d.addressee) if d.addressee else \
        tx(f"medletter.to_blank.{d.to}")
    story: list[Flowable] = [
        Paragraph("<br/>".join(esc(x) for x in sender if x), st.body),
        Spacer(1, 6 * mm),
        Paragraph(esc(to) + (f"<br/>{esc(d.addressee_address)}" if d.addressee_address
                             else ""), st.body),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("gp.place_date", date=tx.date(d.written_on))), st.body),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("medletter.title")), st.subtitle),
        Paragraph(esc(tx("medletter.about", patient=d.patient_name,
                         date=tx.short_date(d.birth_date)) if d.birth_date
                      else tx("medletter.about_no_birth", patient=d.patient_name)),
                  st.cell_bold),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx(f"medletter.greeting.{d.to}")), st.body),
        Paragraph(esc(tx("medletter.intro")), st.body),
    ]
    rows = []
    for m in d.medication:
        checked = tx.short_date(m.checked_on)
        source = tx.label("medication.source", m.source) if m.source else ""
        rows.append([m.name, m.dose, m.schedule, m.prescriber, source, checked])
    w = [38 * mm, 20 * mm, 28 * mm, 34 * mm, 28 * mm]
    story += [*heading(tx("medletter.list"), st),
              _grid([tx("medication.name"), tx("medication.dose"), tx("medication.schedule"),
                     tx("medication.prescriber"), tx("medletter.source"),
                     tx("medletter.checked_on")], rows, [*w, FRAME_W - sum(w)], st)]
    if d.question.strip():
        story += [*heading(tx("medletter.question"), st), Paragraph(esc(d.question), st.body)]
    story += [Spacer(1, 6 * mm), Paragraph(esc(tx("medletter.closing")), st.body),
              Spacer(1, 4 * mm), Paragraph(f"<b>{esc(d.case_manager_name)}</b>", st.body)]

    def decorate(canvas: Canvas, page: int) -> None:
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN, tx("summary.confidential"))
        canvas.drawRightString(PAGE_W - MARGIN, MARGIN, tx("summary.page", page=page))

    return render_pdf(story, title=tx("medletter.title"), author=d.case_manager_name,
                      lang=tx.lang, decorate=decorate)
