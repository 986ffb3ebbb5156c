"""The carer's own needs (issue 19, item 3): the carer's assessment, opened from the carer's node
on the ecomap. Each save records a new assessment (the latest is the current one); the previous
one is shown above the form, and its burden and respite are proposed again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from desktop.domain import carer as K
from desktop.domain.ecomap import EcomapTie
from desktop.i18n.dates import short_date
from desktop.services import carer
from desktop.services.context import AppContext
from desktop.ui.dossier.case_dialogs import FormDialog
from desktop.ui.draft_guard import TextWidget
from desktop.ui.fields import DateField
from desktop.ui.i18n import message


def assessment_summary(a: carer.CarerAssessmentView) -> str:
    """One line about an assessment, in the UI language (the ecomap's details, the dialog)."""
    parts = [message("carer.burden." + a.burden), message("carer.respite." + a.respite),
             message("carer.assessed_on", date=short_date(a.assessed_on))]
    if a.review_on:
        parts.append(message("carer.review_on", date=short_date(a.review_on)))
    if a.review:
        parts.append(message("carer.review." + a.review))
    return " · ".join(parts)


def tie_line(tie: EcomapTie, on: dt.date) -> str | None:
    """The carer's current assessment as drawn on the map (its details line), or None."""
    if not tie.carer_burden:
        return None
    parts = [message("carer.burden." + tie.carer_burden)]
    if tie.carer_respite:
        parts.append(message("carer.respite." + tie.carer_respite))
    if tie.carer_assessed_on:
        parts.append(message("carer.assessed_on", date=short_date(tie.carer_assessed_on)))
    if tie.carer_review_on:
        parts.append(message("carer.review_on", date=short_date(tie.carer_review_on)))
    state = K.review_state(tie.carer_review_on, on)
    if state:
        parts.append(message("carer.review." + state))
    return message("carer.mark", text=", ".join(parts))


class CarerAssessmentDialog(FormDialog):
    """The carer's burden, respite, health, needs and wishes, and when to review them."""

    DRAFT_KIND = "carer_assessment"

    def __init__(self, parent: QWidget | None, ctx: AppContext, patient_id: str,
                 contact_id: str, carer_name: str) -> None:
        super().__init__(parent, self.tr("Carer's assessment — {name}").format(name=carer_name))
        self.ctx, self.patient_id, self.contact_id = ctx, patient_id, contact_id
        self.setMinimumWidth(600)  # the title holds the carer's name: not cut by the frame
        previous = next((a for a in carer.list_carer_assessments(ctx, patient_id)
                         if a.contact_id == contact_id and a.current), None)
        self.previous = QLabel(self.tr("Last assessment: {line}").format(
            line=assessment_summary(previous)) if previous else
            self.tr("First assessment of this carer."))
        self.previous.setWordWrap(True)
        self.form.addRow(self.previous)
        self.assessed_on = DateField(ctx.today(), today=ctx.today, field="assessed_on")
        self.burden = QComboBox()
        for code in K.BURDENS:
            self.burden.addItem(message("carer.burden." + code), code)
        self.respite = QComboBox()
        for code in K.RESPITE:
            self.respite.addItem(message("carer.respite." + code), code)
        if previous is not None:
            self.burden.setCurrentIndex(K.BURDENS.index(previous.burden))
            self.respite.setCurrentIndex(K.RESPITE.index(previous.respite))
        else:
            self.burden.setCurrentIndex(K.BURDENS.index("moderate"))
        self.health = self._text()
        self.needs = self._text()
        self.wishes = self._text()
        self.note = self._text()
        self.review_on = DateField(None, today=ctx.today, field="review_on")
        self.review_on.setToolTip(self.tr("Empty: in 1 to 12 months, sooner when the burden is "
                                          "heavier"))
        self.errors.add("assessed_on", self.assessed_on, self.tr("&Assessed on:"))
        self.errors.add("burden", self.burden, self.tr("&Burden for the carer:"))
        self.errors.add("respite", self.respite, self.tr("Res&pite:"))
        self.errors.add("health", self.health, self.tr("The carer's &health:"))
        self.errors.add("needs", self.needs, self.tr("N&eeds:"))
        self.errors.add("wishes", self.wishes, self.tr("&Wishes:"))
        self.errors.add("note", self.note, self.tr("N&ote:"))
        self.errors.add("review_on", self.review_on, self.tr("Re&view on:"))
        self.attach_drafts(ctx, patient_id)

    @staticmethod
    def _text() -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().height() * 3 + 12)
        return box

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"health": self.health, "needs": self.needs, "wishes": self.wishes,
                "note": self.note}

    def draft_record(self) -> str | None:
        return self.contact_id  # one draft per carer

    def draft_context(self) -> dict[str, object]:
        return {"contact_id": self.contact_id}

    def save(self) -> str | None:
        return carer.assess_carer(
            self.ctx, self.patient_id, self.contact_id, burden=self.burden.currentData(),
            respite=self.respite.currentData(), health=self.health.toPlainText(),
            needs=self.needs.toPlainText(), wishes=self.wishes.toPlainText(),
            note=self.note.toPlainText(), assessed_on=self.assessed_on.value(),
            review_on=self.review_on.value())
