"""Feedback to the GP: a letter (summary, plan, questions) that stays a pending task in the Today
view until the case manager marks it sent. The PDF itself is `documents.write_gp_letter`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_text
from desktop.services.care_plans import person_name
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Case, Contact, GpFeedback, Patient

DEFAULT_DUE_DAYS = 7


@dataclass(frozen=True)
class GpFeedbackView:
    id: str
    patient_id: str
    gp_contact_id: str | None
    gp_name: str | None
    created_on: dt.date
    due_on: dt.date | None
    summary: str
    questions: str
    status: str  # pending | sent
    sent_on: dt.date | None


@dataclass(frozen=True)
class GpTask:
    """A pending letter, for the Today view."""

    feedback_id: str
    patient_id: str
    family_name: str
    given_name: str
    gp_name: str | None
    due_on: dt.date | None
    overdue: bool


def _view(session: Session, row: GpFeedback) -> GpFeedbackView:
    gp = session.get(Contact, row.gp_contact_id) if row.gp_contact_id else None
    return GpFeedbackView(row.id, row.patient_id, row.gp_contact_id,
                          person_name(gp) if gp is not None else None, row.created_on, row.due_on,
                          row.summary or "", row.questions or "", row.status, row.sent_on)


def create_letter(ctx: AppContext, patient_id: str, *, summary: str, questions: str = "",
                  due_on: dt.date | None = None) -> str:
    """A letter to the patient's GP; a pending task until marked sent."""
    errors: list[ValidationError] = []
    texts: dict[str, str] = {}
    for name, value in (("summary", summary), ("questions", questions)):
        try:
            texts[name] = clean_text(value, name, max_len=20_000)
        except ValidationError as exc:
            errors.append(exc)
    if not errors and not texts["summary"] and not texts["questions"]:
        errors.append(ValidationError("gp.nothing_to_say", "summary"))
    if errors:
        raise ValidationErrors(errors)
    today = ctx.today()

    def run(uow: UnitOfWork) -> str:
        p = load_patient(uow.session, patient_id)
        if not p.gp_contact_id:
            raise ValidationErrors([ValidationError("gp.none", "gp")])
        case = uow.session.execute(select(Case.id).where(
            Case.patient_id == patient_id, Case.deleted.is_(False),
            Case.status != "closed")).first()
        row = uow.add(GpFeedback, patient_id=patient_id, case_id=case[0] if case else None,
                      gp_contact_id=p.gp_contact_id, created_on=today,
                      due_on=due_on or today + dt.timedelta(days=DEFAULT_DUE_DAYS),
                      summary=texts["summary"] or None, questions=texts["questions"] or None,
                      status="pending")
        uow.audit("create", table="gp_feedback", record_id=row.id, patient_id=patient_id)
        return row.id

    return ctx.write(run)


def _load(session: Session, feedback_id: str) -> GpFeedback:
    if not is_uuid(feedback_id):
        raise ValidationError("id.invalid", "gp_feedback")
    row = load(session, GpFeedback, feedback_id, "gp_feedback")
    load_patient(session, row.patient_id)
    return row


def get_letter(ctx: AppContext, feedback_id: str) -> GpFeedbackView:
    return ctx.read(lambda s: _view(s, _load(s, feedback_id)))


def letters_for(ctx: AppContext, patient_id: str) -> list[GpFeedbackView]:
    def run(s: Session) -> list[GpFeedbackView]:
        load_patient(s, patient_id)
        rows = s.execute(select(GpFeedback).where(
            GpFeedback.patient_id == patient_id, GpFeedback.deleted.is_(False))
            .order_by(GpFeedback.created_on.desc())).scalars()
        return [_view(s, r) for r in rows]
    return ctx.read(run)


def mark_sent(ctx: AppContext, feedback_id: str, sent_on: dt.date | None = None) -> None:
    day = sent_on or ctx.today()

    def run(uow: UnitOfWork) -> None:
        row = _load(uow.session, feedback_id)
        if row.status == "sent":
            raise RuleViolation("gp.already_sent", "gp_feedback")
        uow.update(row, {"status": "sent", "sent_on": day})
        uow.audit("sent", table="gp_feedback", record_id=row.id, patient_id=row.patient_id)

    ctx.write(run)


def pending_tasks(ctx: AppContext) -> list[GpTask]:
    """Letters not yet sent, oldest due first (the Today view)."""
    today = ctx.today()

    def run(s: Session) -> list[GpTask]:
        rows = s.execute(
            select(GpFeedback, Patient).join(Patient, Patient.id == GpFeedback.patient_id)
            .where(GpFeedback.status == "pending", GpFeedback.deleted.is_(False),
                   Patient.deleted.is_(False), Patient.restricted.is_(False))
            .order_by(GpFeedback.due_on, GpFeedback.created_on)).all()
        out = []
        for fb, p in rows:
            gp = s.get(Contact, fb.gp_contact_id) if fb.gp_contact_id else None
            out.append(GpTask(fb.id, p.id, p.family_name, p.given_name,
                              person_name(gp) if gp is not None else None, fb.due_on,
                              fb.due_on is not None and fb.due_on < today))
        return out

    return ctx.read(run)
