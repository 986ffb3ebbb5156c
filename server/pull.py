"""Pull, snapshot and checksum in the caller's scope; tombstone collection (docs/SYNC.md 6).

A page reads the committed head first and then only rows with seq ≤ head: every such row was
committed with the head (pushes hold the counter lock until commit), so a page never has a gap.
A row rewritten later moves to a higher seq and shows up on a later page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    Select,
    Text,
    bindparam,
    case,
    cast,
    column,
    delete,
    exists,
    func,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session, aliased

from desktop.sync.protocol import REFERENCES, Change, ChecksumResponse, PullResponse
from server import sharing
from server.auth import ApiError, Caller, utcnow
from server.config import ServerSettings
from server.merge import conflict_info
from server.models import (
    Conflict,
    Counter,
    Device,
    PurgedPatient,
    PurgeEvent,
    Record,
    ServerState,
    User,
    expand_meta,
    key_of,
    text_of,
)
from server.push_context import SeqAllocator


def visible(column: Any, user: Any) -> Any:
    """The row has no patient, or one the user (a name or a bind parameter) may see. Checked
    row by row through the patient's access row (primary key), so a page costs the same
    whatever the team's size."""
    return or_(column.is_(None), ~sharing.hidden_patient(column, user))


# the committed head and the tombstone horizon, as subqueries (a pull's first statement and
# the push answer's cursor read them with other things)
HEAD = select(Counter.value).where(Counter.name == "seq").scalar_subquery()
HORIZON = select(ServerState.value).where(ServerState.key == "horizon").scalar_subquery()


def head(session: Session) -> int:
    return int(session.scalar(select(HEAD)) or 0)


def horizon(session: Session) -> int:
    row = session.get(ServerState, "horizon")
    return int(row.value) if row is not None and row.value is not None else 0


@dataclass(slots=True)
class PullStart:
    """What a pull reads before its page, in one statement: the head and the horizon, and
    whether the caller's teams have any conflict or purge after the cursor (most pulls: none,
    and their two queries are skipped)."""

    top: int
    low: int
    conflicts: bool
    purges: bool


@cache
def _start_query(dialect: str, fast_commit: bool) -> Select[Any]:
    teams = bindparam("teams", expanding=True, type_=Conflict.team_id.type)
    after = bindparam("cursor", type_=BigInteger)
    # the first row found answers (LIMIT 1, not EXISTS: PostgreSQL's plan then shows the
    # index range stopped, as tests/server/test_query_plans.py asks of every range)
    columns: list[Any] = [
        HEAD, HORIZON,
        *(select(literal(1)).where(model.team_id.in_(teams), model.seq > after)
          .limit(1).scalar_subquery() for model in (Conflict, PurgeEvent))]
    if fast_commit and dialect == "postgresql":
        # SET LOCAL in this statement rather than one of its own: the pull writes only its
        # progress, whose commit need not wait for the disk (see _note_progress)
        columns.append(func.set_config("synchronous_commit", "off", true()))
    return select(*columns)


def pull_start(session: Session, teams: tuple[str, ...], cursor: int, *,
               fast_commit: bool) -> PullStart:
    row = session.execute(_start_query(session.get_bind().dialect.name, fast_commit),
                          {"teams": list(teams), "cursor": cursor}).one()
    return PullStart(int(row[0] or 0), int(row[1]) if row[1] is not None else 0,
                     row[2] is not None, row[3] is not None)


# what a page reads, through the driver (no ORM rows): the fields and per-field metadata as their
# stored JSON text, the fields passed through to the answer without being decoded and encoded
# again; the version and device most fields share, and the references (prerequisites), read by
# the database
PAGE_COLUMNS = (Record.seq, Record.table_name, Record.record_id, Record.patient_id,
                Record.team_id, Record.deleted, Record.hlc,
                cast(Record.meta, Text).label("meta_json"),
                cast(Record.meta[("d", 0)].as_string(), BigInteger).label("d_version"),
                Record.meta[("d", 2)].as_string().label("d_device"),
                cast(Record.fields, Text).label("fields_json"),
                *(Record.fields[name].as_string().label(f"ref_{name}") for name in REFERENCES))
