"""Applying pulled changes to the vault, inside the caller's transaction (one per page).

Field versions (`field_meta`), kept small on purpose:
- a record's `server_version` is the server's record version as last pulled; a field without a
  `field_meta` row has that version as the base of the next local edit (the record was seen
  whole at that version);
- a row `(table, id, field)` overrides it while needed: after a push acknowledged the field at a
  newer version than the record as pulled, or to freeze the base of a field whose local edit is
  still pending when a newer record version arrives;
- a row `(table, id, "field@server")` remembers the newest server value of a field that was not
  applied because a local edit of it was pending (a "shadow"); it is applied once that edit has
  been settled by the server, so the device still ends equal to the server.
Fields with pending local ops keep their local value (docs/ARCHITECTURE.md §7).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import JSON, Date, DateTime, Table, delete, func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.orm import Session

from desktop.domain.dates import utcnow
from desktop.domain.merge_policy import is_append_only
from desktop.storage import search
from desktop.storage.field_history import record_changes
from desktop.storage.models import (
    SYNC_META_COLUMNS,
    SYNCED_MODELS,
    Attachment,
    AuditEvent,
    Base,
    Blob,
    Conflict,
    Draft,
    FieldChange,
    FieldMeta,
    OutboxOp,
    Patient,
)
from desktop.storage.wire import fields_from_wire
from desktop.sync.protocol import Change, ConflictInfo

RECORD = "_record"  # pseudo-field: the deleted flag (delete / restore ops)
SHADOW = "@server"


def shadow_name(name: str) -> str:
    return name + SHADOW


def op_keys(kind: str, fields: dict[str, Any]) -> set[str]:
    """The fields an outbox op touches; RECORD for the deleted flag."""
    keys = {k for k in fields if not k.startswith("_")}
    keys.discard("created_at")
    if kind in ("delete", "restore", "purge"):
        keys.add(RECORD)
    return keys


def pending_map(session: Session) -> dict[tuple[str, str], set[str]]:
    """Fields with local ops not yet acknowledged by the server, per record."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = session.execute(select(OutboxOp.table_name, OutboxOp.record_id, OutboxOp.kind,
                                  OutboxOp.fields).where(OutboxOp.state == "pending"))
    for table, record_id, kind, fields in rows:
        out[(table, record_id)] |= op_keys(kind, fields or {})
    return out


@functools.cache
def _applied_keys(model: type[Base]) -> frozenset[str]:
    return frozenset(c.key for c in table_of(model).columns) - frozenset(SYNC_META_COLUMNS)


@functools.cache
def _required_keys(tbl: Table) -> tuple[str, ...]:
    """Columns a record cannot be inserted without (a tombstone of an unseen record lacks them)."""
    return tuple(c.key for c in tbl.columns if c.key not in SYNC_META_COLUMNS
                 and not c.nullable and c.default is None)


@functools.cache
def _defaults(tbl: Table) -> tuple[tuple[str, Any], ...]:
    """(column, default value or callable) for filling what a change leaves out."""
    return tuple((c.key, c.default.arg if c.default is not None else None)  # type: ignore[attr-defined]
                 for c in tbl.columns)


@functools.cache
def _left_out(tbl: Table) -> tuple[tuple[str, Any], ...]:
    """(column, value) a change that leaves a synced column out means: its scalar default, or
    null. A creation travels without its nulls (docs/SYNC.md 1) and a column added later is
    missing from older records; both mean the column's default. Columns with a computed default
    are always sent, and left alone."""
    return tuple((c.key, c.default.arg if c.default is not None else None)  # type: ignore[attr-defined]
                 for c in tbl.columns if c.key not in SYNC_META_COLUMNS
                 and (c.default is None or c.default.is_scalar))


def _new_row(tbl: Table, values: dict[str, Any], record_id: str, created: Any,
             **meta: Any) -> dict[str, Any]:
    """A full row to insert for a record first seen here: sync columns, then column defaults."""
    values.update(id=record_id, created_at=dt.datetime.fromisoformat(created)
                  if isinstance(created, str) else utcnow(), **meta)
    for column, arg in _defaults(tbl):
        values.setdefault(column, arg(None) if callable(arg) else arg)
    return values


