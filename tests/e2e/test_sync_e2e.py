"""Sync end to end (issue 8): the CLI against a real uvicorn, bad input (unreachable, changed
certificate, 500, garbage, 426, full disk, clocks days off), revocation, 410 rebuild."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text

from desktop.domain.hlc import HybridClock
from desktop.services import sync as sync_service
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.errors import VaultError
from desktop.storage.models import Contact, OutboxOp, Patient
from desktop.sync import state
from desktop.sync.client import SyncError
from tests import fastkdf
from tests.e2e.sync_support import (
    PASSPHRASE,
    Device,
    LiveServer,
    Server,
    add_shared_patient,
    assert_device_equals_server,
    assert_outbox_settled,
    copy_template,
    quiesce,
    scratch,
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    srv = Server(scratch("relais-e2e-") / "server")
    yield srv
    srv.close()


@pytest.fixture
def pair(server: Server) -> Iterator[tuple[Device, Device]]:
    folder = server.settings.data_dir.parent
    a, b = Device(folder / "a", server, "a"), Device(folder / "b", server, "b")
    yield a, b
    a.close()
    b.close()


def _pending(dev: Device) -> int:
    return int(dev.ctx.read(lambda s: len(s.scalars(select(OutboxOp.seq).where(
        OutboxOp.state == "pending")).all())))


def _contacts(dev: Device, n: int, name: str = "Dr") -> None:
    def run(uow: UnitOfWork) -> None:
        for i in range(n):
            uow.add(Contact, kind="gp", family_name=f"{name} {i}", organisation="Cabinet")
    dev.ctx.write(run)


# ---- the command line, over real HTTP -------------------------------------------------------
def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "RELAIS_PASSPHRASE": PASSPHRASE, "RELAIS_LANG": "en", **(env or {})}
    return subprocess.run(fastkdf.argv("desktop", *args), env=full,
                          capture_output=True, text=True, timeout=120)


def test_cli_enroll_and_sync_between_two_vaults(tmp_path: Path) -> None:
    from desktop.services.context import AppContext

    live = LiveServer(scratch("relais-cli-") / "server")
    try:
        one, two = tmp_path / "one", tmp_path / "two"
        for folder in (one, two):
            copy_template("vault", folder)
        bad = _cli("enroll", "--server", live.url, "--user", "demo", "--vault", str(one),
                   env={"RELAIS_SERVER_PASSWORD": "wrong"})
        assert bad.returncode == 1 and "Wrong user name or password" in bad.stderr
        ok = _cli("enroll", "--server", live.url, "--user", "demo", "--vault", str(one),
                  "--json", env={"RELAIS_SERVER_PASSWORD": "demo-password"})
        assert ok.returncode == 0, ok.stderr
        assert json.loads(ok.stdout)["teams"] == ["Équipe Namur"]
        ctx = AppContext.open(one, PASSPHRASE)
        pid = add_shared_patient(ctx, "Dupont")
        ctx.lock()
        first = _cli("sync", "--vault", str(one), "--json")
        assert first.returncode == 0, first.stderr
        assert json.loads(first.stdout)["pushed"] >= 2
        ctx = AppContext.open(two, PASSPHRASE)
        sync_service.enroll(ctx, live.url, "demo", "demo-password")
        ctx.lock()
        second = _cli("sync", "--vault", str(two))
        assert second.returncode == 0 and "Sync done" in second.stdout, second.stderr
        ctx = AppContext.open(two, PASSPHRASE)
        try:
            assert ctx.read(lambda s: s.scalars(select(Patient.id)).all()) == [pid]
            assert sync_service.status(ctx).pending == 0
        finally:
            ctx.lock()
    finally:
        live.stop()


def test_cli_refuses_plain_http_to_another_host(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    copy_template("vault", folder)
    res = _cli("enroll", "--server", "http://relais.example.org", "--user", "demo",
               "--vault", str(folder), env={"RELAIS_SERVER_PASSWORD": "x"})
    assert res.returncode == 2 and "https://" in res.stderr


# ---- bad input: clear error, nothing lost, resumes --------------------------------------------
def test_unreachable_server_keeps_everything_and_resumes(pair: tuple[Device, Device],
                                                         server: Server) -> None:
    a, b = pair
    add_shared_patient(a.ctx, "Dupont")
    before = _pending(a)
    url_ok = a.ctx.read(lambda s: state.get(s, state.SERVER_URL))
    a.ctx.write(lambda uow: state.put(uow.session, state.SERVER_URL, "http://127.0.0.1:9"))
    with pytest.raises(SyncError) as exc:
        sync_service.sync_now(a.ctx)  # a real network client to a closed port
    assert exc.value.code == "sync.unreachable" and exc.value.retry
    st = sync_service.status(a.ctx)
    assert st.online is False and st.last_error == "sync.unreachable"
    assert _pending(a) == before
    a.ctx.write(lambda uow: state.put(uow.session, state.SERVER_URL, url_ok))
    quiesce([a, b])
    assert sync_service.status(a.ctx).online is True
    assert_device_equals_server(b, server)


@pytest.mark.parametrize(("fault", "code"), [("error500", "sync.server_error"),
                                             ("truncate", "sync.bad_response"),
                                             ("drop_response", "sync.unreachable")])
def test_server_errors_and_garbage_lose_nothing(pair: tuple[Device, Device], server: Server,
                                                fault: str, code: str) -> None:
    a, b = pair
    add_shared_patient(a.ctx, "Dupont")
    _contacts(a, 5)
    cursor = a.cursor()
    with pytest.raises(SyncError) as exc:
        a.sync([fault] * 6)
    assert exc.value.code == code
    assert a.cursor() >= cursor
    quiesce([a, b])
    for d in (a, b):
        assert_device_equals_server(d, server)
        assert_outbox_settled(d)


def test_garbage_body_is_refused_whole(pair: tuple[Device, Device], server: Server) -> None:
    a, b = pair
    add_shared_patient(a.ctx, "Dupont")
    a.sync()

    class Garbage(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/pull"):
                return httpx.Response(200, content=b"\x00\xffnot json at all",
                                      headers={"Content-Type": "application/json"})
            return server.transport.handle_request(request)
    with pytest.raises(SyncError) as exc:
        sync_service.sync_now(b.ctx, transport=Garbage)
    assert exc.value.code == "sync.bad_response"
    assert b.cursor() == 0 and b.ctx.read(lambda s: s.get(Patient, a.ctx.read(
        lambda s2: s2.scalars(select(Patient.id)).one())) is None)
    b.sync()
    assert_device_equals_server(b, server)


def test_unsupported_version_says_update(pair: tuple[Device, Device]) -> None:
    a, _b = pair

    class Old(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(426, json={"detail": "sync.protocol_unsupported"})
    with pytest.raises(SyncError) as exc:
        sync_service.sync_now(a.ctx, transport=Old)
    assert exc.value.code == "sync.protocol_unsupported" and not exc.value.retry


def test_changed_certificate_stops_before_sending(tmp_path: Path) -> None:
    folder = scratch("relais-tls-")
    live = LiveServer(folder / "server", tls=True)
    port = live.port
    from desktop.services.context import AppContext

    ctx, _ = AppContext.create(folder / "vault", PASSPHRASE)
    try:
        info = sync_service.enroll(ctx, live.url, "demo", "demo-password",
                                   fingerprint=live.fingerprint)
        assert info.fingerprint and info.fingerprint.replace(":", "").lower() == live.fingerprint
        add_shared_patient(ctx, "Dupont")
        assert sync_service.sync_now(ctx).pushed >= 2  # pinned certificate: accepted
        live.stop()
        # same address, another certificate (a server replaced, or someone in between)
        other = LiveServer(folder / "server", tls=True, port=port)
        try:
            add_shared_patient(ctx, "Janssens")
            waiting = sync_service.status(ctx).pending
            with pytest.raises(SyncError) as exc:
                sync_service.sync_now(ctx)
            assert exc.value.code == "sync.fingerprint_changed" and not exc.value.retry
            assert sync_service.status(ctx).pending == waiting
            assert len(other.records()) == len(other.records())  # server reachable for reads
            with pytest.raises(SyncError) as wrong:
                sync_service.enroll(ctx, other.url, "demo", "demo-password",
                                    fingerprint="00" * 32)
            assert wrong.value.code == "sync.fingerprint_mismatch"
        finally:
            other.stop()
    finally:
        ctx.lock()


def test_clocks_three_days_off_still_converge(pair: tuple[Device, Device],
                                              server: Server) -> None:
    a, b = pair
    day = 24 * 3600 * 1000
    real = lambda: time.time_ns() // 1_000_000  # noqa: E731
    a.ctx.clock = HybridClock(a.ctx.device_id, a.ctx.clock.last, now_ms=lambda: real() + 3 * day)
    b.ctx.clock = HybridClock(b.ctx.device_id, None, now_ms=lambda: real() - 3 * day)
    pid = add_shared_patient(a.ctx, "Dupont")
    a.sync()
    b.sync()

    def edit(dev: Device, values: dict[str, object]) -> None:
        dev.ctx.write(lambda uow: uow.update(uow.session.get(Patient, pid), values))
    edit(b, {"city": "Namur"})
    edit(a, {"mutualite": "Solidaris"})
    quiesce([a, b])
    for d in (a, b):
        assert_device_equals_server(d, server)
    assert b.ctx.read(lambda s: s.get(Patient, pid).mutualite) == "Solidaris"
    assert a.ctx.read(lambda s: s.get(Patient, pid).city) == "Namur"
    assert sync_service.list_conflicts(a.ctx) == []


def test_full_disk_during_pull_loses_nothing_and_resumes(pair: tuple[Device, Device],
                                                         server: Server) -> None:
    a, b = pair
    add_shared_patient(a.ctx, "Dupont")
    _contacts(a, 150, "Médecin généraliste avec un nom assez long pour remplir des pages")
    a.sync()
    b.sync()  # b starts with a few pages already

    _contacts(a, 300, "Kinésithérapeute")
    a.sync()
    cursor = b.cursor()

    def limit(uow: UnitOfWork) -> int:
        pages = int(uow.session.execute(text("PRAGMA page_count")).scalar() or 0)
        uow.session.execute(text(f"PRAGMA max_page_count = {pages + 2}"))
        return pages
    b.ctx.write(limit)
    with pytest.raises(VaultError) as exc:
        b.sync()
    assert exc.value.code == "vault.disk_full"
    assert b.cursor() == cursor  # the page and its cursor went together: neither
    b.ctx.write(lambda uow: uow.session.execute(text("PRAGMA max_page_count = 1073741823")))
    b.sync()
    assert_device_equals_server(b, server)
    assert b.ctx.read(lambda s: s.execute(text("PRAGMA integrity_check")).scalar()) == "ok"


# ---- revocation -------------------------------------------------------------------------------
def test_revoked_device_pushes_then_wipes(pair: tuple[Device, Device], server: Server) -> None:
    from server import admin

    a, b = pair
    pid = add_shared_patient(a.ctx, "Dupont")
    a.sync()
    a.ctx.write(lambda uow: uow.update(uow.session.get(Patient, pid), {"city": "Dinant"}))
    device_id = a.ctx.read(lambda s: state.get(s, state.SERVER_DEVICE_ID))
    admin.revoke_device(server.settings, device_id)
    with pytest.raises(SyncError) as exc:
        a.sync()
    assert exc.value.code == "sync.device_revoked"
    assert a.ctx.is_locked and not (a.folder / "vault.json").exists()
    assert not (a.folder / "relais.db").exists()
    b.sync()
    assert b.ctx.read(lambda s: s.get(Patient, pid).city) == "Dinant"  # pushed before the wipe


def test_stolen_device_wipes_at_once(pair: tuple[Device, Device], server: Server) -> None:
    from server import admin

    a, _b = pair
    add_shared_patient(a.ctx, "Dupont")
    device_id = a.ctx.read(lambda s: state.get(s, state.SERVER_DEVICE_ID))
    admin.revoke_device(server.settings, device_id, stolen=True)
    with pytest.raises(SyncError) as exc:
        a.sync()
    assert exc.value.code == "sync.device_stolen"
    assert not (a.folder / "vault.json").exists()
    assert server.records() == {}  # nothing more left the stolen laptop


# ---- tombstones and 410 -------------------------------------------------------------------------
def test_behind_the_tombstone_horizon_rebuilds(pair: tuple[Device, Device],
                                               server: Server) -> None:
    from server import admin

    a, b = pair
    add_shared_patient(a.ctx, "Dupont")
    _contacts(a, 3)
    a.sync()
    b.sync()
    gone = a.ctx.read(lambda s: s.scalars(select(Contact.id)).first())
    a.ctx.write(lambda uow: uow.delete(uow.session.get(Contact, gone)))
    _contacts(b, 2, "Offline")  # b's own work while it is away
    a.sync()
    admin.collect_tombstones(server.settings, now=dt.datetime.now() + dt.timedelta(days=400))
    report = b.sync()
    assert report.rebuilt
    for d in (a, b):
        d.sync()
        assert_device_equals_server(d, server)
        assert_outbox_settled(d)
    assert b.ctx.read(lambda s: s.get(Contact, gone) is None or s.get(Contact, gone).deleted)


def test_checksum_mismatch_triggers_rebuild(pair: tuple[Device, Device], server: Server) -> None:
    a, b = pair
    add_shared_patient(a.ctx, "Dupont")
    _contacts(a, 3)
    quiesce([a, b])
    stray = b.ctx.read(lambda s: s.scalars(select(Contact.id)).first())
    # a local copy that drifted (bit rot, a bug): wrong version of a record
    b.ctx.write(lambda uow: uow.session.execute(text(
        "UPDATE contact SET server_version = 9999 WHERE id = :i"), {"i": stray}))
    b.ctx.write(lambda uow: state.delete(uow.session, state.LAST_CHECKSUM))  # check is due
    report = b.sync()
    assert report.rebuilt and report.checksum_ok
    assert_device_equals_server(b, server)
