"""Visit use cases: plan, reschedule, record (then immutable), cancel, addenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import case_lifecycle as L
from desktop.domain import visits as V
from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.services.cases import load_case, local_now
from desktop.services.context import AppContext
from desktop.services.drafts import visit_notes_key
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Draft, Visit, VisitAddendum

__all__ = ["AddendumView", "VisitView", "add_addendum", "cancel_visit", "list_visits",
           "plan_visit", "record_visit", "reschedule_visit"]


@dataclass(frozen=True)
class AddendumView:
    id: str
    written_at: dt.datetime
    author: str | None
    text: str


@dataclass(frozen=True)
class VisitView:
    id: str
    case_id: str
    patient_id: str
    kind: str
    status: str
    planned_start: dt.datetime | None
    planned_end: dt.datetime | None
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    place: str | None
    participants: tuple[str, ...]
    notes: str | None
    cancel_reason: str | None
    addenda: tuple[AddendumView, ...] = ()

    @property
    def start(self) -> dt.datetime | None:
        return self.actual_start or self.planned_start

    @property
    def end(self) -> dt.datetime | None:
        return self.actual_end or self.planned_end


def visit_view(v: Visit, addenda: list[VisitAddendum] | None = None) -> VisitView:
    return VisitView(
        id=v.id, case_id=v.case_id, patient_id=v.patient_id, kind=v.kind, status=v.status,
        planned_start=v.planned_start, planned_end=v.planned_end, actual_start=v.actual_start,
        actual_end=v.actual_end, place=v.place, participants=tuple(v.participants or []),
        notes=v.notes, cancel_reason=v.cancel_reason,
        addenda=tuple(AddendumView(a.id, a.written_at, a.author, a.text) for a in addenda or []),
    )


def load_visit(session: Session, visit_id: str) -> Visit:
    if not is_uuid(visit_id):
        raise ValidationError("id.invalid", "visit_id")
    v = load(session, Visit, visit_id, "visit")
    load_patient(session, v.patient_id)
    return v


def _collect(checks: list[tuple[str, object]]) -> None:
    """Run validators, raising every error at once so forms show them all inline."""
    errors: list[ValidationError] = []
    for _name, fn in checks:
        try:
            fn()  # type: ignore[operator]
        except ValidationErrors as exc:
            errors.extend(exc.errors)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)


@dataclass
class _Clean:
    kind: str = "home_visit"
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    place: str | None = None
    participants: list[str] | None = None
    notes: str | None = None


def _clean(kind: str | None, start: str | dt.datetime | None, end: str | dt.datetime | None,
           place: str | None, participants: list[str] | None, notes: str | None) -> _Clean:
    c = _Clean()

    def k() -> None:
        c.kind = V.validate_kind(kind)

    def times() -> None:
        c.start = V.parse_datetime(start, "start")
        c.end = V.parse_datetime(end, "end")
        V.validate_range(c.start, c.end)

    def pl() -> None:
        c.place = clean_line(place, "place") or None

    def pa() -> None:
        c.participants = V.clean_participants(participants)

    def no() -> None:
        c.notes = clean_text(notes, "notes") or None

    _collect([("kind", k), ("times", times), ("place", pl), ("participants", pa), ("notes", no)])
    return c


def _open_case_for_visit(session: Session, case_id: str) -> tuple[str, str]:
    case = load_case(session, case_id)
    if not L.is_open(case.status):
        raise RuleViolation("case.closed", "case_id")
    return case.id, case.patient_id


def plan_visit(ctx: AppContext, case_id: str, *, kind: str | None = "home_visit",
               start: str | dt.datetime | None, end: str | dt.datetime | None = None,
               place: str | None = None, participants: list[str] | None = None,
               notes: str | None = None) -> str:
    """Plan a visit (or a call, a concertation…) on an open case. Returns its id."""
    c = _clean(kind, start, end, place, participants, notes)

    def run(uow: UnitOfWork) -> str:
        cid, pid = _open_case_for_visit(uow.session, case_id)
        v = uow.add(Visit, case_id=cid, patient_id=pid, kind=c.kind, status="planned",
                    planned_start=c.start, planned_end=c.end, place=c.place,
                    participants=c.participants or [], notes=c.notes)
        uow.audit("create", table="visit", record_id=v.id, patient_id=pid, kind=c.kind)
        return v.id

    return ctx.write(run)


def reschedule_visit(ctx: AppContext, visit_id: str, *, kind: str | None = None,
                     start: str | dt.datetime | None = None, end: str | dt.datetime | None = None,
                     place: str | None = None, participants: list[str] | None = None) -> list[str]:
    """Change a planned visit (the fields given). Done and cancelled visits are final."""

    def run(uow: UnitOfWork) -> list[str]:
        v = load_visit(uow.session, visit_id)
        V.check_editable(v.status)
        c = _clean(kind or v.kind, start if start is not None else v.planned_start,
                   end if end is not None else v.planned_end,
                   place if place is not None else v.place,
                   participants if participants is not None else list(v.participants or []), None)
        changed = uow.update(v, {"kind": c.kind, "planned_start": c.start, "planned_end": c.end,
                                 "place": c.place, "participants": c.participants or []})
        if changed:
            uow.audit("edit", table="visit", record_id=v.id, patient_id=v.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def record_visit(ctx: AppContext, visit_id: str | None = None, *, case_id: str | None = None,
                 kind: str | None = None, start: str | dt.datetime | None = None,
                 end: str | dt.datetime | None = None, place: str | None = None,
                 participants: list[str] | None = None, notes: str | None = None) -> str:
    """Record a visit as done: a planned one (`visit_id`), or an unplanned one on `case_id`.
    Once recorded it is immutable; the autosaved draft of its notes is discarded."""
    today = ctx.today()

    def run(uow: UnitOfWork) -> str:
        if visit_id is not None:
            v: Visit | None = load_visit(uow.session, visit_id)
            assert v is not None
            V.check_editable(v.status)
            c = _clean(kind or v.kind, start or v.planned_start, end or v.planned_end,
                       place if place is not None else v.place,
                       participants if participants is not None else list(v.participants or []),
                       notes)
        else:
            if not case_id:
                raise ValidationError("text.required", "case_id")
            v = None
            c = _clean(kind or "home_visit", start or local_now(ctx), end, place, participants,
                       notes)
        assert c.start is not None
        V.validate_done_not_future(c.start, today)
        values = {"kind": c.kind, "status": "done", "actual_start": c.start, "actual_end": c.end,
                  "place": c.place, "participants": c.participants or [], "notes": c.notes}
        if v is None:
            cid, pid = _open_case_for_visit(uow.session, str(case_id))
            v = uow.add(Visit, case_id=cid, patient_id=pid, **values)
            uow.audit("create", table="visit", record_id=v.id, patient_id=pid, kind=c.kind,
                      status="done")
        else:
            uow.update(v, values)
            uow.audit("record", table="visit", record_id=v.id, patient_id=v.patient_id)
        draft = uow.session.get(Draft, visit_notes_key(v.id))
        if draft is not None:
            uow.session.delete(draft)
        return v.id

    return ctx.write(run)


def cancel_visit(ctx: AppContext, visit_id: str, reason: str | None = None) -> None:
    why = clean_text(reason, "cancel_reason") or None

    def run(uow: UnitOfWork) -> None:
        v = load_visit(uow.session, visit_id)
        V.check_editable(v.status)
        uow.update(v, {"status": "cancelled", "cancel_reason": why})
        uow.audit("cancel", table="visit", record_id=v.id, patient_id=v.patient_id)
        draft = uow.session.get(Draft, visit_notes_key(v.id))
        if draft is not None:
            uow.session.delete(draft)

    ctx.write(run)


def add_addendum(ctx: AppContext, visit_id: str, text: str) -> str:
    """A correction or complement to a recorded visit (the visit itself never changes)."""
    body = clean_text(text, "text", required=True)

    def run(uow: UnitOfWork) -> str:
        v = load_visit(uow.session, visit_id)
        V.check_addendum_allowed(v.status)
        a = uow.add(VisitAddendum, visit_id=v.id, patient_id=v.patient_id,
                    written_at=local_now(ctx), author=ctx.user_name, text=body)
        uow.audit("create", table="visit_addendum", record_id=a.id, patient_id=v.patient_id)
        return a.id

    return ctx.write(run)


def _sort_key(v: Visit) -> dt.datetime:
    return v.actual_start or v.planned_start or dt.datetime.min


def visits_of(session: Session, patient_id: str) -> list[VisitView]:
    visits = session.execute(select(Visit).where(Visit.patient_id == patient_id,
                                                 Visit.deleted.is_(False))).scalars().all()
    addenda: dict[str, list[VisitAddendum]] = {}
    for a in session.execute(select(VisitAddendum).where(
            VisitAddendum.patient_id == patient_id, VisitAddendum.deleted.is_(False))
            .order_by(VisitAddendum.written_at, VisitAddendum.id)).scalars():
        addenda.setdefault(a.visit_id, []).append(a)
    ordered = sorted(visits, key=_sort_key, reverse=True)
    return [visit_view(v, addenda.get(v.id)) for v in ordered]


def list_visits(ctx: AppContext, patient_id: str) -> list[VisitView]:
    """All visits of a patient, newest first (planned ones by their planned time)."""

    def run(s: Session) -> list[VisitView]:
        load_patient(s, patient_id)
        return visits_of(s, patient_id)

    return ctx.read(run)


def get_visit(ctx: AppContext, visit_id: str) -> VisitView:
    def run(s: Session) -> VisitView:
        v = load_visit(s, visit_id)
        addenda = s.execute(select(VisitAddendum).where(VisitAddendum.visit_id == v.id)
                            .order_by(VisitAddendum.written_at, VisitAddendum.id)).scalars().all()
        return visit_view(v, list(addenda))

    return ctx.read(run)
