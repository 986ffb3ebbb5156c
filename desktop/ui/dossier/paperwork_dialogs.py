"""Dialogs of the paperwork tracker and the medication list (issue 19, items 1-2)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.domain import paperwork as P
from desktop.services import contacts, medication, paperwork
from desktop.services.context import AppContext
from desktop.ui.dossier.case_dialogs import FormDialog
from desktop.ui.draft_guard import TextWidget
from desktop.ui.fields import DateField
from desktop.ui.i18n import message


class PaperworkDialog(FormDialog):
    """Add or follow up an application or procedure: kind, status, deadline, who follows it,
    the documents asked for (one a line)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, patient_id: str,
                 record: paperwork.PaperworkView | None = None) -> None:
        super().__init__(parent, self.tr("Procedure"))
        self.ctx, self.patient_id, self.record = ctx, patient_id, record
        self.kind = QComboBox()
        for code in P.PAPERWORK_KINDS:
            self.kind.addItem(message("paperwork.kind." + code), code)
        self.status = QComboBox()
        for code in P.PAPERWORK_STATUSES:
            self.status.addItem(message("paperwork.status." + code), code)
        self.deadline = DateField(record.deadline if record else None, today=ctx.today,
                                  field="deadline")
        self.follower = QLineEdit(record.follower or "" if record else "")
        self.documents = QPlainTextEdit("\n".join(record.documents) if record else "")
        self.documents.setTabChangesFocus(True)
        self.documents.setFixedHeight(self.documents.fontMetrics().height() * 5)
        self.note = QLineEdit(record.note or "" if record else "")
        if record is not None:
            self.kind.setCurrentIndex(P.PAPERWORK_KINDS.index(record.kind))
            self.kind.setEnabled(False)  # a different procedure is a new one
            self.status.setCurrentIndex(P.PAPERWORK_STATUSES.index(record.status))
        self.errors.add("kind", self.kind, self.tr("&Procedure:"))
        self.errors.add("status", self.status, self.tr("S&tatus:"))
        self.errors.add("deadline", self.deadline, self.tr("&Deadline:"))
        self.errors.add("follower", self.follower, self.tr("&Followed by:"))
        self.errors.add("documents", self.documents, self.tr("D&ocuments asked for:"))
        self.errors.add("note", self.note, self.tr("&Note:"))
        self.attach_drafts(ctx, patient_id)

    DRAFT_KIND = "paperwork"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"follower": self.follower, "documents": self.documents, "note": self.note}

    def draft_record(self) -> str | None:
        return self.record.id if self.record else None

    def save(self) -> str | None:
        docs = [line for line in self.documents.toPlainText().splitlines() if line.strip()]
        values = dict(status=self.status.currentData(), deadline=self.deadline.value(),
                      follower=self.follower.text(), documents=docs, note=self.note.text())
        if self.record is not None:
            paperwork.update_paperwork(self.ctx, self.record.id, **values)
            return self.record.id
        return paperwork.add_paperwork(self.ctx, self.patient_id, self.kind.currentData(),
                                       **values)


