"""What one push batch works with (docs/SYNC.md 5): provisional sequence numbers, the batch's
records read once, and the refusal an op can end in. Used by server/push.py (the batch and the
dispatch of each op), server/merge.py (fields of a record) and server/purge.py (a patient
dropped or moved)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, and_, any_, bindparam, or_, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from desktop.domain.wire_rules import key_problem
from desktop.sync.protocol import SYNCED_TABLES, Op
from server import sharing
from server.auth import Caller
from server.models import Counter, PurgedPatient, Record

PROVISIONAL = 1 << 62  # seqs handed out while a batch is worked out: PROVISIONAL + k


# the counter row: locked and moved on by `count` (0: locked only), or set (built once)
_RESERVE = (update(Counter).where(Counter.name == "seq")
            .values(value=Counter.value + bindparam("count", type_=BigInteger))
            .returning(Counter.value))
_SET = update(Counter).where(Counter.name == "seq").values(
    value=bindparam("value", type_=BigInteger))


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
            self.base = int(self.session.execute(_RESERVE, {"count": 0}).scalar_one())
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
        first > last). Not locked yet (PostgreSQL): one statement does both, the lock being
        held from there to the commit, while every other push waits."""
        # no autoflush: the batch's new rows are then written once, with their final seqs,
        # instead of inserted with provisional ones and updated again
        with self.session.no_autoflush:
            if self.base is None:
                top = int(self.session.execute(_RESERVE, {"count": self.count}).scalar_one())
                self.base = top - self.count
            elif self.count:
                self.session.execute(_SET, {"value": self.base + self.count})
        return self.base + 1, self.base + self.count


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
    # their access rows as read then (None: none), asked for once (server/sharing.py)
    access_rows: dict[str, Any] = field(default_factory=dict)

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
                if o.table in SYNCED_TABLES and clean_key(o.record_id)}
        patients = {o.patient_id for o in ops if o.patient_id and clean_key(o.patient_id)} | {
            o.record_id for o in ops if o.table == "patient" and clean_key(o.record_id)}
        keys |= {("patient", p) for p in patients}
        by_table: dict[str, list[str]] = {}
        for table, record_id in keys:
            by_table.setdefault(table, []).append(record_id)
        found: dict[tuple[str, str], Record] = {}
        # (table, up to 500 ids) in locking order; PostgreSQL: as many of them as fit in 500
        # ids in one query (one round trip instead of one per table: an OR of primary-key
        # ranges, rows locked in the ORDER BY's order); SQLite: one query each
        parts = [(table, ids[i:i + 500])
                 for table in sorted(by_table, key=lambda t: (t != "patient", t))
                 for ids in [sorted(by_table[table])] for i in range(0, len(ids), 500)]
        groups: list[list[tuple[str, list[str]]]] = []
        for part in parts:
            if lock_rows and groups and sum(len(p[1]) for p in groups[-1]) + len(part[1]) <= 500:
                groups[-1].append(part)
            else:
                groups.append([part])
        for group in groups:
            params: dict[str, Any] = {}
            for n, (table, ids) in enumerate(group):
                params[f"table{n}"], params[f"ids{n}"] = table, ids
            for rec in self.session.scalars(_records_query(len(group), lock_rows), params):
                found[(rec.table_name, rec.record_id)] = rec
        for key in keys:
            self.records[key] = found.get(key)
        plist = sorted(patients)
        rows: dict[str, PurgedPatient] = {}
        for i in range(0, len(plist), 500):
            for row in self.session.scalars(_PURGED, {"patients": plist[i:i + 500]}):
                rows[row.patient_id] = row
        for p in plist:
            self.purged[p] = rows.get(p)
        touched = {patient_of(o) for o in ops if o.table in sharing.SHARING_TABLES}
        sharing.preload(self, sorted(p for p in touched if p is not None))


@cache
def _records_query(tables: int, lock_rows: bool) -> Any:
    """A batch's records of `tables` tables (bind parameters tableN, idsN), built once per
    shape; `lock_rows` (PostgreSQL): locked, patients first, in key order."""
    query = select(Record).where(or_(*(
        and_(Record.table_name == bindparam(f"table{n}", type_=Record.table_name.type),
             any_of(Record.record_id, f"ids{n}", lock_rows))
        for n in range(tables))))
    if lock_rows:
        query = query.order_by(Record.table_name != "patient", Record.table_name,
                               Record.record_id).with_for_update()
    return query


_PURGED = select(PurgedPatient).where(PurgedPatient.patient_id.in_(
    bindparam("patients", expanding=True, type_=PurgedPatient.patient_id.type)))


def any_of(column: Any, name: str, postgres: bool) -> Any:
    """`column IN (the values of the bind parameter name)`; on PostgreSQL as `= ANY(array)`,
    one parameter instead of one per value (building and binding those was a good part of a
    push's query CPU)."""
    if postgres:
        # the column's own type for each element: ids stored as bytes (UuidKey) bind as bytes
        return column == any_(bindparam(name, type_=ARRAY(column.type)))
    return column.in_(bindparam(name, expanding=True, type_=column.type))


def patient_of(op: Op) -> str | None:
    pid = op.record_id if op.table == "patient" else (op.patient_id or op.fields.get(
        "patient_id"))
    return pid if isinstance(pid, str) and clean_key(pid) else None


def clean_key(value: str) -> bool:
    return key_problem(value) is None


