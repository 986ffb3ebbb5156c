"""Push (docs/SYNC.md section 5): one transaction per batch, idempotent by op_id, per-field merge.

The counter row is locked by the first statement of the transaction, so concurrent pushes run
one after the other: every read below sees everything committed before, and seq order is commit
order.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, event, select, update
from sqlalchemy.orm import Session

from desktop.domain.consent_policy import PURPOSE_TEAM_SHARING, ConsentFact
from desktop.domain.hlc import MAX_COUNTER, MAX_DRIFT_MS, MAX_WALL_MS, Timestamp
from desktop.domain.merge_policy import is_append_only, policy_for
from desktop.domain.wire_rules import key_problem, op_problem
from desktop.sync.protocol import (
    RECORD_FIELD,
    SYNCED_TABLES,
    ConflictInfo,
    Op,
    OpResult,
    PushRequest,
    PushResponse,
)
from server import blobs, sharing
from server.auth import ApiError, Caller, utcnow
from server.models import (
    AppliedOp,
    Conflict,
    Counter,
    Device,
    PurgedPatient,
    PurgeEvent,
    Record,
    ServerState,
)

# Device bookkeeping columns never stored as record fields (created_at is kept).
META_FIELDS = frozenset({"id", "updated_hlc", "server_version", "deleted"})
# Tables whose records may exist without a patient (directory, device-level audit, attachments).
PATIENT_OPTIONAL = frozenset({"contact", "audit_event", "attachment"})
_MISSING = object()


PROVISIONAL = 1 << 62  # seqs handed out while a batch is worked out: PROVISIONAL + k


class SeqAllocator:
    """Sequence numbers for one transaction.

    While a push batch is worked out, `next()` hands out provisional numbers (PROVISIONAL + k).
    `finish()` takes the counter row lock (UPDATE … RETURNING, kept until commit), reserves as
    many numbers and `final()` maps the provisional ones onto them: so pushes wait on one
    another only for their writes and commit, and seq order is still commit order. On SQLite
    (one writer at a time anyway) the lock is taken first (`lock_now`): a transaction that read
    and then wants to write would fail there instead of waiting.
    """

    def __init__(self, session: Session, *, lock_now: bool = True) -> None:
        self.session = session
        self.count = 0
        self.base: int | None = None
        if lock_now:
            self.lock()

    @property
    def value(self) -> int:
        """The counter's value when the lock was taken."""
        return self.lock()

    def lock(self) -> int:
        if self.base is None:
            self.base = int(self.session.execute(
                update(Counter).where(Counter.name == "seq").values(value=Counter.value + 0)
                .returning(Counter.value)
            ).scalar_one())
        return self.base

    def next(self) -> int:
        self.count += 1
        return PROVISIONAL + self.count

    def final(self, value: int) -> int:
        if value < PROVISIONAL:
            return value
        return self.lock() + (value - PROVISIONAL)

    def finish(self) -> tuple[int, int]:
        """Lock, reserve the numbers handed out; returns (first, last) final seq (empty when
        first > last)."""
        base = self.lock()
        if self.count:
            self.session.execute(
                update(Counter).where(Counter.name == "seq").values(value=base + self.count))
        return base + 1, base + self.count


class Rejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class PushContext:
    session: Session
    caller: Caller
    seqs: SeqAllocator
    now: dt.datetime
    now_ms: int
    lifted: dict[str, str] = field(default_factory=dict)  # patient id → team (block lifted)
    # who could see each patient the batch touches, before it (server/sharing.py)
    sharing_before: dict[str, Any] = field(default_factory=dict)
    # read-through caches: one query per batch instead of one per op (round trips dominate)
    records: dict[tuple[str, str], Record | None] = field(default_factory=dict)
    purged: dict[str, PurgedPatient | None] = field(default_factory=dict)
    # the batch and the op being applied: a withdrawal followed in the same batch by a newer
    # grant (a laptop that changed its mind offline) must not purge in between
    batch: list[Op] = field(default_factory=list)
    position: int = 0
    # every object given a provisional seq: the session holds flushed objects weakly
    written: list[Any] = field(default_factory=list)
    # the version of each record the batch writes, before it (the push answer's cursor)
    before: dict[tuple[str, str], int] = field(default_factory=dict)
    # the batch made changes its op results do not describe (purge, re-feed, move, conflict,
    # consent log brought back): the device must pull
    extra: bool = False
    # who sees each patient the batch may touch, loaded in one go (server/sharing.py)
    access: dict[str, Any] = field(default_factory=dict)

    def record(self, table: str, record_id: str) -> Record | None:
        key = (table, record_id)
        if key not in self.records:
            self.records[key] = self.session.get(Record, key)
        return self.records[key]

    def touch(self, rec: Record) -> None:
        """About to write `rec`: remember its version before the batch."""
        if rec.seq is not None:
            self.before.setdefault((rec.table_name, rec.record_id), int(rec.seq))

    def remember(self, rec: Record) -> None:
        self.records[(rec.table_name, rec.record_id)] = rec

    def purged_patient(self, patient_id: str) -> PurgedPatient | None:
        if patient_id not in self.purged:
            self.purged[patient_id] = self.session.get(PurgedPatient, patient_id)
        return self.purged[patient_id]

    def preload(self, ops: list[Op], *, lock_rows: bool = False) -> None:
        """The batch's records and their patients in a few primary-key queries (one table at a
        time: a row-value IN list makes SQLite read the whole table). `lock_rows`
        (PostgreSQL): SELECT … FOR UPDATE, patients first, then the other tables, each in key
        order: two pushes touching the same patient take turns (its sharing state, its
        records), the others run side by side."""
        keys = {(o.table, o.record_id) for o in ops
                if o.table in SYNCED_TABLES and _clean_key(o.record_id)}
        patients = {o.patient_id for o in ops if o.patient_id and _clean_key(o.patient_id)} | {
            o.record_id for o in ops if o.table == "patient" and _clean_key(o.record_id)}
        keys |= {("patient", p) for p in patients}
        by_table: dict[str, list[str]] = {}
        for table, record_id in keys:
            by_table.setdefault(table, []).append(record_id)
        found: dict[tuple[str, str], Record] = {}
        for table in sorted(by_table, key=lambda t: (t != "patient", t)):
            ids = sorted(by_table[table])
            for i in range(0, len(ids), 500):
                query = select(Record).where(Record.table_name == table,
                                             Record.record_id.in_(ids[i:i + 500]))
                if lock_rows:
                    query = query.order_by(Record.record_id).with_for_update()
                for rec in self.session.scalars(query):
                    found[(rec.table_name, rec.record_id)] = rec
        for key in keys:
            self.records[key] = found.get(key)
        plist = sorted(patients)
        rows: dict[str, PurgedPatient] = {}
        for i in range(0, len(plist), 500):
            for row in self.session.scalars(select(PurgedPatient).where(
                    PurgedPatient.patient_id.in_(plist[i:i + 500]))):
                rows[row.patient_id] = row
        for p in plist:
            self.purged[p] = rows.get(p)
        touched = {_patient_of(o) for o in ops if o.table in sharing.SHARING_TABLES}
        sharing.preload(self, sorted(p for p in touched if p is not None))


def _patient_of(op: Op) -> str | None:
    pid = op.record_id if op.table == "patient" else (op.patient_id or op.fields.get(
        "patient_id"))
    return pid if isinstance(pid, str) and _clean_key(pid) else None


def _clean_key(value: str) -> bool:
    return key_problem(value) is None


