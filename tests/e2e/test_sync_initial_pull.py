"""The first pull into an empty vault (issue 17): larger pages, several pages per transaction with
the cursor, records inserted through the driver. It must end exactly where the general path
ends (same rows, same versions, same search index), survive a cut at any page, park a child
whose parent comes later, and give way to the general path as soon as anything is written
locally."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from desktop.services import sync as sync_service
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage import search
from desktop.storage.models import (
    Action,
    CarePlan,
    Case,
    Contact,
    FieldChange,
    FieldMeta,
    Goal,
    Note,
    Patient,
    Relationship,
    Visit,
)
from desktop.sync import state
from desktop.sync.client import SyncClient, SyncError
from desktop.sync.engine import SyncEngine
from tests.e2e.sync_support import (
    URL,
    Device,
    FaultyTransport,
    Server,
    add_shared_patient,
    assert_device_equals_server,
    assert_outbox_settled,
    local_records,
    quiesce,
    scratch,
)


@pytest.fixture
def team() -> Iterator[tuple[Path, Server, Device]]:
    """A server with a small caseload written by one laptop: every kind of child record,
    edits (versions above 1), a deleted visit, a patient edited after its children (so that
    the server sends it early, as a prerequisite, and again at its own seq)."""
    folder = scratch("relais-initial-")
    server = Server(folder / "server")
    writer = Device(folder / "writer", server, "writer")
    try:
        pids = [add_shared_patient(writer.ctx, f"Famille{i}", "Marie") for i in range(6)]

        def fill(uow: UnitOfWork) -> None:
            for n, pid in enumerate(pids):
                case = uow.add(Case, patient_id=pid, status="active",
                               opened_on=dt.date(2026, 10, 1), crisis_triggers=["housing_loss"])
                contact = uow.add(Contact, kind="family", family_name=f"Proche{n}",
                                  owner_patient_id=pid, phones=["+3281000001"])
                uow.add(Relationship, patient_id=pid, contact_id=contact.id, role="fille",
                        since=dt.date(2019, 1, 1), pos_x=0.5)
                for k in range(4):
                    visit = uow.add(Visit, case_id=case.id, patient_id=pid, status="done",
                                    planned_start=dt.datetime(2026, 11, 1 + k, 9, 30),
                                    participants=["writer"], notes="Visite " * 20)
                    if k == 3:
                        uow.delete(visit)
                    uow.add(Note, patient_id=pid, case_id=case.id, text="Note " * 30,
                            written_at=dt.datetime(2026, 11, 2, 8, 0, 15, 250))
                plan = uow.add(CarePlan, patient_id=pid, case_id=case.id, status="agreed",
                               review_date=dt.date(2027, 1, 5))
                goal = uow.add(Goal, plan_id=plan.id, patient_id=pid, text="Rester à domicile",
                               needs=["repas"])
                uow.add(Action, goal_id=goal.id, plan_id=plan.id, patient_id=pid,
                        what="Repas livrés", responsible_kind="contact",
                        responsible_contact_id=contact.id, schedule={"days": ["mon"]})
        writer.ctx.write(fill)
        writer.sync()

        def edit(uow: UnitOfWork) -> None:  # parents changed after their children
            for pid in pids[:3]:
                uow.update(uow.session.get(Patient, pid), {"city": "Dinant"})
        writer.ctx.write(edit)
        quiesce([writer])
        yield folder, server, writer
    finally:
        writer.close()
        server.close()


def _engine(device: Device, transport: httpx.BaseTransport, **kw: Any) -> SyncEngine:
    client = SyncClient(URL, token=sync_service.client_for(device.ctx).token,
                        transport=transport)
    return SyncEngine(device.ctx, client, **kw)


def _count(device: Device, model: Any) -> int:
    return int(device.ctx.read(lambda s: s.scalar(select(func.count()).select_from(model))))


def _comparable(device: Device) -> dict[tuple[str, str], dict[str, Any]]:
    """This laptop's records, without its own audit events (each laptop has its own)."""
    return {k: v for k, v in local_records(device.ctx).items() if k[0] != "audit_event"}


