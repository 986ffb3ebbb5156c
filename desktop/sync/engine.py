"""The sync engine (docs/ARCHITECTURE.md §7, docs/SYNC.md): push the outbox, pull pages, rebuild,
check.

One `run()` is one sync: push every pushable op in local order (batches), pull pages until the
server has nothing more, each page applied together with the new cursor in one local transaction
(a crash or a full disk loses nothing: the page is fetched again), then a sanity check against the
server's checksum. A 410 (cursor behind the tombstone horizon, or the user's teams changed) or a
checksum mismatch rebuilds from a snapshot after pushing the outbox; the outbox is never dropped.

`RELAIS_CRASH_AT=<point>` makes the process exit at that point (crash tests; read only here).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from desktop.domain.ids import uuid7
from desktop.storage.models import (
    SYNCED_MODELS,
    Blob,
    Conflict,
    FieldMeta,
    OutboxOp,
    SyncState,
)
from desktop.sync import state
from desktop.sync.apply import PageApplier, pending_map, purge_patient, table_of
from desktop.sync.client import GoneError, RevokedError, SyncClient, SyncError
from desktop.sync.outbox import (
    PushCounts,
    SharingPolicy,
    count_pending,
    next_batch,
    record_results,
    reshare_patient,
    to_op,
)
from desktop.sync.protocol import Change, PullResponse, PushRequest

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
PAGE_SIZE = 1000  # the server's maximum: fewer round trips
CHECKSUM_INTERVAL_S = 900  # the sanity check costs a request: not after every small sync
MAX_ROUNDS = 10_000  # a hard stop against a server that never says "no more"


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os._exit(137)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


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
    held: int = 0  # local-only: patients without team-sharing consent
    open_conflicts: int = 0
    needs_attention: int = 0
    patients: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["patients"] = len(self.patients)
        return data


def validate_page(page: PullResponse, cursor: int) -> None:
    """A page that does not follow the cursor (stale, cut or garbled) is refused whole. Changes
    come in seq order, except records the server places early as the prerequisites (parents) of
    others; they come again at their own seq."""
    for change in page.changes:
        if change.seq <= cursor:
            raise SyncError("sync.bad_response")
    if page.next_cursor < cursor or (page.has_more and not page.changes):
        raise SyncError("sync.bad_response")


class SyncEngine:
    def __init__(self, ctx: state.ContextLike, client: SyncClient, allowed_ids: SharingPolicy,
                 *, page_size: int = PAGE_SIZE, batch_ops: int = 200,
                 progress: Callable[[str, int], None] | None = None) -> None:
        self.ctx = ctx
        self.client = client
        self.allowed_ids = allowed_ids
        self.page_size = page_size
        self.batch_ops = batch_ops
        self.progress = progress or (lambda stage, n: None)

    # ---- one sync --------------------------------------------------------------------------
    def run(self) -> SyncReport:
        report = SyncReport()
        if self.ctx.read(lambda s: state.get(s, state.REBUILD, False)):
            self.push_all(report)
            self.rebuild(report)
        self.push_all(report)
        try:
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
            allowed = self.allowed_ids(session)
            report.pending, report.held = count_pending(session, allowed)
            report.open_conflicts = len(session.scalars(
                select(Conflict.id).where(Conflict.status == "open")).all())
            report.needs_attention = len(session.scalars(
                select(OutboxOp.seq).where(OutboxOp.state == "rejected")).all())
            report.cursor = int(state.get(session, state.CURSOR, 0))
        self.ctx.read(read)

    # ---- push ------------------------------------------------------------------------------
    def push_all(self, report: SyncReport) -> None:
        for _ in range(MAX_ROUNDS):
            # also after each batch: a grant that just lifted the server's block is followed
            # by the records in this same sync, so other laptops see the patient again at once
            self._reshare()
            def read(session: Session) -> tuple[list[Any], set[str], list[str]]:
                allowed = self.allowed_ids(session)
                rows = next_batch(session, allowed, self.batch_ops)
                return [to_op(r) for r in rows], allowed, blobs_to_upload(session, rows)
            ops, allowed, shas = self.ctx.read(read)
            if not ops:
                self._purge_later()
                return
            self._upload_blobs(shas)
            crash_point("push_before_send")
            response = self.client.push(PushRequest(device_id=self._server_device_id(),
                                                    ops=ops))
            if len(response.results) != len(ops):
                raise SyncError("sync.bad_response")
            crash_point("push_after_response")
            op_ids = [o.op_id for o in ops]

            results = response.results
            counts: PushCounts = self.ctx.write(
                lambda uow, ids=op_ids, res=results, ok=allowed:  # type: ignore[misc]
                record_results(uow.session, ids, res, ok))
            crash_point("push_after_commit")
            report.pushed += counts.sent
            report.applied += counts.applied
            report.conflicts += counts.conflicts
            report.rejected += counts.rejected
            report.patients |= counts.patients
            self.progress("push", report.pushed)
            if counts.sent == 0:
                raise SyncError("sync.bad_response")  # answers that settle nothing: stop

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
        """Pages in order; the next one is fetched while this one is applied (it is only used
        once this one and its cursor are committed, so a failure wastes a fetch, nothing else)."""
        cursor = int(self.ctx.read(lambda s: state.get(s, state.CURSOR, 0)))
        with ThreadPoolExecutor(max_workers=1) as pool:
            ahead: Future[PullResponse] = pool.submit(self.client.pull, cursor, self.page_size)
            for _ in range(MAX_ROUNDS):
                page = ahead.result()
                validate_page(page, cursor)
                crash_point("pull_after_response")
                if page.has_more:
                    ahead = pool.submit(self.client.pull, page.next_cursor, self.page_size)
                self._apply_page(page, report, snapshot=False)
                crash_point("pull_after_commit")
                self.progress("pull", report.pulled)
                if not page.has_more:
                    return
                cursor = int(self.ctx.read(lambda s: state.get(s, state.CURSOR, 0)))
                if cursor != page.next_cursor:  # should not happen: fetch again from here
                    ahead.cancel()
                    ahead = pool.submit(self.client.pull, cursor, self.page_size)

    def _apply_page(self, page: PullResponse, report: SyncReport, *, snapshot: bool,
                    seen: set[tuple[str, str]] | None = None) -> None:
        def run(uow: Any) -> tuple[int, int, int, set[str]]:
            session: Session = uow.session
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            applier = PageApplier(session, authoritative=snapshot)
            parked = [Change.model_validate(c) for c in state.get(session, state.PARKED, [])]
            changes = parked + list(page.changes)
            applier.preload(changes)
            for change in changes:
                applier.apply(change)
            applier.flush()
            crash_point("snapshot_mid_apply" if snapshot else "pull_mid_apply")
            still = self._park_orphans(session, changes, applier.seen)
            state.put(session, state.PARKED, [c.model_dump(mode="json") for c in still])
            applier.finish()
            if applier.stats.max_hlc:
                self.ctx.clock.observe(applier.stats.max_hlc)
                state.put(session, state.HLC, self.ctx.clock.last)
            if not snapshot:
                old = int(state.get(session, state.CURSOR, 0))
                state.put(session, state.CURSOR, max(old, page.next_cursor))
            else:
                state.put(session, state.SNAPSHOT_CURSOR, page.next_cursor)
            if seen is not None:
                seen.update(applier.seen)
            st = applier.stats
            return st.upserts + st.deletes, st.purges, st.conflicts, st.patients
        changed, purged, conflicts, patients = self.ctx.write(run)
        report.pulled += changed
        report.purged += purged
        report.conflicts += conflicts
        report.patients |= patients

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
        for table, ids in by_table.items():
            tbl = table_of(SYNCED_MODELS[table])
            for fk in tbl.foreign_keys:
                parent = fk.column.table
                col = fk.parent
                for i in range(0, len(ids), 500):
                    chunk = ids[i:i + 500]
                    q = (select(tbl.c.id).select_from(tbl.outerjoin(parent, parent.c.id == col))
                         .where(tbl.c.id.in_(chunk), col.is_not(None), parent.c.id.is_(None)))
                    orphans.update((table, rid) for rid in session.execute(q).scalars())
        if not orphans:
            return []
        for table, rid in orphans:
            tbl = table_of(SYNCED_MODELS[table])
            session.execute(delete(tbl).where(tbl.c.id == rid))
            session.execute(delete(FieldMeta).where(FieldMeta.table_name == table,
                                                    FieldMeta.record_id == rid))
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
            allowed = self.allowed_ids(session)
            waiting, _held = count_pending(session, allowed)
            cursor = int(state.get(session, state.CURSOR, 0))
            return waiting, cursor, local_checksums(session)
        waiting, cursor, mine = self.ctx.read(local)
        if waiting:
            return True
        remote = self.client.checksum()
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
    """Live records the server has seen (server_version > 0), as the server computes it."""
    out: dict[str, dict[str, Any]] = {}
    for name, model in SYNCED_MODELS.items():
        tbl = table_of(model)
        rows = session.execute(select(tbl.c.id, tbl.c.server_version).where(
            tbl.c.deleted.is_(False), tbl.c.server_version > 0).order_by(tbl.c.id)).all()
        if rows:
            digest = hashlib.sha256("".join(f"{i}:{v}\n" for i, v in rows).encode()).hexdigest()
            out[name] = {"count": len(rows), "checksum": digest}
    return out


def sync_state_rows(session: Session) -> dict[str, Any]:
    return {r.key: r.value for r in session.scalars(select(SyncState)).all()}


__all__ = ["CRASH_POINTS", "GoneError", "RevokedError", "SyncEngine", "SyncReport",
           "crash_point", "local_checksums"]
