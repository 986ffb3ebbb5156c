"""The medication list (issue 19, item 2): name, dose, schedule, prescriber (a contact), where
it comes from (the patient, the pharmacist, a GP letter), when it was checked, and a review
asked of the GP or the pharmacist. Printed on the professional summary; on the handout only
when chosen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import paperwork as P
from desktop.domain.dates import parse_date
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.services.contacts import contact_name, load_contact
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Contact, Medication

__all__ = ["MedicationView", "add_medication", "edit_medication", "list_medication",
           "medication_of", "remove_medication", "request_review"]

_UNSET = object()
EDITABLE = ("name", "dose", "schedule", "prescriber_id", "source", "checked_on", "note")


@dataclass(frozen=True)
class MedicationView:
    id: str
    patient_id: str
    name: str
    dose: str | None
    schedule: str | None
    prescriber_id: str | None
    prescriber_name: str | None
    source: str | None
    checked_on: dt.date | None
    review_requested_to: str | None
    review_requested_on: dt.date | None
    note: str | None


def _values(session: Session | None, errors: list[ValidationError], today: dt.date,
            **raw: object) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, max_len in (("name", 200), ("dose", 100), ("schedule", 200)):
        if name in raw:
            try:
                values[name] = clean_line(raw[name], name, required=name == "name",  # type: ignore[arg-type]
                                          max_len=max_len) or None
            except ValidationError as exc:
                errors.append(exc)
    if "source" in raw:
        source = raw["source"] or None
        if source is not None and source not in P.MEDICATION_SOURCES:
            errors.append(ValidationError("medication.source_invalid", "source",
                                          value=str(source)[:40],
                                          names=", ".join(P.MEDICATION_SOURCES)))
        values["source"] = source
    if "checked_on" in raw:
        try:
            day = parse_date(raw["checked_on"], "checked_on")  # type: ignore[arg-type]
            if day is not None and day > today:
                raise ValidationError("date.future", "checked_on")
            values["checked_on"] = day
        except ValidationError as exc:
            errors.append(exc)
    if "note" in raw:
        try:
            values["note"] = clean_text(raw["note"], "note", max_len=2000) or None  # type: ignore[arg-type]
        except ValidationError as exc:
            errors.append(exc)
    if "prescriber_id" in raw:
        values["prescriber_id"] = raw["prescriber_id"] or None
    return values


def _check_prescriber(session: Session, values: dict[str, object]) -> None:
    pid = values.get("prescriber_id")
    if pid:
        load_contact(session, str(pid), "prescriber_id")


def add_medication(ctx: AppContext, patient_id: str, name: str, *, dose: str | None = None,
                   schedule: str | None = None, prescriber_id: str | None = None,
                   source: str | None = None, checked_on: str | dt.date | None = None,
                   note: str | None = None) -> str:
    """One line of the list; `checked_on` defaults to today when a source is given."""
    today = ctx.today()
    errors: list[ValidationError] = []
    values = _values(None, errors, today, name=name, dose=dose, schedule=schedule,
                     prescriber_id=prescriber_id, source=source, checked_on=checked_on,
                     note=note)
    if errors:
        raise ValidationErrors(errors)
    if values.get("checked_on") is None and values.get("source"):
        values["checked_on"] = today

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        _check_prescriber(uow.session, values)
        m = uow.add(Medication, patient_id=patient_id, **values)
        uow.audit("create", table="medication", record_id=m.id, patient_id=patient_id)
        return m.id

    return ctx.write(run)


def _load(session: Session, medication_id: str) -> Medication:
    if not is_uuid(medication_id):
        raise ValidationError("id.invalid", "medication_id")
    m = load(session, Medication, medication_id, "medication")
    load_patient(session, m.patient_id)
    return m


def edit_medication(ctx: AppContext, medication_id: str, **changes: object) -> list[str]:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError("medication.field_invalid", sorted(unknown)[0])
    today = ctx.today()
    errors: list[ValidationError] = []
    values = _values(None, errors, today, **changes)
    if errors:
        raise ValidationErrors(errors)

    def run(uow: UnitOfWork) -> list[str]:
        m = _load(uow.session, medication_id)
        _check_prescriber(uow.session, values)
        changed = uow.update(m, values)
        if changed:
            uow.audit("update", table="medication", record_id=m.id, patient_id=m.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def request_review(ctx: AppContext, medication_id: str, to: str | None,
                   on: str | dt.date | None = None) -> None:
    """Mark the line "review requested" of the GP or the pharmacist (dated, today by default);
    `to=None` clears the mark (the review was done)."""
    if to is not None and to not in P.REVIEWERS:
        raise ValidationError("medication.reviewer_invalid", "to", value=str(to)[:40],
                              names=", ".join(P.REVIEWERS))
    today = ctx.today()
    day = parse_date(on, "on") or today if to else None
    if day is not None and day > today:
        raise ValidationError("date.future", "on")

    def run(uow: UnitOfWork) -> None:
        m = _load(uow.session, medication_id)
        changed = uow.update(m, {"review_requested_to": to, "review_requested_on": day})
        if changed:
            uow.audit("update", table="medication", record_id=m.id, patient_id=m.patient_id,
                      fields=sorted(changed))

    ctx.write(run)


def medication_of(session: Session, patient_id: str) -> list[MedicationView]:
    rows = list(session.execute(select(Medication).where(
        Medication.patient_id == patient_id, Medication.deleted.is_(False))).scalars())
    ids = {m.prescriber_id for m in rows if m.prescriber_id}
    names = {c.id: contact_name(c) for c in session.execute(
        select(Contact).where(Contact.id.in_(sorted(ids)))).scalars()} if ids else {}
    views = [MedicationView(m.id, m.patient_id, m.name, m.dose, m.schedule, m.prescriber_id,
                            names.get(m.prescriber_id or ""), m.source, m.checked_on,
                            m.review_requested_to, m.review_requested_on, m.note)
             for m in rows]
    return sorted(views, key=lambda v: (v.name.casefold(), v.id))


def list_medication(ctx: AppContext, patient_id: str) -> list[MedicationView]:
    def run(s: Session) -> list[MedicationView]:
        load_patient(s, patient_id)
        return medication_of(s, patient_id)

    return ctx.read(run)


def remove_medication(ctx: AppContext, medication_id: str) -> None:
    """Stopped or entered by mistake: tombstoned."""

    def run(uow: UnitOfWork) -> None:
        m = _load(uow.session, medication_id)
        uow.delete(m)
        uow.audit("delete", table="medication", record_id=m.id, patient_id=m.patient_id)

    ctx.write(run)
