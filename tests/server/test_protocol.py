"""The sync protocol through the ASGI app, on SQLite and PostgreSQL (docs/SYNC.md)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from server import admin
from server.config import ServerSettings
from server.db import Database
from server.models import PurgedPatient, Record
from tests.server.conftest import HEADERS, Api, Org, consent, hlc, new_patient, op


def test_enrol_returns_token_teams_and_default_team(client: TestClient, org: Org) -> None:
    dave = Api(client, "dave")
    assert {t["id"] for t in dave.teams} == {org.team_a, org.team_b}
    assert dave.default_team == org.team_a  # first team by name
    status = dave.get("/v1/device").json()
    assert status == {"device_id": dave.device_id, "revoked": False, "stolen": False,
                      "teams": dave.teams, "role": "case_manager", "username": "dave",
                      "members": status["members"]}
    assert {m["username"] for m in status["members"]} == {"alice", "bob", "carol", "dave"}


def test_push_is_idempotent_by_op_id(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    pid = str(uuid.uuid4())
    create = op("patient", pid, fields={"family_name": "Dupont", "given_name": "Marie"})
    first = alice.push(create, consent(pid))
    again = alice.push(create)  # a retry after a lost response
    assert again[0] == first[0]
    edit = op("patient", pid, fields={"given_name": "Anne"},
              base={"given_name": first[0]["field_versions"]["given_name"]})
    dup = alice.push(edit, edit)  # duplicate inside one batch
    assert dup[0] == dup[1] and dup[0]["status"] == "applied"
    changes = alice.pull_all()
    patient = [c for c in changes if c["record_id"] == pid]
    assert len(patient) == 1 and patient[0]["fields"]["given_name"] == "Anne"
    assert patient[0]["record_version"] == dup[0]["server_seq"]


def test_new_patient_gets_default_team_and_seqs_increase(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    _pid, results = new_patient(alice)
    assert results[0]["fields"] == {"team_id": org.team_a}
    assert results[1]["server_seq"] > results[0]["server_seq"]
    assert results[0]["record_version"] == results[0]["server_seq"]


def test_non_concurrent_edit_applies_and_concurrent_edit_conflicts(client: TestClient,
                                                                   org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice, city="Namur")
    v0 = res[0]["field_versions"]["city"]
    bob.pull_all()
    r1 = bob.push_one(op("patient", pid, fields={"city": "Dinant"}, base={"city": v0},
                         base_values={"city": "Namur"}))
    assert r1["status"] == "applied"
    # alice edits from the same old base: concurrent → conflict, server keeps bob's value
    r2 = alice.push_one(op("patient", pid, fields={"city": "Ciney"}, base={"city": v0},
                           base_values={"city": "Namur"}))
    assert r2["status"] == "conflict" and r2["server_seq"] is None
    (c,) = r2["conflicts"]
    assert (c["field"], c["base_value"], c["mine"], c["theirs"]) == ("city", "Namur", "Ciney",
                                                                      "Dinant")
    assert c["server_version"] == r1["server_seq"]
    # the conflict syncs down to every device of the team, after the record
    changes = bob.pull_all()
    kinds = [(ch["kind"], ch["record_id"]) for ch in changes]
    assert ("conflict", pid) in kinds
    record = next(ch for ch in changes if ch["record_id"] == pid and ch["kind"] == "upsert")
    assert record["fields"]["city"] == "Dinant"
    # resolving: the choice goes up as a normal op based on the conflict's version
    r3 = bob.push_one(op("patient", pid, "resolve", fields={"city": "Ciney"},
                         base={"city": c["server_version"]}, conflict_id=c["conflict_id"]))
    assert r3["status"] == "applied"
    changes = alice.pull_all()
    resolved = [ch for ch in changes if ch["kind"] == "conflict_resolved"]
    assert resolved and resolved[0]["conflict"]["resolution"] == "Ciney"
    assert next(ch for ch in changes if ch["record_id"] == pid
                and ch["kind"] == "upsert")["fields"]["city"] == "Ciney"
    # resolving again does not create a second resolution
    again = bob.push_one(op("patient", pid, "resolve", fields={}, conflict_id=c["conflict_id"]))
    assert again["status"] == "noop"


def test_own_successive_edits_never_conflict(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    pid, _ = new_patient(alice)
    # two offline edits of the same field, both based on version 0 of the device's knowledge
    res = alice.push(op("patient", pid, fields={"city": "Namur"}, base={"city": 0}),
                     op("patient", pid, fields={"city": "Wépion"}, base={"city": 0}))
    assert [r["status"] for r in res] == ["applied", "applied"]


def test_lww_field_settled_by_hlc_and_loser_told_the_value(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    rid = str(uuid.uuid4())
    cid = str(uuid.uuid4())
    alice.push(op("contact", cid, fields={"kind": "gp", "family_name": "Martin"}),
               op("relationship", rid, fields={"patient_id": pid, "contact_id": cid,
                                               "pos_x": 1.0}, patient_id=pid))
    late, early = hlc("bob", wall=1_800_000_000_000), hlc("alice", wall=1_700_000_000_001)
    r1 = bob.push_one(op("relationship", rid, fields={"pos_x": 5.0}, patient_id=pid, hlc=late))
    assert r1["status"] == "applied"
    r2 = alice.push_one(op("relationship", rid, fields={"pos_x": 9.0}, base={"pos_x": 0},
                           patient_id=pid, hlc=early))
    assert r2["status"] == "noop" and r2["fields"] == {"pos_x": 5.0} and not r2["conflicts"]


def test_union_field_merges_three_ways(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice, phones=["+3281000001", "+3281000002"])
    v = res[0]["field_versions"]["phones"]
    bob.push_one(op("patient", pid, fields={"phones": ["+3281000001", "+3281000002",
                                                       "+3281000003"]},
                    base={"phones": v}))
    # alice removed 002 and added 004 concurrently
    r = alice.push_one(op("patient", pid, fields={"phones": ["+3281000001", "+3281000004"]},
                          base={"phones": v},
                          base_values={"phones": ["+3281000001", "+3281000002"]}))
    assert r["status"] == "applied" and not r["conflicts"]
    assert r["fields"]["phones"] == ["+3281000001", "+3281000003", "+3281000004"]


def test_delete_against_concurrent_edit_is_a_conflict(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice)
    version = res[0]["record_version"]
    bob.push_one(op("patient", pid, fields={"city": "Namur"}, base={"city": version}))
    r = alice.push_one(op("patient", pid, "delete", base={"_record": version}))
    assert r["status"] == "conflict"
    assert r["conflicts"][0]["field"] == "_record"
    assert r["conflicts"][0]["mine"] == {"deleted": True}
    # a delete that saw everything applies; a second delete is a noop
    latest = alice.pull_all()
    current = max(c["record_version"] for c in latest if c["record_id"] == pid)
    assert alice.push_one(op("patient", pid, "delete",
                             base={"_record": current}))["status"] == "applied"
    assert alice.push_one(op("patient", pid, "delete",
                             base={"_record": current}))["status"] == "noop"


def test_edit_against_concurrent_delete_is_a_conflict_and_restore_wins(client: TestClient,
                                                                       org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice)
    version = res[0]["record_version"]
    assert alice.push_one(op("patient", pid, "delete",
                             base={"_record": version}))["status"] == "applied"
    r = bob.push_one(op("patient", pid, fields={"city": "Namur"}, base={"city": version}))
    assert r["status"] == "conflict"
    assert r["conflicts"][0]["theirs"] == {"deleted": True}
    assert r["conflicts"][0]["mine"]["fields"] == {"city": "Namur"}
    changes = bob.pull_all()
    tomb = next(c for c in changes if c["record_id"] == pid and c["table"] == "patient")
    assert tomb["kind"] == "delete" and tomb["deleted"] is True
    restored = bob.push_one(op("patient", pid, "restore",
                               fields={"family_name": "Dupont", "city": "Namur"},
                               base={"_record": version}))
    assert restored["status"] == "applied"
    after = [c for c in bob.pull_all() if c["record_id"] == pid and c["table"] == "patient"]
    assert after[-1]["kind"] == "upsert" and after[-1]["fields"]["city"] == "Namur"


def test_append_only_records_never_conflict(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    note = op("note", str(uuid.uuid4()), "append",
              fields={"patient_id": pid, "text": "x"}, patient_id=pid)
    assert alice.push_one(note)["status"] == "applied"
    same_record = {**note, "op_id": str(uuid.uuid4())}
    assert bob.push_one(same_record)["status"] == "noop"
    edit = op("note", note["record_id"], fields={"text": "y"}, patient_id=pid)
    assert alice.push_one(edit) == {**alice.push_one(edit), "status": "rejected",
                                    "reason": "sync.append_only"}


def test_rejections_are_listed_and_do_not_block_the_batch(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    pid = str(uuid.uuid4())
    results = alice.push(
        op("no_such_table", "x"),
        op("case_record", str(uuid.uuid4()), fields={"patient_id": str(uuid.uuid4())},
           patient_id=None),  # unknown patient
        op("patient", pid, fields={"family_name": "Ok"}),
        op("patient", pid, "resolve", conflict_id=str(uuid.uuid4())),
        op("case_record", str(uuid.uuid4()), fields={}),  # no patient
    )
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "sync.unknown_table"), ("rejected", "sync.forbidden"),
        ("applied", None), ("rejected", "sync.conflict_unknown"),
        ("rejected", "sync.invalid_op")]


def test_pull_pages_without_gaps_or_duplicates(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    ops = [op("note", str(uuid.uuid4()), "append", fields={"patient_id": pid, "text": str(i)},
              patient_id=pid) for i in range(23)]
    alice.push(*ops)
    changes = bob.pull_all(limit=5)
    seqs = [c["seq"] for c in changes if c["table"] == "note"]
    assert len(seqs) == 23 == len(set(seqs)) and seqs == sorted(seqs)
    assert bob.pull_all() == []  # nothing new; the cursor stays at the head
    head = bob.cursor
    alice.push(op("note", str(uuid.uuid4()), "append", fields={"patient_id": pid, "text": "n"},
                  patient_id=pid))
    new = bob.pull_all()
    assert len(new) == 1 and new[0]["seq"] > head


def test_referenced_records_come_before_their_children(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice)
    case = op("case_record", str(uuid.uuid4()), fields={"patient_id": pid, "status": "active"},
              patient_id=pid)
    alice.push(case)
    # the patient now changes after its case: its seq is higher than the case's
    alice.push_one(op("patient", pid, fields={"city": "Namur"},
                      base={"city": res[0]["record_version"]}))
    seen: set[str] = set()
    r = bob.get("/v1/sync/pull", cursor=0, limit=2)  # consent + case: patient is on page 2
    page = r.json()["changes"]
    for change in page:
        parent = change["fields"].get("patient_id")
        if change["table"] != "patient" and parent:
            assert parent in seen, "child before its parent"
        seen.add(change["record_id"])
    assert page[0]["table"] == "patient"


def test_tombstones_collected_then_old_cursor_gets_410_and_snapshot_rebuilds(
        client: TestClient, org: Org, settings: ServerSettings) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    case_id = str(uuid.uuid4())
    r = alice.push_one(op("case_record", case_id, fields={"patient_id": pid}, patient_id=pid))
    bob.pull_all()
    stale_cursor = bob.cursor
    alice.pull_all()
    alice.push_one(op("case_record", case_id, "delete", base={"_record": r["record_version"]},
                      patient_id=pid))
    alice.pull_all()
    # bob has not pulled the tombstone: it stays
    assert admin.collect_tombstones(settings) == 0
    # once the tombstone is older than the maximum age it goes, and bob is behind the horizon
    horizon = admin.collect_tombstones(settings, now=dt.datetime.now() + dt.timedelta(days=400))
    assert horizon > stale_cursor
    assert bob.get("/v1/sync/pull", cursor=stale_cursor).status_code == 410
    assert bob.get("/v1/sync/pull", cursor=stale_cursor).json() == {
        "detail": "sync.cursor_too_old"}
    # rebuild: a snapshot from 0 lists every live record; the deleted case is not mentioned
    bob.cursor = 0
    snap = bob.pull_all(endpoint="/v1/sync/snapshot", limit=1)
    ids = {c["record_id"] for c in snap}
    assert pid in ids and case_id not in ids
    assert bob.get("/v1/sync/pull", cursor=bob.cursor).status_code == 200


def test_tombstone_kept_until_every_active_device_passed_it(client: TestClient, org: Org,
                                                            settings: ServerSettings) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice)
    alice.push_one(op("patient", pid, "delete", base={"_record": res[0]["record_version"]}))
    alice.pull_all()
    alice.pull_all()  # a device reports its progress by the cursor it asks for next
    assert admin.collect_tombstones(settings) == 0  # bob (cursor 0) has not passed it
    bob.pull_all()
    bob.pull_all()  # the next request reports the cursor past the tombstone
    assert admin.collect_tombstones(settings) > 0
    assert bob.get("/v1/sync/pull", cursor=bob.cursor).status_code == 200


def test_checksum_matches_records_in_scope(client: TestClient, org: Org) -> None:
    alice, carol = Api(client, "alice"), Api(client, "carol")
    _pid, _ = new_patient(alice)
    new_patient(carol)
    changes = alice.pull_all()
    live = sorted((c["record_id"], c["record_version"]) for c in changes
                  if c["table"] == "patient" and not c["deleted"])
    body = alice.get("/v1/sync/checksum").json()
    assert body["cursor"] == alice.cursor
    expected = hashlib.sha256("".join(f"{i}:{v}\n" for i, v in live).encode()).hexdigest()
    assert body["tables"]["patient"] == {"count": 1, "checksum": expected}


def test_withdrawal_narrows_visibility_and_the_server_keeps_every_record(
        client: TestClient, org: Org) -> None:
    """Issue 15: a withdrawal purges the patient from the team's other laptops only; the server
    keeps everything, the responsible case manager (here the user who recorded the patient)
    keeps syncing it, a colleague's edit is still kept, and a new grant re-feeds the team
    from the server's store without any laptop pushing the records again."""
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    note = str(uuid.uuid4())
    alice.push(op("note", note, "append", fields={"patient_id": pid, "text": "x"},
                  patient_id=pid))
    bob.pull_all()
    alice.pull_all()
    withdraw = consent(pid, "withdrawn", day="2026-11-10", at="2026-11-10T09:00:00")
    assert alice.push_one(withdraw)["status"] == "applied"
    assert [(c["kind"], c["record_id"], c["reason"]) for c in bob.pull_all()] == [
        ("purge", pid, "consent_withdrawn")]
    assert bob.get("/v1/sync/checksum").json()["tables"] == {}
    # alice, responsible, gets no purge and still sees the whole record
    assert [c["kind"] for c in alice.pull_all()] == ["upsert"]  # her withdrawal event
    assert alice.get("/v1/sync/checksum").json()["tables"]["note"]["count"] == 1
    # bob's late edit is kept (nothing typed is lost), though he cannot see the patient
    late = bob.push_one(op("patient", pid, fields={"city": "Namur"}, base={"city": 1}))
    assert late["status"] == "applied"
    assert bob.pull_all() == []
    # a new grant: bob receives the patient, its note and the edit, nobody pushed them again
    again = consent(pid, "granted", day="2026-11-20", at="2026-11-20T09:00:00")
    assert alice.push_one(again)["status"] == "applied"
    got = {(c["table"], c["record_id"]): c for c in bob.pull_all() if c["kind"] == "upsert"}
    assert ("note", note) in got and got[("patient", pid)]["fields"]["city"] == "Namur"


