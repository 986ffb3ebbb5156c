"""Login limits: exponential backoff per (user name, address) with a cap, X-Forwarded-For only
from trusted proxies, and bounded state under a flood of unauthenticated requests. The backoff
runs on an injected clock: nothing here sleeps or reads the wall clock."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from server.app import create_app
from server.cli import main
from server.config import ServerSettings
from server.login_limits import client_address, parse_networks
from server.models import LoginFailure, RequestLog
from tests.server.conftest import HEADERS, PASSWORD, setup_org
from tests.server.server_process import ServerProcess

PROXY = "192.0.2.1"


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 23, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(sqlite_settings: ServerSettings, clock: Clock) -> Iterator[FastAPI]:
    sqlite_settings.trusted_proxies = [PROXY]
    sqlite_settings.login_state_max_entries = 20
    sqlite_settings.request_log_anonymous_max = 30
    application = create_app(sqlite_settings, clock=clock)
    with TestClient(application):  # runs the lifespan once
        with application.state.db.sessions() as session:  # type: ignore[attr-defined]
            setup_org(session)
            session.commit()
        yield application


def from_address(app: FastAPI, address: str) -> TestClient:
    return TestClient(app, client=(address, 40000))


def login(client: TestClient, user: str, password: str, forwarded: str | None = None
          ) -> httpx.Response:
    headers = {**HEADERS, **({"X-Forwarded-For": forwarded} if forwarded else {})}
    return client.post("/v1/devices", headers=headers,
                       json={"username": user, "password": password, "device_name": "t"})


def test_a_user_locked_from_one_address_still_logs_in_from_another(app: FastAPI) -> None:
    office, home = from_address(app, "198.51.100.7"), from_address(app, "203.0.113.9")
    assert [login(office, "alice", f"guess-{i}").status_code for i in range(5)] == [401] * 5
    locked = login(office, "alice", PASSWORD)  # not even checked
    assert (locked.status_code, locked.json()["detail"]) == (429, "sync.rate_limited")
    assert locked.headers["Retry-After"] == "1"
    assert login(home, "alice", PASSWORD).status_code == 200  # her own laptop, elsewhere
    assert login(office, "bob", PASSWORD).status_code == 200  # the office is not locked out
    # a wrong user name is limited the same way (no oracle)
    assert [login(office, "nobody", "x").status_code for _ in range(6)] == [401] * 5 + [429]


def test_backoff_doubles_up_to_its_cap_and_a_success_forgets(app: FastAPI,
                                                            clock: Clock) -> None:
    office = from_address(app, "198.51.100.7")
    for i in range(5):
        assert login(office, "alice", f"guess-{i}").status_code == 401
    waits = []
    for i in range(13):
        r = login(office, "alice", f"again-{i}")
        assert r.status_code == 429
        wait = int(r.headers["Retry-After"])
        waits.append(wait)
        clock.advance(wait - 0.5)
        assert login(office, "alice", PASSWORD).status_code == 429  # not yet
        clock.advance(0.5)
        assert login(office, "alice", f"late-{i}").status_code == 401  # checked, wrong again
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]
    clock.advance(900)
    assert login(office, "alice", PASSWORD).status_code == 200
    assert login(office, "alice", "typo").status_code == 401  # free again after a success
    # failures older than login_forget_seconds do not count
    for i in range(5):
        login(office, "bob", f"guess-{i}")
    assert login(office, "bob", PASSWORD).status_code == 429
    clock.advance(86_400)
    assert login(office, "bob", "typo").status_code == 401


def test_forwarded_for_counts_only_from_a_trusted_proxy(app: FastAPI) -> None:
    stranger, proxy = from_address(app, "198.51.100.7"), from_address(app, PROXY)
    # from anyone else the header is ignored: changing it does not escape the backoff
    for i in range(5):
        assert login(stranger, "alice", f"g{i}", forwarded=f"10.0.0.{i}").status_code == 401
    assert login(stranger, "alice", PASSWORD, forwarded="10.9.9.9").status_code == 429
    # through the proxy, each office address is its own
    for i in range(5):
        assert login(proxy, "bob", f"g{i}", forwarded="10.1.1.1").status_code == 401
    assert login(proxy, "bob", PASSWORD, forwarded="10.1.1.1").status_code == 429
    assert login(proxy, "bob", PASSWORD, forwarded="10.1.1.2").status_code == 200
    # and the request log records the address the limit used
    with app.state.db.sessions() as session:  # type: ignore[attr-defined]
        clients = set(session.scalars(select(RequestLog.client)))
    assert {"198.51.100.7", "10.1.1.1", "10.1.1.2"} <= clients
    assert "10.9.9.9" not in clients and "10.0.0.1" not in clients


def test_client_address_rules() -> None:
    trusted = parse_networks([PROXY, "10.0.0.0/8"])
    assert client_address("198.51.100.7", "1.2.3.4", trusted) == "198.51.100.7"
    assert client_address(PROXY, "1.2.3.4", trusted) == "1.2.3.4"
    # the right-most hop that is not a trusted proxy; a forged left part is not believed
    assert client_address(PROXY, "6.6.6.6, 1.2.3.4, 10.0.0.5", trusted) == "1.2.3.4"
    assert client_address(PROXY, "garbage", trusted) == PROXY
    assert client_address(PROXY, None, trusted) == PROXY
    assert client_address("testclient", "1.2.3.4", trusted) == "testclient"


def test_a_flood_of_unauthenticated_requests_keeps_the_state_bounded(app: FastAPI) -> None:
    proxy = from_address(app, PROXY)
    for i in range(120):
        r = login(proxy, f"user{i}", "x", forwarded=f"10.{i // 250}.{i % 250}.1")
        assert r.status_code == 401
    for i in range(60):
        proxy.get("/v1/sync/pull", headers={**HEADERS, "Authorization": f"Bearer nope{i}",
                                            "X-Forwarded-For": f"10.2.{i}.1"})
    with app.state.db.sessions() as session:  # type: ignore[attr-defined]
        failures = session.scalar(select(func.count()).select_from(LoginFailure))
        anonymous = session.scalar(select(func.count()).select_from(RequestLog).where(
            RequestLog.device_id.is_(None), RequestLog.user_id.is_(None)))
    assert failures is not None and failures <= 20
    assert anonymous is not None and anonymous <= 30 + 3  # one pruning interval at most
    # the newest entries are the ones kept: the limit still holds for a recent attacker
    for _ in range(5):
        login(proxy, "alice", "x", forwarded="10.3.3.3")
    assert login(proxy, "alice", PASSWORD, forwarded="10.3.3.3").status_code == 429


def test_a_real_server_ignores_forwarded_for_from_an_untrusted_peer(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", "--data", str(data), "--organisation", "Relais test"]) == 0
    setup_org(ServerSettings.load(data))
    with ServerProcess(data) as server:
        for i in range(5):
            r = httpx.post(server.url + "/v1/devices", timeout=30,
                           headers={**HEADERS, "X-Forwarded-For": f"10.0.0.{i}"},
                           json={"username": "alice", "password": f"guess-{i}"})
            assert r.status_code == 401
        r = httpx.post(server.url + "/v1/devices", timeout=30,
                       headers={**HEADERS, "X-Forwarded-For": "10.0.0.99"},
                       json={"username": "alice", "password": PASSWORD})
        assert r.status_code == 429  # the header did not make it a new address
    out = tmp_path / "audit.jsonl"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["audit", "export", "--data", str(data), "--out", str(out)]) == 0
    clients = {json.loads(line).get("client") for line in out.read_text().splitlines()
               if json.loads(line).get("source") == "server"}
    assert clients == {"127.0.0.1"}
