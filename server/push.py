"""Push (docs/SYNC.md section 5): one transaction per batch, idempotent by op_id; each op
dispatched to server/merge.py (a record's fields) or server/purge.py (a patient dropped).

The counter row is locked by the first statement of the transaction, so concurrent pushes run
one after the other: every read below sees everything committed before, and seq order is commit
order.
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, bindparam, event, exists, false, insert, or_, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.domain.hlc import MAX_COUNTER, MAX_DRIFT_MS, MAX_WALL_MS, Timestamp
from desktop.domain.merge_policy import is_append_only
from desktop.domain.wire_rules import op_problem
from desktop.sync.protocol import (
    SYNCED_TABLES,
    Op,
    OpResult,
    PushRequest,
    PushResponse,
)
from server import sharing
from server.auth import ApiError, Caller, utcnow
from server.merge import create_record, delete_op, resolve_op, restore_op, result_for, upsert_op
from server.models import AppliedOp, Conflict, PurgeEvent, Record
from server.pull import HORIZON, Page, pull_page
from server.purge import purge_op
from server.push_context import (  # noqa: F401  (Rejected: the name callers use)
    PROVISIONAL,
    PushContext,
    Rejected,
    SeqAllocator,
    any_of,
    clean_key,
)

# Device bookkeeping columns never stored as record fields (created_at is kept).
META_FIELDS = frozenset({"id", "updated_hlc", "server_version", "deleted"})
# Tables whose records may exist without a patient (directory, device-level audit, attachments).
PATIENT_OPTIONAL = frozenset({"contact", "audit_event", "attachment"})


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
    op_ids = [o.op_id for o in request.ops if clean_key(o.op_id)]

    def keep(flushed: Session, _context: Any) -> None:
        ctx.written.extend(flushed.new)
        ctx.written.extend(flushed.dirty)

    event.listen(session, "after_flush", keep)
    try:
        # the batch is worked out in memory (explicit flushes only, on rare paths), then
        # written in one go once its seqs are final
        with session.no_autoflush:
            done = {row.op_id: row for row in session.scalars(
                _applied_ops(not one_writer), {"ops": op_ids})} if op_ids else {}
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
        # rows that carry no seq are written before the counter lock, the others after it
        # with their final seqs: fewer round trips while every other push waits
        session.flush([o for o in (*session.new, *session.dirty)
                       if not isinstance(o, (Record, Conflict, PurgeEvent))])
        first, last = ctx.seqs.finish()  # from here to the commit, other pushes wait
        finals = _finalise(ctx, in_batch)
        _write_records(session)
        if fresh:
            with session.no_autoflush:
                session.execute(insert(_APPLIED_TABLE), [
                    {"op_id": op.op_id, "device_id": caller.device_id,
                     "result": stored_result(op, finals[op.op_id])} for op in fresh])
        session.flush()  # what is left: conflicts, purge events (rare)
    finally:
        event.remove(session, "after_flush", keep)
    # committed here, not by the caller: every other push waits on the counter row until then,
    # so the answer's cursor is worked out after it (answer_cursor says why that is safe)
    session.commit()
    try:
        cursor = answer_cursor(ctx, request.cursor, first, last)
    except DBAPIError:
        session.rollback()
        cursor = None  # the batch is committed: the device pulls as usual
    answers = [finals[r.op_id] for r in results]
    if request.compact:
        ops = {op.op_id: op for op in request.ops}
        answers = [compact_result(ops[r.op_id], r) for r in answers]
    return PushResponse(results=answers, server_time=ctx.now.isoformat() + "Z", cursor=cursor)


def catch_up(session: Session, caller: Caller, request: PushRequest,
             answer: PushResponse) -> Page | None:
    """The pull page a device asked for with its push (`PushRequest.pull`), when the answer gives
    it no cursor: what its pull right after would get, one request fewer. Run after the batch's
    commit, so it is that pull's page. None where that pull would fail (410, a revoked device,
    the database): the device pulls and is told why, the batch stands."""
    cursor = request.cursor
    if request.pull is None or answer.cursor is not None or cursor is None or cursor <= 0 \
            or caller.revoked:
        return None
    try:
        return pull_page(session, caller, cursor, request.pull, compact=request.compact)
    except (ApiError, DBAPIError):
        session.rollback()
        return None


@cache
def _applied_ops(postgres: bool) -> Any:
    """The batch's ops already applied (a retry), by op id: built once per database kind."""
    return select(AppliedOp).where(any_of(AppliedOp.op_id, "ops", postgres))


def compact_result(op: Op, result: OpResult) -> OpResult:
    """The versions a device that asked for the compact form needs: those of the op's fields
    (and of the fields the server reports back) that differ from the record's version."""
    if result.record_version is None or not result.field_versions:
        return result
    wanted = _op_field_names(op) | set(result.fields)
    return result.model_copy(update={"field_versions": {
        k: v for k, v in result.field_versions.items()
        if k in wanted and v != result.record_version}})


