"""Demo step: completed assessments for patients with an open case — triage with the case
manager's decision, Katz over several dates (for trends), Edmonton, Lawton, the complexity grid
and the needs checklist — written through the write path in small batches."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from desktop.domain.case_lifecycle import OPEN_STATUSES
from desktop.domain.instruments import Definition, resolve_options, score, validate_answers
from desktop.services.assessments import add_completed
from desktop.services.context import AppContext
from desktop.services.instruments import shipped
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Case, Patient

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
    "carer_strain": [("La fille est épuisée", "De dochter is uitgeput"),
                     ("Épouse surchargée", "Echtgenote overbelast")],
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
REASONS = [("Famille très présente, coordination suffisante",
            "Zeer betrokken familie, coördinatie volstaat"),
           ("Situation plus lourde que les signaux", "Situatie zwaarder dan de signalen"),
           ("L'aidant proche n'en peut plus", "Mantelzorger houdt het niet meer vol")]


def _in_language(p: Patient, fr_nl: tuple[str, str]) -> str:
    """The Dutch text for a Dutch-speaking patient, else the French."""
    from desktop.services.demo_cases import said

    return said(fr_nl[1] if "nl" in (p.languages or []) else fr_nl[0], p.gender != "male")


def _clamp(v: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, round(v)))


def _katz(rng: random.Random, s: float) -> dict[str, Any]:
    phys = {i: _clamp(1 + 3 * s + rng.gauss(0, 0.6), 1, 4)
            for i in ("washing", "dressing", "transfer", "toileting", "continence", "eating")}
    confused = rng.random() < s * 0.7
    orient = {i: _clamp((3.3 if confused else 1.2) + rng.gauss(0, 0.5), 1, 4)
              for i in ("orientation_time", "orientation_space")}
    return {**phys, **orient, "dementia_diagnosis": confused and rng.random() < 0.4}


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


def _needs(rng: random.Random, d: Definition, s: float, p: Patient) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for sec in d.sections:
        r = rng.random()
        status = ("unmet" if r < 0.35 * s + 0.05 else "partly_met" if r < 0.6 * s + 0.15
                  else "met" if r < 0.8 else "no_need")
        out[f"{sec.id}_status"] = status
        if status in ("unmet", "partly_met"):
            out[f"{sec.id}_description"] = _in_language(p, rng.choice(NEED_NOTES[sec.id]))
    return out


def _triage(rng: random.Random, p: Patient, s: float, today: dt.date) -> dict[str, Any]:
    old = p.birth_date is not None and (today - p.birth_date).days > 75 * 365.25
    return {
        "chronic_status": bool(p.chronic_status), "maf": bool(p.maf), "bim": bool(p.bim),
        "meds_5plus": rng.random() < 0.4 + 0.5 * s, "conditions_2plus": rng.random() < 0.5 + s / 2,
        "age_over_75": old, "admissions_3plus": rng.random() < s * 0.4,
        "risk_depression": rng.random() < s * 0.6, "risk_medication": rng.random() < s * 0.6,
        "risk_undernutrition": rng.random() < s * 0.4, "risk_falls": rng.random() < 0.2 + s * 0.6,
    }


def _plan(rng: random.Random, p: Patient, today: dt.date) -> list[tuple[str, dict[str, Any],
                                                                     dt.date]]:
    """(instrument, answers, date) for one patient, deterministic for the rng state."""
    cat = shipped()
    s = rng.betavariate(2.2, 2.0)
    start = today - dt.timedelta(days=rng.randint(120, 400))
    out = [("triage", _triage(rng, p, s, today), start),
           ("needs_checklist", _needs(rng, cat["needs_checklist"], s, p), start),
           ("complexity_grid", _grid(rng, cat["complexity_grid"], s), start)]
    visits = rng.choice((1, 2, 3, 3))
    for k in range(visits):
        day = start + dt.timedelta(days=k * rng.randint(60, 110))
        if day > today:
            break
        out.append(("katz_be", _katz(rng, min(1.0, s + 0.08 * k)), day))
    if rng.random() < 0.7:
        out.append(("edmonton_frail", _efs(rng, s), start))
    if rng.random() < 0.5:
        out.append(("lawton_iadl", _lawton(rng, cat["lawton_iadl"], s), start))
    return out


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    today = ctx.today()
    cat = shipped()
    open_cases: dict[str, str] = dict(ctx.read(lambda s: s.execute(
        select(Case.patient_id, Case.id).where(Case.patient_id.in_(patient_ids),
                                               Case.status.in_(OPEN_STATUSES),
                                               Case.deleted.is_(False))).all()))
    chosen = [pid for pid in patient_ids if pid in open_cases]
    tiers = [c.code for c in cat["triage"].derived_rule("tier").categories]
    for start in range(0, len(chosen), PATIENTS_PER_BATCH):
        batch = chosen[start:start + PATIENTS_PER_BATCH]

        def run(uow: UnitOfWork, batch: list[str] = batch) -> None:
            for pid in batch:
                p = uow.session.get(Patient, pid)
                if p is None:
                    continue
                for iid, raw, day in _plan(rng, p, today):
                    d = cat[iid]
                    kept = validate_answers(d, raw, complete=True)
                    opts = resolve_options(d)
                    r = add_completed(uow, pid, d, kept, opts, score(d, kept, opts), day,
                                      open_cases[pid])
                    if iid == "triage":
                        suggested = r.scores["derived"]["tier"]["code"]
                        tier = suggested if rng.random() < 0.8 else rng.choice(tiers)
                        overridden = tier != suggested
                        uow.update(r, {"decision": {
                            "suggested": suggested, "tier": tier, "overridden": overridden,
                            "reason": _in_language(p, rng.choice(REASONS))
                            if overridden else None,
                            "decided_on": day.isoformat(), "decided_by": ctx.user_name}})
                        uow.audit("decide_tier", table="assessment_response", record_id=r.id,
                                  patient_id=pid, tier=tier, suggested=suggested,
                                  overridden=overridden)
                        case = uow.session.get(Case, open_cases[pid])
                        if case is not None:
                            uow.update(case, {"complexity_tier": tier,
                                              "tier_suggested": suggested})

        ctx.write(run)
        report(start + len(batch), len(chosen))