def test_handover_moves_sight_to_the_new_responsible_case_managers(client: TestClient,
                                                                    org: Org) -> None:
    """A patient not shared with the team: naming bob (and dave, as a pair) on the case gives
    them the record from the server's store; alice, no longer responsible, purges it; carol,
    another team, learns nothing and changes nothing."""
    alice, bob, dave = Api(client, "alice"), Api(client, "bob"), Api(client, "dave")
    carol = Api(client, "carol")
    pid, _ = new_patient(alice, team_id=org.team_a)
    alice.push_one(consent(pid, "refused", day="2026-11-10", at="2026-11-10T09:00:00"))
    assert [c["kind"] for c in bob.pull_all()][-1] == "purge"
    case = str(uuid.uuid4())
    assert alice.push_one(op("case_record", case, fields={
        "patient_id": pid, "status": "active", "responsible_users": ["bob", "dave"]},
        patient_id=pid))["status"] == "applied"
    assert [c["kind"] for c in alice.pull_all()][-1:] == ["purge"]
    for api in (bob, dave):
        tables = {c["table"] for c in api.pull_all() if c["kind"] == "upsert"}
        assert {"patient", "case_record", "consent_event"} <= tables
    assert carol.push_one(consent(pid, "withdrawn"))["reason"] == "sync.forbidden"
    assert carol.pull_all() == []


