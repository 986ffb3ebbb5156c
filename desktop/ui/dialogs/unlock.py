"""Unlock dialog: passphrase, or the recovery key to set a new passphrase."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.ui.i18n import error_message

if TYPE_CHECKING:  # the vault's modules load while the passphrase is typed, not before the dialog
    from desktop.services.context import AppContext


class UnlockDialog(QDialog):
    """On success `self.ctx` holds the unlocked AppContext. The unlock (Argon2id, about a
    second on purpose, then opening the database) runs on the task manager, off the GUI
    thread: the dialog says "Opening the vault…" and the window stays responsive."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
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
        self.busy = QLabel(self.tr("Opening the vault…"))
        self.busy.hide()
        layout.addWidget(self.busy)
        self.task: object | None = None
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
        """Start opening the vault in the background; `accept()` when it is open."""
        from desktop.ui.workers import run_in_background

        if self.task is not None:
            return  # already opening
        folder, passphrase = self.folder, self.passphrase.text()
        if not passphrase:  # Enter pressed before typing: not a wrong passphrase
            self.show_error(self.tr("Type your passphrase, then press Enter."))
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        self.error.hide()
        self._set_busy(True)

        def open_vault() -> AppContext:
            from desktop.services.context import AppContext

            return AppContext.open(folder, passphrase)

        self.task = run_in_background(self, open_vault, self._opened, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _opened(self, ctx: AppContext) -> None:
        self.task = None
        self._set_busy(False)
        self.ctx = ctx
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            raise exc
        self.show_error(error_message(exc))
        self.passphrase.setFocus()

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
        from desktop.services.vault_admin import recover_vault

        try:
            recover_vault(self.folder, key, new)
        except DomainError as exc:
            self.show_error(error_message(exc))
            return
        QMessageBox.information(self, self.tr("Passphrase changed"),
                                self.tr("Your new passphrase is set. Unlock with it now."))
