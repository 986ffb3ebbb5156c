"""Everything the vault holds about one patient, as plain data (for access export and erasure).

Generic over the data model: every synced table with a `patient_id` column is a part of the
record, so tables added later by other features are exported and erased without changes here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.storage.models import (
    SYNCED_MODELS,
    AuditEvent,
    Base,
    Contact,
    Draft,
    FieldChange,
    Patient,
)
from desktop.storage.wire import to_wire

# Tables shown first, in this order; any other patient-owned table follows alphabetically.
SECTION_ORDER = (
    "case_record", "case_status_change", "visit", "visit_addendum", "note", "hospital_stay",
    "stability_event", "paperwork", "medication", "carer_assessment",
    "assessment_response", "relationship", "ecomap_snapshot", "care_plan", "goal", "plan_action",
    "concertation", "gp_feedback", "consent_event", "attachment",
)
NOT_RECORD_TABLES = frozenset({"audit_event"})  # audit is exported as its own trail


def patient_tables() -> list[str]:
    """Synced tables whose rows belong to one patient (the patient row itself excluded)."""
    names = [name for name, model in SYNCED_MODELS.items()
             if "patient_id" in model.__table__.columns
             and name not in NOT_RECORD_TABLES]
    known = [n for n in SECTION_ORDER if n in names]
    return known + sorted(n for n in names if n not in SECTION_ORDER)


def row_dict(obj: Base) -> dict[str, Any]:
    return {c.key: to_wire(getattr(obj, c.key))
            for c in obj.__table__.columns}


@dataclass(frozen=True)
class PatientRecord:
    patient: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]  # table name → rows (deleted ones included, flagged)
    owned_contacts: list[dict[str, Any]]  # private persons of this patient (carers, family)
    linked_contacts: list[dict[str, Any]]  # shared professionals and services in the ecomap
    field_changes: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    drafts: list[dict[str, Any]] = field(default_factory=list)

    def record_ids(self, *, include_deleted: bool = False) -> set[str]:
        """Ids of every record of this patient (the patient, its rows, its own contacts)."""
        ids = {self.patient["id"]}
        for rows in self.tables.values():
            ids.update(r["id"] for r in rows if include_deleted or not r.get("deleted"))
        ids.update(c["id"] for c in self.owned_contacts if include_deleted or not c.get("deleted"))
        return ids

    def contact(self, contact_id: str | None) -> dict[str, Any] | None:
        if not contact_id:
            return None
        for c in (*self.owned_contacts, *self.linked_contacts):
            if c["id"] == contact_id:
                return c
        return None


def collect(session: Session, patient: Patient) -> PatientRecord:
    pid = patient.id
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in patient_tables():
        model = SYNCED_MODELS[name]
        order = [model.created_at, model.id]  # type: ignore[attr-defined]
        rows = session.execute(
            select(model).where(model.patient_id == pid).order_by(*order)  # type: ignore[attr-defined]
        ).scalars()
        tables[name] = [row_dict(r) for r in rows]
    owned = [row_dict(c) for c in session.execute(
        select(Contact).where(Contact.owner_patient_id == pid).order_by(Contact.created_at)
    ).scalars()]
    owned_ids = {c["id"] for c in owned}
    linked_ids = {r["contact_id"] for r in tables.get("relationship", []) if r.get("contact_id")}
    for key in ("requester_contact_id",):
        linked_ids.update(r[key] for r in tables.get("case_record", []) if r.get(key))
    linked_ids.update(r["contact_id"] for r in tables.get("consent_event", [])
                      if r.get("contact_id"))
    linked_ids.update(r["responsible_contact_id"] for r in tables.get("plan_action", [])
                      if r.get("responsible_contact_id"))
    if patient.gp_contact_id:
        linked_ids.add(patient.gp_contact_id)
    linked_ids -= owned_ids
    linked = [row_dict(c) for c in session.execute(
        select(Contact).where(Contact.id.in_(linked_ids)).order_by(Contact.created_at)
    ).scalars()] if linked_ids else []
    record_ids = {pid} | owned_ids | {r["id"] for rows in tables.values() for r in rows}
    changes = [row_dict(c) for c in session.execute(
        select(FieldChange).where(or_(FieldChange.patient_id == pid,
                                      FieldChange.record_id.in_(record_ids)))
        .order_by(FieldChange.seq)).scalars()]
    audit = [row_dict(a) for a in session.execute(
        select(AuditEvent).where(AuditEvent.patient_id == pid)
        .order_by(AuditEvent.at, AuditEvent.id)).scalars()]
    drafts = [row_dict(d) for d in session.execute(
        select(Draft).where(Draft.patient_id == pid)).scalars()]
    return PatientRecord(patient=row_dict(patient), tables=tables, owned_contacts=owned,
                         linked_contacts=linked, field_changes=changes, audit=audit, drafts=drafts)

