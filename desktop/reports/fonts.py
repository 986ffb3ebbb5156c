"""Embedded TrueType fonts (DejaVu Sans, licence in resources/fonts): every glyph the documents
need (accents, €, ’, –) is in the PDF, so it prints the same on any machine."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

# the same names as the ecomap drawing, so a handout embeds each font once
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FILES = ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"))
_lock = threading.Lock()


def register_fonts() -> tuple[str, str]:
    """Register once per process (reportlab keeps a global registry; renders may run on workers).
    Returns the (regular, bold) font names."""
    with _lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, file in _FILES:
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
        # <b> inside paragraphs maps to the bold face
        addMapping(FONT, 0, 0, FONT)
        addMapping(FONT, 1, 0, FONT_BOLD)
        addMapping(FONT, 0, 1, FONT)
        addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT, FONT_BOLD
