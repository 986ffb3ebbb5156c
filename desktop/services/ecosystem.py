"""A patient's ecosystem: ties to contacts (the ecomap edges), node positions, dated snapshots,
the "who does what" list, and the audited exports of the map and the list."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.contacts import (
    ContactFields,
    is_private_kind,
    kind_rank,
    sector_of,
    validate_contact,
)
from desktop.domain.ecomap import EcomapData, EcomapTie, TieFields, validate_tie
from desktop.domain.ecomap_diff import EcomapDiff, compare_ties
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.phone import display_phone
from desktop.domain.text import fold
from desktop.services.contacts import add_contact_in, contact_name, load_contact
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Contact, EcomapSnapshot, Patient, Relationship

__all__ = ["EcomapData", "SnapshotRow", "TieFields", "WhoRow", "add_contact_and_link",
           "compare", "ecomap_data", "edit_tie", "export_ecomap", "link", "list_snapshots",
           "move_node", "print_who_does_what", "reset_positions", "save_snapshot", "unlink",
           "view_ecosystem", "who_does_what"]

EXPORT_FORMATS = ("png", "svg", "pdf")


@dataclass(frozen=True)
class SnapshotRow:
    id: str
    taken_on: dt.date
    ties: int


@dataclass(frozen=True)
class WhoRow:
    tie_id: str
    contact_id: str
    name: str
    kind: str
    sector: str
    role: str | None
    phone: str | None
    availability: str | None
    is_gp: bool
    is_informal_carer: bool
    is_reference_person: bool


def patient_label(p: Patient) -> str:
    return f"{p.given_name} {p.family_name}".strip()


def _load_tie(session: Session, tie_id: str) -> Relationship:
    if not is_uuid(tie_id):
        raise ValidationError("id.invalid", "id")
    rel = load(session, Relationship, tie_id, "id")
    load_patient(session, rel.patient_id)
    return rel


def _live_ties(session: Session, patient_id: str) -> list[Relationship]:
    return list(session.execute(select(Relationship).where(
        Relationship.patient_id == patient_id, Relationship.deleted.is_(False))).scalars())


def _tie_of(rel: Relationship, c: Contact) -> EcomapTie:
    pinned = (rel.pos_x, rel.pos_y) if rel.pos_x is not None and rel.pos_y is not None else None
    return EcomapTie(
        id=rel.id, contact_id=c.id, label=contact_name(c), kind=c.kind, role=rel.role,
        strength=rel.strength, quality=rel.quality, energy_flow=rel.energy_flow, is_gp=rel.is_gp,
        is_informal_carer=rel.is_informal_carer, is_reference_person=rel.is_reference_person,
        pinned=pinned, phone=display_phone(c.phones[0]) if c.phones else None,
        availability=c.availability, since=rel.since, note=rel.note)


def _data(session: Session, patient_id: str, today: dt.date) -> EcomapData:
    p = load_patient(session, patient_id)
    ties = []
    for rel in _live_ties(session, patient_id):
        c = session.get(Contact, rel.contact_id)
        if c is None or c.deleted:
            continue  # a tie whose contact vanished (sync from elsewhere) is not drawable
        ties.append(_tie_of(rel, c))
    if any(t.is_informal_carer for t in ties):  # the carers' current assessments mark them
        from desktop.services.carer import current_by_contact

        marks = current_by_contact(session, patient_id, today)
        ties = [replace(t, carer_burden=a.burden, carer_respite=a.respite,
                        carer_assessed_on=a.assessed_on, carer_review_on=a.review_on)
                if t.is_informal_carer and (a := marks.get(t.contact_id)) else t for t in ties]
    ties.sort(key=lambda t: (kind_rank(t.kind), fold(t.label), t.id))
    return EcomapData(patient_label=patient_label(p), taken_on=today, ties=tuple(ties))


def ecomap_data(ctx: AppContext, patient_id: str) -> EcomapData:
    """Today's map (no audit: callers that show it to a person use `view_ecosystem`)."""
    return ctx.read(lambda s: _data(s, patient_id, ctx.today()))


def view_ecosystem(ctx: AppContext, patient_id: str) -> EcomapData:
    """A person opens the ecomap: audited."""

    def run(uow: UnitOfWork) -> EcomapData:
        data = _data(uow.session, patient_id, ctx.today())
        uow.audit("view", table="relationship", patient_id=patient_id, purpose="ecomap")
        return data

    return ctx.write(run)


