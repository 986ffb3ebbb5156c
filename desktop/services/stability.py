"""The stability log (issue 18, item 4): one-keystroke events per patient (a fall, an emergency
visit, a crisis call, an exhausted carer, not eating, care refused, a police or social
emergency), dated, with who reported it; and their 90-day trend for the dossier, the relevance
review and the closing of a case as "stabilised"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import transitions as T
from desktop.domain.dates import parse_date
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Case, StabilityEvent

__all__ = ["EventView", "add_event", "list_events", "remove_event", "trend_of"]

MAX_DAYS = T.MAX_DAYS  # `--days`: up to ten years back


@dataclass(frozen=True)
class EventView:
    id: str
    patient_id: str
    case_id: str | None
    kind: str
    occurred_on: dt.date
    reported_by: str | None
    note: str | None


def _view(e: StabilityEvent) -> EventView:
    return EventView(e.id, e.patient_id, e.case_id, e.kind, e.occurred_on, e.reported_by, e.note)


def add_event(ctx: AppContext, patient_id: str, kind: str, *,
              occurred_on: str | dt.date | None = None, reported_by: str | None = None,
              note: str | None = None) -> str:
    """Record one event (today unless dated). Returns its id."""
    today = ctx.today()
    errors: list[ValidationError] = []
    values: dict[str, object] = {}
    if kind not in T.EVENT_KINDS:
        errors.append(ValidationError("event.kind_invalid", "kind", value=str(kind)[:40],
                                      names=", ".join(T.EVENT_KINDS)))
    try:
        day = parse_date(occurred_on, "occurred_on") or today
        if day > today:
            raise ValidationError("date.future", "occurred_on")
        values["occurred_on"] = day
    except ValidationError as exc:
        errors.append(exc)
    try:
        values["reported_by"] = clean_line(reported_by, "reported_by", max_len=200) or None
    except ValidationError as exc:
        errors.append(exc)
    try:
        values["note"] = clean_text(note, "note", max_len=2000) or None
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        case = uow.session.execute(select(Case.id).where(
            Case.patient_id == patient_id, Case.deleted.is_(False), Case.status != "closed")
        ).first()
        e = uow.add(StabilityEvent, patient_id=patient_id, case_id=case[0] if case else None,
                    kind=kind, **values)
        uow.audit("create", table="stability_event", record_id=e.id, patient_id=patient_id)
        return e.id

    return ctx.write(run)


def events_of(session: Session, patient_id: str, since: dt.date | None = None
              ) -> list[EventView]:
    q = select(StabilityEvent).where(StabilityEvent.patient_id == patient_id,
                                     StabilityEvent.deleted.is_(False))
    if since is not None:
        q = q.where(StabilityEvent.occurred_on >= since)
    rows = session.execute(q.order_by(StabilityEvent.occurred_on.desc(),
                                      StabilityEvent.created_at.desc())).scalars()
    return [_view(e) for e in rows]


def list_events(ctx: AppContext, patient_id: str, days: int | None = None) -> list[EventView]:
    """Newest first; `days` keeps the last `days` days (today included)."""
    if days is not None and not 1 <= days <= MAX_DAYS:
        raise ValidationError("event.days_range", "days", min=1, max=MAX_DAYS)
    since = ctx.today() - dt.timedelta(days=days - 1) if days else None

    def run(s: Session) -> list[EventView]:
        load_patient(s, patient_id)
        return events_of(s, patient_id, since)

    return ctx.read(run)


def trend_in(session: Session, patient_id: str, today: dt.date, days: int = T.TREND_DAYS
             ) -> T.Trend:
    since = today - dt.timedelta(days=2 * days)
    return T.trend(((e.kind, e.occurred_on) for e in events_of(session, patient_id, since)),
                   today, days)


def trend_of(ctx: AppContext, patient_id: str, days: int = T.TREND_DAYS) -> T.Trend:
    today = ctx.today()

    def run(s: Session) -> T.Trend:
        load_patient(s, patient_id)
        return trend_in(s, patient_id, today, days)

    return ctx.read(run)


def remove_event(ctx: AppContext, event_id: str) -> None:
    """An event entered by mistake: tombstoned."""

    def run(uow: UnitOfWork) -> None:
        if not is_uuid(event_id):
            raise ValidationError("id.invalid", "event_id")
        e = load(uow.session, StabilityEvent, event_id, "stability_event")
        load_patient(uow.session, e.patient_id)
        uow.delete(e)
        uow.audit("delete", table="stability_event", record_id=e.id, patient_id=e.patient_id)

    ctx.write(run)
