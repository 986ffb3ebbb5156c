"""The server's tables: organisation → teams → users → devices, generic synced records, the
change bookkeeping (counter, conflicts, purges), idempotency, blobs and the request audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.functions import FunctionElement

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = JSON().with_variant(JSONB(), "postgresql")
# PostgreSQL `json`: the text as written (compact_json), smaller than JSONB for small documents
# and read back as stored; for columns no query looks into, or only into a small document
JsonText = JSON()
# 64-bit on PostgreSQL; plain INTEGER on SQLite (already 64-bit, and the rowid alias for keys)
Seq = Integer().with_variant(BigInteger(), "postgresql")


class UuidKey(TypeDecorator[str]):
    """A key that is usually a UUID (op ids, device ids), stored as its 16 bytes when it is a
    canonical one (lower-case, hyphenated, as laptops and this server make them) instead of 36
    characters. Any other text: on SQLite the text; on PostgreSQL (bytea) its UTF-8 bytes, with
    a 0xFF byte after them (never part of UTF-8) when they are 16 bytes long, so 16 bytes always
    mean a UUID. Read back as the same text."""

    impl = String
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(LargeBinary())
        return dialect.type_descriptor(self.impl_instance)

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        key = uuid_bytes(value)
        if key is not None or dialect.name != "postgresql":
            return key if key is not None else value
        raw = value.encode()
        return raw + b"\xff" if len(raw) == 16 else raw

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if isinstance(value, memoryview):
            value = bytes(value)
        if not isinstance(value, bytes):
            return value  # type: ignore[no-any-return]
        if len(value) == 16:  # str(uuid.UUID(bytes=value)), in a quarter of the time
            h = value.hex()
            return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        return value.removesuffix(b"\xff").decode()


def pg_key(length: int) -> Any:
    """A record's key column (its id, its team): text on SQLite, UuidKey on PostgreSQL."""
    return String(length).with_variant(UuidKey(length), "postgresql")


class key_of(FunctionElement[Any]):  # noqa: N801 (an SQL function)
    """SQL: a text id as a pg_key column stores it (for comparing one with another column)."""

    inherit_cache = True
    name = "key_of"


class text_of(FunctionElement[Any]):  # noqa: N801
    """SQL: a pg_key column's value as the text id (the inverse of key_of)."""

    inherit_cache = True
    name = "text_of"


@compiles(key_of)
@compiles(text_of)
def _same(element: Any, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(key_of, "postgresql")
def _key_of(element: Any, compiler: Any, **kw: Any) -> str:
    x = compiler.process(element.clauses, **kw)
    return (f"(CASE WHEN {x} ~ '{CANONICAL_UUID}' THEN decode(replace({x}, '-', ''), 'hex') "
            f"WHEN octet_length({x}) = 16 THEN convert_to({x}, 'UTF8') || '\\xff'::bytea "
            f"ELSE convert_to({x}, 'UTF8') END)")


@compiles(text_of, "postgresql")
def _text_of(element: Any, compiler: Any, **kw: Any) -> str:
    x = compiler.process(element.clauses, **kw)
    return (f"(CASE WHEN length({x}) = 16 THEN encode({x}, 'hex')::uuid::text "
            f"WHEN length({x}) = 0 THEN '' WHEN get_byte({x}, length({x}) - 1) = 255 "
            f"THEN convert_from(substring({x} FROM 1 FOR length({x}) - 1), 'UTF8') "
            f"ELSE convert_from({x}, 'UTF8') END)")


CANONICAL_UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def uuid_bytes(value: str) -> bytes | None:
    """The 16 bytes of a canonical UUID's text; None for any other text."""
    if len(value) != 36 or value[8] != "-" or value[13] != "-" or value[18] != "-" \
            or value[23] != "-":
        return None
    digits = value.replace("-", "")
    try:
        raw = bytes.fromhex(digits)
    except ValueError:
        return None
    # lower-case hex digits only (fromhex also takes upper case and spaces)
    return raw if len(raw) == 16 and raw.hex() == digits else None


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: Json, list[Any]: Json, Any: Json}


class Organisation(Base):
    __tablename__ = "organisation"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Team(Base):
    __tablename__ = "team"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"))
    username: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    display_name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # case_manager | coordinator | administrator (server/roles.py)
    role: Mapped[str] = mapped_column(String(20), default="case_manager",
                                      server_default="case_manager")


class Membership(Base):
    __tablename__ = "membership"
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("team.id"), primary_key=True)


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the opaque token
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    stolen: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # progress: the highest cursor the device asked to pull from (it has applied everything ≤)
    cursor: Mapped[int] = mapped_column(Seq, default=0)
    # teams of the user at the device's last pull from 0 / snapshot; None until then
    scope: Mapped[list[Any] | None] = mapped_column(Json)


