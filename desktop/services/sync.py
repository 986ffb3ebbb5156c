"""Sync use cases: enrol a device, sync now, status, conflicts, needs attention, revocation.

The engine (`desktop.sync.engine`) does the protocol; this module holds what a person does with
it. Conflict choices and needs-attention decisions are written like any edit: one transaction,
an op that goes up, an audit event (codes and ids only).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Boolean as SaBoolean
from sqlalchemy import Date, DateTime, Integer, String, Text, select
from sqlalchemy.orm import Session

from desktop.domain.dates import utcnow
from desktop.domain.errors import NotFound, RuleViolation, ValidationError
from desktop.domain.ids import is_uuid, uuid7
from desktop.domain.merge_policy import is_append_only
from desktop.domain.wire_rules import check_fields
from desktop.services.account import my_username  # noqa: F401  (callers' name)
from desktop.services.context import AppContext
from desktop.services.sync_status import (  # noqa: F401  (callers' names)
    SyncStatus,
    current_role,
    is_enrolled,
    status,
)
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.errors import VaultError
from desktop.storage.field_history import record_changes
from desktop.storage.models import (
    SYNCED_MODELS,
    Blob,
    Conflict,
    FieldChange,
    OutboxOp,
    Patient,
    synced_fields,
)
from desktop.storage.vault import DB_NAME, ENVELOPE_NAME
from desktop.storage.wire import from_wire, to_wire
from desktop.sync import state
from desktop.sync.apply import RECORD, pending_map
from desktop.sync.client import (
    RevokedError,
    SyncClient,
    SyncError,
    fetch_fingerprint,
    format_fingerprint,
    normalize_fingerprint,
)
from desktop.sync.engine import SyncEngine, SyncReport
from desktop.sync.pending import count_pending

__all__ = ["AttentionItem", "ConflictView", "EnrollInfo", "SyncError", "SyncReport",
           "SyncStatus", "discard_op", "enroll", "list_conflicts", "needs_attention",
           "resolve_conflict", "retry_op", "status", "sync_now", "wipe_vault"]

log = logging.getLogger(__name__)

# Tests route requests into an in-process server; None means a real network client.
TransportFactory = Callable[[], httpx.BaseTransport] | None


def allowed_ids(session: Session) -> set[str]:
    """Patients shared with the whole team (consent to team sharing). Every patient's records
    go up whatever it says (the server decides who sees them): sync itself never asks."""
    from desktop.services.consents import team_sharing_patient_ids

    return team_sharing_patient_ids(session)


# --------------------------------------------------------------------------------------------
# Plain data
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EnrollInfo:
    server_url: str
    user: str
    organisation: str
    teams: list[str]
    fingerprint: str | None  # pinned SHA-256 (https), formatted AA:BB:…
    device_id: str = ""  # the server's id of this laptop (`relais-server device list`)
    device_name: str = ""


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    record_id: str
    patient_id: str | None
    patient_name: str | None
    field: str
    base: Any
    mine: Any
    theirs: Any
    server_version: int
    created_at: dt.datetime
    status: str


@dataclass(frozen=True)
class AttentionItem:
    op_id: str
    table: str
    record_id: str
    patient_id: str | None
    patient_name: str | None
    kind: str
    fields: list[str]  # names only
    reason: str  # a message code
    created_at: dt.datetime


# --------------------------------------------------------------------------------------------
# Enrolment
# --------------------------------------------------------------------------------------------
def _check_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError("sync.url_invalid", "server")
    if parts.scheme == "http":
        host = parts.hostname
        loopback = host == "localhost"
        with contextlib.suppress(ValueError):
            loopback = loopback or ipaddress.ip_address(host).is_loopback
        if not loopback:  # patient data never travels in clear text
            raise ValidationError("sync.url_insecure", "server")
    return url


def _client(url: str, token: str | None, fingerprint: str | None,
            transport: TransportFactory) -> SyncClient:
    return SyncClient(url, token=token, fingerprint=fingerprint,
                      transport=transport() if transport else None)


def check_fingerprint(text: str) -> str:
    """A typed fingerprint, normalized (64 lower-case hex digits); ValidationError otherwise."""
    fp = normalize_fingerprint(text or "")
    if len(fp) != 64 or any(c not in "0123456789abcdef" for c in fp):
        raise ValidationError("sync.fingerprint_invalid", "fingerprint")
    return fp


def fingerprint_to_confirm(server_url: str) -> str | None:
    """The certificate fingerprint the server presents now (AA:BB:…) for a person to compare
    before enrolling; None for plain http on loopback (no certificate)."""
    url = _check_url(server_url)
    if not url.startswith("https://"):
        return None
    return format_fingerprint(fetch_fingerprint(url))


def enroll(ctx: AppContext, server_url: str, username: str, password: str, *,
           fingerprint: str | None = None, device_name: str = "",
           transport: TransportFactory = None) -> EnrollInfo:
    """Register this vault with the organisation's server. For https, the certificate's
    fingerprint is pinned now (and checked against `fingerprint` when a person typed one)."""
    url = _check_url(server_url)
    if fingerprint:
        fingerprint = check_fingerprint(fingerprint)
    if not (username or "").strip():
        raise ValidationError("text.required", "user")
    if not password:
        raise ValidationError("text.required", "password")
    pinned = None
    if url.startswith("https://") and transport is None:
        pinned = fetch_fingerprint(url)
        if fingerprint and normalize_fingerprint(fingerprint) != pinned:
            raise SyncError("sync.fingerprint_mismatch", retry=False)
    with _client(url, None, pinned, transport) as client:
        name = (device_name or "").strip() or default_device_name()
        answer = client.enroll(username.strip(), password, name)

    def run(uow: UnitOfWork) -> None:
        s = uow.session
        if state.get(s, state.SERVER_URL) not in (None, url):
            # another server: start from its beginning (the outbox stays and goes there)
            state.put(s, state.CURSOR, 0)
        state.put(s, state.SERVER_URL, url)
        state.put(s, state.TOKEN, answer.token)
        state.put(s, state.FINGERPRINT, pinned)
        state.put(s, state.SERVER_DEVICE_ID, answer.device_id)
        state.put(s, state.ACCOUNT, {"user": answer.user, "organisation": answer.organisation,
                                     "teams": answer.teams,
                                     "default_team_id": answer.default_team_id,
                                     "username": answer.username or username.strip(),
                                     "members": answer.members,
                                     "role": answer.role})
        state.delete(s, state.REVOKED)
        uow.audit("enroll", detail_device=answer.device_id)
    ctx.write(run)
    return EnrollInfo(server_url=url, user=answer.user, organisation=answer.organisation,
                      teams=[t.get("name", "") for t in answer.teams],
                      fingerprint=":".join(pinned[i:i + 2] for i in range(0, len(pinned), 2))
                      .upper() if pinned else None, device_id=answer.device_id, device_name=name)


def default_device_name() -> str:
    """The computer's name, so `relais-server device list` tells the laptops apart."""
    import platform

    return (platform.node() or "").strip()[:100] or "relais"


