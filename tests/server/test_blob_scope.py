"""Attachment files are readable only through a record the caller may see, written by someone
who held the bytes; quoting another team's sha256 neither reads the file nor keeps it alive."""

from __future__ import annotations

import contextlib
import hashlib
import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.cli import main
from server.config import ServerSettings
from server.db import Database
from server.models import BlobRow, BlobUpload
from tests.server.conftest import Api, Org, new_patient, op, setup_org
from tests.server.server_process import ServerProcess

DATA = b"%PDF-1.4 lettre de sortie de l'hopital, team A only"
SHA = hashlib.sha256(DATA).hexdigest()


@pytest.fixture
def settings(sqlite_settings: ServerSettings) -> ServerSettings:
    return sqlite_settings


def put(api: Api, data: bytes = DATA, sha: str = SHA) -> int:
    return int(api.client.put(f"/v1/blobs/{sha}", content=data, headers={
        **api.headers, "Content-Type": "application/octet-stream"}).status_code)


def attach(api: Api, pid: str, sha: str = SHA) -> dict[str, object]:
    return api.push_one(op("attachment", str(uuid.uuid4()), "append", patient_id=pid, fields={
        "patient_id": pid, "sha256": sha, "mime": "application/pdf", "size": len(DATA)}))


def status(api: Api, sha: str = SHA) -> int:
    return int(api.get(f"/v1/blobs/{sha}").status_code)


def stored(settings: ServerSettings) -> bool:
    db = Database(settings, run_migrations=False)
    try:
        with db.session() as s:
            return s.get(BlobRow, SHA) is not None
    finally:
        db.dispose()


@pytest.fixture
def real_server(tmp_path: Path) -> Iterator[tuple[httpx.Client, ServerSettings]]:
    data = tmp_path / "srv"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", "--data", str(data), "--organisation", "Relais test"]) == 0
    settings = ServerSettings.load(data)
    setup_org(settings)
    with ServerProcess(settings.data_dir) as server, \
            httpx.Client(base_url=server.url, timeout=30) as http:
        yield http, settings


def test_another_team_quoting_a_sha256_reads_nothing_and_keeps_nothing_alive(
        real_server: tuple[httpx.Client, ServerSettings]) -> None:
    http, settings = real_server
    alice, bob, carol = (Api(http, u) for u in ("alice", "bob", "carol"))  # type: ignore[arg-type]
    pid, _ = new_patient(alice)
    assert put(alice) == 204
    assert attach(alice, pid)["status"] == "applied"
    got = bob.get(f"/v1/blobs/{SHA}")
    assert got.status_code == 200 and got.content == DATA

    # team B appends an attachment record carrying team A's sha256 to a patient of its own
    qid, _ = new_patient(carol)
    attach(carol, qid)
    assert status(carol) == 404
    # uploading other bytes under that name is refused, and changes nothing
    assert put(carol, b"not the file") == 400
    assert status(carol) == 404

    # team A erases its patient: the file goes, team B's quote does not keep it
    assert alice.push_one(op("patient", pid, "purge"))["status"] == "applied"
    assert status(bob) == 404 and status(carol) == 404
    assert not stored(settings)


def test_the_patients_visibility_and_team_moves(client: TestClient, org: Org) -> None:
    alice, bob, carol, dave = (Api(client, u) for u in ("alice", "bob", "carol", "dave"))
    pid, res = new_patient(alice)
    assert put(alice) == 204
    assert status(alice) == 404  # no record yet: not even its uploader reads it
    attach(alice, pid)
    assert status(bob) == 200
    # a deleted patient's files are out of sight until it is restored
    deleted = alice.push_one(op("patient", pid, "delete",
                                base={"_record": res[0]["record_version"]}))
    assert deleted["status"] == "applied", deleted
    assert status(bob) == 404
    alice.push_one(op("patient", pid, "restore", fields={"family_name": "Dupont"}))
    assert status(bob) == 200
    # the patient moves to team B: its files go with it
    assert status(carol) == 404
    moved = dave.push_one(op("patient", pid, fields={"team_id": org.team_b},
                             base={"team_id": 10**6}))
    assert moved["status"] == "applied", moved
    assert status(carol) == 200 and status(bob) == 404


def test_a_team_holding_the_same_bytes_keeps_its_copy(client: TestClient, org: Org,
                                                      settings: ServerSettings) -> None:
    alice, bob, carol = Api(client, "alice"), Api(client, "bob"), Api(client, "carol")
    pid, _ = new_patient(alice)
    qid, _ = new_patient(carol)
    assert put(alice) == 204 and put(carol) == 204  # both hold the same form
    attach(alice, pid)
    attach(carol, qid)
    assert status(bob) == 200 and status(carol) == 200
    assert alice.push_one(op("patient", pid, "purge"))["status"] == "applied"
    assert status(bob) == 404  # team A's record is gone
    assert status(carol) == 200 and stored(settings)  # team B's own copy stays
    assert carol.push_one(op("patient", qid, "purge"))["status"] == "applied"
    assert not stored(settings)
    db = Database(settings, run_migrations=False)
    try:
        with db.session() as s:
            assert s.scalars(select(BlobUpload)).all() == []
    finally:
        db.dispose()
