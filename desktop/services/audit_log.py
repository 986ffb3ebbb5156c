"""Reading the audit trail: "who looked at my file" per patient, and an administrator's filtered
list. Audit events are append-only and hold codes and ids only (written by `uow.audit`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.dates import parse_date
from desktop.domain.errors import ValidationError
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import AuditEvent, Patient

ACCESS_ACTIONS = ("view", "print", "export")


@dataclass(frozen=True)
class AuditRow:
    id: str
    at: dt.datetime
    actor: str | None
    device_id: str | None
    action: str
    table: str | None
    record_id: str | None
    patient_id: str | None
    patient_name: str | None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    actor: str | None = None
    action: str | None = None
    patient_id: str | None = None

    @classmethod
    def parse(cls, *, date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
              actor: str | None = None, action: str | None = None,
              patient_id: str | None = None) -> AuditFilter:
        start = parse_date(date_from, "date_from")
        end = parse_date(date_to, "date_to")
        if start and end and start > end:
            raise ValidationError("gdpr.date_range", "date_from")
        if patient_id and not is_uuid(patient_id):
            raise ValidationError("id.invalid", "patient_id")
        return cls(start, end, clean_line(actor, "actor") or None,
                   clean_line(action, "action", max_len=40) or None, patient_id or None)


def _rows(session: Session, q: Any) -> list[AuditRow]:
    events = list(session.execute(q).scalars())
    pids = {e.patient_id for e in events if e.patient_id}
    names = {pid: f"{fam.upper()} {giv}" for pid, fam, giv in session.execute(
        select(Patient.id, Patient.family_name, Patient.given_name)
        .where(Patient.id.in_(pids))).all()} if pids else {}
    return [AuditRow(id=e.id, at=e.at, actor=e.actor, device_id=e.device_id, action=e.action,
                     table=e.record_table, record_id=e.record_id, patient_id=e.patient_id,
                     patient_name=names.get(e.patient_id or ""), detail=dict(e.detail or {}))
            for e in events]


def who_looked(ctx: AppContext, patient_id: str, *,
               actions: tuple[str, ...] | None = ACCESS_ACTIONS) -> list[AuditRow]:
    """Every view, print and export of the patient's record, newest first (`actions=None`: all
    audited actions on the record)."""
    if not is_uuid(patient_id):
        raise ValidationError("id.invalid", "patient_id")

    def run(s: Session) -> list[AuditRow]:
        q = select(AuditEvent).where(AuditEvent.patient_id == patient_id)
        if actions is not None:
            q = q.where(AuditEvent.action.in_(actions))
        return _rows(s, q.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()))

    return ctx.read(run)


def search(ctx: AppContext, flt: AuditFilter, *, limit: int = 500, offset: int = 0,
           ) -> list[AuditRow]:
    """The administrator's list: newest first, filtered by date range, actor, action, patient."""

    def run(s: Session) -> list[AuditRow]:
        q = select(AuditEvent)
        if flt.date_from:
            q = q.where(AuditEvent.at >= dt.datetime.combine(flt.date_from, dt.time()))
        if flt.date_to:
            q = q.where(AuditEvent.at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1),
                                                            dt.time()))
        if flt.actor:
            q = q.where(func.lower(AuditEvent.actor) == flt.actor.lower())
        if flt.action:
            q = q.where(AuditEvent.action == flt.action)
        if flt.patient_id:
            q = q.where(AuditEvent.patient_id == flt.patient_id)
        q = q.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit).offset(offset)
        return _rows(s, q)

    return ctx.read(run)


def actors(ctx: AppContext) -> list[str]:
    return ctx.read(lambda s: sorted(a for a in s.execute(
        select(AuditEvent.actor).distinct()).scalars() if a))


def actions(ctx: AppContext) -> list[str]:
    return ctx.read(lambda s: sorted(s.execute(select(AuditEvent.action).distinct()).scalars()))


def record_access(ctx: AppContext, patient_id: str, action: str, *, table: str = "patient",
                  record_id: str | None = None, **detail: Any) -> str:
    """One audit event for a view, print or export made outside a service transaction (e.g. a
    document rendered by the UI). Returns the event id."""
    if action not in ACCESS_ACTIONS:
        raise ValidationError("audit.action_unknown", "action", value=action)
    if not is_uuid(patient_id):
        raise ValidationError("id.invalid", "patient_id")

    def run(uow: UnitOfWork) -> str:
        return uow.audit(action, table=table, record_id=record_id or patient_id,
                         patient_id=patient_id, **detail).id

    return ctx.write(run)
