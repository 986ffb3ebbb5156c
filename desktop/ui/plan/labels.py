"""Words for the plan's codes in the UI language. They are the documents' words (one catalog in
`desktop/i18n/messages/documents_*.py`), so the screen and the printed handout never disagree."""

from __future__ import annotations

from desktop.i18n import catalog, t
from desktop.i18n.dates import day_name
from desktop.services.care_plans import Person


def _label(group: str, code: str | None, lang: str) -> str:
    if not code:
        return ""
    key = f"doc.{group}.{code}"
    return t(key, lang) if key in catalog(lang) else code.replace("_", " ")


def domain_label(code: str | None, lang: str) -> str:
    return _label("domain", code, lang)


def kind_label(code: str | None, lang: str) -> str:
    return _label("kind", code, lang)


def need_status_label(code: str | None, lang: str) -> str:
    return _label("need", code, lang)


def day_names(lang: str, *, in_sentence: bool = False) -> list[str]:
    """Monday first, the documents' words (CLDR, `desktop.i18n.dates`). `in_sentence`: as written
    inside a sentence (French and Dutch day names take no capital: "lundi, mercredi 8:00");
    otherwise capitalised like the documents' table headers."""
    return [day_name(d, lang, capital=not in_sentence) for d in range(7)]


def person_label(p: Person, lang: str) -> str:
    role = p.role or kind_label(p.kind, lang)
    return f"{p.name} — {role}" if role else p.name

