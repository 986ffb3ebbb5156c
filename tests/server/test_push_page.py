"""The pull page a push answer carries when the device asks for it (`PushRequest.pull`, docs/SYNC.md
5): the very page its pull right after would get, and none where that pull would fail."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

from server import admin
from server.config import ServerSettings
from tests.server.conftest import Api, Org, new_patient, op


def _push(client: TestClient, api: Api, *ops: dict[str, Any], **extra: Any) -> dict[str, Any]:
    r = client.post("/v1/sync/push", headers=api.headers, json={
        "device_id": api.device_id, "ops": list(ops), "cursor": api.cursor, **extra})
    assert r.status_code == 200, r.text
    assert r.text.count('"page"') <= 1  # the page spliced in once, not beside a null
    return r.json()  # type: ignore[no-any-return]


def _note(pid: str) -> dict[str, Any]:
    return op("note", str(uuid.uuid4()), "append", {"patient_id": pid, "text": "n"},
              patient_id=pid)


def _same_page(page: dict[str, Any], pulled: dict[str, Any]) -> bool:
    return {k: v for k, v in page.items() if k != "server_time"} == {
        k: v for k, v in pulled.items() if k != "server_time"}


def test_the_answer_carries_the_page_the_pull_would_get(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice, city="Namur")
    alice.pull_all()
    bob.pull_all()
    bob.push(op("patient", pid, fields={"given_name": "Anne"},
                base={"given_name": res[0]["field_versions"]["given_name"]}))
    before = alice.cursor
    for compact in (False, True):
        body = _push(client, alice, _note(pid), pull=500, compact=compact)
        assert body.get("cursor") is None  # bob's edit: the answer cannot give the cursor alone
        page = body["page"]
        pulled = alice.get("/v1/sync/pull", cursor=before, limit=500,
                           compact=int(compact)).json()
        assert _same_page(page, pulled)
        assert any(c["record_id"] == pid and c["fields"].get("given_name") == "Anne"
                   for c in page["changes"])  # the teammate's edit
        assert page["has_more"] is False and page["next_cursor"] > before


def test_the_page_is_limited_and_says_there_is_more(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    alice.pull_all()
    for _ in range(3):
        bob.push(_note(pid))
    before = alice.cursor
    page = _push(client, alice, _note(pid), pull=2)["page"]
    assert len(page["changes"]) == 2 and page["has_more"] is True
    assert _same_page(page, alice.get("/v1/sync/pull", cursor=before, limit=2).json())


def test_no_page_unless_asked_and_needed(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    alice.pull_all()
    bob.push(_note(pid))
    # not asked (the laptops before this version): the answer is as it was
    body = _push(client, alice, _note(pid))
    assert body.get("cursor") is None and body.get("page") is None
    alice.pull_all()
    # asked, but nothing else changed: the cursor says it all
    body = _push(client, alice, _note(pid), pull=500)
    assert body.get("cursor") is not None and body.get("page") is None
    # asked without a cursor (a first pull): nothing to page from
    bob.push(_note(pid))
    alice.cursor = 0
    body = _push(client, alice, _note(pid), pull=500)
    assert body.get("page") is None


def test_no_page_where_the_pull_would_be_refused(client: TestClient, org: Org,
                                                 settings: ServerSettings) -> None:
    """The batch stands; the device's own pull then gets the refusal (410, revoked)."""
    carol, dave = Api(client, "carol"), Api(client, "dave")
    pid, _ = new_patient(carol)
    carol.pull_all()
    dave.pull_all()
    dave.push(_note(pid))
    admin.add_member(settings, "carol", "A équipe")  # her teams changed: she must rebuild
    body = _push(client, carol, _note(pid), pull=500)
    assert body["results"][0]["status"] == "applied" and body.get("page") is None
    assert carol.get("/v1/sync/pull", cursor=carol.cursor).status_code == 410

    dave.push(_note(pid))
    admin.revoke_device(settings, dave.device_id)
    before = dave.cursor
    body = _push(client, dave, _note(pid), pull=500)  # a revoked laptop's last edits go up
    assert body["results"][0]["status"] == "applied" and body.get("page") is None
    assert dave.get("/v1/sync/pull", cursor=before).status_code == 403


def test_a_page_limit_out_of_range_is_refused(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    pid, _ = new_patient(alice)
    for limit in (0, 5001):
        r = client.post("/v1/sync/push", headers=alice.headers, json={
            "device_id": alice.device_id, "ops": [_note(pid)], "cursor": 1, "pull": limit})
        assert r.status_code == 422
