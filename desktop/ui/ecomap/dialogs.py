"""Dialogs: a contact's details, and a tie (with, when adding from the map, the choice of an
existing contact from the directory or a new one). Errors show inline next to their field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.contacts import KINDS, ContactFields
from desktop.domain.ecomap import FLOWS, QUALITIES, STRENGTHS, EcomapTie, TieFields
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.services.contacts import ContactView
from desktop.ui.draft_guard import GuardedDialog, TextWidget
from desktop.ui.ecomap import labels
from desktop.ui.fields import DateField
from desktop.ui.fit import fit_to_content, scrolled
from desktop.ui.i18n import error_message

if TYPE_CHECKING:
    from desktop.services.context import AppContext

ERROR_STYLE = "color: #b00020;"


def _combo(codes: tuple[str, ...], label: Callable[[str], str],
           current: str | None = None) -> QComboBox:
    box = QComboBox()
    for code in codes:
        box.addItem(label(code), code)
    if current is not None and current in codes:
        box.setCurrentIndex(codes.index(current))
    return box


class _ErrorForm(QFormLayout):
    """A form whose rows can show a red message under their field."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: dict[str, QLabel] = {}

    def add(self, name: str, text: str, widget: QWidget) -> None:
        self.addRow(text, widget)
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.addRow("", label)
        self.errors[name] = label
        if hasattr(widget, "setAccessibleName"):
            widget.setAccessibleName(text.replace("&", "").rstrip(" :"))

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def show_error(self, exc: ValidationError) -> bool:
        field = (exc.field or "").split(".")[0]
        label = self.errors.get(field)
        if label is None:
            return False
        label.setText(error_message(ValidationError(exc.code, None, **exc.params)))
        label.show()
        return True


class ContactForm(QWidget):
    """The contact's own fields (kind, names, phones, availability, INAMI…)."""

    def __init__(self, contact: ContactView | None = None, kinds: tuple[str, ...] = KINDS) -> None:
        super().__init__()
        self.form = _ErrorForm()
        self.setLayout(self.form)
        c = contact
        self.kind = _combo(kinds, labels.kind, c.kind if c else None)
        self.is_organisation = QCheckBox(self.tr("This is an organisation or a service"))
        self.is_organisation.setChecked(bool(c and c.is_organisation))
        self.family_name = QLineEdit(c.family_name or "" if c else "")
        self.given_name = QLineEdit(c.given_name or "" if c else "")
        self.organisation = QLineEdit(c.organisation or "" if c else "")
        self.phones = QLineEdit(", ".join(c.phones_display) if c else "")
        self.phones.setPlaceholderText(self.tr("0470 12 34 56, 081 22 33 44"))
        self.email = QLineEdit(c.email or "" if c else "")
        self.street = QLineEdit(c.street or "" if c else "")
        self.house_number = QLineEdit(c.house_number or "" if c else "")
        self.city = QLineEdit(c.city or "" if c else "")
        self.postal_code = QLineEdit(c.postal_code or "" if c else "")
        self.availability = QLineEdit(c.availability or "" if c else "")
        self.availability.setPlaceholderText(self.tr("mornings, not on Wednesdays…"))
        self.inami = QLineEdit(c.inami_number or "" if c else "")
        self.inami.setPlaceholderText("1-23456-78-901")
        f = self.form
        f.add("kind", self.tr("&Kind:"), self.kind)
        f.addRow("", self.is_organisation)
        f.add("family_name", self.tr("&Family name:"), self.family_name)
        f.add("given_name", self.tr("&Given name:"), self.given_name)
        f.add("organisation", self.tr("&Organisation:"), self.organisation)
        f.add("phones", self.tr("&Phones:"), self.phones)
        f.add("email", self.tr("E-&mail:"), self.email)
        f.add("street", self.tr("&Street:"), self.street)
        f.add("house_number", self.tr("Num&ber:"), self.house_number)
        f.add("postal_code", self.tr("Postal code:"), self.postal_code)
        f.add("city", self.tr("&Town:"), self.city)
        f.add("availability", self.tr("&Availability:"), self.availability)
        f.add("inami_number", self.tr("&INAMI number:"), self.inami)

    def fields(self) -> ContactFields:
        phones = [p.strip() for p in self.phones.text().replace(";", ",").split(",") if p.strip()]
        return ContactFields(
            kind=self.kind.currentData(), is_organisation=self.is_organisation.isChecked(),
            family_name=self.family_name.text(), given_name=self.given_name.text(),
            organisation=self.organisation.text(), phones=phones, email=self.email.text(),
            street=self.street.text(), house_number=self.house_number.text(),
            postal_code=self.postal_code.text(), city=self.city.text(),
            availability=self.availability.text(), inami_number=self.inami.text())


