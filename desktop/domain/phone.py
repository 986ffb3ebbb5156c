"""Phone numbers: stored E.164, shown in national format, Belgium by default."""

from __future__ import annotations

from desktop.domain.errors import ValidationError

# phonenumbers (58 modules) loads at the first number read or typed, not at the unlock


def normalize_phone(value: str, field: str = "phone", region: str = "BE") -> str:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("phone.invalid", field) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError("phone.invalid", field)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """National format for Belgian numbers ("0470 12 34 56"), international otherwise."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if parsed.country_code == 32 and not phonenumbers.is_valid_number(parsed):
        # written past validation (an import, old data): still dialable, with its trunk 0
        return "0" + str(parsed.national_number)
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == 32
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, fmt)
