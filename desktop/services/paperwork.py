"""Paperwork (issue 19, item 1): applications and procedures for a patient, their status,
deadline, follower and the documents asked for. Due ones show on Today."""

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
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Case, Paperwork, Patient

__all__ = ["PaperworkView", "add_paperwork", "due_paperwork", "list_paperwork",
           "remove_paperwork", "update_paperwork"]

_UNSET = object()


@dataclass(frozen=True)
class PaperworkView:
    id: str
    patient_id: str
    patient_name: str
    case_id: str | None
    kind: str
    status: str
    status_on: dt.date | None
    deadline: dt.date | None
    follower: str | None
    documents: tuple[str, ...]
    note: str | None
    due: str | None  # "overdue" | "due" | None (domain.paperwork.due_state)


def _name(p: Patient) -> str:
    return f"{p.family_name.upper()} {p.given_name}"


def _view(w: Paperwork, p: Patient, today: dt.date) -> PaperworkView:
    return PaperworkView(w.id, w.patient_id, _name(p), w.case_id, w.kind, w.status, w.status_on,
                         w.deadline, w.follower, tuple(w.documents or ()), w.note,
                         P.due_state(w.status, w.deadline, today))


def _values(errors: list[ValidationError], *, kind: object = _UNSET, status: object = _UNSET,
            deadline: object = _UNSET, follower: object = _UNSET, documents: object = _UNSET,
            note: object = _UNSET) -> dict[str, object]:
    values: dict[str, object] = {}
    if kind is not _UNSET:
        if kind not in P.PAPERWORK_KINDS:
            errors.append(ValidationError("paperwork.kind_invalid", "kind", value=str(kind)[:40],
                                          names=", ".join(P.PAPERWORK_KINDS)))
        values["kind"] = kind
    if status is not _UNSET:
        if status not in P.PAPERWORK_STATUSES:
            errors.append(ValidationError("paperwork.status_invalid", "status",
                                          value=str(status)[:40],
                                          names=", ".join(P.PAPERWORK_STATUSES)))
        values["status"] = status
    if deadline is not _UNSET:
        try:
            values["deadline"] = parse_date(deadline, "deadline")  # type: ignore[arg-type]
        except ValidationError as exc:
            errors.append(exc)
    if follower is not _UNSET:
        try:
            values["follower"] = clean_line(follower, "follower",  # type: ignore[arg-type]
                                            max_len=200) or None
        except ValidationError as exc:
            errors.append(exc)
    if documents is not _UNSET:
        try:
            docs = [clean_line(d, "documents", max_len=200)
                    for d in (documents or [])]  # type: ignore[attr-defined]
            docs = P.clean_documents(docs)
            if len(docs) > P.MAX_DOCUMENTS:
                raise ValidationError("paperwork.too_many_documents", "documents",
                                      max=P.MAX_DOCUMENTS)
            values["documents"] = docs
        except ValidationError as exc:
            errors.append(exc)
    if note is not _UNSET:
        try:
            values["note"] = clean_text(note, "note", max_len=2000) or None  # type: ignore[arg-type]
        except ValidationError as exc:
            errors.append(exc)
    return values


def add_paperwork(ctx: AppContext, patient_id: str, kind: str, *,
                  deadline: str | dt.date | None = None, follower: str | None = None,
                  documents: list[str] | None = None, note: str | None = None,
                  status: str = "to_do") -> str:
    """A new application or procedure. Returns its id."""
    errors: list[ValidationError] = []
    values = _values(errors, kind=kind, status=status, deadline=deadline, follower=follower,
                     documents=documents or [], note=note)
    if errors:
        raise ValidationErrors(errors)
    today = ctx.today()

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        case = uow.session.execute(select(Case.id).where(
            Case.patient_id == patient_id, Case.deleted.is_(False), Case.status != "closed")
        ).first()
        w = uow.add(Paperwork, patient_id=patient_id, case_id=case[0] if case else None,
                    status_on=today, **values)
        uow.audit("create", table="paperwork", record_id=w.id, patient_id=patient_id,
                  kind=kind)
        return w.id

    return ctx.write(run)


def _load(session: Session, paperwork_id: str) -> Paperwork:
    if not is_uuid(paperwork_id):
        raise ValidationError("id.invalid", "paperwork_id")
    w = load(session, Paperwork, paperwork_id, "paperwork")
    load_patient(session, w.patient_id)
    return w


def update_paperwork(ctx: AppContext, paperwork_id: str, **changes: object) -> list[str]:
    """Change the status, deadline, follower, documents or note (only the ones given). A new
    status is dated today. Returns the names of the fields that changed."""
    unknown = set(changes) - {"status", "deadline", "follower", "documents", "note"}
    if unknown:
        raise ValidationError("paperwork.field_invalid", sorted(unknown)[0])
    errors: list[ValidationError] = []
    values = _values(errors, **changes)
    if errors:
        raise ValidationErrors(errors)
    today = ctx.today()

    def run(uow: UnitOfWork) -> list[str]:
        w = _load(uow.session, paperwork_id)
        if "status" in values and values["status"] != w.status:
            values["status_on"] = today
        changed = uow.update(w, values)
        if changed:
            uow.audit("update", table="paperwork", record_id=w.id, patient_id=w.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def paperwork_of(session: Session, today: dt.date, patient_id: str | None = None, *,
                 patient_ids: list[str] | None = None, due_only: bool = False
                 ) -> list[PaperworkView]:
    """Deadline order (none last); of one patient, of some, or of every visible patient."""
    q = (select(Paperwork, Patient).join(Patient, Patient.id == Paperwork.patient_id)
         .where(Paperwork.deleted.is_(False), Patient.deleted.is_(False),
                Patient.restricted.is_(False)))
    if patient_id is not None:
        q = q.where(Paperwork.patient_id == patient_id)
    if patient_ids is not None:
        q = q.where(Paperwork.patient_id.in_(patient_ids))
    if due_only:
        q = q.where(Paperwork.status.in_(sorted(P.OPEN_STATUSES)),
                    Paperwork.deadline.is_not(None),
                    Paperwork.deadline <= today + dt.timedelta(days=P.DUE_DAYS))
    rows = [_view(w, p, today) for w, p in session.execute(q)]
    return sorted(rows, key=lambda v: (v.deadline is None, v.deadline or dt.date.max,
                                       v.patient_name, v.kind))


def list_paperwork(ctx: AppContext, patient_id: str | None = None, *, due_only: bool = False
                   ) -> list[PaperworkView]:
    today = ctx.today()

    def run(s: Session) -> list[PaperworkView]:
        if patient_id is not None:
            load_patient(s, patient_id)
        return paperwork_of(s, today, patient_id, due_only=due_only)

    return ctx.read(run)


def due_paperwork(ctx: AppContext) -> list[PaperworkView]:
    return list_paperwork(ctx, due_only=True)


def remove_paperwork(ctx: AppContext, paperwork_id: str) -> None:
    """Entered by mistake: tombstoned."""

    def run(uow: UnitOfWork) -> None:
        w = _load(uow.session, paperwork_id)
        uow.delete(w)
        uow.audit("delete", table="paperwork", record_id=w.id, patient_id=w.patient_id)

    ctx.write(run)
