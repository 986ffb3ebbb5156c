"""The data access export (GDPR art. 15): everything the vault holds about one patient, readable,
with record ids, in the patient's language. Built with reportlab, fonts embedded, A4.

Input is plain data (see `desktop.services.patient_data.PatientRecord`); nothing here touches the
vault, so the caller audits the export once.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.i18n import catalog, field_label, t

SKIP_FIELDS = frozenset({"updated_hlc", "server_version", "patient_id", "owner_patient_id"})


class _Record(Protocol):
    @property
    def patient(self) -> dict[str, Any]: ...
    @property
    def tables(self) -> dict[str, list[dict[str, Any]]]: ...
    @property
    def owned_contacts(self) -> list[dict[str, Any]]: ...
    @property
    def linked_contacts(self) -> list[dict[str, Any]]: ...
    @property
    def audit(self) -> list[dict[str, Any]]: ...
    @property
    def drafts(self) -> list[dict[str, Any]]: ...


class _Change(Protocol):
    @property
    def table(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def old_value(self) -> Any: ...
    @property
    def new_value(self) -> Any: ...
    @property
    def changed_at(self) -> dt.datetime: ...
    @property
    def actor(self) -> str | None: ...
    def changed_by(self, lang: str | None = None) -> str: ...


def _fonts() -> tuple[str, str]:
    """Regular and bold font names (DejaVu, embedded: accents and the euro sign)."""
    from desktop.reports.fonts import register_fonts

    return register_fonts()


class _Styles:
    def __init__(self) -> None:
        regular, bold = _fonts()
        self.title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20,
                                    spaceAfter=6)
        self.h1 = ParagraphStyle("h1", fontName=bold, fontSize=13, leading=16, spaceBefore=10,
                                 spaceAfter=4, textColor=colors.HexColor("#1f3b57"))
        self.h2 = ParagraphStyle("h2", fontName=bold, fontSize=10, leading=13, spaceBefore=6,
                                 spaceAfter=2)
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
        self.small = ParagraphStyle("small", fontName=regular, fontSize=8, leading=10)
        self.label = ParagraphStyle("label", fontName=bold, fontSize=8.5, leading=11)
        self.cell = ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=11)


def _label(name: str, lang: str) -> str:
    code = f"gdpr.field.{name}"
    if code in catalog(lang) or code in catalog("en"):
        return t(code, lang)
    if f"field.{name}" in catalog("en"):
        return field_label(name, lang)
    return name.replace("_", " ").capitalize()


def _value(value: Any, lang: str) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return t("gdpr.yes" if value else "gdpr.no", lang)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v, lang)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_value(v, lang) if not isinstance(v, (dict, list))
                         else json.dumps(v, ensure_ascii=False) for v in value)
    text = str(value)
    if len(text) == 19 and text[10] == "T":  # ISO datetime (UTC) → readable
        return text.replace("T", " ")[:16] + " UTC"
    return text


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _fields_table(row: Mapping[str, Any], st: _Styles, lang: str,
                  extra: Sequence[tuple[str, str]] = ()) -> Table:
    data: list[list[Any]] = [[_para(t("gdpr.record_id", lang), st.label),
                              _para(str(row.get("id", "")), st.cell)]]
    for label, value in extra:
        data.append([_para(label, st.label), _para(value, st.cell)])
    for key, value in row.items():
        if key in SKIP_FIELDS or key == "id":
            continue
        if key == "deleted":
            if value:
                data.append([_para(t("gdpr.deleted", lang), st.label),
                             _para(t("gdpr.yes", lang), st.cell)])
            continue
        text = _value(value, lang)
        if text:
            data.append([_para(_label(key, lang), st.label), _para(text, st.cell)])
    table = Table(data, colWidths=[45 * mm, 125 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d7de")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def _grid(header: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[float],
          st: _Styles) -> Table:
    data = [[_para(h, st.label) for h in header]]
    data += [[_para(c, st.cell) for c in r] for r in rows]
    table = Table(data, colWidths=[w * mm for w in widths], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d7de")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _contact_name(c: Mapping[str, Any] | None) -> str:
    if not c:
        return ""
    name = " ".join(x for x in (c.get("given_name"), c.get("family_name")) if x)
    return name or str(c.get("organisation") or "")


def render_access_export(record: _Record, history: Sequence[_Change], *, lang: str,
                         generated_at: dt.datetime, generated_by: str | None,
                         retention_years: int) -> bytes:
    st = _Styles()
    p = record.patient
    story: list[Any] = []
    name = f"{p.get('given_name') or ''} {p.get('family_name') or ''}".strip()
    story.append(_para(t("gdpr.pdf.title", lang), st.title))
    story.append(_para(t("gdpr.pdf.subtitle", lang, name=name,
                         date=generated_at.strftime("%Y-%m-%d %H:%M") + " UTC",
                         by=generated_by or "-"), st.body))
    story.append(Spacer(1, 3 * mm))
    story.append(_para(t("gdpr.pdf.intro", lang, years=retention_years), st.small))

    # identity
    story.append(_para(t("gdpr.section.patient", lang), st.h1))
    story.append(_fields_table(p, st, lang))

    # contacts
    contacts = {c["id"]: c for c in (*record.owned_contacts, *record.linked_contacts)}
    if record.owned_contacts or record.linked_contacts:
        story.append(_para(t("gdpr.section.contacts", lang), st.h1))
        for c in (*record.owned_contacts, *record.linked_contacts):
            story.append(KeepTogether([_para(_contact_name(c) or c["id"], st.h2),
                                       _fields_table(c, st, lang)]))

    # every patient-owned table
    for table_name, rows in record.tables.items():
        if not rows:
            continue
        story.append(_para(t(f"gdpr.section.{table_name}", lang)
                           if f"gdpr.section.{table_name}" in catalog("en")
                           else table_name.replace("_", " ").capitalize(), st.h1))
        for i, row in enumerate(rows, 1):
            extra: list[tuple[str, str]] = []
            for key in ("contact_id", "responsible_contact_id", "gp_contact_id",
                        "requester_contact_id"):
                if row.get(key) and row[key] in contacts:
                    extra.append((_label(key, lang) + " →", _contact_name(contacts[row[key]])))
            story.append(KeepTogether([_para(f"{i}.", st.h2),
                                       _fields_table(row, st, lang, extra)]))

    # rectification history
    story.append(_para(t("gdpr.section.history", lang), st.h1))
    if history:
        story.append(_grid(
            [t("gdpr.col.when", lang), t("gdpr.col.record", lang), t("gdpr.col.field", lang),
             t("gdpr.col.old", lang), t("gdpr.col.new", lang), t("gdpr.col.by", lang)],
            [(c.changed_at.strftime("%Y-%m-%d %H:%M"), f"{c.table}\n{c.record_id}",
              _label(c.field, lang), _value(c.old_value, lang), _value(c.new_value, lang),
              c.changed_by(lang)) for c in history],
            (24, 46, 24, 30, 30, 16), st))
    else:
        story.append(_para(t("gdpr.none", lang), st.body))

    # audit trail
    story.append(_para(t("gdpr.section.audit", lang), st.h1))
    if record.audit:
        story.append(_grid(
            [t("gdpr.col.when", lang), t("gdpr.col.who", lang), t("gdpr.col.action", lang),
             t("gdpr.col.record", lang), t("gdpr.col.device", lang)],
            [(_value(a.get("at"), lang), a.get("actor") or "",
              t(f"audit.action.{a.get('action')}", lang)
              if f"audit.action.{a.get('action')}" in catalog("en") else str(a.get("action")),
              f"{a.get('record_table') or ''}\n{a.get('record_id') or ''}\n({a['id']})",
              (a.get("device_id") or "")[:13]) for a in record.audit],
            (28, 30, 24, 62, 26), st))
    else:
        story.append(_para(t("gdpr.none", lang), st.body))

    if record.drafts:
        story.append(_para(t("gdpr.section.drafts", lang), st.h1))
        for d in record.drafts:
            story.append(_fields_table({"id": d.get("key"), **{k: v for k, v in d.items()
                                                                 if k != "key"}}, st, lang))

    buf = io.BytesIO()
    footer = t("gdpr.pdf.footer", lang)
    regular, _ = _fonts()

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.drawString(20 * mm, 10 * mm, footer)
        canvas.drawRightString(190 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=t("gdpr.pdf.title", lang), author="Relais")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