class TieForm(QWidget):
    def __init__(self, tie: EcomapTie | None = None, since: dt.date | None = None,
                 note: str | None = None) -> None:
        super().__init__()
        self.form = _ErrorForm()
        self.setLayout(self.form)
        self.role = QLineEdit(tie.role or "" if tie else "")
        self.role.setPlaceholderText(self.tr("what this person does for the patient"))
        self.strength = _combo(STRENGTHS, labels.strength, tie.strength if tie else "moderate")
        self.quality = _combo(QUALITIES, labels.quality, tie.quality if tie else "neutral")
        self.flow = _combo(FLOWS, labels.flow, tie.energy_flow if tie else "none")
        self.since = DateField(since or None, field="since")
        self.note = QPlainTextEdit(note or "")
        self.note.setFixedHeight(60)
        self.is_gp = QCheckBox(labels.flag("is_gp"))
        self.is_carer = QCheckBox(labels.flag("is_informal_carer"))
        self.is_reference = QCheckBox(labels.flag("is_reference_person"))
        if tie:
            self.is_gp.setChecked(tie.is_gp)
            self.is_carer.setChecked(tie.is_informal_carer)
            self.is_reference.setChecked(tie.is_reference_person)
        f = self.form
        f.add("role", self.tr("&Role:"), self.role)
        f.add("strength", self.tr("Strengt&h:"), self.strength)
        f.add("quality", self.tr("&Quality:"), self.quality)
        f.add("energy_flow", self.tr("F&low of help:"), self.flow)
        f.add("since", self.tr("Sin&ce:"), self.since)
        f.add("note", self.tr("Not&e:"), self.note)
        f.add("is_gp", self.tr("Marked as:"), self.is_gp)
        f.addRow("", self.is_carer)
        f.addRow("", self.is_reference)

    def fields(self) -> TieFields:
        since = self.since.value()  # an unreadable date raises: shown next to the field
        return TieFields(
            role=self.role.text(), strength=self.strength.currentData(),
            quality=self.quality.currentData(), energy_flow=self.flow.currentData(),
            since=since or "",
            note=self.note.toPlainText(), is_gp=self.is_gp.isChecked(),
            is_informal_carer=self.is_carer.isChecked(),
            is_reference_person=self.is_reference.isChecked())


def show_errors(exc: ValidationError, *forms: _ErrorForm) -> str | None:
    """Put each error next to its field; returns the text of errors that have no field here."""
    for form in forms:
        form.clear_errors()
    rest = []
    for err in getattr(exc, "errors", [exc]):
        if not any(form.show_error(err) for form in forms):
            rest.append(error_message(err))
    return "\n".join(rest) or None


def contact_texts(form: ContactForm) -> dict[str, TextWidget]:
    """The text fields of a contact's form, by name (what a draft keeps)."""
    return {"family_name": form.family_name, "given_name": form.given_name,
            "organisation": form.organisation, "phones": form.phones, "email": form.email,
            "street": form.street, "house_number": form.house_number, "city": form.city,
            "postal_code": form.postal_code, "availability": form.availability,
            "inami": form.inami}