class Recorder(FaultyTransport):
    """Notes the limit each pull asked for."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        super().__init__(inner)
        self.limits: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/pull"):
            self.limits.append(int(request.url.params["limit"]))
        return super().handle_request(request)


def test_initial_pull_ends_where_the_general_path_ends(team: tuple[Path, Server, Device]) -> None:
    folder, server, writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    general = Device(folder / "general", server, "general")
    try:
        # a record written here before the first pull: this vault takes the general path
        general.ctx.write(lambda uow: uow.add(Contact, kind="gp", family_name="Dr Local"))
        general.sync()
        recorder = Recorder(server.transport)
        report = _engine(fresh, recorder).run()
        general.sync()
        assert report.pulled >= 6 * 16
        assert recorder.limits and recorder.limits[0] == 5000  # the first pull's large pages
        for device in (fresh, general):
            assert_device_equals_server(device, server)
            assert_outbox_settled(device)
        mine = _comparable(fresh)
        theirs = {k: v for k, v in _comparable(general).items() if k in mine}
        assert mine == theirs
        assert len(mine) == len(theirs)
        # nothing the general path keeps for merges, and the search index knows every patient
        assert _count(fresh, FieldMeta) == 0
        assert _count(fresh, FieldChange) == 0
        found = fresh.ctx.read(lambda s: search.search_ids(s, "famille"))
        assert len(found) == len(set(found)) == 6
        assert fresh.ctx.read(lambda s: search.search_ids(s, "dinant"))
        assert fresh.ctx.read(lambda s: state.get(s, state.INITIAL_PULL)) is None
        assert general.ctx.read(lambda s: state.get(s, state.INITIAL_PULL)) is None
        # and later syncs take the general path, both ways
        writer.ctx.write(lambda uow: uow.add(Contact, kind="gp", family_name="Dr Later"))
        quiesce([writer, fresh, general])
        for device in (writer, fresh, general):
            assert_device_equals_server(device, server)
    finally:
        fresh.close()
        general.close()


def test_cut_initial_pull_keeps_what_it_applied_and_resumes(
        team: tuple[Path, Server, Device]) -> None:
    folder, server, _writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    try:
        transport = FaultyTransport(server.transport)
        # small pages, two per transaction: the third transaction's fetch fails
        transport.plan = ["ok"] * 6 + ["drop_response"]
        engine = _engine(fresh, transport, page_size=10, initial_page_size=10, bulk_records=20)
        with pytest.raises(SyncError):
            engine.run()
        cursor = fresh.cursor()
        assert cursor > 0  # the pages before the failure are committed, with their cursor
        assert fresh.ctx.read(lambda s: state.get(s, state.INITIAL_PULL)) is not None
        transport.plan = ["ok"] * 3 + ["truncate"]
        with pytest.raises(SyncError):
            _engine(fresh, transport, page_size=10, initial_page_size=10, bulk_records=20).run()
        assert fresh.cursor() >= cursor
        _engine(fresh, transport, page_size=10, initial_page_size=10, bulk_records=20).run()
        assert_device_equals_server(fresh, server)
        assert _count(fresh, FieldMeta) == 0
        found = fresh.ctx.read(lambda s: search.search_ids(s, "famille"))
        assert len(found) == len(set(found)) == 6
    finally:
        fresh.close()


def test_a_local_write_during_the_initial_pull_hands_over_to_the_general_path(
        team: tuple[Path, Server, Device]) -> None:
    folder, server, _writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    try:
        transport = FaultyTransport(server.transport)
        transport.plan = ["ok"] * 4 + ["drop_request"]
        with pytest.raises(SyncError):
            _engine(fresh, transport, page_size=10, initial_page_size=10,
                    bulk_records=20).run()
        assert fresh.ctx.read(lambda s: state.get(s, state.INITIAL_PULL)) is not None
        pid = fresh.ctx.read(lambda s: s.scalars(select(Patient.id)).first())
        assert pid is not None
        fresh.ctx.write(lambda uow: uow.update(uow.session.get(Patient, pid),
                                               {"mutualite": "Solidaris"}))
        _engine(fresh, transport, page_size=10, initial_page_size=10, bulk_records=20).run()
        assert fresh.ctx.read(lambda s: state.get(s, state.INITIAL_PULL)) is None
        assert_device_equals_server(fresh, server)
        assert_outbox_settled(fresh)
        assert fresh.ctx.read(lambda s: s.get(Patient, pid).mutualite) == "Solidaris"
    finally:
        fresh.close()


class LateParents(FaultyTransport):
    """Takes out of each pull page the records the server placed early (a parent changed after
    its child comes at its own, later seq too): children then arrive before their parents, as
    from a server that does not place prerequisites."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if not request.url.path.endswith("/pull") or response.status_code != 200:
            return response
        data = json.loads(response.content)
        data["changes"] = [c for c in data["changes"] if c["seq"] <= data["next_cursor"]]
        return httpx.Response(200, content=json.dumps(data).encode(),
                              headers={"Content-Type": "application/json"}, request=request)


def test_children_before_their_parents_wait_parked(team: tuple[Path, Server, Device]) -> None:
    folder, server, _writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    try:
        transport = LateParents(server.transport)
        engine = _engine(fresh, transport, page_size=15, initial_page_size=15, bulk_records=30)
        engine.run()
        assert fresh.ctx.read(lambda s: state.get(s, state.PARKED, [])) == []
        assert_device_equals_server(fresh, server)
        found = fresh.ctx.read(lambda s: search.search_ids(s, "dinant"))
        assert len(found) == len(set(found)) == 3
    finally:
        fresh.close()


