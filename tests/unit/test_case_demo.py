"""The demo step gives Today, the caseload and the dossier real content, through the write path."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desktop import demo
from desktop.demo import cases as demo_cases
from desktop.services import caseload, timeline, today
from desktop.services.context import AppContext
from desktop.storage.models import Case, CaseStatusChange, OutboxOp, Patient, Visit


def test_demo_cases_step(ctx, monkeypatch) -> None:
    monkeypatch.setattr(demo, "DEMO_STEPS", [])
    demo.generate(ctx, 12, seed=3)
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    demo_cases.step(ctx, random.Random(3), ids, lambda done, total: None)
    counts = ctx.read(lambda s: (s.query(Case).count(), s.query(Visit).count(),
                                 s.query(CaseStatusChange).count()))
    assert counts[0] >= 12 and counts[1] > 12 and counts[2] >= counts[0]
    ops = ctx.read(lambda s: s.query(OutboxOp).filter_by(table_name="visit").count())
    assert ops == counts[1]  # every demo visit has its op: demo data syncs like real data
    data = today.today_data(ctx)
    assert len(data.visits_today) == 4 and data.open_cases == 12
    rows = caseload.list_caseload(ctx)
    assert len(rows) == 12
    overview = timeline.open_dossier(ctx, data.visits_today[0].patient_id)
    assert overview.timeline and overview.cases[0].status != "closed"


def test_demo_visits_fall_on_working_days() -> None:
    """The demo's Today listed a home visit on a Saturday and an office meeting on a Sunday."""
    for day in (dt.date(2026, 12, 7), dt.date(2026, 12, 11), dt.date(2026, 12, 12)):
        starts = [v["planned_start"]
                  for _pid, rows in demo_cases.case_rows(random.Random(3), day,
                                                         [f"p{n}" for n in range(60)], "Demo")
                  for v in rows[demo_cases.VISIT]
                  if v["planned_start"].date() != day]  # its own slots: whatever the day
        assert len(starts) > 100
        assert all(s.weekday() < 5 for s in starts), sorted(
            s for s in starts if s.weekday() >= 5)[:3]


def test_demo_plans_show_in_both_languages(ctx) -> None:
    """A small demo (the documents' language tests use 16 patients) could give no Dutch-speaking
    patient a plan: no Dutch handout to show or to check."""
    from desktop.demo import plans
    from desktop.services.patients import PatientFields, add_patient
    from desktop.storage.models import CarePlan

    class NobodyDrawn(random.Random):
        def random(self) -> float:
            return 0.99  # above every "chosen" threshold

    ids = [add_patient(ctx, PatientFields(family_name=f"Demo{n}", given_name="Anna",
                                          languages=[lang]))
           for n, lang in enumerate(["fr", "fr", "nl", "nl"])]
    plans.step(ctx, NobodyDrawn(5), ids, lambda _done, _total: None)
    planned = set(ctx.read(lambda s: list(s.execute(select(CarePlan.patient_id)).scalars())))
    assert planned == {ids[0], ids[2]}


def test_demo_medicines_named_in_the_patients_language(ctx) -> None:
    """The demo's handouts listed "Furosémide / Furosemide" and "1 sachet / zakje"."""
    from desktop.demo import care
    from desktop.demo.common import people
    from desktop.services import medication
    from desktop.services.patients import PatientFields, add_patient

    ids = [add_patient(ctx, PatientFields(family_name=f"Demo{n}", given_name="Anna",
                                          languages=[lang])) for n, lang in enumerate(["fr", "nl"])]
    for n, (pid, person) in enumerate(people(ctx, ids).items()):
        for draw in range(4):
            care._medicines(ctx, random.Random(10 * n + draw), person, ctx.today())
        meds = medication.list_medication(ctx, pid)
        listed = {(m.name, m.dose, m.schedule) for m in meds}
        assert not any(" / " in " ".join(map(str, row)) for row in listed), listed
        assert listed <= {pair[person.dutch] for pair in care.MEDICINES}, listed