_FIRST_REF = len(PAGE_COLUMNS) - len(REFERENCES)
_REF_TABLES = tuple(REFERENCES.values())
_string = json.encoder.encode_basestring  # C; non-ASCII kept as is (the body is UTF-8)
# PostgreSQL keeps `fields` as `json` text: `->>` would parse it once per reference; this reads
# them all in one parse (a non-object reads as no references)
_PG_REFS = (func.json_to_record(case((func.json_typeof(Record.fields) == "object", Record.fields)))
            .table_valued(*(column(name, Text) for name in REFERENCES))
            .render_derived(name="refs", with_types=True).lateral())
_PG_PAGE = (select(*PAGE_COLUMNS[:_FIRST_REF],
                   *(_PG_REFS.c[name].label(f"ref_{name}") for name in REFERENCES))
            .select_from(Record).outerjoin(_PG_REFS, true()))


def page_select(dialect: str) -> Select[Any]:
    """SELECT PAGE_COLUMNS FROM record, in the database's way (by its dialect's name)."""
    return _PG_PAGE if dialect == "postgresql" else select(*PAGE_COLUMNS)


# The statements a page runs, built once with their values as bind parameters: building one
# and computing its cache key took about as long as running it (250 µs a statement)
_TEAM = bindparam("team", type_=Record.team_id.type)
_TEAM_TEXT = bindparam("team", type_=Conflict.team_id.type)  # conflicts, purges: as text
_AFTER = bindparam("cursor", type_=BigInteger)
_TOP = bindparam("top", type_=BigInteger)
_USER = bindparam("user", type_=Text)
_WINDOW = bindparam("window", type_=Integer)


@cache
def _team_records(dialect: str) -> Select[Any]:
    return (page_select(dialect).where(Record.team_id == _TEAM, Record.seq > _AFTER,
                                        Record.seq <= _TOP, visible(Record.patient_id, _USER))
            .order_by(Record.seq).limit(_WINDOW))


_TEAM_CONFLICTS = (select(Conflict).where(Conflict.team_id == _TEAM_TEXT, Conflict.seq > _AFTER,
                                          Conflict.seq <= _TOP,
                                          visible(Conflict.patient_id, _USER))
                   .order_by(Conflict.seq).limit(_WINDOW))


@cache
def _team_purges(snapshot: bool) -> Select[Any]:
    return (purge_query(_TEAM_TEXT, _AFTER, _TOP, _USER, snapshot=snapshot,
                        teams=bindparam("teams", expanding=True, type_=Record.team_id.type))
            .order_by(PurgeEvent.seq).limit(_WINDOW))


@cache
def _records_by_id(dialect: str) -> Select[Any]:
    return page_select(dialect).where(
        Record.table_name == bindparam("table", type_=Text),
        Record.record_id.in_(bindparam("ids", expanding=True, type_=Record.record_id.type)),
        visible(Record.patient_id, _USER))


_NAMES = (select(Device.id, User.display_name).join(User, User.id == Device.user_id)
          .where(Device.id.in_(bindparam("devices", expanding=True, type_=Device.id.type))))


@dataclass(slots=True)
class Entry:
    """One change of a page, already as JSON. `key`: (table, record id) of a record change;
    `refs`: the records it references (REFERENCES)."""

    seq: int
    text: str
    key: tuple[str, str] | None = None
    refs: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class Page:
    entries: list[Entry]
    next_cursor: int
    has_more: bool
    server_time: str

    def json(self) -> bytes:
        """The PullResponse as JSON (docs/SYNC.md 1)."""
        return (f'{{"changes":[{",".join(e.text for e in self.entries)}],'
                f'"next_cursor":{self.next_cursor},'
                f'"has_more":{"true" if self.has_more else "false"},'
                f'"server_time":{_string(self.server_time)}}}').encode()

    def model(self) -> PullResponse:
        return PullResponse.model_validate_json(self.json())


def _several_writes(meta_json: str | None) -> bool:
    """The record has fields written by other ops than most ("x", compact_meta). May say yes
    wrongly (a value spelled "x"): such a record goes the general way, as correct."""
    return meta_json is not None and '"x"' in meta_json


def page_authors(session: Session, rows: list[Any]) -> dict[str, str]:
    """Display name of the user of each device that wrote a field of these rows."""
    devices = {r.d_device for r in rows if r.d_device}
    for r in rows:
        if _several_writes(r.meta_json):
            devices.update(str(d) for d in _writers(json.loads(r.meta_json)) if d)
    return _display_names(session, devices)


