"""The write path (docs/ARCHITECTURE.md §6): rows, their outbox ops and audit events in one
transaction.

Services never call `session.add` for synced records directly: they go through `UnitOfWork`
so no edit can exist without its op.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import utcnow
from desktop.domain.errors import NotFound, RuleViolation
from desktop.domain.ids import uuid7
from desktop.domain.merge_policy import is_append_only
from desktop.domain.wire_rules import as_error, check_fields, op_problem
from desktop.storage import search
from desktop.storage.field_history import record_changes
from desktop.storage.models import AuditEvent, Base, FieldMeta, OutboxOp, SyncState, synced_fields
from desktop.storage.wire import to_wire

BASE_VALUES_KEY = "_base_values"  # in an outbox op's fields: the Op's base_values

if TYPE_CHECKING:
    from desktop.services.context import AppContext

M = TypeVar("M", bound=Base)


def load(session: Session, model: type[M], record_id: str, field: str) -> M:
    """The record `record_id` of `model`, not deleted; else NotFound `record.not_found` naming
    `field` (the input that named it, for the message)."""
    obj = session.get(model, record_id)
    if obj is None or getattr(obj, "deleted", False):
        raise NotFound("record.not_found", field)
    return obj


def patient_of(obj: Base) -> str | None:
    if obj.__tablename__ == "patient":
        return obj.id  # type: ignore[attr-defined,no-any-return]
    pid = getattr(obj, "patient_id", None) or getattr(obj, "owner_patient_id", None)
    return pid


@dataclass(frozen=True)
class Touched:
    """What one write changed: (table, patient id or None for a shared record) pairs. Views
    refresh only when their patient, or a shared record of a table they show, is in it."""

    pairs: frozenset[tuple[str, str | None]] = frozenset()

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(t for t, _ in self.pairs)

    @property
    def patients(self) -> frozenset[str]:
        return frozenset(p for _, p in self.pairs if p)

    def tables_for(self, patient_id: str) -> frozenset[str]:
        """Tables touched for this patient, or in records shared by every patient."""
        return frozenset(t for t, p in self.pairs if p is None or p == patient_id)

    def __bool__(self) -> bool:
        return bool(self.pairs)


class UnitOfWork:
    def __init__(self, session: Session, ctx: AppContext) -> None:
        self.session = session
        self.ctx = ctx
        self._hlc_dirty = False
        self._touched: set[tuple[str, str | None]] = set()

    def touch(self, table: str, patient_id: str | None = None) -> None:
        """Record a change made without `add`/`update`/`delete` (bulk SQL, local tables)."""
        self._touched.add((table, patient_id))

    @property
    def touched(self) -> Touched:
        return Touched(frozenset(self._touched))

    # ---- synced records ----------------------------------------------------------------
    def add(self, model: type[M], **values: Any) -> M:
        """Insert a synced record and queue its op (kind "append" for append-only tables)."""
        check_fields({k: to_wire(v) for k, v in values.items()})  # before any SQL sees them
        obj = model(**values)
        if not getattr(obj, "id", None):
            obj.id = uuid7()  # type: ignore[attr-defined]
        obj.created_at = utcnow()  # type: ignore[attr-defined]
        obj.updated_hlc = self.tick()  # type: ignore[attr-defined]
        obj.server_version = 0  # type: ignore[attr-defined]
        obj.deleted = False  # type: ignore[attr-defined]
        for col in model.__table__.columns:
            if getattr(obj, col.key) is None and col.default is not None and col.default.is_scalar:
                setattr(obj, col.key, col.default.arg)
            elif getattr(obj, col.key) is None and col.default is not None and col.default.is_callable:
                setattr(obj, col.key, col.default.arg(None))
        self.session.add(obj)
        self.session.flush()
        table = model.__tablename__
        # a creation carries its non-null fields: a missing field is null on the server and
        # on the other laptops (the defaults above were applied, so none is lost)
        fields = {f: v for f in synced_fields(model) if (v := to_wire(getattr(obj, f))) is not None}
        fields["created_at"] = to_wire(obj.created_at)  # type: ignore[attr-defined]
        kind = "append" if is_append_only(table) else "upsert"
        self._queue(table, obj.id, patient_of(obj), kind, fields, {})  # type: ignore[attr-defined]
        self.reindex(obj)
        return obj

    def update(self, obj: M, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        """Change fields; returns {field: (old, new)} for the fields that really changed."""
        table = obj.__tablename__
        if is_append_only(table):
            raise RuleViolation("record.append_only", table=table)
        allowed = set(synced_fields(type(obj)))
        check_fields({k: to_wire(v) for k, v in values.items()})
        changed: dict[str, tuple[Any, Any]] = {}
        for name, new in values.items():
            if name not in allowed:
                raise KeyError(name)
            old = getattr(obj, name)
            if old != new:
                changed[name] = (old, new)
                setattr(obj, name, new)
        if not changed:
            return changed
        obj.updated_hlc = self.tick()  # type: ignore[attr-defined]
        record_changes(self.session, table=table, record_id=obj.id,  # type: ignore[attr-defined]
                       patient_id=patient_of(obj), changed=changed, at=utcnow(),
                       actor=self.ctx.user_name, device_id=self.ctx.device_id)
        self.session.flush()
        fields = {k: to_wire(v[1]) for k, v in changed.items()}
        base = self.base_versions(table, obj.id, list(changed),  # type: ignore[attr-defined]
                                  self.record_version(obj))
        self._queue(table, obj.id, patient_of(obj), "upsert", fields,  # type: ignore[attr-defined]
                    base, self.base_values(table, obj.id, changed, base))  # type: ignore[attr-defined]
        self.reindex(obj)
        return changed

    def delete(self, obj: Base) -> None:
        """Tombstone (kept until every device has seen it)."""
        table = obj.__tablename__
        if is_append_only(table):
            raise RuleViolation("record.append_only", table=table)
        if obj.deleted:  # type: ignore[attr-defined]
            return
        obj.deleted = True  # type: ignore[attr-defined]
        obj.updated_hlc = self.tick()  # type: ignore[attr-defined]
        self.session.flush()
        self._queue(table, obj.id, patient_of(obj), "delete", {},  # type: ignore[attr-defined]
                    {"_record": self.record_version(obj)})
        self.reindex(obj)

    def restore(self, obj: Base) -> None:
        table = obj.__tablename__
        if not obj.deleted:  # type: ignore[attr-defined]
            return
        obj.deleted = False  # type: ignore[attr-defined]
        obj.updated_hlc = self.tick()  # type: ignore[attr-defined]
        self.session.flush()
        fields = {f: to_wire(getattr(obj, f)) for f in synced_fields(type(obj))}
        self._queue(table, obj.id, patient_of(obj), "restore", fields,  # type: ignore[attr-defined]
                    {"_record": self.record_version(obj)})
        self.reindex(obj)

    def reindex(self, obj: Base) -> None:
        """The patient search index follows a patient's names, address, NISS and phones: `add`,
        `update`, `delete` and `restore` call this; a service that sets a patient's fields
        itself calls it after. Other tables: nothing to do."""
        if obj.__tablename__ == "patient":
            self.session.flush()
            search.index_patient(self.session, obj)  # type: ignore[arg-type]

    def base_versions(self, table: str, record_id: str, fields: list[str],
                      default: int = 0) -> dict[str, int]:
        """Per field: its own field_meta version when sync keeps one, else the version of the
        record as last pulled (the record was seen whole at that version)."""
        rows = self.session.execute(
            select(FieldMeta.field, FieldMeta.server_version).where(
                FieldMeta.table_name == table, FieldMeta.record_id == record_id,
                FieldMeta.field.in_(fields))
        ).all()
        known = {f: v for f, v in rows}
        return {f: int(known.get(f, default)) for f in fields}

    def base_values(self, table: str, record_id: str, changed: dict[str, tuple[Any, Any]],
                    base: dict[str, int]) -> dict[str, Any]:
        """Per field the server knows: the value this edit started from — the server's value
        as last seen (field_meta), else the value before the edit. Sent with the op so that a
        conflict can show "before", this laptop's and the other laptop's value."""
        known = {f: v for f, v in self.session.execute(
            select(FieldMeta.field, FieldMeta.base_value).where(
                FieldMeta.table_name == table, FieldMeta.record_id == record_id,
                FieldMeta.field.in_(list(changed))))}
        return {f: known[f] if f in known else to_wire(old)
                for f, (old, _new) in changed.items() if base.get(f)}

    @staticmethod
    def record_version(obj: Base) -> int:
        return int(obj.server_version or 0)  # type: ignore[attr-defined]

    def _queue(self, table: str, record_id: str, patient_id: str | None, kind: str,
               fields: dict[str, Any], base: dict[str, Any],
               base_values: dict[str, Any] | None = None) -> None:
        # what the server would refuse on every sync is refused here, at entry (one rule set)
        found = op_problem(record_id, patient_id, fields)
        if found is not None:
            raise as_error(*found)
        if base_values:  # kept beside the fields ("_" keys are not fields); see outbox.to_op
            fields = {**fields, BASE_VALUES_KEY: base_values}
        self._touched.add((table, patient_id))
        self.session.add(OutboxOp(
            op_id=uuid7(), table_name=table, record_id=record_id, patient_id=patient_id,
            kind=kind, fields=fields, base_versions=base, hlc=self.ctx.clock.last,
            created_at=utcnow(), state="pending", attempts=0,
        ))

    # ---- audit -------------------------------------------------------------------------
    def audit(self, action: str, *, table: str | None = None, record_id: str | None = None,
              patient_id: str | None = None, **detail: Any) -> AuditEvent:
        """Who did what to which record, when, from which device. Detail holds codes and ids,
        never patient text."""
        return self.add(
            AuditEvent, at=utcnow(), actor=self.ctx.user_name, device_id=self.ctx.device_id,
            action=action, record_table=table, record_id=record_id, patient_id=patient_id,
            detail=detail,
        )

    # ---- clock ---------------------------------------------------------------------------
    def tick(self) -> str:
        self._hlc_dirty = True
        return self.ctx.clock.tick()

    def finish(self) -> None:
        if self._hlc_dirty:
            state = self.session.get(SyncState, "hlc")
            if state is None:
                self.session.add(SyncState(key="hlc", value=self.ctx.clock.last))
            else:
                state.value = self.ctx.clock.last
