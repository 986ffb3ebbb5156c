"""The pull's page appliers (desktop/sync/apply.py), tested directly: `Change` objects built by
hand and applied to a real vault the way the sync engine applies a page (one transaction,
foreign keys deferred), through `PageApplier` (any vault) and `BulkApplier` (the initial pull
into an empty vault). Parking (a child before its parent) is the engine's `_apply_changes`,
which the pull runs for each page."""

from __future__ import annotations

from typing import Any, cast

import pytest
from sqlalchemy import select, text

from desktop.domain.ids import uuid7
from desktop.services import patients
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage import search
from desktop.storage.models import Case, FieldChange, FieldMeta, OutboxOp, Patient
from desktop.sync import state
from desktop.sync.apply import ApplyStats, BulkApplier, PageApplier, initial_pull
from desktop.sync.engine import PageCounts, SyncEngine
from desktop.sync.protocol import Change, ChangeKind

_seq = iter(range(1, 1_000_000))


def hlc(n: int) -> str:
    return f"{1_790_000_000_000 + n:013d}-00000-other-laptop"


def patient_change(pid: str, version: int = 1, *, kind: ChangeKind = "upsert", deleted: bool = False,
                   **fields: Any) -> Change:
    # an upsert and a tombstone carry the record's last fields (docs/SYNC.md 6)
    fields = {"family_name": "Janssens", "given_name": "Maria", **fields}
    return Change(seq=next(_seq), table="patient", record_id=pid, patient_id=pid,
                  kind=kind, fields={k: v for k, v in fields.items() if v is not None},
                  record_version=version, deleted=deleted, hlc=hlc(version))


def case_change(cid: str, pid: str, version: int = 1, **fields: Any) -> Change:
    return Change(seq=next(_seq), table="case_record", record_id=cid, patient_id=pid,
                  kind="upsert", fields={"patient_id": pid, **fields},
                  record_version=version, hlc=hlc(version))


def apply(ctx: AppContext, *changes: Change, authoritative: bool = False) -> ApplyStats:
    """One page through the general path, as SyncEngine._apply_general runs it."""
    def run(uow: UnitOfWork) -> ApplyStats:
        session = uow.session
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        applier = PageApplier(session, authoritative=authoritative)
        applier.preload(list(changes))
        for change in changes:
            applier.apply(change)
        applier.flush()
        applier.finish()
        return applier.stats
    return ctx.write(run)


def engine_page(ctx: AppContext, *changes: Change, bulk: bool = False) -> None:
    """One page as the pull applies it (parked changes first), in its own transaction; `bulk`:
    through the initial pull's BulkApplier when the vault qualifies."""
    engine = SyncEngine(ctx, cast(Any, None))

    def run(uow: UnitOfWork) -> None:
        session = uow.session
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        applier = None
        if bulk:
            assert initial_pull(session, 0)
            applier = BulkApplier(session)
        engine._apply_changes(session, list(changes), PageCounts(), snapshot=False,  # noqa: SLF001
                              bulk=applier)
    ctx.write(run)


def bulk_page(ctx: AppContext, *changes: Change) -> tuple[list[Change], list[Change]]:
    def run(uow: UnitOfWork) -> tuple[list[Change], list[Change]]:
        uow.session.execute(text("PRAGMA defer_foreign_keys = ON"))
        return BulkApplier(uow.session).apply(list(changes))
    return ctx.write(run)


def row(ctx: AppContext, model: type[Any], rid: str) -> Any:
    return ctx.read(lambda s: s.get(model, rid))


def meta(ctx: AppContext, table: str, rid: str) -> dict[str, tuple[int, Any]]:
    rows = ctx.read(lambda s: list(s.scalars(select(FieldMeta).where(
        FieldMeta.table_name == table, FieldMeta.record_id == rid))))
    return {m.field: (m.server_version, m.base_value) for m in rows}


def found(ctx: AppContext, query: str) -> list[str]:
    return ctx.read(lambda s: search.search_ids(s, query))


def parked(ctx: AppContext) -> list[tuple[str, str]]:
    return [(c["table"], c["record_id"])
            for c in ctx.read(lambda s: state.get(s, state.PARKED, []))]


def edit_city(ctx: AppContext, pid: str, city: str) -> None:
    """A local edit whose op has not gone up yet."""
    assert patients.edit_patient(ctx, pid, patients.PatientFields(city=city)) == ["city"]


