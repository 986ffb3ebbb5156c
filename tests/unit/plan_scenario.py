"""A realistic patient for the care-plan and document tests: an ecosystem of carers and
professionals, a needs checklist with unmet needs, and helpers to build a plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.domain.consent_policy import PURPOSE_CARER_ON_HANDOUT, PURPOSE_PROVIDER_SHARING
from desktop.domain.dates import utcnow
from desktop.services import care_plans, patients
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import (
    AssessmentResponse,
    ConsentEvent,
    Contact,
    Patient,
    Relationship,
)

TODAY = dt.date(2026, 11, 23)


@dataclass
class Scenario:
    patient_id: str
    gp: str
    nurse: str
    daughter: str  # informal carer, consent to print her phone
    neighbour: str  # no consent: name only on the handout
    home_help: str
    contacts: dict[str, str] = field(default_factory=dict)  # key -> contact id
    phones: dict[str, str] = field(default_factory=dict)  # key -> national format


CONTACTS = {
    "gp": dict(kind="gp", family_name="Lemaire", given_name="Pierre", phones=["+3281223344"],
               street="Rue de Fer", house_number="12", postal_code="5000", city="Namur"),
    "nurse": dict(kind="nurse", family_name="Dubois", given_name="Françoise",
                  organisation="Soins à domicile Namur", phones=["+32475112233"]),
    "daughter": dict(kind="informal_carer", family_name="Peeters", given_name="Hélène",
                     phones=["+32486998877"], street="Chaussée de Louvain", house_number="3",
                     postal_code="5020", city="Vedrin"),
    "neighbour": dict(kind="neighbour", family_name="Rousseau", given_name="Gérard",
                      phones=["+32471556677"]),
    "home_help": dict(kind="home_help", is_organisation=True, organisation="Aide & Soins Jambes",
                      phones=["+3281304050"]),
}
ROLES = {"gp": "médecin traitant", "nurse": "infirmière", "daughter": "fille",
         "neighbour": "voisin", "home_help": "aide familiale"}
PHONES = {"gp": "081 22 33 44", "nurse": "0475 11 22 33", "daughter": "0486 99 88 77",
          "neighbour": "0471 55 66 77", "home_help": "081 30 40 50"}


def make_patient(ctx: AppContext, *, family: str = "Peeters", given: str = "Élise") -> str:
    return patients.add_patient(ctx, patients.PatientFields(
        family_name=family, given_name=given, birth_date=dt.date(1939, 4, 2), gender="female",
        phones=["081 73 45 67"], street="Rue des Églantines", house_number="14",
        postal_code="5100", city="Jambes"))


def make_scenario(ctx: AppContext, *, with_needs: bool = True) -> Scenario:
    pid = make_patient(ctx)

    def run(uow: UnitOfWork) -> dict[str, str]:
        ids = {}
        for key, spec in CONTACTS.items():
            owner = pid if key in ("daughter", "neighbour") else None
            c = uow.add(Contact, owner_patient_id=owner, **spec)
            uow.add(Relationship, patient_id=pid, contact_id=c.id, role=ROLES[key],
                    strength="strong" if key != "neighbour" else "tenuous",
                    quality="supportive", energy_flow="to_patient", is_gp=key == "gp",
                    is_informal_carer=key == "daughter")
            ids[key] = c.id
        p = uow.session.get(Patient, pid)
        uow.update(p, {"gp_contact_id": ids["gp"]})
        for purpose, cid in ((PURPOSE_CARER_ON_HANDOUT, ids["daughter"]),
                             (PURPOSE_PROVIDER_SHARING, ids["gp"])):
            uow.add(ConsentEvent, patient_id=pid, purpose=purpose, contact_id=cid,
                    decision="granted", decided_on=TODAY, method="oral", recorded_at=utcnow())
        if with_needs:
            uow.add(AssessmentResponse, patient_id=pid, instrument_id="needs_checklist",
                    instrument_version="1", status="completed", assessed_on=TODAY,
                    answers={"health_status": "met",
                             "daily_functioning_status": "unmet",
                             "daily_functioning_description": "Toilette difficile seule",
                             "housing_safety_status": "partly_met",
                             "housing_safety_description": "Chutes dans l'escalier",
                             "carer_strain_status": "unmet",
                             "carer_strain_description": "Sa fille est épuisée"},
                    scores={})
        return ids

    ids = ctx.write(run)
    return Scenario(pid, ids["gp"], ids["nurse"], ids["daughter"], ids["neighbour"],
                    ids["home_help"], ids, dict(PHONES))


def build_plan(ctx: AppContext, sc: Scenario, *, agree: bool = False) -> str:
    """A plan with three goals in the patient's words and actions for each kind of responsible."""
    plan_id = care_plans.start_plan(
        ctx, sc.patient_id, life_project="Rester chez moi, près de mon jardin",
        what_matters="Voir mes petits-enfants le dimanche",
        expectations="Qu'on m'aide pour la toilette", to_avoid="Aller en maison de repos",
        review_date=dt.date(2027, 2, 15))
    g1 = care_plans.add_goal(ctx, plan_id, "Me laver sans risque de tomber",
                             domain="daily_functioning", needs=["daily_functioning"],
                             target_date=dt.date(2027, 1, 31))
    g2 = care_plans.add_goal(ctx, plan_id, "Que ma fille puisse souffler", domain="carer_strain",
                             needs=["carer_strain"])
    g3 = care_plans.add_goal(ctx, plan_id, "Monter l'escalier en sécurité",
                             domain="housing_safety", needs=["housing_safety"])
    care_plans.add_action(ctx, g1, "Aide à la toilette", responsible_kind="contact",
                          contact_id=sc.nurse, schedule="lun, mer, ven 8h–9h",
                          start_date=dt.date(2026, 12, 1))
    care_plans.add_action(ctx, g2, "Courses et repassage", responsible_kind="contact",
                          contact_id=sc.home_help, schedule="mardi 14h-16h")
    care_plans.add_action(ctx, g2, "Visite et repas", responsible_kind="contact",
                          contact_id=sc.daughter, schedule="dimanche midi")
    care_plans.add_action(ctx, g2, "Passer dire bonjour", responsible_kind="contact",
                          contact_id=sc.neighbour, schedule="2 fois par semaine")
    care_plans.add_action(ctx, g3, "Demander une rampe à la mutualité",
                          responsible_kind="case_manager", schedule="")
    care_plans.add_action(ctx, g3, "Faire mes exercices d'équilibre",
                          responsible_kind="patient", schedule="tous les jours 10h")
    if agree:
        care_plans.agree_plan(ctx, plan_id, "Élise Peeters et sa fille Hélène")
    return plan_id
