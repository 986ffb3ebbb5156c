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
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, delete, insert, or_, select, update
from sqlalchemy.orm import Session

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


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


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


def _new_row(tbl: Table, values: dict[str, Any], record_id: str, created: Any,
             **meta: Any) -> dict[str, Any]:
    """A full row to insert for a record first seen here: sync columns, then column defaults."""
    values.update(id=record_id, created_at=dt.datetime.fromisoformat(created)
                  if isinstance(created, str) else utcnow(), **meta)
    for column, arg in _defaults(tbl):
        values.setdefault(column, arg(None) if callable(arg) else arg)
    return values


def table_of(model: type[Base]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


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
            by_author.setdefault(change.authors.get(n) or None, {})[n] = values
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
            value = deleted if name == RECORD else change.fields.get(name)
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