# ---- ties ------------------------------------------------------------------------------------
def _apply_exclusive_flags(uow: UnitOfWork, rel: Relationship, contact: Contact) -> None:
    """One GP (kept in `patient.gp_contact_id`) and one reference person per patient."""
    others = [t for t in _live_ties(uow.session, rel.patient_id) if t.id != rel.id]
    patient = uow.session.get(Patient, rel.patient_id)
    assert patient is not None
    if rel.is_gp:
        for t in others:
            if t.is_gp:
                uow.update(t, {"is_gp": False})
        uow.update(patient, {"gp_contact_id": contact.id})
    elif patient.gp_contact_id == contact.id:
        uow.update(patient, {"gp_contact_id": None})
    if rel.is_reference_person:
        for t in others:
            if t.is_reference_person:
                uow.update(t, {"is_reference_person": False})


def sync_gp_tie(uow: UnitOfWork, patient: Patient) -> None:
    """The GP chosen on the patient's form is the GP tie on the map (created when missing)."""
    ties = _live_ties(uow.session, patient.id)
    gp_id = patient.gp_contact_id
    for t in ties:
        if t.is_gp and t.contact_id != gp_id:
            uow.update(t, {"is_gp": False})
    if not gp_id:
        return
    contact = uow.session.get(Contact, gp_id)
    if contact is None or contact.deleted:
        return
    is_gp = contact.kind == "gp"
    tie = next((t for t in ties if t.contact_id == gp_id), None)
    if tie is None:
        rel = uow.add(Relationship, patient_id=patient.id, contact_id=gp_id, is_gp=is_gp,
                      strength="moderate", quality="neutral", energy_flow="to_patient")
        uow.audit("create", table="relationship", record_id=rel.id, patient_id=patient.id,
                  contact_id=gp_id)
    elif is_gp and not tie.is_gp:
        uow.update(tie, {"is_gp": True})


def _check_flags(values: dict[str, object], contact: Contact) -> None:
    if values.get("is_gp") and contact.kind != "gp":
        raise ValidationErrors([ValidationError("ecosystem.gp_kind", "is_gp")])


def _link_in(uow: UnitOfWork, patient_id: str, contact: Contact,
             values: dict[str, object]) -> Relationship:
    s = uow.session
    if contact.owner_patient_id not in (None, patient_id):
        raise ValidationErrors([ValidationError("ecosystem.private_contact", "contact_id")])
    if any(t.contact_id == contact.id for t in _live_ties(s, patient_id)):
        raise ValidationErrors([ValidationError("ecosystem.tie_exists", "contact_id")])
    _check_flags(values, contact)
    rel = uow.add(Relationship, patient_id=patient_id, contact_id=contact.id, **values)
    _apply_exclusive_flags(uow, rel, contact)
    uow.audit("create", table="relationship", record_id=rel.id, patient_id=patient_id,
              contact_id=contact.id)
    return rel


def link(ctx: AppContext, patient_id: str, contact_id: str, tie: TieFields | None = None) -> str:
    """Tie a patient to an existing contact. Refused: a deleted or merged contact, another
    patient's private person, a second tie to the same contact."""
    values = validate_tie(tie or TieFields(), ctx.today())

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        contact = load_contact(uow.session, contact_id)
        return _link_in(uow, patient_id, contact, values).id

    return ctx.write(run)


def add_contact_and_link(ctx: AppContext, patient_id: str, contact: ContactFields,
                         tie: TieFields | None = None) -> tuple[str, str]:
    """Create a contact and its tie in one transaction (adding someone from the map).
    Returns (contact id, tie id)."""
    errors: list[ValidationError] = []
    contact_values: dict[str, object] = {}
    tie_values: dict[str, object] = {}
    try:
        contact_values = validate_contact(contact)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    try:
        tie_values = validate_tie(tie or TieFields(), ctx.today())
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    if errors:
        raise ValidationErrors(errors)

    def run(uow: UnitOfWork) -> tuple[str, str]:
        load_patient(uow.session, patient_id)
        owner = patient_id if is_private_kind(str(contact_values["kind"])) else None
        c = add_contact_in(uow, contact_values, owner)
        rel = _link_in(uow, patient_id, c, tie_values)
        return c.id, rel.id

    return ctx.write(run)


