"""Visits, journal, hospital stays and drafts on a real vault: rules and bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.services import cases, drafts, journal, stays, visits
from desktop.services.cases import RequestFields
from desktop.services.patients import PatientFields, add_patient
from desktop.storage.models import AuditEvent, HospitalStay, Note, OutboxOp, Visit, VisitAddendum
from tests.conftest import TODAY

D = dt.datetime


@pytest.fixture
def case(ctx):
    pid = add_patient(ctx, PatientFields(family_name="Vanden Broucke", given_name="Godelieve",
                                         birth_date="1938-05-14", city="Ieper"))
    cid = cases.open_case(ctx, pid, RequestFields(requester_type="hospital",
                                                  request_reason="Retour à domicile fragile",
                                                  request_date="2026-10-01"),
                          opened_on="2026-10-02")
    return pid, cid


def _count(ctx, model) -> int:
    return ctx.read(lambda s: s.query(model).count())


def test_plan_record_and_addendum(ctx, case) -> None:
    _pid, cid = case
    vid = visits.plan_visit(ctx, cid, kind="home_visit", start="2026-11-23T10:00",
                            end="2026-11-23T11:00", place="Domicile",
                            participants=["Fille", "Infirmière", "Fille"])
    v = visits.get_visit(ctx, vid)
    assert (v.status, v.participants) == ("planned", ("Fille", "Infirmière"))
    visits.reschedule_visit(ctx, vid, start="2026-11-23T09:30", end="2026-11-23T10:30")
    visits.record_visit(ctx, vid, notes="Chute la semaine passée.\nKiné à organiser.")
    v = visits.get_visit(ctx, vid)
    assert v.status == "done" and v.actual_start == D(2026, 11, 23, 9, 30)
    assert v.notes == "Chute la semaine passée.\nKiné à organiser."
    # immutable once recorded
    with pytest.raises(RuleViolation) as info:
        visits.reschedule_visit(ctx, vid, place="Ailleurs")
    assert info.value.code == "visit.recorded_immutable"
    with pytest.raises(RuleViolation):
        visits.record_visit(ctx, vid, notes="autre")
    with pytest.raises(RuleViolation):
        visits.cancel_visit(ctx, vid)
    aid = visits.add_addendum(ctx, vid, "Correction : la chute date d'il y a 2 semaines.")
    assert visits.get_visit(ctx, vid).addenda[0].id == aid
    assert visits.get_visit(ctx, vid).notes.startswith("Chute la semaine")
    # every write went through the write path: ops and audit
    ops = ctx.read(lambda s: [o.table_name for o in s.query(OutboxOp)])
    assert "visit" in ops and "visit_addendum" in ops
    actions = ctx.read(lambda s: [a.action for a in
                                  s.query(AuditEvent).filter_by(record_table="visit")])
    assert {"create", "edit", "record"} <= set(actions)


def test_unplanned_visit_recorded_directly_and_cancel(ctx, case) -> None:
    pid, cid = case
    vid = visits.record_visit(ctx, case_id=cid, kind="phone", start="2026-11-22T14:00",
                              notes="Appel de la fille")
    assert visits.get_visit(ctx, vid).status == "done"
    planned = visits.plan_visit(ctx, cid, start="2026-11-30T10:00")
    visits.cancel_visit(ctx, planned, "Hospitalisée")
    v = visits.get_visit(ctx, planned)
    assert (v.status, v.cancel_reason) == ("cancelled", "Hospitalisée")
    with pytest.raises(RuleViolation):
        visits.add_addendum(ctx, planned, "x")
    assert [x.id for x in visits.list_visits(ctx, pid)] == [planned, vid]  # newest first


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"start": "2026-11-23T10:00", "end": "2026-11-23T09:00"}, "visit.end_before_start"),
    ({"start": "2026-11-23T10:00", "end": "2026-11-23T10:00"}, "visit.end_before_start"),
    ({"start": "2026-11-23T10:00", "end": "2026-11-24T10:00"}, "visit.too_long"),
    ({"start": None}, "visit.start_required"),
    ({"start": "23/11/2026 10h"}, "datetime.invalid"),
    ({"start": "2026-11-23T10:00", "kind": "party"}, "visit.kind_invalid"),
    ({"start": "2026-11-23T10:00", "place": "Chez\x1belle"}, "text.control_characters"),
    ({"start": "2026-11-23T10:00", "participants": ["ok", "a\nb"]}, "text.control_characters"),
    ({"start": "2026-11-23T10:00", "notes": "bon\x00jour"}, "text.control_characters"),
])
def test_bad_visit_input_saves_nothing(ctx, case, kwargs, code) -> None:
    _pid, cid = case
    before = (_count(ctx, Visit), _count(ctx, OutboxOp))
    with pytest.raises(ValidationError) as info:
        visits.plan_visit(ctx, cid, **kwargs)
    codes = [e.code for e in info.value.errors] if isinstance(info.value, ValidationErrors) \
        else [info.value.code]
    assert code in codes
    assert (_count(ctx, Visit), _count(ctx, OutboxOp)) == before


def test_future_visit_cannot_be_recorded_and_closed_case_refuses_visits(ctx, case) -> None:
    _pid, cid = case
    vid = visits.plan_visit(ctx, cid, start="2026-11-30T10:00")
    with pytest.raises(ValidationError) as info:
        visits.record_visit(ctx, vid, notes="trop tôt")
    assert info.value.code == "visit.done_in_future"
    assert visits.get_visit(ctx, vid).status == "planned"
    cases.close_case(ctx, cid, "moved", TODAY)
    with pytest.raises(RuleViolation):
        visits.plan_visit(ctx, cid, start="2026-12-01T10:00")


def test_journal_append_only_with_corrections(ctx, case) -> None:
    pid, cid = case
    first = journal.add_note(ctx, pid, "Appel du médecin : nouvelle médication.", case_id=cid,
                             written_at="2026-11-20T16:00")
    fix = journal.correct_note(ctx, first, "Appel du pharmacien (pas du médecin).")
    notes = journal.list_notes(ctx, pid)
    assert [n.id for n in notes] == [fix, first]
    assert notes[0].corrects_note_id == first and notes[1].corrected_by_id == fix
    assert notes[1].text.startswith("Appel du médecin")  # the old note is kept as written
    assert notes[0].case_id == cid
    ops = ctx.read(lambda s: [o.kind for o in s.query(OutboxOp).filter_by(table_name="note")])
    assert ops == ["append", "append"]
    for bad, code in [("", "text.required"), ("a\x1bb", "text.control_characters")]:
        with pytest.raises(ValidationError) as info:
            journal.add_note(ctx, pid, bad)
        assert info.value.code == code
    with pytest.raises(ValidationError):
        journal.add_note(ctx, pid, "demain", written_at="2026-11-24T08:00")
    assert _count(ctx, Note) == 2


def test_hospital_stays(ctx, case) -> None:
    pid, cid = case
    sid = stays.add_stay(ctx, pid, kind="emergency", admitted_on="2026-11-10",
                         discharged_on="2026-11-11", hospital="AZ Jan Yperman",
                         reason="Chute", planned=False, case_id=cid)
    stays.add_stay(ctx, pid, admitted_on="2026-11-18", hospital="AZ Jan Yperman", planned=True)
    rows = stays.list_stays(ctx, pid)
    assert [s.admitted_on for s in rows] == [dt.date(2026, 11, 18), dt.date(2026, 11, 10)]
    assert rows[1].days == 1 and rows[0].discharged_on is None
    assert stays.count_stays(ctx, pid, dt.date(2026, 1, 1)) == 1
    stays.edit_stay(ctx, rows[0].id, kind="admission", admitted_on="2026-11-18",
                    discharged_on="2026-11-22", hospital="AZ Jan Yperman", reason=None,
                    planned=True)
    assert stays.list_stays(ctx, pid)[0].days == 4
    before = _count(ctx, HospitalStay)
    for kw in [{"admitted_on": "2026-11-10", "discharged_on": "2026-11-09"},
               {"admitted_on": "2026-12-10"}, {"admitted_on": None},
               {"admitted_on": "2026-11-10", "kind": "spa"}]:
        with pytest.raises(ValidationError):
            stays.add_stay(ctx, pid, **kw)
    assert _count(ctx, HospitalStay) == before
    stays.remove_stay(ctx, sid)
    assert len(stays.list_stays(ctx, pid)) == 1


def test_drafts_autosave_and_discard_on_record(ctx, case) -> None:
    pid, cid = case
    vid = visits.plan_visit(ctx, cid, start="2026-11-23T08:00")
    now = [0.0]
    saver = drafts.Autosaver(ctx, drafts.visit_notes_key(vid), "visit_notes", patient_id=pid,
                             context={"visit_id": vid}, interval=3.0, clock=lambda: now[0])
    assert not saver.typed("Mme")  # too soon
    now[0] = 3.5
    assert saver.typed("Mme est")
    assert drafts.get_draft(ctx, drafts.visit_notes_key(vid)).text == "Mme est"
    assert not saver.typed("Mme est")  # unchanged
    saver.typed("Mme est fatiguée\x07")  # a pasted control character does not lose the draft
    assert saver.flush()
    assert drafts.pending_drafts(ctx)[0].text == "Mme est fatiguée"
    assert ctx.read(lambda s: s.query(OutboxOp).filter_by(table_name="draft").count()) == 0
    visits.record_visit(ctx, vid, notes="Mme est fatiguée")
    assert drafts.get_draft(ctx, drafts.visit_notes_key(vid)) is None
    drafts.save_draft(ctx, drafts.journal_key(pid), "journal", "brouillon", patient_id=pid)
    journal.add_note(ctx, pid, "brouillon")
    assert drafts.pending_drafts(ctx) == []


def test_ids_checked(ctx, case) -> None:
    with pytest.raises(ValidationError):
        visits.plan_visit(ctx, "not-an-id", start="2026-11-23T10:00")
    with pytest.raises(ValidationError):
        journal.correct_note(ctx, "nope", "x")
    assert _count(ctx, VisitAddendum) == 0