def push(session: Session, caller: Caller, request: PushRequest) -> PushResponse:
    if request.device_id != caller.device_id:
        raise ApiError(403, "sync.forbidden")
    one_writer = session.get_bind().dialect.name == "sqlite"
    ctx = PushContext(session=session, caller=caller,
                      seqs=SeqAllocator(session, lock_now=one_writer), now=utcnow(),
                      now_ms=time.time_ns() // 1_000_000)
    results: list[OpResult] = []
    in_batch: dict[str, OpResult] = {}
    fresh: list[Op] = []  # ops whose result is remembered (idempotency)
    op_ids = [o.op_id for o in request.ops if _clean_key(o.op_id)]

    def keep(flushed: Session, _context: Any) -> None:
        ctx.written.extend(flushed.new)
        ctx.written.extend(flushed.dirty)

    event.listen(session, "after_flush", keep)
    try:
        # the batch is worked out in memory (explicit flushes only, on rare paths), then
        # written in one go once its seqs are final
        with session.no_autoflush:
            done = {row.op_id: row for row in session.scalars(
                select(AppliedOp).where(AppliedOp.op_id.in_(op_ids)))} if op_ids else {}
            ctx.preload(request.ops, lock_rows=not one_writer)
            ctx.batch = list(request.ops)
            for position, op in enumerate(request.ops):
                ctx.position = position
                if op.op_id in in_batch:
                    results.append(in_batch[op.op_id])
                    continue
                stored = done.get(op.op_id)
                if stored is not None:
                    result = (replayed(op, stored.result)
                              if stored.device_id == caller.device_id
                              else OpResult(op_id=op.op_id, status="rejected",
                                            reason="sync.forbidden"))
                else:
                    try:
                        result = apply_op(ctx, op)
                    except Rejected as exc:
                        result = OpResult(op_id=op.op_id, status="rejected", reason=exc.reason)
                    if result.status != "rejected":
                        fresh.append(op)
                in_batch[op.op_id] = result
                results.append(result)
            sharing.settle(ctx)
        first, last = ctx.seqs.finish()  # from here to the commit, other pushes wait
        finals = _finalise(ctx, in_batch)
        for op in fresh:
            session.add(AppliedOp(op_id=op.op_id, device_id=caller.device_id,
                                  result=stored_result(op, finals[op.op_id]), at=ctx.now))
        session.flush()
    finally:
        event.remove(session, "after_flush", keep)
    answers = [finals[r.op_id] for r in results]
    if request.compact:
        ops = {op.op_id: op for op in request.ops}
        answers = [compact_result(ops[r.op_id], r) for r in answers]
    return PushResponse(results=answers, server_time=ctx.now.isoformat() + "Z",
                        cursor=answer_cursor(ctx, request.cursor, first, last))


def compact_result(op: Op, result: OpResult) -> OpResult:
    """The versions a device that asked for the compact form needs: those of the op's fields
    (and of the fields the server reports back) that differ from the record's version."""
    if result.record_version is None or not result.field_versions:
        return result
    wanted = _op_field_names(op) | set(result.fields)
    return result.model_copy(update={"field_versions": {
        k: v for k, v in result.field_versions.items()
        if k in wanted and v != result.record_version}})


def stored_result(op: Op, result: OpResult) -> dict[str, Any]:
    """An op's result as remembered for a retry, compact: without its defaults and op id, and
    the field versions equal to the record's version named only when they are not simply the
    op's fields (`replayed` gives the same OpResult back)."""
    data = result.model_dump(mode="json", exclude_defaults=True, exclude={"op_id"})
    versions = data.pop("field_versions", {})
    same = {k for k, v in versions.items() if v == result.record_version}
    differ = {k: v for k, v in versions.items() if k not in same}
    if differ:
        data["fv"] = differ
    if same != _op_field_names(op) - set(differ):
        data["fk"] = sorted(same)
    return data


def replayed(op: Op, stored: dict[str, Any]) -> OpResult:
    data = dict(stored)
    if "field_versions" not in data:
        differ = data.pop("fv", {})
        same = data.pop("fk", None)
        if same is None:
            same = _op_field_names(op) - set(differ)
        data["field_versions"] = {**dict.fromkeys(same, data.get("record_version")), **differ}
    data["op_id"] = op.op_id
    return OpResult.model_validate(data)


def _op_field_names(op: Op) -> set[str]:
    return {k for k in op.fields if k not in META_FIELDS}


def _finalise(ctx: PushContext, in_batch: dict[str, OpResult]) -> dict[str, OpResult]:
    """Provisional seqs → final ones, in the rows to write and in the results."""
    final = ctx.seqs.final
    session = ctx.session
    seen: set[int] = set()
    for obj in [*ctx.written, *session.new, *session.dirty]:
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, Record):
            if obj.seq is not None and obj.seq >= PROVISIONAL:
                obj.seq = final(obj.seq)
            if any(int(v) >= PROVISIONAL for v in obj.field_versions.values()):
                obj.set_field_meta({k: final(int(v)) for k, v in obj.field_versions.items()},
                                   obj.field_hlcs, obj.field_writers)
        elif isinstance(obj, Conflict):
            if obj.seq >= PROVISIONAL:
                obj.seq = final(obj.seq)
            if obj.server_version >= PROVISIONAL:
                obj.server_version = final(obj.server_version)
        elif isinstance(obj, PurgeEvent) and obj.seq >= PROVISIONAL:
            obj.seq = final(obj.seq)

    def one(r: OpResult) -> OpResult:
        return r.model_copy(update={
            "server_seq": None if r.server_seq is None else final(r.server_seq),
            "record_version": None if r.record_version is None else final(r.record_version),
            "field_versions": {k: final(v) for k, v in r.field_versions.items()},
            "conflicts": [c.model_copy(update={"server_version": final(c.server_version)})
                          for c in r.conflicts],
        })

    return {op_id: one(r) for op_id, r in in_batch.items()}


