"""A hand-made team for the dashboard tests, pushed through the real protocol (issue 20).

Team "A équipe" (2026Q4), 22 requests:
- P1..P14 accepted: request 2026-10-01, first contact 2026-10-03 (2 days), opened 2026-10-05.
  Case managers: Anne P1-P6 (6), Bruno P7-P11 (5), Chloé P12-P14 (3 → "<5", Bruno "×").
  Levels: case_management P1-P8 (8), care_coordination P9-P14 (6).
- P15..P17 redirected (3 → "<5"), P18..P22 waiting (5 → "×": the outcomes have a total).
- Admissions: P1..P5 on 2026-11-01 (discharged 11-05), P1 again on 2026-11-20 (a readmission
  within 30 days): 6 admissions of 5 patients, 1 readmission.
- Stability: a fall for P1..P6 on 2026-11-10 (6), a crisis call for P7 (1 → "<5").
- Goals: P1..P5 one goal each, plan agreed 2026-10-06, attainment 0 on 2026-12-01 (5 attained).
- Needs checklist: "health" unmet for P1..P3 in Namur (3 → "<5") and P4..P8 in Jambes (5).
- The patients' experience (0–18): P1..P6 answered on 2026-11-15, totals 12..17 (mean 14.5);
  P1 answered again on 2026-12-10 with 18, superseding the 12 (mean 15.5, still 6 patients).
  The carer's burden: Zarit-12 for P1..P3 (3 → "<5").
- Relevance reviews (audit events "relevance_review" as the laptop syncs them): P1..P5 due
  2026-11-05, done 2026-11-03 (on time); P6 due 2026-11-05, done 2026-11-20 (late); P7's case
  due 2026-12-01, not done: 7 fell due, 5 on time. Not counted: P8's review without a due date
  (before due dates were audited), P9's due 2026-09-01 (before the period), P10's case due
  2027-02-01 (after it), a "view" of P1's case.
Team "B équipe": P23..P28 accepted, opened 2026-10-05, Carol, self_management (6 active);
P23's review due 2026-11-15, not done (1 → "<5"). P29..P33 accepted, opened 2026-07-01,
closed 2026-10-11, 10-21, 11-10, 12-10, 12-20: 102, 112, 132, 162, 172 days (median 132,
mean 136; in December alone 2 episodes → "<5").
Users: alice (case manager, A), cora (coordinator, A), adam (administrator, no team).
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

from desktop.storage.models import AuditEvent, synced_fields
from server import admin
from tests.server.conftest import PASSWORD, Api, new_patient, op, setup_org

QUARTER = "2026Q4"


def _case(api: Api, pid: str, **fields: Any) -> str:
    cid = str(uuid.uuid4())
    result = api.push_one(op("case_record", cid, fields={"patient_id": pid, **fields},
                             patient_id=pid))
    assert result["status"] == "applied", result
    return cid


def _audit(api: Api, action: str, pid: str, case_id: str, **detail: Any) -> None:
    """An audit event as the laptop's UnitOfWork.audit queues it (every synced field of
    AuditEvent, the null ones left out, and created_at)."""
    fields = {"at": "2026-11-20T09:00:00", "actor": "Alice", "device_id": api.device_id,
              "action": action, "record_table": "case_record", "record_id": case_id,
              "patient_id": pid, "detail": detail, "created_at": "2026-11-20T09:00:00"}
    assert set(fields) == {*synced_fields(AuditEvent), "created_at"}
    result = api.push_one(op("audit_event", str(uuid.uuid4()), "append", fields=fields,
                             patient_id=pid))
    assert result["status"] == "applied", result


def _rec(api: Api, table: str, pid: str, **fields: Any) -> str:
    rid = str(uuid.uuid4())
    result = api.push_one(op(table, rid, fields={"patient_id": pid, **fields}, patient_id=pid))
    assert result["status"] == "applied", result
    return rid


def seed(client: TestClient) -> None:
    with client.app.state.db.sessions() as session:  # type: ignore[attr-defined]
        org = setup_org(session)
        admin.create_user(session, "cora", PASSWORD, "Cora Coordinatrice", role="coordinator")
        admin.add_member(session, "cora", "A équipe")
        admin.create_user(session, "adam", PASSWORD, "Adam Admin", role="administrator")
    alice, carol = Api(client, "alice"), Api(client, "carol")
    towns = {**{i: "Namur" for i in (1, 2, 3)}, **{i: "Jambes" for i in range(4, 9)}}
    patients: dict[int, str] = {}
    cases: dict[int, str] = {}
    review_due = {**{i: "2027-05-03" for i in range(1, 7)}, 7: "2026-12-01", 10: "2027-02-01"}
    for i in range(1, 23):
        pid, _ = new_patient(alice, org.team_a, city=towns.get(i, "Dinant"))
        patients[i] = pid
        if i <= 14:
            manager = "Anne" if i <= 6 else "Bruno" if i <= 11 else "Chloé"
            due = {"relevance_review_due": review_due[i]} if i in review_due else {}
            cases[i] = _case(alice, pid, status="active", request_date="2026-10-01",
                             intake_outcome="accepted", first_contact_on="2026-10-03",
                             opened_on="2026-10-05", primary_case_manager=manager,
                             complexity_tier="case_management" if i <= 8
                             else "care_coordination", **due)
        elif i <= 17:
            _case(alice, pid, status="closed", request_date="2026-10-10",
                  intake_outcome="redirected")
        else:
            _case(alice, pid, status="referred", request_date="2026-11-02",
                  intake_outcome="waiting", waiting_since="2026-11-02")
    for i in range(1, 6):
        _rec(alice, "hospital_stay", patients[i], kind="admission", admitted_on="2026-11-01",
             discharged_on="2026-11-05")
        plan = _rec(alice, "care_plan", patients[i], status="agreed", agreed_on="2026-10-06")
        _rec(alice, "goal", patients[i], plan_id=plan, text="Rester à domicile",
             attainment=0, attainment_on="2026-12-01")
    _rec(alice, "hospital_stay", patients[1], kind="admission", admitted_on="2026-11-20",
         discharged_on="2026-11-24")
    for i in range(1, 7):
        _rec(alice, "stability_event", patients[i], kind="fall", occurred_on="2026-11-10")
    _rec(alice, "stability_event", patients[7], kind="crisis_call", occurred_on="2026-11-12")
    for i in range(1, 9):
        _rec(alice, "assessment_response", patients[i], instrument_id="needs_checklist",
             instrument_version="1", status="completed", assessed_on="2026-10-20",
             answers={"health_status": "unmet"})
    def total(n: int) -> dict[str, Any]:
        return {"scores": {"total": {"value": n}}}

    first = {}
    for i in range(1, 7):
        first[i] = _rec(alice, "assessment_response", patients[i],
                        instrument_id="patient_experience", instrument_version="1",
                        status="completed", assessed_on="2026-11-15", scores=total(11 + i))
    _rec(alice, "assessment_response", patients[1], instrument_id="patient_experience",
         instrument_version="1", status="completed", assessed_on="2026-12-10",
         scores=total(18), supersedes_id=first[1])
    for i in range(1, 4):
        _rec(alice, "assessment_response", patients[i], instrument_id="zarit_12",
             instrument_version="1", status="completed", assessed_on="2026-11-15",
             scores=total(20))
    for i in range(1, 7):
        _audit(alice, "relevance_review", patients[i], cases[i], on="2026-11-03" if i <= 5
               else "2026-11-20", due="2026-11-05")
    _audit(alice, "relevance_review", patients[8], cases[8], on="2026-11-03", due=None)
    _audit(alice, "relevance_review", patients[9], cases[9], on="2026-09-01", due="2026-09-01")
    _audit(alice, "view", patients[1], cases[1], purpose="dossier")
    for i in range(6):
        pid, _ = new_patient(carol, org.team_b, city="Ciney")
        due = {"relevance_review_due": "2026-11-15"} if i == 0 else {}
        _case(carol, pid, status="active", request_date="2026-10-01", intake_outcome="accepted",
              first_contact_on="2026-10-02", opened_on="2026-10-05",
              primary_case_manager="Carol", complexity_tier="self_management", **due)
    for closed_on in ("2026-10-11", "2026-10-21", "2026-11-10", "2026-12-10", "2026-12-20"):
        pid, _ = new_patient(carol, org.team_b, city="Ciney")
        _case(carol, pid, status="closed", request_date="2026-06-01", intake_outcome="accepted",
              first_contact_on="2026-06-10", opened_on="2026-07-01", closed_on=closed_on,
              primary_case_manager="Carol", complexity_tier="self_management")


def signed_in(client: TestClient, username: str, password: str = PASSWORD) -> Any:
    """Sign in through the form (the CSRF cookie first); returns the POST's response."""
    page = client.get("/dashboard/login")
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    return client.post("/dashboard/login", data={"csrf": token, "username": username,
                                                  "password": password},
                       follow_redirects=False)
