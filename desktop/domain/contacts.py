"""Contacts of the ecosystem: kinds, sectors, validation, INAMI numbers, duplicate scoring."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.domain.address import validate_postal_code
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.phone import normalize_phone
from desktop.domain.text import clean_line, clean_text, digits, fold

# Sectors of the ecomap, in drawing order (clockwise from the top).
SECTORS = ("family", "health", "social", "community", "other")

# Kinds of contact (docs/DOMAIN.md "Ecomap conventions"), grouped by sector. Order inside a
# sector = order on the map.
KINDS_BY_SECTOR: dict[str, tuple[str, ...]] = {
    "family": ("informal_carer", "family"),
    "health": ("gp", "nurse", "pharmacist", "physio", "specialist", "hospital",
               "hospital_social_worker", "mental_health"),
    "social": ("coordination_centre", "case_manager", "home_help", "meals", "social_worker",
               "cpas", "mutualite", "mutualite_social_worker"),
    "community": ("friend", "neighbour", "patient_association"),
    "other": ("other",),
}
KINDS: tuple[str, ...] = tuple(k for ks in KINDS_BY_SECTOR.values() for k in ks)
SECTOR_OF: dict[str, str] = {k: s for s, ks in KINDS_BY_SECTOR.items() for k in ks}

# Private persons belong to one patient; everything else is the shared local directory.
PRIVATE_KINDS = frozenset({"informal_carer", "family", "friend", "neighbour"})
# Kinds that usually hold an INAMI/RIZIV number.
INAMI_KINDS = frozenset({"gp", "nurse", "pharmacist", "physio", "specialist"})


def sector_of(kind: str) -> str:
    return SECTOR_OF.get(kind, "other")


def kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def is_private_kind(kind: str) -> bool:
    return kind in PRIVATE_KINDS


# ---- INAMI / RIZIV numbers ----------------------------------------------------------------
def parse_inami(value: str, field: str = "inami_number") -> str:
    """11 digits `C-NNNNN-KK-QQQ`: profession and serial (6), check (2), qualification (3).

    Check digits = 97 - (first 6 digits mod 97). **verify**: some older numbers are said to use
    89 instead of 97; both are accepted so a real number is never refused."""
    d = re.sub(r"[\s./-]", "", value or "")
    if len(d) != 11 or not d.isdigit():
        raise ValidationError("inami.format", field)
    base, check = int(d[:6]), int(d[6:8])
    if check not in (97 - base % 97, 89 - base % 89):
        raise ValidationError("inami.checksum", field)
    return d


def format_inami(number: str) -> str:
    d = digits(number)
    if len(d) != 11:
        return number
    return f"{d[0]}-{d[1:6]}-{d[6:8]}-{d[8:]}"


def make_inami(serial6: int, qualification: str = "003") -> str:
    """A valid number for a 6-digit base (demo data and tests)."""
    base = serial6 % 1_000_000
    return f"{base:06d}{97 - base % 97:02d}{qualification}"


# ---- validation ---------------------------------------------------------------------------
@dataclass
class ContactFields:
    """Raw input for a contact (form or command line). None = not given (kept on edit)."""

    kind: str | None = None
    is_organisation: bool | None = None
    family_name: str | None = None
    given_name: str | None = None
    organisation: str | None = None
    phones: list[str] | None = None
    email: str | None = None
    street: str | None = None
    house_number: str | None = None
    postal_code: str | None = None
    city: str | None = None
    availability: str | None = None
    inami_number: str | None = None
    note: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def validate_contact(raw: ContactFields, *, partial: bool = False,
                     current: dict[str, object] | None = None) -> dict[str, object]:
    """Clean column values; `partial` checks only given fields, against `current` for the name
    rule. Raises ValidationErrors listing every invalid field."""
    out: dict[str, object] = {}
    errors: list[ValidationError] = []

    def given(name: str) -> bool:
        return not partial or getattr(raw, name) is not None

    def run(fn: Callable[..., object]) -> None:  # called bare (lambdas bind defaults)
        try:
            fn()
        except ValidationError as exc:
            errors.append(exc)

    if given("kind"):
        def _kind() -> None:
            if raw.kind not in KINDS:
                raise ValidationError("contact.kind_invalid", "kind", value=str(raw.kind or ""))
            out["kind"] = raw.kind
        run(_kind)
    for name, max_len in (("family_name", 200), ("given_name", 200), ("organisation", 200),
                          ("street", 200), ("house_number", 20), ("city", 100),
                          ("availability", 200)):
        if given(name):
            run(lambda n=name, m=max_len: out.__setitem__(n, clean_line(getattr(raw, n), n,
                                                                          max_len=m) or None))
    if given("note"):
        run(lambda: out.__setitem__("note", clean_text(raw.note, "note", max_len=5000) or None))
    if given("is_organisation"):
        out["is_organisation"] = bool(raw.is_organisation)
    if given("postal_code"):
        run(lambda: out.__setitem__("postal_code", validate_postal_code(raw.postal_code or "")
                                    if (raw.postal_code or "").strip() else None))
    if given("email"):
        def _email() -> None:
            e = clean_line(raw.email, "email", max_len=200)
            if e and (e.count("@") != 1 or " " in e or e.startswith("@") or e.endswith("@")):
                raise ValidationError("email.invalid", "email")
            out["email"] = e or None
        run(_email)
    if given("phones"):
        def _phones() -> None:
            phones: list[str] = []
            for i, p in enumerate(raw.phones or []):
                if p and p.strip():
                    phones.append(normalize_phone(p, "phones" if i == 0 else f"phones.{i}"))
            out["phones"] = list(dict.fromkeys(phones))
        run(_phones)
    if given("inami_number"):
        run(lambda: out.__setitem__("inami_number", parse_inami(raw.inami_number or "")
                                    if (raw.inami_number or "").strip() else None))

    # a contact needs a name: a person's family or given name, or an organisation's name
    merged = {**(current or {}), **out}
    if not errors and not any(merged.get(n) for n in ("family_name", "given_name", "organisation")):
        errors.append(ValidationError("contact.name_required", "family_name"))
    if not errors and merged.get("is_organisation") and not merged.get("organisation"):
        errors.append(ValidationError("contact.organisation_required", "organisation"))
    if errors:
        raise ValidationErrors(errors)
    return out


def display_name(family_name: str | None, given_name: str | None, organisation: str | None,
                 is_organisation: bool = False) -> str:
    """"Marie Dubois (CSD Namur)" for a person, the organisation's name for an organisation."""
    person = " ".join(x for x in (given_name, family_name) if x)
    if is_organisation or not person:
        return organisation or person or "?"
    return f"{person} ({organisation})" if organisation else person


