"""Demo step: what happens around the cases, so the Indicateurs page and Today's waiting list have
something to show — the intake outcome of each request (accepted with its first contact, a few
on the waiting list, a few requests redirected to a service of the directory), crisis triggers,
the stability log, the discharge checklists and follow-up calls (with a readmission or two), the
goal attainment scores at the plan reviews and the patients' experience questionnaires.

Runs after the other steps (it reads their cases, stays and plans). Deterministic for the rng
state; every record goes through the services (intake, triage, stability, stays, care plans,
assessments), like real data; the text is in the patient's language."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import NamedTuple

from desktop.demo.cases import HOSPITALS, STAY_REASONS
from desktop.demo.common import Person, people
from desktop.domain.case_lifecycle import OPEN_STATUSES, RequestFields
from desktop.domain.transitions import CHECKLIST_ITEMS, EVENT_KINDS
from desktop.domain.triage import CRISIS_TRIGGERS
from desktop.services import (
    assessments,
    care_plans,
    cases,
    contacts,
    stability,
    stays,
    triage,
)
from desktop.services import today as today_view
from desktop.services.cases import CaseView
from desktop.services.context import AppContext
from desktop.services.instruments import shipped

BATCH = 25  # patients per transaction
EXPERIENCE_ID = "patient_experience"
WAITING_SHARE = 0.06  # of the open cases, at least two on the waiting list
REDIRECTED_SHARE = 0.08  # of the patients, at least two requests redirected
CRISIS_SHARE = 0.08  # of the open cases, at least one
READMIT_SHARE = 0.2  # of the patients who can be readmitted (_ended_admissions), at least one

# (French, Dutch); "[elle|il]" picks the patient's gender
REDIRECTS = [
    (("Demande d'aide ménagère seulement", "Enkel een vraag naar poetshulp"),
     ("Pas de situation complexe : réorienté vers le service d'aide familiale",
      "Geen complexe situatie: doorverwezen naar de dienst gezinszorg")),
    (("Dettes, demande de guidance budgétaire", "Schulden, vraag naar budgetbegeleiding"),
     ("Relève du CPAS (guidance budgétaire)", "Hoort bij het OCMW (budgetbegeleiding)")),
    (("Cherche un kiné à domicile", "Zoekt een kinesitherapeut aan huis"),
     ("Un seul prestataire à trouver : coordonnées données", "Eén zorgverlener te vinden: "
                                                            "gegevens meegegeven")),
]
EVENT_NOTES: dict[str, list[tuple[str, str]]] = {
    "fall": [("Chute dans la salle de bain, pas de fracture", "Gevallen in de badkamer, geen breuk"),
             ("[Tombée|Tombé] la nuit en allant aux toilettes",
              "'s Nachts gevallen op weg naar het toilet")],
    "emergency_visit": [("Urgences pour malaise, [rentrée|rentré] le soir même",
                         "Spoed voor onwel worden, dezelfde avond terug thuis")],
    "crisis_call": [("Appel affolé de la fille : [sa mère|son père] ne répond plus au téléphone",
                     "Paniektelefoon van de dochter: [haar moeder|haar vader] neemt niet op")],
    "carer_exhausted": [("L'aidant dit ne plus tenir", "De mantelzorger zegt het niet meer vol te "
                                                       "houden")],
    "not_eating": [("Repas livrés non mangés depuis trois jours",
                    "Geleverde maaltijden al drie dagen niet opgegeten")],
    "care_refused": [("Refuse la toilette par l'infirmière", "Weigert de wasbeurt door de "
                                                              "verpleegkundige")],
    "social_emergency": [("Coupure d'électricité pour facture impayée",
                          "Elektriciteit afgesloten wegens onbetaalde factuur")],
}
EVENT_WEIGHTS = {"fall": 35, "emergency_visit": 15, "crisis_call": 10, "carer_exhausted": 15,
                 "not_eating": 10, "care_refused": 10, "social_emergency": 5}
REPORTERS = [("La fille", "De dochter"), ("L'infirmière à domicile", "De thuisverpleegkundige"),
             ("Le médecin traitant", "De huisarts"), ("[La patiente|Le patient]",
                                                     "[De patiënte|De patiënt]"),
             ("L'aide familiale", "De verzorgende")]
# goal attainment −2..+2: most goals reached about as expected
ATTAINMENT_WEIGHTS = {-2: 6, -1: 20, 0: 40, 1: 24, 2: 10}

Progress = Callable[[int, int], None]


class _Case(NamedTuple):
    id: str
    patient_id: str
    status: str
    opened_on: dt.date
    tier: str | None


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    if last <= first:
        return first
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _opened(case: CaseView, today: dt.date) -> dt.date:
    return case.opened_on or today


def _services(ctx: AppContext) -> dict[str, list[str]]:
    """Organisations of the directory (not a patient's own contact), by town."""
    out: dict[str, list[str]] = {}
    for c in sorted(contacts.list_contacts(ctx, directory_only=True, limit=100_000),
                    key=lambda c: c.id):
        if c.is_organisation and c.kind != "gp":
            out.setdefault(c.city or "", []).append(c.id)
    return out


def _plan_choices(rng: random.Random, open_cases: list[_Case], patient_ids: list[str],
                  cases_by_patient: dict[str, list[_Case]], today: dt.date
                  ) -> tuple[set[str], set[str], set[str]]:
    """Which open cases wait, which have a crisis, which patients had a request redirected."""
    referred = [c for c in open_cases if c.status == "referred"]
    target = max(2, round(WAITING_SHARE * len(open_cases)))
    waiting = [c for i, c in enumerate(referred) if i % 2 == 0]  # the others still undecided
    assessing = sorted((c for c in open_cases if c.status == "assessing"),
                       key=lambda c: (c.opened_on, c.id), reverse=True)
    waiting += assessing[:max(0, target - len(waiting))]
    tiered = [c for c in open_cases if c.tier == "case_management"] or open_cases
    crisis = rng.sample(tiered, min(len(tiered), max(1, round(CRISIS_SHARE * len(open_cases)))))
    # a redirected request before the case that is open now, within the last year
    recent = [pid for pid in patient_ids if any(
        c.status in OPEN_STATUSES and c.opened_on >= today - dt.timedelta(days=300)
        for c in cases_by_patient.get(pid, []))]
    redirected = rng.sample(recent, min(len(recent),
                                        max(2, round(REDIRECTED_SHARE * len(patient_ids)))))
    return {c.id for c in waiting}, {c.id for c in crisis}, set(redirected)


def _intake(ctx: AppContext, rng: random.Random, case: CaseView, waiting: bool,
            today: dt.date) -> None:
    request = case.request_date or _opened(case, today)
    if waiting:
        day = min(today, request + dt.timedelta(days=rng.randint(0, 3)))
        cases.record_intake(ctx, case.id, "waiting", on=day)
        return
    if case.status == "referred":
        return  # not decided yet: Today lists it when no first contact came after N days
    day = min(today, _opened(case, today), request + dt.timedelta(days=rng.randint(0, 5)))
    cases.record_intake(ctx, case.id, "accepted", on=day)
    if rng.random() < 0.7:  # else the first visit done stands for the first contact
        cases.record_first_dates(ctx, case.id, first_contact=min(
            today, request + dt.timedelta(days=rng.randint(1, 12))))


def _redirected_request(ctx: AppContext, rng: random.Random, p: Person, open_case: CaseView,
                        services: dict[str, list[str]], today: dt.date) -> None:
    to = services.get(p.city) or [c for ids in services.values() for c in ids]
    if not to:
        return
    first = max(today - dt.timedelta(days=364), _opened(open_case, today) - dt.timedelta(days=150))
    last = _opened(open_case, today) - dt.timedelta(days=10)
    if last < first:
        return
    request = _day_between(rng, first, last)
    decided = min(today, request + dt.timedelta(days=rng.randint(0, 6)))
    asked, why = rng.choice(REDIRECTS)
    cases.record_redirected_request(
        ctx, p.id, RequestFields(requester_type="patient", request_date=request,
                                 request_reason=p.words(asked)),
        to_contact_id=rng.choice(to), reason=p.words(why), on=decided)


def _events(ctx: AppContext, rng: random.Random, p: Person, case: CaseView,
            today: dt.date) -> None:
    if rng.random() >= 0.5:
        return
    kinds = list(EVENT_WEIGHTS)
    assert set(kinds) == set(EVENT_KINDS)
    start = max(_opened(case, today), today - dt.timedelta(days=330))
    for _ in range(rng.choices((1, 2, 3, 4), (5, 3, 2, 1))[0]):
        kind = rng.choices(kinds, [EVENT_WEIGHTS[k] for k in kinds])[0]
        stability.add_event(ctx, p.id, kind, occurred_on=_day_between(rng, start, today),
                            reported_by=p.words(rng.choice(REPORTERS)),
                            note=p.words(rng.choice(EVENT_NOTES[kind])))


def _checklist(ctx: AppContext, rng: random.Random, stay_id: str, out: dt.date, today: dt.date,
               *, recent: bool) -> None:
    """The discharge checklist and the follow-up call of a stay ended on `out`: under way for
    a recent one, done for most older ones (now and then one item left)."""
    left = rng.choice(CHECKLIST_ITEMS) if rng.random() < 0.3 else None
    for item in CHECKLIST_ITEMS:
        if (rng.random() < 0.5) if recent else item != left:
            stays.set_checklist(ctx, stay_id, [item],
                                on=min(today, out + dt.timedelta(days=rng.randint(0, 6))))
    if rng.random() < (0.3 if recent else 0.9):
        stays.set_follow_up_done(ctx, stay_id,
                                 min(today, out + dt.timedelta(days=rng.randint(1, 3))))


def _ended_admissions(known: list[stays.StayView], case: CaseView | None,
                      today: dt.date) -> list[stays.StayView]:
    """Admissions a readmission within 30 days can follow, shown by the indicators: ended
    while the patient's open case ran, long enough ago for that readmission to be past."""
    if case is None:
        return []
    return [h for h in known if h.kind == "admission" and h.discharged_on is not None
            and _opened(case, today) <= h.discharged_on <= today - dt.timedelta(days=40)]


def _readmitted(ctx: AppContext, rng: random.Random, current: dict[str, CaseView],
                today: dt.date) -> set[str]:
    """The patients back in hospital within 30 days of a discharge: drawn among those who
    can be, so the indicator has one to show whatever the draw."""
    admitted = [pid for pid, case in current.items()
                if _ended_admissions(stays.list_stays(ctx, pid), case, today)]
    return set(rng.sample(admitted, min(len(admitted),
                                        max(1, round(READMIT_SHARE * len(admitted))))))


def _stays(ctx: AppContext, rng: random.Random, p: Person, case: CaseView | None,
           readmit: bool, today: dt.date) -> None:
    """The discharge checklist and the follow-up call of each stay ended; a readmission."""
    known = sorted(stays.list_stays(ctx, p.id), key=lambda h: (h.admitted_on, h.id))
    for h in known:
        if h.discharged_on is not None:
            # the last days: some of it still to do (Today)
            _checklist(ctx, rng, h.id, h.discharged_on, today,
                       recent=(today - h.discharged_on).days < 7)
    ended = _ended_admissions(known, case, today)
    if readmit and ended:
        first = ended[-1]
        assert first.discharged_on is not None
        back = first.discharged_on + dt.timedelta(days=rng.randint(4, 25))
        out = back + dt.timedelta(days=rng.randint(2, 8))
        stay = stays.add_stay(ctx, p.id, kind="admission", admitted_on=back, discharged_on=out,
                              hospital=first.hospital, reason=first.reason, planned=False,
                              case_id=case.id if case else None)
        _checklist(ctx, rng, stay, out, today, recent=False)


def _just_back(ctx: AppContext, rng: random.Random, people_: list[Person],
               views: dict[str, list[CaseView]], today: dt.date) -> None:
    """One patient back from hospital yesterday, her follow-up call still to make, so that
    Today's recent stays are never empty in a demo: chance may have left none."""
    if today_view.today_data(ctx).recent_stays:
        return
    week = today - dt.timedelta(days=7)
    for p in people_:
        current = next((c for c in views[p.id] if c.status in OPEN_STATUSES), None)
        if current is None or any(h.discharged_on is None or h.discharged_on > week
                                  for h in stays.list_stays(ctx, p.id)):
            continue  # no open case, or in hospital or just back already
        lang = "nl" if p.dutch else "fr"
        out = today - dt.timedelta(days=1)
        stays.add_stay(ctx, p.id, kind="admission", admitted_on=out - dt.timedelta(days=6),
                       discharged_on=out, hospital=rng.choice(HOSPITALS[lang]),
                       reason=rng.choice(STAY_REASONS[lang]), case_id=current.id)
        return


def _goal_reviews(ctx: AppContext, rng: random.Random, p: Person, today: dt.date) -> None:
    plan = care_plans.current_plan(ctx, p.id)
    if plan is None or plan.status == "draft" or plan.agreed_on is None:
        return
    scores = list(ATTAINMENT_WEIGHTS)
    for goal in sorted(plan.goals, key=lambda g: (g.position, g.id)):
        if plan.agreed_on > today - dt.timedelta(days=30) or rng.random() >= 0.75:
            continue
        day = min(today, plan.agreed_on + dt.timedelta(days=rng.randint(30, 120)))
        care_plans.review_goal(ctx, goal.id, rng.choices(
            scores, [ATTAINMENT_WEIGHTS[s] for s in scores])[0], on=day)


def _experience(ctx: AppContext, rng: random.Random, p: Person, case: CaseView,
                today: dt.date) -> None:
    """The patients' experience questionnaire, for about half the patients followed a while."""
    if case.status not in ("active", "stabilised") or rng.random() >= 0.55:
        return
    d = shipped()[EXPERIENCE_ID]
    good = rng.random() < 0.8
    raw = {it.id: rng.choices((0, 1, 2, 3), (1, 2, 6, 8) if good else (2, 5, 4, 1))[0]
           for it in d.items}
    day = _day_between(rng, max(_opened(case, today) + dt.timedelta(days=30),
                                 today - dt.timedelta(days=300)), today)
    assessments.record_completed(ctx, p.id, EXPERIENCE_ID, raw, assessed_on=min(day, today),
                                 case_id=case.id)


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str], report: Progress) -> None:
    today = ctx.today()
    who = people(ctx, patient_ids)
    views = {pid: sorted(cases.list_cases(ctx, pid), key=lambda c: (c.opened_on or today, c.id))
             for pid in patient_ids}
    cases_by_patient = {pid: [_Case(c.id, c.patient_id, c.status, c.opened_on or today,
                                    c.complexity_tier) for c in vs] for pid, vs in views.items()}
    services = _services(ctx)
    open_cases = [c for pid in patient_ids for c in cases_by_patient.get(pid, [])
                  if c.status in OPEN_STATUSES]
    waiting, crisis, redirected = _plan_choices(rng, open_cases, patient_ids, cases_by_patient,
                                                today)
    current_case = {pid: c for pid in patient_ids for c in views[pid]
                    if c.status in OPEN_STATUSES}  # the last open one (views are by date)
    readmit = _readmitted(ctx, rng, current_case, today)
    for start in range(0, len(patient_ids), BATCH):
        batch = patient_ids[start:start + BATCH]

        def run(batch: list[str] = batch) -> None:
            for pid in batch:
                p = who[pid]
                current: CaseView | None = None
                for case in views[pid]:
                    _intake(ctx, rng, case, case.id in waiting, today)
                    if case.status in OPEN_STATUSES:
                        current = case
                if current is not None:
                    if current.id in crisis:
                        picked = rng.sample(CRISIS_TRIGGERS, rng.choice((1, 1, 2)))
                        triage.set_crisis_triggers(
                            ctx, current.id, [c for c in CRISIS_TRIGGERS if c in picked],
                            on=_day_between(rng, max(_opened(current, today),
                                                     today - dt.timedelta(days=60)), today))
                    if pid in redirected:
                        _redirected_request(ctx, rng, p, current, services, today)
                    _events(ctx, rng, p, current, today)
                    _experience(ctx, rng, p, current, today)
                _stays(ctx, rng, p, current, pid in readmit, today)
                _goal_reviews(ctx, rng, p, today)

        ctx.write_many(run)
        report(min(start + BATCH, len(patient_ids)), len(patient_ids))
    ctx.write_many(lambda: _just_back(ctx, rng, [who[pid] for pid in patient_ids], views, today))
