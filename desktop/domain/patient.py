"""Patient identity rules: what a valid patient record is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.address import validate_postal_code
from desktop.domain.dates import parse_date, validate_birth_date
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.niss import cross_check, parse_niss
from desktop.domain.phone import normalize_phone
from desktop.domain.text import clean_line

GENDERS = ("female", "male", "other", "unknown")
LANGUAGES = ("fr", "nl", "de", "en", "other")


@dataclass
class PatientFields:
    """Raw input for a patient (from a form or the command line). Every field optional here;
    `validate_patient` decides what is required."""

    family_name: str | None = None
    given_name: str | None = None
    niss: str | None = None
    birth_date: str | dt.date | None = None
    gender: str | None = None
    languages: list[str] | None = None
    street: str | None = None
    house_number: str | None = None
    box: str | None = None
    postal_code: str | None = None
    city: str | None = None
    phones: list[str] | None = None
    email: str | None = None
    gp_contact_id: str | None = None
    mutualite: str | None = None
    bim: bool | None = None
    maf: bool | None = None
    chronic_status: bool | None = None
    team_id: str | None = None


def validate_patient(
    raw: PatientFields, today: dt.date, *, partial: bool = False
) -> dict[str, object]:
    """Return clean column values. `partial` validates only the fields that are set (an edit).
    Raises ValidationErrors listing every invalid field."""
    out: dict[str, object] = {}
    errors: list[ValidationError] = []

    def run(name: str, fn: Callable[..., object]) -> None:  # called bare (lambdas bind defaults)
        try:
            fn()
        except ValidationError as exc:
            errors.append(exc)

    def given(name: str) -> bool:
        return not partial or getattr(raw, name) is not None

    for name in ("family_name", "given_name"):
        if given(name):
            run(name, lambda n=name: out.__setitem__(n, clean_line(getattr(raw, n), n, required=True)))
    for name, max_len in (("street", 200), ("house_number", 20), ("box", 20), ("city", 100),
                          ("mutualite", 100)):
        if given(name):
            run(name, lambda n=name, m=max_len: out.__setitem__(
                n, clean_line(getattr(raw, n), n, max_len=m) or None))
    if given("postal_code"):
        run("postal_code", lambda: out.__setitem__(
            "postal_code", validate_postal_code(raw.postal_code, "postal_code") if raw.postal_code else None))
    if given("email"):
        def _email() -> None:
            e = clean_line(raw.email, "email", max_len=200)
            if e and ("@" not in e or " " in e or e.startswith("@") or e.endswith("@")):
                raise ValidationError("email.invalid", "email")
            out["email"] = e or None
        run("email", _email)
    if given("gender"):
        def _gender() -> None:
            g = raw.gender or "unknown"
            if g not in GENDERS:
                raise ValidationError("gender.invalid", "gender")
            out["gender"] = g
        run("gender", _gender)
    if given("languages"):
        def _langs() -> None:
            langs = list(dict.fromkeys(raw.languages or []))
            for lang in langs:
                if lang not in LANGUAGES:
                    raise ValidationError("language.invalid", "languages", value=lang)
            out["languages"] = langs
        run("languages", _langs)
    if given("birth_date"):
        def _birth() -> None:
            b = parse_date(raw.birth_date, "birth_date")
            validate_birth_date(b, today)
            out["birth_date"] = b
        run("birth_date", _birth)
    if given("phones"):
        def _phones() -> None:
            phones: list[str] = []
            for i, p in enumerate(raw.phones or []):
                if p and p.strip():
                    phones.append(normalize_phone(p, "phones" if i == 0 else f"phones.{i}"))
            out["phones"] = list(dict.fromkeys(phones))
        run("phones", _phones)
    if given("niss"):
        def _niss() -> None:
            if not raw.niss or not raw.niss.strip():
                out["niss"] = None
                return
            parsed = parse_niss(raw.niss)
            birth = out.get("birth_date") if isinstance(out.get("birth_date"), dt.date) else None
            cross_check(parsed, birth, raw.gender)  # type: ignore[arg-type]
            out["niss"] = parsed.number
            # derive what the number tells when the form left it empty
            if parsed.birth_date and not partial and out.get("birth_date") is None:
                out["birth_date"] = parsed.birth_date
            if parsed.gender and not partial and out.get("gender") in (None, "unknown"):
                out["gender"] = parsed.gender
        run("niss", _niss)
    for flag in ("bim", "maf", "chronic_status"):
        if given(flag):
            out[flag] = bool(getattr(raw, flag))
    for ref in ("gp_contact_id", "team_id"):
        if given(ref):
            out[ref] = getattr(raw, ref) or None
    if errors:
        raise ValidationErrors(errors)
    return out
