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

from desktop.demo.common import (
    CHILD,
    DAUGHTER,
    OLD,
    SON,
    SPOUSE,
    Person,
    facts_of_people,
    fits,
    people,
    said,
    tie,
    with_age,
)
from desktop.services import assessments, care_plans, cases, concertations, gp_feedback
from desktop.services.context import AppContext

BATCH = 10  # patients per transaction (a plan is ~10 records)

# the patient's words, each with the fact it assumes (desktop.demo.common: a child, 60 or more…)
WORDS: dict[str, dict[str, list[tuple[str, str | tuple[str, ...] | None]]]] = {
    "fr": {
        "life": [("Rester chez moi le plus longtemps possible", None),
                 ("Continuer à jardiner", None), ("Retrouver mes amis du club le jeudi", None),
                 ("Ne pas être un poids pour mes enfants", CHILD)],
        "matters": [("Voir mes petits-enfants", (CHILD, OLD)), ("Mon chat", None),
                    ("Aller à la messe le dimanche", None), ("Garder mon indépendance", None)],
        "expect": [("Qu'on m'aide pour la toilette", None),
                   ("[Être moins seule|Être moins seul]", None),
                   ("Que ma fille puisse se reposer", DAUGHTER),
                   ("Qu'on m'explique mes papiers", None)],
        "avoid": [("Aller en maison de repos", OLD), ("Retourner à l'hôpital", None),
                  ("Tomber à nouveau", None)],
    },
    "nl": {
        "life": [("Zo lang mogelijk thuis blijven", None), ("Blijven tuinieren", None),
                 ("Mijn vrienden van de club terugzien", None),
                 ("Mijn kinderen niet tot last zijn", CHILD)],
        "matters": [("Mijn kleinkinderen zien", (CHILD, OLD)), ("Mijn kat", None),
                    ("Op zondag naar de kerk", None), ("Zelfstandig blijven", None)],
        "expect": [("Hulp bij het wassen", None), ("Minder alleen zijn", None),
                   ("Dat mijn dochter kan rusten", DAUGHTER),
                   ("Uitleg over mijn papieren", None)],
        "avoid": [("Naar een rusthuis gaan", OLD), ("Terug naar het ziekenhuis", None),
                  ("Opnieuw vallen", None)],
    },
}
# the carer-strain goal names who carries the load: the carer on the map, else the family
CARER_GOALS = {SPOUSE: ("Que [mon mari|ma femme] puisse souffler",
                        "Dat [mijn man|mijn vrouw] op adem kan komen"),
               DAUGHTER: ("Que ma fille puisse souffler", "Dat mijn dochter op adem kan komen"),
               SON: ("Que mon fils puisse souffler", "Dat mijn zoon op adem kan komen"),
               None: ("Que mes proches puissent souffler", "Dat mijn naasten op adem kunnen komen")}
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
    "carer_strain": (CARER_GOALS[None], [
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
        ("social_worker", "Vérifier les droits aux allocations",
         "Rechten op tegemoetkomingen nagaan", "")]),
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
    rels = care_plans.ecosystem_choices(ctx, p.id)
    facts = with_age(facts_of_people(rels), p.age(today))

    def words(part: str) -> str:
        return said(rng.choice([w for w, needs in WORDS[lang][part] if fits(needs, facts)]),
                    p.female)

    carer = next((tie(c.role) for c in rels if c.kind == "informal_carer" and tie(c.role)),
                 next((t for t in (SPOUSE, DAUGHTER, SON) if t in facts), None))
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
        ctx, p.id, life_project=words("life"), what_matters=words("matters"),
        expectations=words("expect"), to_avoid=words("avoid"), review_date=review)
    for domain in needs:
        (goal_fr, goal_nl), actions = GOALS[domain]
        if domain == "carer_strain":
            goal_fr, goal_nl = (said(w, p.female) for w in CARER_GOALS[carer])
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
