"""Domain errors carry a code and parameters, never translated text: callers translate."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule was broken. `code` is a stable message key (see desktop.i18n)."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code if field is None else f"{field}: {code}")
        self.code = code
        self.field = field
        self.params = params


class ValidationError(DomainError):
    """Invalid user input: the action changes nothing."""


class ValidationErrors(ValidationError):
    """Several fields invalid at once (forms show them all inline)."""

    def __init__(self, errors: list[ValidationError]) -> None:
        first = errors[0]
        super().__init__(first.code, first.field, **first.params)
        self.errors = errors


class NotFound(DomainError):
    """An id that does not exist (or is hidden by a restriction)."""


class RuleViolation(DomainError):
    """A legal-but-forbidden action, e.g. an illegal status transition or editing an agreed plan."""
