"""Paperwork and the medication list on real vaults (issue 19, items 1-2)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.domain import paperwork as P
from desktop.domain.errors import NotFound, ValidationError, ValidationErrors
from desktop.services import cases, medication, paperwork, today
from desktop.services.cases import RequestFields
from desktop.services.context import AppContext
from desktop.services.patient_data import patient_tables
from desktop.storage.models import AuditEvent, Medication, OutboxOp, Paperwork
from tests.unit.plan_scenario import TODAY, make_patient, make_scenario


# ---- domain -------------------------------------------------------------------------------
@given(status=st.sampled_from(P.PAPERWORK_STATUSES), offset=st.integers(-400, 400))
def test_due_state_rule(status: str, offset: int) -> None:
    deadline = TODAY + dt.timedelta(days=offset)
    state = P.due_state(status, deadline, TODAY)
    if status not in P.OPEN_STATUSES:
        assert state is None
    elif offset < 0:
        assert state == "overdue"
    elif offset <= P.DUE_DAYS:
        assert state == "due"
    else:
        assert state is None
    assert P.due_state(status, None, TODAY) is None


def test_documents_are_trimmed_and_deduplicated() -> None:
    assert P.clean_documents(["  Composition de ménage ", "", "composition  de ménage",
                              "Certificat médical"]) == ["Composition de ménage",
                                                         "Certificat médical"]


# ---- paperwork ----------------------------------------------------------------------------
def test_paperwork_lifecycle_audited_and_synced(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    wid = paperwork.add_paperwork(ctx, pid, "bim", deadline=TODAY + dt.timedelta(days=5),
                                  follower="Assistante sociale de la mutualité",
                                  documents=["Avertissement-extrait de rôle", "Composition de ménage"])
    [w] = paperwork.list_paperwork(ctx, pid)
    assert (w.kind, w.status, w.status_on, w.due) == ("bim", "to_do", TODAY, "due")
    assert w.documents == ("Avertissement-extrait de rôle", "Composition de ménage")
    changed = paperwork.update_paperwork(ctx, wid, status="submitted")
    assert changed == ["status"]
    assert paperwork.update_paperwork(ctx, wid, status="submitted") == []
    paperwork.update_paperwork(ctx, wid, status="granted")
    [w] = paperwork.list_paperwork(ctx, pid)
    assert w.status == "granted" and w.due is None
    assert paperwork.list_paperwork(ctx, due_only=True) == []

    def facts(s):  # type: ignore[no-untyped-def]
        audits = s.scalars(select(AuditEvent.action).where(
            AuditEvent.record_table == "paperwork")).all()
        ops = s.scalars(select(OutboxOp.kind).where(OutboxOp.table_name == "paperwork")).all()
        return audits, ops

    audits, ops = ctx.read(facts)
    assert audits == ["create", "update", "update"]
    assert ops == ["upsert", "upsert", "upsert"]
    paperwork.remove_paperwork(ctx, wid)
    assert paperwork.list_paperwork(ctx, pid) == []


def test_paperwork_bad_input_changes_nothing(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    with pytest.raises(ValidationErrors) as exc:
        paperwork.add_paperwork(ctx, pid, "passport", deadline="2026-02-30")
    assert {e.code for e in exc.value.errors} == {"paperwork.kind_invalid", "date.invalid"}
    with pytest.raises(NotFound):
        paperwork.add_paperwork(ctx, "0190a0a0-0000-7000-8000-000000000000", "bim")
    wid = paperwork.add_paperwork(ctx, pid, "housing")
    with pytest.raises(ValidationError):
        paperwork.update_paperwork(ctx, wid, status="lost")
    with pytest.raises(ValidationError):
        paperwork.update_paperwork(ctx, "nope", status="granted")
    assert ctx.read(lambda s: len(s.scalars(select(Paperwork)).all())) == 1
    assert paperwork.list_paperwork(ctx, pid)[0].status == "to_do"


def test_due_paperwork_shows_on_today(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    cases.open_case(ctx, pid, RequestFields(requester_type="gp", request_reason="Isolement"),
                    status="active")
    late = paperwork.add_paperwork(ctx, pid, "allowance", deadline=TODAY - dt.timedelta(days=1),
                                   follower="Fille")
    soon = paperwork.add_paperwork(ctx, pid, "disability", deadline=TODAY + dt.timedelta(days=3))
    paperwork.add_paperwork(ctx, pid, "transport", deadline=TODAY + dt.timedelta(days=60))
    paperwork.add_paperwork(ctx, pid, "home_adaptation")  # no deadline: never due
    done = paperwork.add_paperwork(ctx, pid, "bim", deadline=TODAY)
    paperwork.update_paperwork(ctx, done, status="refused")
    items = today.today_data(ctx).sections["paperwork"]
    assert [(i.record_id, i.status, i.code) for i in items] == [
        (late, "overdue", "allowance"), (soon, "due", "disability")]
    assert items[0].place == "Fille"


# ---- medication ---------------------------------------------------------------------------
def test_medication_list_with_prescriber_source_and_review(ctx: AppContext) -> None:
    sc = make_scenario(ctx)
    mid = medication.add_medication(ctx, sc.patient_id, "Furosémide 40 mg", dose="1 comprimé",
                                    schedule="le matin", prescriber_id=sc.gp,
                                    source="gp_letter")
    medication.add_medication(ctx, sc.patient_id, "Bisoprolol", source=None)
    rows = medication.list_medication(ctx, sc.patient_id)
    assert [m.name for m in rows] == ["Bisoprolol", "Furosémide 40 mg"]
    furo = rows[1]
    assert furo.checked_on == TODAY and furo.source == "gp_letter"
    assert furo.prescriber_id == sc.gp and furo.prescriber_name
    assert rows[0].checked_on is None
    medication.request_review(ctx, mid, "pharmacist")
    m = medication.list_medication(ctx, sc.patient_id)[1]
    assert (m.review_requested_to, m.review_requested_on) == ("pharmacist", TODAY)
    medication.request_review(ctx, mid, None)
    m = medication.list_medication(ctx, sc.patient_id)[1]
    assert (m.review_requested_to, m.review_requested_on) == (None, None)
    assert medication.edit_medication(ctx, mid, dose="2 comprimés") == ["dose"]
    ops = ctx.read(lambda s: s.scalars(select(OutboxOp.kind).where(
        OutboxOp.table_name == "medication")).all())
    assert ops.count("upsert") == 5
    audits = ctx.read(lambda s: s.scalars(select(AuditEvent.action).where(
        AuditEvent.record_table == "medication")).all())
    assert audits == ["create", "create", "update", "update", "update"]


def test_medication_bad_input_changes_nothing(ctx: AppContext) -> None:
    pid = make_patient(ctx)
    with pytest.raises(ValidationErrors) as exc:
        medication.add_medication(ctx, pid, "  ", source="neighbour")
    assert {e.code for e in exc.value.errors} == {"text.required", "medication.source_invalid"}
    with pytest.raises(NotFound):
        medication.add_medication(ctx, pid, "Aspirine",
                                  prescriber_id="0190a0a0-0000-7000-8000-000000000000")
    with pytest.raises(ValidationErrors):
        medication.add_medication(ctx, pid, "Aspirine",
                                  checked_on=TODAY + dt.timedelta(days=1))
    assert ctx.read(lambda s: s.scalars(select(Medication)).all()) == []
    mid = medication.add_medication(ctx, pid, "Aspirine")
    with pytest.raises(ValidationError):
        medication.request_review(ctx, mid, "neighbour")


def test_new_tables_are_part_of_the_patient_record(ctx: AppContext) -> None:
    from desktop.domain.merge_policy import policy_for
    from desktop.sync.protocol import SYNCED_TABLES

    assert {"paperwork", "medication"} <= set(patient_tables())
    assert {"paperwork", "medication"} <= SYNCED_TABLES
    assert policy_for("paperwork", "documents") == "union"