def record_entry(row: Any, names: dict[str, str], *, compact: bool) -> Entry:
    """`row`: of PAGE_COLUMNS. A record written in one op (most) is written out around its
    stored fields; the others (and the full form) go through `record_change`."""
    seq, table, record_id, patient_id, _team, deleted, hlc, meta_json, d_version, d_device, \
        fields = row[:_FIRST_REF]
    refs = tuple((t, v) for t, v in zip(_REF_TABLES, row[_FIRST_REF:], strict=True)
                 if v and not (t == table and v == record_id))
    if compact and d_version == seq and not _several_writes(meta_json):
        author = names.get(d_device) if names and d_device is not None else None
        text = (f'{{"seq":{seq},"table":{_string(table)},"record_id":{_string(record_id)}'
                + (f',"patient_id":{_string(patient_id)}' if patient_id is not None else "")
                + (',"kind":"delete"' if deleted else ',"kind":"upsert"')
                + (f',"fields":{fields}' if fields and fields not in ("{}", "null") else "")
                + f',"record_version":{seq}'
                + (',"deleted":true' if deleted else "")
                + (f',"hlc":{_string(hlc)}' if hlc is not None else "")
                + (f',"author":{_string(author)}' if author is not None else "")
                + "}")
    else:
        change = _change(row, (json.loads(fields) if fields else None) or {},
                         (json.loads(meta_json) if meta_json else None) or {}, names,
                         compact=compact)
        text = change.model_dump_json(exclude_defaults=compact)
    return Entry(seq, text, (table, record_id), refs)


def record_change(rec: Any, names: dict[str, str] | None = None, *,
                  compact: bool = False) -> Change:
    """`rec`: a Record (tests check `record_entry` against this reading). `names`: display
    name per device id (authors_of), for the fields' authors. Built without validation: the
    values come from the server's own store. `compact`: versions and authors only where they
    differ from the record's (desktop/sync/protocol.py)."""
    return _change(rec, rec.fields or {}, rec.meta or {}, names, compact=compact)


def _change(rec: Any, fields: dict[str, Any], meta: dict[str, Any],
            names: dict[str, str] | None, *, compact: bool) -> Change:
    common = meta.get("d")
    author = names.get(str(common[2])) if compact and names and common else None
    versions: dict[str, int]
    authors: dict[str, str]
    if compact and "x" not in meta and common and common[0] == rec.seq:
        versions, authors = {}, {}  # written in one op (most records): nothing differs
    else:
        versions, _hlcs, writers = expand_meta(fields, meta)
        authors = {k: names[str(d)] for k, d in writers.items()
                   if names and str(d) in names and k in fields}
        if compact:
            versions = {k: v for k, v in versions.items() if v != rec.seq}
            authors = {k: n for k, n in authors.items() if n != author}
    return Change.model_construct(
        seq=rec.seq, table=rec.table_name, record_id=rec.record_id, patient_id=rec.patient_id,
        kind="delete" if rec.deleted else "upsert", fields=fields,
        field_versions=versions,
        record_version=rec.seq, deleted=bool(rec.deleted), hlc=rec.hlc, authors=authors,
        author=author, conflict=None, reason=None, consents=[],
    )


def authors_of(session: Session, records: Any) -> dict[str, str]:
    """Display name of the user of each device that wrote a field of these records."""
    return _display_names(session, {str(d) for r in records for d in _writers(r.meta) if d})


# Display name of the user of a device, as pulls tell who wrote a change: a device's user and
# a user's display name never change (server/admin.py has no rename), so each process keeps
# the names it read (most pulls then ask the database nothing for them); an hour at most, for
# a name corrected straight in the database. Bounded: cleared when full.
NAMES_KEPT = 10_000
NAMES_SECONDS = 3600.0
_names: dict[str, tuple[str | None, float]] = {}


def _display_names(session: Session, devices: set[str]) -> dict[str, str]:
    now = time.monotonic()
    out: dict[str, str] = {}
    missing: list[str] = []
    for device in devices:
        kept = _names.get(device)
        if kept is None or kept[1] < now:
            missing.append(device)
        elif kept[0]:
            out[device] = kept[0]
    if missing:
        found = {str(i): str(n) for i, n in session.execute(
            _NAMES, {"devices": sorted(missing)}) if n}
        if len(_names) + len(missing) > NAMES_KEPT:
            _names.clear()
        for device in missing:
            _names[device] = (found.get(device), now + NAMES_SECONDS)
        out.update(found)
    return out


