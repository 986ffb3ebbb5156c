"""The demo vault fills the Indicateurs page and Today's waiting list: intake outcomes with first
contacts, crisis triggers, stability events, discharge checklists, goal attainment scores and the
patients' experience questionnaires, written through the unit of work, in the patient's language."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from desktop import demo
from desktop.demo import followup as demo_followup
from desktop.demo.common import said
from desktop.domain.transitions import CHECKLIST_ITEMS, READMISSION_DAYS
from desktop.services import carer, indicators, medication, paperwork, patients, today
from desktop.storage.models import Case, HospitalStay, OutboxOp, Patient, StabilityEvent


def test_demo_of_40_patients_fills_the_indicators_and_the_waiting_list(ctx) -> None:  # type: ignore[no-untyped-def]
    demo.generate(ctx, 40, seed=7)
    ind = indicators.indicators(ctx)
    # access: accepted, redirected and waiting requests; delays to the first contact
    assert ind.requests_accepted > 0 and ind.requests_redirected > 0 and ind.requests_waiting > 0
    assert ind.first_contact_count > 0 and ind.first_contact_median_days is not None
    # earlier episodes closed within the default year, with their length
    assert ind.episodes_closed > 0 and ind.episode_median_days is not None
    # use of care and stability
    assert ind.admissions_in_period > 0 and ind.readmissions_30d > 0
    assert ind.stability_events > 0 and ind.stability_by_kind
    # goals reviewed at the plan review, and the patients' experience
    assert ind.goals_reviewed > 0 and ind.attainment_mean is not None
    assert sum(ind.attainment_counts.values()) == ind.goals_reviewed
    assert ind.experience_count > 0 and ind.experience_mean is not None

    data = today.today_data(ctx)
    assert data.waiting_list
    assert data.recent_stays  # a patient back from hospital, her follow-up call to make
    # procedures, the medication list and the carers' own assessments, read by their services
    procedures = paperwork.list_paperwork(ctx)
    assert len({w.patient_id for w in procedures}) >= 5 and any(w.deadline for w in procedures)
    assert data.paperwork and data.carer_reviews  # Today shows the ones due
    ids = [p.id for p in patients.list_patients(ctx)]
    assert sum(bool(medication.list_medication(ctx, pid)) for pid in ids) >= 10
    assessed = carer.list_carer_assessments(ctx)
    assert len({a.patient_id for a in assessed}) >= 5
    assert {a.burden for a in assessed} >= {"moderate", "high"}

    def facts(s):  # type: ignore[no-untyped-def]
        crisis = [c for c in s.execute(select(Case)).scalars() if c.crisis_triggers]
        stays = [h for h in s.execute(select(HospitalStay)).scalars()
                 if h.discharged_on is not None]
        dutch = {p.id for p in s.execute(select(Patient)).scalars()
                 if "nl" in (p.languages or [])}
        notes = [(e.patient_id in dutch, e.note) for e in s.execute(select(StabilityEvent))
                 .scalars()]
        ops = s.query(OutboxOp).filter_by(table_name="stability_event").count()
        return crisis, stays, notes, ops

    crisis, stays, notes, ops = ctx.read(facts)
    assert crisis and all(c.crisis_noted_on for c in crisis)
    # the stays service gives its follow-up call to a recent discharge (an admission ended in
    # the last READMISSION_DAYS), not to one entered long after: the demo goes through it
    recent = [h for h in stays if h.kind == "admission"
              and h.discharged_on >= ctx.today() - dt.timedelta(days=READMISSION_DAYS)]
    assert stays and all(h.follow_up_due for h in recent)
    assert any(all(getattr(h, f"{i}_on") for i in CHECKLIST_ITEMS) and h.follow_up_done_on
               for h in stays)
    assert ops == len(notes)  # synced like real data
    # each note in the patient's language (either gender's wording)
    pairs = [pair for notes_ in demo_followup.EVENT_NOTES.values() for pair in notes_]
    french = {said(fr, female) for fr, _nl in pairs for female in (True, False)}
    dutch = {said(nl, female) for _fr, nl in pairs for female in (True, False)}
    for is_dutch, note in notes:
        assert note in (dutch if is_dutch else french), note


def test_the_demo_writes_only_through_the_services() -> None:
    """No unit of work in the demo: its writes are calls of the services (the layering table
    keeps storage out of its imports), grouped by `ctx.write_many`."""
    root = Path(demo.__file__).parent
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("write", "write_touched", "session"), (path, node.lineno)
            if isinstance(node, ast.Name):
                assert node.id not in ("uow", "UnitOfWork"), (path, node.lineno)


def test_write_many_is_one_transaction_a_refusal_undoes(ctx) -> None:  # type: ignore[no-untyped-def]
    """The demo's batches: services called inside `ctx.write_many` join one transaction and read
    what it wrote; one refusal rolls the whole batch back."""
    import pytest

    from desktop.domain.errors import DomainError
    from desktop.domain.patient import PatientFields
    from desktop.services import journal

    pid = patients.add_patient(ctx, PatientFields(family_name="Dubois", given_name="Marie"))

    def batch() -> None:
        journal.add_note(ctx, pid, "Première note")
        assert [n.text for n in journal.list_notes(ctx, pid)] == ["Première note"]
        journal.add_note(ctx, pid, "")  # refused: a note needs text

    with pytest.raises(DomainError):
        ctx.write_many(batch)
    assert journal.list_notes(ctx, pid) == []
    ctx.write_many(lambda: journal.add_note(ctx, pid, "Gardée"))
    assert [n.text for n in journal.list_notes(ctx, pid)] == ["Gardée"]
