"""The first-run wizard. `run_first_run(folder)` returns the unlocked AppContext, or None.

The vault is created in a staging folder (desktop.services.first_run) and moved into place only
when the person clicks Finish; Cancel, closing the window or a crash leave no vault behind.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from desktop.domain.errors import DomainError
from desktop.services import first_run
from desktop.services.context import AppContext
from desktop.ui.first_run.enrol_page import EnrolPage
from desktop.ui.first_run.language_page import LanguagePage
from desktop.ui.first_run.recovery_page import RecoveryPage
from desktop.ui.first_run.tour_page import TourPage
from desktop.ui.first_run.vault_page import VaultPage
from desktop.ui.i18n import current_language, error_message, install_language, settings
from desktop.ui.workers import run_in_background

log = logging.getLogger(__name__)


class FirstRunWizard(QWizard):
    def __init__(self, folder: Path, parent: QWidget | None = None, **ctx_kw: Any) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.ctx_kw = ctx_kw  # tests pass today=...
        self.ctx: AppContext | None = None
        self.pending: first_run.PendingVault | None = None
        self.finishing = False
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 520)
        self.language_page = LanguagePage(current_language(), self.change_language)
        self.vault_page = VaultPage(self)
        self.recovery_page = RecoveryPage(self)
        self.enrol_page = EnrolPage(self)
        self.tour_page = TourPage()
        for page in (self.language_page, self.vault_page, self.recovery_page, self.enrol_page,
                     self.tour_page):
            self.addPage(page)
        self.retranslate()

    # ---- language -------------------------------------------------------------------------
    def change_language(self, lang: str) -> None:
        applied = install_language(lang)
        settings().setValue("ui/language", applied)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("First start"))  # Qt adds " — Relais"
        W = QWizard.WizardButton
        for which, text in ((W.BackButton, self.tr("< &Back")), (W.NextButton, self.tr("&Next >")),
                            (W.CancelButton, self.tr("Cancel")), (W.FinishButton, self.tr("&Finish")),
                            (W.CommitButton, self.tr("&Continue"))):
            self.setButtonText(which, text)
        self.vault_page.setButtonText(W.CommitButton, self.tr("&Create the vault"))
        for page in (self.language_page, self.vault_page, self.recovery_page, self.enrol_page,
                     self.tour_page):
            page.retranslate()

    # ---- the vault's life cycle -----------------------------------------------------------
    def vault_created(self, ctx: AppContext, pending: first_run.PendingVault) -> None:
        self.ctx, self.pending = ctx, pending

    def accept(self) -> None:
        """Finish: move the vault into place and reopen it there (Argon2id: off the GUI thread)."""
        if self.ctx is None or self.pending is None:
            self.reject()
            return
        if self.finishing:
            return
        self.finishing = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        ctx, pending, passphrase = self.ctx, self.pending, self.vault_page.passphrase.text()

        def done(final_ctx: AppContext) -> None:
            self.ctx, self.pending = final_ctx, None
            self.vault_page.passphrase.clear()
            self.vault_page.repeat.clear()
            super(FirstRunWizard, self).accept()

        def failed(exc: BaseException) -> None:
            self.finishing = False
            log.warning("moving the new vault into place failed: %s", type(exc).__name__)
            first_run.abandon_vault(None, pending)
            self.ctx = self.pending = None
            QMessageBox.critical(self, self.tr("Relais"), self.tr(
                "The vault could not be put in place: %1\nNothing was kept; start again.")
                .replace("%1", error_message(exc) if isinstance(exc, DomainError)
                         else type(exc).__name__))
            super(FirstRunWizard, self).reject()

        run_in_background(self, lambda: first_run.commit_vault(ctx, pending, passphrase,
                                                               **self.ctx_kw),
                          done, failed, progress_text=self.tr("Opening your vault…"))

    def reject(self) -> None:
        """Cancel (or closing the window): nothing of the new vault is left on disk."""
        if self.finishing:
            return
        first_run.abandon_vault(self.ctx, self.pending)
        self.ctx = self.pending = None
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API
        # Escape cancels like the Cancel button (QWizard already does; keep it while busy too)
        if event.key() == Qt.Key.Key_Escape and self.finishing:
            return
        super().keyPressEvent(event)


def run_first_run(folder: Path, parent: QWidget | None = None) -> AppContext | None:
    """Called by desktop.ui.app when no vault exists: the unlocked vault, or None if cancelled."""
    removed = first_run.clean_stale(Path(folder))
    if removed:
        log.info("an interrupted first run was cleaned up")
    wizard = FirstRunWizard(folder, parent)
    wizard.exec()
    return wizard.ctx if wizard.result() else None
