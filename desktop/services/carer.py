"""The informal carer's own needs (issue 19, item 3): a carer's assessment on the carer's contact
(burden, respite, health, needs, wishes, free notes) with a review date. The latest one of each
carer is the current one: it marks the carer's node on the ecomap, and a review that is near or
past shows on Today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import carer as K
from desktop.domain.dates import parse_date
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_text
from desktop.services.contacts import contact_name, load_contact
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import CarerAssessment, Case, Contact, Patient, Relationship

__all__ = ["CarerAssessmentView", "assess_carer", "carer_reviews_of", "current_by_contact",
           "list_carer_assessments", "remove_carer_assessment", "update_carer_assessment"]

_UNSET = object()
TEXT_FIELDS = ("health", "needs", "wishes", "note")


@dataclass(frozen=True)
class CarerAssessmentView:
    id: str
    patient_id: str
    patient_name: str
    contact_id: str
    carer_name: str
    case_id: str | None
    assessed_on: dt.date
    burden: str
    respite: str
    health: str | None
    needs: str | None
    wishes: str | None
    note: str | None
    review_on: dt.date | None
    assessed_by: str | None
    review: str | None  # "overdue" | "due" | None (domain.carer.review_state)
    current: bool  # the latest assessment of this carer for this patient


def _view(a: CarerAssessment, p: Patient, c: Contact, today: dt.date,
          current: bool) -> CarerAssessmentView:
    return CarerAssessmentView(
        a.id, a.patient_id, f"{p.family_name.upper()} {p.given_name}", a.contact_id,
        contact_name(c), a.case_id, a.assessed_on, a.burden, a.respite, a.health, a.needs,
        a.wishes, a.note, a.review_on, a.assessed_by,
        K.review_state(a.review_on, today) if current else None, current)


def _values(errors: list[ValidationError], today: dt.date, *, burden: object = _UNSET,
            respite: object = _UNSET, assessed_on: object = _UNSET, review_on: object = _UNSET,
            **texts: object) -> dict[str, object]:
    values: dict[str, object] = {}
    if burden is not _UNSET:
        if burden not in K.BURDENS:
            errors.append(ValidationError("carer.burden_invalid", "burden",
                                          value=str(burden)[:40], names=", ".join(K.BURDENS)))
        values["burden"] = burden
    if respite is not _UNSET:
        if respite not in K.RESPITE:
            errors.append(ValidationError("carer.respite_invalid", "respite",
                                          value=str(respite)[:40], names=", ".join(K.RESPITE)))
        values["respite"] = respite
    for name, value in (("assessed_on", assessed_on), ("review_on", review_on)):
        if value is _UNSET:
            continue
        try:
            day = parse_date(value, name)  # type: ignore[arg-type]
            if name == "assessed_on" and day is not None and day > today:
                raise ValidationError("date.future", name)
            values[name] = day
        except ValidationError as exc:
            errors.append(exc)
    for name, value in texts.items():
        try:
            values[name] = clean_text(value, name, max_len=5000) or None  # type: ignore[arg-type]
        except ValidationError as exc:
            errors.append(exc)
    return values


def _check_order(assessed_on: dt.date, review_on: dt.date | None) -> None:
    if review_on is not None and review_on < assessed_on:
        raise ValidationError("carer.review_before_assessment", "review_on")


def _carer_tie(session: Session, patient_id: str, contact_id: str) -> Contact:
    """The contact, tied to the patient as their informal carer."""
    contact = load_contact(session, contact_id)
    tie = session.execute(select(Relationship.id).where(
        Relationship.patient_id == patient_id, Relationship.contact_id == contact.id,
        Relationship.deleted.is_(False), Relationship.is_informal_carer.is_(True))).first()
    if tie is None:
        raise ValidationError("carer.not_a_carer", "contact_id")
    return contact


def assess_carer(ctx: AppContext, patient_id: str, contact_id: str, *, burden: str,
                 respite: str, health: str | None = None, needs: str | None = None,
                 wishes: str | None = None, note: str | None = None,
                 assessed_on: str | dt.date | None = None,
                 review_on: str | dt.date | None = None) -> str:
    """Record a carer's assessment (a new one each time: the latest is current). The review
    date defaults to 1-12 months later, sooner when the burden is heavier. Returns its id."""
    today = ctx.today()
    errors: list[ValidationError] = []
    values = _values(errors, today, burden=burden, respite=respite, assessed_on=assessed_on,
                     review_on=review_on, health=health, needs=needs, wishes=wishes, note=note)
    if errors:
        raise ValidationErrors(errors)
    day = values["assessed_on"] or today
    assert isinstance(day, dt.date)
    values["assessed_on"] = day
    if values["review_on"] is None:
        values["review_on"] = K.default_review(day, str(burden))
    _check_order(day, values["review_on"])  # type: ignore[arg-type]

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        _carer_tie(uow.session, patient_id, contact_id)
        case = uow.session.execute(select(Case.id).where(
            Case.patient_id == patient_id, Case.deleted.is_(False), Case.status != "closed")
        ).first()
        a = uow.add(CarerAssessment, patient_id=patient_id, contact_id=contact_id,
                    case_id=case[0] if case else None, assessed_by=ctx.user_name, **values)
        uow.audit("create", table="carer_assessment", record_id=a.id, patient_id=patient_id,
                  contact_id=contact_id)
        return a.id

    return ctx.write(run)


def _load(session: Session, assessment_id: str) -> CarerAssessment:
    if not is_uuid(assessment_id):
        raise ValidationError("id.invalid", "assessment_id")
    a = load(session, CarerAssessment, assessment_id, "carer_assessment")
    load_patient(session, a.patient_id)
    return a


def update_carer_assessment(ctx: AppContext, assessment_id: str, **changes: object) -> list[str]:
    """Correct an assessment (only the fields given). Returns the names of those that changed."""
    allowed = {"burden", "respite", "assessed_on", "review_on", *TEXT_FIELDS}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError("carer.field_invalid", sorted(unknown)[0])
    today = ctx.today()
    errors: list[ValidationError] = []
    values = _values(errors, today, **changes)
    if errors:
        raise ValidationErrors(errors)
    if "assessed_on" in values and values["assessed_on"] is None:
        raise ValidationError("carer.assessed_on_required", "assessed_on")

    def run(uow: UnitOfWork) -> list[str]:
        a = _load(uow.session, assessment_id)
        _check_order(values.get("assessed_on", a.assessed_on),  # type: ignore[arg-type]
                     values.get("review_on", a.review_on))  # type: ignore[arg-type]
        changed = uow.update(a, values)
        if changed:
            uow.audit("update", table="carer_assessment", record_id=a.id,
                      patient_id=a.patient_id, fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def remove_carer_assessment(ctx: AppContext, assessment_id: str) -> None:
    """Entered by mistake: tombstoned (the previous one becomes current again)."""

    def run(uow: UnitOfWork) -> None:
        a = _load(uow.session, assessment_id)
        uow.delete(a)
        uow.audit("delete", table="carer_assessment", record_id=a.id, patient_id=a.patient_id)

    ctx.write(run)


def _rows(session: Session, today: dt.date, patient_ids: list[str] | None
          ) -> list[CarerAssessmentView]:
    q = (select(CarerAssessment, Patient, Contact)
         .join(Patient, Patient.id == CarerAssessment.patient_id)
         .join(Contact, Contact.id == CarerAssessment.contact_id)
         .where(CarerAssessment.deleted.is_(False), Patient.deleted.is_(False),
                Patient.restricted.is_(False)))
    if patient_ids is not None:
        q = q.where(CarerAssessment.patient_id.in_(patient_ids))
    rows = sorted(session.execute(q).all(),
                  key=lambda r: (r[0].assessed_on, r[0].created_at, r[0].id), reverse=True)
    seen: set[tuple[str, str]] = set()
    out = []
    for a, p, c in rows:
        key = (a.patient_id, a.contact_id)
        out.append(_view(a, p, c, today, key not in seen))
        seen.add(key)
    return out


def current_by_contact(session: Session, patient_id: str, today: dt.date
                       ) -> dict[str, CarerAssessmentView]:
    """The latest assessment of each carer of a patient, by contact id (the ecomap's marks)."""
    return {v.contact_id: v for v in _rows(session, today, [patient_id]) if v.current}


def carer_reviews_of(session: Session, today: dt.date, patient_ids: list[str]
                     ) -> list[CarerAssessmentView]:
    """Current assessments whose review is near or past (Today), of these patients."""
    return [v for v in _rows(session, today, patient_ids) if v.current and v.review]


def list_carer_assessments(ctx: AppContext, patient_id: str | None = None, *,
                           due_only: bool = False) -> list[CarerAssessmentView]:
    """Newest first; of one patient or of every visible patient; `due_only`: the current ones
    whose review is within two weeks or past."""
    today = ctx.today()

    def run(s: Session) -> list[CarerAssessmentView]:
        if patient_id is not None:
            load_patient(s, patient_id)
        rows = _rows(s, today, [patient_id] if patient_id is not None else None)
        return [v for v in rows if v.current and v.review] if due_only else rows

    return ctx.read(run)
