"""Server roles (issue 20, item 4): case manager by default, coordinator, administrator; the
enrolment and the device status tell the laptop its user's role; the migration makes every
existing user a case manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from desktop.domain.errors import ValidationError
from desktop.sync.protocol import DeviceStatus, EnrollResponse
from server import admin
from server.app import create_app
from server.config import ServerSettings
from server.db import _alembic_config, migrate
from tests.server.conftest import HEADERS, PASSWORD, Api
from tests.server.test_uvicorn import cli


def _org(settings: ServerSettings) -> None:
    admin.create_organisation(settings, "Relais test")
    admin.create_team(settings, "A équipe")


def test_default_role_and_changes(sqlite_settings: ServerSettings) -> None:
    _org(sqlite_settings)
    admin.create_user(sqlite_settings, "anne", PASSWORD, "Anne")
    admin.create_user(sqlite_settings, "cora", PASSWORD, "Cora", role="coordinator")
    roles = {u["username"]: u["role"] for u in admin.list_users(sqlite_settings)}
    assert roles == {"anne": "case_manager", "cora": "coordinator"}
    admin.set_role(sqlite_settings, "anne", "administrator")
    assert {u["username"]: u["role"] for u in admin.list_users(sqlite_settings)}["anne"] \
        == "administrator"
    with pytest.raises(ValidationError) as err:
        admin.set_role(sqlite_settings, "anne", "boss")
    assert err.value.code == "server.role_invalid"
    with pytest.raises(ValidationError):
        admin.create_user(sqlite_settings, "bob", PASSWORD, "Bob", role="boss")
    assert [u["username"] for u in admin.list_users(sqlite_settings)] == ["anne", "cora"]


def test_enrolment_and_device_status_tell_the_role(sqlite_settings: ServerSettings) -> None:
    _org(sqlite_settings)
    admin.create_user(sqlite_settings, "anne", PASSWORD, "Anne")
    admin.create_user(sqlite_settings, "cora", PASSWORD, "Cora", role="coordinator")
    with TestClient(create_app(sqlite_settings)) as client:
        for user, role in (("anne", "case_manager"), ("cora", "coordinator")):
            r = client.post("/v1/devices", headers=HEADERS, json={
                "username": user, "password": PASSWORD, "device_name": "t"})
            assert r.status_code == 200 and r.json()["role"] == role
            api = Api(client, user)
            assert api.get("/v1/device").json()["role"] == role


def test_protocol_role_is_optional() -> None:
    """A laptop talking to a server that predates roles still enrols."""
    old = EnrollResponse.model_validate({"device_id": "d", "token": "t", "user": "u",
                                         "organisation": "o", "teams": []})
    assert old.role is None
    assert DeviceStatus.model_validate({"device_id": "d", "revoked": False,
                                        "stolen": False}).role is None


def test_cli_role(tmp_path: Path) -> None:
    data = str(tmp_path / "srv")
    env = {"RELAIS_SERVER_PASSWORD": PASSWORD, "RELAIS_LANG": "fr"}
    assert cli("init", "--data", data).returncode == 0
    assert cli("user", "add", "--data", data, "--username", "cora", "--role", "coordinator",
               env=env).returncode == 0
    assert cli("user", "add", "--data", data, "--username", "anne", env=env).returncode == 0
    bad = cli("user", "add", "--data", data, "--username", "bob", "--role", "chef", env=env)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "Rôle inconnu : choisissez parmi case_manager, coordinator, administrator."]
    assert cli("user", "role", "--data", data, "--username", "anne",
               "--role", "administrator").returncode == 0
    listed = cli("user", "list", "--data", data, "--json")
    assert '"role": "administrator"' in listed.stdout and '"bob"' not in listed.stdout
    assert '"role": "coordinator"' in listed.stdout
    assert cli("user", "role", "--data", data, "--username", "nobody",
               "--role", "coordinator").returncode == 2


def test_migration_makes_existing_users_case_managers(tmp_path: Path) -> None:
    db_file = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db_file}")
    try:
        with engine.begin() as conn:
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0003")
            conn.execute(text("INSERT INTO organisation (id, name, created_at) "
                              "VALUES ('o', 'Org', '2026-01-01')"))
            conn.execute(text(
                "INSERT INTO app_user (id, organisation_id, username, password_hash, "
                "display_name, active, created_at) "
                "VALUES ('u1', 'o', 'first', 'x', 'First', 1, '2026-01-01'),"
                "       ('u2', 'o', 'second', 'x', 'Second', 1, '2026-01-02')"))
        assert migrate(engine)
        with engine.connect() as conn:
            roles = dict(conn.execute(text("SELECT username, role FROM app_user")).all())
        assert roles == {"first": "case_manager", "second": "case_manager"}
    finally:
        engine.dispose()
