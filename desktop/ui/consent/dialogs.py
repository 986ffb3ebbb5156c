"""Recording a decision (grant or refuse) and viewing the evidence of one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.consent_policy import (
    LEGACY_PURPOSES,
    METHODS,
    PER_CONTACT_PURPOSES,
    PURPOSE_PROVIDER_OBJECTION,
    PURPOSES,
)
from desktop.domain.errors import DomainError
from desktop.services import consents
from desktop.ui.consent import labels
from desktop.ui.draft_guard import GuardedDialog, TextWidget
from desktop.ui.fields import DateField, first_unreadable
from desktop.ui.fit import fit_to_screen, scrolled
from desktop.ui.i18n import error_message
from desktop.ui.workers import run_in_background


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class DecisionDialog(GuardedDialog):
    """Grant or refuse one purpose (and contact): date, method, notice version, evidence."""

    def __init__(self, parent: QWidget, ctx: Any, patient_id: str, decision: str,
                 purpose: str | None = None, contact_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self.decision = decision
        self.result_id: str | None = None
        self.evidence_path: Path | None = None
        self.setWindowTitle({"granted": self.tr("Record a consent"),
                             "objected": self.tr("Record an objection")}.get(
                                 decision, self.tr("Record a refusal")))
        form = QFormLayout()
        self.purpose = QComboBox()
        self.purpose.setAccessibleName(self.tr("Purpose"))
        for code in PURPOSES:
            if decision == "refused" and code == "information_notice":
                continue
            # an objection is its own decision; a carer's agreement is recorded on their contact
            if (code == PURPOSE_PROVIDER_OBJECTION) != (decision == "objected") \
                    or code in LEGACY_PURPOSES:
                continue
            self.purpose.addItem(labels.purpose(code), code)
        self.contact = QComboBox()
        self.contact.setAccessibleName(self.tr("Contact"))
        self.method = QComboBox()
        self.method.setAccessibleName(self.tr("Method"))
        for code in METHODS:
            self.method.addItem(labels.method(code), code)
        self.notice = QLineEdit()
        self.notice.setAccessibleName(self.tr("Notice version"))
        self.date = DateField(ctx.today(), today=ctx.today, field="decided_on")
        self.date.setAccessibleName(self.tr("Date"))
        self.has_review = QCheckBox(self.tr("Review on"))
        self.review = DateField(ctx.today() + dt.timedelta(days=365), today=ctx.today,
                                field="review_date")
        self.review.setEnabled(False)
        self.review.setAccessibleName(self.tr("Review date"))
        self.has_review.toggled.connect(self.review.setEnabled)
        review_row = QHBoxLayout()
        review_row.addWidget(self.has_review)
        review_row.addWidget(self.review, 1)
        self.evidence_label = QLabel(self.tr("No file"))
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton(self.tr("Choose a scan or photo…"))
        choose.clicked.connect(self.choose_evidence)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence_label, 1)
        evidence_row.addWidget(choose)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setFixedHeight(60)
        form.addRow(self.tr("&Purpose"), self.purpose)
        form.addRow(self.tr("&Contact"), self.contact)
        form.addRow(self.tr("&Method"), self.method)
        form.addRow(self.tr("Notice &version"), self.notice)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow("", review_row)
        evidence = QLabel(self.tr("&Evidence"))
        evidence.setBuddy(choose)  # Alt+letter opens the file chooser (no buddy: a literal "&")
        form.addRow(evidence, evidence_row)
        form.addRow(self.tr("N&ote"), self.note)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(form), 1)  # buttons stay in view on a small screen
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        if purpose is not None and self.purpose.findData(purpose) >= 0:
            self.purpose.setCurrentIndex(self.purpose.findData(purpose))
        self._purpose_changed()
        if contact_id is not None and self.contact.findData(contact_id) >= 0:
            self.contact.setCurrentIndex(self.contact.findData(contact_id))

    def _purpose_changed(self) -> None:
        code = self.purpose.currentData()
        self.contact.clear()
        per_contact = code in PER_CONTACT_PURPOSES
        self.contact.setEnabled(per_contact)
        if per_contact:
            for cid, name in consents.per_contact_candidates(self.ctx, self.patient_id, code):
                self.contact.addItem(name, cid)

    def choose_evidence(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Evidence"), "",
            self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)"))
        if name:
            self.evidence_path = Path(name)
            self.evidence_label.setText(self.evidence_path.name)

    def values(self) -> dict[str, Any]:
        return {
            "purpose": self.purpose.currentData(),
            "contact_id": self.contact.currentData() if self.contact.isEnabled() else None,
            "method": self.method.currentData(),
            "notice_version": self.notice.text(),
            "decided_on": self.date.value(),
            "review_date": self.review.value() if self.has_review.isChecked() else None,
            "note": self.note.toPlainText(),
        }

    DRAFT_KIND = "consent"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"note": self.note}

    def draft_context(self) -> dict[str, Any]:
        return {"decision": self.decision, "purpose": self.purpose.currentData(),
                "contact_id": self.contact.currentData()}

    def draft_save(self) -> object:
        self.save()
        return None

    def save(self) -> None:
        self.error.clear()
        bad = first_unreadable(self)
        if bad is not None:  # an unreadable date is refused, never dropped
            err = bad.error()
            self.error.setText(error_message(err) if err is not None else "")
            return
        values = self.values()
        if values["purpose"] in PER_CONTACT_PURPOSES and not values["contact_id"]:
            self.error.setText(self.tr("Choose the contact this consent is about (link them in "
                                       "the ecomap first)."))
            return
        path = self.evidence_path
        ctx, pid, decision = self.ctx, self.patient_id, self.decision
        purpose = values.pop("purpose")

        def work() -> str:
            evidence = consents.load_evidence(path) if path is not None else None
            return consents.record_decision(ctx, pid, purpose, decision, evidence=evidence,
                                            **values)

        self.save_button.setEnabled(False)
        run_in_background(self, work, self._saved, self._failed)

    def _saved(self, event_id: str) -> None:
        self.result_id = event_id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error.setText(error_message(exc))
        else:
            self.error.setText(self.tr("The decision could not be saved ({error}).").format(
                error=type(exc).__name__))


class EvidenceDialog(QDialog):
    """Shows a scanned form or photo from the vault (no temporary file); PDFs are rendered in
    memory when a renderer is installed, and can always be saved where the user says."""

    def __init__(self, parent: QWidget, mime: str, data: bytes,
                 write_copy: Callable[[Path], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent evidence"))
        self.mime = mime
        self.data = data
        self.write_copy = write_copy  # through the services: a private file, audited
        fit_to_screen(self, 700, 800)
        layout = QVBoxLayout(self)
        area = QScrollArea()
        area.setWidgetResizable(True)
        content = QWidget()
        pages = QVBoxLayout(content)
        images = self._images()
        if not images:
            note = QLabel(self.tr("This PDF cannot be shown here; save a copy to open it."))
            note.setWordWrap(True)
            pages.addWidget(note)
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                640, Qt.TransformationMode.SmoothTransformation))
            label.setAccessibleName(self.tr("Evidence page"))
            pages.addWidget(label)
        pages.addStretch(1)
        area.setWidget(content)
        layout.addWidget(area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("Save a copy…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.shown_pages = len(images)

    def _images(self) -> list[QImage]:
        if self.mime.startswith("image/"):
            image = QImage.fromData(self.data)
            return [] if image.isNull() else [image]
        import pypdfium2 as pdfium  # a requirement, imported when a PDF is first shown

        out: list[QImage] = []
        try:
            pdf = pdfium.PdfDocument(self.data)
            for i in range(min(len(pdf), 10)):
                pil = pdf[i].render(scale=1.5).to_pil().convert("RGB")
                raw = pil.tobytes()
                img = QImage(raw, pil.width, pil.height, pil.width * 3,
                             QImage.Format.Format_RGB888)
                out.append(img.copy())
        except Exception:  # noqa: BLE001 - a damaged scan still offers "Save a copy"
            return []
        return out

    def save_copy(self) -> None:
        suffix = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg",
                  "image/tiff": ".tif", "image/gif": ".gif", "image/webp": ".webp"}.get(
            self.mime, "")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), f"evidence{suffix}")
        if not name or self.write_copy is None:
            return
        try:
            self.write_copy(Path(name))
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Save a copy"), error_message(exc))
