"""Identity: edit the patient's identity with inline validation messages (Ctrl+S saves).
`PatientForm` is also the form of the New patient dialog."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.services import drafts, patients
from desktop.services.patients import PatientFields, PatientView
from desktop.ui.dossier.case_dialogs import InlineErrors
from desktop.ui.draft_guard import confirm_loss, draft_key
from desktop.ui.fields import DateField

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow


class PatientForm(QWidget):
    """Identity fields with a red message under each invalid one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general = QLabel()
        self.errors = InlineErrors(form, self.general)
        self.family_name = QLineEdit()
        self.given_name = QLineEdit()
        self.niss = QLineEdit()
        self.niss.setPlaceholderText(self.tr("YY.MM.DD-SSS.CC"))
        self.birth_date = DateField(field="birth_date")
        self.gender = QComboBox()
        for code, text in (("unknown", self.tr("Not given")), ("female", self.tr("Female")),
                           ("male", self.tr("Male")), ("other", self.tr("Other"))):
            self.gender.addItem(text, code)
        self.street = QLineEdit()
        self.house_number = QLineEdit()
        self.box = QLineEdit()
        self.postal_code = QLineEdit()
        self.city = QLineEdit()
        self.phone1 = QLineEdit()
        self.phone2 = QLineEdit()
        self.email = QLineEdit()
        self.mutualite = QLineEdit()
        flags = QWidget()
        row = QHBoxLayout(flags)
        row.setContentsMargins(0, 0, 0, 0)
        self.bim = QCheckBox(self.tr("BIM (increased reimbursement)"))
        self.maf = QCheckBox(self.tr("MAF reached"))
        self.chronic = QCheckBox(self.tr("Chronic condition status"))
        for box in (self.bim, self.maf, self.chronic):
            row.addWidget(box)
        row.addStretch(1)
        for field, widget, label in (
                ("family_name", self.family_name, self.tr("&Family name:")),
                ("given_name", self.given_name, self.tr("&Given name:")),
                ("niss", self.niss, self.tr("&NISS:")),
                ("birth_date", self.birth_date, self.tr("&Birth date:")),
                ("gender", self.gender, self.tr("G&ender:")),
                ("street", self.street, self.tr("&Street:")),
                ("house_number", self.house_number, self.tr("N&umber:")),
                ("box", self.box, self.tr("Bo&x:")),
                ("postal_code", self.postal_code, self.tr("&Postal code:")),
                ("city", self.city, self.tr("&Town:")),
                ("phones", self.phone1, self.tr("P&hone:")),
                ("phones_2", self.phone2, self.tr("Other phone:")),
                ("email", self.email, self.tr("E-&mail:")),
                ("mutualite", self.mutualite, self.tr("Health &insurance fund:")),
                ("flags", flags, self.tr("Statuses:"))):
            widget.setAccessibleName(label.replace("&", "").rstrip(": "))
            self.errors.add(field, widget, label)
        # the second phone's errors come as "phones.1"
        self.errors.labels["phones.1"] = self.errors.labels["phones_2"]
        form.addRow(self.general)

    def show_errors(self, exc: BaseException) -> None:
        errors = getattr(exc, "errors", [exc])
        for err in errors:
            if getattr(err, "field", None) == "phones.1":
                err.field = "phones_2"
        self.errors.show(exc)
        if not self.birth_date.is_valid():  # an unreadable date: back to it
            self.birth_date.setFocus()

    def load(self, p: PatientView) -> None:
        self.family_name.setText(p.family_name)
        self.given_name.setText(p.given_name)
        self.niss.setText(p.niss_formatted or "")
        self.birth_date.setDate(p.birth_date)
        self.gender.setCurrentIndex(max(0, self.gender.findData(p.gender)))
        self.street.setText(p.street or "")
        self.house_number.setText(p.house_number or "")
        self.box.setText(p.box or "")
        self.postal_code.setText(p.postal_code or "")
        self.city.setText(p.city or "")
        self.phone1.setText(p.phones_display[0] if p.phones_display else "")
        self.phone2.setText(p.phones_display[1] if len(p.phones_display) > 1 else "")
        self.email.setText(p.email or "")
        self.mutualite.setText(p.mutualite or "")
        self.bim.setChecked(p.bim)
        self.maf.setChecked(p.maf)
        self.chronic.setChecked(p.chronic_status)
        self.errors.clear()

    def _texts(self) -> dict[str, QLineEdit]:
        return {"family_name": self.family_name, "given_name": self.given_name,
                "niss": self.niss, "birth_date": self.birth_date, "street": self.street,
                "house_number": self.house_number, "box": self.box,
                "postal_code": self.postal_code, "city": self.city, "phone1": self.phone1,
                "phone2": self.phone2, "email": self.email, "mutualite": self.mutualite}

    def _checks(self) -> dict[str, QCheckBox]:
        return {"bim": self.bim, "maf": self.maf, "chronic": self.chronic}

    def snapshot(self) -> dict[str, str | bool]:
        """What the form shows, field by field, as typed (to tell what the person changed)."""
        values: dict[str, str | bool] = {n: w.text() for n, w in self._texts().items()}
        values["gender"] = str(self.gender.currentData())
        values.update({n: w.isChecked() for n, w in self._checks().items()})
        return values

    def apply(self, values: Mapping[str, object]) -> None:
        """Put back values of `snapshot()` (unknown names ignored)."""
        texts, checks = self._texts(), self._checks()
        for name, value in values.items():
            if name in texts:
                texts[name].setText(str(value))
            elif name in checks:
                checks[name].setChecked(bool(value))
            elif name == "gender":
                self.gender.setCurrentIndex(max(0, self.gender.findData(value)))

    def label_of(self, name: str) -> str:
        widget = {**self._texts(), **self._checks(), "gender": self.gender}[name]
        return widget.text().replace("&", "") if isinstance(widget, QCheckBox) \
            else widget.accessibleName()

    def fields(self) -> PatientFields:
        return PatientFields(
            family_name=self.family_name.text(), given_name=self.given_name.text(),
            niss=self.niss.text(), birth_date=self.birth_date.value(),
            gender=self.gender.currentData(), street=self.street.text(),
            house_number=self.house_number.text(), box=self.box.text(),
            postal_code=self.postal_code.text(), city=self.city.text(),
            phones=[self.phone1.text(), self.phone2.text()], email=self.email.text(),
            mutualite=self.mutualite.text(), bim=self.bim.isChecked(), maf=self.maf.isChecked(),
            chronic_status=self.chronic.isChecked())