# ---- new records -----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["general", "bulk"])
def test_a_new_record_gets_the_defaults_of_the_fields_its_change_leaves_out(
        ctx: AppContext, path: str) -> None:
    pid, cid = uuid7(), uuid7()
    page = [patient_change(pid, 3, city="Hasselt"), case_change(cid, pid, 2)]
    if path == "bulk":
        assert bulk_page(ctx, *page) == ([], [])
    else:
        stats = apply(ctx, *page)
        assert (stats.upserts, stats.skipped, stats.patients) == (2, 0, {pid})
    p = row(ctx, Patient, pid)
    assert (p.family_name, p.given_name, p.city) == ("Janssens", "Maria", "Hasselt")
    assert (p.gender, p.languages, p.phones, p.bim, p.restricted) == (
        "unknown", [], [], False, False)  # left out of the change: the column defaults
    assert (p.niss, p.street) == (None, None)
    assert (p.server_version, p.updated_hlc, p.deleted) == (3, hlc(3), False)
    c = row(ctx, Case, cid)
    assert (c.patient_id, c.status, c.server_version) == (pid, "referred", 2)
    assert meta(ctx, "patient", pid) == {}  # seen whole: the record version is every base
    assert ctx.read(lambda s: s.scalar(select(OutboxOp.seq).limit(1))) is None  # nothing to push


def test_the_newest_state_of_a_record_in_a_page_wins(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 2, city="Genk"), patient_change(pid, 1, city="Mol"),
          patient_change(pid, 4, city="Lier"), patient_change(pid, 3, city="Boom"))
    p = row(ctx, Patient, pid)
    assert (p.city, p.server_version) == ("Lier", 4)


def test_a_table_this_version_does_not_know_is_skipped_not_fatal(ctx: AppContext) -> None:
    pid = uuid7()
    stats = apply(ctx, Change(seq=next(_seq), table="from_the_future", record_id=uuid7(),
                              kind="upsert", fields={"x": 1}, record_version=1),
                  patient_change(pid))
    assert stats.skipped == 1 and row(ctx, Patient, pid) is not None


# ---- updates -----------------------------------------------------------------------------------
def test_an_update_sets_each_field_and_resets_the_ones_it_leaves_out(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 1, street="Kerkstraat", city="Mol", bim=True,
                              phones=["+32470123456"]))
    apply(ctx, patient_change(pid, 2, given_name="Marie", city="Mol"))
    p = row(ctx, Patient, pid)
    assert (p.given_name, p.city, p.server_version, p.updated_hlc) == ("Marie", "Mol", 2, hlc(2))
    # a record arrives whole: a column it leaves out holds its default (null, or a scalar)...
    assert (p.street, p.bim) == (None, False)
    assert p.phones == ["+32470123456"]  # ...but a computed default is always sent, left alone
    history = ctx.read(lambda s: {(f.field, f.old_value, f.new_value) for f in s.scalars(
        select(FieldChange).where(FieldChange.record_id == pid))})
    assert ("given_name", "Maria", "Marie") in history  # rectification history (art. 16)


def test_an_older_version_never_moves_the_record_version_back(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 5))
    apply(ctx, patient_change(pid, 3))
    assert row(ctx, Patient, pid).server_version == 5
    apply(ctx, patient_change(pid, 3), authoritative=True)  # a snapshot states the version
    assert row(ctx, Patient, pid).server_version == 3


def test_a_field_with_a_pending_local_edit_keeps_its_value_and_a_shadow(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 1, city="Mol"))
    edit_city(ctx, pid, "Geel")
    apply(ctx, patient_change(pid, 2, given_name="Marie", city="Lier"))
    p = row(ctx, Patient, pid)
    assert (p.city, p.given_name, p.server_version) == ("Geel", "Marie", 2)
    # the base of the pending edit frozen at the version it was made on, and the server's
    # newest value kept aside until the edit is settled
    assert meta(ctx, "patient", pid) == {"city": (1, None), "city@server": (2, "Lier")}
    apply(ctx, patient_change(pid, 3, given_name="Marie", city="Hasselt"))
    assert row(ctx, Patient, pid).city == "Geel"
    assert meta(ctx, "patient", pid) == {"city": (1, None), "city@server": (3, "Hasselt")}
    assert ctx.read(lambda s: s.scalars(select(OutboxOp.fields).where(
        OutboxOp.record_id == pid, OutboxOp.state == "pending")).all()) != []  # still to push


