"""The device's outbox (docs/ARCHITECTURE.md §6, §7): which ops go up next, and what their
results do.

Op states: `pending` (not yet settled by the server), `sent` (applied, noop or conflict: the
server holds its result), `rejected` (listed under "needs attention" until a person retries or
discards it), `discarded` (a person chose to drop it), `superseded` (a patient shared again in
full after a consent withdrawal: a newer full op carries its content).
Every op goes up: the server keeps every record of every patient and decides who sees it
(desktop/domain/sharing.py). An audit event the server refuses because the patient was erased
is settled here without asking anyone (`discarded`, reason kept): it stays in the local audit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.merge_policy import is_append_only
from desktop.storage.models import (
    SYNCED_MODELS,
    FieldMeta,
    OutboxOp,
    synced_fields,
)
from desktop.storage.wire import from_wire, to_wire
from desktop.sync.apply import RECORD, pending_map, shadow_name, store_conflict
from desktop.sync.protocol import MAX_PUSH_OPS, Op, OpResult

BATCH_OPS = 200
BATCH_BYTES = 4 * 1024 * 1024  # well under the server's body limit, even before gzip

# refusals that need nobody's decision: the patient is gone for good (erased), so an audit event
# about it cannot reach the server; it stays in this laptop's audit
SILENT_REFUSALS = frozenset({"sync.patient_erased", "sync.consent_withdrawn",
                             "sync.patient_purged"})


def to_op(row: OutboxOp) -> Op:
    fields = dict(row.fields or {})
    conflict_id = fields.pop("_conflict_id", None)
    base_values = fields.pop("_base_values", None)  # unit_of_work.BASE_VALUES_KEY
    return Op(op_id=row.op_id, table=row.table_name, record_id=row.record_id,
              patient_id=row.patient_id, kind=row.kind,  # type: ignore[arg-type]
              fields=fields,
              base_versions={k: int(v) for k, v in (row.base_versions or {}).items()},
              hlc=row.hlc, conflict_id=conflict_id,
              base_values=base_values if isinstance(base_values, dict) and base_values else None)


def next_batch(session: Session, limit: int = BATCH_OPS) -> list[OutboxOp]:
    """The oldest pushable pending ops, in local order (the server keeps a device's ops ordered
    per field, so several edits of one record may travel together)."""
    limit = min(limit, MAX_PUSH_OPS)
    batch: list[OutboxOp] = []
    size = 0
    last_seq = 0
    while len(batch) < limit:
        rows = session.scalars(select(OutboxOp).where(
            OutboxOp.state == "pending", OutboxOp.seq > last_seq)
            .order_by(OutboxOp.seq).limit(500)).all()
        if not rows:
            break
        for row in rows:
            last_seq = row.seq
            size += len(json.dumps(row.fields, default=str)) + 200
            if batch and size > BATCH_BYTES:
                return batch
            batch.append(row)
            if len(batch) >= limit:
                break
    return batch


@dataclass
class PushCounts:
    sent: int = 0
    applied: int = 0
    noop: int = 0
    conflicts: int = 0
    rejected: int = 0
    patients: set[str] = field(default_factory=set)

    def add(self, other: PushCounts) -> None:
        self.sent += other.sent
        self.applied += other.applied
        self.noop += other.noop
        self.conflicts += other.conflicts
        self.rejected += other.rejected
        self.patients |= other.patients


def record_results(session: Session, op_ids: list[str], results: list[OpResult]) -> PushCounts:
    """Mark each op with its result and bring field versions and values in line with the
    server. One local transaction (the caller's)."""
    counts = PushCounts()
    by_id = {r.op_id: r for r in results}
    rows = {r.op_id: r for r in session.scalars(
        select(OutboxOp).where(OutboxOp.op_id.in_(op_ids))).all()}
    settled: list[tuple[OutboxOp, OpResult]] = []
    for op_id in op_ids:
        row, result = rows.get(op_id), by_id.get(op_id)
        if row is None or result is None or row.state != "pending":
            continue
        counts.sent += 1
        row.attempts = (row.attempts or 0) + 1
        row.result = result.model_dump(mode="json")
        if result.status == "rejected":
            if row.table_name == "audit_event" and result.reason in SILENT_REFUSALS:
                row.state = "discarded"  # nobody can act on it; the local audit keeps it
                continue
            row.state = "rejected"
            counts.rejected += 1
            continue
        row.state = "sent"
        counts.applied += result.status == "applied"
        counts.noop += result.status == "noop"
        settled.append((row, result))
    session.flush()
    later = pending_map(session)  # what is still waiting, after this batch
    for row, result in settled:
        for info in result.conflicts:
            counts.conflicts += store_conflict(session, info)
        _settle_fields(session, row, result, later.get((row.table_name, row.record_id), set()))
        if row.table_name == "patient" and row.patient_id:
            counts.patients.add(row.patient_id)
    return counts


def _settle_fields(session: Session, row: OutboxOp, result: OpResult, later: set[str]) -> None:
    model = SYNCED_MODELS.get(row.table_name)
    if model is None or row.kind == "purge":
        return
    obj = session.get(model, row.record_id)
    if obj is None:
        return
    if result.record_version is not None and result.record_version > (
            obj.server_version or 0):  # type: ignore[attr-defined]
        # the record's version on the server, as a pull of this change would set it (the
        # push answer may spare that pull: docs/SYNC.md 5)
        obj.server_version = result.record_version  # type: ignore[attr-defined]
    if row.kind == "append":
        return
    conflicts = {c.field: c for c in result.conflicts}
    reported: dict[str, Any] = dict(getattr(result, "fields", None) or {})
    # the op's fields, and those the server reports back (a creation leaves its nulls out)
    names = [k for k in {**(row.fields or {}), **reported}
             if not k.startswith("_") and k != "created_at"]
    if RECORD in conflicts and RECORD not in later:
        theirs = conflicts[RECORD].theirs
        if isinstance(theirs, dict) and "deleted" in theirs:
            obj.deleted = bool(theirs["deleted"])  # type: ignore[attr-defined]
    for name in names:
        version: int | None = None
        value: Any = None
        if name in conflicts:
            version, value = conflicts[name].server_version, conflicts[name].theirs
        elif result.record_version is not None and RECORD not in conflicts:
            # the compact answer names a version only where it differs from the record's
            version = int(result.field_versions.get(name, result.record_version))
            value = reported.get(name, (row.fields or {}).get(name))
        # a newer server value seen by a pull while this op was waiting (or, for an edit that
        # lost against a delete, the tombstone's value) is the server's state now
        shadow = session.get(FieldMeta, (row.table_name, row.record_id, shadow_name(name)))
        if shadow is not None:
            if version is None or shadow.server_version > version:
                version, value = shadow.server_version, shadow.base_value
            if name not in later:
                session.delete(shadow)
        if version is None:
            continue
        meta = session.get(FieldMeta, (row.table_name, row.record_id, name))
        if meta is None:
            session.add(FieldMeta(table_name=row.table_name, record_id=row.record_id,
                                  field=name, server_version=version, base_value=value))
        elif meta.server_version <= version:
            meta.server_version, meta.base_value = version, value
        if name not in later and to_wire(getattr(obj, name)) != value:
            setattr(obj, name, from_wire(model, name, value))


def reshare_patient(session: Session, patient_id: str, hlc: str, new_op_id: Callable[[], str],
                    now: Any) -> int:
    """Upgrade from a version that kept patients local-only after the server purged them
    (state.RESHARE): queue every live record of the patient again in full (patient first), and
    supersede the partial ops that waited meanwhile."""
    from desktop.sync.apply import patient_records

    session.execute(update(OutboxOp).where(
        OutboxOp.patient_id == patient_id, OutboxOp.state == "pending",
        OutboxOp.table_name != "consent_event").values(
        state="superseded", result={"status": "superseded"}))
    pending_events = set(session.scalars(select(OutboxOp.record_id).where(
        OutboxOp.patient_id == patient_id, OutboxOp.state == "pending",
        OutboxOp.table_name == "consent_event")).all())
    records = patient_records(session, patient_id)
    order = ["patient"] + [t for t in records if t != "patient"]
    queued = 0
    for table in order:
        model = SYNCED_MODELS[table]
        for rid in records.get(table, []):
            obj = session.get(model, rid)
            if obj is None or obj.deleted or rid in pending_events:  # type: ignore[attr-defined]
                continue
            fields = {f: to_wire(getattr(obj, f)) for f in synced_fields(model)}
            fields["created_at"] = to_wire(obj.created_at)  # type: ignore[attr-defined]
            session.add(OutboxOp(
                op_id=new_op_id(), table_name=table, record_id=rid, patient_id=patient_id,
                kind="append" if is_append_only(table) else "upsert", fields=fields,
                base_versions={}, hlc=obj.updated_hlc or hlc,  # type: ignore[attr-defined]
                created_at=now, state="pending", attempts=0))
            queued += 1
    return queued