def _writers(meta: dict[str, Any] | None) -> list[Any]:
    meta = meta or {}
    return [t[2] for t in [meta.get("d"), *(meta.get("x") or {}).values()] if t]


def conflict_change(row: Conflict) -> Change:
    return Change(
        seq=row.seq, table=row.table_name, record_id=row.record_id, patient_id=row.patient_id,
        kind="conflict" if row.status == "open" else "conflict_resolved",
        conflict=conflict_info(row),
    )


def purge_change(row: PurgeEvent, consents: list[dict[str, Any]] | None = None) -> Change:
    return Change(seq=row.seq, table="patient", record_id=row.patient_id,
                  patient_id=row.patient_id, kind="purge", reason=row.reason,
                  consents=consents or [])


def changes_page(session: Session, teams: tuple[str, ...], cursor: int,
                 limit: int, *, snapshot: bool = False, user: str = "",
                 compact: bool = False) -> PullResponse:
    return page_of(session, teams, cursor, limit, snapshot=snapshot, user=user,
                   compact=compact).model()


def page_of(session: Session, teams: tuple[str, ...], cursor: int, limit: int, *,
            snapshot: bool = False, user: str = "", compact: bool = False,
            top: int | None = None, conflicts: bool = True, purges: bool = True) -> Page:
    """Changes in the caller's teams, leaving out the patients `user` may not see (shared
    with the responsible case managers only) and the purges those keep. `top`: the head, when
    the caller read it already (before this page's rows, as here). `conflicts`, `purges`:
    False when the caller knows the teams have none after the cursor (PullStart)."""
    top = head(session) if top is None else top
    now = utcnow().isoformat() + "Z"
    if not teams:
        return Page([], max(cursor, top), False, now)
    window = limit + 1
    found: list[Entry] = []
    dialect = session.get_bind().dialect.name
    params: dict[str, Any] = {"cursor": cursor, "top": top, "user": user, "window": window,
                              "teams": list(teams)}
    # one query per team, each reading its (team_id, seq) index from the cursor and stopping
    # after `window` rows; merged here. With several teams in one query, the database would
    # sort every row after the cursor to find the first ones.
    records: list[Any] = []
    conflict_rows: list[Conflict] = []
    purge_rows: list[PurgeEvent] = []
    for team in sorted(teams):
        params["team"] = team
        records.extend(session.connection().execute(_team_records(dialect), params))
        if conflicts:
            conflict_rows.extend(session.scalars(_TEAM_CONFLICTS, params).all())
        if purges:
            purge_rows.extend(session.scalars(_team_purges(snapshot), params).all())
    if len(teams) > 1 or conflict_rows or purge_rows:
        # only the first `window` of the merged changes are needed
        records.sort(key=lambda r: r.seq)
        del records[window:]
    names = page_authors(session, records)
    found.extend(record_entry(r, names, compact=compact) for r in records)
    found.extend(Entry(r.seq, conflict_change(r).model_dump_json(exclude_defaults=compact))
                 for r in conflict_rows)
    # while the patient stays purged, its purges carry the consent log the server weighs
    kept = {row.patient_id: row.consents for row in session.scalars(select(PurgedPatient).where(
        PurgedPatient.patient_id.in_({r.patient_id for r in purge_rows})))} \
        if purge_rows else {}
    found.extend(Entry(r.seq, purge_change(
        r, kept.get(r.patient_id) if r.reason == "consent_withdrawn" else None)
        .model_dump_json(exclude_defaults=compact)) for r in purge_rows)
    found.sort(key=lambda c: c.seq)
    has_more = len(found) > limit
    page = found[:limit]
    next_cursor = page[-1].seq if has_more else max(cursor, top)
    return Page(with_prerequisites(session, teams, cursor, page, user, compact=compact),
                next_cursor, has_more, now)