def test_erasure_purge_op(client: TestClient, org: Org) -> None:
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    bob.pull_all()
    assert alice.push_one(op("patient", pid, "purge"))["status"] == "applied"
    assert [c["reason"] for c in bob.pull_all()] == ["erased"]
    assert alice.push_one(op("patient", pid, "purge"))["status"] == "noop"
    # no consent decision brings an erased patient back, even a grant from a laptop that was
    # offline and still holds it
    for late in (consent(pid, "granted", day="2026-12-01", at="2026-12-01T09:00:00"),
                 op("patient", pid, fields={"family_name": "Dupont"})):
        assert bob.push_one(late)["reason"] == "sync.patient_erased"
    assert bob.pull_all() == []


def test_erasure_of_a_withdrawn_patient_forgets_its_consent_log(client: TestClient,
                                                                org: Org) -> None:
    """The laptop that withdrew keeps the patient local-only; erasing it there must also drop
    the consent log the server kept, and tell the team (a laptop may keep a local-only copy)."""
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, _ = new_patient(alice)
    alice.push_one(consent(pid, "withdrawn", day="2026-11-10", at="2026-11-10T09:00:00"))
    bob.pull_all()
    erased = alice.push_one(op("patient", pid, "purge"))
    assert erased["status"] == "applied"
    assert [c["reason"] for c in bob.pull_all()] == ["erased"]
    with client.app.state.db.sessions() as session:  # type: ignore[attr-defined]
        row = session.get(PurgedPatient, pid)
        assert row is not None and (row.reason, row.consents) == ("erased", [])
    assert bob.push_one(consent(pid, "granted", day="2026-12-01", at="2026-12-01T09:00:00"))[
        "reason"] == "sync.patient_erased"


