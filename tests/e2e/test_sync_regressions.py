"""Failing examples found by the sync state machine, kept as plain regression tests (the
Hypothesis database is not committed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desktop.services import sync as sync_service
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import ConsentEvent, Contact, OutboxOp, Patient
from desktop.sync import state
from tests.e2e.sync_support import (
    Device,
    Server,
    add_shared_patient,
    assert_device_equals_server,
    assert_outbox_settled,
    quiesce,
    record_consent,
    scratch,
    two_laptops,
)


@pytest.fixture
def trio() -> Iterator[tuple[Server, Device, Device]]:
    with two_laptops("relais-regress-") as laptops:
        yield laptops


def _converged(server: Server, *devices: Device) -> None:
    quiesce(list(devices))
    for d in devices:
        assert_device_equals_server(d, server)
        assert_outbox_settled(d)


def test_withdrawal_and_new_grant_pushed_together_keep_the_patient(
        trio: tuple[Server, Device, Device]) -> None:
    """Withdrawn then granted again offline: the withdrawal purges the server, the grant lifts
    the block; the laptop must keep the patient and share it again in full (it once purged its
    own copy and left the new consent event orphaned)."""
    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    _converged(server, a, b)
    record_consent(a.ctx, pid, "withdrawn")
    record_consent(a.ctx, pid, "granted")
    a.sync()
    assert a.ctx.read(lambda s: s.get(Patient, pid) is not None)
    _converged(server, a, b)
    assert b.ctx.read(lambda s: s.get(Patient, pid) is not None)  # shared again
    assert ("patient", pid) in server.records()


def test_edit_that_lost_against_a_delete_takes_the_tombstone(
        trio: tuple[Server, Device, Device]) -> None:
    """b edits a contact that a deleted meanwhile; b's pull saw the tombstone while its edit
    waited (its response was lost): b ends with the server's values, not its lost edit."""
    server, a, b = trio

    def add(uow: UnitOfWork) -> str:
        return uow.add(Contact, kind="gp", family_name="Lambert").id
    cid = a.ctx.write(add)
    _converged(server, a, b)
    a.ctx.write(lambda uow: uow.delete(uow.session.get(Contact, cid)))
    a.sync()
    b.ctx.write(lambda uow: uow.update(uow.session.get(Contact, cid), {"note": "C"}))
    with pytest.raises(sync_service.SyncError):
        b.sync(["drop_response"])  # the push got through, its answer did not
    _converged(server, a, b)
    assert b.ctx.read(lambda s: s.get(Contact, cid).note) is None
    assert b.ctx.read(lambda s: s.get(Contact, cid).deleted)
    assert [c.field for c in sync_service.list_conflicts(b.ctx)] == ["_record"]


def test_grant_pushed_after_another_laptop_withdrew_keeps_the_patient(
        trio: tuple[Server, Device, Device]) -> None:
    """a withdraws, b (offline) withdraws then grants again: a's withdrawal purges the server,
    b's grant lifts the block; b must keep its copy and share it again (it once purged it and
    every other laptop kept an orphan consent event)."""
    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    _converged(server, a, b)
    record_consent(a.ctx, pid, "withdrawn")
    record_consent(b.ctx, pid, "withdrawn")
    record_consent(b.ctx, pid, "granted")
    a.sync()
    b.sync()
    assert b.ctx.read(lambda s: s.get(Patient, pid) is not None)
    _converged(server, a, b)
    assert ("patient", pid) in server.records()


def test_older_grant_pushed_after_a_newer_withdrawal_does_not_share_again() -> None:
    """b withdraws then grants (offline), c withdraws later (offline). c's withdrawal reaches the
    server first, then b's grant: the latest decision is c's withdrawal, on every laptop (found
    by the sync soak, seed 2182260136879728917456060197047028024). Since issue 15 the server
    keeps the record (responsible only: here every laptop is the recording user's)."""
    folder = scratch("relais-regress-")
    server = Server(folder / "server")
    a, b, c = (Device(folder / n, server, n) for n in ("a", "b", "c"))
    try:
        pid = add_shared_patient(a.ctx, "Dupont")
        quiesce([a, b, c])
        record_consent(b.ctx, pid, "withdrawn")
        record_consent(b.ctx, pid, "granted")
        record_consent(c.ctx, pid, "withdrawn")  # the latest decision
        c.sync()
        b.sync()
        quiesce([a, b, c])
        assert ("patient", pid) in server.records()
        assert server.access(pid) == "responsible"
        for d in (a, b, c):
            assert d.ctx.read(lambda s: pid not in sync_service.allowed_ids(s)), d.name
            assert_outbox_settled(d)
        assert b.ctx.read(lambda s: s.scalars(select(OutboxOp.state).where(
            OutboxOp.table_name == "consent_event")).all()) == ["sent", "sent"]
    finally:
        for d in (a, b, c):
            d.close()
        server.close()


