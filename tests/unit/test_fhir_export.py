"""FHIR R4 export validated with fhir.resources (R4B line): Belgian NISS system, every Consent
with a policy rule, a withdrawn consent inactive, ecomap ties in our own extension."""

from __future__ import annotations

import json
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle

from desktop.domain import consent_policy as cp
from desktop.interop.fhir_export import ECOMAP_TIE_URL, SSIN_SYSTEM
from desktop.services import consents, gdpr
from desktop.services.context import AppContext
from tests.gdpr_data import TINY_PDF, Sizes, make_patient

NISS = "40050600255"  # 6 May 1940, female (even sequence): matches the dataset


def _by_type(bundle: dict, rtype: str) -> list[dict]:  # type: ignore[type-arg]
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def test_bundle_validates_and_follows_the_belgian_rules(ctx: AppContext, tmp_path: Path) -> None:
    d = make_patient(ctx, "Fhirpat", Sizes(carers=2, professionals=2), niss=NISS)
    consents.grant(ctx, d.patient_id, cp.PURPOSE_STATISTICS)
    consents.withdraw(ctx, d.patient_id, cp.PURPOSE_STATISTICS)
    consents.refuse(ctx, d.patient_id, cp.PURPOSE_CARER_ON_HANDOUT, contact_id=d.carer_ids[1])
    consents.grant(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING,
                   contact_id=d.professional_ids[0], method="written",
                   evidence=consents.evidence_from_bytes(TINY_PDF, "form.pdf"))
    consents.record_override(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING,
                             "urgence vitale, hospitalisation ce jour",
                             contact_id=d.professional_ids[1])
    out = gdpr.export_fhir(ctx, d.patient_id, tmp_path / "bundle.json")
    raw = json.loads(out.read_text())
    bundle = Bundle.model_validate(raw)  # R4 structure and types
    assert bundle.type == "collection"

    patient = _by_type(raw, "Patient")[0]
    assert patient["identifier"] == [{"use": "official", "system": SSIN_SYSTEM, "value": NISS}]
    assert patient["gender"] == "female"

    consents_ = _by_type(raw, "Consent")
    assert len(consents_) == 6  # dataset grant + 4 decisions + override
    assert all(c.get("policyRule") for c in consents_)
    by_decision: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for c in consents_:
        decision = next(x["valueCode"] for x in c["extension"] if x["url"].endswith(
            "consent-decision"))
        by_decision.setdefault(decision, []).append(c)
    stats = [c for c in consents_ if c["provision"]["purpose"][0]["code"] == "statistics"]
    assert {c["status"] for c in stats} == {"inactive"}  # the grant and its withdrawal
    assert [c["status"] for c in by_decision["refused"]] == ["rejected"]
    assert [c["status"] for c in by_decision["override"]] == ["inactive"]
    team = [c for c in by_decision["granted"]
            if c["provision"]["purpose"][0]["code"] == "team_sharing"]
    assert [c["status"] for c in team] == ["active"]
    provider = next(c for c in by_decision["granted"]
                if c["provision"]["purpose"][0]["code"] == "provider_sharing")
    assert provider["provision"]["actor"][0]["reference"]["reference"] == \
        f"Practitioner/{d.professional_ids[0]}"
    assert provider["sourceReference"]["reference"].startswith("DocumentReference/")

    # ecomap ties: our extension on the care team participants
    team_res = _by_type(raw, "CareTeam")[0]
    ties = {p["id"]: p for p in team_res["participant"]}
    assert len(ties) == 4
    tie = next(iter(ties.values()))["extension"][0]
    assert tie["url"] == ECOMAP_TIE_URL
    assert {x["url"] for x in tie["extension"]} >= {"strength", "quality", "energy-flow"}

    # home visits are Encounters of class HH
    visits = [e for e in _by_type(raw, "Encounter") if e["class"]["code"] == "HH"]
    assert visits and all(v["status"] == "finished" for v in visits)
    assert _by_type(raw, "RelatedPerson") and _by_type(raw, "PractitionerRole")
    assert _by_type(raw, "QuestionnaireResponse") and _by_type(raw, "Observation")
    assert _by_type(raw, "Goal") and _by_type(raw, "CarePlan")


def test_patient_without_niss_has_no_identifier_and_still_validates(ctx: AppContext) -> None:
    d = make_patient(ctx, "Nonissy", Sizes(cases=0, stays=0, assessments=0, carers=0,
                                          professionals=0, consents=0))
    raw = gdpr.fhir_bundle(ctx, d.patient_id)
    Bundle.model_validate(raw)
    assert "identifier" not in _by_type(raw, "Patient")[0]


def _plan_with_texts(ctx: AppContext, marker: str) -> str:
    from sqlalchemy import select

    from desktop.domain.care_plan import Agreement, encode_agreement
    from desktop.storage.models import CarePlan

    d = make_patient(ctx, marker)

    def fill(uow):  # type: ignore[no-untyped-def]
        plan = uow.session.execute(select(CarePlan).where(
            CarePlan.patient_id == d.patient_id)).scalar_one()
        uow.update(plan, {"what_matters": "voir mes petits-enfants",
                          "expectations": "rester chez moi", "to_avoid": "la maison de repos",
                          "agreed_with": encode_agreement(Agreement(("patient", "carers", "gp"),
                                                                    "Mme Dubois"))})

    ctx.write(fill)
    return d.patient_id


def test_care_plan_notes_follow_the_language_of_the_export(ctx: AppContext) -> None:
    pid = _plan_with_texts(ctx, "Planlang")
    fr = gdpr.fhir_bundle(ctx, pid, lang="fr")
    Bundle.model_validate(fr)
    notes = [n["text"] for n in _by_type(fr, "CarePlan")[0]["note"]]
    assert notes == [
        "Ce qui compte : voir mes petits-enfants",
        "Attentes : rester chez moi",
        "À éviter : la maison de repos",
        "Convenu avec : le patient, les aidants proches et le médecin traitant (Mme Dubois)",
    ]
    nl = [n["text"] for n in _by_type(gdpr.fhir_bundle(ctx, pid, lang="nl"),
                                      "CarePlan")[0]["note"]]
    assert nl[1] == "Verwachtingen: rester chez moi"
    assert nl[3].startswith("Afgesproken met: de patiënt, ")
    en = [n["text"] for n in _by_type(gdpr.fhir_bundle(ctx, pid, lang="en"),
                                      "CarePlan")[0]["note"]]
    assert en[0] == "What matters: voir mes petits-enfants"
    assert "the patient" in en[3] and "(Mme Dubois)" in en[3]
    # the codes of the plan stay codes; only the readable words change
    assert _by_type(fr, "CarePlan")[0]["status"] == _by_type(
        gdpr.fhir_bundle(ctx, pid, lang="en"), "CarePlan")[0]["status"]
    assert not any("carers" in n or "gp" in n.split() for n in notes)
