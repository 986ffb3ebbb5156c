"""UI language: Qt translators, and domain error codes shown in the current UI language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.i18n import LANGUAGES, error_text
from desktop.resources import resource_path

log = logging.getLogger(__name__)
_current = "fr"
_installed: list[QTranslator] = []


def settings() -> QSettings:
    return QSettings("Relais", "Relais")


def saved_language() -> str:
    value = settings().value("ui/language", "fr")
    return value if value in LANGUAGES else "fr"


def current_language() -> str:
    return _current


def install_language(lang: str) -> str:
    """Install Qt translators for `lang`. A missing .qm falls back to English with a warning.
    English installs `relais_en.qm`, which holds only the plural forms ("%n conflict(s)")."""
    global _current
    app = QCoreApplication.instance()
    for tr in _installed:
        if app is not None:
            app.removeTranslator(tr)
    _installed.clear()
    _current = lang if lang in LANGUAGES else "fr"
    QLocale.setDefault(QLocale({"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}[_current]))
    if app is None:
        return _current
    if _current == "en":
        plurals = QTranslator()
        if plurals.load(str(resource_path("translations", "relais_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        else:
            log.warning("translation file missing: relais_en.qm; counts read as '(s)'")
        return _current
    ours = QTranslator()
    qm = resource_path("translations", f"relais_{_current}.qm")
    if not ours.load(str(qm)):
        log.warning("translation file missing: %s; falling back to English", qm.name)
        _current = "en"
        QLocale.setDefault(QLocale("en_GB"))
        return _current
    app.installTranslator(ours)
    _installed.append(ours)
    qt_base = QTranslator()
    if qt_base.load(f"qtbase_{_current}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return _current


def error_message(exc: Exception) -> str:
    """One line for a domain error, in the UI language."""
    return error_text(exc, _current)


def message(code: str, **params: object) -> str:
    from desktop.i18n import t

    return t(code, _current, **params)