class MedicationDialog(FormDialog):
    """Add or edit a line of the medication list, and mark it "review requested"."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, patient_id: str,
                 record: medication.MedicationView | None = None) -> None:
        super().__init__(parent, self.tr("Medication"))
        self.ctx, self.patient_id, self.record = ctx, patient_id, record
        self.name = QLineEdit(record.name if record else "")
        self.dose = QLineEdit(record.dose or "" if record else "")
        self.schedule = QLineEdit(record.schedule or "" if record else "")
        self.prescriber = QComboBox()
        self.prescriber.addItem("—", None)
        for c in contacts.list_contacts(ctx, patient_id=patient_id):
            if c.owner_patient_id is None:  # professionals, not the family
                self.prescriber.addItem(c.name, c.id)
        self.source = QComboBox()
        self.source.addItem("—", None)
        for code in P.MEDICATION_SOURCES:
            self.source.addItem(message("medication.source." + code), code)
        self.checked = DateField(record.checked_on if record else ctx.today(), today=ctx.today,
                                 field="checked_on")
        self.review = QComboBox()
        self.review.addItem(self.tr("no"), None)
        for code in P.REVIEWERS:
            self.review.addItem(message("medication.reviewer." + code), code)
        if record is not None:
            for combo, value in ((self.prescriber, record.prescriber_id),
                                 (self.source, record.source),
                                 (self.review, record.review_requested_to)):
                index = combo.findData(value)
                combo.setCurrentIndex(max(index, 0))
        self.errors.add("name", self.name, self.tr("&Medicine:"))
        self.errors.add("dose", self.dose, self.tr("D&ose:"))
        self.errors.add("schedule", self.schedule, self.tr("&When:"))
        self.errors.add("prescriber_id", self.prescriber, self.tr("&Prescriber:"))
        self.errors.add("source", self.source, self.tr("So&urce:"))
        self.errors.add("checked_on", self.checked, self.tr("Chec&ked on:"))
        self.errors.add("to", self.review, self.tr("&Review requested of:"))
        self.attach_drafts(ctx, patient_id)

    DRAFT_KIND = "medication"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"name": self.name, "dose": self.dose, "schedule": self.schedule}

    def draft_record(self) -> str | None:
        return self.record.id if self.record else None

    def save(self) -> str | None:
        values = dict(name=self.name.text(), dose=self.dose.text(),
                      schedule=self.schedule.text(), prescriber_id=self.prescriber.currentData(),
                      source=self.source.currentData(), checked_on=self.checked.value())
        if self.record is not None:
            medication.edit_medication(self.ctx, self.record.id, **values)
            mid = self.record.id
            if self.review.currentData() != self.record.review_requested_to:
                medication.request_review(self.ctx, mid, self.review.currentData())
            return mid
        mid = medication.add_medication(self.ctx, self.patient_id, **values)
        if self.review.currentData():
            medication.request_review(self.ctx, mid, self.review.currentData())
        return mid


class ReviewLetterDialog(FormDialog):
    """The letter asking for a medication review: to whom (the GP of record or the pharmacist,
    among those a medicine is marked for), in which language, and the case manager's question
    (drafted). Save checks the letter can go (consent, a GP of record) and keeps the choice;
    the tab then saves the PDF in the background."""

    DRAFT_KIND = "medication_letter"

    def __init__(self, parent: QWidget | None, ctx: AppContext, patient_id: str,
                 reviewers: list[str]) -> None:
        from desktop.services.medication_letter import letter_language

        super().__init__(parent, self.tr("Letter for the review"))
        self.ctx, self.patient_id = ctx, patient_id
        self.to = QComboBox()
        for code in reviewers or list(P.REVIEWERS):
            self.to.addItem(message("medication.reviewer." + code), code)
        self.lang = QComboBox()
        for code, name in (("fr", "Français"), ("nl", "Nederlands"), ("en", "English")):
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(max(0, self.lang.findData(letter_language(ctx, patient_id))))
        self.question = QPlainTextEdit()
        self.question.setTabChangesFocus(True)
        self.question.setFixedHeight(self.question.fontMetrics().height() * 6)
        self.question.setPlaceholderText(self.tr("Optional: what you would like to know"))
        self.errors.add("to", self.to, self.tr("&To:"))
        self.errors.add("lang", self.lang, self.tr("&Language of the letter:"))
        self.errors.add("question", self.question, self.tr("Your &question:"))
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("&Save the PDF…"))
        self.choice: tuple[str, str, str] | None = None
        self.attach_drafts(ctx, patient_id)

    def draft_fields(self) -> dict[str, QPlainTextEdit | QLineEdit]:
        return {"question": self.question}

    def save(self) -> str | None:
        from desktop.services.medication_letter import check_review_letter

        to = str(self.to.currentData())
        check_review_letter(self.ctx, self.patient_id, to, self.question.toPlainText())
        self.choice = (to, str(self.lang.currentData()), self.question.toPlainText())
        return to