def test_consent_changed_back_and_forth_offline_reaches_the_server_as_the_last_decision(
        trio: tuple[Server, Device, Device]) -> None:
    """A new patient, withdrawn, granted, withdrawn and granted again before it ever went up:
    the one push carries the whole log. The server once purged at each withdrawal inside the
    batch and the patient never arrived (soak, after the kept-consent fix)."""
    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    record_consent(a.ctx, pid, "withdrawn")
    a.sync()
    record_consent(a.ctx, pid, "granted")
    record_consent(a.ctx, pid, "withdrawn")
    a.sync()
    record_consent(a.ctx, pid, "granted")
    _converged(server, a, b)
    assert ("patient", pid) in server.records()
    assert b.ctx.read(lambda s: s.get(Patient, pid) is not None)


def test_withdrawal_and_a_colleague_edit_both_reach_the_server(
        trio: tuple[Server, Device, Device]) -> None:
    """a withdrew (its answer lost) and granted again; b edited and withdrew meanwhile: every
    decision and the edit are on the server, and b's withdrawal, the latest, wins."""
    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    _converged(server, a, b)
    b.ctx.write(lambda uow: uow.update(uow.session.get(Patient, pid), {"mutualite": "B"}))
    record_consent(a.ctx, pid, "withdrawn")
    with pytest.raises(sync_service.SyncError):
        a.sync(["drop_response"])
    record_consent(a.ctx, pid, "granted")
    with pytest.raises(sync_service.SyncError):  # its pull lost (the push's answer had none)
        a.sync(["no_page", "drop_request"])
    record_consent(b.ctx, pid, "withdrawn")
    b.sync()
    _converged(server, a, b)
    assert server.records()[("patient", pid)].fields["mutualite"] == "B"
    assert server.access(pid) == "responsible"
    assert b.ctx.read(lambda s: s.get(Patient, pid).mutualite) == "B"


def test_erasure_reaches_every_copy_and_no_grant_brings_it_back(
        trio: tuple[Server, Device, Device]) -> None:
    """Both laptops withdrew (b offline). a erases the patient: b's copy goes too, b's later
    grant cannot share it again, and the erasure's own audit event is kept (issue 15)."""
    from desktop.services import gdpr
    from desktop.storage.models import AuditEvent

    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    _converged(server, a, b)
    record_consent(a.ctx, pid, "withdrawn")
    record_consent(b.ctx, pid, "withdrawn")
    _converged(server, a, b)
    assert gdpr.erase(a.ctx, pid, "Demande du patient", vacuum=False).erased
    record_consent(b.ctx, pid, "granted")  # offline, before b hears of the erasure
    _converged(server, a, b)
    assert b.ctx.read(lambda s: s.get(Patient, pid)) is None
    left = [(key[0], rec.fields.get("action")) for key, rec in server.records().items()
            if key[1] == pid or rec.patient_id == pid]
    assert left == [("audit_event", "erase")]
    for d in (a, b):
        assert d.ctx.read(lambda s: s.scalars(select(AuditEvent.action).where(
            AuditEvent.patient_id == pid)).all()) == ["erase"], d.name
    reasons = b.ctx.read(lambda s: {(o.result or {}).get("reason") for o in s.scalars(
        select(OutboxOp).where(OutboxOp.state == "rejected"))})
    assert reasons <= {"sync.patient_erased", "sync.patient_purged"}
    # nobody is asked about audit events refused after the erasure
    assert not any(i.table == "audit_event" for i in sync_service.needs_attention(b.ctx))


