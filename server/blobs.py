"""Attachment files (blobs): who may read one, and when one goes.

A blob is stored once per sha256, but it is readable only through an attachment record the
caller may see — in one of the caller's teams, of a patient visible to that team — whose
sha256 was written by a user who uploaded those bytes (BlobUpload). A team that only quotes a
sha256 (an attachment record naming another team's file) gets nothing, and its record does not
keep the file alive: erasing the patient whose records held it removes the file unless a record
that passes the same test still uses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import String, cast, delete, select
from sqlalchemy.orm import Session

from server.auth import Caller, utcnow
from server.models import BlobRow, BlobUpload, Device, PatientAccess, Record


def store(session: Session, caller: Caller, sha256: str, data: bytes) -> None:
    """Keep the bytes (once) and remember that the caller's user holds them."""
    now = utcnow()
    if session.get(BlobRow, sha256) is None:
        session.add(BlobRow(sha256=sha256, data=data, size=len(data),
                            device_id=caller.device_id, created_at=now))
    if session.get(BlobUpload, (sha256, caller.user_id)) is None:
        session.add(BlobUpload(sha256=sha256, user_id=caller.user_id, at=now))


def _uploaders(session: Session, sha256: str) -> set[str]:
    return set(session.scalars(select(BlobUpload.user_id).where(BlobUpload.sha256 == sha256)))


def _referencing(session: Session, sha256: str,
                 teams: Iterable[str] | None = None) -> list[Record]:
    """Live attachment records whose sha256 field is exactly this one."""
    query = select(Record).where(Record.table_name == "attachment", Record.deleted.is_(False),
                                 cast(Record.fields, String).contains(sha256))
    if teams is not None:
        query = query.where(Record.team_id.in_(list(teams)))
    return [r for r in session.scalars(query) if r.fields.get("sha256") == sha256]


def _held(session: Session, rec: Record, uploaders: set[str]) -> bool:
    """The record's sha256 was written by a user who uploaded the bytes."""
    writer = rec.field_writers.get("sha256")
    if not writer or not uploaders:
        return False
    return session.scalar(select(Device.user_id).where(Device.id == writer)) in uploaders


def _patient_visible(session: Session, rec: Record, teams: tuple[str, ...]) -> bool:
    if rec.patient_id is None:
        return True
    patient = session.get(Record, ("patient", rec.patient_id))
    return patient is not None and not patient.deleted and patient.team_id in teams


def readable(session: Session, caller: Caller, sha256: str) -> bool:
    if not caller.team_ids:
        return False
    from server.sharing import hidden_patients

    uploaders = _uploaders(session, sha256)
    refs = _referencing(session, sha256, caller.team_ids)
    hidden = set(session.scalars(hidden_patients(caller.username).where(
        PatientAccess.patient_id.in_({r.patient_id for r in refs if r.patient_id})))) \
        if refs else set()
    return any(rec.patient_id not in hidden and _patient_visible(session, rec, caller.team_ids)
               and _held(session, rec, uploaders) for rec in refs)


def drop_unused(session: Session, shas: Iterable[str]) -> None:
    """After records were purged: remove each file no remaining record legitimately uses."""
    for sha in {s for s in shas if isinstance(s, str)}:
        uploaders = _uploaders(session, sha)
        if not any(_held(session, rec, uploaders) for rec in _referencing(session, sha)):
            session.execute(delete(BlobRow).where(BlobRow.sha256 == sha))
            session.execute(delete(BlobUpload).where(BlobUpload.sha256 == sha))
