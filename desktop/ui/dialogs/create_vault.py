"""Create-vault dialog: passphrase twice, then the recovery key shown once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.services.context import AppContext
from desktop.ui.i18n import error_message


class CreateVaultDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.ctx: AppContext | None = None
        self.recovery_key: str | None = None
        self.setWindowTitle(self.tr("Create your vault"))  # Qt adds " — Relais"
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Your caseload is kept encrypted on this computer. Choose a "
                               "passphrase of at least 8 characters that only you know."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name"))
        form.addRow(self.tr("Your &name:"), self.name)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        form.addRow(self.tr("&Repeat:"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a4000f")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create_vault)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def create_vault(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.error.setText(self.tr("The two passphrases differ."))
            self.error.show()
            return
        try:
            self.ctx, self.recovery_key = AppContext.create(
                self.folder, self.passphrase.text(), user_name=self.name.text().strip() or None)
        except DomainError as exc:
            self.error.setText(error_message(exc))
            self.error.show()
            return
        self.show_recovery_key(self.recovery_key)
        self.accept()

    def show_recovery_key(self, key: str) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Your recovery key"))
        box.setText(self.tr("Write this recovery key down and keep it in a safe place. It is the "
                            "only way to open your vault if you forget your passphrase. It will "
                            "not be shown again."))
        box.setInformativeText(key)
        font = QFont("monospace")
        font.setPointSize(font.pointSize() + 2)
        box.setFont(font)
        copy = box.addButton(self.tr("Copy"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(key))
        box.exec()