def answer_cursor(ctx: PushContext, cursor: int | None, first: int, last: int) -> int | None:
    """The cursor the pushing device may jump to without pulling (its own changes came back
    in the results): when nothing else changed in its scope since `cursor` (the one it sent).
    None: it must pull."""
    if cursor is None or ctx.extra or cursor < 0:
        return None
    if any(v > cursor for v in ctx.before.values()):
        return None  # a record it wrote had changed since its last pull
    horizon = ctx.session.get(ServerState, "horizon")
    if horizon is not None and horizon.value is not None and cursor < int(horizon.value):
        return None  # behind the tombstone horizon: its pull gets 410 and it rebuilds
    device = ctx.session.get(Device, ctx.caller.device_id)
    if device is None or device.scope is None or sorted(device.scope) != sorted(
            ctx.caller.team_ids):
        return None  # its teams changed: its pull gets 410 and it rebuilds
    base = first - 1  # every seq ≤ base is committed (we hold the counter lock)
    if cursor < base:
        teams = sorted(ctx.caller.team_ids)
        for model in (Record, Conflict, PurgeEvent):
            for team in teams:
                if ctx.session.scalar(select(model.seq).where(
                        model.team_id == team, model.seq > cursor,
                        model.seq <= base).order_by(model.seq).limit(1)) is not None:
                    return None
    elif cursor > base:
        return None  # a cursor this server never gave
    return max(last, base)


# ---- one op ----------------------------------------------------------------------------------
def apply_op(ctx: PushContext, op: Op) -> OpResult:
    if op.table not in SYNCED_TABLES:
        raise Rejected("sync.unknown_table")
    check_shape(op)
    hlc = clamp_hlc(op.hlc, ctx.now_ms)
    fields = {k: v for k, v in op.fields.items() if k not in META_FIELDS}
    if op.kind == "purge":
        return purge_op(ctx, op)
    if op.kind == "resolve":
        return resolve_op(ctx, op, fields, hlc)
    append_only = is_append_only(op.table)
    if append_only != (op.kind == "append"):
        raise Rejected("sync.append_only" if append_only else "sync.invalid_op")

    patient_id = op_patient(op, fields)
    rec = ctx.record(op.table, op.record_id)
    if rec is not None and patient_id is None and op.kind in ("delete", "restore"):
        patient_id = rec.patient_id
    if rec is not None and rec.patient_id != patient_id:
        raise Rejected("sync.forbidden")
    settled = check_not_purged(ctx, op, fields, patient_id)
    if settled is not None:
        return settled
    team_id = record_team(ctx, op, fields, rec, patient_id)
    if patient_id is not None and op.table in sharing.SHARING_TABLES:
        sharing.before_change(ctx, patient_id)

    if op.kind == "append":
        if rec is not None:
            return result_for(op, "noop", rec)
        rec = create_record(ctx, op, fields, team_id, patient_id, hlc)
        return result_for(op, "applied", rec, seq=rec.seq)
    if op.kind == "delete":
        return delete_op(ctx, op, rec)
    if op.kind == "restore":
        return restore_op(ctx, op, fields, rec, team_id, patient_id, hlc)
    return upsert_op(ctx, op, fields, rec, team_id, patient_id, hlc)


