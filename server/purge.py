"""A patient leaves the server or moves (docs/SYNC.md 7): consent withdrawn, erased (art. 17),
moved to another team. The team's devices learn it from a purge event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select

from desktop.domain.consent_policy import PURPOSE_TEAM_SHARING, ConsentFact
from desktop.sync.protocol import Op, OpResult
from server import blobs, sharing
from server.models import Conflict, PurgedPatient, PurgeEvent, Record, of_kind
from server.push_context import PushContext, Rejected


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        return dt.datetime.min


def consent_facts(events: Iterable[dict[str, Any]]) -> list[ConsentFact]:
    facts = []
    for f in events:
        try:
            facts.append(ConsentFact(purpose=str(f.get("purpose")), decision=str(f.get("decision")),
                                     decided_on=_date(f.get("decided_on")),
                                     recorded_at=_datetime(f.get("recorded_at")),
                                     contact_id=f.get("contact_id")))
        except ValueError:
            continue  # an unreadable date cannot grant anything
    return facts


def purge_op(ctx: PushContext, op: Op) -> OpResult:
    if op.table != "patient" or op.patient_id not in (None, op.record_id):
        raise Rejected("sync.invalid_op")
    patient_id = op.record_id
    rec = ctx.record("patient", patient_id)
    if rec is None:
        purged = ctx.purged_patient(patient_id)
        if purged is None or purged.reason == "erased":
            return OpResult(op_id=op.op_id, status="noop")
        if purged.team_id not in ctx.caller.team_ids:
            raise Rejected("sync.forbidden")
        # erased after a withdrawal (by the laptop that kept it): forget the kept consent log,
        # and the laptops that keep it local-only erase it too
        purged.reason, purged.consents = "erased", []
        seq = purge_patient(ctx, patient_id, purged.team_id, "erased")
        return OpResult(op_id=op.op_id, status="applied", server_seq=seq)
    if rec.team_id not in ctx.caller.team_ids:
        raise Rejected("sync.forbidden")
    seq = purge_patient(ctx, patient_id, rec.team_id, "erased")
    return OpResult(op_id=op.op_id, status="applied", server_seq=seq)


def purge_patient(ctx: PushContext, patient_id: str, team_id: str, reason: str) -> int:
    """Drop every record of the patient, remember the refusal, tell the team's devices."""
    session = ctx.session
    session.flush()  # the batch's own records of the patient go too
    ctx.extra = True
    shas = [r.fields.get("sha256") for r in session.scalars(
        select(Record).where(of_kind("attachment"), Record.patient_id == patient_id))]
    kept = [{"record_id": r.record_id, "fields": dict(r.fields)} for r in session.scalars(
        select(Record).where(of_kind("consent_event"), Record.patient_id == patient_id)
        .order_by(Record.seq))
        if r.fields.get("purpose") == PURPOSE_TEAM_SHARING] if reason == "consent_withdrawn" else []
    # the erasure's own audit event stays: the proof that it was done, and by whom
    proof = [r.record_id for r in session.scalars(select(Record).where(
        Record.patient_id == patient_id, of_kind("audit_event")))
        if r.fields.get("action") == "erase"]
    gone = delete(Record).where(Record.patient_id == patient_id)
    if proof:
        gone = gone.where(~((Record.table_name == "audit_event") & Record.record_id.in_(proof)))
    session.execute(gone)
    session.execute(delete(Conflict).where(Conflict.patient_id == patient_id))
    blobs.drop_unused(session, [s for s in shas if isinstance(s, str)])
    for key, rec in list(ctx.records.items()):
        if rec is not None and rec.patient_id == patient_id and key[1] not in proof:
            ctx.records[key] = None
    sharing.mark_erased(session, patient_id, team_id, ctx.now)
    ctx.lifted.pop(patient_id, None)  # purged again: later ops of this batch are refused
    row = ctx.purged_patient(patient_id)
    if row is None:
        row = PurgedPatient(patient_id=patient_id, team_id=team_id, reason=reason, at=ctx.now,
                            consents=kept)
        session.add(row)
        ctx.purged[patient_id] = row
    elif kept:
        known = {c.get("record_id") for c in row.consents or []}
        row.consents = [*(row.consents or []), *(c for c in kept if c["record_id"] not in known)]
    seq = ctx.seqs.next()
    session.add(PurgeEvent(patient_id=patient_id, team_id=team_id, reason=reason, seq=seq,
                           at=ctx.now))
    session.flush()
    return seq


def move_patient(ctx: PushContext, patient_id: str, old_team: str, new_team: str) -> None:
    """The old team's devices purge the patient (lower seq), the new team's receive it all."""
    session = ctx.session
    session.flush()  # the batch's own records of the patient move too
    ctx.extra = True
    session.add(PurgeEvent(patient_id=patient_id, team_id=old_team, reason="team_moved",
                           seq=ctx.seqs.next(), at=ctx.now))
    records = session.scalars(select(Record).where(Record.patient_id == patient_id)).all()
    # the patient first, so a device never receives a child before its patient
    for rec in sorted(records, key=lambda r: (r.table_name != "patient", r.seq)):
        rec.team_id, rec.seq = new_team, ctx.seqs.next()
    for row in session.scalars(select(Conflict).where(Conflict.patient_id == patient_id)).all():
        row.team_id, row.seq = new_team, ctx.seqs.next()
    session.flush()
