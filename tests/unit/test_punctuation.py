"""The colon between a label and its value: French puts a non-breaking space before it (a line
never starts with the colon), Dutch and English none."""

from __future__ import annotations

from desktop.i18n.punctuation import colon, colon_mark
from desktop.reports.doc_text import DocText


def test_french_puts_a_non_breaking_space_before_the_colon() -> None:
    assert colon("Médecin traitant", "Guy Renard", "fr") == "Médecin traitant\u00a0: Guy Renard"
    assert colon("Huisarts", "Guy Renard", "nl") == "Huisarts: Guy Renard"
    assert colon("GP", "Guy Renard", "en") == "GP: Guy Renard"
    assert colon_mark("de") == ": "  # a language without a rule of its own


def test_documents_follow_the_same_rule() -> None:
    assert DocText("fr").colon("Quand", "lundi") == colon("Quand", "lundi", "fr")
    assert DocText("nl").colon("Wanneer", "maandag") == "Wanneer: maandag"
