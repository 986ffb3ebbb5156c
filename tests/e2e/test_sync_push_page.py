"""A laptop that pushes gets its teammates' changes in the push answer (docs/SYNC.md 5): no pull
request, the same vault as after a pull; a page cut short or missing is pulled as before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.services import journal
from desktop.services import sync as sync_service
from desktop.storage.models import Patient
from desktop.sync.client import SyncClient
from desktop.sync.engine import SyncEngine
from tests.e2e.sync_support import (
    URL,
    Device,
    Server,
    add_shared_patient,
    assert_device_equals_server,
    assert_outbox_settled,
    quiesce,
    two_laptops,
)


@pytest.fixture
def pair() -> Iterator[tuple[Server, Device, Device]]:
    with two_laptops("relais-push-page-") as laptops:
        yield laptops


def _requests(device: Device, since: int) -> list[str]:
    return [line.split(" ", 1)[1] for line in device.transport.log[since:]
            if "/v1/sync/" in line]


def _teammate_edits(b: Device, pid: str) -> None:
    b.ctx.write(lambda uow: uow.update(uow.session.get(Patient, pid), {"city": "Dinant"}))
    for n in range(4):
        journal.add_note(b.ctx, pid, f"Visite {n}")
    b.sync()


@pytest.mark.parametrize("faults", [[], ["short_page"], ["no_page"]],
                         ids=["page", "short page", "no page"])
def test_a_push_brings_back_the_teammates_changes(pair: tuple[Server, Device, Device],
                                                  faults: list[str]) -> None:
    server, a, b = pair
    pid = add_shared_patient(a.ctx, "Dupont")
    quiesce([a, b])
    _teammate_edits(b, pid)
    journal.add_note(a.ctx, pid, "Appel de la fille")
    since = len(a.transport.log)
    report = a.sync(faults)
    asked = _requests(a, since)
    assert asked[0] == "POST /v1/sync/push"
    pulls = asked.count("GET /v1/sync/pull")
    # the whole page in the answer: no pull; a part of it, or none: pulled as before
    assert pulls == (0 if not faults else 1)
    assert report.pushed >= 1 and report.pulled >= 5
    assert a.ctx.read(lambda s: s.get(Patient, pid).city) == "Dinant"
    assert_device_equals_server(a, server)
    assert_outbox_settled(a)
    quiesce([a, b])
    assert_device_equals_server(b, server)


def test_each_batch_of_a_sync_brings_a_page(
        pair: tuple[Server, Device, Device]) -> None:
    """Three batches in one sync, pages of 3: each answer's page follows the cursor its batch
    sent, and the next batch sends the cursor the page left; the rest is pulled."""
    server, a, b = pair
    pid = add_shared_patient(a.ctx, "Dupont")
    quiesce([a, b])
    _teammate_edits(b, pid)
    for n in range(5):
        journal.add_note(a.ctx, pid, f"Note {n}")
    since = len(a.transport.log)
    client = SyncClient(URL, token=sync_service.client_for(a.ctx).token, transport=a.transport)
    stages: list[str] = []
    try:
        SyncEngine(a.ctx, client, page_size=3, batch_ops=2,
                   progress=lambda stage, n: stages.append(stage)).run()
    finally:
        client.close()
    asked = _requests(a, since)
    assert asked[:3] == ["POST /v1/sync/push"] * 3
    assert stages[:6] == ["push", "pull"] * 3  # each answer's page applied with its results
    assert_device_equals_server(a, server)
    assert_outbox_settled(a)
