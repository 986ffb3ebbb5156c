"""The fields of one record on the server (docs/SYNC.md 5): create, merge an edit field by
field (the rule itself: desktop/domain/field_merge.py), delete, restore, resolve a conflict;
each answers with the op's result."""

from __future__ import annotations

import uuid
from typing import Any

from desktop.domain import field_merge
from desktop.domain.field_merge import Merge, Stored
from desktop.sync.protocol import RECORD_FIELD, ConflictInfo, Op, OpResult
from server.models import Conflict, Record
from server.purge import move_patient
from server.push_context import PushContext, Rejected


def result_for(op: Op, status: str, rec: Record | None, *, seq: int | None = None,
               conflicts: list[ConflictInfo] | None = None,
               fields: dict[str, Any] | None = None) -> OpResult:
    return OpResult(
        op_id=op.op_id, status=status,  # type: ignore[arg-type]
        server_seq=seq,
        field_versions={k: int(v) for k, v in (rec.field_versions if rec else {}).items()},
        record_version=rec.seq if rec is not None else None,
        conflicts=conflicts or [], fields=fields or {},
    )


def create_record(ctx: PushContext, op: Op, fields: dict[str, Any], team_id: str,
                  patient_id: str | None, hlc: str) -> Record:
    if any(int(v or 0) > 0 for v in op.base_versions.values()):
        raise Rejected("sync.record_gone")  # it existed, and its tombstone was collected
    seq = ctx.seqs.next()
    if op.table == "patient":
        fields = {**fields, "team_id": team_id}
    rec = Record(
        table_name=op.table, record_id=op.record_id, team_id=team_id, patient_id=patient_id,
        fields=dict(fields), meta={"d": [seq, 0, ctx.caller.device_id]} if fields else {},
        deleted=False, seq=seq, hlc=hlc, changed_at=ctx.now,
    )
    ctx.session.add(rec)
    ctx.remember(rec)
    return rec


# ---- per-field merge --------------------------------------------------------------------------
def merge_fields(rec: Record, op: Op, fields: dict[str, Any], hlc: str, device_id: str, *,
                 record_base: int | None = None, keep_on_conflict: bool = False) -> Merge:
    """desktop/domain/field_merge.py over the record's stored fields."""
    versions, hlcs, writers = rec.field_versions, rec.field_hlcs, rec.field_writers
    stored = {name: Stored(rec.fields[name], int(versions.get(name, 0)),
                           str(hlcs.get(name) or ""), writers.get(name))
              for name in fields if name in rec.fields}
    return field_merge.merge_fields(
        op.table, stored, fields, base_versions=op.base_versions, base_values=op.base_values,
        hlc=hlc, device_id=device_id, record_base=record_base, keep_on_conflict=keep_on_conflict)


def write_fields(ctx: PushContext, rec: Record, values: dict[str, Any], hlc: str) -> int:
    ctx.touch(rec)
    seq = ctx.seqs.next()
    f, v, h, w = dict(rec.fields), dict(rec.field_versions), dict(rec.field_hlcs), dict(
        rec.field_writers)
    for name, value in values.items():
        f[name], v[name], h[name], w[name] = value, seq, hlc, ctx.caller.device_id
    rec.fields = f
    rec.hlc = max(rec.hlc or "", hlc)  # before the meta, which names it as 0
    rec.set_field_meta(v, h, w)
    rec.seq = seq
    rec.changed_at = ctx.now
    return seq


def new_conflict(ctx: PushContext, op: Op, rec: Record, name: str, base_value: Any, mine: Any,
                 theirs: Any) -> ConflictInfo:
    ctx.extra = True  # the team's devices (the pusher included) pull the conflict
    row = Conflict(
        id=str(uuid.uuid4()), table_name=rec.table_name, record_id=rec.record_id,
        patient_id=rec.patient_id, team_id=rec.team_id, field=name, base_value=base_value,
        mine=mine, theirs=theirs, server_version=int(rec.field_versions.get(name, rec.seq))
        if name != RECORD_FIELD else rec.seq,
        status="open", resolution=None, device_id=ctx.caller.device_id, seq=ctx.seqs.next(),
        created_at=ctx.now, changed_at=ctx.now,
    )
    ctx.session.add(row)
    return conflict_info(row)


def conflict_info(row: Conflict) -> ConflictInfo:
    return ConflictInfo(
        conflict_id=row.id, table=row.table_name, record_id=row.record_id,
        patient_id=row.patient_id, field=row.field, base_value=row.base_value, mine=row.mine,
        theirs=row.theirs, server_version=row.server_version,
        status=row.status, resolution=row.resolution,  # type: ignore[arg-type]
    )


