"""The glossary (glossary.json): one term per concept and per language.

The printed documents take their domain names and need statuses from here; the screens, the
message catalogs and the instrument definitions are checked against it by
tests/unit/test_glossary.py (`clashes` lists every word of the 'avoid' lists found in a text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

PATH = Path(__file__).with_name("glossary.json")


@lru_cache(maxsize=1)
def glossary() -> dict[str, dict[str, Any]]:
    data = json.loads(PATH.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def term(concept: str, lang: str) -> str:
    entry = glossary()[concept]
    return str(entry.get(lang) or entry["fr"])


def _pattern(form: str) -> re.Pattern[str]:
    open_end = form.endswith("*")
    body = re.escape(form.rstrip("*")).replace(r"\ ", r"\s+")
    tail = "" if open_end else r"(?!\w)"
    return re.compile(rf"(?<!\w){body}{tail}", re.IGNORECASE)


@lru_cache(maxsize=8)
def _avoided(lang: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    out = []
    for concept, entry in glossary().items():
        for form in (entry.get("avoid") or {}).get(lang, ()):
            out.append((concept, form, _pattern(form)))
    return tuple(out)


def clashes(text: str, lang: str) -> Iterator[tuple[str, str]]:
    """(concept, avoided form) for every other wording of a concept found in `text`."""
    for concept, form, pattern in _avoided(lang):
        if pattern.search(text):
            yield concept, form


def terms(lang: str, prefix: str) -> dict[str, str]:
    """{"unmet": "non couvert", ...} for the concepts named "<prefix>.<code>"."""
    return {k.split(".", 1)[1]: term(k, lang) for k in glossary() if k.startswith(prefix + ".")}


def doc_messages(lang: str, groups: Iterable[str] = ("domain", "need")) -> dict[str, str]:
    """Catalog entries ("doc.domain.health", "doc.need.unmet") drawn from the glossary."""
    out: dict[str, str] = {}
    for group in groups:
        for code, word in terms(lang, group).items():
            out[f"doc.{group}.{code}"] = word
    if "need" in groups:
        out["doc.need.partially_met"] = term("need.partly_met", lang)
    return out
