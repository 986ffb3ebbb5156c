"""Text contrast: every text colour of the palette against its background is at least 4.5:1
(WCAG 2.1 AA). The system palette is kept; only pairs below the ratio are nudged (Fusion's
selection blue under white text and its half-transparent placeholder text are, for instance)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

MIN_RATIO = 4.5
R = QPalette.ColorRole
# (text, background, which one to adjust)
PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole, str], ...] = (
    (R.WindowText, R.Window, "fg"),
    (R.Text, R.Base, "fg"),
    (R.Text, R.AlternateBase, "fg"),
    (R.ButtonText, R.Button, "fg"),
    (R.HighlightedText, R.Highlight, "bg"),  # keep white-on-selection, darken the selection
    (R.ToolTipText, R.ToolTipBase, "fg"),
    (R.PlaceholderText, R.Base, "fg"),
    (R.Link, R.Base, "fg"),
    (R.LinkVisited, R.Base, "fg"),
)
# Disabled too: a completed assessment shows its answers in disabled boxes, read-only fields and
# greyed buttons must still be read (WCAG exempts them; our users read them all day)
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    return 0.2126 * _linear(color.red()) + 0.7152 * _linear(color.green()) \
        + 0.0722 * _linear(color.blue())


def composite(fg: QColor, bg: QColor) -> QColor:
    """What a half-transparent colour looks like once painted on its background."""
    a = fg.alphaF()
    return QColor(round(fg.red() * a + bg.red() * (1 - a)),
                  round(fg.green() * a + bg.green() * (1 - a)),
                  round(fg.blue() * a + bg.blue() * (1 - a)))


def contrast(fg: QColor, bg: QColor) -> float:
    la, lb = luminance(composite(fg, bg)), luminance(bg)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _towards(color: QColor, target: QColor, step: float) -> QColor:
    return QColor(round(color.red() + (target.red() - color.red()) * step),
                  round(color.green() + (target.green() - color.green()) * step),
                  round(color.blue() + (target.blue() - color.blue()) * step))


def _fix(moving: QColor, fixed: QColor, moving_is_fg: bool) -> QColor:
    """Move `moving` towards black or white (away from `fixed`) until the ratio is met."""
    solid = composite(moving, fixed) if moving_is_fg else QColor(moving.rgb())
    target = QColor("black") if luminance(fixed) > 0.18 else QColor("white")
    for i in range(1, 21):
        candidate = _towards(solid, target, i / 20)
        pair = (candidate, fixed) if moving_is_fg else (fixed, candidate)
        if contrast(*pair) >= MIN_RATIO:
            return candidate
    return target


def accessible_palette(palette: QPalette) -> QPalette:
    fixed = QPalette(palette)
    for group in GROUPS:
        for fg_role, bg_role, adjust in PAIRS:
            fg, bg = fixed.color(group, fg_role), fixed.color(group, bg_role)
            if contrast(fg, bg) >= MIN_RATIO:
                continue
            if adjust == "fg":
                fixed.setColor(group, fg_role, _fix(fg, bg, moving_is_fg=True))
            else:
                fixed.setColor(group, bg_role, _fix(bg, fg, moving_is_fg=False))
    return fixed


def apply_accessible_palette(app: QApplication) -> None:
    app.setPalette(accessible_palette(app.palette()))