def test_rebuild_does_not_replay_an_old_purge_over_a_patient_shared_again(
        trio: tuple[Server, Device, Device]) -> None:
    """A snapshot holds every purge the server still keeps. Replayed in order, the purge of a
    patient withdrawn and later shared again erased b's local rectification history and its
    waiting edits, before the records came back from the snapshot."""
    from desktop.storage.models import FieldChange

    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    _converged(server, a, b)
    record_consent(a.ctx, pid, "withdrawn")
    a.sync()
    record_consent(a.ctx, pid, "granted")
    _converged(server, a, b)
    b.ctx.write(lambda uow: uow.update(uow.session.get(Patient, pid), {"city": "Namur"}))
    b.sync()
    history = b.ctx.read(lambda s: len(s.scalars(select(FieldChange).where(
        FieldChange.patient_id == pid)).all()))
    assert history >= 1
    other = add_shared_patient(a.ctx, "Martin")
    _converged(server, a, b)
    record_consent(a.ctx, other, "withdrawn")
    a.sync()
    b.ctx.write(lambda uow: state.put(uow.session, state.REBUILD, True))
    report = b.sync()
    assert report.rebuilt
    assert b.ctx.read(lambda s: len(s.scalars(select(FieldChange).where(
        FieldChange.patient_id == pid)).all())) == history
    # withdrawn, but b's user recorded it: the responsible case manager keeps it
    assert b.ctx.read(lambda s: s.get(Patient, other)) is not None
    _converged(server, a, b)
    assert b.ctx.read(lambda s: s.get(Patient, pid).city) == "Namur"


def test_rebuild_in_the_gap_keeps_what_came_after_the_purge(
        trio: tuple[Server, Device, Device]) -> None:
    """b writes a note while the block is lifted but the patient not yet sent again, then
    rebuilds: the records that came after the purge stay (a first fix that applied a
    snapshot's purges at its end deleted them, and the cursor had moved past them)."""
    from desktop.services import journal

    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    _converged(server, a, b)
    record_consent(a.ctx, pid, "withdrawn")
    with pytest.raises(sync_service.SyncError):
        a.sync(["drop_response"])
    record_consent(a.ctx, pid, "granted")
    with pytest.raises(sync_service.SyncError):
        a.sync(["no_page", "drop_request"])  # the gap: lifted, records not sent again
    journal.add_note(b.ctx, pid, "Visite à domicile")
    b.sync()
    b.ctx.write(lambda uow: state.put(uow.session, state.REBUILD, True))
    assert b.sync().rebuilt
    _converged(server, a, b)
    assert b.ctx.read(lambda s: s.get(Patient, pid) is not None)


def test_a_withdrawal_kept_with_the_purge_is_shared_when_consent_returns(
        trio: tuple[Server, Device, Device]) -> None:
    """b's withdrawal, pushed after a's had purged the patient, only joined the log kept with
    the purge. When a's later grant lifted the block, that log was dropped: b's decision lived
    on b alone (soak with the rebuild rule). The kept decisions now become records again."""
    server, a, b = trio
    pid = add_shared_patient(a.ctx, "Dupont")
    _converged(server, a, b)
    record_consent(a.ctx, pid, "withdrawn")
    a.sync()
    late = record_consent(b.ctx, pid, "withdrawn")
    b.sync()
    record_consent(a.ctx, pid, "granted")
    a.sync()
    # at once, not only when b happens to share the patient again (after a rebuild b never
    # saw the purge, so it never did)
    assert ("consent_event", late) in server.records()
    _converged(server, a, b)
    assert a.ctx.read(lambda s: s.get(ConsentEvent, late) is not None)


def test_one_person_registered_on_two_laptops_does_not_stop_the_sync(
        trio: tuple[Server, Device, Device]) -> None:
    """Two case managers registered the same person (same NISS) offline: the second laptop's
    pull failed on that patient at every try (a unique index) and its sync stopped for good;
    a laptop joining later could not even make its first pull. Both dossiers now travel, each
    saying that another one has its NISS."""
    import datetime as dt

    from desktop.domain.niss import make_niss
    from desktop.services.patients import PatientFields, add_patient, get_patient

    server, a, b = trio
    niss = make_niss(dt.date(1941, 2, 3), 12)  # a valid number: the form refuses others
    ids = []
    for device, given in ((a, "Marie"), (b, "Maria")):
        pid = add_patient(device.ctx, PatientFields(family_name="Dupont", given_name=given,
                                                    niss=niss, city="Namur"))
        record_consent(device.ctx, pid, "granted")
        ids.append(pid)
    _converged(server, a, b)
    folder = a.folder.parent
    c = Device(folder / "c", server, "c")  # a first pull into an empty vault (the bulk path)
    try:
        _converged(server, a, b, c)
        for device in (a, b, c):
            views = {pid: get_patient(device.ctx, pid) for pid in ids}
            assert all("same_niss" in v.badges for v in views.values())
            assert views[ids[0]].same_niss == ["DUPONT Maria (Namur)"]
            assert views[ids[1]].same_niss == ["DUPONT Marie (Namur)"]
    finally:
        c.close()
    with pytest.raises(Exception, match="niss"):  # typed on one laptop: still refused
        add_patient(a.ctx, PatientFields(family_name="Autre", given_name="Personne", niss=niss))
