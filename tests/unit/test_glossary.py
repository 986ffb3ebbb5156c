"""One term per concept and per language (desktop/i18n/glossary.json): the screens, the message
catalogs, the instrument definitions and the documents' catalogs never use another word for a
concept of the glossary, and the needs checklist names domains and statuses as the documents do."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.i18n import LANGUAGES, catalog
from desktop.i18n.glossary import clashes, glossary, term, terms

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop" / "ui" / "translations"
INSTRUMENTS = ROOT / "resources" / "instruments"


def ui_texts(lang: str) -> Iterator[tuple[str, str]]:
    """(where, text) of every screen string in `lang` (English is the source text)."""
    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, dict) and any(isinstance(value.get(x), str)
                                                   for x in ("fr", "nl")):
                    text = key if lang == "en" else value.get(lang)
                    if isinstance(text, str):
                        yield f"{where}/{key[:50]}", text
                else:
                    yield from walk(value, f"{where}/{key}")
    for path in sorted(UI.glob("*.json")):
        yield from walk(json.loads(path.read_text(encoding="utf-8")), path.name)


def instrument_texts(lang: str) -> Iterator[tuple[str, str]]:
    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            if isinstance(node.get(lang), str) and "fr" in node:
                yield where, node[lang]
            for key, value in node.items():
                if key not in ("source", "licence", "note"):
                    yield from walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}[{i}]")
    for path in sorted(INSTRUMENTS.glob("*.json")):
        if path.name != "schema.json":
            yield from walk(json.loads(path.read_text(encoding="utf-8")), path.name)


def all_texts(lang: str) -> Iterator[tuple[str, str]]:
    yield from ui_texts(lang)
    yield from ((f"catalog {k}", v) for k, v in catalog(lang).items())
    yield from instrument_texts(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_concept_is_translated_two_ways(lang: str) -> None:
    found = [f"{where}: {text!r} says {form!r}, the glossary says {term(concept, lang)!r}"
             for where, text in all_texts(lang) for concept, form in clashes(text, lang)]
    assert not found, "\n".join(found)


def test_the_glossary_itself_is_whole() -> None:
    for concept, entry in glossary().items():
        assert all(entry.get(lang) for lang in LANGUAGES), concept
        for lang in (entry.get("avoid") or {}):
            assert lang in LANGUAGES, concept
            # the term never clashes with its own avoid list
            assert not [f for c, f in clashes(entry[lang], lang) if c == concept], concept


def test_the_scanner_flags_a_second_wording() -> None:
    assert ("need.unmet", "onvervuld*") in set(clashes("Onvervulde noden", "nl"))
    assert ("ecomap", "ecogram*") in set(clashes("Band (ecogram)", "nl"))
    assert not list(clashes("Niet-gedekte noden op de ecomap", "nl"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_documents_and_needs_checklist_use_the_glossary(lang: str) -> None:
    checklist = json.loads((INSTRUMENTS / "needs_checklist.json").read_text(encoding="utf-8"))
    domains = terms(lang, "domain")
    for section in checklist["sections"]:
        assert section["title"][lang] == domains[section["id"]], section["id"]
        assert catalog(lang)[f"doc.domain.{section['id']}"] == domains[section["id"]]
    needs = terms(lang, "need")
    for code, word in needs.items():
        assert catalog(lang)[f"doc.need.{code}"] == word
    labels = {o["label"][lang].lower() for item in checklist["items"]
              for o in item.get("options") or []}
    for word in needs.values():
        assert any(label.endswith(word.lower()) for label in labels), word
