"""Closing a case (issue 19, item 4): who agreed to the closure and to whom the follow-up goes
back. Codes only; the reason and the date are `desktop.domain.case_lifecycle.validate_closure`."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.errors import ValidationError

AGREEMENT_PARTIES: tuple[str, ...] = ("patient", "carer", "gp", "network")
HANDBACK_TARGETS: tuple[str, ...] = ("home_care_coordination", "gp", "other_service")


def clean_agreed_by(values: Iterable[str] | str | None) -> list[str]:
    """The parties who agreed, in the order of AGREEMENT_PARTIES, each once. A string is read as
    a comma-separated list ("patient,carer,gp")."""
    if values is None:
        return []
    items = values.split(",") if isinstance(values, str) else list(values)
    seen: set[str] = set()
    for raw in items:
        code = str(raw).strip().lower()
        if not code:
            continue
        if code not in AGREEMENT_PARTIES:
            raise ValidationError("closure.agreed_by_invalid", "closure_agreed_by",
                                  value=code[:40], names=", ".join(AGREEMENT_PARTIES))
        seen.add(code)
    return [p for p in AGREEMENT_PARTIES if p in seen]


def clean_handback(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in HANDBACK_TARGETS:
        raise ValidationError("closure.handback_invalid", "closure_handback",
                              value=str(value)[:40], names=", ".join(HANDBACK_TARGETS))
    return value