def upsert_op(ctx: PushContext, op: Op, fields: dict[str, Any], rec: Record | None, team_id: str,
              patient_id: str | None, hlc: str) -> OpResult:
    if rec is None:
        rec = create_record(ctx, op, fields, team_id, patient_id, hlc)
        reported = ({"team_id": team_id} if op.table == "patient"
                    and fields.get("team_id") != team_id else {})
        return result_for(op, "applied", rec, seq=rec.seq, fields=reported)
    if rec.deleted:
        if rec.deleted_by == ctx.caller.device_id:
            return result_for(op, "noop", rec)
        info = new_conflict(ctx, op, rec, RECORD_FIELD, None,
                            {"deleted": False, "fields": fields}, {"deleted": True})
        return result_for(op, "conflict", rec, conflicts=[info])
    fields = {k: v for k, v in fields.items() if k != "created_at"}
    team_filled = False
    if op.table == "patient" and "team_id" in fields:
        wanted = fields["team_id"]
        if wanted in (None, ""):
            fields = {**fields, "team_id": rec.team_id}
            team_filled = True
        elif wanted != rec.team_id and wanted not in ctx.caller.team_ids:
            raise Rejected("sync.forbidden")
    m = merge_fields(rec, op, fields, hlc, ctx.caller.device_id)
    seq = write_fields(ctx, rec, m.applied, hlc) if m.applied else None
    base_values = op.base_values or {}
    infos = [new_conflict(ctx, op, rec, name, base_values.get(name), fields[name],
                          rec.fields.get(name)) for name in m.conflicts]
    if op.table == "patient" and rec.fields.get("team_id") not in (None, rec.team_id):
        move_patient(ctx, rec.record_id, rec.team_id, str(rec.fields["team_id"]))
    if team_filled:
        m.reported["team_id"] = rec.fields.get("team_id")
    status = "applied" if m.applied else ("conflict" if infos else "noop")
    return result_for(op, status, rec, seq=seq, conflicts=infos, fields=m.reported)


def delete_op(ctx: PushContext, op: Op, rec: Record | None) -> OpResult:
    if rec is None or rec.deleted:
        return result_for(op, "noop", rec)
    base = int(op.base_versions.get(RECORD_FIELD, 0) or 0)
    concurrent = any(int(v) > base and rec.field_writers.get(k) != ctx.caller.device_id
                     for k, v in rec.field_versions.items())
    if concurrent:
        info = new_conflict(ctx, op, rec, RECORD_FIELD, None, {"deleted": True},
                            {"deleted": False})
        return result_for(op, "conflict", rec, conflicts=[info])
    ctx.touch(rec)
    seq = ctx.seqs.next()
    rec.deleted, rec.deleted_by, rec.seq, rec.changed_at = True, ctx.caller.device_id, seq, ctx.now
    return result_for(op, "applied", rec, seq=seq)


def restore_op(ctx: PushContext, op: Op, fields: dict[str, Any], rec: Record | None,
               team_id: str, patient_id: str | None, hlc: str) -> OpResult:
    if rec is None:
        rec = create_record(ctx, op.model_copy(update={"base_versions": {}}), fields, team_id,
                            patient_id, hlc)
        return result_for(op, "applied", rec, seq=rec.seq)
    base = int(op.base_versions.get(RECORD_FIELD, 0) or 0)
    # team moves go through an upsert of team_id, never through a restore
    fields = {k: v for k, v in fields.items()
              if k != "created_at" and not (op.table == "patient" and k == "team_id")}
    m = merge_fields(rec, op, fields, hlc, ctx.caller.device_id, record_base=base,
                     keep_on_conflict=True)
    was_deleted = rec.deleted
    seq: int | None = None
    if m.applied or was_deleted:
        seq = write_fields(ctx, rec, m.applied, hlc)
        rec.deleted, rec.deleted_by = False, None
    return result_for(op, "applied" if seq else "noop", rec, seq=seq, fields=m.reported)


def resolve_op(ctx: PushContext, op: Op, fields: dict[str, Any], hlc: str) -> OpResult:
    row = ctx.session.get(Conflict, op.conflict_id) if op.conflict_id else None
    if op.conflict_id is None:
        raise Rejected("sync.invalid_op")
    if row is None or row.team_id not in ctx.caller.team_ids:
        raise Rejected("sync.conflict_unknown")
    if row.patient_id and ctx.purged_patient(row.patient_id) is not None:
        raise Rejected("sync.consent_withdrawn")
    seq: int | None = None
    if row.status == "open":
        ctx.extra = True
        seq = ctx.seqs.next()
        row.status, row.seq, row.changed_at = "resolved", seq, ctx.now
        row.resolution = fields.get(row.field) if row.field in fields else None
    rec = ctx.record(row.table_name, row.record_id)
    if not fields or rec is None or rec.deleted:
        return result_for(op, "applied" if seq else "noop", rec, seq=seq)
    as_upsert = op.model_copy(update={"kind": "upsert", "table": row.table_name,
                                      "record_id": row.record_id})
    res = upsert_op(ctx, as_upsert, fields, rec, rec.team_id, rec.patient_id, hlc)
    if seq is not None and res.status in ("noop", "conflict"):
        res = res.model_copy(update={"status": "applied" if res.status == "noop" else "conflict",
                                     "server_seq": res.server_seq or seq})
    return res