class ContactDialog(GuardedDialog):
    """Add or edit a contact of the directory. `save(fields)` does the write and may raise.
    With `ctx`, what is typed is drafted: Escape asks before dropping it."""

    DRAFT_KIND = "contact"

    def __init__(self, parent: QWidget | None, save: Callable[[ContactFields], object],
                 contact: ContactView | None = None, *, ctx: AppContext | None = None) -> None:
        super().__init__(parent)
        self.contact_id = contact.id if contact else None
        self.setWindowTitle(self.tr("Edit the contact") if contact else self.tr("New contact"))
        self.save = save
        self.result_value: object = None
        layout = QVBoxLayout(self)
        self.contact = ContactForm(contact)
        layout.addWidget(scrolled(self.contact), 1)  # buttons stay in view on a small screen
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        layout.addWidget(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_content(self)
        if ctx is not None:
            self.attach_drafts(ctx, None)

    def draft_fields(self) -> dict[str, TextWidget]:
        return contact_texts(self.contact)

    def draft_record(self) -> str | None:
        return self.contact_id

    def draft_save(self) -> object:
        return self._accept()

    def _accept(self) -> bool:
        try:
            self.result_value = self.save(self.contact.fields())
        except (ValidationError, ValidationErrors) as exc:
            rest = show_errors(exc, self.contact.form)
            self.general.setText(rest or "")
            self.general.setVisible(bool(rest))
            return False
        self.accept()  # the draft guard drops the draft
        return True


class TieDialog(GuardedDialog):
    """Add someone to the map (an existing contact or a new one) or edit a tie.
    `save(contact_id | ContactFields | None, TieFields)` does the write and may raise."""

    def __init__(self, parent: QWidget | None,
                 save: Callable[[str | ContactFields | None, TieFields], object], *,
                 tie: EcomapTie | None = None,
                 choices: list[ContactView] | None = None, since: dt.date | None = None,
                 note: str | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(self.tr("Edit the tie with {name}").format(name=tie.label) if tie
                            else self.tr("Add a person or a service to the map"))
        layout = QVBoxLayout(self)
        # who (left) and the tie (right) side by side: the whole form fits a 1366×768 laptop
        sides = QHBoxLayout()
        sides.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(sides), 1)
        self.contact_form: ContactForm | None = None
        self.existing: QComboBox | None = None
        if tie is None:
            who = QGroupBox(self.tr("Who"))
            box = QVBoxLayout(who)
            self.pick = QRadioButton(self.tr("Someone already in the &directory"))
            self.new = QRadioButton(self.tr("A &new contact"))
            group = QButtonGroup(self)
            group.addButton(self.pick)
            group.addButton(self.new)
            self.existing = QComboBox()
            self.existing.setEditable(True)
            self.existing.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.existing.setAccessibleName(self.tr("Contact from the directory"))
            for c in choices or []:
                town = f" — {c.city}" if c.city else ""
                self.existing.addItem(f"{c.name} ({labels.kind(c.kind)}){town}", c.id)
            self.contact_form = ContactForm()
            box.addWidget(self.pick)
            box.addWidget(self.existing)
            box.addWidget(self.new)
            box.addWidget(self.contact_form)
            self.pick.toggled.connect(self._mode)
            (self.pick if choices else self.new).setChecked(True)
            self.pick.setEnabled(bool(choices))
            self._mode()
            box.addStretch(1)
            sides.addWidget(who, 1)
        tie_box = QGroupBox(self.tr("The tie"))
        tie_layout = QVBoxLayout(tie_box)
        self.tie_form = TieForm(tie, since, note)
        tie_layout.addWidget(self.tie_form)
        tie_layout.addStretch(1)
        sides.addWidget(tie_box, 1)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        layout.addWidget(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_content(self)
        self.result_value: object = None
        self.tie = tie
        if tie is None:  # who first: the tie's role, at the top of its column, comes after
            self._focus_who()

    DRAFT_KIND = "tie"

    def draft_fields(self) -> dict[str, TextWidget]:
        texts: dict[str, TextWidget] = {"role": self.tie_form.role, "note": self.tie_form.note}
        if self.contact_form is not None:  # a new person typed in: drafted as well
            texts.update({f"contact_{k}": w for k, w in contact_texts(self.contact_form).items()})
        return texts

    def draft_record(self) -> str | None:
        return self.tie.id if self.tie is not None else None

    def draft_save(self) -> object:
        self._accept()
        return self.result()

    def _mode(self) -> None:
        if self.existing is None or self.contact_form is None:
            return
        picking = self.pick.isChecked()
        self.existing.setEnabled(picking)
        self.contact_form.setEnabled(not picking)
        if self.isVisible():
            self._focus_who()

    def _focus_who(self) -> None:
        """The keyboard where the person is named: the directory's list, or the new contact's
        name."""
        if self.existing is not None and self.contact_form is not None:
            (self.existing if self.pick.isChecked() else self.contact_form.family_name).setFocus()

    def who(self) -> str | ContactFields | None:
        if self.existing is None or self.contact_form is None:
            return None
        if self.pick.isChecked():
            contact_id: str | None = self.existing.currentData()  # the id stored with each item
            return contact_id
        return self.contact_form.fields()

    def _accept(self) -> None:
        try:
            self.result_value = self.save(self.who(), self.tie_form.fields())
        except (ValidationError, ValidationErrors) as exc:
            forms = [self.tie_form.form]
            if self.contact_form is not None and not self.pick.isChecked():
                forms.append(self.contact_form.form)
            rest = show_errors(exc, *forms)
            self.general.setText(rest or "")
            self.general.setVisible(bool(rest))
            if not self.tie_form.since.is_valid():  # an unreadable date: back to it
                self.tie_form.since.setFocus()
            return
        self.accept()

