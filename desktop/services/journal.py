"""The journal: dated notes, append-only. A correction is a new note pointing to the old one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_text
from desktop.domain.visits import parse_datetime
from desktop.services.cases import load_case, local_now
from desktop.services.context import AppContext
from desktop.services.drafts import journal_key
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Draft, Note

__all__ = ["NoteView", "add_note", "correct_note", "list_notes"]


@dataclass(frozen=True)
class NoteView:
    id: str
    patient_id: str
    case_id: str | None
    written_at: dt.datetime
    author: str | None
    text: str
    corrects_note_id: str | None
    corrected_by_id: str | None  # the newer note that corrects this one, if any


def add_note(ctx: AppContext, patient_id: str, text: str, *, case_id: str | None = None,
             written_at: str | dt.datetime | None = None,
             corrects_note_id: str | None = None) -> str:
    """Append a dated note. `written_at` defaults to now and may not be in the future."""
    body = clean_text(text, "text", required=True)
    when = parse_datetime(written_at, "written_at") or local_now(ctx)
    if when.date() > ctx.today():
        raise ValidationError("date.future", "written_at")

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        cid = case_id
        if cid is not None:
            case = load_case(uow.session, cid)
            if case.patient_id != patient_id:
                raise ValidationError("record.not_found", "case_id")
        if corrects_note_id is not None:
            old = _load_note(uow.session, corrects_note_id)
            if old.patient_id != patient_id:
                raise ValidationError("record.not_found", "corrects_note_id")
            cid = cid or old.case_id
        n = uow.add(Note, patient_id=patient_id, case_id=cid, written_at=when,
                    author=ctx.user_name, text=body, corrects_note_id=corrects_note_id)
        uow.audit("create", table="note", record_id=n.id, patient_id=patient_id,
                  corrects=corrects_note_id)
        draft = uow.session.get(Draft, journal_key(patient_id))
        if draft is not None:
            uow.session.delete(draft)
        return n.id

    return ctx.write(run)


def correct_note(ctx: AppContext, note_id: str, text: str) -> str:
    """Write the corrected text as a new note; the old one stays, marked as corrected."""
    patient_id = ctx.read(lambda s: _load_note(s, note_id).patient_id)
    return add_note(ctx, patient_id, text, corrects_note_id=note_id)


def _load_note(session: Session, note_id: str) -> Note:
    if not is_uuid(note_id):
        raise ValidationError("id.invalid", "note_id")
    n = load(session, Note, note_id, "note")
    return n


def notes_of(session: Session, patient_id: str) -> list[NoteView]:
    rows = session.execute(select(Note).where(Note.patient_id == patient_id,
                                              Note.deleted.is_(False))
                           .order_by(Note.written_at.desc(), Note.id.desc())).scalars().all()
    corrected_by = {n.corrects_note_id: n.id for n in reversed(rows) if n.corrects_note_id}
    return [NoteView(n.id, n.patient_id, n.case_id, n.written_at, n.author, n.text,
                     n.corrects_note_id, corrected_by.get(n.id)) for n in rows]


def list_notes(ctx: AppContext, patient_id: str) -> list[NoteView]:
    """Journal of a patient, newest first."""

    def run(s: Session) -> list[NoteView]:
        load_patient(s, patient_id)
        return notes_of(s, patient_id)

    return ctx.read(run)