def purge_query(team: Any, cursor: Any, top: Any, user: Any, *, snapshot: bool,
                teams: Any) -> Select[Any]:
    """Purges of `team` in (cursor, top] that `user`'s laptops do not keep (values or bind
    parameters)."""
    query = select(PurgeEvent).where(PurgeEvent.team_id == team, PurgeEvent.seq > cursor,
                                     PurgeEvent.seq <= top, ~sharing.purge_kept_from(user))
    if snapshot:
        # a snapshot leaves out the purges of patients shared again (their record is back in
        # scope): it brings those records whole, and a device replaying the old purge first
        # would wipe the patient's local history, drafts and waiting edits
        back = aliased(Record)
        query = query.where(~exists().where(
            back.table_name == "patient", back.record_id == key_of(PurgeEvent.patient_id),
            back.team_id.in_(teams), back.seq > PurgeEvent.seq,
            visible(text_of(back.record_id), user)))
    return query


def with_prerequisites(session: Session, teams: tuple[str, ...], cursor: int,
                       page: list[Entry], user: str = "", *,
                       compact: bool = False) -> list[Entry]:
    """Put every record a change references (REFERENCES) before that change, when the device
    cannot have it yet (seq > cursor). A record delivered early shows up again at its own seq;
    applying it twice is harmless. So a child never arrives before its parent."""
    known: dict[tuple[str, str], Entry] = {e.key: e for e in page if e.key is not None}
    wanted = {ref for e in page for ref in e.refs} - set(known)
    for _depth in range(6):  # goal → plan → case → patient is the longest chain
        if not wanted:
            break
        by_table: dict[str, list[str]] = {}
        for table, record_id in wanted:
            by_table.setdefault(table, []).append(record_id)
        extra: list[Entry] = []
        for table, ids in by_table.items():
            # by primary key only; team and cursor are checked here: given them, a planner
            # without statistics walks the (team_id, seq) index over every record after the
            # cursor (quadratic over an initial pull)
            rows = [r for r in session.connection().execute(
                _records_by_id(session.get_bind().dialect.name),
                {"table": table, "ids": sorted(ids), "user": user})
                if r.team_id in teams and r.seq > cursor]
            names = page_authors(session, rows)
            extra.extend(record_entry(r, names, compact=compact) for r in rows)
        for e in extra:
            assert e.key is not None
            known[e.key] = e
        wanted = {ref for e in extra for ref in e.refs} - set(known) - wanted
    if len(known) == sum(1 for e in page if e.key is not None):
        return page  # nothing referenced from outside the page
    out: list[Entry] = []
    emitted: set[tuple[str, str]] = set()

    def emit_refs(entry: Entry, depth: int = 0) -> None:
        for ref in entry.refs:
            dep = known.get(ref)
            if dep is not None and ref not in emitted and depth < 8:
                emitted.add(ref)
                emit_refs(dep, depth + 1)
                out.append(dep)

    for entry in page:
        if entry.key is not None:
            if entry.key in emitted:
                continue  # already placed earlier as a prerequisite
            emitted.add(entry.key)
        emit_refs(entry)
        out.append(entry)
    return out


def _note_progress(session: Session, caller: Caller, cursor: int,
                   scope: list[str] | None) -> None:
    """The device's progress, in one statement of its own (not the unit of work: a pull runs
    this every time). Written last: on SQLite the first write takes the database lock, keep
    that short. On PostgreSQL, a pull that writes no scope told the transaction not to wait
    for the disk at commit (pull_start): lost in a crash, the progress is only lower
    (tombstones kept longer, collect_tombstones); a scope is never lost."""
    values: dict[str, Any] = {"last_seen_at": utcnow(), "cursor": max(cursor, caller.cursor)}
    if scope is not None:
        values["scope"] = scope
    session.connection().execute(_progress_update(scope is not None),
                                 {"device": caller.device_id, **values})


@cache
def _progress_update(with_scope: bool) -> Any:
    columns = Device.__mapper__.columns
    values = {name: bindparam(name, type_=columns[name].type)
              for name in ("last_seen_at", "cursor", *(("scope",) if with_scope else ()))}
    return update(Device).where(Device.id == bindparam("device", type_=Device.id.type)) \
        .values(values)


def pull(session: Session, caller: Caller, cursor: int, limit: int, *,
         compact: bool = False) -> PullResponse:
    return pull_page(session, caller, cursor, limit, compact=compact).model()