class OlderServer(Recorder):
    """A server from before issue 17: pages of at most 1000 changes (422 above)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/pull") and int(request.url.params["limit"]) > 1000:
            self.limits.append(int(request.url.params["limit"]))
            return httpx.Response(422, json={"detail": [{"loc": ["query", "limit"]}]},
                                  request=request)
        return super().handle_request(request)


def test_a_server_with_smaller_pages_gets_its_size(team: tuple[Path, Server, Device]) -> None:
    folder, server, _writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    try:
        transport = OlderServer(server.transport)
        _engine(fresh, transport, page_size=40).run()
        assert transport.limits[:2] == [5000, 40]  # refused once, then its size throughout
        assert set(transport.limits[2:]) == {40}
        assert_device_equals_server(fresh, server)
    finally:
        fresh.close()


def test_the_cycle_collector_waits_during_the_initial_pull_only(
        team: tuple[Path, Server, Device]) -> None:
    """The first pull's pages would set the collector walking the whole heap again and again:
    it is off while they are applied, on again afterwards (also after a failed pull), and left
    alone by later pulls."""
    import gc

    folder, server, writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    seen: list[bool] = []

    def progress(stage: str, _n: int) -> None:
        if stage == "pull":
            seen.append(gc.isenabled())
    try:
        assert gc.isenabled()
        transport = FaultyTransport(server.transport)
        transport.plan = ["ok"] * 4 + ["drop_response"]
        with pytest.raises(SyncError):
            _engine(fresh, transport, page_size=10, initial_page_size=10, bulk_records=20,
                    progress=progress).run()
        assert seen and not any(seen)
        assert gc.isenabled()
        seen.clear()
        _engine(fresh, server.transport, progress=progress).run()
        assert seen and not any(seen) and gc.isenabled()
        seen.clear()
        writer.ctx.write(lambda uow: uow.add(Contact, kind="gp", family_name="Dr Later"))
        writer.sync()
        report = _engine(fresh, server.transport, progress=progress).run()
        assert report.pulled >= 1 and seen and all(seen)
        assert_device_equals_server(fresh, server)
    finally:
        fresh.close()


def test_pages_are_fetched_ahead_while_the_writer_is_busy(
        team: tuple[Path, Server, Device]) -> None:
    """Each request starts at the cursor of the page before: the fetcher asks for the next one
    as soon as a page arrives, not when the writer takes it, so the server keeps preparing
    pages while the laptop applies and commits (up to PREFETCH_PAGES waiting)."""
    import threading

    from desktop.sync.engine import PREFETCH_PAGES, SyncReport

    folder, server, _writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    release = threading.Event()
    try:
        recorder = Recorder(server.transport)
        engine = _engine(fresh, recorder, page_size=10, initial_page_size=10, bulk_records=20)
        report = SyncReport()
        engine.push_all(report)  # this laptop's own audit events
        held = fresh.ctx.writer.submit(lambda _s: release.wait(30))  # the writer is busy
        runner = threading.Thread(target=engine.pull_all, args=(report,))
        runner.start()
        try:
            # the page the engine holds, PREFETCH_PAGES waiting, one more asked for
            deadline = dt.datetime.now() + dt.timedelta(seconds=20)
            while len(recorder.limits) < PREFETCH_PAGES + 2 and dt.datetime.now() < deadline:
                release.wait(0.02)
            asked = len(recorder.limits)
        finally:
            release.set()
            runner.join(60)
        held.result(5)
        assert asked == PREFETCH_PAGES + 2
        assert report.pulled >= 6 * 16
        fresh.sync()
        assert_device_equals_server(fresh, server)
    finally:
        fresh.close()


def test_the_server_sums_its_copy_while_the_last_pages_are_applied(
        team: tuple[Path, Server, Device]) -> None:
    """A check due after this pull: it is asked for as soon as the last page arrived, before
    the writer applied it (the laptop then sums its own copy); it still compares the same
    state and passes."""
    import threading

    from desktop.sync.engine import SyncReport

    folder, server, _writer = team
    fresh = Device(folder / "fresh", server, "fresh")
    release, asked = threading.Event(), threading.Event()

    class Watch(FaultyTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/checksum"):
                asked.set()
            return super().handle_request(request)
    try:
        # one page: the last, which the writer waits with
        engine = _engine(fresh, Watch(server.transport))
        engine.push_all(SyncReport())  # this laptop's own audit events
        held = fresh.ctx.writer.submit(lambda _s: release.wait(30))  # the writer is busy
        done: list[Any] = []
        runner = threading.Thread(target=lambda: done.append(engine.run()))
        runner.start()
        try:
            early = asked.wait(20)
            pulled_then = fresh.cursor()
        finally:
            release.set()
            runner.join(60)
        held.result(5)
        assert early and pulled_then == 0  # asked for before any page was committed
        assert done and done[0].checksum_ok is True
        assert_device_equals_server(fresh, server)
    finally:
        fresh.close()
