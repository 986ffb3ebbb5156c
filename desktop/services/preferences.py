"""Per-vault preferences that the settings page edits (the UI language lives in QSettings)."""

from __future__ import annotations

from desktop.domain.errors import ValidationError
from desktop.services.context import AppContext

AUTOLOCK_KEY = "autolock_minutes"
AUTOLOCK_DEFAULT = 10
AUTOLOCK_MIN, AUTOLOCK_MAX = 1, 120  # beyond two hours an unattended laptop stays open too long


def autolock_minutes(ctx: AppContext) -> int:
    value = ctx.get_setting(AUTOLOCK_KEY, AUTOLOCK_DEFAULT)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return AUTOLOCK_DEFAULT
    return minutes if AUTOLOCK_MIN <= minutes <= AUTOLOCK_MAX else AUTOLOCK_DEFAULT


def set_autolock_minutes(ctx: AppContext, minutes: object) -> int:
    """Validate, then store; an invalid value changes nothing."""
    try:
        value = int(str(minutes).strip())
    except ValueError:
        raise ValidationError("autolock.range", "autolock_minutes", min=AUTOLOCK_MIN,
                              max=AUTOLOCK_MAX) from None
    if not AUTOLOCK_MIN <= value <= AUTOLOCK_MAX:
        raise ValidationError("autolock.range", "autolock_minutes", min=AUTOLOCK_MIN,
                              max=AUTOLOCK_MAX)
    ctx.set_setting(AUTOLOCK_KEY, value)
    return value
