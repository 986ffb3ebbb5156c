from __future__ import annotations

from desktop.domain.errors import ValidationError


def validate_postal_code(value: str, field: str = "postal_code") -> str:
    code = (value or "").strip()
    if len(code) != 4 or not code.isdigit() or not 1000 <= int(code) <= 9999:
        raise ValidationError("postal_code.invalid", field)
    return code