def client_for(ctx: AppContext, transport: TransportFactory = None) -> SyncClient:
    def read(s: Session) -> tuple[str | None, str | None, str | None]:
        return (state.get(s, state.SERVER_URL), state.get(s, state.TOKEN),
                state.get(s, state.FINGERPRINT))
    url, token, fp = ctx.read(read)
    if not url or not token:
        raise SyncError("sync.not_enrolled", retry=False)
    return _client(url, token, fp, transport)


# --------------------------------------------------------------------------------------------
# Sync
# --------------------------------------------------------------------------------------------
def sync_now(ctx: AppContext, *, transport: TransportFactory = None,
             progress: Callable[[str, int], None] | None = None) -> SyncReport:
    """Push, pull, check. Raises SyncError (with a message code) when the server cannot be
    reached or refuses; nothing local is lost either way and the next sync resumes."""
    attempt = utcnow().isoformat()
    client = client_for(ctx, transport)
    try:
        engine = SyncEngine(ctx, client, progress=progress)
        try:
            report = engine.run()
        except RevokedError as exc:
            _revoked(ctx, engine, exc.stolen)
            raise
        except SyncError as exc:
            _remember(ctx, attempt, ok=False, error=exc.code)
            raise
        if client.revoked_seen:
            _revoked(ctx, engine, stolen=False)
            raise RevokedError(stolen=False)
        _remember(ctx, attempt, ok=True, error=None, report=report)
        _fetch_missing_blobs(ctx, client)
        _refresh_members(ctx, client)
        return report
    finally:
        client.close()


def _refresh_members(ctx: AppContext, client: SyncClient) -> None:
    """The team's users (responsible case managers are chosen among them) and this user's role
    (a role changed on the server reaches the Audit page at the next unlock); best effort."""
    try:
        status = client.device_status()
    except SyncError:
        return

    def run(uow: UnitOfWork) -> None:
        account = dict(state.get(uow.session, state.ACCOUNT, {}))
        if status.username:
            account["username"] = status.username
        account["members"] = status.members
        if status.role:  # a server older than roles says none: the enrolment's stays
            account["role"] = status.role
        state.put(uow.session, state.ACCOUNT, account)
    try:
        ctx.write(run)
    except VaultError as exc:
        # the sync itself succeeded: a vault locked meanwhile (auto-lock) or a full disk only
        # delays the team list and the role to the next sync
        log.warning("sync: team members not refreshed (%s)", exc.code)


