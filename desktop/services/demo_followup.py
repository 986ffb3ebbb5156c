"""Demo step: what happens around the cases, so the Indicateurs page and Today's waiting list have
something to show — the intake outcome of each request (accepted with its first contact, a few
on the waiting list, a few requests redirected to a service of the directory), crisis triggers,
the stability log, the discharge checklists and follow-up calls (with a readmission or two), the
goal attainment scores at the plan reviews and the patients' experience questionnaires.

Runs after the other steps (it reads their cases, stays and plans). Deterministic for the rng
state; every record goes through the unit of work (ops and audit, like real data); the text is in
the patient's language (`_in_language`)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import select

from desktop.domain.case_lifecycle import OPEN_STATUSES
from desktop.domain.instruments import resolve_options, score, validate_answers
from desktop.domain.transitions import CHECKLIST_ITEMS, EVENT_KINDS, add_working_days
from desktop.domain.triage import CRISIS_TRIGGERS
from desktop.services.assessments import add_completed
from desktop.services.context import AppContext
from desktop.services.demo_assessments import _in_language
from desktop.services.instruments import shipped
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import (
    CarePlan,
    Case,
    CaseStatusChange,
    Contact,
    Goal,
    HospitalStay,
    Patient,
    StabilityEvent,
)

BATCH = 25  # patients per transaction
EXPERIENCE_ID = "patient_experience"
WAITING_SHARE = 0.06  # of the open cases, at least two on the waiting list
REDIRECTED_SHARE = 0.08  # of the patients, at least two requests redirected
CRISIS_SHARE = 0.08  # of the open cases, at least one

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


def _opened(case: Case, today: dt.date) -> dt.date:
    return case.opened_on or today


def _services(s: Any) -> dict[str, list[str]]:
    """Organisations of the directory (not a patient's own contact), by town."""
    out: dict[str, list[str]] = {}
    for cid, city, kind in s.execute(select(Contact.id, Contact.city, Contact.kind).where(
            Contact.deleted.is_(False), Contact.owner_patient_id.is_(None),
            Contact.is_organisation.is_(True)).order_by(Contact.id)).all():
        if kind != "gp":
            out.setdefault(city or "", []).append(cid)
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


def _intake(uow: UnitOfWork, rng: random.Random, case: Case, waiting: bool,
            today: dt.date) -> None:
    request = case.request_date or _opened(case, today)
    if waiting:
        day = min(today, request + dt.timedelta(days=rng.randint(0, 3)))
        uow.update(case, {"intake_outcome": "waiting", "intake_outcome_on": day,
                          "waiting_since": day})
        return
    if case.status == "referred":
        return  # not decided yet: Today lists it when no first contact came after N days
    day = min(today, _opened(case, today), request + dt.timedelta(days=rng.randint(0, 5)))
    values: dict[str, object] = {"intake_outcome": "accepted", "intake_outcome_on": day}
    if rng.random() < 0.7:  # else the first visit done stands for the first contact
        values["first_contact_on"] = min(today, request + dt.timedelta(days=rng.randint(1, 12)))
    uow.update(case, values)


def _redirected_request(uow: UnitOfWork, rng: random.Random, p: Patient, open_case: Case,
                        services: dict[str, list[str]], user: str | None,
                        today: dt.date) -> None:
    to = services.get(p.city or "") or [c for ids in services.values() for c in ids]
    if not to:
        return
    first = max(today - dt.timedelta(days=364), _opened(open_case, today) - dt.timedelta(days=150))
    last = _opened(open_case, today) - dt.timedelta(days=10)
    if last < first:
        return
    request = _day_between(rng, first, last)
    decided = min(today, request + dt.timedelta(days=rng.randint(0, 6)))
    asked, why = rng.choice(REDIRECTS)
    case = uow.add(Case, patient_id=p.id, status="closed", requester_type="patient",
                   requester_name=None, request_date=request,
                   request_reason=_in_language(p, asked), opened_on=request,
                   primary_case_manager=user, complexity_tier="self_management",
                   closed_on=decided, closure_reason="other",
                   intake_outcome="redirected", intake_outcome_on=decided,
                   redirected_to_contact_id=rng.choice(to), intake_reason=_in_language(p, why),
                   first_contact_on=min(decided, request + dt.timedelta(days=rng.randint(0, 2))))
    for frm, to_status, day in ((None, "referred", request), ("referred", "closed", decided)):
        uow.add(CaseStatusChange, case_id=case.id, patient_id=p.id, from_status=frm,
                to_status=to_status, changed_on=day, changed_by=user, note=None)


def _events(uow: UnitOfWork, rng: random.Random, p: Patient, case: Case,
            today: dt.date) -> None:
    if rng.random() >= 0.5:
        return
    kinds = list(EVENT_WEIGHTS)
    assert set(kinds) == set(EVENT_KINDS)
    start = max(_opened(case, today), today - dt.timedelta(days=330))
    for _ in range(rng.choices((1, 2, 3, 4), (5, 3, 2, 1))[0]):
        kind = rng.choices(kinds, [EVENT_WEIGHTS[k] for k in kinds])[0]
        uow.add(StabilityEvent, patient_id=p.id, case_id=case.id, kind=kind,
                occurred_on=_day_between(rng, start, today),
                reported_by=_in_language(p, rng.choice(REPORTERS)),
                note=_in_language(p, rng.choice(EVENT_NOTES[kind])))


def _stays(uow: UnitOfWork, rng: random.Random, p: Patient, case: Case | None,
           readmit: bool, today: dt.date) -> None:
    """The discharge checklist and the follow-up call of each stay ended; a readmission."""
    stays = list(uow.session.execute(select(HospitalStay).where(
        HospitalStay.patient_id == p.id, HospitalStay.deleted.is_(False))
        .order_by(HospitalStay.admitted_on, HospitalStay.id)).scalars())
    for h in stays:
        if h.discharged_on is None:
            continue
        out = h.discharged_on
        recent = (today - out).days < 7  # the last days: some of it still to do (Today)
        values: dict[str, object] = {"follow_up_due": add_working_days(out, 2)}
        for item in CHECKLIST_ITEMS:
            if rng.random() < (0.5 if recent else 0.85):
                values[f"{item}_on"] = min(today, out + dt.timedelta(days=rng.randint(0, 6)))
        if rng.random() < (0.3 if recent else 0.9):
            values["follow_up_done_on"] = min(today, out + dt.timedelta(days=rng.randint(1, 3)))
        uow.update(h, values)
    ended = [h for h in stays if h.kind == "admission" and h.discharged_on is not None
             and h.discharged_on <= today - dt.timedelta(days=40)]
    if readmit and ended:
        first = ended[-1]
        assert first.discharged_on is not None
        back = first.discharged_on + dt.timedelta(days=rng.randint(4, 25))
        out = back + dt.timedelta(days=rng.randint(2, 8))
        uow.add(HospitalStay, patient_id=p.id, case_id=case.id if case else None,
                kind="admission", admitted_on=back, discharged_on=out,
                hospital=first.hospital, reason=first.reason, planned=False,
                follow_up_due=add_working_days(out, 2),
                follow_up_done_on=out + dt.timedelta(days=1),
                **{f"{item}_on": out + dt.timedelta(days=rng.randint(0, 4))
                   for item in CHECKLIST_ITEMS})


def _goal_reviews(uow: UnitOfWork, rng: random.Random, p: Patient, today: dt.date) -> None:
    rows = uow.session.execute(select(Goal, CarePlan.agreed_on).join(
        CarePlan, CarePlan.id == Goal.plan_id).where(
        Goal.patient_id == p.id, Goal.deleted.is_(False), CarePlan.deleted.is_(False),
        CarePlan.status != "draft", CarePlan.agreed_on.is_not(None))
        .order_by(CarePlan.agreed_on, Goal.position, Goal.id)).all()
    scores = list(ATTAINMENT_WEIGHTS)
    for goal, agreed_on in rows:
        if agreed_on is None or agreed_on > today - dt.timedelta(days=30) or rng.random() >= 0.75:
            continue
        day = min(today, agreed_on + dt.timedelta(days=rng.randint(30, 120)))
        uow.update(goal, {"attainment": rng.choices(scores, [ATTAINMENT_WEIGHTS[s]
                                                             for s in scores])[0],
                          "attainment_on": day})
        uow.audit("goal_review", table="goal", record_id=goal.id, patient_id=p.id,
                  fields=["attainment", "attainment_on"])


def _experience(uow: UnitOfWork, rng: random.Random, p: Patient, case: Case,
                today: dt.date) -> None:
    """The patients' experience questionnaire, for about half the patients followed a while."""
    if case.status not in ("active", "stabilised") or rng.random() >= 0.55:
        return
    d = shipped()[EXPERIENCE_ID]
    good = rng.random() < 0.8
    raw = {it.id: rng.choices((0, 1, 2, 3), (1, 2, 6, 8) if good else (2, 5, 4, 1))[0]
           for it in d.items}
    kept = validate_answers(d, raw, complete=True)
    opts = resolve_options(d)
    day = _day_between(rng, max(_opened(case, today) + dt.timedelta(days=30),
                                 today - dt.timedelta(days=300)), today)
    add_completed(uow, p.id, d, kept, opts, score(d, kept, opts), min(day, today), case.id)


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str], report: Progress) -> None:
    today = ctx.today()
    user = ctx.user_name

    def plan(s: Any) -> tuple[dict[str, list[_Case]], dict[str, list[str]]]:
        by_patient: dict[str, list[_Case]] = {}
        for c in s.execute(select(Case).where(Case.patient_id.in_(patient_ids),
                                              Case.deleted.is_(False))
                           .order_by(Case.opened_on, Case.id)).scalars():
            by_patient.setdefault(c.patient_id, []).append(
                _Case(c.id, c.patient_id, c.status, c.opened_on or today, c.complexity_tier))
        return by_patient, _services(s)

    cases_by_patient, services = ctx.read(plan)
    open_cases = [c for pid in patient_ids for c in cases_by_patient.get(pid, [])
                  if c.status in OPEN_STATUSES]
    waiting, crisis, redirected = _plan_choices(rng, open_cases, patient_ids, cases_by_patient,
                                                today)
    readmit = {pid for pid in patient_ids if rng.random() < 0.08}
    for start in range(0, len(patient_ids), BATCH):
        batch = patient_ids[start:start + BATCH]

        def run(uow: UnitOfWork, batch: list[str] = batch) -> None:
            for pid in batch:
                p = uow.session.get(Patient, pid)
                if p is None or p.deleted:
                    continue
                current: Case | None = None
                for known in cases_by_patient.get(pid, []):
                    case = uow.session.get(Case, known.id)
                    if case is None:
                        continue
                    _intake(uow, rng, case, case.id in waiting, today)
                    if case.status in OPEN_STATUSES:
                        current = case
                if current is not None:
                    if current.id in crisis:
                        picked = rng.sample(CRISIS_TRIGGERS, rng.choice((1, 1, 2)))
                        uow.update(current, {
                            "crisis_triggers": [c for c in CRISIS_TRIGGERS if c in picked],
                            "crisis_noted_on": _day_between(
                                rng, max(_opened(current, today), today - dt.timedelta(days=60)),
                                today)})
                    if pid in redirected:
                        _redirected_request(uow, rng, p, current, services, user, today)
                    _events(uow, rng, p, current, today)
                    _experience(uow, rng, p, current, today)
                _stays(uow, rng, p, current, pid in readmit, today)
                _goal_reviews(uow, rng, p, today)
            uow.audit("demo", area="follow_up", count=len(batch))

        ctx.write(run)
        report(min(start + BATCH, len(patient_ids)), len(patient_ids))
