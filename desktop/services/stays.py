"""Hospital stays during follow-up: admissions and emergency visits, planned or not, so that
(re)admissions can be counted later; and the transitions (issue 18, item 3): an admission puts the
plan's home actions on hold and lists the people to tell; a discharge releases them, opens the
checklist and a follow-up call due within two working days, and proposes a re-assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import transitions as T
from desktop.domain.dates import parse_date
from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.services.cases import load_case
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Action, CarePlan, Contact, HospitalStay

STAY_KINDS = ("admission", "emergency")

__all__ = ["STAY_KINDS", "StayView", "add_stay", "discharge_stay", "edit_stay", "list_stays",
           "people_to_tell", "remove_stay", "set_checklist", "set_follow_up_done"]


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
    hospital_contact_id: str | None = None
    checklist: dict[str, dt.date | None] = field(default_factory=dict)  # item -> day done
    follow_up_due: dt.date | None = None
    follow_up_done_on: dt.date | None = None
    readmission: bool = False  # admitted within 30 days of the previous discharge

    @property
    def days(self) -> int | None:
        return (self.discharged_on - self.admitted_on).days if self.discharged_on else None

    @property
    def is_open(self) -> bool:
        return self.kind == "admission" and self.discharged_on is None

    @property
    def checklist_done(self) -> bool:
        return all(self.checklist.get(i) for i in T.CHECKLIST_ITEMS)


def _checklist(h: HospitalStay) -> dict[str, dt.date | None]:
    return {item: getattr(h, f"{item}_on") for item in T.CHECKLIST_ITEMS}


def _view(h: HospitalStay, readmission: bool = False) -> StayView:
    return StayView(h.id, h.patient_id, h.case_id, h.kind, h.admitted_on, h.discharged_on,
                    h.hospital, h.reason, h.planned, h.hospital_contact_id, _checklist(h),
                    h.follow_up_due, h.follow_up_done_on, readmission)


@dataclass(frozen=True)
class DischargeResult:
    """What a discharge opens: the checklist, the follow-up call, the re-assessment."""

    stay: StayView
    follow_up_due: dt.date | None
    released_actions: int  # plan actions taken off hold
    reassess: list[str]  # instrument ids (the setting)


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
    texts: tuple[tuple[str, Callable[[], str | None]], ...] = (
        ("hospital", lambda: clean_line(hospital, "hospital") or None),
        ("reason", lambda: clean_text(reason, "reason", max_len=2000) or None))
    for name, fn in texts:
        try:
            out[name] = fn()
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return out


def _hospital_contact(session: Session, contact_id: str | None) -> Contact | None:
    if not contact_id:
        return None
    if not is_uuid(contact_id):
        raise ValidationError("id.invalid", "hospital_contact_id")
    c = load(session, Contact, contact_id, "hospital_contact_id")
    return c


def _open_plan_ids(session: Session, patient_id: str) -> list[str]:
    return list(session.execute(select(CarePlan.id).where(
        CarePlan.patient_id == patient_id, CarePlan.deleted.is_(False),
        CarePlan.status.in_(("draft", "agreed")))).scalars())


def _hold_actions(uow: UnitOfWork, h: HospitalStay) -> int:
    """Put the home actions of the patient's plans (draft and agreed) on hold for stay `h`."""
    plan_ids = _open_plan_ids(uow.session, h.patient_id)
    if not plan_ids:
        return 0
    rows = uow.session.execute(select(Action).where(
        Action.plan_id.in_(plan_ids), Action.deleted.is_(False),
        Action.on_hold_stay_id.is_(None),
        Action.responsible_kind.in_(sorted(T.HOME_RESPONSIBLE_KINDS)),
        Action.status.in_(sorted(T.OPEN_ACTION_STATUSES)))).scalars().all()
    for a in rows:
        uow.update(a, {"on_hold_stay_id": h.id})
    return len(rows)


def _release_actions(uow: UnitOfWork, h: HospitalStay) -> int:
    rows = uow.session.execute(select(Action).where(
        Action.on_hold_stay_id == h.id, Action.deleted.is_(False))).scalars().all()
    for a in rows:
        uow.update(a, {"on_hold_stay_id": None})
    return len(rows)


def _on_discharge(uow: UnitOfWork, h: HospitalStay, today: dt.date) -> int:
    """Release the actions held for `h`; a recent discharge gets its follow-up call."""
    released = _release_actions(uow, h)
    if h.discharged_on is not None and h.follow_up_due is None and \
            h.discharged_on >= today - dt.timedelta(days=T.READMISSION_DAYS):
        uow.update(h, {"follow_up_due": T.follow_up_due(h.discharged_on)})
    return released


