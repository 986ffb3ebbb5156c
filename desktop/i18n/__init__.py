"""Message catalog for text produced outside Qt widgets (command line, documents, domain error
codes shown by the UI). Qt widget strings use Qt's own .ts/.qm pipeline.

Each feature keeps its messages in `desktop/i18n/messages/<area>_<lang>.py` (a `MESSAGES` dict),
so features never edit the same file. French is the reference language.
"""

from __future__ import annotations

import locale
import os
import pkgutil
from importlib import import_module
from typing import Any

from desktop.i18n.punctuation import colon

LANGUAGES = ("fr", "nl", "en")
DEFAULT_LANGUAGE = "fr"

_catalogs: dict[str, dict[str, str]] = {}


def catalog(lang: str) -> dict[str, str]:
    if lang not in _catalogs:
        merged: dict[str, str] = {}
        from desktop.i18n import messages

        for info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda m: m.name):
            if info.name.endswith(f"_{lang}"):
                merged.update(import_module(f"desktop.i18n.messages.{info.name}").MESSAGES)
        _catalogs[lang] = merged
    return _catalogs[lang]


def register(lang: str, messages: dict[str, str]) -> None:
    """Let a feature module add its own messages (keeps catalogs next to the code that uses them)."""
    catalog(lang).update(messages)


def user_language() -> str:
    """RELAIS_LANG, then the system locale, then French."""
    env = os.environ.get("RELAIS_LANG")
    if env in LANGUAGES:
        return env
    loc = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    if not loc:
        try:
            loc = locale.getlocale()[0] or ""
        except ValueError:
            loc = ""
    code = loc[:2].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def t(code: str, lang: str | None = None, **params: Any) -> str:
    """Translate a message code; unknown codes fall back to English, then to the code itself.
    A code given as plural forms (`<code>.one`, `<code>.other`) takes the form of the count `n`
    (so an error raised with `n=` reads right too)."""
    lang = lang or user_language()
    text = catalog(lang).get(code) or catalog("en").get(code)
    if text is None and isinstance(params.get("n"), int):
        form = f"{code}.{plural_category(params['n'], lang)}"
        text = catalog(lang).get(form) or catalog("en").get(form)
    text = text or code
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def plural_category(n: int, lang: str) -> str:
    """CLDR's plural category of a count: "one" or "other". French counts 0 and 1 as one
    ("0 conflit", "1 conflit"), Dutch and English 1 alone ("0 conflicten", "0 conflicts")."""
    if lang == "fr":
        return "one" if n in (0, 1) else "other"
    return "one" if n == 1 else "other"


def tn(code: str, n: int, lang: str | None = None, **params: Any) -> str:
    """`t` for a count (ngettext): the catalog holds `<code>.one` and `<code>.other`, each with
    `{n}`; the form is chosen by `plural_category` ("1 conflit", "2 conflits")."""
    return t(code, lang, n=n, **params)


def quote(text: str, lang: str | None = None) -> str:
    """Words quoted the way the language does: « … » in French, “…” in Dutch and English."""
    lang = lang or user_language()
    return f"« {text} »" if lang == "fr" else f"“{text}”"


def field_label(field: str | None, lang: str | None = None) -> str:
    if not field:
        return ""
    base = field.split(".")[0]
    return t(f"field.{base}", lang) if f"field.{base}" in catalog("en") else base


def error_text(exc: Exception, lang: str | None = None) -> str:
    """One line for a DomainError: "<field>: <message>" (in French "<field> : <message>").
    Another error with a `code` (a database error has one, and its statement's values as
    `params`) is named by its type only: its text may quote a patient's data."""
    code = getattr(exc, "code", None)
    if code is None:
        return str(exc)
    lang = lang or user_language()
    params = getattr(exc, "params", None)
    if not isinstance(code, str) or not isinstance(params, dict):
        return t("cli.unexpected_error", lang, detail=type(exc).__name__)
    msg = t(code, lang, **params)
    field = getattr(exc, "field", None)
    return colon(field_label(field, lang), msg, lang) if field else msg