def check_shape(op: Op) -> None:
    """The rules the laptop also applies at entry (desktop/domain/wire_rules.py): U+0000 (which
    PostgreSQL cannot store), NaN/Infinity, huge numbers or strings, absurd nesting, bad names."""
    if op_problem(op.record_id, op.patient_id, op.fields, op.base_values,
                  keys=(op.op_id, op.conflict_id)) is not None:
        raise Rejected("sync.invalid_op")


def clamp_hlc(text: str, now_ms: int) -> str:
    """A device clock far in the future must not win every last-writer-wins field forever."""
    if len(text) > 80 or "\x00" in text:
        raise Rejected("sync.invalid_op")
    try:
        ts = Timestamp.decode(text)
        if (ts.wall_ms < 0 or ts.counter < 0 or ts.counter > MAX_COUNTER or ts.wall_ms > MAX_WALL_MS
                or len(ts.device) > 40):
            raise ValueError(text)
    except (ValueError, AttributeError) as exc:
        raise Rejected("sync.invalid_op") from exc
    limit = now_ms + MAX_DRIFT_MS
    if ts.wall_ms > limit:
        ts = Timestamp(limit, ts.counter, ts.device)
    return ts.encode()


def op_patient(op: Op, fields: dict[str, Any]) -> str | None:
    """The patient the record belongs to; the op's patient_id must agree with the fields."""
    if op.table == "patient":
        if op.patient_id not in (None, op.record_id):
            raise Rejected("sync.invalid_op")
        return op.record_id
    from_fields = fields.get("owner_patient_id") if op.table == "contact" else fields.get(
        "patient_id")
    pid = op.patient_id or from_fields
    if from_fields is not None and from_fields != pid:
        raise Rejected("sync.invalid_op")
    if pid is not None and (not isinstance(pid, str) or len(pid) > 64):
        raise Rejected("sync.invalid_op")
    if pid is None and op.table not in PATIENT_OPTIONAL and op.kind in ("upsert", "append"):
        raise Rejected("sync.invalid_op")
    return pid


def check_not_purged(ctx: PushContext, op: Op, fields: dict[str, Any],
                     patient_id: str | None) -> OpResult | None:
    """Ops of an erased patient are refused (art. 17 is final), except the erasure's own audit
    event, kept as the proof of it. A patient purged after a withdrawal by a server older than
    responsible-only sharing comes back with the first op a laptop that kept it sends: its kept
    consent log becomes records again. Returns the answer when the op is settled here."""
    if patient_id is None or patient_id in ctx.lifted:
        return None
    purged = ctx.purged_patient(patient_id)
    if purged is None:
        return None
    if purged.team_id not in ctx.caller.team_ids:
        raise Rejected("sync.forbidden")
    if purged.reason == "erased":
        if op.table == "audit_event" and op.kind == "append" and fields.get("action") == "erase":
            rec = ctx.record(op.table, op.record_id)
            if rec is not None:
                return result_for(op, "noop", rec)
            rec = create_record(ctx, op, fields, purged.team_id, patient_id,
                                clamp_hlc(op.hlc, ctx.now_ms))
            return result_for(op, "applied", rec, seq=rec.seq)
        raise Rejected("sync.patient_erased")  # art. 17: no consent brings an erasure back
    kept = list(purged.consents or [])
    ctx.extra = True  # the kept consent log becomes records again
    ctx.lifted[patient_id] = purged.team_id
    ctx.session.delete(purged)
    ctx.purged[patient_id] = None
    hlc = clamp_hlc(op.hlc, ctx.now_ms)
    for item in kept:
        rid = item.get("record_id")
        if rid != op.record_id and isinstance(rid, str) \
                and ctx.record("consent_event", rid) is None:
            create_record(ctx, op.model_copy(update={"record_id": rid, "base_versions": {},
                                                     "table": "consent_event"}),
                          dict(item["fields"]), purged.team_id, patient_id, hlc)
    return None


def record_team(ctx: PushContext, op: Op, fields: dict[str, Any], rec: Record | None,
                patient_id: str | None) -> str:
    teams = ctx.caller.team_ids
    if rec is not None:
        team = rec.team_id
    elif op.table == "patient":
        wanted = fields.get("team_id")
        team = wanted if isinstance(wanted, str) and wanted else (ctx.caller.default_team_id or "")
    elif patient_id is not None:
        found = patient_team(ctx, patient_id)
        if found is None:
            raise Rejected("sync.forbidden")  # unknown patient: push the patient first
        team = found
    else:
        wanted = fields.get("team_id")
        team = wanted if isinstance(wanted, str) and wanted in teams else (
            ctx.caller.default_team_id or "")
    if team not in teams:
        raise Rejected("sync.forbidden")
    return team