def test_a_settled_field_drops_its_versions(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 1, city="Mol"))
    edit_city(ctx, pid, "Geel")
    apply(ctx, patient_change(pid, 2, city="Lier"))
    assert set(meta(ctx, "patient", pid)) == {"city", "city@server"}

    def acknowledge(uow: UnitOfWork) -> None:  # what a push result does to the op
        for op in uow.session.scalars(select(OutboxOp).where(OutboxOp.record_id == pid)):
            op.state = "applied"
    ctx.write(acknowledge)
    apply(ctx, patient_change(pid, 4, city="Geel"))
    assert meta(ctx, "patient", pid) == {}
    assert row(ctx, Patient, pid).city == "Geel"


# ---- parents and children -----------------------------------------------------------------------
@pytest.mark.parametrize("bulk", [False, True], ids=["general", "bulk"])
def test_a_child_before_its_parent_waits_parked_until_the_parent_comes(
        ctx: AppContext, bulk: bool) -> None:
    pid, cid = uuid7(), uuid7()
    engine_page(ctx, case_change(cid, pid, 1, status="assessment"), bulk=bulk)
    assert row(ctx, Case, cid) is None  # not inserted without its patient
    assert parked(ctx) == [("case_record", cid)]
    engine_page(ctx, patient_change(pid, 1), bulk=False)  # the parked change goes first
    c = row(ctx, Case, cid)
    assert c is not None and (c.patient_id, c.status) == (pid, "assessment")
    assert parked(ctx) == []


@pytest.mark.parametrize("bulk", [False, True], ids=["general", "bulk"])
def test_a_child_before_its_parent_in_the_same_page_needs_no_parking(
        ctx: AppContext, bulk: bool) -> None:
    pid, cid = uuid7(), uuid7()
    engine_page(ctx, case_change(cid, pid, 1), patient_change(pid, 1), bulk=bulk)
    assert row(ctx, Case, cid) is not None and parked(ctx) == []


def test_a_grandchild_is_parked_with_the_child_that_waits(ctx: AppContext) -> None:
    from desktop.storage.models import Visit

    pid, cid, vid = uuid7(), uuid7(), uuid7()
    visit = Change(seq=next(_seq), table="visit", record_id=vid, patient_id=pid, kind="upsert",
                   fields={"patient_id": pid, "case_id": cid, "place": "home",
                           }, record_version=1, hlc=hlc(1))
    engine_page(ctx, patient_change(pid, 1))
    engine_page(ctx, visit)
    assert parked(ctx) == [("visit", vid)] and row(ctx, Visit, vid) is None
    engine_page(ctx, case_change(cid, pid, 1))
    assert parked(ctx) == [] and row(ctx, Visit, vid) is not None


# ---- tombstones ----------------------------------------------------------------------------------
def test_a_tombstone_deletes_a_known_record_and_skips_an_unknown_one(ctx: AppContext) -> None:
    pid, cid, unknown = uuid7(), uuid7(), uuid7()
    apply(ctx, patient_change(pid, 1), case_change(cid, pid, 1))
    stats = apply(ctx, Change(seq=next(_seq), table="case_record", record_id=cid, patient_id=pid,
                              kind="delete", fields={"patient_id": pid, "status": "closed"},
                              deleted=True, record_version=2, hlc=hlc(2)),
                  Change(seq=next(_seq), table="case_record", record_id=unknown,
                         patient_id=pid, kind="delete", record_version=2, hlc=hlc(2)))
    c = row(ctx, Case, cid)
    assert (c.deleted, c.server_version, c.status) == (True, 2, "closed")
    assert row(ctx, Case, unknown) is None  # nothing to delete, and too little to insert
    assert (stats.deletes, stats.skipped) == (1, 1)
    apply(ctx, case_change(cid, pid, 3))  # restored elsewhere
    assert row(ctx, Case, cid).deleted is False


def test_a_tombstone_of_a_record_deleted_here_and_not_pushed_keeps_the_local_flag(
        ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 1))

    def delete(uow: UnitOfWork) -> None:
        uow.delete(uow.session.get_one(Patient, pid))
    ctx.write(delete)
    apply(ctx, patient_change(pid, 2, given_name="Marie"))  # an edit elsewhere, not a restore
    p = row(ctx, Patient, pid)
    assert (p.deleted, p.given_name) == (True, "Marie")
    assert meta(ctx, "patient", pid)["_record@server"] == (2, False)


