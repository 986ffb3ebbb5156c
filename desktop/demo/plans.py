"""Demo step: a care plan for about two patients in three, written from the patient's words,
with goals from the unmet needs (or plausible ones when no checklist was filled), actions given
to the patient's own contacts (nurse, home help, carer…), the patient and the case manager.
Most plans are agreed with a review date (some due soon, for the Today view); a few have a
concertation and a pending letter to the GP. Everything through the care plan, concertation and
GP letter services."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from desktop.demo.common import Person, people
from desktop.services import assessments, care_plans, cases, concertations, gp_feedback
from desktop.services.context import AppContext

BATCH = 10  # patients per transaction (a plan is ~10 records)

WORDS = {
    "fr": {
        "life": ["Rester chez moi le plus longtemps possible", "Continuer à jardiner",
                 "Retrouver mes amis du club le jeudi", "Ne pas être un poids pour mes enfants"],
        "matters": ["Voir mes petits-enfants", "Mon chat", "Aller à la messe le dimanche",
                    "Garder mon indépendance"],
        "expect": ["Qu'on m'aide pour la toilette", "Être moins seul(e)",
                   "Que ma fille puisse se reposer", "Qu'on m'explique mes papiers"],
        "avoid": ["Aller en maison de repos", "Retourner à l'hôpital", "Tomber à nouveau"],
    },
    "nl": {
        "life": ["Zo lang mogelijk thuis blijven", "Blijven tuinieren",
                 "Mijn vrienden van de club terugzien", "Mijn kinderen niet tot last zijn"],
        "matters": ["Mijn kleinkinderen zien", "Mijn kat", "Op zondag naar de kerk",
                    "Zelfstandig blijven"],
        "expect": ["Hulp bij het wassen", "Minder alleen zijn", "Dat mijn dochter kan rusten",
                   "Uitleg over mijn papieren"],
        "avoid": ["Naar een rusthuis gaan", "Terug naar het ziekenhuis", "Opnieuw vallen"],
    },
}
# per need domain: goal (fr, nl), then actions (kind of contact or patient/case_manager,
# what fr, what nl, schedule as "" or (fr, nl))
GOALS: dict[str, tuple[tuple[str, str], list[tuple[str, str, str, str | tuple[str, str]]]]] = {
    "health": (("Prendre mes médicaments sans oubli", "Mijn medicatie niet vergeten"), [
        ("pharmacist", "Préparer le pilulier", "Pillendoos klaarmaken", ("lundi 10 h", "maandag 10.00 uur")),
        ("nurse", "Passage infirmier", "Bezoek verpleging", ("lun, mer, ven 8 h – 8 h 30", "ma, wo, vr 8.00–8.30 uur"))]),
    "daily_functioning": (("Me laver sans risque de tomber", "Veilig wassen zonder te vallen"), [
        ("nurse", "Aide à la toilette", "Hulp bij het wassen", ("tous les jours 8 h – 9 h", "elke dag 8.00–9.00 uur")),
        ("home_help", "Courses et ménage", "Boodschappen en poetsen", ("mardi, vendredi 9 h – 11 h", "dinsdag, vrijdag 9.00–11.00 uur"))]),
    "cognition_mood": (("Garder le moral", "De moed erin houden"), [
        ("patient_association", "Groupe de parole", "Praatgroep", ("2 fois par mois", "2 keer per maand")),
        ("patient", "Aller au club le jeudi", "Naar de club op donderdag", ("jeudi 14 h – 17 h", "donderdag 14.00–17.00 uur"))]),
    "carer_strain": (("Que ma fille puisse souffler", "Dat mijn dochter op adem kan komen"), [
        ("informal_carer", "Visite et repas du dimanche", "Bezoek en zondagsmaal", ("dimanche midi", "zondag 's middags")),
        ("case_manager", "Chercher un accueil de jour", "Dagopvang zoeken", "")]),
    "social_network": (("Voir plus de monde", "Meer mensen zien"), [
        ("neighbour", "Passer dire bonjour", "Even langskomen", ("2 fois par semaine", "2 keer per week")),
        ("family", "Appel téléphonique", "Telefoontje", ("mercredi soir", "woensdag 's avonds"))]),
    "housing_safety": (("Monter l'escalier en sécurité", "Veilig de trap op"), [
        ("case_manager", "Demander une rampe", "Een leuning aanvragen", ""),
        ("physio", "Exercices d'équilibre", "Evenwichtsoefeningen", ("lun, jeu 10 h – 10 h 45", "ma, do 10.00–10.45 uur"))]),
    "money_rights": (("Payer mes factures à temps", "Mijn rekeningen op tijd betalen"), [
        ("cpas", "Médiation de dettes", "Schuldbemiddeling", ("jeudi 10 h – 11 h", "donderdag 10.00–11.00 uur")),
        ("social_worker", "Demander l'allocation d'aide aux personnes âgées",
         "Zorgbudget aanvragen", "")]),
    "administration": (("Comprendre mes papiers", "Mijn papieren begrijpen"), [
        ("case_manager", "Trier le courrier ensemble", "Samen de post sorteren",
         ("1 fois par mois", "1 keer per maand")),
        ("family", "Accompagner à la commune", "Meegaan naar het gemeentehuis", "")]),
}


def _case_status(ctx: AppContext, patient_id: str) -> tuple[str | None, dt.date | None]:
    """The status of the patient's latest case (None: no case), and the day it last became
    active (the plan is agreed then)."""
    latest = cases.list_cases(ctx, patient_id)
    if not latest:
        return None, None
    active = [c.changed_on for c in latest[0].history if c.to_status == "active"]
    return latest[0].status, max(active, default=None)


def _plan_for(ctx: AppContext, rng: random.Random, p: Person, today: dt.date,
              status: str | None, active_on: dt.date | None) -> None:
    lang = p.lang
    words = WORDS[lang]
    rels = care_plans.ecosystem_choices(ctx, p.id)
    by_kind: dict[str, list[str]] = {}
    for c in rels:
        by_kind.setdefault(c.kind, []).append(c.contact_id)
    needs = [n.domain for n in assessments.unmet_needs(ctx, p.id) if n.domain in GOALS]
    if not needs:
        needs = rng.sample(sorted(GOALS), rng.randint(2, 4))
    agreed_on = today - dt.timedelta(days=rng.randint(10, 150))
    if active_on is not None:  # the day the case went active, not months before it
        agreed_on = active_on
    agreed = status in ("active", "stabilised") or (status != "assessing"
                                                    and rng.random() < 0.8)
    # the next review: in the months ahead, now and then a few days late (Today lists those)
    ahead = rng.randint(-20, -1) if rng.random() < 0.08 else rng.randint(1, 150)
    review = max(today + dt.timedelta(days=ahead), agreed_on + dt.timedelta(days=30)) \
        if agreed else None
    plan = care_plans.start_plan(
        ctx, p.id, life_project=rng.choice(words["life"]), what_matters=rng.choice(words["matters"]),
        expectations=rng.choice(words["expect"]), to_avoid=rng.choice(words["avoid"]),
        review_date=review)
    for domain in needs:
        (goal_fr, goal_nl), actions = GOALS[domain]
        goal = care_plans.add_goal(ctx, plan, goal_nl if lang == "nl" else goal_fr, domain=domain,
                                   needs=[domain],
                                   target_date=today + dt.timedelta(days=rng.randint(30, 200)))
        for kind, what_fr, what_nl, when in actions:
            schedule = when if isinstance(when, str) else when[1 if lang == "nl" else 0]
            if kind in ("patient", "case_manager"):
                rkind, contact = kind, None
            elif by_kind.get(kind):
                rkind, contact = "contact", rng.choice(by_kind[kind])
            else:
                continue  # nobody of that kind around this patient
            care_plans.add_action(ctx, goal, what_nl if lang == "nl" else what_fr,
                                  responsible_kind=rkind, contact_id=contact, schedule=schedule,
                                  start_date=agreed_on)
    if agreed:
        care_plans.agree_plan(ctx, plan, agreed_on=agreed_on, parties=("patient", "family"))
    pros = [c for c in rels if c.kind not in ("family", "friend", "neighbour")]
    if agreed and len(pros) >= 3 and rng.random() < 0.3:
        chosen = sorted(pros, key=lambda c: not c.is_gp)[:4]
        concertations.record_concertation(
            ctx, p.id, held_on=agreed_on - dt.timedelta(days=3),
            participant_ids=[c.contact_id for c in chosen], patient_agreed=True,
            reference_contact_id=chosen[0].contact_id)
    if p.view.gp_contact_id and rng.random() < 0.15:
        gp_feedback.create_letter(
            ctx, p.id, due_on=today + dt.timedelta(days=rng.randint(-3, 10)),
            summary="Plan d'aide convenu; situation stable." if lang == "fr"
            else "Zorgplan afgesproken; stabiele situatie.")


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    # an active or stabilised case works to an agreed plan; some being assessed have a draft
    state = {pid: _case_status(ctx, pid) for pid in patient_ids}
    chosen = [pid for pid in patient_ids if state[pid][0] in ("active", "stabilised")
              or (state[pid][0] == "assessing" and rng.random() < 0.4)]
    who = people(ctx, chosen)
    for dutch in (False, True):  # a plan (and its handout) to show in each language
        if any(p.dutch == dutch for p in who.values()):
            continue
        for pid in patient_ids:
            other = who.get(pid) or people(ctx, [pid])[pid]
            if other.dutch == dutch:
                chosen.append(pid)
                who[pid] = other
                break
    today = ctx.today()
    for start in range(0, len(chosen), BATCH):
        batch = chosen[start:start + BATCH]

        def run(batch: list[str] = batch) -> None:
            for pid in batch:
                _plan_for(ctx, rng, who[pid], today, *state[pid])

        ctx.write_many(run)
        report(min(start + BATCH, len(chosen)), len(chosen))
