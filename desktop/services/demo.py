"""`relais demo`: a synthetic caseload for trying the app. Deterministic for a given seed.

Feature modules add what they own (cases, assessments, ecomaps, plans, consents): each defines
`step(ctx, rng, patient_ids, report)`, listed in DEMO_STEPS and run in that order.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.contacts import make_inami
from desktop.domain.niss import make_niss
from desktop.services import (
    demo_assessments,
    demo_cases,
    demo_consent,
    demo_ecosystem,
    demo_followup,
    demo_plans,
)
from desktop.services import demo_data as D
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Contact, Patient, Relationship

BATCH = 50
Progress = Callable[[int, int], None]
DemoStep = Callable[[AppContext, random.Random, list[str], Progress], None]
DEMO_STEPS: list[DemoStep] = [
    # one line per feature, in dependency order
    demo_cases.step,
    demo_assessments.step,
    demo_ecosystem.step,
    demo_plans.step,  # last: plans use contacts and needs from the steps above
    demo_consent.step,  # consents name carers and GPs from the ecosystem step
    demo_followup.step,  # last: intake, crises, stays, goal reviews, experience
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


def generate(ctx: AppContext, count: int, *, seed: int = 1, progress: Progress | None = None,
             cancel: threading.Event | None = None) -> DemoResult:
    """Create `count` patients with their GPs, then run the feature steps. Cancel between batches."""
    rng = random.Random(seed)
    report = progress or (lambda done, total: None)
    today = ctx.today()
    gp_specs = make_gps(rng, max(3, count // 25))

    def add_gps(uow: UnitOfWork) -> list[str]:
        return [uow.add(Contact, **spec).id for spec in gp_specs]

    gp_ids = ctx.write(add_gps)
    dutch_postals = {postal for postal, _town in D.TOWNS_NL}
    patient_ids: list[str] = []
    # a second run on the same vault must not reuse a NISS (unique): skip the ones already there
    used_niss: set[str] = set(ctx.read(lambda s: [n for n in s.execute(
        select(Patient.niss).where(Patient.niss.is_not(None))).scalars() if n]))
    for start in range(0, count, BATCH):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        specs = []
        for i in range(start, min(count, start + BATCH)):
            spec = make_patient(rng, today, i)
            if spec["niss"] in used_niss:
                spec["niss"] = None
            if spec["niss"]:
                used_niss.add(str(spec["niss"]))
            specs.append(spec)

        def add_batch(uow: UnitOfWork, specs: list[dict[str, object]] = specs) -> list[str]:
            ids = []
            for spec in specs:
                # a GP who speaks the patient's language
                same = [g for g, s in zip(gp_ids, gp_specs, strict=True)
                        if (s["postal_code"] in dutch_postals) == ("nl" in spec["languages"])]  # type: ignore[operator]
                gp = rng.choice(same or gp_ids)
                p = uow.add(Patient, gp_contact_id=gp, **spec)
                role = "huisarts" if "nl" in (spec.get("languages") or []) else "médecin traitant"  # type: ignore[operator]
                uow.add(Relationship, patient_id=p.id, contact_id=gp, role=role,
                        strength="strong", quality="supportive", energy_flow="to_patient", is_gp=True)
                ids.append(p.id)
            uow.audit("demo", count=len(ids))
            return ids

        patient_ids.extend(ctx.write(add_batch))
        report(len(patient_ids), count)
    for step in DEMO_STEPS:
        if cancel is not None and cancel.is_set():
            raise Cancelled
        step(ctx, rng, patient_ids, report)
    return DemoResult(patients=len(patient_ids), gps=len(gp_ids))