def add_stay(ctx: AppContext, patient_id: str, *, kind: str = "admission",
             admitted_on: str | dt.date | None, discharged_on: str | dt.date | None = None,
             hospital: str | None = None, reason: str | None = None, planned: bool = False,
             case_id: str | None = None, hospital_contact_id: str | None = None) -> str:
    """Record a stay. An admission still open puts the plan's home actions on hold; one entered
    with its discharge (recent) gets its follow-up call."""
    values = _validate(kind, admitted_on, discharged_on, hospital, reason, ctx.today())
    today = ctx.today()

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        if case_id is not None and load_case(uow.session, case_id).patient_id != patient_id:
            raise ValidationError("record.not_found", "case_id")
        contact = _hospital_contact(uow.session, hospital_contact_id)
        if contact is not None and not values.get("hospital"):
            values["hospital"] = (contact.organisation or contact.family_name or "")[:200] or None
        h = uow.add(HospitalStay, patient_id=patient_id, case_id=case_id, planned=bool(planned),
                    hospital_contact_id=contact.id if contact else None, **values)
        held = 0
        if h.kind == "admission" and h.discharged_on is None:
            held = _hold_actions(uow, h)
        elif h.kind == "admission":
            _on_discharge(uow, h, today)
        uow.audit("create", table="hospital_stay", record_id=h.id, patient_id=patient_id,
                  actions_on_hold=held)
        return h.id

    return ctx.write(run)


def discharge_stay(ctx: AppContext, stay_id: str, discharged_on: str | dt.date | None
                   ) -> DischargeResult:
    """The discharge: the date, the home actions back, the checklist and the follow-up call."""
    today = ctx.today()
    errors: list[ValidationError] = []
    day = None
    try:
        day = parse_date(discharged_on, "discharged_on")
        if day is None:
            raise ValidationError("text.required", "discharged_on")
        if day > today:
            raise ValidationError("date.future", "discharged_on")
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    assert day is not None
    reassess = _reassess(ctx)

    def run(uow: UnitOfWork) -> DischargeResult:
        h = _load(uow.session, stay_id)
        if h.discharged_on is not None:
            raise RuleViolation("stay.already_discharged", "discharged_on",
                                date=h.discharged_on.isoformat())
        if day < h.admitted_on:
            raise ValidationError("stay.discharge_before_admission", "discharged_on")
        uow.update(h, {"discharged_on": day})
        released = _on_discharge(uow, h, today)
        uow.audit("edit", table="hospital_stay", record_id=h.id, patient_id=h.patient_id,
                  fields=["discharged_on"], actions_released=released)
        view = _with_flags(uow.session, h)
        return DischargeResult(view, h.follow_up_due, released,
                               reassess if h.kind == "admission" else [])

    return ctx.write(run)


def _reassess(ctx: AppContext) -> list[str]:
    from desktop.services.preferences import reassess_instruments

    return reassess_instruments(ctx)


def set_checklist(ctx: AppContext, stay_id: str, items: list[str] | str, *, done: bool = True,
                  on: str | dt.date | None = None) -> StayView:
    """Tick (or untick) discharge checklist items; `on` defaults to today."""
    names = T.checklist_items(items if isinstance(items, str) else ",".join(items))
    if not names:
        raise ValidationError("transition.no_items", "items", names=", ".join(T.CHECKLIST_ITEMS))
    day = _past_day(ctx, on, "on")

    def run(uow: UnitOfWork) -> StayView:
        h = _load(uow.session, stay_id)
        if h.discharged_on is None:
            raise RuleViolation("transition.not_discharged", "discharged_on")
        changed = uow.update(h, {f"{n}_on": (day if done else None) for n in names})
        if changed:
            uow.audit("edit", table="hospital_stay", record_id=h.id, patient_id=h.patient_id,
                      fields=sorted(changed))
        return _with_flags(uow.session, h)

    return ctx.write(run)


def set_follow_up_done(ctx: AppContext, stay_id: str, on: str | dt.date | None = None, *,
                       done: bool = True) -> StayView:
    """The follow-up call after the discharge was made (it leaves Today)."""
    day = _past_day(ctx, on, "on")

    def run(uow: UnitOfWork) -> StayView:
        h = _load(uow.session, stay_id)
        if h.discharged_on is None:
            raise RuleViolation("transition.not_discharged", "discharged_on")
        changed = uow.update(h, {"follow_up_done_on": day if done else None})
        if changed:
            uow.audit("edit", table="hospital_stay", record_id=h.id, patient_id=h.patient_id,
                      fields=sorted(changed))
        return _with_flags(uow.session, h)

    return ctx.write(run)


