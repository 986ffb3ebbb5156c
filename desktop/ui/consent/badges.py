"""Consent badges for the dossier header (called by `desktop.ui.dossier.header`)."""

from __future__ import annotations

from typing import Any

from desktop.domain.errors import DomainError
from desktop.services import consents
from desktop.ui.consent import labels


def consent_badges(ctx: Any, patient_id: str) -> list[tuple[str, str, str]]:
    """(code, text, colour) for each consent badge of the patient; none when unreadable."""
    try:
        codes = consents.header_badges(ctx, patient_id)
    except DomainError:
        return []
    return [(c, labels.badge(c), labels.BADGE_COLOURS.get(c, "#455a64")) for c in codes]


def add_consent_badges(header: Any, patient_id: str) -> None:
    """Add the badges through the header's own `_badge(text, colour)`."""
    for _code, text, colour in consent_badges(header.dossier.ctx, patient_id):
        header._badge(text, colour)  # noqa: SLF001 - the header's badge style
