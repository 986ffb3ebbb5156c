"""Demo step: what the case manager follows beside the plan — administrative procedures (an
allowance, the BIM status, a home adaptation… some with a deadline within two weeks, for Today),
the medication list checked with the pharmacist or the GP, and the informal carers' own
assessments (burden, respite, review date). Through the paperwork, medication and carer
services; the text in the patient's language."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from desktop.demo.common import Person, people
from desktop.domain.carer import REVIEW_MONTHS
from desktop.domain.paperwork import PAPERWORK_KINDS
from desktop.services import carer, ecosystem, medication, paperwork
from desktop.services.context import AppContext

BATCH = 25  # patients per transaction
PROCEDURE_SHARE = 0.45
MEDICATION_SHARE = 0.6
CARER_SHARE = 0.6  # of the patients with an informal carer

# kind → documents to gather (French, Dutch)
DOCUMENTS: dict[str, list[tuple[str, str]]] = {
    "bim": [("Composition de ménage", "Gezinssamenstelling"),
            ("Avertissement-extrait de rôle", "Aanslagbiljet")],
    "allowance": [("Formulaire du médecin", "Formulier van de arts"),
                  ("Preuve de revenus", "Inkomensbewijs")],
    "disability": [("Rapport médical", "Medisch verslag")],
    "legal_protection": [("Certificat médical circonstancié", "Omstandig medisch attest")],
    "housing": [("Attestation CPAS", "Attest OCMW")],
    "transport": [("Carte de stationnement", "Parkeerkaart")],
    "home_adaptation": [("Devis de l'entrepreneur", "Offerte van de aannemer"),
                        ("Avis de l'ergothérapeute", "Advies van de ergotherapeut")],
}
PROCEDURE_NOTES = [("Dossier déposé par l'aidant proche", "Dossier ingediend door de mantelzorger"),
                   ("En attente de la visite du médecin-conseil",
                    "Wacht op het bezoek van de adviserend arts"),
                   ("Relancer la commune la semaine prochaine",
                    "Volgende week de gemeente opnieuw contacteren")]
# who follows a procedure: words that hold for any patient (not "the daughter" of one without)
FOLLOWERS = [("Assistante sociale de la mutualité", "Maatschappelijk werker ziekenfonds"),
             ("L'aidant proche", "De mantelzorger"), (None, None)]
# (name, dose, schedule) in French and in Dutch: a handout names a medicine one way only
MEDICINES = [
    (("Bisoprolol", "5 mg", "1 le matin"), ("Bisoprolol", "5 mg", "1 's morgens")),
    (("Furosémide", "40 mg", "1 le matin"), ("Furosemide", "40 mg", "1 's morgens")),
    (("Metformine", "850 mg", "matin et soir"), ("Metformine", "850 mg", "'s morgens en 's avonds")),
    (("Atorvastatine", "20 mg", "1 le soir"), ("Atorvastatine", "20 mg", "1 's avonds")),
    (("Pantoprazole", "40 mg", "1 avant le déjeuner"),
     ("Pantoprazol", "40 mg", "1 voor het ontbijt")),
    (("Paracétamol", "1 g", "si douleur, max. 3 par jour"),
     ("Paracetamol", "1 g", "bij pijn, max. 3 per dag")),
    (("Apixaban", "5 mg", "matin et soir"), ("Apixaban", "5 mg", "'s morgens en 's avonds")),
    (("Lormétazépam", "1 mg", "1 au coucher"), ("Lormetazepam", "1 mg", "1 voor het slapengaan")),
    (("Vitamine D3", "25 000 UI", "1 par mois"), ("Vitamine D3", "25 000 IE", "1 per maand")),
    (("Macrogol", "1 sachet", "le matin"), ("Macrogol", "1 zakje", "'s morgens")),
    (("Lévothyroxine", "50 µg", "à jeun"), ("Levothyroxine", "50 µg", "nuchter")),
]
CARER_HEALTH = [("Dos douloureux, dort mal", "Rugpijn, slaapt slecht"),
                ("En bonne santé", "Goede gezondheid"), (None, None)]
CARER_NEEDS = [("Souffler un après-midi par semaine", "Eén namiddag per week op adem komen"),
               ("Être [informée|informé] de la maladie", "Uitleg over de ziekte"), (None, None)]
CARER_WISHES = [("Continuer à aider sans s'épuiser", "Blijven helpen zonder uitgeput te raken"),
                (None, None)]


def _words(p: Person, pair: tuple[str | None, str | None]) -> str | None:
    return p.words((pair[0], pair[1])) if pair[0] and pair[1] else None


def _procedures(ctx: AppContext, rng: random.Random, p: Person, today: dt.date) -> None:
    for kind in rng.sample(PAPERWORK_KINDS, rng.choice((1, 1, 2))):
        status = rng.choices(["to_do", "in_progress", "submitted", "granted", "refused"],
                             [3, 4, 3, 3, 1])[0]
        open_ = status in ("to_do", "in_progress", "submitted")
        deadline = (today + dt.timedelta(days=rng.randint(-2, 40)) if open_ and rng.random() < 0.7
                    else None)
        docs = [p.words(d) for d in DOCUMENTS[kind] if rng.random() < 0.8]
        paperwork.add_paperwork(ctx, p.id, kind, status=status, deadline=deadline,
                                follower=_words(p, rng.choice(FOLLOWERS)), documents=docs,
                                note=_words(p, rng.choice(PROCEDURE_NOTES)) if open_ else None)


def _medicines(ctx: AppContext, rng: random.Random, p: Person, today: dt.date) -> None:
    source = rng.choice(["patient", "pharmacist", "gp_letter"])
    checked = today - dt.timedelta(days=rng.randint(3, 200))
    prescriber = p.view.gp_contact_id
    for french, dutch in rng.sample(MEDICINES, rng.randint(3, 8)):
        name, dose, when = dutch if p.dutch else french
        medication.add_medication(ctx, p.id, name, dose=dose, schedule=when,
                                  prescriber_id=prescriber if rng.random() < 0.8 else None,
                                  source=source, checked_on=checked)


def _has_pharmacy(ctx: AppContext, patient_id: str) -> bool:
    return any(t.kind == "pharmacist" for t in ecosystem.ecomap_data(ctx, patient_id).ties)


def _carers(ctx: AppContext, rng: random.Random, p: Person, today: dt.date) -> None:
    carers = [t for t in ecosystem.ecomap_data(ctx, p.id).ties if t.is_informal_carer]
    for tie in carers[:2]:
        if rng.random() >= CARER_SHARE:
            continue
        burden = rng.choices(["low", "moderate", "high", "severe"], [3, 4, 3, 1])[0]
        respite = rng.choice(["not_needed", "wanted", "in_place"])
        # one draw as before (the later steps draw the same); most reviews still ahead, a few
        # late (it was half of them: assessed up to 300 days back, reviewed after 1–12 months)
        span = REVIEW_MONTHS[burden] * 30 + 15
        on = today - dt.timedelta(days=5 + (rng.randint(5, 300) - 5) * span // 295)
        carer.assess_carer(ctx, p.id, tie.contact_id, burden=burden, respite=respite,
                           health=_words(p, rng.choice(CARER_HEALTH)),
                           needs=_words(p, rng.choice(CARER_NEEDS)),
                           wishes=_words(p, rng.choice(CARER_WISHES)), assessed_on=on)


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    today = ctx.today()
    who = people(ctx, patient_ids)
    for start in range(0, len(patient_ids), BATCH):
        batch = patient_ids[start:start + BATCH]

        def run(batch: list[str] = batch) -> None:
            for pid in batch:
                p = who[pid]
                if rng.random() < PROCEDURE_SHARE:
                    _procedures(ctx, rng, p, today)
                # a patient whose map shows a pharmacy (a pill organiser…) has a medication list
                if rng.random() < MEDICATION_SHARE or _has_pharmacy(ctx, pid):
                    _medicines(ctx, rng, p, today)
                _carers(ctx, rng, p, today)

        ctx.write_many(run)
        report(min(start + BATCH, len(patient_ids)), len(patient_ids))