def test_team_move_purges_old_team_and_delivers_to_new(client: TestClient, org: Org) -> None:
    alice, carol, dave = Api(client, "alice"), Api(client, "carol"), Api(client, "dave")
    pid, res = new_patient(dave, team_id=org.team_a)
    dave.push(op("note", str(uuid.uuid4()), "append", fields={"patient_id": pid, "text": "x"},
                 patient_id=pid))
    alice.pull_all()
    carol.pull_all()
    # alice (team A only) may not move it to B
    moved = alice.push_one(op("patient", pid, fields={"team_id": org.team_b},
                              base={"team_id": res[0]["record_version"]}))
    assert moved["reason"] == "sync.forbidden"
    moved = dave.push_one(op("patient", pid, fields={"team_id": org.team_b},
                             base={"team_id": res[0]["record_version"]}))
    assert moved["status"] == "applied"
    assert [(c["kind"], c["reason"]) for c in alice.pull_all()] == [("purge", "team_moved")]
    got = carol.pull_all()
    assert {c["table"] for c in got} >= {"patient", "note", "consent_event"}
    assert got[0]["table"] == "patient"
    # alice can no longer write it
    assert alice.push_one(op("patient", pid, fields={"city": "X"}))["reason"] == "sync.forbidden"


def test_scope_change_forces_rebuild(client: TestClient, org: Org,
                                     settings: ServerSettings) -> None:
    carol = Api(client, "carol")
    new_patient(carol)
    carol.pull_all()
    assert carol.cursor > 0
    admin.add_member(settings, "carol", "A équipe")
    r = carol.get("/v1/sync/pull", cursor=carol.cursor)
    assert (r.status_code, r.json()["detail"]) == (410, "sync.scope_changed")
    carol.cursor = 0
    carol.pull_all(endpoint="/v1/sync/snapshot")
    assert carol.get("/v1/sync/pull", cursor=carol.cursor).status_code == 200


