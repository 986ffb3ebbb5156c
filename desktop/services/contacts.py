"""Contacts: the local directory of professionals and services shared across patients, and the
private persons (family, carers, friends, neighbours) that belong to one patient."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.contacts import (
    DUPLICATE_THRESHOLD,
    ContactFields,
    DuplicateKey,
    display_name,
    duplicate_score,
    format_inami,
    is_private_kind,
    kind_rank,
    sector_of,
    validate_contact,
)
from desktop.domain.errors import NotFound, RuleViolation, ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.phone import display_phone
from desktop.domain.text import digits, fold
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import (
    Action,
    CarerAssessment,
    Case,
    Concertation,
    Contact,
    GpFeedback,
    Patient,
    Relationship,
)

__all__ = [
    "ContactFields",
    "ContactView",
    "DuplicatePair",
    "add_contact",
    "delete_contact",
    "edit_contact",
    "find_duplicates",
    "get_contact",
    "list_contacts",
    "merge_contacts",
]


@dataclass(frozen=True)
class ContactView:
    id: str
    kind: str
    sector: str
    name: str  # display name
    is_organisation: bool
    family_name: str | None
    given_name: str | None
    organisation: str | None
    phones: tuple[str, ...]  # E.164
    phones_display: tuple[str, ...]
    email: str | None
    street: str | None
    house_number: str | None
    postal_code: str | None
    city: str | None
    availability: str | None
    inami_number: str | None  # formatted
    note: str | None
    owner_patient_id: str | None  # None = shared directory
    links: int  # live ties to patients

    @property
    def shared(self) -> bool:
        return self.owner_patient_id is None


@dataclass(frozen=True)
class DuplicatePair:
    a: ContactView
    b: ContactView
    score: float
    reasons: tuple[str, ...]


def contact_name(c: Contact) -> str:
    return display_name(c.family_name, c.given_name, c.organisation, c.is_organisation)


def _view(c: Contact, links: int) -> ContactView:
    return ContactView(
        id=c.id, kind=c.kind, sector=sector_of(c.kind), name=contact_name(c),
        is_organisation=c.is_organisation, family_name=c.family_name, given_name=c.given_name,
        organisation=c.organisation, phones=tuple(c.phones or ()),
        phones_display=tuple(display_phone(p) for p in c.phones or ()), email=c.email,
        street=c.street, house_number=c.house_number, postal_code=c.postal_code, city=c.city,
        availability=c.availability,
        inami_number=format_inami(c.inami_number) if c.inami_number else None, note=c.note,
        owner_patient_id=c.owner_patient_id, links=links)


def _link_counts(session: Session, ids: list[str] | None = None) -> dict[str, int]:
    q = select(Relationship.contact_id).where(Relationship.deleted.is_(False))
    if ids is not None:
        q = q.where(Relationship.contact_id.in_(ids))
    counts: dict[str, int] = defaultdict(int)
    for (cid,) in session.execute(q):
        counts[cid] += 1
    return counts


def load_contact(session: Session, contact_id: str, field: str = "contact_id") -> Contact:
    """A live contact, or a clear error: a deleted or merged contact cannot be used."""
    if not contact_id or not is_uuid(contact_id):
        raise ValidationError("id.invalid", field)
    c = session.get(Contact, contact_id)
    if c is None:
        raise NotFound("record.not_found", field)
    if c.deleted or c.merged_into_id:
        raise ValidationError("contact.deleted", field)
    return c


def _check_patient(session: Session, patient_id: str | None, field: str = "patient_id") -> None:
    if patient_id is None:
        return
    if not is_uuid(patient_id):
        raise ValidationError("id.invalid", field)
    load(session, Patient, patient_id, field)


def add_contact(ctx: AppContext, raw: ContactFields, owner_patient_id: str | None = None) -> str:
    """A private person (family, carer, friend, neighbour) needs the patient it belongs to;
    professionals and services go to the shared directory."""
    values = validate_contact(raw)
    private = is_private_kind(str(values["kind"]))
    if private and not owner_patient_id:
        raise ValidationErrors([ValidationError("contact.owner_required", "patient_id")])

    def run(uow: UnitOfWork) -> str:
        owner = owner_patient_id if private else None
        _check_patient(uow.session, owner)
        c = uow.add(Contact, owner_patient_id=owner, **values)
        uow.audit("create", table="contact", record_id=c.id, patient_id=owner, kind=c.kind)
        return c.id

    return ctx.write(run)


def add_contact_in(uow: UnitOfWork, values: dict[str, object], owner: str | None) -> Contact:
    """Insert already validated values inside a caller's transaction (adding from the map)."""
    c = uow.add(Contact, owner_patient_id=owner, **values)
    uow.audit("create", table="contact", record_id=c.id, patient_id=owner, kind=c.kind)
    return c


