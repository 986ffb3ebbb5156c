"""Security: team isolation, tokens, brute force, size limits, malformed bodies, versions."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from server import admin
from server.app import create_app
from server.config import ServerSettings
from server.db import Database
from server.models import Device, User
from tests.server.conftest import HEADERS, PASSWORD, Api, Org, new_patient, op, setup_org


@pytest.fixture
def settings(sqlite_settings: ServerSettings) -> ServerSettings:
    """Authorisation does not depend on the database: SQLite only (the protocol suite runs on
    both)."""
    return sqlite_settings


def test_team_b_can_neither_read_nor_write_team_a_patients(client: TestClient, org: Org) -> None:
    alice, carol = Api(client, "alice"), Api(client, "carol")
    pid, res = new_patient(alice, city="Namur")
    note_id = str(uuid.uuid4())
    alice.push(op("note", note_id, "append", fields={"patient_id": pid, "text": "secret"},
                  patient_id=pid))
    # pull, snapshot and checksum show nothing of team A, not even a count
    assert carol.pull_all() == []
    carol.cursor = 0
    assert carol.pull_all(endpoint="/v1/sync/snapshot") == []
    assert carol.get("/v1/sync/checksum").json()["tables"] == {}
    # every write is refused, and the record is unchanged
    attempts = [
        op("patient", pid, fields={"city": "Liège"}, base={"city": 999}),
        op("patient", pid, "delete", base={"_record": 999}),
        op("patient", pid, "restore", fields={"city": "Liège"}),
        op("patient", pid, "purge"),
        op("note", str(uuid.uuid4()), "append", fields={"patient_id": pid, "text": "x"},
           patient_id=pid),
        op("note", note_id, "append", fields={"patient_id": pid, "text": "x"}, patient_id=pid),
        op("case_record", str(uuid.uuid4()), fields={"patient_id": pid}, patient_id=pid),
    ]
    results = carol.push(*attempts)
    assert {(r["status"], r["reason"]) for r in results} == {("rejected", "sync.forbidden")}
    assert all(r["field_versions"] == {} for r in results)  # learns nothing
    # moving a team-A patient into team B from team B is refused as well
    moved = carol.push_one(op("patient", pid, fields={"team_id": org.team_b}))
    assert moved["reason"] == "sync.forbidden"
    after = Api(client, "bob").pull_all()
    patient = next(c for c in after if c["record_id"] == pid)
    assert patient["fields"]["city"] == "Namur"
    assert patient["record_version"] == res[0]["record_version"]
    # a team-B record with a team-A patient id is refused too
    assert carol.push_one(op("patient", pid, fields={"family_name": "X"}))[
        "reason"] == "sync.forbidden"


def test_op_ids_of_another_device_are_not_replayed(client: TestClient, org: Org) -> None:
    alice, carol = Api(client, "alice"), Api(client, "carol")
    create = op("patient", str(uuid.uuid4()), fields={"family_name": "Dupont"})
    alice.push(create)
    stolen = carol.push_one(create)
    assert (stolen["status"], stolen["reason"], stolen["field_versions"]) == (
        "rejected", "sync.forbidden", {})


def test_push_for_another_device_id_is_refused(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    r = client.post("/v1/sync/push", headers=alice.headers,
                    json={"device_id": bob.device_id, "ops": []})
    assert (r.status_code, r.json()["detail"]) == (403, "sync.forbidden")


def test_unknown_missing_expired_and_revoked_tokens(client: TestClient, org: Org,
                                                   settings) -> None:
    alice = Api(client, "alice")
    assert client.get("/v1/sync/pull", headers=HEADERS).status_code == 401
    bad = client.get("/v1/sync/pull", headers={**HEADERS, "Authorization": "Bearer nope"})
    assert (bad.status_code, bad.json()["detail"]) == (401, "sync.unauthorized")
    # expired
    db = Database(settings, run_migrations=False)
    try:
        with db.session() as s:
            s.execute(update(Device).where(Device.id == alice.device_id)
                      .values(expires_at=dt.datetime(2000, 1, 1)))
    finally:
        db.dispose()
    r = alice.get("/v1/sync/pull", cursor=0)
    assert (r.status_code, r.json()["detail"]) == (401, "sync.token_expired")
    # revoked: may still push what it has, may not read; status tells it
    bob = Api(client, "bob")
    pid, _ = new_patient(bob)
    admin.revoke_device(settings, bob.device_id)
    r = bob.get("/v1/sync/pull", cursor=0)
    assert (r.status_code, r.json()["detail"]) == (403, "sync.device_revoked")
    pushed = bob.push_raw(op("patient", pid, fields={"city": "Namur"}))
    assert pushed.status_code == 200 and pushed.headers["Relais-Device-Status"] == "revoked"
    assert bob.get("/v1/device").json()["revoked"] is True
    # stolen: nothing but the status
    admin.revoke_device(settings, bob.device_id, stolen=True)
    assert bob.push_raw(op("patient", pid, fields={"city": "X"})).json()["detail"] == (
        "sync.device_stolen")
    assert bob.get("/v1/sync/checksum").status_code == 403
    assert bob.get("/v1/device").json() == {"device_id": bob.device_id, "revoked": True,
                                            "stolen": True, "teams": bob.teams,
                                            "username": "bob", "members": [],
                                            "role": "case_manager"}


def test_passwords_are_argon2id_and_tokens_stored_hashed(client: TestClient, org: Org,
                                                        settings) -> None:
    alice = Api(client, "alice")
    db = Database(settings, run_migrations=False)
    try:
        with db.session() as s:
            phc = s.scalar(select(User.password_hash).where(User.username == "alice"))
            stored = s.scalar(select(Device.token_hash).where(Device.id == alice.device_id))
    finally:
        db.dispose()
    assert phc is not None and phc.startswith("$argon2id$") and PASSWORD not in phc
    assert stored is not None and alice.token not in stored and len(stored) == 64


def test_login_brute_force_is_slowed(settings: ServerSettings) -> None:
    frozen = dt.datetime(2026, 11, 23, 9, 0)  # the backoff's clock: no test timing involved
    client = TestClient(create_app(settings, clock=lambda: frozen))
    with client.app.state.db.sessions() as session:  # type: ignore[attr-defined]
        setup_org(session)
        session.commit()

    def attempt(user: str, password: str) -> int:
        return client.post("/v1/devices", headers=HEADERS,
                           json={"username": user, "password": password}).status_code

    statuses = [attempt("alice", f"guess-{i}") for i in range(7)]
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429, 429]
    # even the right password is not checked while the limit holds
    r = client.post("/v1/devices", headers=HEADERS,
                    json={"username": "alice", "password": PASSWORD})
    assert (r.status_code, r.json()["detail"]) == (429, "sync.rate_limited")
    assert int(r.headers["Retry-After"]) > 0
    # wrong user name and wrong password look the same
    assert client.post("/v1/devices", headers={**HEADERS, "X-Forwarded-For": "1"},
                       json={"username": "nobody", "password": "x"}).json()["detail"] in (
        "sync.login_failed", "sync.rate_limited")


def test_oversize_bodies_get_413(client: TestClient, org: Org, settings) -> None:
    alice = Api(client, "alice")
    limit = settings.max_body_bytes
    big = b"{" + b" " * (limit + 10) + b"}"
    r = client.post("/v1/sync/push", content=big,
                    headers={**alice.headers, "Content-Type": "application/json"})
    assert (r.status_code, r.json()["detail"]) == (413, "sync.too_large")
    # a small gzip body that inflates beyond the limit (a zip bomb) is refused too
    bomb = gzip.compress(b" " * (limit + 1024))
    r = client.post("/v1/sync/push", content=bomb,
                    headers={**alice.headers, "Content-Type": "application/json",
                             "Content-Encoding": "gzip"})
    assert (r.status_code, r.json()["detail"]) == (413, "sync.too_large")
    too_many = [op("patient", str(uuid.uuid4())) for _ in range(501)]
    assert alice.push_raw(*too_many).status_code == 422


def test_malformed_bodies_get_422_and_change_nothing(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    for body in (b"{not json", b"[]", json.dumps({"device_id": alice.device_id}).encode(),
                 json.dumps({"device_id": alice.device_id,
                             "ops": [{"op_id": "x", "kind": "explode"}]}).encode()):
        r = client.post("/v1/sync/push", content=body,
                        headers={**alice.headers, "Content-Type": "application/json"})
        assert r.status_code == 422, body
    assert alice.get("/v1/sync/pull", cursor=-1).status_code == 422
    assert alice.get("/v1/sync/pull", limit=100000).status_code == 422
    r = client.post("/v1/sync/push", content=b"\x1f\x8b garbage",
                    headers={**alice.headers, "Content-Encoding": "gzip"})
    assert (r.status_code, r.json()["detail"]) == (400, "sync.bad_request")
    assert alice.pull_all() == []


def test_unsupported_protocol_gets_426(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    for headers in ({"Relais-Protocol": "99", "Relais-Schema": "1"},
                    {"Relais-Protocol": "1", "Relais-Schema": "0"},
                    {"Relais-Schema": "1"}, {"Relais-Protocol": "abc", "Relais-Schema": "1"}):
        r = client.get("/v1/sync/pull", headers={"Authorization": f"Bearer {alice.token}",
                                                 **headers})
        assert (r.status_code, r.json()["detail"]) == (426, "sync.protocol_unsupported")
