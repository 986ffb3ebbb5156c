"""Long offline (issue 8): a laptop away for 30 days with thousands of ops while the team works
on; its paged sync is cut at random pages and batches, resumes each time and completes."""

from __future__ import annotations

import datetime as dt
import os
import random
import time

import pytest
from sqlalchemy import select

from desktop.domain.hlc import HybridClock
from desktop.services import sync as sync_service
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Contact, Note, OutboxOp
from desktop.sync.client import SyncClient, SyncError
from desktop.sync.engine import SyncEngine
from tests.e2e.sync_support import (
    URL,
    Device,
    Server,
    add_shared_patient,
    assert_device_equals_server,
    assert_outbox_settled,
    quiesce,
    scratch,
)

DAY_MS = 24 * 3600 * 1000


def _offline_work(dev: Device, patient: str, ops: int, rng: random.Random) -> None:
    """`ops` changes spread over 30 days: new contacts, edits of them, journal notes."""
    ids: list[str] = []
    per_tx = 250

    def run(uow: UnitOfWork, n: int) -> None:
        for _ in range(n):
            roll = rng.random()
            if roll < 0.3 or not ids:
                ids.append(uow.add(Contact, kind="gp", family_name=f"Dr {len(ids)}").id)
            elif roll < 0.8:
                c = uow.session.get(Contact, rng.choice(ids))
                uow.update(c, {"note": f"v{rng.randrange(10**6)}"})
            else:
                uow.add(Note, patient_id=patient, written_at=dt.datetime(2026, 11, 1),
                        text="Appel de suivi")
    done = 0
    while done < ops:
        n = min(per_tx, ops - done)
        dev.ctx.write(lambda uow, n=n: run(uow, n))
        done += n


def _run(ops: int, seed: int) -> None:
    rng = random.Random(seed)
    folder = scratch("relais-offline-")
    server = Server(folder / "server")
    away, team = Device(folder / "away", server, "away"), Device(folder / "team", server, "team")
    try:
        patient = add_shared_patient(team.ctx, "Dupont")
        quiesce([team, away])
        # the laptop's clock runs through 30 days away; the team keeps working meanwhile
        start = time.time_ns() // 1_000_000 - 30 * DAY_MS
        away.ctx.clock = HybridClock(away.ctx.device_id, None,
                                     now_ms=lambda: start + rng.randrange(30 * DAY_MS))
        _offline_work(away, patient, ops, rng)
        _offline_work(team, patient, ops // 10, rng)
        team.sync()
        waiting = away.ctx.read(lambda s: len(s.scalars(select(OutboxOp.seq).where(
            OutboxOp.state == "pending")).all()))
        assert waiting >= ops

        cursors = [away.cursor()]
        attempts = 0
        while True:
            attempts += 1
            # cut somewhere in the middle of the paged sync: a random request fails (the
            # first run takes 7 pushes at least, each answered with a pull page)
            away.transport.plan = ["ok"] * rng.randrange(0, 7) + [
                rng.choice(["drop_request", "drop_response", "truncate", "error500"])]
            client = SyncClient(URL, token=sync_service.client_for(away.ctx).token,
                                transport=away.transport)
            engine = SyncEngine(away.ctx, client, page_size=100,
                                batch_ops=150)
            try:
                engine.run()
                break
            except SyncError as exc:
                assert exc.retry
            finally:
                client.close()
            cursors.append(away.cursor())
            assert cursors[-1] >= cursors[-2]  # resumes where it stopped, never back
            assert attempts < 400
        away.transport.plan = []
        assert attempts > 1  # it really was interrupted
        quiesce([away, team])
        for d in (away, team):
            assert_device_equals_server(d, server)
            assert_outbox_settled(d)
        seqs = [(op.result or {}).get("server_seq") for op in away.ctx.read(
            lambda s: s.scalars(select(OutboxOp).where(OutboxOp.state == "sent")).all())]
        seqs = [s for s in seqs if s]
        assert len(seqs) == len(set(seqs))  # no op applied twice
    finally:
        away.close()
        team.close()
        server.close()


def test_long_offline_resumes_and_completes() -> None:
    _run(ops=1_000, seed=30)


@pytest.mark.slow
def test_long_offline_ten_thousand_ops() -> None:
    _run(ops=10_000 if not os.environ.get("RELAIS_QUICK") else 2_000, seed=31)