# ---- duplicates ---------------------------------------------------------------------------
@dataclass(frozen=True)
class DuplicateKey:
    """What the duplicate finder compares for one contact."""

    id: str
    name: str  # display name
    phones: tuple[str, ...] = ()
    inami: str | None = None
    kind: str = "other"
    city: str | None = None


@dataclass(frozen=True)
class DuplicateScore:
    score: float  # 0..1
    reasons: tuple[str, ...]  # codes: same_inami, same_phone, close_name


DUPLICATE_THRESHOLD = 0.6


# titles that do not tell two people apart
_TITLES = frozenset({"dr", "docteur", "dokter", "mme", "mevr", "mr", "m", "mlle", "dhr", "prof"})


def _name_key(name: str) -> str:
    words = sorted(w for w in "".join(c if c.isalnum() else " " for c in fold(name)).split()
                   if w not in _TITLES and (len(w) > 1 or w.isdigit()))
    return " ".join(words)


def name_similarity(a: str, b: str) -> float:
    """0..1, insensitive to accents, case, punctuation and word order ("Dr Jean Dupont" vs
    "DUPONT Jean")."""
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    from difflib import SequenceMatcher  # only when a contact is matched, not at the unlock

    return SequenceMatcher(None, ka, kb).ratio()


def duplicate_score(a: DuplicateKey, b: DuplicateKey) -> DuplicateScore:
    """Same INAMI number: almost surely the same; same phone: likely (a shared practice number
    is possible, so the names must not be far apart); close names: possible."""
    reasons: list[str] = []
    score = 0.0
    sim = name_similarity(a.name, b.name)
    if a.inami and b.inami and a.inami == b.inami:
        reasons.append("same_inami")
        score = max(score, 0.95)
    if set(a.phones) & set(b.phones):
        reasons.append("same_phone")
        score = max(score, 0.5 + 0.45 * sim)
    if sim >= 0.85:
        reasons.append("close_name")
        score = max(score, 0.45 + 0.5 * (sim - 0.85) / 0.15)
        if a.kind == b.kind:
            score = min(1.0, score + 0.1)
    if a.inami and b.inami and a.inami != b.inami:
        score *= 0.3  # two different registered professionals
    elif reasons == ["close_name"] and a.city and b.city and fold(a.city) != fold(b.city):
        score *= 0.5  # "Pharmacie du Centre" exists in many towns
    return DuplicateScore(round(score, 3), tuple(reasons))
