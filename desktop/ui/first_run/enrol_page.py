"""Wizard page 4 (optional): enrol this computer with the organisation's server
(`desktop.ui.enrol_form`); Next waits until it is enrolled when the person asked for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWizardPage

from desktop.ui.enrol_form import EnrolForm

if TYPE_CHECKING:
    from desktop.ui.first_run.wizard import FirstRunWizard


class EnrolPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.wanted = QCheckBox()
        layout.addWidget(self.wanted)
        self.form = EnrolForm(lambda: self.wiz.ctx, lambda: self.tr(
            "This computer is enrolled. The first sync starts after the assistant closes."))
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.wanted.toggled.connect(self._update)
        self.form.changed.connect(self._update)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Connect to your organisation (optional)"))
        self.setSubTitle(self.tr("Share your caseload with your team and keep a copy on the "
                                 "server. You can also do this later."))
        self.intro.setText(self.tr("Your administrator gives you the server address, your user "
                                   "name and the server's fingerprint. Without a server, Relais "
                                   "works on this computer only."))
        self.wanted.setText(self.tr("&Connect this computer to a server now"))
        self.form.retranslate()

    def _update(self) -> None:
        self.wanted.setEnabled(not self.form.enrolled)
        self.form.setVisible(self.wanted.isChecked())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return not self.form.busy and (self.form.enrolled or not self.wanted.isChecked())