# ---- purges --------------------------------------------------------------------------------------
def purge(pid: str, reason: str = "consent_withdrawn") -> Change:
    return Change(seq=next(_seq), table="patient", record_id=pid, patient_id=pid, kind="purge",
                  reason=reason)


def test_a_purge_removes_the_patient_and_everything_of_theirs(ctx: AppContext) -> None:
    pid, cid, other = uuid7(), uuid7(), uuid7()
    apply(ctx, patient_change(pid, 1, family_name="Wouters"), case_change(cid, pid, 1),
          patient_change(other, 1, family_name="Claes"))
    assert found(ctx, "Wouters") == [pid]
    stats = apply(ctx, purge(pid))
    assert stats.purges == 1
    assert row(ctx, Patient, pid) is None and row(ctx, Case, cid) is None
    assert found(ctx, "Wouters") == [] and found(ctx, "Claes") == [other]
    assert ctx.read(lambda s: state.get(s, state.PURGE_LATER, [])) == []


def test_a_purge_waits_for_pending_edits_to_go_up(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 1, family_name="Wouters", city="Mol"))
    edit_city(ctx, pid, "Geel")
    apply(ctx, purge(pid))
    assert row(ctx, Patient, pid).city == "Geel"  # kept until the edit went up
    assert ctx.read(lambda s: state.get(s, state.PURGE_LATER, [])) == [pid]
    apply(ctx, purge(pid))
    assert ctx.read(lambda s: state.get(s, state.PURGE_LATER, [])) == [pid]  # listed once
    apply(ctx, patient_change(pid, 2, family_name="Wouters", city="Mol"))  # shown again
    assert ctx.read(lambda s: state.get(s, state.PURGE_LATER, [])) == []


def test_an_erasure_does_not_wait_and_lists_the_edits_it_drops(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 1, family_name="Wouters", city="Mol"))
    edit_city(ctx, pid, "Geel")
    apply(ctx, purge(pid, reason="erased"))
    assert row(ctx, Patient, pid) is None and found(ctx, "Wouters") == []
    states = ctx.read(lambda s: {(o.table_name, o.state, (o.result or {}).get("reason"))
                                 for o in s.scalars(select(OutboxOp).where(
                                     OutboxOp.patient_id == pid))})
    assert ("patient", "rejected", "sync.patient_purged") in states  # never dropped silently
    assert ("patient", "pending", None) not in states


# ---- the search index ---------------------------------------------------------------------------
def test_the_search_index_follows_pulled_patients(ctx: AppContext) -> None:
    pid = uuid7()
    apply(ctx, patient_change(pid, 1, family_name="Wouters", city="Tongeren"))
    assert found(ctx, "Wouters") == [pid] and found(ctx, "Tongeren") == [pid]
    apply(ctx, patient_change(pid, 2, family_name="Vermeulen", city="Tongeren"))
    assert found(ctx, "Wouters") == [] and found(ctx, "Vermeulen") == [pid]
    apply(ctx, patient_change(pid, 3, kind="delete", family_name="Vermeulen"))
    assert row(ctx, Patient, pid).deleted
    assert found(ctx, "Vermeulen") == []
    apply(ctx, patient_change(pid, 4, family_name="Vermeulen", city="Tongeren"))  # restored
    assert found(ctx, "Vermeulen") == [pid]


def test_the_search_index_knows_the_patients_of_an_initial_pull(ctx: AppContext) -> None:
    pid, gone = uuid7(), uuid7()
    assert bulk_page(ctx, patient_change(pid, 1, family_name="Wouters"),
                     patient_change(gone, 1, family_name="Claes", deleted=True)) == ([], [])
    assert found(ctx, "Wouters") == [pid]
    assert found(ctx, "Claes") == []  # a deleted patient is not found
    assert row(ctx, Patient, gone).deleted


def test_a_bulk_page_hands_records_already_here_to_the_general_path(ctx: AppContext) -> None:
    pid = uuid7()
    assert bulk_page(ctx, patient_change(pid, 1, family_name="Wouters")) == ([], [])
    newer = patient_change(pid, 2, family_name="Vermeulen")
    general, orphans = bulk_page(ctx, newer, patient_change(pid, 1, family_name="Wouters"))
    assert orphans == [] and [(c.record_id, c.record_version) for c in general] == [(pid, 2)]
    assert row(ctx, Patient, pid).family_name == "Wouters"  # not overwritten by the insert
