"""Unlock dialog: passphrase, or the recovery key to set a new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.errors import DomainError
from desktop.services.context import AppContext
from desktop.services.vault_admin import recover_vault
from desktop.ui.i18n import error_message


class UnlockDialog(QDialog):
    """On success `self.ctx` holds the unlocked AppContext. The unlock itself takes ~0.5 s
    (Argon2id), short enough to run on the GUI thread behind a wait cursor."""

    def __init__(self, folder: Path, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.folder = folder
        self.ctx: AppContext | None = None
        self.setWindowTitle(self.tr("Unlock"))  # Qt adds " — Relais"
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Enter your passphrase to open your caseload."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #a4000f")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        forgot = QPushButton(self.tr("&Forgot passphrase…"))
        buttons.addButton(forgot, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        forgot.clicked.connect(self.recover)
        layout.addWidget(buttons)
        location = QLabel(str(folder))
        location.setStyleSheet("color: #555")
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(location)
        self.passphrase.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def try_unlock(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ctx = AppContext.open(self.folder, self.passphrase.text())
        except DomainError as exc:
            self.show_error(error_message(exc))
            self.passphrase.selectAll()
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.passphrase.clear()
        self.accept()

    def recover(self) -> None:
        key, ok = QInputDialog.getText(self, self.tr("Recovery key"),
                                       self.tr("Type the recovery key you printed when the vault was created:"))
        if not ok or not key.strip():
            return
        new, ok = QInputDialog.getText(self, self.tr("New passphrase"),
                                       self.tr("Choose a new passphrase (at least 8 characters):"),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        try:
            recover_vault(self.folder, key, new)
        except DomainError as exc:
            self.show_error(error_message(exc))
            return
        QMessageBox.information(self, self.tr("Passphrase changed"),
                                self.tr("Your new passphrase is set. Unlock with it now."))
