"""Server fixtures: the ASGI app on SQLite or on a fresh PostgreSQL database, an organisation with
two teams, and a small client (`Api`) that speaks the protocol like a device would."""

from __future__ import annotations

import atexit
import itertools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from desktop.sync.protocol import PROTOCOL_VERSION, SCHEMA_VERSION
from server import admin
from server.app import create_app
from server.config import ServerSettings
from server.db import Database

HEADERS = {"Relais-Protocol": str(PROTOCOL_VERSION), "Relais-Schema": str(SCHEMA_VERSION)}
PASSWORD = "password-1234"
_hlc = itertools.count(1)


def postgres_url() -> str | None:
    return os.environ.get("RELAIS_TEST_POSTGRES_URL") or None


_template: dict[str, str] = {}


def _pg_base() -> Any:
    env = postgres_url()
    assert env, "RELAIS_TEST_POSTGRES_URL not set"
    return make_url(env).set(drivername="postgresql+psycopg")


def _admin_sql(statement: str) -> None:
    engine = create_engine(_pg_base(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def _pg_template() -> str:
    """A migrated database, made once per test process and cloned for each test (fast)."""
    if "name" not in _template:
        name = f"relais_tmpl_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        _admin_sql(f'CREATE DATABASE "{name}"')
        url = _pg_base().set(database=name).render_as_string(hide_password=False)
        Database(ServerSettings(data_dir=Path("."), database_url=url)).dispose()
        _template["name"] = name
        atexit.register(_admin_sql, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return _template["name"]


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """A new database on the RELAIS_TEST_POSTGRES_URL server, dropped afterwards. An unreachable
    server fails the test (never skips it)."""
    name = f"relais_t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    _admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_template()}"')
    try:
        yield _pg_base().set(database=name).render_as_string(hide_password=False)
    finally:
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@contextmanager
def backend_settings(backend: str, data_dir: Path) -> Iterator[ServerSettings]:
    if backend == "postgres":
        if not postgres_url():
            pytest.skip("RELAIS_TEST_POSTGRES_URL not set")
        with fresh_pg_database() as url:
            yield ServerSettings(data_dir=data_dir, database_url=url)
    else:
        yield ServerSettings(data_dir=data_dir)


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerSettings]:
    with backend_settings(request.param, tmp_path / "server") as s:
        yield s


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> ServerSettings:
    return ServerSettings(data_dir=tmp_path / "server")


@dataclass
class Org:
    team_a: str
    team_b: str


def setup_org(target: Session | ServerSettings) -> Org:
    """Team A: alice, bob, dave. Team B: carol, dave."""
    admin.create_organisation(target, "Relais test")
    a = admin.create_team(target, "A équipe")
    b = admin.create_team(target, "B équipe")
    for user, teams in (("alice", ["A équipe"]), ("bob", ["A équipe"]), ("carol", ["B équipe"]),
                        ("dave", ["A équipe", "B équipe"])):
        admin.create_user(target, user, PASSWORD, user.title())
        for team in teams:
            admin.add_member(target, user, team)
    return Org(team_a=a, team_b=b)


@pytest.fixture
def client(settings: ServerSettings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def org(client: TestClient) -> Org:
    with client.app.state.db.sessions() as session:  # type: ignore[attr-defined]
        return setup_org(session)


def hlc(device: str = "dev", wall: int | None = None) -> str:
    n = next(_hlc)
    return f"{(wall if wall is not None else 1_700_000_000_000 + n):013d}-00000-{device}"


def op(table: str, record_id: str, kind: str = "upsert", fields: dict[str, Any] | None = None,
       base: dict[str, int] | None = None, patient_id: str | None = None, **extra: Any
       ) -> dict[str, Any]:
    return {"op_id": str(uuid.uuid4()), "table": table, "record_id": record_id,
            "patient_id": patient_id, "kind": kind, "fields": fields or {},
            "base_versions": base or {}, "hlc": extra.pop("hlc", None) or hlc(), **extra}


def consent(patient_id: str, decision: str = "granted", day: str = "2026-11-01",
            at: str = "2026-11-01T10:00:00") -> dict[str, Any]:
    return op("consent_event", str(uuid.uuid4()), "append", {
        "patient_id": patient_id, "purpose": "team_sharing", "decision": decision,
        "decided_on": day, "recorded_at": at, "method": "oral"}, patient_id=patient_id)


class Api:
    """One enrolled device."""

    def __init__(self, client: TestClient, username: str, password: str = PASSWORD) -> None:
        self.client = client
        r = client.post("/v1/devices", headers=HEADERS,
                        json={"username": username, "password": password, "device_name": "t"})
        assert r.status_code == 200, r.text
        body = r.json()
        self.device_id: str = body["device_id"]
        self.token: str = body["token"]
        self.teams = body["teams"]
        self.default_team: str | None = body["default_team_id"]
        self.cursor = 0

    @property
    def headers(self) -> dict[str, str]:
        return {**HEADERS, "Authorization": f"Bearer {self.token}"}

    def push_raw(self, *ops: dict[str, Any]) -> Any:
        return self.client.post("/v1/sync/push", headers=self.headers,
                                json={"device_id": self.device_id, "ops": list(ops)})

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.push_raw(*ops)
        assert r.status_code == 200, r.text
        return r.json()["results"]  # type: ignore[no-any-return]

    def push_one(self, one: dict[str, Any]) -> dict[str, Any]:
        return self.push(one)[0]

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, headers=self.headers, params=params)

    def pull_all(self, limit: int = 500, endpoint: str = "/v1/sync/pull") -> list[dict[str, Any]]:
        """Pull from the device's cursor until done; returns the changes, advances the cursor."""
        changes: list[dict[str, Any]] = []
        while True:
            r = self.get(endpoint, cursor=self.cursor, limit=limit)
            assert r.status_code == 200, r.text
            body = r.json()
            changes.extend(body["changes"])
            assert body["next_cursor"] >= self.cursor
            self.cursor = body["next_cursor"]
            if not body["has_more"]:
                return changes


def new_patient(api: Api, team_id: str | None = None, **fields: Any) -> tuple[str, list[Any]]:
    """Create a patient with team-sharing consent; returns (id, results)."""
    pid = str(uuid.uuid4())
    values = {"family_name": "Dupont", "given_name": "Marie", "team_id": team_id,
              "phones": [], "languages": ["fr"], **fields}
    results = api.push(op("patient", pid, fields=values), consent(pid))
    assert [r["status"] for r in results] == ["applied", "applied"], results
    return pid, results
