"""Many devices pushing at once against a real `relais-server serve --workers 2` on PostgreSQL
(docs/SYNC.md 4 and 5): nothing is lost and no device skips a change, whether it pulls or
stores the cursor a push answer gives it. That answer is worked out after the batch's commit,
so that other pushes do not wait for it; the pushes take the counter lock in one statement."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from bench.sync import enrol_devices
from server.app import create_app
from server.db import Database
from tests.server.conftest import HEADERS, backend_settings
from tests.server.server_process import ServerProcess

DEVICES = 16
TEAM_SIZE = 4  # four teams of four devices
ROUNDS = 4


def _ops(device: str, round_no: int, mine: dict[str, int]) -> list[dict[str, Any]]:
    """A new patient with its consent and notes, and edits of the device's earlier patients
    (base = the version it last saw)."""
    pid = str(uuid.uuid4())
    hlc = f"{1_800_000_000_000 + round_no:013d}-00000-{device[:8]}"
    ops: list[dict[str, Any]] = [
        {"op_id": str(uuid.uuid4()), "table": "patient", "record_id": pid, "kind": "upsert",
         "fields": {"family_name": f"P{round_no}", "team_id": None}, "hlc": hlc},
        {"op_id": str(uuid.uuid4()), "table": "consent_event", "record_id": str(uuid.uuid4()),
         "patient_id": pid, "kind": "append", "hlc": hlc,
         "fields": {"patient_id": pid, "purpose": "team_sharing", "decision": "granted",
                    "decided_on": "2026-11-01", "method": "oral"}},
    ]
    for _ in range(3):
        ops.append({"op_id": str(uuid.uuid4()), "table": "note", "record_id": str(uuid.uuid4()),
                    "patient_id": pid, "kind": "append", "hlc": hlc,
                    "fields": {"patient_id": pid, "text": "n"}})
    for old, version in list(mine.items())[-2:]:
        ops.append({"op_id": str(uuid.uuid4()), "table": "patient", "record_id": old,
                    "kind": "upsert", "fields": {"city": f"C{round_no}"},
                    "base_versions": {"city": version}, "hlc": hlc})
    return ops


class Device:
    def __init__(self, url: str, device_id: str, token: str) -> None:
        self.id = device_id
        self.http = httpx.Client(base_url=url, timeout=120,
                                 headers={**HEADERS, "Authorization": f"Bearer {token}"})
        self.cursor = 0
        self.seen: dict[str, int] = {}  # record id → the highest version it holds
        self.mine: dict[str, int] = {}  # its patients → the city version it last saw
        self.jumps = 0  # cursors taken from a push answer
        self.problems: list[str] = []

    def hold(self, record_id: str, version: int) -> None:
        self.seen[record_id] = max(version, self.seen.get(record_id, 0))

    def pull(self) -> None:
        while True:
            r = self.http.get("/v1/sync/pull", params={"cursor": self.cursor, "limit": 50})
            assert r.status_code == 200, r.text
            body = r.json()
            if body["next_cursor"] < self.cursor:
                self.problems.append(f"cursor went back {self.cursor} → {body['next_cursor']}")
            for c in body["changes"]:
                self.hold(c["record_id"], c["record_version"])
            self.cursor = body["next_cursor"]
            if not body["has_more"]:
                return

    def sync(self, round_no: int) -> None:
        """Push (with its cursor), then pull unless the answer gave the cursor to store."""
        ops = _ops(self.id, round_no, self.mine)
        r = self.http.post("/v1/sync/push", json={"device_id": self.id, "ops": ops,
                                                  "cursor": self.cursor or None})
        assert r.status_code == 200, r.text
        body = r.json()
        for sent, res in zip(ops, body["results"], strict=True):
            if res["status"] != "applied":
                self.problems.append(f"{sent['table']} {res['status']} {res.get('reason')}")
                continue
            self.hold(sent["record_id"], res["record_version"])
            if sent["table"] == "patient":
                self.mine[sent["record_id"]] = res["field_versions"].get(
                    "city", res["record_version"])
        if body["cursor"] is not None:
            if body["cursor"] < self.cursor:
                self.problems.append("a push answer's cursor went back")
            self.cursor = body["cursor"]
            self.jumps += 1
        else:
            self.pull()


@pytest.mark.postgres
def test_many_devices_at_once_lose_nothing_and_skip_nothing(tmp_path: Path) -> None:
    with backend_settings("postgres", tmp_path / "srv") as settings:
        settings.save()
        Database(settings).dispose()
        enrolled = enrol_devices(settings, "Équipe", DEVICES, team_size=TEAM_SIZE)
        with ServerProcess(settings.data_dir, workers=2) as server:
            devices = [Device(server.url, d, t) for d, t in enrolled]
            start = threading.Barrier(DEVICES)
            failures: list[BaseException] = []

            def run(device: Device) -> None:
                try:
                    start.wait()
                    for round_no in range(ROUNDS):
                        if round_no % 2:
                            device.pull()  # up to date: a push answer may give the cursor
                        device.sync(round_no)
                except BaseException as exc:  # noqa: BLE001 - reported below
                    failures.append(exc)
                    start.abort()

            threads = [threading.Thread(target=run, args=(d,)) for d in devices]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert not failures, failures
            for device in devices:  # one after the other: each answer gives the cursor
                device.pull()
                jumps = device.jumps
                device.sync(ROUNDS)
                assert device.jumps == jumps + 1
            for device in devices:
                device.pull()  # catch up: only what changed after its cursor
            truth: list[dict[str, int]] = []
            for team in range(DEVICES // TEAM_SIZE):
                fresh = Device(server.url, *enrolled[team * TEAM_SIZE])
                fresh.pull()  # from 0: every record of the team at its current version
                truth.append(fresh.seen)
            for device in devices:
                device.http.close()
    assert [p for d in devices for p in d.problems] == []
    per_team = (ROUNDS + 1) * TEAM_SIZE * 5  # each push creates a patient, a consent, three notes
    assert [len(t) for t in truth] == [per_team] * (DEVICES // TEAM_SIZE)
    for n, device in enumerate(devices):
        # a change another device made before a cursor this one jumped to would be missing
        # here, or held at an older version
        assert device.seen == truth[n // TEAM_SIZE], f"device {n} skipped a change"
    assert sum(d.jumps for d in devices) > 0  # the answer's cursor was given and used


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres),
                                     "sqlite"])
def test_a_push_does_not_ask_every_time_whether_a_collection_is_due(
        backend: str, tmp_path: Path) -> None:
    """Whether the tombstone collection is due is asked at the first push, then again only
    after a while (not one more transaction per push); a server told to collect at every push
    still asks every time."""
    from fastapi.testclient import TestClient

    from tests.server.conftest import Api, op, setup_org

    for interval, expected in ((3600, [True, False, False]), (0, [True, True, True])):
        with backend_settings(backend, tmp_path / f"srv{interval}") as settings:
            settings.tombstone_gc_interval_seconds = interval
            app = create_app(settings)
            asked: list[bool] = []

            def seen(_c: Any, _cur: Any, sql: str, params: Any, *_a: Any,
                     log: list[bool] = asked) -> None:
                if sql.lstrip().upper().startswith("SELECT") and "server_state" in sql \
                        and "last_gc" in str(params):
                    log[-1] = True

            with TestClient(app) as client:
                with app.state.db.sessions() as session:
                    setup_org(session)
                alice = Api(client, "alice")
                event.listen(app.state.db.engine, "before_cursor_execute", seen)
                for _ in range(3):
                    asked.append(False)
                    r = alice.push_raw(op("patient", str(uuid.uuid4()),
                                          fields={"family_name": "D", "team_id": None}))
                    assert r.status_code == 200
                event.remove(app.state.db.engine, "before_cursor_execute", seen)
            app.state.db.dispose()
            assert asked == expected, interval