class Counter(Base):
    """One row per counter; "seq" orders every change. Locked first by each push."""

    __tablename__ = "seq_counter"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Seq, default=0)


class ServerState(Base):
    __tablename__ = "server_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(Json, nullable=True)


class Record(Base):
    """Any synced record of any device table, kept generically as wire JSON."""

    __tablename__ = "record"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    # on PostgreSQL UuidKey's bytes: about 20 bytes less a record in the row, as many in the
    # primary key (compare with another table's id through key_of / text_of)
    record_id: Mapped[str] = mapped_column(pg_key(64), primary_key=True)
    team_id: Mapped[str] = mapped_column(pg_key(36))
    patient_id: Mapped[str | None] = mapped_column(String(64), index=True)
    # `json` on PostgreSQL: a page passes the text through; its references are read in one parse
    # (server/pull.py page_select)
    fields: Mapped[dict[str, Any]] = mapped_column(JsonText, default=dict)
    # per field: the version, HLC and device of its last write, kept compact (compact_meta):
    # {"d": [version, hlc, device]} for most fields, "x": {field: [...]} for the others; an
    # HLC of 0 is the record's own (`hlc`)
    meta: Mapped[dict[str, Any]] = mapped_column(JsonText, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_by: Mapped[str | None] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Seq)  # the record version: seq of its last change
    hlc: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_record_team_seq", "team_id", "seq"),)

    @property
    def field_versions(self) -> dict[str, int]:
        return self._expanded()[0]

    @property
    def field_hlcs(self) -> dict[str, str]:
        return self._expanded()[1]

    @property
    def field_writers(self) -> dict[str, str]:
        return self._expanded()[2]

    def set_field_meta(self, versions: dict[str, int], hlcs: dict[str, Any],
                       writers: dict[str, Any]) -> None:
        """Set `hlc` first: the fields written with the record's HLC name it as 0."""
        self.meta = compact_meta(versions, hlcs, writers, record_hlc=self.hlc)

    def _expanded(self) -> tuple[dict[str, int], dict[str, Any], dict[str, Any]]:
        cache = self.__dict__.get("_meta_cache")
        meta, hlc = self.meta, self.hlc
        if cache is None or cache[0] is not meta or cache[1] != hlc:
            cache = (meta, hlc, expand_meta(self.fields or {}, meta, record_hlc=hlc))
            self.__dict__["_meta_cache"] = cache
        return cache[2]


def of_kind(*tables: str) -> Any:
    """`record.table_name IN tables`, for a query keyed by patient: the kind compared as an
    expression (`|| ''`) so that no planner walks the primary key's `table_name` prefix, every
    record of that kind in the store, instead of the patient's index (SQLite without
    statistics did, in each push: tests/server/test_query_plans.py)."""
    kind = Record.table_name.concat("")
    return kind == tables[0] if len(tables) == 1 else kind.in_(tables)


def compact_meta(versions: dict[str, int], hlcs: dict[str, Any], writers: dict[str, Any],
                 *, record_hlc: str | None = None) -> dict[str, Any]:
    """Per-field (version, HLC, device) stored once for the fields that share the most common
    one ("d"), and per field for the others ("x"): a record created in one op and edited
    field by field keeps a few bytes of bookkeeping instead of three dicts of every field.
    An HLC equal to `record_hlc` (the record's `hlc` column) is written 0: most records hold
    it once instead of twice."""
    triples = {k: [int(v), hlcs.get(k), writers.get(k)] for k, v in versions.items()}
    if not triples:
        return {}
    counts: dict[tuple[Any, ...], int] = {}
    for triple in triples.values():
        key = tuple(triple)
        counts[key] = counts.get(key, 0) + 1
    common = list(max(counts.items(), key=lambda item: item[1])[0])
    others = {k: t for k, t in triples.items() if t != common}
    if record_hlc is not None:
        for t in [common, *others.values()]:
            if t[1] == record_hlc:
                t[1] = 0
    meta: dict[str, Any] = {"d": common}
    if others:
        meta["x"] = others
    return meta


def expand_meta(fields: dict[str, Any], meta: dict[str, Any] | None,
                record_hlc: str | None = None
                ) -> tuple[dict[str, int], dict[str, Any], dict[str, Any]]:
    """(versions, hlcs, writers) of every field of `fields` from compact_meta's form; an HLC
    written 0 is `record_hlc` (left 0 without it: server/pull.py reads no HLC)."""
    meta = meta or {}
    common = meta.get("d")
    others = meta.get("x") or {}
    versions: dict[str, int] = {}
    hlcs: dict[str, Any] = {}
    writers: dict[str, Any] = {}
    for name in {**fields, **others}:
        t = others.get(name, common)
        if t is None:
            continue
        hlc = t[1]
        if record_hlc is not None and hlc == 0 and not isinstance(hlc, bool):
            hlc = record_hlc
        versions[name], hlcs[name], writers[name] = int(t[0]), hlc, t[2]
    return versions, hlcs, writers


