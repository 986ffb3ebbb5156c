"""`relais-server` and its data directory: absolute paths whatever folder a command runs from,
only `init` creates a database, private files whatever the umask, one line for an unreachable
database."""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text as sql

from server.app import create_app
from server.config import SETTINGS_FILE, ServerSettings
from server.db import Database
from tests.server.conftest import PASSWORD, Api
from tests.server.test_uvicorn import cli


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_relative_data_dir_then_revoke_from_another_folder(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "admin").mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "admin")
    assert cli("init", "--data", "srv", "--organisation", "Relais test").returncode == 0
    assert cli("user", "add", "--data", "srv", "--username", "anne",
               env={"RELAIS_SERVER_PASSWORD": PASSWORD}).returncode == 0
    data = tmp_path / "admin" / "srv"
    saved = json.loads((data / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert saved["database_url"] == f"sqlite:///{data / 'relais-server.db'}"
    with TestClient(create_app(ServerSettings.load(data))) as client:
        device = Api(client, "anne").device_id

    monkeypatch.chdir(tmp_path / "elsewhere")
    r = cli("device", "revoke", "--data", str(data), device, "--stolen")
    assert (r.returncode, r.stderr) == (0, "")
    listed = json.loads(cli("device", "list", "--data", str(data), "--json").stdout)["devices"]
    assert [(d["device_id"], d["stolen"]) for d in listed] == [(device, True)]
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_settings_written_by_an_older_init_with_a_relative_url_still_open(tmp_path: Path,
                                                                         monkeypatch) -> None:
    data = tmp_path / "srv"
    assert cli("init", "--data", str(data), "--organisation", "Relais test").returncode == 0
    settings = json.loads((data / SETTINGS_FILE).read_text(encoding="utf-8"))
    settings["database_url"] = "sqlite:///srv/relais-server.db"  # what `init --data srv` wrote
    (data / SETTINGS_FILE).write_text(json.dumps(settings), encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    r = cli("team", "add", "--data", str(data), "--name", "Équipe Dinant")
    assert (r.returncode, r.stderr) == (0, "")
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_only_init_creates_a_database(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    assert cli("init", "--data", str(data), "--organisation", "Relais test").returncode == 0
    for name in os.listdir(data):
        if name.startswith("relais-server.db"):
            (data / name).unlink()
    for args in (("device", "revoke", "--data", str(data), "some-device", "--stolen"),
                 ("device", "list", "--data", str(data)),
                 ("team", "add", "--data", str(data), "--name", "X"),
                 ("serve", "--data", str(data))):
        r = cli(*args, env={"RELAIS_LANG": "en"})
        assert r.returncode != 0
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
        assert "Database not found" in r.stderr and str(data / "relais-server.db") in r.stderr
        assert sorted(os.listdir(data)) == [SETTINGS_FILE]


@pytest.mark.parametrize("mask", [0o022, 0o000])
def test_server_files_are_private_whatever_the_umask(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        data = tmp_path / "srv"
        assert cli("init", "--data", str(data), "--organisation", "Relais test",
                   "--self-signed-cert").returncode == 0
        assert _mode(data) == 0o700
        assert _mode(data / SETTINGS_FILE) == 0o600
        assert _mode(data / "tls" / "key.pem") == 0o600
        db = Database(ServerSettings.load(data))
        try:
            with db.engine.connect() as conn:  # held open: the -wal and -shm files exist
                conn.execute(sql("CREATE TABLE IF NOT EXISTS t (x int)"))
                conn.commit()
                files = [p for p in data.iterdir() if p.name.startswith("relais-server.db")]
                assert {p.name for p in files} >= {"relais-server.db", "relais-server.db-wal",
                                                   "relais-server.db-shm"}
                assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
        finally:
            db.dispose()
        # settings saved again over a file that had become world-readable: 0600 again
        (data / SETTINGS_FILE).chmod(0o644)
        ServerSettings.load(data).save()
        assert _mode(data / SETTINGS_FILE) == 0o600
        export = tmp_path / "audit.jsonl"
        assert cli("audit", "export", "--data", str(data), "--out", str(export)).returncode == 0
        assert _mode(export) == 0o600
    finally:
        os.umask(old)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_init_with_an_unreachable_postgresql_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    url = f"postgresql://relais:s3cret-pw@127.0.0.1:{_closed_port()}/relais"
    r = cli("init", "--data", str(data), "--db", url, env={"RELAIS_LANG": "en"})
    assert r.returncode == 1
    assert r.stderr.startswith("Database unreachable: ") and r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr and "s3cret-pw" not in r.stderr
    assert not (data / SETTINGS_FILE).exists()  # nothing saved: init can simply be run again
    bad = cli("init", "--data", str(data), "--db", "not a url", env={"RELAIS_LANG": "en"})
    assert bad.returncode == 2 and bad.stderr.startswith("Invalid database URL")
    assert not (data / SETTINGS_FILE).exists()
