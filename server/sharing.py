"""Who may see each patient, on the server (desktop/domain/sharing.py is the state machine).

Every record is kept. After a push, each patient the batch touched (its record, a case, a consent
event) gets its state again; the transition says what the laptops must be told:
- narrowing: one `purge` change for the patient's team, kept from the responsible users (their
  laptops keep syncing the patient);
- widening: every record and conflict of the patient gets a fresh seq, so the laptops of users
  who gain sight pull it from the server's store (no laptop pushes anything again).
Pulls leave out the records of patients a user may not see (`hidden_patients`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam, delete, exists, select
from sqlalchemy.orm import Session

from desktop.domain import sharing
from desktop.domain.consent_policy import ConsentFact
from server.models import (
    Conflict,
    PatientAccess,
    PatientResponsible,
    PurgeEvent,
    PurgeKeep,
    Record,
    of_kind,
)

if TYPE_CHECKING:
    from server.push_context import PushContext

# tables whose changes can change who sees a patient
SHARING_TABLES = frozenset({"patient", "case_record", "consent_event"})
RESPONSIBLE_FIELD = "responsible_users"


def hidden_patients(username: str) -> Select[Any]:
    """Ids of the patients `username` may not see (not team-wide, not among the responsible)."""
    return select(PatientAccess.patient_id).where(
        PatientAccess.level == sharing.RESPONSIBLE,
        ~exists().where(PatientResponsible.patient_id == PatientAccess.patient_id,
                        PatientResponsible.username == username))


def hidden_patient(column: Any, username: Any) -> Any:
    """Condition: the patient in `column` is one `username` may not see. Correlated (primary
    key lookups per row) rather than a list of every hidden patient."""
    return exists().where(
        PatientAccess.patient_id == column, PatientAccess.level == sharing.RESPONSIBLE,
        ~exists().where(PatientResponsible.patient_id == PatientAccess.patient_id,
                        PatientResponsible.username == username))


def purge_kept_from(username: Any) -> Any:
    """Condition on PurgeEvent: the user's laptops keep the patient (responsible)."""
    return exists().where(PurgeKeep.purge_id == PurgeEvent.id, PurgeKeep.username == username)


def current(session: Session, patient_id: str) -> sharing.Sharing | None:
    row = session.get(PatientAccess, patient_id)
    if row is None:
        return None
    names = session.scalars(select(PatientResponsible.username).where(
        PatientResponsible.patient_id == patient_id)).all()
    return sharing.Sharing(row.level, frozenset(names))


# built once (a push runs them every time): their cache keys are computed once too
_PATIENTS = bindparam("patients", expanding=True, type_=PatientAccess.patient_id.type)
_ACCESS_ROWS = select(PatientAccess).where(PatientAccess.patient_id.in_(_PATIENTS))
_RESPONSIBLE_NAMES = select(PatientResponsible.patient_id, PatientResponsible.username).where(
    PatientResponsible.patient_id.in_(_PATIENTS))
_SHARING_RECORDS = select(Record).where(
    Record.patient_id.in_(_PATIENTS), Record.deleted.is_(False),
    of_kind("consent_event", "case_record"))


def preload(ctx: PushContext, patient_ids: list[str]) -> None:
    """The state of the patients a batch may change, in two queries (before_change)."""
    levels: dict[str, PatientAccess] = {}
    names: dict[str, set[str]] = {}
    for i in range(0, len(patient_ids), 500):
        chunk = patient_ids[i:i + 500]
        for row in ctx.session.scalars(_ACCESS_ROWS, {"patients": chunk}):
            levels[row.patient_id] = row
            ctx.written.append(row)  # kept alive: settle() reads it from the session again
        for pid, name in ctx.session.execute(_RESPONSIBLE_NAMES, {"patients": chunk}):
            names.setdefault(pid, set()).add(name)
    for pid in patient_ids:
        found = levels.get(pid)
        ctx.access_rows[pid] = found
        ctx.access[pid] = None if found is None else sharing.Sharing(
            found.level, frozenset(names.get(pid, set())))


def before_change(ctx: PushContext, patient_id: str) -> None:
    """Remember a patient's state before the batch changes it (once per batch)."""
    if patient_id in ctx.sharing_before:
        return
    state = ctx.access[patient_id] if patient_id in ctx.access else current(
        ctx.session, patient_id)
    if state is None and ctx.record("patient", patient_id) is not None:
        state = sharing.Sharing(sharing.TEAM, frozenset())  # held before access was tracked
    ctx.sharing_before[patient_id] = state


def _facts(rows: Iterable[dict[str, Any]]) -> list[ConsentFact]:
    from server.purge import consent_facts

    return consent_facts(rows)


def _sharing_records(session: Session, patient_ids: list[str]) -> dict[str, list[Record]]:
    """The stored consent events and cases of these patients (what derive reads), by patient."""
    out: dict[str, list[Record]] = {p: [] for p in patient_ids}
    for i in range(0, len(patient_ids), 500):
        for rec in session.scalars(_SHARING_RECORDS, {"patients": patient_ids[i:i + 500]}):
            out[str(rec.patient_id)].append(rec)
    return out


