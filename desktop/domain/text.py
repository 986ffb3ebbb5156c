"""Text rules shared by every form: clean pasted text, fold for search."""

from __future__ import annotations

import re
import unicodedata

from desktop.domain.errors import ValidationError

# C0/C1 controls, zero-width and direction marks, bidirectional embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069, U+061C: they reorder how a name is displayed), line and
# paragraph separators, BOM, and lone surrogates (undecodable bytes from a command line)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e"
                      "\u2066-\u2069\ufeff\ud800-\udfff]")


def has_control_characters(value: str) -> bool:
    """Characters refused in any text field (newlines, carriage returns and tabs are not)."""
    return _CONTROL.search(value) is not None


def clean_line(value: str | None, field: str, *, required: bool = False, max_len: int = 200) -> str:
    """One-line text: control characters refused, whitespace collapsed."""
    text = (value or "").strip()
    if _CONTROL.search(text) or "\n" in text or "\r" in text:
        raise ValidationError("text.control_characters", field)
    text = re.sub(r"\s+", " ", text)
    if required and not text:
        raise ValidationError("text.required", field)
    if len(text) > max_len:
        raise ValidationError("text.too_long", field, max=max_len)
    return text


def clean_text(value: str | None, field: str, *, required: bool = False, max_len: int = 100_000) -> str:
    """Multi-line text: newlines and tabs kept, other control characters refused."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL.search(text):
        raise ValidationError("text.control_characters", field)
    if required and not text:
        raise ValidationError("text.required", field)
    if len(text) > max_len:
        raise ValidationError("text.too_long", field, max=max_len)
    return text


# Letters Unicode does not decompose into a base letter plus an accent (Polish, Scandinavian,
# Croatian, Turkish names): folded by hand so "Lukasz" finds "Łukasz" and "orsted" "Ørsted".
_UNDECOMPOSED = str.maketrans({
    "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "ħ": "h", "ŀ": "l", "ŧ": "t",
})


def fold(text: str) -> str:
    """Accent-stripped, case-folded form used for search and duplicate detection."""
    if text.isascii():  # most names: nothing to strip (sorting 5,000 names, issue 16)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().translate(_UNDECOMPOSED)


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
