"""A pull page is written around the records' stored JSON (server/pull.py `record_entry`): read
back, it says exactly what the change built from the decoded record says (`record_change`), on
SQLite and PostgreSQL, and a page still brings the parents a device cannot have yet."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Text, cast, select

from desktop.sync.protocol import REFERENCES, Change, PullResponse
from server import pull
from server.models import Record
from tests.server.conftest import Api, Org, consent, op


def _seed(alice: Api) -> dict[str, str]:
    pid, case, visit, plan, goal, action, note, gone = (str(uuid.uuid4()) for _ in range(8))
    results = alice.push(
        op("patient", pid, fields={"family_name": "Dupont-Lefèvre", "given_name": "Élise",
                                   "team_id": None, "languages": ["fr", "nl"],
                                   "phones": ["+32 81 00 00 00"], "bim": True, "maf": False}),
        consent(pid),
        op("case_record", case, fields={"patient_id": pid, "status": "active",
                                        "request_reason": 'dit "non" \\ puis\nrevient',
                                        "crisis_triggers": []}, patient_id=pid),
        op("visit", visit, fields={"patient_id": pid, "case_id": case, "kind": "home_visit",
                                   "planned_start": "2026-11-02T09:00:00",
                                   "participants": ["Bench", "Fille"]}, patient_id=pid),
        op("care_plan", plan, fields={"patient_id": pid, "case_id": case, "version": 1},
           patient_id=pid),
        op("goal", goal, fields={"patient_id": pid, "plan_id": plan, "text": "se lever",
                                 "needs": ["hygiène"], "position": 0}, patient_id=pid),
        op("plan_action", action, fields={
            "patient_id": pid, "plan_id": plan, "goal_id": goal, "what": "kiné",
            "schedule": {"days": ["mon", "thu"], "text": "le matin", "n": 2.5}},
           patient_id=pid),
        op("note", note, "append", {"patient_id": pid, "case_id": case, "text": "€ 5 — ok"},
           patient_id=pid),
        op("visit", gone, fields={"patient_id": pid, "case_id": case, "notes": "annulée"},
           patient_id=pid),
    )
    assert all(r["status"] == "applied" for r in results), results
    # edited field by field afterwards: the patient, the plan and the goal move after their
    # children, and carry per-field versions of their own
    versions = results[0]["field_versions"]
    alice.push(op("patient", pid, fields={"city": "Namur"}, base={"city": 0}))
    alice.push(op("care_plan", plan, fields={"status": "agreed"}, base={"status": 0},
                  patient_id=pid))
    alice.push(op("goal", goal, fields={"text": "se lever seule"},
                  base={"text": results[5]["field_versions"]["text"]}, patient_id=pid))
    deleted = alice.push_one(op("visit", gone, "delete", base={"_record": 0}, patient_id=pid))
    assert deleted["status"] == "applied", deleted
    assert versions
    return {"patient": pid, "plan": plan, "goal": goal, "gone": gone}


def _reference(session: Any, change: Change) -> tuple[Change, bool]:
    """The change built from the decoded record, and whether it was written in one op."""
    rec = session.get(Record, (change.table, change.record_id))
    assert rec is not None
    one_op = "x" not in rec.meta and rec.meta["d"][0] == rec.seq
    return pull.record_change(rec, pull.authors_of(session, [rec]), compact=True), one_op


def test_a_page_says_what_the_decoded_records_say(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    ids = _seed(alice)
    db = client.app.state.db  # type: ignore[attr-defined]
    teams = (org.team_a,)
    for limit in (1000, 3, 1):
        cursor, more, seen, passed = 0, True, 0, 0
        while more:
            with db.session() as session:
                page = pull.page_of(session, teams, cursor, limit, user="alice", compact=True)
                body = page.json()
                changes = PullResponse.model_validate_json(body).changes
                records = [c for c in changes if c.kind in ("upsert", "delete")]
                assert records
                for change in records:
                    reference, one_op = _reference(session, change)
                    assert change == reference
                    if not one_op:
                        continue
                    passed += 1  # the stored text itself, not decoded and written again
                    stored = session.scalar(select(cast(Record.fields, Text)).where(
                        Record.table_name == change.table,
                        Record.record_id == change.record_id))
                    assert stored.encode() in body
            # every parent the device cannot have yet is in the same page (applied together)
            here = {(c.table, c.record_id) for c in records}
            for change in records:
                for name, table in REFERENCES.items():
                    ref = change.fields.get(name)
                    if isinstance(ref, str) and (table, ref) != (change.table, change.record_id):
                        with db.session() as session:
                            parent = session.get(Record, (table, ref))
                        assert parent is None or parent.seq <= cursor or \
                            (table, ref) in here, (change.table, name)
            seen += len(changes)
            cursor, more = page.next_cursor, page.has_more
        assert seen >= 9 and passed >= 5
    with db.session() as session:
        whole = pull.page_of(session, teams, 0, 1000, user="alice", compact=True)
        by_id = {c.record_id: c for c in PullResponse.model_validate_json(whole.json()).changes}
    assert by_id[ids["gone"]].kind == "delete" and by_id[ids["gone"]].deleted
    patient = by_id[ids["patient"]]  # its fields older than its last op carry their versions
    assert "city" not in patient.field_versions
    assert 0 < patient.field_versions["family_name"] < patient.record_version
    assert by_id[ids["goal"]].field_versions  # edited field by field: its own versions


def test_the_endpoint_sends_the_page_as_written(client: TestClient, org: Org) -> None:
    alice = Api(client, "alice")
    _seed(alice)
    answer = alice.get("/v1/sync/pull", cursor=0, limit=1000, compact=1)
    assert answer.status_code == 200
    db = client.app.state.db  # type: ignore[attr-defined]
    with db.session() as session:
        page = pull.page_of(session, (org.team_a,), 0, 1000, user="alice", compact=True)
    sent = PullResponse.model_validate_json(answer.content)
    assert sent.changes == PullResponse.model_validate_json(page.json()).changes
    # the full form (older devices) is the same reading, every version spelled out
    full = PullResponse.model_validate(alice.get("/v1/sync/pull", cursor=0, limit=1000).json())
    assert [c.record_id for c in full.changes] == [c.record_id for c in sent.changes]
    for f, c in zip(full.changes, sent.changes, strict=True):
        assert f.fields == c.fields and f.record_version == c.record_version
        assert f.field_versions == {k: c.field_versions.get(k, c.record_version)
                                    for k in f.field_versions}
