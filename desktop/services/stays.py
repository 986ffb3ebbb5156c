"""Hospital stays during follow-up: admissions and emergency visits, planned or not, so that
(re)admissions can be counted later."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import parse_date
from desktop.domain.errors import NotFound, ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.services.cases import load_case
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import HospitalStay

STAY_KINDS = ("admission", "emergency")

__all__ = ["STAY_KINDS", "StayView", "add_stay", "edit_stay", "list_stays", "remove_stay"]


@dataclass(frozen=True)
class StayView:
    id: str
    patient_id: str
    case_id: str | None
    kind: str
    admitted_on: dt.date
    discharged_on: dt.date | None
    hospital: str | None
    reason: str | None
    planned: bool

    @property
    def days(self) -> int | None:
        return (self.discharged_on - self.admitted_on).days if self.discharged_on else None


def _view(h: HospitalStay) -> StayView:
    return StayView(h.id, h.patient_id, h.case_id, h.kind, h.admitted_on, h.discharged_on,
                    h.hospital, h.reason, h.planned)


def _validate(kind: str | None, admitted_on: str | dt.date | None,
              discharged_on: str | dt.date | None, hospital: str | None, reason: str | None,
              today: dt.date) -> dict[str, object]:
    out: dict[str, object] = {}
    errors: list[ValidationError] = []
    if kind not in STAY_KINDS:
        errors.append(ValidationError("stay.kind_invalid", "kind"))
    else:
        out["kind"] = kind
    admit = disch = None
    try:
        admit = parse_date(admitted_on, "admitted_on")
        if admit is None:
            raise ValidationError("text.required", "admitted_on")
        if admit > today:
            raise ValidationError("date.future", "admitted_on")
        out["admitted_on"] = admit
    except ValidationError as exc:
        errors.append(exc)
    try:
        disch = parse_date(discharged_on, "discharged_on")
        if disch is not None and disch > today:
            raise ValidationError("date.future", "discharged_on")
        if disch is not None and admit is not None and disch < admit:
            raise ValidationError("stay.discharge_before_admission", "discharged_on")
        out["discharged_on"] = disch
    except ValidationError as exc:
        errors.append(exc)
    for name, fn in (("hospital", lambda: clean_line(hospital, "hospital") or None),
                     ("reason", lambda: clean_text(reason, "reason", max_len=2000) or None)):
        try:
            out[name] = fn()
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return out


def add_stay(ctx: AppContext, patient_id: str, *, kind: str = "admission",
             admitted_on: str | dt.date | None, discharged_on: str | dt.date | None = None,
             hospital: str | None = None, reason: str | None = None, planned: bool = False,
             case_id: str | None = None) -> str:
    values = _validate(kind, admitted_on, discharged_on, hospital, reason, ctx.today())

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        if case_id is not None and load_case(uow.session, case_id).patient_id != patient_id:
            raise ValidationError("record.not_found", "case_id")
        h = uow.add(HospitalStay, patient_id=patient_id, case_id=case_id, planned=bool(planned),
                    **values)
        uow.audit("create", table="hospital_stay", record_id=h.id, patient_id=patient_id)
        return h.id

    return ctx.write(run)


def _load(session: Session, stay_id: str) -> HospitalStay:
    if not is_uuid(stay_id):
        raise ValidationError("id.invalid", "stay_id")
    h = session.get(HospitalStay, stay_id)
    if h is None or h.deleted:
        raise NotFound("record.not_found", "hospital_stay")
    load_patient(session, h.patient_id)
    return h


def edit_stay(ctx: AppContext, stay_id: str, *, kind: str, admitted_on: str | dt.date | None,
              discharged_on: str | dt.date | None, hospital: str | None, reason: str | None,
              planned: bool) -> list[str]:
    """Replace a stay's fields (e.g. the discharge date once known). Returns the changed names."""
    values = _validate(kind, admitted_on, discharged_on, hospital, reason, ctx.today())
    values["planned"] = bool(planned)

    def run(uow: UnitOfWork) -> list[str]:
        h = _load(uow.session, stay_id)
        changed = uow.update(h, values)
        if changed:
            uow.audit("edit", table="hospital_stay", record_id=h.id, patient_id=h.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def remove_stay(ctx: AppContext, stay_id: str) -> None:
    """A stay entered by mistake (wrong patient): tombstoned."""

    def run(uow: UnitOfWork) -> None:
        h = _load(uow.session, stay_id)
        uow.delete(h)
        uow.audit("delete", table="hospital_stay", record_id=h.id, patient_id=h.patient_id)

    ctx.write(run)


def stays_of(session: Session, patient_id: str) -> list[StayView]:
    rows = session.execute(select(HospitalStay).where(HospitalStay.patient_id == patient_id,
                                                      HospitalStay.deleted.is_(False))
                           .order_by(HospitalStay.admitted_on.desc())).scalars().all()
    return [_view(h) for h in rows]


def list_stays(ctx: AppContext, patient_id: str) -> list[StayView]:
    def run(s: Session) -> list[StayView]:
        load_patient(s, patient_id)
        return stays_of(s, patient_id)

    return ctx.read(run)


def count_stays(ctx: AppContext, patient_id: str, since: dt.date, *,
                unplanned_only: bool = False) -> int:
    """Admissions since a date (readmission counting, the '3+ admissions in a year' flag)."""
    return sum(1 for s in list_stays(ctx, patient_id)
               if s.kind == "admission" and s.admitted_on >= since
               and (not unplanned_only or not s.planned))