def derive(session: Session, patient_id: str, owner: str | None,
           batch: dict[tuple[str, str], Record | None] | None = None,
           stored: list[Record] | None = None) -> sharing.Sharing:
    """`batch`: the records a push batch holds in memory (not yet written), which count over
    the stored ones; `stored`: the patient's stored ones when already read (_sharing_records)."""
    if stored is None:
        stored = _sharing_records(session, [patient_id])[patient_id]
    found = {(r.table_name, r.record_id): r for r in stored}
    for key, rec in (batch or {}).items():
        if key[0] not in ("consent_event", "case_record"):
            continue
        if rec is None or rec.deleted or rec.patient_id != patient_id:
            found.pop(key, None)
        else:
            found[key] = rec
    rows = list(found.values())
    events = [r.fields for r in rows if r.table_name == "consent_event"]
    cases = [r.fields.get(RESPONSIBLE_FIELD) for r in rows if r.table_name == "case_record"]
    lists = [c if isinstance(c, list) else None for c in cases]
    return sharing.state_of(_facts(events), lists, owner)


def settle(ctx: PushContext) -> None:
    """After the batch: each touched patient's new state, and what the laptops must be told."""
    session = ctx.session
    settling = [p for p in ctx.sharing_before if ctx.record("patient", p) is not None]
    stored = _sharing_records(session, settling)  # one query for the batch's patients
    for patient_id in settling:
        old = ctx.sharing_before[patient_id]
        patient = ctx.record("patient", patient_id)
        assert patient is not None
        row = access_row(ctx, patient_id)
        owner = row.owner if row is not None else (
            None if old is not None else ctx.caller.username)
        new = derive(session, patient_id, owner, ctx.records, stored[patient_id])
        if old is not None and old.level == sharing.ERASED:
            continue
        step = sharing.transition(old, new)
        if step.purge_for_all_but is not None:
            ctx.extra = True
            reason = "consent_withdrawn" if old is not None and old.level == sharing.TEAM \
                else "handover"
            purge = PurgeEvent(patient_id=patient_id, team_id=patient.team_id, reason=reason,
                               seq=ctx.seqs.next(), at=ctx.now)
            session.add(purge)
            session.flush()
            for name in sorted(step.purge_for_all_but):
                session.add(PurgeKeep(purge_id=purge.id, username=name))
        if step.refeed:
            refeed(ctx, patient_id)
        known = ctx.access.get(patient_id, False)
        store(session, patient_id, patient.team_id, new, owner, ctx.now,
              old_responsible=None if known is False else (
                  set(known.responsible) if known is not None else set()),
              row=access_row(ctx, patient_id))


def access_row(ctx: PushContext, patient_id: str) -> PatientAccess | None:
    """The patient's access row as the batch read it (preload), or from the session: a row
    known to be missing is not asked for again."""
    if patient_id in ctx.access_rows:
        row: PatientAccess | None = ctx.access_rows[patient_id]
        if row is None:  # the batch may have added it since (pending or flushed)
            session = ctx.session
            row = next((o for o in session.new if isinstance(o, PatientAccess)
                        and o.patient_id == patient_id), None) or session.identity_map.get(
                session.identity_key(PatientAccess, patient_id))
        return row
    return ctx.session.get(PatientAccess, patient_id)


_UNREAD: Any = object()


def store(session: Session, patient_id: str, team_id: str, new: sharing.Sharing,
          owner: str | None, now: Any, *, old_responsible: set[str] | None = None,
          row: PatientAccess | None = _UNREAD) -> None:
    """`old_responsible`: the names stored now, when the caller already read them; `row`: the
    patient's access row, likewise (None: it has none)."""
    if row is _UNREAD:
        row = session.get(PatientAccess, patient_id)
    if row is None:
        session.add(PatientAccess(patient_id=patient_id, team_id=team_id, level=new.level,
                                  owner=owner, changed_at=now))
    elif (row.level, row.team_id) != (new.level, team_id):
        row.level, row.team_id, row.changed_at = new.level, team_id, now
    old = old_responsible if old_responsible is not None else set(session.scalars(
        select(PatientResponsible.username).where(
            PatientResponsible.patient_id == patient_id)).all())
    if old != set(new.responsible):
        if old:
            session.execute(delete(PatientResponsible).where(
                PatientResponsible.patient_id == patient_id))
        for name in sorted(new.responsible):
            session.add(PatientResponsible(patient_id=patient_id, username=name))


def refeed(ctx: PushContext, patient_id: str) -> None:
    """Every record and conflict of the patient at a fresh seq (patient first): the laptops that
    gain sight pull them; the others apply the same values again (harmless)."""
    session = ctx.session
    session.flush()  # the batch's own records of the patient too
    ctx.extra = True
    records = session.scalars(select(Record).where(Record.patient_id == patient_id)).all()
    for rec in sorted(records, key=lambda r: (r.table_name != "patient", r.seq)):
        rec.seq = ctx.seqs.next()
    for row in session.scalars(select(Conflict).where(Conflict.patient_id == patient_id)).all():
        row.seq = ctx.seqs.next()


def mark_erased(session: Session, patient_id: str, team_id: str, now: Any) -> None:
    store(session, patient_id, team_id, sharing.Sharing(sharing.ERASED, frozenset()), None, now)