def edit_tie(ctx: AppContext, tie_id: str, tie: TieFields) -> list[str]:
    values = validate_tie(tie, ctx.today(), partial=True)

    def run(uow: UnitOfWork) -> list[str]:
        rel = _load_tie(uow.session, tie_id)
        contact = uow.session.get(Contact, rel.contact_id)
        if contact is None or contact.deleted:
            raise ValidationErrors([ValidationError("contact.deleted", "contact_id")])
        _check_flags(values, contact)
        changed = uow.update(rel, values)
        if changed:
            _apply_exclusive_flags(uow, rel, contact)
            uow.audit("edit", table="relationship", record_id=rel.id, patient_id=rel.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def unlink(ctx: AppContext, tie_id: str) -> None:
    """Remove a tie from the map. A private person left with no tie goes too."""

    def run(uow: UnitOfWork) -> None:
        rel = _load_tie(uow.session, tie_id)
        contact = uow.session.get(Contact, rel.contact_id)
        patient = uow.session.get(Patient, rel.patient_id)
        uow.delete(rel)
        if patient is not None and contact is not None and patient.gp_contact_id == contact.id:
            uow.update(patient, {"gp_contact_id": None})
        if contact is not None and not contact.deleted and contact.owner_patient_id:
            rest = uow.session.execute(select(Relationship.id).where(
                Relationship.contact_id == contact.id, Relationship.deleted.is_(False))).first()
            if rest is None:
                uow.delete(contact)
        uow.audit("delete", table="relationship", record_id=rel.id, patient_id=rel.patient_id)

    ctx.write(run)


def move_node(ctx: AppContext, tie_id: str, dx: float, dy: float) -> None:
    """Keep the place where the user left a node (offset from the patient, scene units)."""
    if not all(isinstance(v, int | float) and abs(v) < 1e5 for v in (dx, dy)):
        raise ValidationError("ecosystem.position_invalid", "position")

    def run(uow: UnitOfWork) -> None:
        rel = _load_tie(uow.session, tie_id)
        uow.update(rel, {"pos_x": round(float(dx), 1), "pos_y": round(float(dy), 1)})

    ctx.write(run)


def reset_positions(ctx: AppContext, patient_id: str) -> int:
    """Forget every moved position: the automatic layout places all nodes again."""

    def run(uow: UnitOfWork) -> int:
        load_patient(uow.session, patient_id)
        count = 0
        for rel in _live_ties(uow.session, patient_id):
            if rel.pos_x is not None or rel.pos_y is not None:
                uow.update(rel, {"pos_x": None, "pos_y": None})
                count += 1
        if count:
            uow.audit("edit", table="relationship", patient_id=patient_id, fields=["position"])
        return count

    return ctx.write(run)


# ---- who does what ---------------------------------------------------------------------------
def who_does_what(ctx: AppContext, patient_id: str) -> list[WhoRow]:
    data = ecomap_data(ctx, patient_id)
    return [WhoRow(tie_id=t.id, contact_id=t.contact_id, name=t.label, kind=t.kind,
                   sector=sector_of(t.kind), role=t.role, phone=t.phone,
                   availability=t.availability, is_gp=t.is_gp,
                   is_informal_carer=t.is_informal_carer,
                   is_reference_person=t.is_reference_person) for t in data.ties]


# ---- snapshots -------------------------------------------------------------------------------
def save_snapshot(ctx: AppContext, patient_id: str, *, taken_on: dt.date | None = None) -> str:
    """"Save today's map": a dated, append-only copy of the ecomap. `taken_on`: the day the map
    was drawn, when it is saved later (the demo's older maps); never in the future."""
    day = taken_on or ctx.today()
    if day > ctx.today():
        raise ValidationError("date.future", "taken_on")

    def run(uow: UnitOfWork) -> str:
        data = _data(uow.session, patient_id, day)
        snap = uow.add(EcomapSnapshot, patient_id=patient_id, taken_on=day,
                       data=data.to_snapshot())
        uow.audit("create", table="ecomap_snapshot", record_id=snap.id, patient_id=patient_id)
        return snap.id

    return ctx.write(run)


def list_snapshots(ctx: AppContext, patient_id: str) -> list[SnapshotRow]:
    def run(s: Session) -> list[SnapshotRow]:
        load_patient(s, patient_id)
        rows = s.execute(select(EcomapSnapshot).where(
            EcomapSnapshot.patient_id == patient_id, EcomapSnapshot.deleted.is_(False))
            .order_by(EcomapSnapshot.taken_on, EcomapSnapshot.created_at, EcomapSnapshot.id)
        ).scalars()
        return [SnapshotRow(r.id, r.taken_on, len((r.data or {}).get("ties") or [])) for r in rows]

    return ctx.read(run)


def _snapshot_on(s: Session, patient_id: str, day: dt.date) -> EcomapData:
    """The last map saved on or before `day`."""
    row = s.execute(select(EcomapSnapshot).where(
        EcomapSnapshot.patient_id == patient_id, EcomapSnapshot.deleted.is_(False),
        EcomapSnapshot.taken_on <= day)
        .order_by(EcomapSnapshot.taken_on.desc(), EcomapSnapshot.created_at.desc(),
                  EcomapSnapshot.id.desc()).limit(1)).scalars().first()
    if row is None:
        raise ValidationError("ecosystem.no_snapshot", "date", date=day.isoformat())
    return EcomapData.from_snapshot(row.data or {}, row.taken_on)


def map_on(ctx: AppContext, patient_id: str, day: dt.date | None) -> EcomapData:
    """The map saved on `day` (or the last one before it); None = today's live map."""

    def run(s: Session) -> EcomapData:
        load_patient(s, patient_id)
        if day is None:
            return _data(s, patient_id, ctx.today())
        return _snapshot_on(s, patient_id, day)

    return ctx.read(run)


def compare(ctx: AppContext, patient_id: str, older: dt.date | None,
            newer: dt.date | None) -> tuple[EcomapData, EcomapData, EcomapDiff]:
    """Two dated maps and what changed between them (None = today's live map)."""
    a = map_on(ctx, patient_id, older)
    b = map_on(ctx, patient_id, newer)
    if a.taken_on > b.taken_on:
        a, b = b, a
    current = ctx.read(lambda s: _current_ids(s, {t.contact_id for t in (*a.ties, *b.ties)}))

    def resolved(data: EcomapData) -> EcomapData:
        return replace(data, ties=tuple(replace(t, contact_id=current.get(t.contact_id,
                                                                          t.contact_id))
                                        for t in data.ties))

    a, b = resolved(a), resolved(b)
    return a, b, compare_ties([t.to_dict() for t in a.ties], [t.to_dict() for t in b.ties])


def _current_ids(session: Session, ids: set[str]) -> dict[str, str]:
    """Where each contact went: a snapshot may name a contact merged since into another."""
    out: dict[str, str] = {}
    for cid in ids:
        seen, current = {cid}, cid
        c = session.get(Contact, current)
        while c is not None and c.merged_into_id and c.merged_into_id not in seen:
            current = c.merged_into_id
            seen.add(current)
            c = session.get(Contact, current)
        out[cid] = current
    return out


# ---- exports and prints (audited) ------------------------------------------------------------
def _out_path(path: str | os.PathLike[str], allowed: tuple[str, ...]) -> tuple[Path, str]:
    p = Path(path)
    fmt = p.suffix.lower().lstrip(".")
    if fmt not in allowed:
        raise ValidationError("ecosystem.export_format", "out", formats=", ".join(allowed))
    return p, fmt


def _write_audited(ctx: AppContext, path: Path, payload: bytes, action: str, patient_id: str,
                   **detail: Any) -> None:
    """Write the file and its audit event together: a failed write leaves no audit trace and
    no partial file; the temp file sits beside the target so the rename is atomic."""
    from desktop.reports.ecomap_render import atomic_write_bytes

    def run(uow: UnitOfWork) -> None:
        try:
            atomic_write_bytes(path, payload)
        except OSError as exc:
            raise ValidationError("ecosystem.export_not_writable", "out",
                                  reason=exc.strerror or type(exc).__name__) from None
        uow.audit(action, table="relationship", patient_id=patient_id, **detail)

    ctx.write(run)


def export_ecomap(ctx: AppContext, patient_id: str, path: str | os.PathLike[str], *,
                  lang: str | None = None, day: dt.date | None = None) -> Path:
    """PNG, SVG or PDF of the map (format from the extension); `day` = a saved snapshot."""
    from desktop.i18n import user_language
    from desktop.reports.ecomap_render import render_ecomap

    out, fmt = _out_path(path, EXPORT_FORMATS)
    data = map_on(ctx, patient_id, day)
    payload = render_ecomap(data, fmt, lang or user_language())
    _write_audited(ctx, out, payload, "export", patient_id, document="ecomap", format=fmt)
    return out


def print_who_does_what(ctx: AppContext, patient_id: str, path: str | os.PathLike[str], *,
                        lang: str | None = None) -> Path:
    from desktop.i18n import user_language
    from desktop.reports.who_does_what import who_does_what_pdf

    out, _ = _out_path(path, ("pdf",))
    data = ecomap_data(ctx, patient_id)
    payload = who_does_what_pdf(data, lang or user_language())
    _write_audited(ctx, out, payload, "print", patient_id, document="who_does_what")
    return out
