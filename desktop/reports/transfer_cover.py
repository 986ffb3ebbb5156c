"""The cover letter of a transfer pack: to the receiving organisation, from whom, about whom,
what is enclosed and on which basis the record is sent (issue 19, item 6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.reports.doc_text import DocText
from desktop.reports.fonts import FONT
from desktop.reports.layout import MARGIN, MUTED, PAGE_W, esc, heading, make_styles, render_pdf

SIZES = {"body": 10.5, "heading": 12.5, "title": 15.0, "phone": 10.5}


@dataclass(frozen=True)
class TransferCover:
    to_name: str
    to_address: str | None
    case_manager: str
    phone: str | None
    organisation: str | None
    written_on: dt.date
    patient_name: str
    birth_date: dt.date | None
    opened_on: dt.date | None
    basis: str  # "consent" | "care" | "override"
    consent_on: dt.date | None
    note: str | None
    files: tuple[str, ...]


def build_transfer_cover(d: TransferCover, *, lang: str = "fr") -> bytes:
    tx = DocText(lang)
    st = make_styles(**SIZES)
    sender = [d.case_manager, d.organisation or "", d.phone or ""]
    about = (tx("transfer.about", patient=d.patient_name, date=tx.short_date(d.birth_date))
             if d.birth_date else tx("transfer.about_no_birth", patient=d.patient_name))
    if d.basis == "consent" and d.consent_on:
        basis = tx("transfer.basis_consent", date=tx.date(d.consent_on))
    elif d.basis == "care":
        basis = tx("transfer.basis_care")
    else:
        basis = tx("transfer.basis_override")
    story: list[Flowable] = [
        Paragraph("<br/>".join(esc(x) for x in sender if x), st.body),
        Spacer(1, 6 * mm),
        Paragraph(esc(tx("transfer.to", name=d.to_name))
                  + (f"<br/>{esc(d.to_address)}" if d.to_address else ""), st.body),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("gp.place_date", date=tx.date(d.written_on))), st.body),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("transfer.title")), st.title),
        Paragraph(esc(about), st.cell_bold),
        Spacer(1, 4 * mm),
        Paragraph(esc(tx("transfer.intro", date=tx.date(d.opened_on))
                      if d.opened_on else tx("transfer.intro_no_date")), st.body),
        Spacer(1, 2 * mm),
        Paragraph(esc(basis), st.body),
    ]
    if d.note:
        story += [*heading(tx("transfer.note"), st), Paragraph(esc(d.note), st.body)]
    story += heading(tx("transfer.enclosed"), st)
    for name in d.files:
        story.append(Paragraph(esc(f"• {tx('transfer.file.' + name.split('-', 1)[-1])} "
                                   f"({name})"), st.body))
    story += [Spacer(1, 6 * mm), Paragraph(esc(tx("transfer.closing")), st.body),
              Spacer(1, 4 * mm), Paragraph(f"<b>{esc(d.case_manager)}</b>", st.body)]

    def decorate(canvas: Canvas, page: int) -> None:
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN, tx("summary.confidential"))
        canvas.drawRightString(PAGE_W - MARGIN, MARGIN, tx("summary.page", page=page))

    return render_pdf(story, title=tx("transfer.title"), author=d.case_manager, lang=tx.lang,
                      decorate=decorate)