def pull_page(session: Session, caller: Caller, cursor: int, limit: int, *,
              compact: bool = False) -> Page:
    teams = sorted(caller.team_ids)
    # from 0, or enrolled again with an existing vault: its cursor is trusted once
    new_scope = teams if cursor == 0 or caller.scope is None else None
    start = pull_start(session, caller.team_ids, cursor, fast_commit=new_scope is None)
    if cursor > 0 and cursor < start.low:
        raise ApiError(410, "sync.cursor_too_old")
    if new_scope is None and sorted(caller.scope or ()) != teams:
        raise ApiError(410, "sync.scope_changed")
    page = page_of(session, caller.team_ids, cursor, limit, user=caller.username,
                   compact=compact, top=start.top, conflicts=start.conflicts,
                   purges=start.purges)
    _note_progress(session, caller, cursor, new_scope)
    return page


def snapshot(session: Session, caller: Caller, cursor: int, limit: int, *,
             compact: bool = False) -> PullResponse:
    return snapshot_page(session, caller, cursor, limit, compact=compact).model()


def snapshot_page(session: Session, caller: Caller, cursor: int, limit: int, *,
                  compact: bool = False) -> Page:
    page = page_of(session, caller.team_ids, cursor, limit, snapshot=True,
                   user=caller.username, compact=compact)
    _note_progress(session, caller, cursor, sorted(caller.team_ids) if cursor == 0 else None)
    return page


def checksum(session: Session, caller: Caller) -> ChecksumResponse:
    top = head(session)
    per_table: dict[str, list[tuple[str, int]]] = {}
    if caller.team_ids:
        rows = session.connection().execute(
            select(Record.table_name, Record.record_id, Record.seq).where(
                Record.team_id.in_(caller.team_ids), Record.deleted.is_(False),
                Record.seq <= top, visible(Record.patient_id, caller.username)))
        for table, record_id, seq in rows:
            items = per_table.get(table)
            if items is None:
                items = per_table[table] = []
            items.append((record_id, seq))
    tables: dict[str, dict[str, Any]] = {}
    for table, items in per_table.items():
        items.sort()
        digest = hashlib.sha256("".join(f"{i}:{v}\n" for i, v in items).encode()).hexdigest()
        tables[table] = {"count": len(items), "checksum": digest}
    return ChecksumResponse(cursor=top, tables=tables)


def collect_tombstones(session: Session, settings: ServerSettings,
                       now: dt.datetime | None = None) -> int:
    """Drop tombstones every active device has passed, or older than the maximum age; returns
    the new horizon (pulls from a cursor below it get 410)."""
    now = now or utcnow()
    seqs = SeqAllocator(session)  # takes the counter lock: no push runs meanwhile
    cutoff = now - dt.timedelta(days=settings.tombstone_max_age_days)
    cursors = session.scalars(select(Device.cursor).where(
        Device.revoked.is_(False),
        func.coalesce(Device.last_seen_at, Device.created_at) >= cutoff)).all()
    passed = min((int(c) for c in cursors), default=seqs.value)
    removed: list[int] = []
    for model, dead, when in (
        (Record, Record.deleted.is_(True), Record.changed_at),
        (Conflict, Conflict.status == "resolved", Conflict.changed_at),
        (PurgeEvent, PurgeEvent.id.is_not(None), PurgeEvent.at),
    ):
        cond = dead & or_(model.seq <= passed, when < cutoff)
        top = session.scalar(select(func.max(model.seq)).where(cond))
        if top is not None:
            removed.append(int(top))
            session.execute(delete(model).where(cond))
    new_horizon = max([horizon(session), *removed])
    state = session.get(ServerState, "horizon")
    if state is None:
        session.add(ServerState(key="horizon", value=new_horizon))
    else:
        state.value = new_horizon
    last = session.get(ServerState, "last_gc")
    if last is None:
        session.add(ServerState(key="last_gc", value=now.isoformat()))
    else:
        last.value = now.isoformat()
    session.flush()
    return new_horizon


def gc_due(session: Session, settings: ServerSettings) -> bool:
    last = session.get(ServerState, "last_gc")
    if last is None or not last.value:
        return True
    try:
        at = dt.datetime.fromisoformat(str(last.value))
    except ValueError:
        return True
    return (utcnow() - at).total_seconds() >= settings.tombstone_gc_interval_seconds
