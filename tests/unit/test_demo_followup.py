"""The demo vault fills the Indicateurs page and Today's waiting list: intake outcomes with first
contacts, crisis triggers, stability events, discharge checklists, goal attainment scores and the
patients' experience questionnaires, written through the unit of work, in the patient's language."""

from __future__ import annotations

from sqlalchemy import select

from desktop.domain.transitions import CHECKLIST_ITEMS
from desktop.services import demo, demo_followup, indicators, today
from desktop.services.demo_cases import said
from desktop.storage.models import Case, HospitalStay, OutboxOp, Patient, StabilityEvent


def test_demo_of_40_patients_fills_the_indicators_and_the_waiting_list(ctx) -> None:  # type: ignore[no-untyped-def]
    demo.generate(ctx, 40, seed=7)
    ind = indicators.indicators(ctx)
    # access: accepted, redirected and waiting requests; delays to the first contact
    assert ind.requests_accepted > 0 and ind.requests_redirected > 0 and ind.requests_waiting > 0
    assert ind.first_contact_count > 0 and ind.first_contact_median_days is not None
    # use of care and stability
    assert ind.admissions_in_period > 0 and ind.readmissions_30d > 0
    assert ind.stability_events > 0 and ind.stability_by_kind
    # goals reviewed at the plan review, and the patients' experience
    assert ind.goals_reviewed > 0 and ind.attainment_mean is not None
    assert sum(ind.attainment_counts.values()) == ind.goals_reviewed
    assert ind.experience_count > 0 and ind.experience_mean is not None

    data = today.today_data(ctx)
    assert data.waiting_list

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
    assert stays and all(h.follow_up_due for h in stays)
    assert any(all(getattr(h, f"{i}_on") for i in CHECKLIST_ITEMS) and h.follow_up_done_on
               for h in stays)
    assert ops == len(notes)  # synced like real data
    # each note in the patient's language (either gender's wording)
    pairs = [pair for notes_ in demo_followup.EVENT_NOTES.values() for pair in notes_]
    french = {said(fr, female) for fr, _nl in pairs for female in (True, False)}
    dutch = {said(nl, female) for _fr, nl in pairs for female in (True, False)}
    for is_dutch, note in notes:
        assert note in (dutch if is_dutch else french), note