def _past_day(ctx: AppContext, value: str | dt.date | None, name: str) -> dt.date:
    day = parse_date(value, name) or ctx.today()
    if day > ctx.today():
        raise ValidationError("date.future", name)
    return day


@dataclass(frozen=True)
class PersonToTell:
    contact_id: str
    name: str
    role: str
    kind: str
    phone: str | None  # national format
    actions: list[str]  # the home actions of this person now on hold


def people_to_tell(ctx: AppContext, patient_id: str, stay_id: str | None = None
                   ) -> list[PersonToTell]:
    """Who to tell of an admission: the ecosystem (GP and carers first), with the actions of
    each that are on hold for the stay (all held actions when no stay is named)."""
    from desktop.services.care_plans import ecosystem

    def run(s: Session) -> list[PersonToTell]:
        load_patient(s, patient_id)
        held = s.execute(select(Action).where(
            Action.patient_id == patient_id, Action.deleted.is_(False),
            Action.on_hold_stay_id == stay_id if stay_id else Action.on_hold_stay_id.is_not(None))
        ).scalars().all()
        by_contact: dict[str, list[str]] = {}
        for a in held:
            if a.responsible_contact_id:
                by_contact.setdefault(a.responsible_contact_id, []).append(a.what)
        out = []
        for p in ecosystem(s, patient_id):
            if p.kind == "hospital":
                continue
            out.append(PersonToTell(p.contact_id, p.name, p.role, p.kind, p.phone_display,
                                    by_contact.get(p.contact_id, [])))
        return out

    return ctx.read(run)


def _load(session: Session, stay_id: str) -> HospitalStay:
    if not is_uuid(stay_id):
        raise ValidationError("id.invalid", "stay_id")
    h = load(session, HospitalStay, stay_id, "hospital_stay")
    load_patient(session, h.patient_id)
    return h


def edit_stay(ctx: AppContext, stay_id: str, *, kind: str, admitted_on: str | dt.date | None,
              discharged_on: str | dt.date | None, hospital: str | None, reason: str | None,
              planned: bool) -> list[str]:
    """Replace a stay's fields (e.g. the discharge date once known). Returns the changed names.
    A discharge date entered here has the effects of `discharge_stay`; one removed puts the
    home actions back on hold."""
    values = _validate(kind, admitted_on, discharged_on, hospital, reason, ctx.today())
    values["planned"] = bool(planned)
    today = ctx.today()

    def run(uow: UnitOfWork) -> list[str]:
        h = _load(uow.session, stay_id)
        was_open = h.kind == "admission" and h.discharged_on is None
        changed = uow.update(h, values)
        is_open = h.kind == "admission" and h.discharged_on is None
        if was_open and not is_open:
            _on_discharge(uow, h, today)
        elif is_open and not was_open:
            _hold_actions(uow, h)
        if changed:
            uow.audit("edit", table="hospital_stay", record_id=h.id, patient_id=h.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def remove_stay(ctx: AppContext, stay_id: str) -> None:
    """A stay entered by mistake (wrong patient): tombstoned."""

    def run(uow: UnitOfWork) -> None:
        h = _load(uow.session, stay_id)
        _release_actions(uow, h)
        uow.delete(h)
        uow.audit("delete", table="hospital_stay", record_id=h.id, patient_id=h.patient_id)

    ctx.write(run)


def _rows(session: Session, patient_id: str) -> list[HospitalStay]:
    return list(session.execute(select(HospitalStay).where(
        HospitalStay.patient_id == patient_id, HospitalStay.deleted.is_(False))
        .order_by(HospitalStay.admitted_on.desc())).scalars().all())


def _readmission_ids(rows: list[HospitalStay]) -> set[str]:
    return T.readmissions(T.StayDates(h.id, h.kind, h.admitted_on, h.discharged_on)
                          for h in rows)


def _with_flags(session: Session, h: HospitalStay) -> StayView:
    session.flush()
    return _view(h, h.id in _readmission_ids(_rows(session, h.patient_id)))


def stays_of(session: Session, patient_id: str) -> list[StayView]:
    rows = _rows(session, patient_id)
    again = _readmission_ids(rows)
    return [_view(h, h.id in again) for h in rows]


def get_stay(ctx: AppContext, stay_id: str) -> StayView:
    return ctx.read(lambda s: _with_flags(s, _load(s, stay_id)))


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
