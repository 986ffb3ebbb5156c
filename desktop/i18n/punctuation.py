"""Punctuation that differs by language: French puts a space before a colon, a non-breaking one
so that a line never starts with the colon ("Médecin traitant : Dr Renard"). One rule for the
documents, the copy of the record and the command line's text."""

from __future__ import annotations

_COLON = {"fr": "\u00a0: "}


def colon_mark(lang: str) -> str:
    """What goes between a label and its value."""
    return _COLON.get(lang, ": ")


def colon(label: str, value: str, lang: str) -> str:
    return f"{label}{colon_mark(lang)}{value}"
