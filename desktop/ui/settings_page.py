"""Settings: interface language (QSettings, applied at the next start) and auto-lock minutes
(stored in the vault)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.i18n import LANGUAGES
from desktop.services import preferences
from desktop.ui.first_run.language_page import AUTONYMS
from desktop.ui.i18n import current_language, error_message, saved_language, settings


class SettingsPage(QWidget):
    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        for lang in LANGUAGES:
            self.language.addItem(AUTONYMS[lang], lang)  # each language named in itself
        self.language.setProperty("relais_autonym", True)
        self.language.setAccessibleName(self.tr("Interface language"))
        language_label = QLabel(self.tr("Interface &language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.autolock = QSpinBox()
        self.autolock.setRange(preferences.AUTOLOCK_MIN, preferences.AUTOLOCK_MAX)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setAccessibleName(self.tr("Lock automatically after this many minutes "
                                                "without activity"))
        autolock_label = QLabel(self.tr("&Auto-lock after:"))
        autolock_label.setBuddy(self.autolock)
        form.addRow(autolock_label, self.autolock)
        layout.addLayout(form)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.restart = QPushButton(self.tr("&Restart Relais now"))
        self.restart.clicked.connect(self.restart_app)
        self.restart.hide()
        layout.addWidget(self.restart)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self.language_changed)
        self.autolock.editingFinished.connect(self.save_autolock)
        self.autolock.valueChanged.connect(self.save_autolock)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.window_.ctx
        self.language.blockSignals(True)
        self.language.setCurrentIndex(LANGUAGES.index(saved_language()))
        self.language.blockSignals(False)
        if ctx is not None and not ctx.is_locked:
            self.autolock.blockSignals(True)
            self.autolock.setValue(preferences.autolock_minutes(ctx))
            self.autolock.blockSignals(False)

    def language_changed(self) -> None:
        lang = self.language.currentData()
        settings().setValue("ui/language", lang)
        if lang == current_language():
            self.notice.setText("")
            self.restart.hide()
            return
        # Every window is built in one language; the new one applies from the next start.
        self.notice.setText(self.tr("Relais will use %1 from its next start.")
                            .replace("%1", AUTONYMS[lang]))
        self.restart.show()

    def save_autolock(self) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        try:
            minutes = preferences.set_autolock_minutes(ctx, self.autolock.value())
        except DomainError as exc:
            self.notice.setText(error_message(exc))
            return
        self.window_.idle.set_timeout_ms(minutes * 60_000)

    def restart_app(self) -> None:
        """Lock (nothing unsaved stays open), start a new Relais, quit this one."""
        program = sys.executable
        args = [] if getattr(sys, "frozen", False) else ["-m", "desktop"]
        self.window_.close()  # closing locks the vault
        QProcess.startDetached(program, args)
        QApplication.quit()


def create_page(window) -> QWidget:  # type: ignore[no-untyped-def]
    return SettingsPage(window)
