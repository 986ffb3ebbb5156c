"""Transfer to another organisation (issue 19, item 6), from the dossier's Cases tab: the
receiving service of the directory, whether the patient agreed to share with it (or the reason
for an override), the documents' language, the closing date, a note for the cover letter and
where to save the transfer pack. The pack is built in the background (progress shown); the case
is closed with the reason "transfer". The same service as `relais case transfer`."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.file_names import document_file_name
from desktop.services import cases, patients, transfer
from desktop.services.context import AppContext
from desktop.ui.dossier.case_dialogs import FormDialog
from desktop.ui.draft_guard import TextWidget
from desktop.ui.fields import DateField
from desktop.ui.i18n import current_language
from desktop.ui.workers import run_in_background


class TransferDialog(FormDialog):
    DRAFT_KIND = "transfer_note"

    def __init__(self, parent: QWidget | None, ctx: AppContext, case_id: str) -> None:
        super().__init__(parent, self.tr("Transfer to another organisation"))
        self.ctx, self.case_id = ctx, case_id
        case = cases.get_case(ctx, case_id)
        self.patient_id = case.patient_id
        self.running = False
        intro = QLabel(self.tr(
            "The transfer pack holds a cover letter to the organisation, the professional "
            "summary and the record in FHIR R4. Saving it closes the case (reason: transfer)."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Receiving organisation"))
        self.organisations = transfer.organisations(ctx)
        for org in self.organisations:
            self.organisation.addItem(org.name + (f" — {org.address}" if org.address else ""),
                                      org.contact_id)
        self.organisation.setCurrentIndex(-1)
        self.errors.add("organisation", self.organisation, self.tr("&Organisation:"))
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.form.addRow(self.consent)
        self.override = QLineEdit()
        self.override.setAccessibleName(self.tr("Reason for sending without consent"))
        self.override.setPlaceholderText(self.tr("Only where the law allows it, e.g. vital "
                                                 "interest; kept in the consent log"))
        self.errors.add("reason", self.override, self.tr("Override &reason:"))
        self.lang = QComboBox()
        self.lang.setAccessibleName(self.tr("Language of the documents"))
        for code, name in (("fr", self.tr("French")), ("nl", self.tr("Dutch")),
                           ("en", self.tr("English"))):
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(max(0, self.lang.findData(current_language())))
        self.errors.add("lang", self.lang, self.tr("&Language:"))
        self.closed_on = DateField(ctx.today(), today=ctx.today, field="closed_on")
        self.closed_on.setAccessibleName(self.tr("Closing date"))
        self.errors.add("closed_on", self.closed_on, self.tr("Closing &date:"))
        self.transfer_note = QPlainTextEdit()
        self.transfer_note.setAccessibleName(self.tr("Note for the receiving organisation"))
        self.transfer_note.setTabChangesFocus(True)
        self.transfer_note.setMaximumHeight(110)
        self.errors.add("note", self.transfer_note, self.tr("&Note (on the cover letter):"))
        row = QWidget()
        out_row = QHBoxLayout(row)
        out_row.setContentsMargins(0, 0, 0, 0)
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Transfer pack file"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self.choose_file)
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse)
        self.errors.add("out", row, self.tr("&File:"))
        self.organisation.currentIndexChanged.connect(lambda _i: self._consent_state(grow=True))
        self._consent_state()
        self.attach_drafts(ctx, self.patient_id)

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"note": self.transfer_note}

    def draft_record(self) -> str | None:
        return self.case_id

    # ---- state ---------------------------------------------------------------------------------
    def _consent_state(self, grow: bool = False) -> None:
        self._update_consent()
        if grow:  # a longer consent text grows the dialog, once the layout knows it
            QTimer.singleShot(0, self.grow_to_form)

    def _update_consent(self) -> None:
        org = self.organisation.currentData()
        if not org:
            self.consent.setText(self.tr("Choose the receiving service of the directory (add "
                                         "it to the directory first if it is missing)."))
            self.override.setEnabled(False)
            return
        if transfer.has_consent(self.ctx, self.case_id, org):
            self.consent.setText(self.tr("The record may go to this organisation (the "
                                         "patient's consent, or a provider of their care)."))
            self.override.clear()
            self.override.setEnabled(False)
        else:
            self.consent.setText(self.tr(
                "No consent recorded to share with this organisation: record it in the "
                "Consents tab (sharing with a provider), or give the reason for an override."))
            self.override.setEnabled(True)
        if not self.out.text().strip():
            p = patients.get_patient(self.ctx, self.patient_id)
            self.out.setText(str(Path.home() / document_file_name(
                self.tr("Transfer"), p.family_name, p.given_name, self.ctx.today(), "zip")))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the transfer pack"),
                                              self.out.text() or str(Path.home()),
                                              self.tr("Zip archive (*.zip)"))
        if path:
            self.out.setText(path if path.lower().endswith(".zip") else path + ".zip")

    # ---- saving in the background ---------------------------------------------------------------
    def try_save(self) -> bool:
        """Quick checks here; the pack is built in the background. True when it started."""
        if self.running or self.errors.refuse_unreadable(self):
            return False
        self.errors.clear()
        org = self.organisation.currentData()
        try:
            if not org:
                raise ValidationError("text.required", "organisation")
            transfer.check_output(self.out.text().strip())
            transfer.check_transfer(self.ctx, self.case_id, org)
            reason = self.override.text().strip() if self.override.isEnabled() else None
            if self.override.isEnabled() and not reason:
                raise ValidationError("transfer.consent_missing", "reason")
            closed_on = self.closed_on.value()
        except DomainError as exc:
            self.errors.show(exc)
            return False
        ctx, case_id, out = self.ctx, self.case_id, self.out.text().strip()
        lang, note = self.lang.currentData(), self.transfer_note.toPlainText()

        def work(progress: transfer.Progress,
                 _cancel: threading.Event) -> transfer.TransferResult:
            return transfer.transfer_case(ctx, case_id, org, out, lang=lang, note=note,
                                          closed_on=closed_on, override_reason=reason,
                                          progress=progress)

        self.running = True
        self.buttons.setEnabled(False)
        self.task = run_in_background(self, work, self._done, self._failed,
                                      progress_text=self.tr("Building the transfer pack…"))
        return True

    def _done(self, result: transfer.TransferResult) -> None:
        self.running = False
        self.buttons.setEnabled(True)
        self.result_id = result.case_id
        self.result_path = result.path
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError):
            self.errors.show(exc)
        else:
            self.general_error.setText(self.tr("The transfer pack could not be written "
                                               "({error}).").format(error=type(exc).__name__))
            self.general_error.show()

    def save(self) -> str | None:  # the work is in try_save (background)
        return None