def _remember(ctx: AppContext, attempt: str, *, ok: bool, error: str | None,
              report: SyncReport | None = None) -> None:
    def run(uow: UnitOfWork) -> None:
        last = dict(state.get(uow.session, state.LAST_SYNC, {}))
        last.update(attempt_at=attempt, ok=ok, error=error)
        if ok:
            last["at"] = attempt
            if report is not None:
                last["report"] = report.as_dict()
        state.put(uow.session, state.LAST_SYNC, last)
    try:
        ctx.write(run)
    except Exception as exc:  # noqa: BLE001 - a full disk must not hide the real error
        log.warning("sync: last attempt not recorded (%s)", type(exc).__name__)


def _revoked(ctx: AppContext, engine: SyncEngine, stolen: bool) -> None:
    """A stolen device wipes at once; a revoked one first pushes what it can (the server still
    accepts its pushes), then wipes once nothing that could go up is left."""
    try:  # remembered so that the app says so at its next start, even offline
        ctx.write(lambda uow: state.put(uow.session, state.REVOKED, {"stolen": stolen}))
    except Exception as exc:  # noqa: BLE001 - the wipe below must happen all the same
        log.warning("sync: revocation not recorded (%s)", type(exc).__name__)
    if not stolen:
        report = SyncReport()
        with contextlib.suppress(SyncError):
            engine.push_all(report)
        waiting = ctx.read(count_pending)
        if waiting:
            return  # try again on the next sync
    wipe_vault(ctx)


