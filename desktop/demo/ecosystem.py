"""Demo step: an ecosystem for every patient (5 to 25 contacts with the GP): family and
informal carers, home nurses, pharmacist, home help, meals, CPAS, mutualité, hospital… with
some tenuous and stressful ties, a few duplicates in the directory for the duplicate finder, and
an older dated snapshot for some patients so the comparison has something to show. Contacts,
ties and snapshots go through the contact and ecosystem services."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from desktop.demo import data as D
from desktop.demo.common import OLD_AGE, Person, people
from desktop.domain.contacts import ContactFields, make_inami
from desktop.domain.ecomap import TieFields
from desktop.services import contacts, ecosystem
from desktop.services.context import AppContext

BATCH = 25

# (kind, organisation-or-None, French role, Dutch role, strength weights, availability)
SERVICES_FR = [
    ("nurse", "Soins à domicile {town}", "soins infirmiers, toilette", "Tous les jours, 7 h – 12 h"),
    ("pharmacist", "Pharmacie du Centre", "médicaments, pilulier", "Du lundi au samedi, 8 h 30 – 18 h 30"),
    ("home_help", "Aide familiale CSD {town}", "aide ménagère, courses", "Mardi et vendredi matin"),
    ("meals", "Repas à domicile {town}", "repas chauds livrés", "Midi, sauf week-end"),
    ("cpas", "CPAS de {town}", "aide sociale, médiation de dettes", "Permanence le jeudi"),
    ("physio", "Cabinet de kinésithérapie {town}", "kiné à domicile", "Lundi, mercredi"),
    ("hospital", "CHU {town}", "suivi gériatrique", "Consultations sur rendez-vous"),
    ("social_worker", "Service social de la mutualité", "droits, aides financières", "Sur rendez-vous"),
    ("patient_association", "Ligue Alzheimer", "groupe de parole des aidants", "1er mardi du mois"),
    ("specialist", None, "cardiologue", "Consultations à l'hôpital"),
]
SERVICES_NL = [
    ("nurse", "Thuisverpleging {town}", "verpleging, wassen", "Elke dag, 7.00–12.00 uur"),
    ("pharmacist", "Apotheek De Linde", "medicatie, pillendoos", "Maandag tot zaterdag, 8.30–18.30 uur"),
    ("home_help", "Gezinszorg {town}", "poetshulp, boodschappen", "Dinsdag- en vrijdagvoormiddag"),
    ("meals", "Warme maaltijden OCMW {town}", "warme maaltijden", "Middag, niet in het weekend"),
    ("cpas", "OCMW {town}", "sociale hulp, schuldbemiddeling", "Zitdag op donderdag"),
    ("physio", "Kinepraktijk {town}", "kine aan huis", "Maandag, woensdag"),
    ("hospital", "AZ {town}", "geriatrische opvolging", "Consultaties op afspraak"),
    ("social_worker", "Dienst maatschappelijk werk ziekenfonds", "rechten, financiële hulp",
     "Op afspraak"),
    ("patient_association", "Alzheimer Liga", "praatgroep mantelzorgers", "Eerste dinsdag"),
    ("specialist", None, "cardioloog", "Raadpleging in het ziekenhuis"),
]
# services of the older patients: a younger one has no Ligue Alzheimer, and the hospital's
# follow-up is not geriatric
OLDER_ONLY = frozenset({"patient_association"})
YOUNGER_ROLES = {"suivi gériatrique": "suivi en consultation",
                 "geriatrische opvolging": "opvolging op consultatie"}
# (kind, role, carer role, female?)
FAMILY_FR = [("informal_carer", "épouse", "aidante principale", True),
             ("informal_carer", "fille", "aidante", True), ("family", "fils", None, False),
             ("family", "petite-fille", None, True), ("family", "frère", None, False),
             ("family", "belle-fille", None, True), ("friend", "ami", None, False),
             ("neighbour", "voisine", None, True)]
FAMILY_NL = [("informal_carer", "echtgenote", "hoofdmantelzorger", True),
             ("informal_carer", "dochter", "mantelzorger", True), ("family", "zoon", None, False),
             ("family", "kleindochter", None, True), ("family", "broer", None, False),
             ("family", "schoondochter", None, True), ("friend", "vriend", None, False),
             ("neighbour", "buurvrouw", None, True)]


# a younger patient's people: parents and siblings rather than grandchildren and in-laws (a
# 27-year-old had a "petite-fille" and a "belle-fille" on her map); same gender each way
UNDER_60 = {"petite-fille": "sœur", "kleindochter": "zus", "belle-fille": "mère",
            "schoondochter": "moeder"}
UNDER_40 = {**UNDER_60, "fille": "mère", "dochter": "moeder", "fils": "père", "zoon": "vader",
            "belle-fille": "cousine", "schoondochter": "nicht"}


def _role_for_age(role: str, age: int) -> str:
    return (UNDER_40 if age < 40 else UNDER_60 if age < OLD_AGE else {}).get(role, role)


def _fresh_given(rng: random.Random, dutch: bool, female: bool, taken: set[str]) -> str:
    """A given name no one else on this patient's map has (two "Noël Dupont" among the
    patient's people confuse the map, the handout and the plan's "who")."""
    names = (D.GIVEN_FEMALE_NL if female else D.GIVEN_MALE_NL) if dutch else (
        D.GIVEN_FEMALE_FR if female else D.GIVEN_MALE_FR)
    free = [n for n in names if n not in taken] or list(names)
    given = rng.choice(free)
    taken.add(given)
    return given


def _mobile(rng: random.Random) -> str:
    return D.mobile_phone(rng)


def _fixed(rng: random.Random, postal: str) -> str:
    return D.fixed_phone(rng, postal)


def _tie(rng: random.Random, *, private: bool) -> dict[str, str]:
    """Mostly supportive ties; some tenuous, some stressful (more often in the family)."""
    strength = rng.choices(["strong", "moderate", "tenuous"], [4, 4, 2])[0]
    quality = rng.choices(["supportive", "neutral", "stressful"],
                          [5, 3, 2 if private else 1])[0]
    flow = rng.choices(["to_patient", "both", "from_patient", "none"],
                       [6, 3 if private else 1, 1, 1])[0]
    return {"strength": strength, "quality": quality, "energy_flow": flow}


def _directory(ctx: AppContext, rng: random.Random, towns: list[tuple[str, str, bool]]
               ) -> dict[tuple[str, str], list[str]]:
    """Shared services per town (created once per town), keyed by (town, kind)."""
    out: dict[tuple[str, str], list[str]] = {}
    regional: dict[tuple[str, bool], list[str]] = {}  # one Ligue Alzheimer, not one per town
    serial = rng.randrange(10**5)
    for postal, town, dutch in towns:
        for kind, org, _role, avail in (SERVICES_NL if dutch else SERVICES_FR):
            if kind in ("social_worker", "patient_association") and (kind, dutch) in regional:
                out[(town, kind)] = regional[(kind, dutch)]
                continue
            ids = []
            for n in range(2 if kind in ("nurse", "pharmacist") else 1):
                serial += 1
                c = ContactFields(kind=kind, postal_code=postal, city=town, availability=avail,
                                  phones=[_fixed(rng, postal)])
                if org is None:  # a specialist: a person with an INAMI number
                    names = D.FAMILY_NAMES_NL if dutch else D.FAMILY_NAMES_FR
                    given = D.GIVEN_FEMALE_NL + D.GIVEN_MALE_NL if dutch else \
                        D.GIVEN_FEMALE_FR + D.GIVEN_MALE_FR
                    c.family_name, c.given_name = rng.choice(names), rng.choice(given)
                    c.inami_number = make_inami(serial, "580")
                elif kind == "nurse" and n == 1:  # an independent nurse, not the service
                    names = D.FAMILY_NAMES_NL if dutch else D.FAMILY_NAMES_FR
                    given = D.GIVEN_FEMALE_NL if dutch else D.GIVEN_FEMALE_FR
                    c.family_name, c.given_name = rng.choice(names), rng.choice(given)
                    c.inami_number = make_inami(serial, "403")
                    c.phones = [_mobile(rng)]
                else:
                    name = org.format(town=town)
                    if kind == "pharmacist" and n == 1:
                        name = ("Apotheek " if dutch else "Pharmacie ") + rng.choice(
                            D.FAMILY_NAMES_NL if dutch else D.FAMILY_NAMES_FR)
                    c.organisation, c.is_organisation = name, True
                ids.append(contacts.add_contact(ctx, c))
            out[(town, kind)] = ids
            if kind in ("social_worker", "patient_association"):
                regional[(kind, dutch)] = ids
    return out


def _add_duplicates(ctx: AppContext, directory: dict[tuple[str, str], list[str]]) -> int:
    """Retyped entries as happen in real life: same phone, name spelled differently."""
    count = 0
    seen: set[str] = set()
    for key in sorted(directory)[:: max(1, len(directory) // 4)][:4]:
        if directory[key][0] in seen:
            continue
        seen.add(directory[key][0])
        original = contacts.get_contact(ctx, directory[key][0])
        name = (original.organisation or "").replace("Pharmacie", "Pharma.").replace("de ", "")
        contacts.add_contact(ctx, ContactFields(
            kind=original.kind, is_organisation=original.is_organisation,
            organisation=(name.upper() if name else None),
            family_name=original.family_name, given_name=original.given_name,
            phones=list(original.phones or []), city=original.city,
            postal_code=original.postal_code, inami_number=original.inami_number))
        count += 1
    return count


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    today = ctx.today()
    patients = people(ctx, patient_ids)
    towns = sorted({(p.postal_code, p.city, p.dutch) for p in patients.values()})

    def make_directory() -> dict[tuple[str, str], list[str]]:
        directory = _directory(ctx, rng, towns)
        _add_duplicates(ctx, directory)
        return directory

    directory = ctx.write_many(make_directory)
    for start in range(0, len(patient_ids), BATCH):
        batch = [pid for pid in patient_ids[start:start + BATCH] if pid in patients]

        def run(batch: list[str] = batch) -> None:
            for pid in batch:
                _patient_ecosystem(ctx, rng, patients[pid], directory, today)

        ctx.write_many(run)
        report(min(len(patient_ids), start + BATCH), len(patient_ids))


def _patient_ecosystem(ctx: AppContext, rng: random.Random, p: Person,
                       directory: dict[tuple[str, str], list[str]], today: dt.date) -> None:
    family, patient_given, town, dutch, she = p.family_name, p.given_name, p.city, p.dutch, p.female
    target = rng.randint(4, 24)  # plus the GP tie made with the patient
    services = SERVICES_NL if dutch else SERVICES_FR
    kin = FAMILY_NL if dutch else FAMILY_FR
    # (a new private person, or the id of a shared contact; the tie)
    ties: list[tuple[ContactFields | str, dict[str, object]]] = []
    age = p.age(today)
    # two people with the same name on one map confuse: not the patient's, not the GP's
    given_names = {patient_given, *(p.view.gp_name or "").split()[:1]}
    # family and informal carers (private persons of this patient)
    # some older patients are widowed: their first carer is a daughter, not a spouse
    first = 1 if age >= 70 and rng.random() < 0.4 else 0
    for i in range(min(len(kin) - first, max(1, target // 3))):
        kind, role, _carer_role, female = kin[i + first] if i < 2 else rng.choice(kin[2:])
        if i + first == 0 and she:  # a woman's spouse is her husband
            role, female = ("echtgenoot" if dutch else "époux"), False
        role = _role_for_age(role, age)
        given = _fresh_given(rng, dutch, female, given_names)
        fam = family if kind in ("informal_carer", "family") else rng.choice(
            D.FAMILY_NAMES_NL if dutch else D.FAMILY_NAMES_FR)
        c = ContactFields(kind=kind, family_name=fam, given_name=given, phones=[_mobile(rng)],
                          availability=rng.choice([None, "soirs et week-ends" if not dutch
                                                   else "'s avonds en in het weekend"]))
        # the role is the family tie in plain words ("fille", "dochter"): that one is the
        # carer shows as a flag on the map, not as jargon on the patient's handout
        tie: dict[str, object] = {**_tie(rng, private=True), "role": role,
                                  "is_informal_carer": kind == "informal_carer",
                                  "is_reference_person": i == 0}
        ties.append((c, tie))
    # services from the patient's town
    order = list(range(len(services)))
    rng.shuffle(order)
    for i in order:
        if len(ties) >= target:
            break
        kind, _org, role, _avail = services[i]
        if age < OLD_AGE and kind in OLDER_ONLY:
            continue
        role = YOUNGER_ROLES.get(role, role) if age < OLD_AGE else role
        options = directory.get((town, kind)) or []
        if not options:
            continue
        shared = rng.choice(options)
        if any(shared == x for x, _ in ties):
            continue
        ties.append((shared, {**_tie(rng, private=False), "role": role}))
    # more family members for large ecosystems
    while len(ties) < target:
        kind, role, _, female = rng.choice(kin[2:5])
        ties.append((ContactFields(kind=kind, family_name=family,
                                   given_name=_fresh_given(rng, dutch, female, given_names),
                                   phones=[_mobile(rng)]),
                     {**_tie(rng, private=True), "role": _role_for_age(role, age)}))
    since = [today - dt.timedelta(days=rng.randint(30, 3650)) for _ in ties]

    def add(k: int, quality: object = None) -> str:
        who, values = ties[k]
        tie = TieFields(**{**values, "since": since[k], **({"quality": quality} if quality else {})})  # type: ignore[arg-type]
        if isinstance(who, str):
            return ecosystem.link(ctx, p.id, who, tie)
        return ecosystem.add_contact_and_link(ctx, p.id, who, tie)[1]

    if rng.random() < 0.4 and len(ties) > 2:
        # a map saved three months ago: the first two ties were not there yet, the last one
        # has changed since
        last = len(ties) - 1
        was = "stressful" if ties[last][1]["quality"] != "stressful" else "supportive"
        tie_ids = [add(k, was if k == last else None) for k in range(2, len(ties))]
        ecosystem.save_snapshot(ctx, p.id, taken_on=today - dt.timedelta(days=91))
        ecosystem.edit_tie(ctx, tie_ids[-1], TieFields(quality=str(ties[last][1]["quality"])))
        for k in range(2):
            add(k)
    else:
        for k in range(len(ties)):
            add(k)
