"""Wizard page 4 (optional): enrol this computer with the organisation's server.

The server's certificate fingerprint is shown first; enrolment goes ahead only once the person
confirms it matches the one the administrator gave them (it is then pinned)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.domain.errors import DomainError
from desktop.services import first_run
from desktop.ui.i18n import error_message
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.ui.first_run.wizard import FirstRunWizard


class EnrolPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.enrolled = False
        self.busy = False
        self.fingerprint: str | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.wanted = QCheckBox()
        layout.addWidget(self.wanted)
        self.details = QWidget()
        form = QFormLayout(self.details)
        self.server, self.user, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.server.setPlaceholderText("https://relais.example.org:8443")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        for label, field in ((self.server_label, self.server), (self.user_label, self.user),
                             (self.password_label, self.password)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.connect_button = QPushButton()
        self.connect_button.clicked.connect(self.check_server)
        form.addRow(self.connect_button)
        self.fp_label = QLabel()
        self.fp_label.setWordWrap(True)
        form.addRow(self.fp_label)
        self.fp_value = QLabel()
        self.fp_value.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fp_value.setWordWrap(True)
        self.fp_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.fp_value.setProperty("relais_data", True)
        form.addRow(self.fp_value)
        buttons = QHBoxLayout()
        self.matches, self.differs = QPushButton(), QPushButton()
        self.matches.clicked.connect(self.enrol)
        self.differs.clicked.connect(self.reject_fingerprint)
        buttons.addWidget(self.matches)
        buttons.addWidget(self.differs)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(self.details)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.wanted.toggled.connect(self._update)
        for field in (self.server, self.user, self.password):
            field.textChanged.connect(self._edited)
        self.retranslate()
        self._show_fingerprint(None)
        self._update()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Connect to your organisation (optional)"))
        self.setSubTitle(self.tr("Share your caseload with your team and keep a copy on the "
                                 "server. You can also do this later."))
        self.intro.setText(self.tr("Your administrator gives you the server address, your user "
                                   "name and the server's fingerprint. Without a server, Relais "
                                   "works on this computer only."))
        self.wanted.setText(self.tr("&Connect this computer to a server now"))
        self.server_label.setText(self.tr("Server &address:"))
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.server.setAccessibleName(self.tr("Server address"))
        self.user.setAccessibleName(self.tr("User name"))
        self.password.setAccessibleName(self.tr("Server password"))
        self.connect_button.setText(self.tr("C&heck the server"))
        self.fp_label.setText(self.tr("Compare this fingerprint with the one your administrator "
                                      "gave you, character by character:"))
        self.fp_value.setAccessibleName(self.tr("Server fingerprint"))
        self.matches.setText(self.tr("It &matches: enrol"))
        self.differs.setText(self.tr("It does &not match"))

    def _edited(self) -> None:
        self.fingerprint = None
        self._show_fingerprint(None)
        self._update()

    def _show_fingerprint(self, text: str | None) -> None:
        for w in (self.fp_label, self.fp_value, self.matches, self.differs):
            w.setVisible(text is not None)
        self.fp_value.setText(text or "")

    def _update(self) -> None:
        self.wanted.setEnabled(not self.enrolled)
        self.details.setVisible(self.wanted.isChecked())
        ready = all(f.text().strip() for f in (self.server, self.user, self.password))
        self.connect_button.setEnabled(ready and not self.busy and not self.enrolled)
        for w in (self.server, self.user, self.password):
            w.setEnabled(not self.enrolled and not self.busy)
        self.completeChanged.emit()

    def _fail(self, exc: BaseException) -> None:
        self.busy = False
        self.status.setText(error_message(exc) if isinstance(exc, DomainError)
                            else self.tr("The server could not be reached (%1).")
                            .replace("%1", type(exc).__name__))
        self._update()

    def check_server(self) -> None:
        url = self.server.text()
        self.busy = True
        self.status.setText(self.tr("Contacting the server…"))
        self._update()

        def done(fp: str | None) -> None:
            self.busy = False
            self.fingerprint = fp
            if fp is None:  # plain http: a test server on this machine, nothing to pin
                self.status.setText(self.tr("This server does not use encryption (http). Use it "
                                            "only for a test on this computer."))
                self._show_fingerprint(self.tr("(no certificate)"))
            else:
                self.status.setText("")
                self._show_fingerprint(fp)
            self._update()

        run_in_background(self, lambda: first_run.server_fingerprint(url), done, self._fail)

    def reject_fingerprint(self) -> None:
        self.fingerprint = None
        self._show_fingerprint(None)
        self.status.setText(self.tr("Do not enrol: this may not be your organisation's server. "
                                    "Tell your administrator."))

    def enrol(self) -> None:
        ctx = self.wiz.ctx
        if ctx is None:
            return
        url, user, pw, fp = (self.server.text(), self.user.text(), self.password.text(),
                             self.fingerprint)
        self.busy = True
        self.status.setText(self.tr("Enrolling this computer…"))
        self._update()

        def done(_: object) -> None:
            self.busy = False
            self.enrolled = True
            self.password.clear()
            self._show_fingerprint(None)
            self.status.setText(self.tr("This computer is enrolled. The first sync starts after "
                                        "the assistant closes."))
            self._update()

        run_in_background(self, lambda: first_run.enroll_device(ctx, url, user, pw, fp), done,
                          self._fail)

    def isComplete(self) -> bool:
        return not self.busy and (self.enrolled or not self.wanted.isChecked())
