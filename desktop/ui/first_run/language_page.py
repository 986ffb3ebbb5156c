"""Wizard page 1: the interface language (switches the wizard at once)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizardPage

from desktop.i18n import LANGUAGES

# Each language is named in itself, so a person finds theirs whatever is shown now.
AUTONYMS = {"fr": "Français", "nl": "Nederlands", "en": "English"}


class LanguagePage(QWizardPage):
    def __init__(self, current: str, on_change: Callable[[str], None]) -> None:
        super().__init__()
        self.on_change = on_change
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for lang in LANGUAGES:
            button = QRadioButton(AUTONYMS[lang])
            button.setProperty("relais_autonym", True)  # not translated on purpose
            button.setChecked(lang == current)
            self.group.addButton(button)
            self.buttons[lang] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, lang=lang: on and self.on_change(lang))
        layout.addStretch(1)
        self.retranslate()

    def language(self) -> str:
        return next(lang for lang, b in self.buttons.items() if b.isChecked())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Relais"))
        self.setSubTitle(self.tr("Choose the language of the interface. You can change it later "
                                 "in the settings."))
        self.intro.setText(self.tr("Relais keeps your caseload on this computer, encrypted, and "
                                   "works without a network. This assistant prepares it in a few "
                                   "steps."))
        for lang, button in self.buttons.items():
            button.setAccessibleName(self.tr("Language: %1").replace("%1", AUTONYMS[lang]))
