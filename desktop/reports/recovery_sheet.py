"""The printable recovery sheet: the vault's recovery key, shown once at creation, on one A4 page.

It holds no patient data: the key, the vault id, the date and how to keep and use the key.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.i18n import t
from desktop.resources import resource_path

MARGIN = 20 * mm


def _fonts() -> tuple[str, str, str]:
    """(regular, bold, monospace): DejaVu when shipped (full accents), else the PDF base fonts."""
    regular, bold = resource_path("fonts", "DejaVuSans.ttf"), resource_path("fonts", "DejaVuSans-Bold.ttf")
    if regular.exists() and bold.exists():
        if "RelaisSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("RelaisSans", str(regular)))
            pdfmetrics.registerFont(TTFont("RelaisSans-Bold", str(bold)))
        return "RelaisSans", "RelaisSans-Bold", "Courier-Bold"
    return "Helvetica", "Helvetica-Bold", "Courier-Bold"


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def render_recovery_sheet(recovery_key: str, vault_id: str, created: dt.date,
                          lang: str = "fr") -> bytes:
    regular, bold, mono = _fonts()
    buf = io.BytesIO()
    page_w, page_h = A4
    c = Canvas(buf, pagesize=A4, pageCompression=1)
    c.setTitle(t("recovery_sheet.title", lang))
    c.setAuthor("Relais")
    width = page_w - 2 * MARGIN
    y = page_h - MARGIN - 10

    def para(text: str, font: str = regular, size: float = 11, gap: float = 4) -> None:
        nonlocal y
        for line in _wrap(text, font, size, width):
            c.setFont(font, size)
            c.drawString(MARGIN, y, line)
            y -= size * 1.35
        y -= gap

    para(t("recovery_sheet.title", lang), bold, 20, 8)
    para(t("recovery_sheet.intro", lang), regular, 12, 10)

    # the key itself: large monospace in a box, groups of four so it is easy to copy by hand
    groups = recovery_key.split("-")
    rows = ["  ".join(groups[i:i + 4]) for i in range(0, len(groups), 4)]
    box_h = 22 + 26 * len(rows)
    c.setLineWidth(1.5)
    c.rect(MARGIN, y - box_h, width, box_h + 6)
    c.setFont(bold, 10)
    c.drawString(MARGIN + 8, y - 10, t("recovery_sheet.key_label", lang))
    key_y = y - 34
    for row in rows:
        c.setFont(mono, 20)
        c.drawCentredString(page_w / 2, key_y, row)
        key_y -= 26
    y -= box_h + 20

    para(t("recovery_sheet.vault_id", lang, vault_id=vault_id), regular, 10, 0)
    para(t("recovery_sheet.created", lang, date=created.isoformat()), regular, 10, 14)
    para(t("recovery_sheet.owner", lang), regular, 11, 10)
    para(t("recovery_sheet.organisation", lang), regular, 11, 18)
    for section, items in (("keep", 3), ("use", 2)):
        para(t(f"recovery_sheet.{section}_title", lang), bold, 13, 2)
        for i in range(1, items + 1):
            para("• " + t(f"recovery_sheet.{section}_{i}", lang), regular, 11, 2)
        y -= 10

    c.setFont(regular, 9)
    c.drawString(MARGIN, MARGIN, t("recovery_sheet.footer", lang))
    c.showPage()
    c.save()
    return buf.getvalue()


def write_recovery_sheet(out: Path, recovery_key: str, vault_id: str, created: dt.date,
                         lang: str = "fr") -> Path:
    """Render first, then write: a failure never leaves a half-written PDF behind."""
    data = render_recovery_sheet(recovery_key, vault_id, created, lang)
    out = Path(out)
    # the key opens the vault: owner only (0600) whatever the umask
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "wb") as fh:
        os.fchmod(fd, 0o600)
        fh.write(data)
    return out
