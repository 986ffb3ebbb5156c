"""Today view, caseload (search, filters, sort) and the dossier overview timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import ValidationError
from desktop.services import caseload, cases, journal, stays, timeline, today, visits
from desktop.services.cases import RequestFields
from desktop.services.patients import PatientFields, add_patient
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import AuditEvent, CarePlan, GpFeedback
from tests.conftest import TODAY


def _patient(ctx, family: str, given: str, city: str, **kw) -> str:
    return add_patient(ctx, PatientFields(family_name=family, given_name=given, city=city,
                                          birth_date="1941-02-03", **kw))


def _case(ctx, pid: str, opened: str = "2026-06-01", tier: str | None = None) -> str:
    return cases.open_case(ctx, pid, RequestFields(requester_type="gp", request_reason="Aide",
                                                   request_date=opened),
                           opened_on=opened, tier=tier)


@pytest.fixture
def world(ctx):
    eve = _patient(ctx, "Dubois", "Ève", "Namur", phones=["0470 12 34 56"])
    jos = _patient(ctx, "Vanden Broucke", "Jozef", "Ieper")
    leon = _patient(ctx, "Lefèvre", "Léon", "Dinant")
    c_eve = _case(ctx, eve, tier="case_management")
    c_jos = _case(ctx, jos, opened="2026-11-20")
    c_leon = _case(ctx, leon, opened="2026-01-10")
    cases.change_status(ctx, c_eve, "assessing")
    cases.change_status(ctx, c_eve, "active")
    cases.record_relevance_review(ctx, c_eve, on="2026-11-01")  # due 2027-02-01: not due
    today_visit = visits.plan_visit(ctx, c_eve, start="2026-11-23T14:00", end="2026-11-23T15:00")
    week_visit = visits.plan_visit(ctx, c_jos, start="2026-11-26T10:00")
    late = visits.plan_visit(ctx, c_jos, start="2026-11-21T10:00")
    visits.record_visit(ctx, case_id=c_leon, start="2026-09-01T10:00", notes="Ancienne visite")
    stays.add_stay(ctx, leon, admitted_on="2026-11-15", hospital="CHU Dinant")
    journal.add_note(ctx, eve, "Note de suivi", written_at="2026-11-22T09:00")

    def extra(uow: UnitOfWork) -> None:
        uow.add(CarePlan, patient_id=jos, case_id=c_jos, status="agreed",
                review_date=dt.date(2026, 11, 25))
        uow.add(GpFeedback, patient_id=leon, case_id=c_leon, created_on=dt.date(2026, 11, 1),
                due_on=dt.date(2026, 11, 15), status="pending")
        uow.add(GpFeedback, patient_id=eve, created_on=dt.date(2026, 11, 1), status="sent")
    ctx.write(extra)
    return dict(eve=eve, jos=jos, leon=leon, c_eve=c_eve, c_jos=c_jos, c_leon=c_leon,
                today_visit=today_visit, week_visit=week_visit, late=late)


def test_today_sections(ctx, world) -> None:
    data = today.today_data(ctx)
    assert [i.record_id for i in data.visits_today] == [world["today_visit"]]
    assert [i.record_id for i in data.visits_week] == [world["week_visit"]]
    overdue = {(i.code, i.patient_id) for i in data.overdue}
    assert ("visit_not_recorded", world["jos"]) in overdue
    assert ("no_recent_contact", world["leon"]) in overdue  # last visit in September
    assert all(p != world["eve"] for _c, p in overdue)
    assert {i.patient_id for i in data.relevance_reviews} == {world["leon"]}  # due since April
    assert [i.patient_id for i in data.plan_reviews] == [world["jos"]]
    assert [(i.patient_id, i.status) for i in data.gp_feedback] == [(world["leon"], "overdue")]
    assert [(i.patient_id, i.status) for i in data.recent_stays] == [(world["leon"], "in_hospital")]
    assert data.open_cases == 3
    assert data.visits_today[0].patient_name == "DUBOIS Ève"


def test_today_follows_the_data(ctx, world) -> None:
    visits.record_visit(ctx, world["today_visit"], start="2026-11-23T08:00", notes="Fait")
    visits.cancel_visit(ctx, world["late"])
    cases.close_case(ctx, world["c_leon"], "residential_care", TODAY)
    data = today.today_data(ctx)
    assert [i.status for i in data.visits_today] == ["done"]
    assert not any(i.patient_id in (world["jos"], world["leon"]) for i in data.overdue)
    assert data.gp_feedback == () and data.recent_stays == () and data.open_cases == 2


@pytest.mark.parametrize(("query", "who"), [
    ("eve", {"eve"}), ("EVE", {"eve"}), ("Ève", {"eve"}), ("vandenbroucke", {"jos"}),
    ("vanden brou", {"jos"}), ("lefevre", {"leon"}), ("dinant", {"leon"}), ("iep", {"jos"}),
    ("0470 12 34", {"eve"}), ("+32470123456", {"eve"}), ("nobody", set()),
])
def test_caseload_search(ctx, world, query, who) -> None:
    rows = caseload.list_caseload(ctx, query)
    assert {r.patient_id for r in rows} == {world[w] for w in who}


def test_caseload_filters_and_sort(ctx, world) -> None:
    rows = caseload.list_caseload(ctx)
    assert [r.family_name for r in rows] == ["Dubois", "Lefèvre", "Vanden Broucke"]
    by_next = caseload.list_caseload(ctx, sort="next_visit")
    assert by_next[0].patient_id == world["eve"]
    assert by_next[0].next_visit == dt.datetime(2026, 11, 23, 14, 0)
    def ids(**kw):
        return [r.patient_id for r in caseload.list_caseload(ctx, **kw)]

    assert ids(statuses=["active"]) == [world["eve"]]
    assert ids(tier="case_management") == [world["eve"]]
    due = {r.patient_id: set(r.due) for r in caseload.list_caseload(ctx, due="any")}
    assert due == {world["jos"]: {"visit_not_recorded", "plan_review"},
                   world["leon"]: {"relevance_review", "gp_feedback"}}
    assert [r.patient_id for r in caseload.list_caseload(ctx, due="gp_feedback")] == [world["leon"]]
    leon = next(r for r in rows if r.patient_id == world["leon"])
    assert leon.last_visit == dt.datetime(2026, 9, 1, 10, 0)
    cases.close_case(ctx, world["c_leon"], "moved", TODAY)
    assert world["leon"] not in {r.patient_id for r in caseload.list_caseload(ctx)}
    assert ids(statuses=["closed"]) == [world["leon"]]
    with pytest.raises(ValidationError):
        caseload.list_caseload(ctx, sort="age; drop table")


def test_caseload_only_mine(ctx, world) -> None:
    cases.update_case(ctx, world["c_jos"], primary_case_manager="Marc Peeters")
    assert world["jos"] not in {r.patient_id for r in caseload.list_caseload(ctx)}
    assert world["jos"] in {r.patient_id for r in caseload.list_caseload(ctx, mine_only=False)}


def test_dossier_overview_timeline_newest_first_and_audited(ctx, world) -> None:
    before = ctx.read(lambda s: s.query(AuditEvent).filter_by(action="view").count())
    data = timeline.open_dossier(ctx, world["eve"])
    assert ctx.read(lambda s: s.query(AuditEvent).filter_by(action="view").count()) == before + 1
    kinds = [(e.kind, e.code) for e in data.timeline]
    assert kinds[0] == ("visit", "home_visit")  # today 14:00
    assert ("note", "") in kinds
    statuses = [e.code for e in data.timeline if e.kind == "status"]
    assert statuses == ["active", "assessing", "referred"]
    ats = [e.at for e in data.timeline]
    assert ats == sorted(ats, reverse=True)
    assert data.next_visit is not None and data.next_visit.id == world["today_visit"]
    assert data.patient.family_name == "Dubois" and data.cases[0].status == "active"
    leon = timeline.timeline(ctx, world["leon"])
    assert [e.kind for e in leon][:1] == ["stay"]


def test_caseload_can_include_patients_without_case(ctx, world) -> None:
    lone = _patient(ctx, "Noël", "Renée", "Arlon")
    assert lone not in {r.patient_id for r in caseload.list_caseload(ctx)}
    rows = caseload.list_caseload(ctx, without_case=True)
    assert [(r.patient_id, r.status, r.case_id) for r in rows if r.patient_id == lone] == \
        [(lone, "none", "")]
    assert [r.patient_id for r in caseload.list_caseload(ctx, "noel", without_case=True)] == [lone]


def test_a_one_letter_search_lists_its_matches_by_name(ctx) -> None:  # type: ignore[no-untyped-def]
    # bm25 would put the patient with the most l-words first; one letter ranks nothing
    for family, given, city in (("Zoll", "Lola", "Liège"), ("Lambert", "Anne", "Namur"),
                                ("Bastin", "Luc", "Gembloux")):
        _case(ctx, _patient(ctx, family, given, city))
    rows = caseload.list_caseload(ctx, "l", mine_only=False)
    assert [r.family_name for r in rows] == ["Bastin", "Lambert", "Zoll"]
    two = caseload.list_caseload(ctx, "lo", mine_only=False)
    assert [r.family_name for r in two] == ["Zoll"]
    assert rows[0].last_visit is None and isinstance(rows[0].opened_on, dt.date)


def test_reviews_due_today_are_to_do_today_not_late(ctx, world) -> None:
    """Today listed a review falling due this very day as "en retard"."""
    def plans(uow: UnitOfWork) -> None:
        uow.add(CarePlan, patient_id=world["eve"], case_id=world["c_eve"], status="agreed",
                review_date=TODAY)
        uow.add(CarePlan, patient_id=world["leon"], case_id=world["c_leon"], status="agreed",
                review_date=TODAY - dt.timedelta(days=1))
    ctx.write(plans)
    months = cases.relevance_months(ctx)
    on = dt.date(TODAY.year, TODAY.month - months, TODAY.day)
    assert cases.record_relevance_review(ctx, world["c_jos"], on=on) == TODAY
    data = today.today_data(ctx)
    states = {(i.patient_id, i.status) for i in data.plan_reviews}
    assert states == {(world["jos"], "soon"), (world["eve"], "today"), (world["leon"], "overdue")}
    reviews = {i.patient_id: i.status for i in data.relevance_reviews}
    assert reviews == {world["leon"]: "overdue", world["jos"]: "today"}  # Léon: due since April