@pytest.fixture(scope="module")
def demo_20(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """One demo of 20 patients for the checks below, which only read it."""
    from tests.conftest import PASSPHRASE, TODAY

    context, _ = AppContext.create(tmp_path_factory.mktemp("demo") / "vault", PASSPHRASE,
                                   user_name="Anne Lambert", today=lambda: TODAY)
    demo.generate(context, 20, seed=2026)
    yield context
    context.lock()


def test_demo_carer_reviews_mostly_ahead(demo_20: AppContext) -> None:
    """Half of the demo's carer assessments were overdue for review (assessed up to 300 days
    back, reviewed after 1 to 12 months): Today opened on a wall of late reviews."""
    from desktop.services import carer

    views = [v for v in carer.list_carer_assessments(demo_20) if v.current]
    late = [v for v in views if v.review == "overdue"]
    assert len(views) >= 10
    assert len(late) <= len(views) // 5, (len(late), len(views))


def test_demo_cases_agree_with_their_plans_and_their_people(demo_20: AppContext) -> None:
    """The demo showed a stabilised case without a plan, a "Fils" at visits of a patient with
    no son, and two family members of one name on a map."""
    from desktop.domain.contacts import PRIVATE_KINDS
    from desktop.services import care_plans, cases, ecosystem

    ctx = demo_20
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    checked = meetings = 0
    for pid in ids:
        people = care_plans.ecosystem_choices(ctx, pid)
        names = {p.short_name or p.name for p in people}
        status = ctx.read(lambda s, pid=pid: s.execute(
            select(Case.status).where(Case.patient_id == pid)
            .order_by(Case.opened_on.desc())).scalars().first())
        if status in ("active", "stabilised"):
            plan = care_plans.current_plan(ctx, pid)
            assert plan is not None, status
            # agreed when the case went active, not months before it
            case = cases.list_cases(ctx, pid)[0]
            went_active = max(h.changed_on for h in case.history if h.to_status == "active")
            assert plan.agreed_on == went_active, (plan.agreed_on, went_active)
        private_names = {p.short_name or p.name for p in people if p.kind in PRIVATE_KINDS}
        for v in ctx.read(lambda s, pid=pid: list(s.execute(
                select(Visit).where(Visit.patient_id == pid)).scalars())):
            for who in v.participants or []:
                assert who.rsplit(" (", 1)[0] in names, (who, names)
                checked += 1
            # a note written after that kind of contact ("Concertation avec…" on a phone call)
            for starts, kind in ((("Concertation", "Overleg"), "concertation"),
                                 (("Appel", "Telefoon"), "phone"),
                                 (("Visite à domicile", "Huisbezoek"), "home_visit")):
                if (v.notes or "").startswith(starts):
                    assert v.kind == kind, (v.kind, v.notes)
            if v.kind == "concertation" and len(people) > len(private_names):
                # a meeting gathers the professionals, a relative at most beside them
                family = [w for w in v.participants or []
                          if w.rsplit(" (", 1)[0] in private_names]
                assert len(family) <= 1 and len(v.participants or []) >= 2, v.participants
                meetings += 1
        private = [t.label for t in ecosystem.ecomap_data(ctx, pid).ties
                   if t.kind in ("informal_carer", "family", "friend", "neighbour")]
        assert len(set(private)) == len(private), private
    assert checked > 10 and meetings >= 2


def test_demo_pharmacy_on_the_map_means_a_medication_list(demo_20: AppContext) -> None:
    """A patient whose map showed "Pharmacie du Centre — médicaments, pilulier" had an empty
    medication list; and procedures were "followed by the daughter" of patients without one."""
    from desktop.services import ecosystem, medication, paperwork

    ctx = demo_20
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    with_pharmacy = [pid for pid in ids if any(
        t.kind == "pharmacist" for t in ecosystem.ecomap_data(ctx, pid).ties)]
    assert len(with_pharmacy) >= 5
    for pid in with_pharmacy:
        assert medication.list_medication(ctx, pid), pid
    words = " ".join(f"{p.follower} {p.note}" for pid in ids
                     for p in paperwork.list_paperwork(ctx, pid))
    assert "fille" not in words and "dochter" not in words


def test_demo_people_and_scales_fit_the_patients_age(demo_20: AppContext) -> None:
    """A 27-year-old had a granddaughter and a daughter-in-law on her map, a diagnosed
    dementia in her Katz and an Edmonton frailty scale; and her GP and her daughter-in-law
    were both "Céline Martin"."""
    from desktop.services import assessments, ecosystem, patients

    ctx = demo_20
    today = ctx.today()
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    young = 0
    for pid in ids:
        view = patients.get_patient(ctx, pid)
        ties = ecosystem.ecomap_data(ctx, pid).ties
        private = [t for t in ties if t.kind in ("informal_carer", "family", "friend", "neighbour")]
        gp_given = (view.gp_name or "").split()[:1]
        assert not any(t.label.split()[:1] == gp_given for t in private), (view.gp_name, [
            t.label for t in private])
        age = (today - view.birth_date).days // 365 if view.birth_date else 80
        if age >= 60:
            continue
        young += 1
        roles = {t.role for t in private}
        assert not roles & {"petite-fille", "belle-fille", "kleindochter", "schoondochter"}, roles
        around = " ".join(f"{t.label} {t.role}" for t in ties)
        assert not any(w in around for w in ("Alzheimer", "gériatrique", "geriatrische")), around
        assert not assessments.history(ctx, pid, "edmonton_frail")
        for a in assessments.history(ctx, pid, "katz_be"):
            assert not a.answers.get("dementia_diagnosis"), a.id
    assert young >= 1


def test_demo_requests_and_needs_fit_the_family_and_first_visits_come_soon(
        demo_20: AppContext) -> None:
    """Every demo patient had a spouse on her map, yet a request said "depuis le décès de son
    mari" and "Sa fille" asked for a patient without a daughter; the first home visit came up
    to nine months after the request (the access indicators' delays in hundreds of days)."""
    from desktop.demo.common import CHILD, DAUGHTER, SON, SPOUSE, WIDOWED, family_of
    from desktop.services import assessments, cases

    ctx = demo_20
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    widowed = 0
    for pid in ids:
        facts = family_of(ctx, pid)
        widowed += WIDOWED in facts
        for case in cases.list_cases(ctx, pid):
            said = f"{case.requester_name or ''} {case.request_reason or ''}"
            for words, fact in (("fille", DAUGHTER), ("dochter", DAUGHTER), ("fils", SON),
                                ("zoon", SON), ("décès", WIDOWED), ("overleden", WIDOWED),
                                ("qui l'aide", SPOUSE), ("zorgt voor", SPOUSE)):
                if words in said:
                    assert fact in facts, (said, facts)
            if case.status != "referred" and case.days_to_first_home_visit is not None:
                assert case.days_to_first_home_visit <= 45, case.days_to_first_home_visit
        for a in assessments.history(ctx, pid, "needs_checklist"):
            notes = " ".join(str(v) for k, v in a.answers.items() if k.endswith("_description"))
            if "décès" in notes or "overleden" in notes:
                assert WIDOWED in facts, notes
            if "surchargé" in notes or "overbelast" in notes.replace("mantelzorger", ""):
                assert SPOUSE in facts, notes
            if "Enfants" in notes or "Kinderen" in notes:
                assert CHILD in facts, notes
    assert widowed >= 2


def test_demo_notes_vary_and_fit_the_patients_age(demo_20: AppContext) -> None:
    """A 40-year-old's dossier said four times that the occupational therapist had come about
    the bathroom, three times that the physio was off sick, and that he walked with a frame;
    a 27-year-old's request came from the Ligue Alzheimer."""
    from collections import Counter

    from desktop.services import cases, journal, patients, visits

    ctx = demo_20
    today_ = ctx.today()
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    for pid in ids:
        view = patients.get_patient(ctx, pid)
        done = [v.notes for v in visits.list_visits(ctx, pid) if v.status == "done" and v.notes]
        notes = [n.text for n in journal.list_notes(ctx, pid)]
        for texts in (done, notes):  # (in the dossier's order, newest first)
            assert all(a != b for a, b in itertools.pairwise(texts)), texts
            assert len(set(texts)) >= min(len(texts), 6), Counter(texts).most_common(3)
        if len(notes) <= len(demo_cases.JOURNAL["fr"]):
            assert len(set(notes)) == len(notes), notes
        age = (today_ - view.birth_date).days // 365 if view.birth_date else 80
        if age < 60:
            said = " ".join(done + [f"{c.requester_name} {c.request_reason}"
                                    for c in cases.list_cases(ctx, pid)])
            for words in ("rollator", "Alzheimer", "fracture du col", "heupbreuk",
                          "personnes âgées", "bejaarden"):
                assert words not in said, (age, words)


def test_demo_plans_speak_of_the_patients_own_people(demo_20: AppContext) -> None:
    """A 40-year-old man whose wife was his carer had the goal "Que ma fille puisse souffler",
    and patients without children wanted to see their grandchildren."""
    from desktop.demo.common import CHILD, DAUGHTER, SON, SPOUSE, family_of
    from desktop.services import care_plans, patients

    ctx = demo_20
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    carers = 0
    for pid in ids:
        plan = care_plans.current_plan(ctx, pid)
        if plan is None:
            continue
        facts = family_of(ctx, pid)
        view = patients.get_patient(ctx, pid)
        age = (ctx.today() - view.birth_date).days // 365 if view.birth_date else 80
        words = " ".join([plan.life_project, plan.what_matters, plan.expectations,
                          plan.to_avoid] + [g.text for g in plan.goals])
        for said, fact in (("ma fille", DAUGHTER), ("mijn dochter", DAUGHTER),
                           ("mon fils", SON), ("mijn zoon", SON), ("mon mari", SPOUSE),
                           ("ma femme", SPOUSE), ("mijn man", SPOUSE), ("mijn vrouw", SPOUSE),
                           ("enfants", CHILD), ("kinderen", CHILD)):
            if said in words:
                assert fact in facts, (said, facts)
        if age < 60:
            assert not any(w in words for w in ("maison de repos", "rusthuis",
                                                "petits-enfants", "kleinkinderen")), words
        carers += any(g.domain == "carer_strain" for g in plan.goals)
    assert carers >= 2