class Conflict(Base):
    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    patient_id: Mapped[str | None] = mapped_column(String(64), index=True)
    team_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(80))
    base_value: Mapped[Any] = mapped_column(Json, nullable=True)
    mine: Mapped[Any] = mapped_column(Json, nullable=True)
    theirs: Mapped[Any] = mapped_column(Json, nullable=True)
    server_version: Mapped[int] = mapped_column(Seq)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | resolved
    resolution: Mapped[Any] = mapped_column(Json, nullable=True)
    device_id: Mapped[str] = mapped_column(String(36))  # whose op lost the race
    seq: Mapped[int] = mapped_column(Seq)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_conflict_team_seq", "team_id", "seq"),)


class PurgeEvent(Base):
    """Tells a team's devices to drop a patient (consent withdrawn, erased, moved away)."""

    __tablename__ = "purge_event"
    id: Mapped[int] = mapped_column(Seq, primary_key=True, autoincrement=True)
    patient_id: Mapped[str] = mapped_column(String(64))
    team_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(30))
    seq: Mapped[int] = mapped_column(Seq)
    at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_purge_event_team_seq", "team_id", "seq"),)


class PurgedPatient(Base):
    """A patient whose records the server dropped and must refuse (kept: holds no patient data)."""

    __tablename__ = "purged_patient"
    patient_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(30))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The patient's team-sharing consent events ({record_id, fields}), kept when consent was
    # withdrawn: later decisions are weighed against them (an older grant pushed late must not
    # share the patient again) and devices that keep the patient receive them with the purge.
    consents: Mapped[list[dict[str, Any]] | None] = mapped_column(Json, nullable=True)


class AppliedOp(Base):
    """Idempotency: the result of every op that took effect (or was a noop or a conflict), as
    server/push.py's stored_result keeps it (a plain creation: its seq alone). One row per op
    of every device: kept small. Looked up by op id only; on SQLite the key is the row (WITHOUT
    ROWID: no second b-tree of op ids) and the ids are 16 bytes (UuidKey)."""

    __tablename__ = "applied_op"
    op_id: Mapped[str] = mapped_column(UuidKey(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(UuidKey(36))  # a replay by another device is refused
    result: Mapped[Any] = mapped_column(JsonText)

    __table_args__ = {"sqlite_with_rowid": False}


class BlobRow(Base):
    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class BlobUpload(Base):
    """Who proved they hold a blob's bytes by uploading them. A file is readable only through an
    attachment record whose sha256 was written by one of these users (server/blobs.py): quoting
    a sha256 one never held gives nothing."""

    __tablename__ = "blob_upload"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class LoginFailure(Base):
    __tablename__ = "login_failure"
    id: Mapped[int] = mapped_column(Seq, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(300), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class RequestLog(Base):
    """Every request: who, what endpoint, outcome. Never bodies or query values."""

    __tablename__ = "request_log"
    id: Mapped[int] = mapped_column(Seq, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    device_id: Mapped[str | None] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(200))
    status: Mapped[int] = mapped_column(Integer)
    client: Mapped[str | None] = mapped_column(String(100))
    detail: Mapped[str | None] = mapped_column(Text)


class WebSession(Base):
    """A signed-in browser of the dashboard (/dashboard): the cookie holds a random token, the
    database only its sha256."""

    __tablename__ = "web_session"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))  # the forms' token (sign-out)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class PatientAccess(Base):
    """Who may see a patient (desktop/domain/sharing.py): its level, derived from the consent
    log, and the user who first recorded it (responsible when no case names anyone). The
    records themselves are always kept; pulls leave out those a user may not see."""

    __tablename__ = "patient_access"
    patient_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(36), index=True)
    level: Mapped[str] = mapped_column(String(20))  # team | responsible | erased
    owner: Mapped[str | None] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class PatientResponsible(Base):
    """The responsible case managers (user names) of a patient, from its cases."""

    __tablename__ = "patient_responsible"
    patient_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(200), primary_key=True)


class PurgeKeep(Base):
    """Users whose laptops keep the patient when a narrowing purge is pulled (the responsible
    case managers at that moment)."""

    __tablename__ = "purge_keep"
    purge_id: Mapped[int] = mapped_column(ForeignKey("purge_event.id", ondelete="CASCADE"),
                                          primary_key=True)
    username: Mapped[str] = mapped_column(String(200), primary_key=True)
