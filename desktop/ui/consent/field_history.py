"""The consent tab's "Changes to the record" (GDPR art. 16), as a person reads it: field names,
values and authors in the UI's language, never an internal code or id.

- field names per record kind (catalog `gdpr.field.*`, `field.*`, then the few below);
- values: dates dd/mm/yyyy (times local), codes as their labels, assessment answers with the
  item labels of their instrument, a contact id as that person's name;
- the record: its kind and, for an assessment, its instrument ("Évaluations · Katz");
- the author: the person's name; a change applied by a sync says so;
- computed fields (an assessment's scores, options, instrument version) are left out: they
  follow from the answers shown.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import DomainError
from desktop.domain.instruments.model import Definition, text_in
from desktop.i18n import catalog, t
from desktop.i18n.dates import short_date, short_datetime
from desktop.i18n.punctuation import colon
from desktop.services import assessments, contacts, instruments
from desktop.services.context import AppContext
from desktop.services.gdpr import FieldChangeView
from desktop.ui import labels_case as case_labels
from desktop.ui.consent import labels

HIDDEN = {"assessment_response": {"scores", "options", "instrument_version"}}
# coded fields of the case area: (table, field) → the label of a code, or the message catalog's
# prefix for it (a code the table does not know is shown as it is)
CODE_LABELS: dict[tuple[str, str], Any] = {
    ("case_record", "requester_type"): case_labels.requester,
    ("case_record", "closure_reason"): case_labels.closure_reason,
    ("case_record", "intake_outcome"): case_labels.intake_outcome,
    ("case_record", "crisis_triggers"): "triage.crisis.",
    ("case_record", "closure_handback"): "closure.handback.",
    ("visit", "kind"): case_labels.visit_kind,
    ("visit", "status"): case_labels.visit_status,
    ("hospital_stay", "kind"): case_labels.stay_kind,
    ("paperwork", "kind"): "paperwork.kind.",
    ("paperwork", "status"): "paperwork.status.",
    ("medication", "source"): "medication.source.",
    ("medication", "review_requested_to"): "medication.reviewer.",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FieldHistory", text)


def _extra_fields() -> dict[str, str]:
    return {"completed_at": _tr("Completed on"), "assessor": _tr("Assessed by"),
            "answers": _tr("Answers"), "status": _tr("Status")}


def field_label(name: str, lang: str) -> str:
    for code in (f"gdpr.field.{name}", f"field.{name}"):
        if code in catalog("en"):
            return t(code, lang)
    return _extra_fields().get(name) or name.replace("_", " ")


def local_time(value: dt.datetime) -> dt.datetime:
    """Stored times are UTC without a zone: shown in the laptop's time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().replace(tzinfo=None)


def device_label(ctx: AppContext, device_id: str | None) -> str:
    """Which laptop, in words (a device id means nothing to a patient)."""
    if not device_id:
        return ""
    return _tr("this laptop") if device_id == ctx.device_id else _tr("another laptop")