def patient_team(ctx: PushContext, patient_id: str) -> str | None:
    """The team a patient belongs to: its record's, or, while its records are not back after
    a withdrawal whose block a newer grant lifted, the team of the records already there (that
    grant's consent event at least). Without this, a decision made on another laptop in that
    gap was refused and stayed on that laptop only."""
    rec = ctx.record("patient", patient_id)
    if rec is not None:
        return rec.team_id
    if patient_id in ctx.lifted:
        return ctx.lifted[patient_id]
    if ctx.purged_patient(patient_id) is not None:
        return None
    return ctx.session.scalar(select(Record.team_id).where(Record.patient_id == patient_id)
                              .limit(1))


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
        fields=dict(fields), meta={"d": [seq, hlc, ctx.caller.device_id]} if fields else {},
        deleted=False, seq=seq, hlc=hlc, changed_at=ctx.now,
    )
    ctx.session.add(rec)
    ctx.remember(rec)
    return rec


# ---- per-field merge --------------------------------------------------------------------------
@dataclass
class Merge:
    applied: dict[str, Any] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    reported: dict[str, Any] = field(default_factory=dict)  # server value ≠ what the device sent


def merge_fields(rec: Record, op: Op, fields: dict[str, Any], hlc: str, device_id: str, *,
                 record_base: int | None = None, keep_on_conflict: bool = False) -> Merge:
    m = Merge()
    for name, mine in fields.items():
        theirs = rec.fields.get(name, _MISSING)
        if theirs is not _MISSING and theirs == mine:
            continue
        version = int(rec.field_versions.get(name, 0))
        base = record_base if record_base is not None else int(op.base_versions.get(name, 0) or 0)
        if (theirs is _MISSING or version <= base
                or rec.field_writers.get(name) == device_id):
            m.applied[name] = mine  # not concurrent: the device saw the server's value
            continue
        policy = policy_for(op.table, name)
        if policy == "lww":
            if hlc > str(rec.field_hlcs.get(name) or ""):
                m.applied[name] = mine
            else:
                m.reported[name] = theirs
        elif policy == "union" and isinstance(theirs, list) and isinstance(mine, list):
            base_value = (op.base_values or {}).get(name)
            removed = [v for v in base_value if v not in mine] if isinstance(base_value, list) else []
            merged = [v for v in theirs if v not in removed] + [v for v in mine if v not in theirs]
            if merged != theirs:
                m.applied[name] = merged
            if merged != mine:
                m.reported[name] = merged
        elif keep_on_conflict:
            m.reported[name] = theirs
        else:
            m.conflicts.append(name)
    return m


def write_fields(ctx: PushContext, rec: Record, values: dict[str, Any], hlc: str) -> int:
    ctx.touch(rec)
    seq = ctx.seqs.next()
    f, v, h, w = dict(rec.fields), dict(rec.field_versions), dict(rec.field_hlcs), dict(
        rec.field_writers)
    for name, value in values.items():
        f[name], v[name], h[name], w[name] = value, seq, hlc, ctx.caller.device_id
    rec.fields = f
    rec.set_field_meta(v, h, w)
    rec.seq = seq
    rec.hlc = max(rec.hlc or "", hlc)
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


# ---- consent, erasure, team moves -------------------------------------------------------------
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
        select(Record).where(Record.table_name == "attachment", Record.patient_id == patient_id))]
    kept = [{"record_id": r.record_id, "fields": dict(r.fields)} for r in session.scalars(
        select(Record).where(Record.table_name == "consent_event",
                             Record.patient_id == patient_id).order_by(Record.seq))
        if r.fields.get("purpose") == PURPOSE_TEAM_SHARING] if reason == "consent_withdrawn" else []
    # the erasure's own audit event stays: the proof that it was done, and by whom
    proof = [r.record_id for r in session.scalars(select(Record).where(
        Record.patient_id == patient_id, Record.table_name == "audit_event"))
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