def table_of(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@dataclass
class ApplyStats:
    upserts: int = 0
    deletes: int = 0
    purges: int = 0
    conflicts: int = 0
    skipped: int = 0
    patients: set[str] = field(default_factory=set)
    max_hlc: str | None = None


class PageApplier:
    """Applies the changes of one page (or snapshot page) in the caller's transaction."""

    def __init__(self, session: Session, *, authoritative: bool = False) -> None:
        self.session = session
        # a snapshot page states the server's versions as they are (a rebuild repairs drift)
        self.authoritative = authoritative
        self.pending = pending_map(session)
        self.stats = ApplyStats()
        self.seen: set[tuple[str, str]] = set()
        # new records are inserted in bulk per table (foreign keys are deferred in the page
        # transaction); existing rows are looked up once per page
        self._inserts: dict[str, dict[str, dict[str, Any]]] = {}
        self._existing: dict[tuple[str, str], tuple[int, str]] = {}
        self._looked_up: set[tuple[str, str]] = set()
        self._revived: set[str] = set()
        self._new_patients: dict[str, dict[str, Any]] = {}

    def preload(self, changes: list[Change]) -> None:
        by_table: dict[str, list[str]] = defaultdict(list)
        for c in changes:
            if c.kind in ("upsert", "delete") and c.table in SYNCED_MODELS:
                by_table[c.table].append(c.record_id)
        for table, ids in by_table.items():
            tbl = table_of(SYNCED_MODELS[table])
            self._looked_up.update((table, rid) for rid in ids)
            for i in range(0, len(ids), 500):
                rows = self.session.execute(select(
                    tbl.c.id, tbl.c.server_version, tbl.c.updated_hlc).where(
                    tbl.c.id.in_(ids[i:i + 500])))
                for rid, version, hlc in rows:
                    self._existing[(table, rid)] = (int(version or 0), hlc or "")

    def flush(self) -> None:
        self._new_patients.update(self._inserts.get("patient", {}))
        for table, rows in self._inserts.items():
            if rows:
                self.session.execute(insert(table_of(SYNCED_MODELS[table])), list(rows.values()))
        self._inserts = {}

    # ---- records ---------------------------------------------------------------------------
    def apply(self, change: Change) -> None:
        if change.hlc and (self.stats.max_hlc is None or change.hlc > self.stats.max_hlc):
            self.stats.max_hlc = change.hlc
        if change.kind in ("upsert", "delete"):
            self.apply_record(change)
            if change.table == "patient" and change.kind == "upsert":
                self._revived.add(change.record_id)  # visible again after a purge it waits for
        elif change.kind == "purge" and change.patient_id:
            self.purge_patient(change.patient_id, erased=change.reason == "erased")
        elif change.kind == "conflict" and change.conflict is not None:
            self.stats.conflicts += store_conflict(self.session, change.conflict)
        elif change.kind == "conflict_resolved" and change.conflict is not None:
            store_conflict(self.session, change.conflict)
            resolve_conflict_row(self.session, change.conflict.conflict_id,
                                 getattr(change.conflict, "resolution", None))

    def apply_record(self, change: Change) -> None:
        model = SYNCED_MODELS.get(change.table)
        if model is None:  # a table this version does not know: ignore, never fail the page
            self.stats.skipped += 1
            return
        self.seen.add((change.table, change.record_id))
        tbl = table_of(model)
        deleted = change.deleted or change.kind == "delete"
        key = (change.table, change.record_id)
        values = self._values(model, change.fields)
        waiting = self._inserts.get(change.table, {}).get(change.record_id)
        if waiting is not None:  # inserted earlier in this page: the newer state wins
            if change.record_version >= waiting["server_version"]:
                waiting.update(values, server_version=change.record_version, deleted=deleted,
                               updated_hlc=change.hlc or waiting["updated_hlc"])
            self.stats.upserts += 1
            return
        if key not in self._existing and key not in self._looked_up:
            row = self.session.execute(
                select(tbl.c.server_version, tbl.c.updated_hlc).where(
                    tbl.c.id == change.record_id)).first()
            if row is not None:
                self._existing[key] = (int(row[0] or 0), row[1] or "")
        existing = self._existing.get(key)
        if existing is None:
            if self.pending.get((change.table, change.record_id)):
                self.stats.skipped += 1  # purged here with local edits pending: keep them local
                return
            if not self._complete(tbl, values):
                self.stats.skipped += 1  # a tombstone of a record never seen here
                return
            self._inserts.setdefault(change.table, {})[change.record_id] = _new_row(
                tbl, values, change.record_id, change.fields.get("created_at"),
                updated_hlc=change.hlc or "", server_version=change.record_version,
                deleted=deleted)
        else:
            old_version, old_hlc = existing
            # a record arrives whole: a column it leaves out holds its default on the server
            # (a change without any field, which no server sends, changes no field)
            if change.fields:
                values = {**{k: v for k, v in _left_out(tbl) if k not in values}, **values}
            pending = self.pending.get((change.table, change.record_id), set())
            applied = {k: v for k, v in values.items() if k not in pending}
            if RECORD not in pending:
                applied["deleted"] = deleted
            applied["server_version"] = (change.record_version if self.authoritative
                                         else max(old_version, change.record_version))
            if change.hlc and change.hlc > old_hlc:
                applied["updated_hlc"] = change.hlc
            self._history(change, tbl, {k: v for k, v in values.items() if k not in pending})
            self.session.execute(update(tbl).where(tbl.c.id == change.record_id).values(applied))
            self._existing[key] = (int(applied["server_version"]),
                                   applied.get("updated_hlc", old_hlc))
            self._field_meta(change, values, pending, old_version, deleted)
        if deleted:
            self.stats.deletes += 1
        else:
            self.stats.upserts += 1
        if change.table == "patient":
            self.stats.patients.add(change.record_id)

    def _history(self, change: Change, tbl: Table, new: dict[str, Any]) -> None:
        """Rectification history (art. 16) of the fields another laptop changed: the old value
        here, the new one from the server, and who changed it when the server says so (the
        display name of the user whose laptop wrote the field; no device id)."""
        if not new or is_append_only(change.table):
            return
        names = list(new)
        row = self.session.execute(select(*(tbl.c[n] for n in names))
                                   .where(tbl.c.id == change.record_id)).first()
        if row is None:
            return
        changed = {n: (old, new[n]) for n, old in zip(names, row, strict=True) if old != new[n]}
        patient = change.patient_id or (change.record_id if change.table == "patient" else None)
        by_author: dict[str | None, dict[str, tuple[Any, Any]]] = {}
        for n, values in changed.items():
            by_author.setdefault(change.authors.get(n) or change.author or None, {})[n] = values
        for author, fields in by_author.items():
            record_changes(self.session, table=change.table, record_id=change.record_id,
                           patient_id=patient, changed=fields, at=utcnow(), actor=author,
                           device_id=None)

    @staticmethod
    def _values(model: type[Base], fields: dict[str, Any]) -> dict[str, Any]:
        return fields_from_wire(model, fields, _applied_keys(model))

    @staticmethod
    def _complete(tbl: Table, values: dict[str, Any]) -> bool:
        return all(values.get(key) is not None for key in _required_keys(tbl))

    def _field_meta(self, change: Change, values: dict[str, Any], pending: set[str],
                    old_version: int, deleted: bool) -> None:
        table, rid = change.table, change.record_id
        settled = [k for k in values if k not in pending]
        if settled:
            # the record version now covers these fields; acknowledged-field rows no older
            # than it are obsolete
            self.session.execute(delete(FieldMeta).where(
                FieldMeta.table_name == table, FieldMeta.record_id == rid,
                FieldMeta.field.in_(settled + [shadow_name(k) for k in settled]),
                FieldMeta.server_version <= change.record_version))
        keep = [k for k in pending if k in values or k == RECORD]
        for name in keep:
            version = int(change.field_versions.get(name, change.record_version))
            base = self.session.get(FieldMeta, (table, rid, name))
            if base is None:  # freeze the base the pending edit was made on
                self.session.add(FieldMeta(table_name=table, record_id=rid, field=name,
                                           server_version=old_version, base_value=None))
            value = deleted if name == RECORD else change.fields.get(name, values.get(name))
            shadow = self.session.get(FieldMeta, (table, rid, shadow_name(name)))
            if shadow is None:
                self.session.add(FieldMeta(table_name=table, record_id=rid,
                                           field=shadow_name(name), server_version=version,
                                           base_value=value))
            elif shadow.server_version <= version:
                shadow.server_version, shadow.base_value = version, value
        self.session.flush()

    # ---- purge -------------------------------------------------------------------------------
    def purge_patient(self, patient_id: str, *, erased: bool = False) -> None:
        """The server no longer shows this patient to this laptop's user (team sharing refused
        or withdrawn, a handover, a team move) or erased it. Edits still waiting here go up
        first: the purge then waits for the next push (state.PURGE_LATER)."""
        from desktop.sync import state

        self.flush()
        self._existing.clear()  # rows go away: look them up again
        self._looked_up.clear()
        self.stats.purges += 1
        self.stats.patients.add(patient_id)
        self._revived.discard(patient_id)
        if not erased and any(op_pid == patient_id for op_pid in self._pending_patients()):
            later = list(state.get(self.session, state.PURGE_LATER, []))
            if patient_id not in later:
                state.put(self.session, state.PURGE_LATER, [*later, patient_id])
            return
        purge_patient(self.session, patient_id)

    def _pending_patients(self) -> set[str]:
        return {p for p in self.session.scalars(select(OutboxOp.patient_id).where(
            OutboxOp.state == "pending", OutboxOp.kind != "purge",
            OutboxOp.table_name != "audit_event")).all() if p}

    def finish(self) -> None:
        """Keep the patient search index in step with what the page changed."""
        from desktop.sync import state

        self.flush()
        if self._revived:
            later = list(state.get(self.session, state.PURGE_LATER, []))
            if any(p in self._revived for p in later):
                state.put(self.session, state.PURGE_LATER,
                          [p for p in later if p not in self._revived])
        fresh = [SimpleNamespace(**self._new_patients[pid]) for pid in self.stats.patients
                 if pid in self._new_patients]
        search.index_new(self.session, fresh)  # just inserted: from their values, no reload
        for pid in self.stats.patients:
            if pid in self._new_patients:
                continue
            p = self.session.execute(
                select(Patient).where(Patient.id == pid).execution_options(populate_existing=True)
            ).scalar_one_or_none()
            if p is None:
                search.unindex_patient(self.session, pid)
            else:
                search.index_patient(self.session, p)


def patient_records(session: Session, patient_id: str) -> dict[str, list[str]]:
    """Ids of every synced record that belongs to a patient, per table."""
    out: dict[str, list[str]] = {}
    for name, model in SYNCED_MODELS.items():
        tbl = table_of(model)
        conds = []
        if name == "patient":
            conds.append(tbl.c.id == patient_id)
        if "patient_id" in tbl.c:
            conds.append(tbl.c.patient_id == patient_id)
        if "owner_patient_id" in tbl.c:
            conds.append(tbl.c.owner_patient_id == patient_id)
        if not conds:
            continue
        ids = list(session.execute(select(tbl.c.id).where(or_(*conds))).scalars())
        if ids:
            out[name] = ids
    return out


def _drop_meta(session: Session, records: dict[str, list[str]]) -> None:
    for name, ids in records.items():
        for i in range(0, len(ids), 500):
            session.execute(delete(FieldMeta).where(FieldMeta.table_name == name,
                                                    FieldMeta.record_id.in_(ids[i:i + 500])))


def purge_patient(session: Session, patient_id: str) -> None:
    """Remove every trace of a patient the server no longer shares with this device (consent
    withdrawn elsewhere, moved to another team, erased). Local ops still waiting for that
    patient are listed as rejected: never dropped silently (audit events, which nobody can act
    on, are settled quietly and stay in the local audit, like the erasure's own event)."""
    records = patient_records(session, patient_id)
    proof = set(session.scalars(select(AuditEvent.id).where(
        AuditEvent.patient_id == patient_id, AuditEvent.action == "erase")).all())
    if proof and "audit_event" in records:
        records["audit_event"] = [i for i in records["audit_event"] if i not in proof]
    _drop_meta(session, records)
    shas = list(session.execute(select(Attachment.sha256).where(
        Attachment.patient_id == patient_id)).scalars())
    for name, ids in records.items():
        tbl = table_of(SYNCED_MODELS[name])
        if name == "patient":
            continue
        for i in range(0, len(ids), 500):
            session.execute(delete(tbl).where(tbl.c.id.in_(ids[i:i + 500])))
    session.execute(delete(Patient).where(Patient.id == patient_id))
    for sha in set(shas):
        if session.execute(select(Attachment.id).where(Attachment.sha256 == sha)).first() is None:
            session.execute(delete(Blob).where(Blob.sha256 == sha))
    session.execute(delete(Conflict).where(Conflict.patient_id == patient_id))
    session.execute(delete(FieldChange).where(FieldChange.patient_id == patient_id))
    session.execute(delete(Draft).where(Draft.patient_id == patient_id))
    session.execute(update(OutboxOp).where(
        OutboxOp.patient_id == patient_id, OutboxOp.state == "pending",
        OutboxOp.kind != "purge", OutboxOp.table_name == "audit_event",
    ).values(state="discarded", result={"status": "rejected", "reason": "sync.patient_purged"}))
    session.execute(update(OutboxOp).where(
        OutboxOp.patient_id == patient_id, OutboxOp.state == "pending",
        OutboxOp.kind != "purge",
    ).values(state="rejected", result={"status": "rejected", "reason": "sync.patient_purged"}))
    search.unindex_patient(session, patient_id)


# ---- conflicts -----------------------------------------------------------------------------
def store_conflict(session: Session, info: ConflictInfo) -> bool:
    """Insert a conflict once (it arrives with the push result and again with the pull)."""
    if session.get(Conflict, info.conflict_id) is not None:
        return False
    session.add(Conflict(
        id=info.conflict_id, table_name=info.table, record_id=info.record_id,
        patient_id=info.patient_id, field=info.field, base_value=info.base_value,
        mine=info.mine, theirs=info.theirs, server_version=info.server_version,
        created_at=utcnow(), status="open", resolution=None))
    return True


def resolve_conflict_row(session: Session, conflict_id: str, value: Any) -> None:
    row = session.get(Conflict, conflict_id)
    if row is not None and row.status != "resolved":
        row.status = "resolved"
        row.resolution = {"value": value}


# ---- initial pull into an empty vault ------------------------------------------------------
# While every synced row of the vault came from the pull itself (no local edit, no pending op),
# a page needs none of the merge machinery: no field versions to keep, no pending fields, no
# history of another laptop's changes. Its records are inserted through the driver in one
# `executemany` per table; a record already here (a parent the server sent early, which comes
# again at its own seq) goes through `PageApplier` like any other update.
_DIALECT = sqlite_dialect()
_BULK_META = frozenset(SYNC_META_COLUMNS)


def _wire_date(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    parse = dt.date.fromisoformat

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            day = parse(value)  # refuses what the slow path refuses
            if len(value) == 10 and value[4] == "-" and value[7] == "-":
                return value  # already the stored form
            return proc(day)
        return proc(value)
    return convert


def _wire_datetime(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    parse = dt.datetime.fromisoformat

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            moment = parse(value)
            if (len(value) == 19 and value[10] == "T" and value[4] == "-" and value[7] == "-"
                    and value[13] == ":" and value[16] == ":"):
                return f"{value[:10]} {value[11:]}.000000"  # SQLAlchemy's SQLite form
            return proc(moment)
        return proc(value)
    return convert


def _json_encoder() -> Callable[[Any], str]:
    """What SQLAlchemy's JSON type stores (json.dumps), with the C encoder made once: a
    JSONEncoder makes one per call."""
    encode = json.JSONEncoder().encode
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encode
    c_encode = make(None, encode, json.encoder.encode_basestring_ascii, None, ": ", ", ",
                    False, False, True)

    def convert(value: Any) -> str:
        if isinstance(value, (dict, list)):
            return "".join(c_encode(value, 0))
        return encode(value)
    return convert


_json = _json_encoder()


@dataclass(frozen=True)
class _BulkTable:
    name: str
    plain: Callable[[dict[str, Any]], tuple[Any, ...]]  # the columns stored as they come
    converted: tuple[tuple[str, Callable[[Any], Any]], ...]  # key, wire-to-stored converter
    defaults: dict[str, Any]  # a missing column's value, before conversion
    required: tuple[str, ...]
    foreign: tuple[tuple[str, str], ...]  # (column, parent table)
    created_at: Callable[[Any], Any]
    flag: Callable[[Any], Any]  # the deleted column's converter
    insert: str


def _getter(keys: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    if not keys:
        return lambda _values: ()
    if len(keys) == 1:
        key = keys[0]
        return lambda values: (values[key],)
    return operator.itemgetter(*keys)


@functools.cache
def _bulk_table(name: str) -> _BulkTable:
    """Column order (the columns stored as they come, those converted, then the sync columns),
    wire-to-stored converters (the stored forms SQLAlchemy writes) and the driver-level INSERT
    of a synced table."""
    tbl = table_of(SYNCED_MODELS[name])
    converters: dict[str, Callable[[Any], Any] | None] = {}
    defaults: dict[str, Any] = {}
    for col in tbl.columns:
        proc = cast(Callable[[Any], Any] | None,
                    col.type._cached_bind_processor(_DIALECT))  # noqa: SLF001
        if isinstance(col.type, DateTime) and proc is not None:
            convert: Callable[[Any], Any] | None = _wire_datetime(proc)
        elif isinstance(col.type, Date) and proc is not None:
            convert = _wire_date(proc)
        elif isinstance(col.type, JSON) and not col.type.none_as_null:
            convert = _json
        else:
            convert = proc
        arg = col.default.arg if col.default is not None else None  # type: ignore[attr-defined]
        converters[col.key] = convert
        defaults[col.key] = arg(None) if callable(arg) else arg
    plain = [k for k, c in converters.items() if c is None and k not in _BULK_META]
    converted = [(k, c) for k, c in converters.items() if c is not None and k not in _BULK_META]
    keys = [*plain, *(k for k, _c in converted), *SYNC_META_COLUMNS]
    sql = (f'INSERT INTO "{tbl.name}" ({", ".join(chr(34) + k + chr(34) for k in keys)}) '
           f'VALUES ({", ".join("?" for _ in keys)}) ON CONFLICT (id) DO NOTHING')
    return _BulkTable(
        name=name, plain=_getter(plain), converted=tuple(converted),
        defaults={k: v for k, v in defaults.items() if k not in _BULK_META},
        required=_required_keys(tbl),
        foreign=tuple((fk.parent.key, fk.column.table.name) for fk in tbl.foreign_keys),
        created_at=converters["created_at"] or (lambda v: v),
        flag=converters["deleted"] or (lambda v: v), insert=sql)


@dataclass(slots=True)
class _Pending:
    """One record of a page, its changes merged in page order (the newer state wins)."""

    change: Change
    fields: dict[str, Any]
    version: int
    deleted: bool
    hlc: str
    count: int = 1  # changes of the page merged here


@functools.cache
def _parents_first() -> tuple[str, ...]:
    return tuple(tbl.name for tbl in Base.metadata.sorted_tables)


def initial_pull(session: Session, cursor: int) -> bool:
    """True while the vault holds only what this first pull brought (and this laptop's own
    audit events, already pushed): no op waiting, no field versions, nothing written locally
    since the pull began (the outbox ends where it did). Marks the start; clears the mark as
    soon as the vault stops qualifying. Runs at the start of each pull transaction."""
    from desktop.sync import state

    mark = state.get(session, state.INITIAL_PULL)
    waiting = session.scalar(select(OutboxOp.seq).where(OutboxOp.state == "pending").limit(1))
    last = int(session.scalar(select(func.max(OutboxOp.seq))) or 0)
    if mark is not None:
        if waiting is None and isinstance(mark, dict) and mark.get("outbox_seq") == last:
            return True
        state.delete(session, state.INITIAL_PULL)
        return False
    if cursor != 0 or waiting is not None:
        return False
    if any(state.get(session, key) for key in (state.PARKED, state.PURGE_LATER, state.RESHARE,
                                               state.REBUILD)):
        return False
    if session.scalar(select(FieldMeta.record_id).limit(1)) is not None:
        return False
    for name, model in SYNCED_MODELS.items():
        if name != "audit_event" and session.scalar(
                select(table_of(model).c.id).limit(1)) is not None:
            return False
    state.put(session, state.INITIAL_PULL, {"outbox_seq": last})
    return True


class BulkApplier:
    """Applies pages of an initial pull in the caller's (large) transaction. `present` keeps the
    ids this transaction inserted, per table, so that a child's parent is found without a query."""

    def __init__(self, session: Session) -> None:
        self.session = session
        conn = session.connection().connection.driver_connection
        assert conn is not None
        self.conn: Any = conn
        self.present: dict[str, set[str]] = defaultdict(set)
        self.stats = ApplyStats()

    @staticmethod
    def accepts(changes: list[Change]) -> bool:
        """Record changes only: purges and conflicts take the general path."""
        return all(c.kind in ("upsert", "delete") for c in changes)

    def forget(self) -> None:
        """After a page applied by the general path (rows may have gone): look parents up."""
        self.present.clear()

    def apply(self, changes: list[Change]) -> tuple[list[Change], list[Change]]:
        """Insert the page's new records; returns (changes of records already here, for the
        general path; records whose parent has not arrived yet, to park)."""
        stats = self.stats
        merged: dict[tuple[str, str], _Pending] = {}
        max_hlc = stats.max_hlc
        for change in changes:
            hlc = change.hlc
            if hlc and (max_hlc is None or hlc > max_hlc):
                max_hlc = hlc
            table = change.table
            if table not in SYNCED_MODELS:
                stats.skipped += 1  # a table this version does not know
                continue
            deleted = change.deleted or change.kind == "delete"
            key = (table, change.record_id)
            seen = merged.get(key)
            if seen is None:
                merged[key] = _Pending(change, change.fields, change.record_version,
                                       deleted, hlc or "")
            else:
                seen.count += 1
                if change.record_version >= seen.version:
                    seen.fields = {**seen.fields, **change.fields}
                    seen.change, seen.version, seen.deleted = (change, change.record_version,
                                                               deleted)
                    seen.hlc = hlc or seen.hlc
        stats.max_hlc = max_hlc
        general: list[Change] = []
        by_table: dict[str, list[_Pending]] = defaultdict(list)
        required = {table: _bulk_table(table).required for table, _rid in merged}
        for (table, _rid), item in merged.items():
            if None in map(item.fields.get, required[table]):
                general.append(self._as_change(item))  # a tombstone, known here or skipped
            else:
                by_table[table].append(item)
        if "patient" in by_table:  # the search index must know which ones are new
            items = by_table["patient"]
            here = self._versions("patient", [i.change.record_id for i in items])
            by_table["patient"] = [i for i in items if i.change.record_id not in here]
            for item in items:
                was = here.get(item.change.record_id)
                if was is not None and was != (item.version, item.hlc):
                    general.append(self._as_change(item))
                elif was is not None:
                    self._count(item)  # already here as it is
        orphans: list[Change] = []
        for name in _parents_first():
            if not by_table.get(name):
                continue
            items = by_table[name]
            plan = _bulk_table(name)
            rows = [self._row(plan, i) for i in items]
            inserted = self.conn.executemany(plan.insert, rows).rowcount
            if inserted != len(items):  # some were here already: the general path updates them
                here = self._versions(name, [i.change.record_id for i in items])
                kept = []
                for item in items:
                    if here.get(item.change.record_id) == (item.version, item.hlc):
                        kept.append(item)  # inserted now, or already here as it is
                    else:
                        general.append(self._as_change(item))
                items = by_table[name] = kept
            for item in items:
                self._count(item)
            self.present[name].update(i.change.record_id for i in items)
            orphans += self._orphans(name, items)
        fresh = [SimpleNamespace(id=i.change.record_id, deleted=i.deleted, **{
            k: i.fields.get(k) for k in ("family_name", "given_name", "city", "postal_code",
                                         "street", "niss", "phones")})
            for i in by_table.get("patient", []) if i.change.record_id in self.present["patient"]]
        search.index_new(self.session, fresh)
        return general, orphans

    def _count(self, item: _Pending) -> None:
        if item.deleted:
            self.stats.deletes += item.count
        else:
            self.stats.upserts += item.count
        if item.change.table == "patient":
            self.stats.patients.add(item.change.record_id)

    @staticmethod
    def _row(plan: _BulkTable, item: _Pending) -> list[Any]:
        values = {**plan.defaults, **item.fields}  # a column left out: its default
        created = values.get("created_at")
        return [*plan.plain(values), *(convert(values[key]) for key, convert in plan.converted),
                item.change.record_id,  # SYNC_META_COLUMNS, in order
                plan.created_at(created if isinstance(created, str) else utcnow()),
                item.hlc, item.version, plan.flag(item.deleted)]

    @staticmethod
    def _as_change(item: _Pending) -> Change:
        return item.change.model_copy(update={
            "fields": item.fields, "record_version": item.version, "deleted": item.deleted,
            "hlc": item.hlc or None})

    def _versions(self, table: str, ids: list[str]) -> dict[str, tuple[int, str]]:
        out: dict[str, tuple[int, str]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows = self.conn.execute(
                f'SELECT id, server_version, updated_hlc FROM "{table}" WHERE id IN '
                f'({", ".join("?" for _ in chunk)})', chunk)
            out.update((rid, (int(v or 0), hlc or "")) for rid, v, hlc in rows)
        return out

    def _orphans(self, table: str, items: list[_Pending]) -> list[Change]:
        """Records inserted here whose parent is neither in this transaction nor in the vault:
        taken out again (foreign keys are checked at commit) and parked for a later page."""
        plan = _bulk_table(table)
        if not plan.foreign or not items:
            return []
        missing: dict[str, set[str]] = defaultdict(set)
        for column, parent in plan.foreign:
            known = self.present[parent]
            for item in items:
                value = item.fields.get(column)
                if value is not None and value not in known:
                    missing[parent].add(value)
        for parent, ids in missing.items():
            found = self._versions(parent, sorted(ids))
            self.present[parent].update(found)
        out: list[_Pending] = []
        for item in items:
            for column, parent in plan.foreign:
                value = item.fields.get(column)
                if value is not None and value not in self.present[parent]:
                    out.append(item)
                    break
        if not out:
            return []
        gone = [i.change.record_id for i in out]
        self.conn.executemany(f'DELETE FROM "{table}" WHERE id = ?', [(i,) for i in gone])
        self.present[table].difference_update(gone)
        return [self._as_change(i) for i in out]
