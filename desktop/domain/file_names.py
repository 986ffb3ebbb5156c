"""Default file names for saved documents: "Fiche-Dupont-Marie-2026-12-06.pdf".

The name holds the patient's name only because the user saves the document under it (a save
dialog's suggestion); it never names temp files or settings. Safe characters only: ASCII
letters and digits joined by "-", so every file system and mail attachment accepts it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MAX_PART = 40


def safe_part(text: str) -> str:
    """Accents dropped (é → e), anything else than letters and digits becomes "-"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:MAX_PART].strip("-")


def document_file_name(kind: str, family_name: str | None, given_name: str | None,
                       on: dt.date, extension: str = "pdf") -> str:
    parts = [safe_part(p or "") for p in (kind, family_name, given_name)]
    stem = "-".join(p for p in parts if p) or "document"
    return f"{stem}-{on.isoformat()}.{safe_part(extension).lower() or 'pdf'}"
