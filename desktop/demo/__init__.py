"""`relais demo`: a synthetic caseload for trying the app. Deterministic for a given seed.

Every record is written through the services, the same functions the UI and the command line
call, with their validation: a row a service would refuse is never written. Each step groups its
calls in `ctx.write_many` transactions of a few patients, so the progress and the cancel work
between batches. Feature modules add what they own (cases, assessments, ecomaps, plans, consents,
procedures and medicines, follow-up): each defines `step(ctx, rng, patient_ids, report)`, listed in
DEMO_STEPS and run in that order.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop.demo import assessments, care, cases, consent, ecosystem, followup, plans
from desktop.demo import data as D
from desktop.domain.contacts import ContactFields, make_inami
from desktop.domain.ecomap import TieFields
from desktop.domain.errors import ValidationErrors
from desktop.domain.niss import make_niss
from desktop.domain.patient import PatientFields
from desktop.services import contacts, patients
from desktop.services import ecosystem as ecosystem_service
from desktop.services.context import AppContext

BATCH = 50
Progress = Callable[[int, int], None]
DemoStep = Callable[[AppContext, random.Random, list[str], Progress], None]
DEMO_STEPS: list[DemoStep] = [
    # one line per feature, in dependency order
    ecosystem.step,
    cases.step,  # visits name the patient's people from the ecosystem step
    assessments.step,
    plans.step,  # plans use contacts and needs from the steps above
    consent.step,  # consents name carers and GPs from the ecosystem step
    care.step,  # procedures, medicines, carer assessments (carers from the ecosystem step)
    followup.step,  # last: intake, crises, stays, goal reviews, experience
]


class Cancelled(Exception):
    pass


@dataclass
class DemoResult:
    patients: int
    gps: int


def _phone_mobile(rng: random.Random) -> str:
    return D.mobile_phone(rng)


def _phone_fixed(rng: random.Random, postal: str) -> str:
    return D.fixed_phone(rng, postal)


def make_gps(rng: random.Random, count: int) -> list[dict[str, object]]:
    gps = []
    for i in range(count):
        dutch = i % 3 == 2
        family = rng.choice(D.FAMILY_NAMES_NL if dutch else D.FAMILY_NAMES_FR)
        given = rng.choice((D.GIVEN_MALE_NL + D.GIVEN_FEMALE_NL) if dutch
                           else (D.GIVEN_MALE_FR + D.GIVEN_FEMALE_FR))
        postal, city = rng.choice(D.TOWNS_NL if dutch else D.TOWNS_FR)
        gps.append({
            "kind": "gp", "is_organisation": False, "family_name": family, "given_name": given,
            "phones": [_phone_fixed(rng, postal)], "postal_code": postal, "city": city,
            "street": rng.choice(D.STREETS_NL if dutch else D.STREETS_FR),
            "house_number": str(rng.randint(1, 120)),
            # a valid INAMI number (check digits), so the demo GPs can be edited and saved
            "inami_number": make_inami(100_000 + rng.randrange(10**5), rng.choice(["003", "004"])),
            "availability": rng.choice(["Raadpleging 8.00–12.00 uur", "Maandag tot vrijdag",
                                        "Op afspraak"] if dutch else
                                       ["Consultations 8 h – 12 h", "Du lundi au vendredi",
                                        "Sur rendez-vous"]),
        })
    return gps


def make_patient(rng: random.Random, today: dt.date, serial: int) -> dict[str, object]:
    dutch = rng.random() < 0.35
    female = rng.random() < 0.6
    if dutch:
        family = rng.choice(D.FAMILY_NAMES_NL)
        given = rng.choice(D.GIVEN_FEMALE_NL if female else D.GIVEN_MALE_NL)
        postal, city = rng.choice(D.TOWNS_NL)
        street = rng.choice(D.STREETS_NL)
        mut = rng.choice(D.MUTUALITES_NL)
    else:
        family = rng.choice(D.FAMILY_NAMES_FR)
        given = rng.choice(D.GIVEN_FEMALE_FR if female else D.GIVEN_MALE_FR)
        postal, city = rng.choice(D.TOWNS_FR)
        street = rng.choice(D.STREETS_FR)
        mut = rng.choice(D.MUTUALITES_FR)
    age_days = rng.randint(60 * 365, 98 * 365) if rng.random() < 0.85 else rng.randint(25 * 365, 60 * 365)
    birth = today - dt.timedelta(days=age_days)
    seq = 2 * (serial % 498) + (2 if female else 1)  # odd for men, even for women
    phones = [_phone_mobile(rng)] if rng.random() < 0.7 else []
    if rng.random() < 0.6:
        phones.append(_phone_fixed(rng, postal))
    return {
        "family_name": family, "given_name": given, "birth_date": birth,
        "gender": "female" if female else "male",
        "niss": make_niss(birth, seq) if rng.random() < 0.95 else None,
        "languages": ["nl" if dutch else "fr"], "street": street,
        "house_number": str(rng.randint(1, 180)), "postal_code": postal, "city": city,
        "phones": phones, "mutualite": mut, "bim": rng.random() < 0.4, "maf": rng.random() < 0.25,
        "chronic_status": rng.random() < 0.6,
    }


def _add_patient(ctx: AppContext, spec: dict[str, object], gp: str) -> str:
    fields = PatientFields(**spec, gp_contact_id=gp)  # type: ignore[arg-type]
    try:
        pid = patients.add_patient(ctx, fields)
    except ValidationErrors as exc:
        # a second run on the same vault must not reuse a NISS (unique): leave it out
        if not any(e.field == "niss" for e in exc.errors):
            raise
        fields.niss = None
        pid = patients.add_patient(ctx, fields)
    # the patient's form made the GP tie; the demo says how it is lived
    role = "huisarts" if "nl" in (spec.get("languages") or []) else "médecin traitant"  # type: ignore[operator]
    for tie in ecosystem_service.ecomap_data(ctx, pid).ties:
        if tie.is_gp:
            ecosystem_service.edit_tie(ctx, tie.id, TieFields(
                role=role, strength="strong", quality="supportive", energy_flow="to_patient"))
    return pid


def generate(ctx: AppContext, count: int, *, seed: int = 1, progress: Progress | None = None,
             cancel: threading.Event | None = None) -> DemoResult:
    """Create `count` patients with their GPs, then run the feature steps. Cancel between batches."""
    rng = random.Random(seed)
    report = progress or (lambda done, total: None)
    today = ctx.today()
    gp_specs = make_gps(rng, max(3, count // 25))
    gp_ids = ctx.write_many(lambda: [contacts.add_contact(ctx, ContactFields(**spec))  # type: ignore[arg-type]
                                     for spec in gp_specs])
    dutch_postals = {postal for postal, _town in D.TOWNS_NL}
    patient_ids: list[str] = []
    for start in range(0, count, BATCH):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        specs = [make_patient(rng, today, i) for i in range(start, min(count, start + BATCH))]

        def add_batch(specs: list[dict[str, object]] = specs) -> list[str]:
            ids = []
            for spec in specs:
                # a GP who speaks the patient's language
                same = [g for g, s in zip(gp_ids, gp_specs, strict=True)
                        if (s["postal_code"] in dutch_postals) == ("nl" in spec["languages"])]  # type: ignore[operator]
                ids.append(_add_patient(ctx, spec, rng.choice(same or gp_ids)))
            return ids

        patient_ids.extend(ctx.write_many(add_batch))
        report(len(patient_ids), count)
    for step in DEMO_STEPS:
        if cancel is not None and cancel.is_set():
            raise Cancelled
        step(ctx, rng, patient_ids, report)
    return DemoResult(patients=len(patient_ids), gps=len(gp_ids))
