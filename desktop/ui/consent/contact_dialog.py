"""A person's consent questions, opened from the ecomap or the Consents tab:

- a carer (or another private person): their OWN agreement to their phone and address on the
  patient's handout, recorded on their contact (who agreed: the carer; when; how);
- a provider: whether documents of the patient may go to them and why, and the patient's
  objection to them (recorded or lifted in the patient's consent log).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.consent_policy import CARER_DECISIONS, METHODS, PURPOSE_PROVIDER_OBJECTION
from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.services import consents
from desktop.ui.consent import labels
from desktop.ui.fields import DateField, first_unreadable
from desktop.ui.fit import fit_to_screen
from desktop.ui.i18n import error_message


class ContactConsentDialog(QDialog):
    """`carer=True`: the carer's own agreement; otherwise the patient's objection to a provider."""

    def __init__(self, parent: QWidget | None, ctx: Any, patient_id: str, contact_id: str, *,
                 carer: bool) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self.contact_id = contact_id
        self.carer = carer
        self.saved = False
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAccessibleName(self.tr("Current state"))
        layout.addWidget(self.state)
        form = QFormLayout()
        self.decision = QComboBox()
        self.decision.setAccessibleName(self.tr("Decision"))
        self.method = QComboBox()
        self.method.setAccessibleName(self.tr("Method"))
        for code in METHODS:
            self.method.addItem(labels.method(code), code)
        self.date = DateField(ctx.today(), today=ctx.today, field="decided_on")
        self.date.setAccessibleName(self.tr("Date"))
        form.addRow(self.tr("&Decision"), self.decision)
        form.addRow(self.tr("&Method"), self.method)
        form.addRow(self.tr("D&ate"), self.date)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        if carer:
            self._show_carer()
        else:
            self._show_provider()
        fit_to_screen(self, 560, 320)

    # ---- the two kinds of person -------------------------------------------------------------
    def _show_carer(self) -> None:
        ag = consents.carer_agreement(self.ctx, self.contact_id, self.patient_id)
        name = ag.contact_name or ""
        self.setWindowTitle(self.tr("Agreement of {name}").format(name=name))
        if ag.decision is not None:
            state = self.tr("{name}'s own agreement to their phone and address on the handout: "
                            "{decision} on {date}.").format(
                name=name, decision=labels.decision(ag.decision),
                date=short_date(ag.decided_on))
        elif ag.legacy_grant:
            state = self.tr("Granted before in the patient's consents: the handout shows the "
                            "details until {name} gives their own answer.").format(name=name)
        else:
            state = self.tr("{name} has not been asked: the handout shows their name only, "
                            "without phone or address.").format(name=name)
        self.state.setText(state + "\n" + self.tr(
            "This is the carer's own decision, recorded on their contact (it applies to every "
            "patient they help)."))
        for code in CARER_DECISIONS:
            if code == "withdrawn" and ag.decision != "granted":
                continue
            self.decision.addItem(labels.decision(code), code)

    def _show_provider(self) -> None:
        st = consents.provider_status(self.ctx, self.patient_id, self.contact_id)
        self.setWindowTitle(self.tr("Documents to {name}").format(name=st.contact_name or ""))
        text = labels.provider(st.code)
        if st.objection_on is not None:
            text += " " + self.tr("(since {date})").format(
                date=short_date(st.objection_on))
        self.state.setText(text + "\n" + self.tr(
            "The patient's GP and the providers of the agreed care plan receive documents "
            "unless the patient objects; others need the patient's consent."))
        code = "lifted" if st.code == "objected" else "objected"
        self.decision.addItem(labels.decision(code), code)

    # ---- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        self.error.clear()
        bad = first_unreadable(self)
        if bad is not None:  # an unreadable date is refused, never dropped
            err = bad.error()
            self.error.setText(error_message(err) if err is not None else "")
            return
        decision, method, on = (self.decision.currentData(), self.method.currentData(),
                                self.date.value())
        try:
            if self.carer:
                consents.record_carer_agreement(self.ctx, self.contact_id, decision,
                                                method=method, decided_on=on)
            else:
                consents.record_decision(self.ctx, self.patient_id, PURPOSE_PROVIDER_OBJECTION,
                                         decision, contact_id=self.contact_id, method=method,
                                         decided_on=on)
        except DomainError as exc:
            self.error.setText(error_message(exc))
            return
        self.saved = True
        self.accept()