def stored_result(op: Op, result: OpResult) -> dict[str, Any] | int:
    """An op's result as remembered for a retry, compact: without its defaults and op id, and
    the field versions equal to the record's version named only when they are not simply the
    op's fields (`replayed` gives the same OpResult back). The commonest, an op applied whose
    fields all took its seq (a creation, an edit), is that seq alone."""
    data = result.model_dump(mode="json", exclude_defaults=True, exclude={"op_id"})
    versions = data.pop("field_versions", {})
    same = {k for k, v in versions.items() if v == result.record_version}
    differ = {k: v for k, v in versions.items() if k not in same}
    if differ:
        data["fv"] = differ
    if same != _op_field_names(op) - set(differ):
        data["fk"] = sorted(same)
    seq = data.get("server_seq")
    if data == {"status": "applied", "server_seq": seq, "record_version": seq} \
            and isinstance(seq, int):
        return seq
    return data


def replayed(op: Op, stored: dict[str, Any] | int) -> OpResult:
    if isinstance(stored, int):
        stored = {"status": "applied", "server_seq": stored, "record_version": stored}
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


_RECORD_TABLE: Any = Record.__table__
_APPLIED_TABLE: Any = AppliedOp.__table__
RECORD_COLUMNS = tuple(c.key for c in _RECORD_TABLE.columns)
# what the unit of work would have filled in for an attribute left unset (fields={} …)
_DEFAULTS = {c.key: c.default for c in _RECORD_TABLE.columns if c.default is not None}
# one UPDATE for every record the batch changed: its key under names the SET columns do not use
_UPDATE_RECORD = update(_RECORD_TABLE).where(
    _RECORD_TABLE.c.table_name == bindparam("key_table", type_=_RECORD_TABLE.c.table_name.type),
    _RECORD_TABLE.c.record_id == bindparam("key_record", type_=_RECORD_TABLE.c.record_id.type))


def _write_records(session: Session) -> None:
    """The batch's records, new and changed, in one statement each through the driver, then
    out of the session. The unit of work's bookkeeping per object was most of the time the
    counter row was held (every other push waits meanwhile)."""
    new = [o for o in session.new if isinstance(o, Record)]
    changed = [o for o in session.dirty if isinstance(o, Record) and session.is_modified(o)]
    with session.no_autoflush:  # else the unit of work writes them first
        if new:
            session.execute(insert(_RECORD_TABLE), [_record_row(o) for o in new])
        if changed:
            session.execute(_UPDATE_RECORD, [
                {**_record_row(o), "key_table": o.table_name, "key_record": o.record_id}
                for o in changed])
    for o in (*new, *changed):
        session.expunge(o)


def _record_row(rec: Record) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in RECORD_COLUMNS:
        value = getattr(rec, name)  # an expired attribute is loaded, never written as None
        default = _DEFAULTS.get(name)
        if value is None and default is not None:
            value = default.arg if default.is_scalar else default.arg(None)
        row[name] = value
    return row


def answer_cursor(ctx: PushContext, cursor: int | None, first: int, last: int) -> int | None:
    """The cursor the pushing device may jump to without pulling (its own changes came back
    in the results): when nothing else changed in its scope since `cursor` (the one it sent).
    None: it must pull.

    Run after the batch's commit, so that other pushes do not wait for it: every seq ≤ base was
    committed before the batch took the counter lock. A change in (cursor, base] that is gone
    by now was either given a later seq (a re-feed, a move, an edit: the device pulls it from
    the answer's cursor) or collected as a tombstone, which raised the horizon in the same
    transaction: the scan and the horizon are read in one statement (one snapshot), so either
    the change is seen or the raised horizon is, and the device pulls (and rebuilds)."""
    if cursor is None or ctx.extra or cursor < 0:
        return None
    if any(v > cursor for v in ctx.before.values()):
        return None  # a record it wrote had changed since its last pull
    scope = ctx.caller.scope  # read with its token, in the batch's transaction
    if scope is None or sorted(scope) != sorted(ctx.caller.team_ids):
        return None  # its teams changed: its pull gets 410 and it rebuilds
    base = first - 1  # every seq ≤ base was committed before the batch's
    if cursor > base:
        return None  # a cursor this server never gave
    teams = sorted(ctx.caller.team_ids) if cursor < base else []
    params: dict[str, Any] = {"cursor": cursor, "base": base}
    for n, team in enumerate(teams):
        params[f"team{n}"] = params[f"record_team{n}"] = team
    row = ctx.session.execute(_changed_since(len(teams)), params).one()
    if row.changed:
        return None
    if row.horizon is not None and cursor < int(row.horizon):
        return None  # behind the tombstone horizon: its pull gets 410 and it rebuilds
    return max(last, base)


@cache
def _changed_since(teams: int) -> Any:
    """Whether the caller's `teams` teams (bind parameters teamN, and record_teamN as records
    store team ids) changed in (cursor, base], and the horizon: built once per team count."""
    after = bindparam("cursor", type_=BigInteger)
    base = bindparam("base", type_=BigInteger)
    changed: Any = or_(*(
        exists().where(model.team_id == bindparam(
            f"{'record_' if model is Record else ''}team{n}", type_=model.team_id.type),
            model.seq > after, model.seq <= base)
        for model in (Record, Conflict, PurgeEvent) for n in range(teams))) \
        if teams else false()
    return select(changed.label("changed"), HORIZON.label("horizon"))


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


