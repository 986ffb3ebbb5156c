"""Enrolling this computer with the organisation's server: address, user, password; the
server's certificate fingerprint is shown and enrolment goes ahead only once the person confirms
it matches the one the administrator gave them (it is then pinned).

Used by the first-run assistant's optional page and, for a laptop that skipped it, by the
"Connect to a server…" dialog of the status bar and the settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.services import first_run
from desktop.services.context import AppContext
from desktop.ui.i18n import error_message
from desktop.ui.workers import run_in_background


class EnrolForm(QWidget):
    """`changed` when busy, ready or enrolled changes; `enrolled_now` once enrolled."""

    changed = Signal()
    enrolled_now = Signal()

    def __init__(self, ctx_of: Callable[[], AppContext | None],
                 done_text: Callable[[], str]) -> None:
        """`done_text()`: what to say once enrolled (in the language of that moment)."""
        super().__init__()
        self.ctx_of, self.done_text = ctx_of, done_text
        self.enrolled = False
        self.busy = False
        self.fingerprint: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
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
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        for field in (self.server, self.user, self.password):
            field.textChanged.connect(self._edited)
        self.retranslate()
        self._show_fingerprint(None)
        self._update()

    def retranslate(self) -> None:
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
        ready = all(f.text().strip() for f in (self.server, self.user, self.password))
        self.connect_button.setEnabled(ready and not self.busy and not self.enrolled)
        for w in (self.server, self.user, self.password):
            w.setEnabled(not self.enrolled and not self.busy)
        self.changed.emit()

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
        ctx = self.ctx_of()
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
            self.status.setText(self.done_text())
            self._update()
            self.enrolled_now.emit()

        run_in_background(self, lambda: first_run.enroll_device(ctx, url, user, pw, fp), done,
                          self._fail)