def edit_contact(ctx: AppContext, contact_id: str, raw: ContactFields) -> list[str]:
    def run(uow: UnitOfWork) -> list[str]:
        c = load_contact(uow.session, contact_id, "id")
        current = {n: getattr(c, n) for n in ("family_name", "given_name", "organisation",
                                               "is_organisation", "kind")}
        values = validate_contact(raw, partial=True, current=current)
        new_kind = str(values.get("kind", c.kind))
        if is_private_kind(new_kind) != is_private_kind(c.kind) and c.kind != new_kind:
            # moving between the directory and a patient's private persons changes who sees it
            raise ValidationErrors([ValidationError("contact.kind_scope_change", "kind")])
        changed = uow.update(c, values)
        if changed:
            uow.audit("edit", table="contact", record_id=c.id, patient_id=c.owner_patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def delete_contact(ctx: AppContext, contact_id: str) -> None:
    """Only a contact nobody is linked to can go (unlink it from each map first)."""

    def run(uow: UnitOfWork) -> None:
        c = load_contact(uow.session, contact_id, "id")
        links = _link_counts(uow.session, [c.id]).get(c.id, 0)
        if links:
            raise RuleViolation("contact.in_use", "id", n=links)
        uow.delete(c)
        uow.audit("delete", table="contact", record_id=c.id, patient_id=c.owner_patient_id)

    ctx.write(run)


def get_contact(ctx: AppContext, contact_id: str) -> ContactView:
    def run(s: Session) -> ContactView:
        c = load_contact(s, contact_id, "id")
        return _view(c, _link_counts(s, [c.id]).get(c.id, 0))

    return ctx.read(run)


def _matches(c: Contact, words: list[str]) -> bool:
    hay = fold(" ".join(x or "" for x in (c.family_name, c.given_name, c.organisation, c.city,
                                           c.postal_code, c.kind)))
    numbers = " ".join([digits(p) for p in c.phones or []]
                       + ["0" + digits(p)[2:] for p in c.phones or [] if p.startswith("+32")]
                       + [c.inami_number or ""])
    return all(w in hay or (w.isdigit() and w in numbers) for w in words)


def list_contacts(ctx: AppContext, search: str | None = None, *, kind: str | None = None,
                  patient_id: str | None = None, directory_only: bool = False,
                  limit: int = 1000) -> list[ContactView]:
    """The shared directory, plus the private persons of `patient_id` when given (the people
    a case manager can pick for this patient). Search: words in names, town, phone, INAMI."""

    def run(s: Session) -> list[ContactView]:
        q = select(Contact).where(Contact.deleted.is_(False), Contact.merged_into_id.is_(None))
        if patient_id and not directory_only:
            q = q.where((Contact.owner_patient_id.is_(None))
                        | (Contact.owner_patient_id == patient_id))
        else:
            q = q.where(Contact.owner_patient_id.is_(None))
        if kind:
            q = q.where(Contact.kind == kind)
        rows = list(s.execute(q).scalars())
        if search and search.strip():
            words = [w for w in fold(search.replace(".", "").replace("-", " ")).split() if w]
            digit_query = digits(search)
            if len(digit_query) >= 6:  # a phone or INAMI number in any format
                words = [digit_query]
            rows = [c for c in rows if _matches(c, words)]
        rows.sort(key=lambda c: (kind_rank(c.kind), fold(contact_name(c)), c.id))
        rows = rows[:limit]
        counts = _link_counts(s, [c.id for c in rows]) if rows else {}
        return [_view(c, counts.get(c.id, 0)) for c in rows]

    return ctx.read(run)


# ---- duplicates and merge -------------------------------------------------------------------
def _dup_key(c: Contact) -> DuplicateKey:
    return DuplicateKey(id=c.id, name=contact_name(c), phones=tuple(c.phones or ()),
                        inami=c.inami_number, kind=c.kind, city=c.city)


def _block_keys(c: Contact) -> set[str]:
    """Cheap keys that any plausible duplicate pair shares (avoids comparing every pair)."""
    keys = {f"p:{p}" for p in c.phones or []}
    if c.inami_number:
        keys.add(f"i:{c.inami_number}")
    for w in fold(contact_name(c)).replace("-", " ").split():
        if len(w) >= 3:
            keys.add(f"w:{w[:4]}")
    return keys


def find_duplicates(ctx: AppContext, *, threshold: float = DUPLICATE_THRESHOLD,
                    patient_id: str | None = None) -> list[DuplicatePair]:
    """Likely duplicates in the shared directory (and among one patient's private persons when
    `patient_id` is given), best first."""

    def run(s: Session) -> list[DuplicatePair]:
        q = select(Contact).where(Contact.deleted.is_(False), Contact.merged_into_id.is_(None))
        q = q.where((Contact.owner_patient_id.is_(None)) | (Contact.owner_patient_id == patient_id)
                    if patient_id else Contact.owner_patient_id.is_(None))
        contacts = {c.id: c for c in s.execute(q).scalars()}
        blocks: dict[str, list[str]] = defaultdict(list)
        for c in contacts.values():
            for k in _block_keys(c):
                blocks[k].append(c.id)
        seen: set[tuple[str, str]] = set()
        found: list[tuple[float, tuple[str, ...], str, str]] = []
        keys = {cid: _dup_key(c) for cid, c in contacts.items()}
        for ids in blocks.values():
            if len(ids) > 200:  # a very common word: too weak to compare on its own
                continue
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    pair = (a, b) if a < b else (b, a)
                    if pair in seen:
                        continue
                    seen.add(pair)
                    ca, cb = contacts[pair[0]], contacts[pair[1]]
                    if ca.owner_patient_id != cb.owner_patient_id:
                        continue
                    sc = duplicate_score(keys[pair[0]], keys[pair[1]])
                    if sc.score >= threshold:
                        found.append((sc.score, sc.reasons, pair[0], pair[1]))
        found.sort(key=lambda f: (-f[0], f[2], f[3]))
        counts = _link_counts(s)
        return [DuplicatePair(_view(contacts[a], counts.get(a, 0)),
                              _view(contacts[b], counts.get(b, 0)), score, reasons)
                for score, reasons, a, b in found]

    return ctx.read(run)


_FILLABLE = ("family_name", "given_name", "organisation", "email", "street", "house_number",
             "postal_code", "city", "availability", "inami_number", "note")
_TIE_FIELDS = ("role", "since", "note")
_STRENGTH_ORDER = {"tenuous": 0, "moderate": 1, "strong": 2}


def merge_contacts(ctx: AppContext, keep_id: str, other_id: str) -> dict[str, object]:
    """Fold `other` into `keep` in one audited transaction. Every tie of `other` moves to
    `keep`; when a patient was linked to both, the two ties become one (flags, role, note and the
    stronger strength kept). References from patients (GP), cases, plan actions, concertations,
    GP feedback and carers' assessments follow. `other` is tombstoned with `merged_into_id` set."""
    if keep_id == other_id:
        raise ValidationError("contact.merge_same", "other_id")

    def run(uow: UnitOfWork) -> dict[str, object]:
        s = uow.session
        keep = load_contact(s, keep_id, "keep_id")
        other = load_contact(s, other_id, "other_id")
        other_ties = list(s.execute(select(Relationship).where(
            Relationship.contact_id == other.id, Relationship.deleted.is_(False))).scalars())
        if keep.owner_patient_id is not None:
            if other.owner_patient_id not in (None, keep.owner_patient_id) or any(
                    t.patient_id != keep.owner_patient_id for t in other_ties):
                raise RuleViolation("contact.merge_private", "other_id")
        # contact fields: fill what `keep` lacks, union of phones
        fill = {f: getattr(other, f) for f in _FILLABLE
                if not getattr(keep, f) and getattr(other, f)}
        phones = list(dict.fromkeys([*(keep.phones or []), *(other.phones or [])]))
        if phones != list(keep.phones or []):
            fill["phones"] = phones
        uow.update(keep, fill)

        keep_ties = {t.patient_id: t for t in s.execute(select(Relationship).where(
            Relationship.contact_id == keep.id, Relationship.deleted.is_(False))).scalars()}
        moved, combined = [], []
        for tie in other_ties:
            mine = keep_ties.get(tie.patient_id)
            if mine is None:
                uow.update(tie, {"contact_id": keep.id})
                moved.append(tie.id)
                continue
            values: dict[str, object] = {
                f: getattr(tie, f) for f in _TIE_FIELDS if not getattr(mine, f) and getattr(tie, f)}
            if mine.note and tie.note and tie.note not in mine.note:
                values["note"] = f"{mine.note}\n{tie.note}"
            for flag in ("is_gp", "is_informal_carer", "is_reference_person"):
                if getattr(tie, flag) and not getattr(mine, flag):
                    values[flag] = True
            if _STRENGTH_ORDER.get(tie.strength, 1) > _STRENGTH_ORDER.get(mine.strength, 1):
                values["strength"] = tie.strength
            if mine.quality == "neutral" and tie.quality != "neutral":
                values["quality"] = tie.quality
            if mine.energy_flow == "none" and tie.energy_flow != "none":
                values["energy_flow"] = tie.energy_flow
            elif {mine.energy_flow, tie.energy_flow} == {"to_patient", "from_patient"}:
                values["energy_flow"] = "both"
            uow.update(mine, values)
            uow.update(tie, {"contact_id": keep.id})
            uow.delete(tie)
            combined.append(tie.id)
        refs = 0
        for model, column in ((Patient, Patient.gp_contact_id), (Case, Case.requester_contact_id),
                              (Action, Action.responsible_contact_id),
                              (Concertation, Concertation.reference_contact_id),
                              (GpFeedback, GpFeedback.gp_contact_id),
                              (CarerAssessment, CarerAssessment.contact_id)):
            for row in s.execute(select(model).where(column == other.id)).scalars():
                uow.update(row, {column.key: keep.id})
                refs += 1
        uow.update(other, {"merged_into_id": keep.id})
        uow.delete(other)
        uow.audit("merge", table="contact", record_id=keep.id, patient_id=keep.owner_patient_id,
                  merged_id=other.id, moved_ties=moved, combined_ties=combined, references=refs)
        return {"kept": keep.id, "merged": other.id, "moved_ties": moved,
                "combined_ties": combined, "references": refs}

    return ctx.write(run)