class HistoryFormatter:
    """Formats one patient's field changes; looks names up once (contacts, instruments)."""

    def __init__(self, ctx: AppContext, patient_id: str, lang: str) -> None:
        self.ctx, self.patient_id, self.lang = ctx, patient_id, lang
        self._names: dict[str, str] = {}
        self._instrument_of: dict[str, str] | None = None

    # ---- records ---------------------------------------------------------------------------
    def instrument(self, response_id: str) -> Definition | None:
        if self._instrument_of is None:
            views = (assessments.history(self.ctx, self.patient_id)
                     + assessments.drafts(self.ctx, self.patient_id))
            self._instrument_of = {v.id: v.instrument_id for v in views}
        iid = self._instrument_of.get(response_id)
        if iid is None:
            return None
        try:
            return instruments.get_definition(self.ctx, iid)
        except DomainError:
            return None

    def record(self, c: FieldChangeView) -> str:
        code = f"gdpr.section.{c.table}"
        kind = t(code, self.lang) if code in catalog("en") else _tr("Record")
        if c.table == "assessment_response":
            defn = self.instrument(c.record_id)
            if defn is not None:
                return f"{kind} · {text_in(defn.short_title, self.lang) or defn.id}"
        if c.table == "contact":  # a person around the patient: who it was
            return f"{_tr('Contact')} · {self.name_of(c.record_id)}"
        return kind

    def name_of(self, record_id: str) -> str:
        if record_id not in self._names:
            try:
                self._names[record_id] = contacts.get_contact(self.ctx, record_id).name
            except DomainError:
                self._names[record_id] = _tr("(another record)")
        return self._names[record_id]

    # ---- values ----------------------------------------------------------------------------
    def value(self, c: FieldChangeView, value: Any) -> str:
        return self._value(c.table, c.field, value, c.record_id)

    def _value(self, table: str, field: str, value: Any, record_id: str = "") -> str:
        lang = self.lang
        if value is None or value == "" or value == {} or value == []:
            return "—"
        if isinstance(value, bool):
            return t("gdpr.yes" if value else "gdpr.no", lang)
        if table == "assessment_response" and field == "answers" and isinstance(value, dict):
            return self._answers(record_id, value)
        if isinstance(value, dict):
            return "; ".join(colon(field_label(str(k), lang), self._value(table, str(k), v), lang)
                             for k, v in value.items() if v not in (None, "", [], {}))
        if isinstance(value, list):
            return ", ".join(self._value(table, field, v) for v in value)
        if isinstance(value, dt.datetime):
            return short_datetime(local_time(value))
        if isinstance(value, dt.date):
            return short_date(value)
        text = str(value)
        if ISO_DATE.match(text):
            return short_date(dt.date.fromisoformat(text))
        if ISO_DATETIME.match(text):
            try:
                return short_datetime(local_time(dt.datetime.fromisoformat(text)))
            except ValueError:
                return text
        if UUID.match(text):
            return self.name_of(text)
        return self._code(table, field, text)

    def _code(self, table: str, field: str, code: str) -> str:
        if "tier" in field or field == "suggested":
            return case_labels.tier(code)
        if field == "status":
            if table == "assessment_response":
                return {"draft": _tr("draft"), "completed": _tr("completed")}.get(code, code)
            if table == "case_record":
                return case_labels.case_status(code)
        if table == "contact" and field == "handout_agreement":  # the carer's own agreement
            return labels.decision(code)
        if table == "contact" and field == "handout_agreement_method":
            return labels.method(code)
        if table == "consent_event":
            if field == "purpose":
                return labels.purpose(code)
            if field == "decision":
                return labels.decision(code)
            if field == "method":
                return labels.method(code)
        label = CODE_LABELS.get((table, field))
        if isinstance(label, str):
            return t(label + code, self.lang) if label + code in catalog("en") else code
        if label is not None:
            return str(label(code))
        return code

    def _answers(self, record_id: str, answers: dict[str, Any]) -> str:
        defn = self.instrument(record_id)
        parts = []
        for item_id, answer in answers.items():
            label = item_id
            shown = self._value("", "", answer)
            if defn is not None:
                try:
                    item = defn.item(item_id)
                except KeyError:
                    item = None
                if item is not None:
                    label = text_in(item.text, self.lang) or item_id
            parts.append(colon(label, shown, self.lang))
        return "; ".join(parts)

    # ---- rows ------------------------------------------------------------------------------
    def author(self, c: FieldChangeView) -> str:
        if c.actor and not UUID.match(c.actor):
            return c.actor
        return t("gdpr.by_sync", self.lang) if c.synced else _tr("unknown")

    def rows(self, changes: list[FieldChangeView]) -> list[list[str]]:
        """Newest first: when, record, field, before, after, by."""
        out = []
        for c in reversed(changes):
            if c.field in HIDDEN.get(c.table, ()):
                continue
            out.append([short_datetime(local_time(c.changed_at)), self.record(c),
                        field_label(c.field, self.lang), self.value(c, c.old_value),
                        self.value(c, c.new_value), self.author(c)])
        return out


