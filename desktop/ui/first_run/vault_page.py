"""Wizard page 2: your name and passphrase, with strength feedback; creates the vault on Next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWizardPage,
)

from desktop.domain.errors import DomainError
from desktop.domain.passphrase_strength import MIN_LENGTH
from desktop.services import first_run
from desktop.ui.i18n import error_message, message
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.services.context import AppContext
    from desktop.ui.first_run.wizard import FirstRunWizard

# strength bar colours: dark enough for white text and for the 3:1 non-text contrast rule
LEVEL_COLOURS = {"too_short": "#a4000f", "weak": "#a4000f", "fair": "#8a5a00",
                 "good": "#1d6b2f", "strong": "#1d6b2f"}


class VaultPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.busy = False
        self.setCommitPage(True)  # once the vault exists there is no going back to this page
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_label, self.pass_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        for label, field in ((self.name_label, self.name), (self.pass_label, self.passphrase),
                             (self.repeat_label, self.repeat)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout.addLayout(self.form)
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(10)
        layout.addWidget(self.strength)
        self.strength_text = QLabel()
        self.strength_text.setWordWrap(True)
        layout.addWidget(self.strength_text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4000f")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.passphrase.textChanged.connect(self.update_strength)
        self.passphrase.textChanged.connect(self.completeChanged)
        self.repeat.textChanged.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Create your vault"))
        self.setSubTitle(self.tr("Your caseload is encrypted with a passphrase that only you know."))
        self.intro.setText(self.tr("Choose a passphrase of at least 8 characters: a short sentence "
                                   "of unrelated words is both strong and easy to remember."))
        self.name_label.setText(self.tr("Your &name:"))
        self.pass_label.setText(self.tr("&Passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat:"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.update_strength()

    def update_strength(self) -> None:
        result = first_run.passphrase_strength(self.passphrase.text())
        self.strength.setValue(result.score)
        colour = LEVEL_COLOURS[result.level]
        self.strength.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if not self.passphrase.text():
            self.strength_text.setText("")
            return
        text = self.tr("Strength: %1").replace("%1", message(f"passphrase.level.{result.level}"))
        hints = " ".join(message(h) for h in result.hints)
        self.strength_text.setText(f"{text}. {hints}".strip())
        self.strength.setAccessibleDescription(text)

    def isComplete(self) -> bool:
        pw = self.passphrase.text()
        return not self.busy and len(pw) >= MIN_LENGTH and pw == self.repeat.text()

    def validatePage(self) -> bool:
        """Next creates the vault off the GUI thread (Argon2id), then moves on by itself."""
        if self.wiz.ctx is not None:
            return True
        if self.busy:
            return False
        self.busy = True
        self.error.hide()
        for field in (self.name, self.passphrase, self.repeat):
            field.setEnabled(False)
        self.completeChanged.emit()
        folder, pw, name = self.wiz.folder, self.passphrase.text(), self.name.text().strip() or None

        def done(result: tuple[AppContext, first_run.PendingVault]) -> None:
            self.busy = False
            if not self.wiz.isVisible():  # cancelled while the vault was being created
                first_run.abandon_vault(*result)
                return
            self.wiz.vault_created(*result)
            self.wiz.next()

        def failed(exc: BaseException) -> None:
            self.busy = False
            for field in (self.name, self.passphrase, self.repeat):
                field.setEnabled(True)
            self.error.setText(error_message(exc) if isinstance(exc, DomainError)
                               else self.tr("The vault could not be created (%1).")
                               .replace("%1", type(exc).__name__))
            self.error.show()
            self.completeChanged.emit()

        run_in_background(self, lambda: first_run.begin_vault(folder, pw, name, **self.wiz.ctx_kw),
                          done, failed, progress_text=self.tr("Creating your vault…"))
        return False
