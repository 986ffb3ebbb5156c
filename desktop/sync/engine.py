"""The sync engine (docs/ARCHITECTURE.md §7, docs/SYNC.md): push the outbox, pull pages, rebuild,
check.

One `run()` is one sync: push every pushable op in local order (batches), pull pages until the
server has nothing more, each page applied together with the new cursor in one local transaction
(a crash or a full disk loses nothing: the page is fetched again), then a sanity check against the
server's checksum. A push's answer may carry the first page (docs/SYNC.md 5): it is applied with
the push's results, and the pull goes on only if there is more. A 410 (cursor behind the
tombstone horizon, or the user's teams changed) or a checksum mismatch rebuilds from a snapshot
after pushing the outbox; the outbox is never dropped.

`RELAIS_CRASH_AT=<point>` makes the process exit at that point (crash tests; read only here).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from desktop.domain.dates import utcnow
from desktop.domain.ids import uuid7
from desktop.storage.models import (
    SYNCED_MODELS,
    Blob,
    FieldMeta,
    OutboxOp,
    SyncState,
)
from desktop.sync import state
from desktop.sync.apply import (
    ApplyStats,
    BulkApplier,
    PageApplier,
    initial_pull,
    pending_map,
    purge_patient,
    table_of,
)
from desktop.sync.client import GoneError, RevokedError, SyncClient, SyncError
from desktop.sync.outbox import (
    PushCounts,
    next_batch,
    record_results,
    reshare_patient,
    to_op,
)
from desktop.sync.pending import count_attention, count_pending
from desktop.sync.prefetch import PageStream, validate_page
from desktop.sync.protocol import (
    Change,
    ChecksumResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)

CRASH_ENV = "RELAIS_CRASH_AT"
CRASH_POINTS = (
    "push_before_send",  # batch read, nothing sent
    "push_after_response",  # the server committed the batch, the device has not recorded it
    "push_after_commit",  # results recorded
    "pull_after_response",  # page received, not applied
    "pull_mid_apply",  # inside the page transaction, before commit
    "pull_after_commit",  # page and cursor committed
    "snapshot_mid_apply",  # inside a snapshot page transaction
    "rebuild_before_finish",  # every snapshot page applied, stale records not yet removed
)
PAGE_SIZE = 1000  # the largest page every server gives: fewer round trips
# the first pull into an empty vault: larger pages (a server that caps lower answers 422 and
# the engine goes on with PAGE_SIZE), several per transaction
INITIAL_PAGE_SIZE = 5000
PREFETCH_PAGES = 2  # pages fetched ahead that wait for the writer
BULK_RECORDS = 50_000
BULK_SECONDS = 2.0  # other writes (the person using the app) wait at most about this long
CHECKSUM_INTERVAL_S = 900  # the sanity check costs a request: not after every small sync
MAX_ROUNDS = 10_000  # a hard stop against a server that never says "no more"


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os._exit(137)


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0  # new conflicts from this sync (push results and pulled)
    rejected: int = 0
    pulled: int = 0
    purged: int = 0
    rebuilt: bool = False
    checksum_ok: bool | None = None
    cursor: int = 0
    pending: int = 0
    open_conflicts: int = 0
    needs_attention: int = 0
    patients: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["patients"] = len(self.patients)
        return data


@dataclass
class PageCounts:
    """What one pull transaction applied (one page, or several in an initial pull)."""

    records: int = 0
    purged: int = 0
    conflicts: int = 0
    patients: set[str] = field(default_factory=set)
    seen: set[tuple[str, str]] = field(default_factory=set)
    max_hlc: str | None = None

    def _stats(self, st: ApplyStats) -> None:
        self.records += st.upserts + st.deletes
        self.purged += st.purges
        self.conflicts += st.conflicts
        self.patients |= st.patients
        if st.max_hlc and (self.max_hlc is None or st.max_hlc > self.max_hlc):
            self.max_hlc = st.max_hlc

    def bulk(self, st: ApplyStats) -> None:
        self._stats(st)

    def general(self, applier: PageApplier) -> None:
        self._stats(applier.stats)
        self.seen |= applier.seen

    def add_to(self, report: SyncReport) -> None:
        report.pulled += self.records
        report.purged += self.purged
        report.conflicts += self.conflicts
        report.patients |= self.patients


@contextmanager
def collector_paused(pause: bool) -> Iterator[None]:
    """Python's cycle collector off meanwhile. A first pull builds and drops millions of objects
    without cycles (freed as they go): each batch of them set the collector walking the whole
    heap, about a third of the laptop's CPU. Garbage with cycles made meanwhile waits for the
    next collection."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class SyncEngine:
    def __init__(self, ctx: state.ContextLike, client: SyncClient,
                 *, page_size: int = PAGE_SIZE, initial_page_size: int | None = None,
                 bulk_records: int = BULK_RECORDS, batch_ops: int = 200,
                 progress: Callable[[str, int], None] | None = None) -> None:
        self.ctx = ctx
        self.client = client
        self.page_size = page_size
        self.initial_page_size = initial_page_size or max(page_size, INITIAL_PAGE_SIZE)
        self.bulk_records = bulk_records
        self.batch_ops = batch_ops
        self.progress = progress or (lambda stage, n: None)
        self.caught_up = False  # see push_all
        # the server's checksum, asked for as soon as the last page of a pull arrived (see
        # pull_all); taken by the sanity check that follows that pull
        self._early_checksum: Future[ChecksumResponse] | None = None

    # ---- one sync --------------------------------------------------------------------------
    def run(self) -> SyncReport:
        report = SyncReport()
        self._early_checksum = None
        if self.ctx.read(lambda s: state.get(s, state.REBUILD, False)):
            self.push_all(report)
            self.rebuild(report)
        self.push_all(report)
        try:
            if not self.caught_up:  # else the push answer gave the cursor: nothing to pull
                self.pull_all(report)
        except GoneError:
            self.ctx.write(lambda uow: state.put(uow.session, state.REBUILD, True))
            self.push_all(report)
            self.rebuild(report)
        if self._checksum_due(report) and not self.sanity_check(report):
            self.ctx.write(lambda uow: state.put(uow.session, state.REBUILD, True))
            self.push_all(report)
            self.rebuild(report)
            report.checksum_ok = self.sanity_check(report)
        self.fill_status(report)
        return report

    def _checksum_due(self, report: SyncReport) -> bool:
        """After a rebuild or a purge, and otherwise every CHECKSUM_INTERVAL_S: one edit then
        costs one push and one pull on the wire."""
        last = float(self.ctx.read(lambda s: state.get(s, state.LAST_CHECKSUM, 0)) or 0)
        return report.rebuilt or report.purged > 0 or time.time() - last >= CHECKSUM_INTERVAL_S

    def fill_status(self, report: SyncReport) -> None:
        def read(session: Session) -> None:
            report.pending = count_pending(session)
            report.open_conflicts, report.needs_attention = count_attention(session)
            report.cursor = int(state.get(session, state.CURSOR, 0))
        self.ctx.read(read)

    # ---- push ------------------------------------------------------------------------------
    def push_all(self, report: SyncReport) -> None:
        """Sends the outbox. `caught_up`: the last answer gave the cursor (docs/SYNC.md 5), which
        is stored with the results: nothing else changed on the server since the last pull."""
        self.caught_up = False
        for _ in range(MAX_ROUNDS):
            # also after each batch: a grant that just lifted the server's block is followed
            # by the records in this same sync, so other laptops see the patient again at once
            self._reshare()
            def read(session: Session) -> tuple[list[Any], list[str], int, bool]:
                rows = next_batch(session, self.batch_ops)
                return ([to_op(r) for r in rows], blobs_to_upload(session, rows),
                        int(state.get(session, state.CURSOR, 0)),
                        state.get(session, state.INITIAL_PULL) is not None)
            ops, shas, cursor, first_pull = self.ctx.read(read)
            if not ops:
                self._purge_later()
                return
            self._upload_blobs(shas)
            crash_point("push_before_send")
            # the pull that follows, in the answer (not while a first pull is under way: its
            # pages are larger and applied in bulk)
            response = self.client.push(PushRequest(
                device_id=self._server_device_id(), ops=ops, cursor=cursor or None,
                pull=self.page_size if cursor > 0 and not first_pull else None))
            if len(response.results) != len(ops):
                raise SyncError("sync.bad_response")
            crash_point("push_after_response")
            page = response.page
            if page is not None:
                try:
                    validate_page(page, cursor)
                except SyncError:
                    page = None  # pulled as usual, which says what is wrong
            counts, self.caught_up, pulled = self.ctx.write(functools.partial(
                self._settle, op_ids=[o.op_id for o in ops], response=response, sent=cursor,
                page=page))
            crash_point("push_after_commit")
            report.pushed += counts.sent
            report.applied += counts.applied
            report.conflicts += counts.conflicts
            report.rejected += counts.rejected
            report.patients |= counts.patients
            self.progress("push", report.pushed)
            if pulled is not None:
                pulled.add_to(report)
                self.progress("pull", report.pulled)
            if counts.sent == 0:
                raise SyncError("sync.bad_response")  # answers that settle nothing: stop

    def _settle(self, uow: Any, *, op_ids: list[str], response: PushResponse, sent: int,
                page: PullResponse | None) -> tuple[PushCounts, bool, PageCounts | None]:
        """A push's results, and in the same transaction what its answer says of the changes
        since the cursor `sent`, if that is still the vault's: none but the batch's (its
        cursor), or the pull page that follows. Returns the counts, whether nothing is left to
        pull, and what the page applied."""
        session: Session = uow.session
        if page is not None:
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
        done = record_results(session, op_ids, response.results)
        if sent <= 0 or int(state.get(session, state.CURSOR, 0)) != sent:
            return done, False, None
        if response.cursor is not None and response.cursor >= sent:
            state.put(session, state.CURSOR, response.cursor)
            return done, True, None
        if page is None:
            return done, False, None
        counts = PageCounts()
        self._apply_changes(session, page.changes, counts, snapshot=False)
        self._finish_transaction(session, counts)
        state.put(session, state.CURSOR, max(sent, page.next_cursor))
        return done, not page.has_more, counts

    def _upload_blobs(self, shas: list[str]) -> None:
        """Attachment bytes go up before the record that references them (idempotent PUT)."""
        for sha in shas:
            data = self.ctx.read(lambda s, sha=sha: s.get(Blob, sha).data)
            self.client.put_blob(sha, data)

            def mark(uow: Any, sha: str = sha) -> None:
                row = uow.session.get(Blob, sha)
                if row is not None:
                    row.uploaded = True
            self.ctx.write(mark)

    def _server_device_id(self) -> str:
        return str(self.ctx.read(lambda s: state.get(s, state.SERVER_DEVICE_ID, "")))

    def _reshare(self) -> None:
        """Upgrade: patients an older version kept local-only after the server purged them go
        up again in full (the server shows them to the responsible case managers only)."""
        if not self.ctx.read(lambda s: state.get(s, state.RESHARE, [])):
            return

        def run(uow: Any) -> None:
            session = uow.session
            for pid in state.get(session, state.RESHARE, []):
                if session.get(SYNCED_MODELS["patient"], pid) is not None:
                    reshare_patient(session, pid, self.ctx.clock.last, uuid7, utcnow())
            state.delete(session, state.RESHARE)
        self.ctx.write(run)

    def _purge_later(self) -> None:
        """Patients no longer shown to this user whose edits were waiting: now they went up."""
        if not self.ctx.read(lambda s: state.get(s, state.PURGE_LATER, [])):
            return

        def run(uow: Any) -> None:
            session = uow.session
            waiting = set(session.scalars(select(OutboxOp.patient_id).where(
                OutboxOp.state == "pending", OutboxOp.kind != "purge",
                OutboxOp.table_name != "audit_event")).all())
            still = []
            for pid in state.get(session, state.PURGE_LATER, []):
                if pid in waiting:
                    still.append(pid)
                else:
                    purge_patient(session, pid)
            state.put(session, state.PURGE_LATER, still)
        self.ctx.write(run)

    # ---- pull ------------------------------------------------------------------------------
    def pull_all(self, report: SyncReport) -> None:
        """Pages in order, fetched ahead on a thread of their own (`PageStream`: each page is
        only used once the one before and its cursor are committed, or within the same
        transaction, so a failure wastes fetches, nothing else).

        The first pull into an empty vault (`apply.initial_pull`) asks for larger pages and
        applies several of them per transaction (up to BULK_RECORDS records or BULK_SECONDS),
        the cursor committed with them; a failed fetch commits what was applied and then
        raises."""
        cursor = int(self.ctx.read(lambda s: state.get(s, state.CURSOR, 0)))
        first = cursor == 0 or self.ctx.read(
            lambda s: state.get(s, state.INITIAL_PULL) is not None)
        # a check due anyway (after this run's rebuild too): the server sums its copy while this
        # laptop applies the last pages; a purge met in these pages makes it due later
        early = self._checksum_due(report)

        def ask_checksum() -> None:
            asked: Future[ChecksumResponse] = Future()
            try:
                asked.set_result(self.client.checksum())
            except SyncError as exc:
                asked.set_exception(exc)
            self._early_checksum = asked

        def stream_from(at: int) -> PageStream:
            return PageStream(lambda c: self._fetch(c, first), at, PREFETCH_PAGES,
                              ask_checksum if early else None)

        pages = stream_from(cursor)
        try:
            with collector_paused(first):
                for _ in range(MAX_ROUNDS):
                    page = pages.next()  # checked against the cursor it was asked from
                    crash_point("pull_after_response")
                    last, error = self._pull_transaction(page, cursor, report, pages)
                    crash_point("pull_after_commit")
                    self.progress("pull", report.pulled)
                    if error is not None:
                        raise error
                    if not last.has_more:
                        return
                    cursor = int(self.ctx.read(lambda s: state.get(s, state.CURSOR, 0)))
                    if cursor != last.next_cursor:  # should not happen: fetch again from here
                        pages.close()
                        pages = stream_from(cursor)
        finally:
            pages.close()

    def _fetch(self, cursor: int, first: bool) -> PullResponse:
        size = self.initial_page_size if first else self.page_size
        try:
            return self.client.pull(cursor, size)
        except SyncError as exc:
            if exc.status != 422 or size <= self.page_size:
                raise
        # a server that caps pages lower than the first pull asks: its usual size from now on
        self.initial_page_size = self.page_size
        return self.client.pull(cursor, self.page_size)

    def _pull_transaction(self, page: PullResponse, cursor: int, report: SyncReport,
                          pages: PageStream) -> tuple[PullResponse, SyncError | None]:
        """One local transaction: this page, and while the vault is in its initial pull the
        following pages too; then the cursor. Returns the last page applied and the error of a
        fetch that failed meanwhile (raised once what came before it is committed)."""
        def run(uow: Any) -> tuple[PullResponse, SyncError | None, PageCounts]:
            session: Session = uow.session
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            counts = PageCounts()
            bulk = BulkApplier(session) if initial_pull(session, cursor) else None
            started = time.monotonic()
            current, error = page, None
            while True:
                self._apply_changes(session, current.changes, counts, snapshot=False,
                                    bulk=bulk)
                crash_point("pull_mid_apply")
                left = BULK_SECONDS - (time.monotonic() - started)
                if (bulk is None or not current.has_more or counts.records >= self.bulk_records
                        or left <= 0):
                    break
                try:  # the writer waits for the network only within the time left
                    following = pages.next(timeout=left)
                except TimeoutError:
                    break  # committed now; the next transaction starts with that page
                except SyncError as exc:
                    error = exc
                    break
                crash_point("pull_after_response")
                current = following
            self._finish_transaction(session, counts)
            old = int(state.get(session, state.CURSOR, 0))
            state.put(session, state.CURSOR, max(old, current.next_cursor))
            if bulk is not None and not current.has_more:
                state.delete(session, state.INITIAL_PULL)  # caught up
            return current, error, counts
        last, error, counts = self.ctx.write(run)
        counts.add_to(report)
        return last, error

    def _apply_page(self, page: PullResponse, report: SyncReport, *, snapshot: bool,
                    seen: set[tuple[str, str]] | None = None) -> None:
        """A snapshot page (rebuild), in its own transaction with the snapshot cursor."""
        def run(uow: Any) -> PageCounts:
            session: Session = uow.session
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            counts = PageCounts()
            self._apply_changes(session, page.changes, counts, snapshot=snapshot)
            crash_point("snapshot_mid_apply" if snapshot else "pull_mid_apply")
            self._finish_transaction(session, counts)
            if not snapshot:
                old = int(state.get(session, state.CURSOR, 0))
                state.put(session, state.CURSOR, max(old, page.next_cursor))
            else:
                state.put(session, state.SNAPSHOT_CURSOR, page.next_cursor)
            if seen is not None:
                seen.update(counts.seen)
            return counts
        self.ctx.write(run).add_to(report)

    def _apply_changes(self, session: Session, changes: list[Change], counts: PageCounts, *,
                       snapshot: bool, bulk: BulkApplier | None = None) -> None:
        """One page's changes, with the changes parked by earlier pages (records whose parent
        had not arrived). The bulk path takes a page of record changes when nothing is parked;
        what it leaves (records already here, tombstones) goes the general way."""
        parked_before = state.get(session, state.PARKED, [])
        parked = [Change.model_validate(c) for c in parked_before]
        if bulk is not None and not parked and bulk.accepts(changes):
            general, orphans = bulk.apply(changes)
            counts.bulk(bulk.stats)
            bulk.stats = ApplyStats()
            if general:
                still = self._apply_general(session, general, counts, snapshot=snapshot)
                orphans = sorted({(c.table, c.record_id): c for c in [*orphans, *still]}
                                 .values(), key=lambda c: c.seq)
            if orphans:
                state.put(session, state.PARKED, [c.model_dump(mode="json") for c in orphans])
            return
        if bulk is not None:
            bulk.forget()
        still = self._apply_general(session, parked + list(changes), counts, snapshot=snapshot)
        if still or parked_before:
            state.put(session, state.PARKED, [c.model_dump(mode="json") for c in still])

    def _apply_general(self, session: Session, changes: list[Change], counts: PageCounts, *,
                       snapshot: bool) -> list[Change]:
        """The general path (any vault): merge with pending edits, field versions, history."""
        applier = PageApplier(session, authoritative=snapshot)
        applier.preload(changes)
        for change in changes:
            applier.apply(change)
        applier.flush()
        still = self._park_orphans(session, changes, applier.seen)
        applier.finish()
        counts.general(applier)
        return still

    def _finish_transaction(self, session: Session, counts: PageCounts) -> None:
        if counts.max_hlc:
            self.ctx.clock.observe(counts.max_hlc)
            state.put(session, state.HLC, self.ctx.clock.last)

    @staticmethod
    def _park_orphans(session: Session, changes: list[Change],
                      touched: set[tuple[str, str]]) -> list[Change]:
        """Records whose parent has not arrived yet (a record comes at the seq of its last
        change, so a child can precede its parent across pages) wait for a later page. Foreign
        keys are deferred in the page transaction; the orphans are taken out before commit."""
        by_table: dict[str, list[str]] = {}
        for table, rid in touched:
            by_table.setdefault(table, []).append(rid)
        orphans: set[tuple[str, str]] = set()
        while True:  # a child of a record taken out is an orphan in turn
            found: set[tuple[str, str]] = set()
            for table, ids in by_table.items():
                tbl = table_of(SYNCED_MODELS[table])
                left = [i for i in ids if (table, i) not in orphans]
                for fk in tbl.foreign_keys:
                    parent = fk.column.table
                    col = fk.parent
                    for i in range(0, len(left), 500):
                        chunk = left[i:i + 500]
                        q = (select(tbl.c.id)
                             .select_from(tbl.outerjoin(parent, parent.c.id == col))
                             .where(tbl.c.id.in_(chunk), col.is_not(None),
                                    parent.c.id.is_(None)))
                        found.update((table, rid) for rid in session.execute(q).scalars())
            if not found:
                break
            for table, rid in found:
                tbl = table_of(SYNCED_MODELS[table])
                session.execute(delete(tbl).where(tbl.c.id == rid))
                session.execute(delete(FieldMeta).where(FieldMeta.table_name == table,
                                                        FieldMeta.record_id == rid))
            orphans |= found
        if not orphans:
            return []
        latest: dict[tuple[str, str], Change] = {}
        for change in changes:
            key = (change.table, change.record_id)
            if key in orphans:
                latest[key] = change
        return sorted(latest.values(), key=lambda c: c.seq)

    # ---- rebuild -----------------------------------------------------------------------------
    def rebuild(self, report: SyncReport) -> None:
        """After a 410 or a checksum mismatch: every record in scope again from a snapshot;
        what the snapshot does not mention (and has no pending op) is gone from scope."""
        seen: set[tuple[str, str]] = set()
        cursor = 0
        last_next = 0
        for _ in range(MAX_ROUNDS):
            page = self.client.snapshot(cursor, self.page_size)
            if page.next_cursor < cursor and page.has_more:
                raise SyncError("sync.bad_response")
            self._apply_page(page, report, snapshot=True, seen=seen)
            last_next = page.next_cursor
            cursor = page.next_cursor
            if not page.has_more:
                break
        crash_point("rebuild_before_finish")

        def finish(uow: Any) -> int:
            session: Session = uow.session
            pending = pending_map(session)
            removed = 0
            for name, model in SYNCED_MODELS.items():
                tbl = table_of(model)
                ids = session.execute(select(tbl.c.id).where(tbl.c.server_version > 0)).scalars()
                stale = [i for i in ids if (name, i) not in seen and (name, i) not in pending]
                for i in range(0, len(stale), 500):
                    chunk = stale[i:i + 500]
                    session.execute(delete(FieldMeta).where(FieldMeta.table_name == name,
                                                            FieldMeta.record_id.in_(chunk)))
                    session.execute(text("PRAGMA defer_foreign_keys = ON"))
                    session.execute(delete(tbl).where(tbl.c.id.in_(chunk)))
                    if name == "patient":
                        from desktop.storage import search
                        for pid in chunk:
                            search.unindex_patient(session, pid)
                removed += len(stale)
            old = int(state.get(session, state.CURSOR, 0))
            state.put(session, state.CURSOR, max(old, last_next))
            state.delete(session, state.REBUILD)
            state.delete(session, state.SNAPSHOT_CURSOR)
            return removed
        report.purged += self.ctx.write(finish)
        report.rebuilt = True

    # ---- sanity check ------------------------------------------------------------------------
    def sanity_check(self, report: SyncReport) -> bool:
        """Per-table counts and checksums of live records against the server's. Skipped (True)
        when the comparison would not be meaningful: ops waiting, or the server moved on."""
        def local(session: Session) -> tuple[int, int, dict[str, dict[str, Any]]]:
            waiting = count_pending(session)
            cursor = int(state.get(session, state.CURSOR, 0))
            return waiting, cursor, local_checksums(session) if not waiting else {}
        if self.ctx.read(count_pending):
            return True
        # the server sums its copy while this laptop sums its own (each about as long), or did
        # while the last pages were applied
        early, self._early_checksum = self._early_checksum, None
        with ThreadPoolExecutor(max_workers=1) as pool:
            asked = early or pool.submit(self.client.checksum)
            waiting, cursor, mine = self.ctx.read(local)
            remote = asked.result()
        if waiting:
            return True
        now = time.time()
        self.ctx.write(lambda uow: state.put(uow.session, state.LAST_CHECKSUM, now))
        if remote.cursor != cursor:
            return True
        ok = all(
            int(mine.get(t, {}).get("count", 0)) == int(remote.tables.get(t, {}).get("count", 0))
            and (int(mine.get(t, {}).get("count", 0)) == 0
                 or mine[t]["checksum"] == remote.tables[t].get("checksum"))
            for t in set(mine) | set(remote.tables))
        report.checksum_ok = ok
        return ok