class IdentityTab(QWidget):
    """The patient's identity, saved with Ctrl+S. What is typed and not saved yet is never
    overwritten: a sync that brings changes of this patient updates the fields the person did
    not touch and keeps the others; it is drafted in the vault (every few seconds, at lock,
    when the dossier closes) and offered back at the next opening."""

    DRAFT_KINDS = ("identity",)

    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Identity"))
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form = PatientForm()
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        bar = QHBoxLayout()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Sa&ve (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Undo changes"))
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.ask_revert)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.key = draft_key("identity", dossier.patient_id, dossier.patient_id)
        self.loaded: dict[str, str | bool] = {}  # the record as last read
        self.both: set[str] = set()  # fields changed here and, meanwhile, elsewhere
        # writes the draft only when the changes differ from the last one written
        self.autosaver = drafts.Autosaver(dossier.ctx, self.key, "identity",
                                          patient_id=dossier.patient_id)
        self.drafted = False  # a draft of this tab is in the vault
        self.reload()
        self._apply_draft()
        self.timer = QTimer(self)
        self.timer.setInterval(int(drafts.AUTOSAVE_SECONDS * 1000))
        self.timer.timeout.connect(self.flush_draft)
        self.timer.start()
        dossier.bus.locked.connect(self.timer.stop)

    # ---- the record and what the person typed ------------------------------------------------
    def reload(self) -> None:
        """The record as stored, over anything typed."""
        self.form.load(patients.get_patient(self.dossier.ctx, self.dossier.patient_id))
        self.loaded = self.form.snapshot()
        self.status.clear()

    def edited(self) -> dict[str, str | bool]:
        """The fields the person changed and has not saved."""
        return {n: v for n, v in self.form.snapshot().items() if self.loaded.get(n) != v}

    def refresh(self) -> None:
        """News of this patient (a sync, a save elsewhere in the dossier): fields not touched
        take the stored value; the person's own changes stay on screen, unsaved."""
        mine, before, note = self.edited(), self.loaded, self.status.text()
        self.reload()
        if not mine:
            if not self.both:  # "Saved." stays when the save's own write refreshes the tab
                self.status.setText(note)
            self.both = set()
            return
        self.both = {n for n in self.both if n in mine} | {
            n for n, v in mine.items() if self.loaded[n] != before[n] and self.loaded[n] != v}
        self.form.apply(mine)
        if self.both:  # said until saved or undone
            self.status.setText(self.tr(
                "Also changed elsewhere meanwhile: {fields}. Your changes are shown: Save to "
                "keep them, Undo changes to see the stored ones.").format(
                    fields=", ".join(self.form.label_of(n) for n in sorted(self.both))))
        else:
            self.status.setText(self.tr("Your changes are not saved yet."))

    def ask_revert(self) -> QMessageBox | None:
        """"Undo changes", a click beside Save, threw away a whole address typed: it asks
        first, naming the fields (Keep them is the default and Escape)."""
        mine = self.edited()
        if not mine:
            self.revert()
            return None
        box, undo, keep = confirm_loss(
            self, self.tr("Undo changes"), self.tr(
                "Undo your changes? What you typed in {fields} will be lost.").format(
                    fields=", ".join(self.form.label_of(n) for n in mine)),
            self.tr("&Undo them"), self.tr("&Keep them"), self.revert,
            icon=QMessageBox.Icon.Question)
        box.undo_button, box.keep_button = undo, keep  # type: ignore[attr-defined]
        return box

    def revert(self) -> None:
        self.reload()
        self.both = set()
        self._discard_draft()

    def save(self) -> bool:
        try:
            changed = patients.edit_patient(self.dossier.ctx, self.dossier.patient_id,
                                            self.form.fields())
        except DomainError as exc:
            self.form.show_errors(exc)
            self.status.setText(self.tr("Not saved: correct the fields in red."))
            return False
        self._discard_draft()
        self.reload()  # as stored (a phone number in its usual form)
        self.both = set()
        self.status.setText(self.tr("Saved.") if changed else self.tr("Nothing changed."))
        if changed:
            self.dossier.refresh_header()
        return True

    # ---- drafts ------------------------------------------------------------------------------
    def flush_draft(self) -> None:
        """The unsaved changes into the vault (the dossier calls this at lock and close)."""
        if self.dossier.ctx.is_locked:
            return
        mine = self.edited()
        if mine:
            self.autosaver.typed(json.dumps(mine, ensure_ascii=False))
            self.autosaver.flush()
            self.drafted = True
        elif self.drafted:
            self._discard_draft()

    def _discard_draft(self) -> None:
        self.autosaver.discard()
        self.drafted = False

    def _apply_draft(self) -> bool:
        draft = drafts.get_draft(self.dossier.ctx, self.key)
        if draft is None:
            return False
        try:
            values = json.loads(draft.text)
        except ValueError:
            values = None
        if not isinstance(values, dict):
            return False
        self.form.apply(values)
        self.drafted = True
        self.status.setText(self.tr("Changes not saved last time are back: Save to keep them, "
                                    "Undo changes to drop them."))
        return True

    def restore_draft(self, draft: drafts.DraftView) -> QWidget | None:
        """Offered by the dossier: this tab, with the unsaved changes on screen."""
        self.dossier.tabs.setCurrentWidget(self)
        if not self.edited() and not self._apply_draft():
            return None
        return self


def create_tab(dossier: DossierWindow) -> QWidget:
    return IdentityTab(dossier)
