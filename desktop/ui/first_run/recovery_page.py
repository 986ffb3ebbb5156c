"""Wizard page 3: the recovery key, shown once, and the printable recovery sheet (PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop.domain.errors import DomainError
from desktop.services import first_run
from desktop.ui.i18n import current_language, error_message
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.ui.first_run.wizard import FirstRunWizard


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.sheet_path: Path | None = None
        self.setCommitPage(True)  # the key is not shown again once the person moves on
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.key = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key.setProperty("relais_data", True)  # a value, not interface text
        layout.addWidget(self.key)
        row = QHBoxLayout()
        self.save = QPushButton()
        self.save.clicked.connect(self.save_sheet)
        row.addWidget(self.save)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.confirm = QCheckBox()
        self.confirm.toggled.connect(self.completeChanged)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:
        pending = self.wiz.pending
        self.key.setText(self._grouped(pending.recovery_key) if pending else "")

    @staticmethod
    def _grouped(key: str) -> str:
        groups = key.split("-")
        return "\n".join("  ".join(groups[i:i + 4]) for i in range(0, len(groups), 4))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("The only way into your vault if you forget your passphrase."))
        self.intro.setText(self.tr("Print the recovery sheet or write the key down, and keep it in "
                                   "a locked place away from this computer. It will not be shown "
                                   "again."))
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.save.setText(self.tr("&Save the recovery sheet (PDF)…"))
        self.save.setAccessibleName(self.tr("Save the recovery sheet as a PDF to print"))
        self.confirm.setText(self.tr("I have &printed or written down my recovery key"))

    def save_sheet(self) -> None:
        pending = self.wiz.pending
        if pending is None:
            return
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(docs or Path.home()) / self.tr("relais-recovery-sheet.pdf"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery sheet"), default,
                                              self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        out = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        lang = current_language()

        def done(written: Path) -> None:
            self.sheet_path = written
            self.status.setText(self.tr("Saved: %1. Print it now, then tick the box below.")
                                .replace("%1", str(written)))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

        def failed(exc: BaseException) -> None:
            detail = error_message(exc) if isinstance(exc, DomainError) else \
                (getattr(exc, "strerror", None) or type(exc).__name__)
            self.status.setText(self.tr("The sheet could not be saved: %1").replace("%1", str(detail)))

        run_in_background(self, lambda: first_run.write_sheet(pending, out, lang), done, failed)

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def validatePage(self) -> bool:
        self.key.clear()  # shown once: gone from the screen as soon as the person moves on
        return True
