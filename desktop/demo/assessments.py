"""Demo step: completed assessments for patients with an open case — triage with the case
manager's decision, Katz over several dates (for trends), Edmonton, Lawton, the complexity grid
and the needs checklist — recorded and decided through the assessment services, in small
batches."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from desktop.demo.common import CHILD, SPOUSE, WIDOWED, Person, family_of, fits, people
from desktop.domain.instruments import Definition
from desktop.services import assessments, cases, triage
from desktop.services.context import AppContext
from desktop.services.instruments import shipped

PATIENTS_PER_BATCH = 8
# (French, Dutch): the note is written in the patient's language
NEED_NOTES = {
    "health": [("Douleurs de dos mal soulagées", "Rugpijn slecht onder controle"),
               ("Diabète déséquilibré", "Diabetes ontregeld"),
               ("Douleurs à la marche", "Pijn bij het stappen")],
    "daily_functioning": [("Ne peut plus se laver [seule|seul]", "Kan zich niet meer alleen wassen"),
                          ("Courses impossibles depuis la chute",
                           "Geen boodschappen meer sinds de val")],
    "cognition_mood": [("Oublis fréquents, moral en baisse", "Vergeet vaak, somber"),
                       ("Triste depuis le décès de [son mari|son épouse]",
                        "Somber sinds het overlijden van [haar man|zijn vrouw]")],
    "carer_strain": [("L'aidant proche est épuisé", "De mantelzorger is uitgeput"),
                     ("[Époux surchargé|Épouse surchargée]", "[Echtgenoot|Echtgenote] overbelast")],
    "social_network": [("Ne voit plus personne en semaine", "Ziet niemand meer tijdens de week"),
                       ("Enfants éloignés", "Kinderen wonen ver weg")],
    "housing_safety": [("Escalier dangereux, salle de bain à l'étage",
                        "Gevaarlijke trap, badkamer boven"),
                       ("Logement mal chauffé", "Woning slecht verwarmd")],
    "money_rights": [("Allocation non demandée", "Tegemoetkoming niet aangevraagd"),
                     ("Factures en retard", "Achterstallige facturen")],
    "administration": [("Courrier non ouvert depuis des mois", "Post al maanden niet geopend"),
                       ("Papiers de mutuelle pas en ordre", "Papieren ziekenfonds niet in orde")],
}
# needs' notes that say something of the family (desktop.demo.common.family_facts)
NOTE_FACTS = {"Triste depuis le décès de [son mari|son épouse]": WIDOWED,
              "[Époux surchargé|Épouse surchargée]": SPOUSE, "Enfants éloignés": CHILD}
REASONS = [("Famille très présente, coordination suffisante",
            "Zeer betrokken familie, coördinatie volstaat"),
           ("Situation plus lourde que les signaux", "Situatie zwaarder dan de signalen"),
           ("L'aidant proche n'en peut plus", "Mantelzorger houdt het niet meer vol")]


def _clamp(v: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, round(v)))


def _katz(rng: random.Random, s: float, elderly: bool = True) -> dict[str, Any]:
    phys = {i: _clamp(1 + 3 * s + rng.gauss(0, 0.6), 1, 4)
            for i in ("washing", "dressing", "transfer", "toileting", "continence", "eating")}
    confused = rng.random() < s * 0.7
    orient = {i: _clamp((3.3 if confused else 1.2) + rng.gauss(0, 0.5), 1, 4)
              for i in ("orientation_time", "orientation_space")}
    # a diagnosed dementia in a patient under 60 is rare: the demo gives none
    return {**phys, **orient, "dementia_diagnosis": confused and rng.random() < 0.4 and elderly}


def _efs(rng: random.Random, s: float) -> dict[str, Any]:
    def lvl() -> int:
        return _clamp(2 * s + rng.gauss(0, 0.6), 0, 2)
    return {
        "clock": lvl(), "admissions": lvl(),
        "health_rating": ["good", "fair", "poor"][lvl()] if rng.random() < 0.8 else "very_good",
        "iadl_help": _clamp(8 * s + rng.gauss(0, 1.2), 0, 8),
        "can_count_on": ["always", "sometimes", "never"][lvl()],
        "meds_5plus": rng.random() < 0.3 + 0.6 * s, "forgets_meds": rng.random() < s,
        "weight_loss": rng.random() < s * 0.5, "often_sad": rng.random() < s * 0.6,
        "incontinence": rng.random() < s * 0.6,
        "timed_up_and_go": ["up_to_10s", "s11_20", "over_20s"][lvl()],
    }


def _lawton(rng: random.Random, d: Definition, s: float) -> dict[str, Any]:
    return {it.id: _clamp(1 + (len(it.options) - 1) * s + rng.gauss(0, 0.7), 1, len(it.options))
            for it in d.items}


def _grid(rng: random.Random, d: Definition, s: float) -> dict[str, Any]:
    return {it.id: _clamp(3 * s + rng.gauss(0, 0.8), 0, 3) for it in d.items}


def _needs(rng: random.Random, d: Definition, s: float, p: Person,
           facts: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for sec in d.sections:
        r = rng.random()
        status = ("unmet" if r < 0.35 * s + 0.05 else "partly_met" if r < 0.6 * s + 0.15
                  else "met" if r < 0.8 else "no_need")
        out[f"{sec.id}_status"] = status
        if status in ("unmet", "partly_met"):
            notes = [n for n in NEED_NOTES[sec.id] if fits(NOTE_FACTS.get(n[0]), facts)]
            out[f"{sec.id}_description"] = p.words(rng.choice(notes))
    return out


def _triage(rng: random.Random, p: Person, s: float, today: dt.date) -> dict[str, Any]:
    v = p.view
    old = v.birth_date is not None and (today - v.birth_date).days > 75 * 365.25
    return {
        "chronic_status": bool(v.chronic_status), "maf": bool(v.maf), "bim": bool(v.bim),
        "meds_5plus": rng.random() < 0.4 + 0.5 * s, "conditions_2plus": rng.random() < 0.5 + s / 2,
        "age_over_75": old, "admissions_3plus": rng.random() < s * 0.4,
        "risk_depression": rng.random() < s * 0.6, "risk_medication": rng.random() < s * 0.6,
        "risk_undernutrition": rng.random() < s * 0.4, "risk_falls": rng.random() < 0.2 + s * 0.6,
    }


def _plan(rng: random.Random, p: Person, today: dt.date,
          facts: set[str]) -> list[tuple[str, dict[str, Any], dt.date]]:
    """(instrument, answers, date) for one patient, deterministic for the rng state."""
    cat = shipped()
    s = rng.betavariate(2.2, 2.0)
    start = today - dt.timedelta(days=rng.randint(120, 400))
    out = [("triage", _triage(rng, p, s, today), start),
           ("needs_checklist", _needs(rng, cat["needs_checklist"], s, p, facts), start),
           ("complexity_grid", _grid(rng, cat["complexity_grid"], s), start)]
    visits = rng.choice((1, 2, 3, 3))
    for k in range(visits):
        day = start + dt.timedelta(days=k * rng.randint(60, 110))
        if day > today:
            break
        out.append(("katz_be", _katz(rng, min(1.0, s + 0.08 * k), p.age(today) >= 60), day))
    if rng.random() < 0.7 and p.age(today) >= 65:  # a frailty scale for older people
        out.append(("edmonton_frail", _efs(rng, s), start))
    if rng.random() < 0.5:
        out.append(("lawton_iadl", _lawton(rng, cat["lawton_iadl"], s), start))
    return out


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    today = ctx.today()
    cat = shipped()
    open_cases = {pid: cid for pid in patient_ids if (cid := cases.open_case_of(ctx, pid))}
    chosen = [pid for pid in patient_ids if pid in open_cases]
    who = people(ctx, chosen)
    tiers = [c.code for c in cat["triage"].derived_rule("tier").categories]
    for start in range(0, len(chosen), PATIENTS_PER_BATCH):
        batch = chosen[start:start + PATIENTS_PER_BATCH]

        def run(batch: list[str] = batch) -> None:
            for pid in batch:
                p = who[pid]
                for iid, raw, day in _plan(rng, p, today, family_of(ctx, pid)):
                    r = assessments.record_completed(ctx, pid, iid, raw, assessed_on=day,
                                                     case_id=open_cases[pid])
                    if iid == "triage":
                        suggested = triage.suggestion(ctx, pid).level
                        tier = suggested if rng.random() < 0.8 else rng.choice(tiers)
                        reason = p.words(rng.choice(REASONS)) if tier != suggested else None
                        assessments.decide_tier(ctx, r.id, tier, reason)

        ctx.write_many(run)
        report(start + len(batch), len(chosen))