def test_blobs_are_idempotent_and_scoped(client: TestClient, org: Org) -> None:
    alice, bob, carol = Api(client, "alice"), Api(client, "bob"), Api(client, "carol")
    pid, _ = new_patient(alice)
    data = b"%PDF-1.4 scanned consent form"
    sha = hashlib.sha256(data).hexdigest()
    for _ in range(2):
        r = client.put(f"/v1/blobs/{sha}", headers={**alice.headers,
                                                    "Content-Type": "application/octet-stream"},
                       content=data)
        assert r.status_code == 204
    bad = client.put(f"/v1/blobs/{'0' * 64}", headers=alice.headers, content=data)
    assert (bad.status_code, bad.json()["detail"]) == (400, "sync.bad_request")
    assert bob.get(f"/v1/blobs/{sha}").status_code == 404  # no attachment references it yet
    alice.push(op("attachment", str(uuid.uuid4()), "append",
                  fields={"patient_id": pid, "sha256": sha, "mime": "application/pdf",
                          "size": len(data)}, patient_id=pid))
    got = bob.get(f"/v1/blobs/{sha}")
    assert got.status_code == 200 and got.content == data
    assert carol.get(f"/v1/blobs/{sha}").status_code == 404


def test_gzip_both_ways(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    pid = str(uuid.uuid4())
    body = json.dumps({"device_id": alice.device_id, "ops": [
        op("patient", pid, fields={"family_name": "Dupont" * 50})]}).encode()
    r = client.post("/v1/sync/push", content=gzip.compress(body),
                    headers={**alice.headers, "Content-Encoding": "gzip",
                             "Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    pulled = client.get("/v1/sync/pull", params={"cursor": 0},
                        headers={**alice.headers, "Accept-Encoding": "gzip"})
    assert pulled.headers.get("content-encoding") == "gzip"
    assert pulled.json()["changes"][0]["record_id"] == pid


def test_every_request_is_audited_and_exported(client: TestClient, org: Org,
                                               settings: ServerSettings, tmp_path) -> None:
    alice = Api(client, "alice")
    new_patient(alice)
    alice.pull_all()
    client.get("/v1/sync/pull", headers=HEADERS)  # unauthenticated: audited too
    alice.push(op("audit_event", str(uuid.uuid4()), "append",
                  fields={"action": "print", "actor": "Alice", "detail": {}}))
    out = tmp_path / "audit.jsonl"
    count = admin.export_audit(settings, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert count == len(lines)
    server_lines = [x for x in lines if x["source"] == "server"]
    paths = [(x["method"], x["path"], x["status"]) for x in server_lines]
    assert ("POST", "/v1/devices", 200) in paths
    assert ("POST", "/v1/sync/push", 200) in paths
    assert ("GET", "/v1/sync/pull", 401) in paths
    assert any(x["device_id"] == alice.device_id for x in server_lines)
    assert any(x["source"] == "device" and x["action"] == "print" for x in lines)
    assert all("Dupont" not in json.dumps(x) for x in server_lines)


def test_records_are_stored_generically(client: TestClient, org: Org,
                                        settings: ServerSettings) -> None:
    alice = Api(client, "alice")
    pid, _ = new_patient(alice, city="Namur")
    db = Database(settings, run_migrations=False)
    try:
        with db.session() as session:
            rec = session.scalar(select(Record).where(Record.record_id == pid))
            assert rec is not None and rec.team_id == org.team_a and rec.patient_id == pid
            assert rec.fields["city"] == "Namur" and rec.field_versions["city"] == rec.seq
    finally:
        db.dispose()


def test_hostile_values_are_rejected_not_crashing(client: TestClient, org: Org) -> None:
    """PostgreSQL refuses U+0000 in text and JSONB, and columns have lengths: such ops are
    rejected one by one (never a 500), on both databases."""
    alice = Api(client, "alice")
    pid, _ = new_patient(alice)
    nul = "a\x00b"
    results = alice.push(
        op("patient", pid, fields={"city": nul}),
        op("patient", pid, fields={"city": {"k": [nul]}}),
        op("patient", pid, fields={"city": "x"}, hlc="1" * 13 + "-00000-" + "d" * 200),
        op("patient", pid, fields={"city": "x"}, hlc="not-a-clock"),
        op("patient", nul, fields={"city": "x"}),
        {**op("patient", pid, fields={"city": "x"}), "op_id": nul},
        op("patient", pid, "resolve", conflict_id=nul),
        op("patient", "p" * 100, fields={"city": "x"}),
        op("patient", pid, fields={"city": "ok"}),
    )
    assert [r["status"] for r in results] == ["rejected"] * 8 + ["applied"]
    assert {r["reason"] for r in results[:8]} == {"sync.invalid_op"}
    infinite = op("relationship", str(uuid.uuid4()), patient_id=pid,
                  fields={"patient_id": pid, "pos_x": float("inf")})
    r = client.post("/v1/sync/push", headers={**alice.headers, "Content-Type": "application/json"},
                    content=json.dumps({"device_id": alice.device_id, "ops": [infinite]}))
    assert r.status_code in (200, 422) and r.json().get("results", [{}])[0].get(
        "reason", "sync.invalid_op") == "sync.invalid_op"
    r = client.post("/v1/devices", headers=HEADERS,
                    json={"username": "ali\x00ce", "password": "x", "device_name": nul})
    assert r.status_code == 401


def test_push_answer_gives_the_cursor_when_nothing_else_changed(client: TestClient,
                                                                org: Org) -> None:
    """One edit end to end takes one push and one pull: the editing laptop stores the cursor
    of the push answer instead of pulling its own change back (docs/SYNC.md 5)."""
    alice, bob = Api(client, "alice"), Api(client, "bob")
    pid, res = new_patient(alice, city="Namur")
    alice.pull_all()
    bob.pull_all()

    def push(api: Api, *ops: dict[str, object]) -> dict[str, object]:
        r = client.post("/v1/sync/push", headers=api.headers, json={
            "device_id": api.device_id, "ops": list(ops), "cursor": api.cursor})
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    version = res[0]["field_versions"]["city"]
    body = push(alice, op("patient", pid, fields={"city": "Dinant"}, base={"city": version}))
    result = body["results"][0]
    assert result["status"] == "applied"
    assert body["cursor"] == result["server_seq"] == result["record_version"]
    alice.cursor = body["cursor"]
    assert alice.pull_all() == []  # nothing to pull: it already holds every change
    changes = bob.pull_all()
    assert [(c["record_id"], c["fields"]["city"]) for c in changes] == [(pid, "Dinant")]

    # bob changed something since alice's cursor: alice must pull
    push(bob, op("patient", pid, fields={"given_name": "Anne"},
                 base={"given_name": res[0]["field_versions"]["given_name"]}))
    body = push(alice, op("note", str(uuid.uuid4()), "append",
                          {"patient_id": pid, "text": "n"}, patient_id=pid))
    assert body["results"][0]["status"] == "applied" and body["cursor"] is None
    # the record alice writes changed since her cursor (bob's edit): she must pull too
    alice_before = alice.cursor
    body = push(alice, op("patient", pid, fields={"city": "Ciney"},
                          base={"city": result["field_versions"]["city"]}))
    assert body["cursor"] is None
    assert any(c["record_id"] == pid and c["fields"]["given_name"] == "Anne"
               for c in alice.pull_all())
    assert alice.cursor > alice_before
    # no cursor sent (an older laptop): no cursor back
    assert alice.push_raw(op("note", str(uuid.uuid4()), "append",
                             {"patient_id": pid, "text": "n"},
                             patient_id=pid)).json()["cursor"] is None
    # a conflict must come back through a pull
    bob.pull_all()
    alice.pull_all()
    body = push(bob, op("patient", pid, fields={"city": "Huy"}, base={"city": 0}))
    assert body["results"][0]["status"] == "conflict" and body["cursor"] is None