def blobs_to_upload(session: Session, rows: list[OutboxOp]) -> list[str]:
    shas = {str(r.fields.get("sha256")) for r in rows
            if r.table_name == "attachment" and (r.fields or {}).get("sha256")}
    if not shas:
        return []
    return sorted(session.scalars(select(Blob.sha256).where(
        Blob.sha256.in_(shas), Blob.uploaded.is_(False))).all())


def local_checksums(session: Session) -> dict[str, dict[str, Any]]:
    """Live records the server has seen (server_version > 0), as the server computes it: the
    lines `id:version` in the order of the ids, hashed. SQLite reads the table in its own order,
    sorts and joins (BINARY collation: the order of Python's str on the same ids), without a
    Python object per row (after a first pull, about half the check's time)."""
    out: dict[str, dict[str, Any]] = {}
    conn: Any = session.connection().connection.driver_connection
    for name, model in SYNCED_MODELS.items():
        count, lines = conn.execute(
            "SELECT count(*), group_concat(id || ':' || server_version || char(10), '' "
            f'ORDER BY id) FROM "{table_of(model).name}" '
            "WHERE deleted = 0 AND server_version > 0").fetchone()
        if count:
            digest = hashlib.sha256(lines.encode()).hexdigest()
            out[name] = {"count": count, "checksum": digest}
    return out


def sync_state_rows(session: Session) -> dict[str, Any]:
    return {r.key: r.value for r in session.scalars(select(SyncState)).all()}


__all__ = ["CRASH_POINTS", "GoneError", "RevokedError", "SyncEngine", "SyncReport",
           "crash_point", "local_checksums"]
