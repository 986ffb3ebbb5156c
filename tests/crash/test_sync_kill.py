"""kill -9 of the device mid-sync (issue 8): at each named crash point (RELAIS_CRASH_AT) and at
random moments, `relais sync` dies; the next sync completes, nothing is lost or applied twice,
the vault passes PRAGMA integrity_check and equals the server."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text

from desktop.services import sync as sync_service
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Contact, Patient
from desktop.sync import state
from desktop.sync.engine import CRASH_POINTS
from tests import fastkdf
from tests.e2e.sync_support import (
    PASSPHRASE,
    TODAY,
    LiveServer,
    add_shared_patient,
    assert_device_equals_server,
    assert_outbox_settled,
    copy_template,
    scratch,
)


@pytest.fixture
def live() -> Iterator[LiveServer]:
    folder = scratch("relais-kill-")
    server = LiveServer(folder / "server")
    yield server
    server.stop()


def _vault(folder: Path, live: LiveServer, contacts: int = 210) -> None:
    """An enrolled vault with a shared patient and enough changes for two push batches."""
    copy_template("vault", folder)
    ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        sync_service.enroll(ctx, live.url, "demo", "demo-password")
        pid = add_shared_patient(ctx, "Dupont")

        def run(uow: UnitOfWork) -> None:
            for i in range(contacts):
                uow.add(Contact, kind="gp", family_name=f"Dr {i}", organisation="Cabinet")
            uow.update(uow.session.get(Patient, pid), {"city": "Namur"})
        ctx.write(run)
    finally:
        ctx.lock()


def _relais_sync(folder: Path, crash_at: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "RELAIS_PASSPHRASE": PASSPHRASE}
    env.pop("RELAIS_CRASH_AT", None)
    if crash_at:
        env["RELAIS_CRASH_AT"] = crash_at
    return subprocess.Popen(fastkdf.argv("desktop", "sync", "--vault", str(folder)),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _check(folder: Path, live: LiveServer) -> None:
    ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        ok = ctx.read(lambda s: s.execute(text("PRAGMA integrity_check")).scalar())
        assert ok == "ok"
        device = SimpleNamespace(ctx=ctx, name=folder.name)
        assert_outbox_settled(device)
        assert_device_equals_server(device, live)
        # nothing applied twice: every acknowledged op has its own server sequence number
        seqs = ctx.read(lambda s: [r[0] for r in s.execute(text(
            "SELECT json_extract(result, '$.server_seq') FROM outbox WHERE state = 'sent' "
            "AND json_extract(result, '$.server_seq') IS NOT NULL")).all()])
        assert len(seqs) == len(set(seqs))
    finally:
        ctx.lock()


def _force_rebuild(folder: Path) -> None:
    ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        ctx.write(lambda uow: state.put(uow.session, state.REBUILD, True))
    finally:
        ctx.lock()


# a representative point per phase in `make test`; every point in `make soak`
QUICK_POINTS = ("push_after_response", "pull_mid_apply", "snapshot_mid_apply")
POINTS = [p if p in QUICK_POINTS else pytest.param(p, marks=pytest.mark.slow)
          for p in CRASH_POINTS]


@pytest.mark.parametrize("point", POINTS)
def test_kill_at_named_point_then_resume(point: str, live: LiveServer, tmp_path: Path) -> None:
    folder = scratch("relais-kill-vault-") / "vault"
    _vault(folder, live)
    if point.startswith(("snapshot", "rebuild")):
        first = _relais_sync(folder)
        assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
        _force_rebuild(folder)
    proc = _relais_sync(folder, crash_at=point)
    assert proc.wait(timeout=120) == 137, proc.stderr.read() if proc.stderr else ""
    again = _relais_sync(folder)
    assert again.wait(timeout=120) == 0, again.stderr.read() if again.stderr else ""
    _check(folder, live)


def test_kill_at_random_moments_then_resume(live: LiveServer, tmp_path: Path) -> None:
    rng = random.Random(8)
    folder = scratch("relais-kill-vault-") / "vault"
    _vault(folder, live, contacts=400)
    kills = 0
    for _ in range(5):
        proc = _relais_sync(folder)
        time.sleep(rng.uniform(0.2, 1.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
        try:
            def more(uow: UnitOfWork, n: int = kills) -> None:
                uow.add(Contact, kind="nurse", family_name=f"Infirmier {n}")
            ctx.write(more)
        finally:
            ctx.lock()
    final = _relais_sync(folder)
    assert final.wait(timeout=120) == 0, final.stderr.read() if final.stderr else ""
    assert kills >= 1
    _check(folder, live)


@pytest.mark.parametrize("point", ["pull_after_response", "pull_mid_apply", "pull_after_commit"])
def test_kill_during_first_pull_of_an_empty_vault_then_resume(point: str, live: LiveServer) -> None:
    """The first pull applies several pages per transaction (issue 17): a kill inside it loses
    the open transaction only; the next sync ends equal to the server."""
    source = scratch("relais-kill-vault-") / "source"
    _vault(source, live)
    first = _relais_sync(source)
    assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
    folder = scratch("relais-kill-vault-") / "fresh"
    copy_template("vault", folder)
    ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        sync_service.enroll(ctx, live.url, "demo", "demo-password")
    finally:
        ctx.lock()
    proc = _relais_sync(folder, crash_at=point)
    assert proc.wait(timeout=120) == 137, proc.stderr.read() if proc.stderr else ""
    again = _relais_sync(folder)
    assert again.wait(timeout=120) == 0, again.stderr.read() if again.stderr else ""
    _check(folder, live)
    ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        assert ctx.read(lambda s: state.get(s, state.INITIAL_PULL)) is None
        assert len(ctx.read(lambda s: s.scalars(select(Contact.id)).all())) == 210
    finally:
        ctx.lock()