def wipe_vault(ctx: AppContext) -> None:
    """Lock, then destroy the key envelope (without it the database cannot be decrypted) and
    remove the database files."""
    folder = ctx.vault.folder
    ctx.lock()
    envelope = folder / ENVELOPE_NAME
    with contextlib.suppress(OSError):
        size = max(envelope.stat().st_size, 4096)
        with open(envelope, "r+b") as fh:
            fh.write(secrets.token_bytes(size))
            fh.flush()
            os.fsync(fh.fileno())
    for name in (ENVELOPE_NAME, DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        with contextlib.suppress(OSError):
            (folder / name).unlink()


def _fetch_missing_blobs(ctx: AppContext, client: SyncClient) -> None:
    """Attachment bytes pulled lazily after the records; a failure waits for the next sync."""
    from desktop.storage.models import Attachment

    def missing(s: Session) -> list[str]:
        shas = set(s.scalars(select(Attachment.sha256).where(Attachment.deleted.is_(False))))
        have = set(s.scalars(select(Blob.sha256)))
        return sorted(shas - have)
    for sha in ctx.read(missing)[:200]:
        try:
            data = client.get_blob(sha)
        except SyncError:
            continue

        def store(uow: UnitOfWork, sha: str = sha, data: bytes = data) -> None:
            if uow.session.get(Blob, sha) is None:
                uow.session.add(Blob(sha256=sha, data=data, uploaded=True))
        ctx.write(store)


# --------------------------------------------------------------------------------------------
# Conflicts
# --------------------------------------------------------------------------------------------
def _patient_names(s: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = s.execute(select(Patient.id, Patient.family_name, Patient.given_name)
                     .where(Patient.id.in_(ids))).all()
    return {i: f"{f.upper()} {g}" for i, f, g in rows}


def list_conflicts(ctx: AppContext, *, include_resolved: bool = False) -> list[ConflictView]:
    def read(s: Session) -> list[ConflictView]:
        q = select(Conflict).order_by(Conflict.created_at, Conflict.id)
        if not include_resolved:
            q = q.where(Conflict.status == "open")
        rows = s.scalars(q).all()
        names = _patient_names(s, {r.patient_id for r in rows if r.patient_id})
        return [ConflictView(
            id=r.id, table=r.table_name, record_id=r.record_id, patient_id=r.patient_id,
            patient_name=names.get(r.patient_id or ""), field=r.field, base=r.base_value,
            mine=r.mine, theirs=r.theirs, server_version=r.server_version,
            created_at=r.created_at, status=r.status) for r in rows]
    return ctx.read(read)


CHOICES = ("mine", "theirs", "edit")


def _check_value(model: Any, name: str, value: Any, today: dt.date) -> Any:
    """A value typed by a person for a field: same checks as the field's own form where the
    domain has them (patients), else the column's type and length."""
    if model.__tablename__ == "patient":
        from desktop.domain.patient import PatientFields, validate_patient

        if name in PatientFields.__dataclass_fields__:
            clean = validate_patient(PatientFields(**{name: value}), today, partial=True)
            return to_wire(clean.get(name, value))
    col = model.__table__.columns[name]
    if value is None or value == "":
        if not col.nullable:
            raise ValidationError("text.required", name)
        return None
    kind = col.type
    try:
        if isinstance(kind, SaBoolean):
            if not isinstance(value, bool):
                raise ValueError
        elif isinstance(kind, Integer):
            value = int(value)
        elif isinstance(kind, DateTime):
            value = dt.datetime.fromisoformat(str(value)).isoformat()
        elif isinstance(kind, Date):
            value = dt.date.fromisoformat(str(value)).isoformat()
        elif isinstance(kind, String | Text):
            from desktop.domain.text import clean_text

            limit = getattr(kind, "length", None) or 100_000
            value = clean_text(str(value), name, max_len=limit)
    except ValueError as exc:
        raise ValidationError("sync.value_invalid", name) from exc
    return value


def resolve_conflict(ctx: AppContext, conflict_id: str, choice: str, value: Any = None) -> None:
    """Settle a conflict: keep mine, take theirs, or a new value. The choice goes up as a
    normal op (kind "resolve") and is audited (choice and field, never the values)."""
    if not is_uuid(conflict_id):
        raise ValidationError("id.invalid", "conflict")
    if choice not in CHOICES:
        raise ValidationError("sync.choice_invalid", "choice")

    def run(uow: UnitOfWork) -> None:
        s = uow.session
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound("sync.conflict_not_found", "conflict")
        if c.status != "open":
            raise RuleViolation("sync.conflict_closed", "conflict")
        model = SYNCED_MODELS.get(c.table_name)
        obj = s.get(model, c.record_id) if model is not None else None
        if model is None or obj is None:
            raise NotFound("record.not_found", "conflict")
        if c.field == RECORD:
            chosen = _resolve_record(uow, c, obj, choice)
        else:
            chosen = _resolve_field(uow, c, model, obj, choice, value)
        c.status = "resolved"
        c.resolution = {"value": chosen, "choice": choice}
        uow.audit("resolve_conflict", table=c.table_name, record_id=c.record_id,
                  patient_id=c.patient_id, conflict_id=c.id, field=c.field, choice=choice)
    ctx.write(run)


def _queue_resolve(uow: UnitOfWork, c: Conflict, fields: dict[str, Any],
                   base: dict[str, int]) -> None:
    check_fields(fields)  # a typed resolution the server would refuse is refused here
    uow.session.add(OutboxOp(
        op_id=uuid7(), table_name=c.table_name, record_id=c.record_id, patient_id=c.patient_id,
        kind="resolve", fields={"_conflict_id": c.id, **fields}, base_versions=base,
        hlc=uow.tick(), created_at=utcnow(), state="pending", attempts=0))


def _resolve_field(uow: UnitOfWork, c: Conflict, model: Any, obj: Any, choice: str,
                   value: Any) -> Any:
    if choice == "mine":
        chosen = c.mine
    elif choice == "theirs":
        chosen = c.theirs
    else:
        chosen = _check_value(model, c.field, value, uow.ctx.today())
    base = max(int(c.server_version), uow.base_versions(c.table_name, c.record_id, [c.field],
                                                        int(obj.server_version or 0))[c.field])
    old = getattr(obj, c.field)
    new = from_wire(model, c.field, chosen)
    _queue_resolve(uow, c, {c.field: chosen}, {c.field: base})
    if to_wire(old) != chosen:
        setattr(obj, c.field, new)
        obj.updated_hlc = uow.ctx.clock.last
        record_changes(uow.session, table=c.table_name, record_id=c.record_id,
                       patient_id=c.patient_id, changed={c.field: (old, new)}, at=utcnow(),
                       actor=uow.ctx.user_name, device_id=uow.ctx.device_id)
        uow.reindex(obj)
    return chosen


def _resolve_record(uow: UnitOfWork, c: Conflict, obj: Any, choice: str) -> Any:
    """Delete against edit: resolve with no fields, then the choice as a delete or restore."""
    if choice == "edit":
        raise ValidationError("sync.choice_invalid", "choice")
    _queue_resolve(uow, c, {}, {})
    chosen = c.theirs if choice == "theirs" else c.mine
    want_deleted = bool(chosen.get("deleted")) if isinstance(chosen, dict) else bool(obj.deleted)
    if want_deleted and not obj.deleted:
        uow.delete(obj)
    elif not want_deleted and obj.deleted:
        uow.restore(obj)
        if choice == "mine" and isinstance(c.mine, dict):
            model = type(obj)
            allowed = set(synced_fields(model))
            values = {k: from_wire(model, k, v) for k, v in (c.mine.get("fields") or {}).items()
                      if k in allowed}
            if values:
                uow.update(obj, values)
    return chosen  # the search index followed: delete, restore and update keep it


# --------------------------------------------------------------------------------------------
# Needs attention (rejected ops)
# --------------------------------------------------------------------------------------------
def needs_attention(ctx: AppContext) -> list[AttentionItem]:
    def read(s: Session) -> list[AttentionItem]:
        rows = s.scalars(select(OutboxOp).where(OutboxOp.state == "rejected")
                         .order_by(OutboxOp.seq)).all()
        names = _patient_names(s, {r.patient_id for r in rows if r.patient_id})
        return [AttentionItem(
            op_id=r.op_id, table=r.table_name, record_id=r.record_id, patient_id=r.patient_id,
            patient_name=names.get(r.patient_id or ""), kind=r.kind,
            fields=sorted(k for k in (r.fields or {}) if not k.startswith("_")),
            reason=str((r.result or {}).get("reason") or "sync.rejected"),
            created_at=r.created_at) for r in rows]
    return ctx.read(read)


def _rejected(s: Session, op_id: str) -> OutboxOp:
    if not is_uuid(op_id):
        raise ValidationError("id.invalid", "op")
    row = s.scalars(select(OutboxOp).where(OutboxOp.op_id == op_id)).first()
    if row is None:
        raise NotFound("sync.op_not_found", "op")
    if row.state != "rejected":
        raise RuleViolation("sync.op_not_rejected", "op")
    return row


def retry_op(ctx: AppContext, op_id: str) -> None:
    """Send a rejected change again (e.g. after an administrator fixed a team membership). The
    server evaluates it afresh; its values are put back locally if a pull replaced them."""
    def run(uow: UnitOfWork) -> None:
        row = _rejected(uow.session, op_id)
        model = SYNCED_MODELS.get(row.table_name)
        obj = uow.session.get(model, row.record_id) if model is not None else None
        if obj is not None and row.kind in ("upsert", "restore"):
            for name, value in (row.fields or {}).items():
                if name in obj.__table__.columns and not name.startswith("_") \
                        and name != "created_at":
                    setattr(obj, name, from_wire(model, name, value))  # type: ignore[arg-type]
        row.state = "pending"
        uow.audit("sync_retry", table=row.table_name, record_id=row.record_id,
                  patient_id=row.patient_id)
    ctx.write(run)


def discard_op(ctx: AppContext, op_id: str) -> None:
    """A person drops a rejected change: it is undone here (the previous value comes back from
    the edit history) and will not be sent. The decision is audited."""
    def run(uow: UnitOfWork) -> None:
        s = uow.session
        row = _rejected(s, op_id)
        row.state = "discarded"
        model = SYNCED_MODELS.get(row.table_name)
        obj: Any = s.get(model, row.record_id) if model is not None else None
        if obj is not None and model is not None:
            later = pending_map(s).get((row.table_name, row.record_id), set())
            if row.kind == "append" or (row.kind == "upsert" and not row.base_versions):
                obj.deleted = True  # never accepted by the server: gone here too (no op)
            elif row.kind == "delete" and RECORD not in later:
                obj.deleted = False
            elif row.kind == "restore" and RECORD not in later:
                obj.deleted = True
            elif row.kind in ("upsert", "resolve"):
                _undo_fields(s, row, model, obj, later)
            uow.reindex(obj)
        uow.audit("sync_discard", table=row.table_name, record_id=row.record_id,
                  patient_id=row.patient_id)
    ctx.write(run)


def _undo_fields(s: Session, row: OutboxOp, model: Any, obj: Any, later: set[str]) -> None:
    for name, value in (row.fields or {}).items():
        if name.startswith("_") or name in later or to_wire(getattr(obj, name)) != value:
            continue
        change = s.scalars(select(FieldChange).where(
            FieldChange.table_name == row.table_name, FieldChange.record_id == row.record_id,
            FieldChange.field == name).order_by(FieldChange.seq.desc())).first()
        if change is not None and change.new_value == value:
            setattr(obj, name, from_wire(model, name, change.old_value))


def is_append_only_table(table: str) -> bool:
    return is_append_only(table)
