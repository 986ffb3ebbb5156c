"""FHIR R4 export validated with fhir.resources (R4B line): Belgian NISS system, every Consent
with a policy rule, a withdrawn consent inactive, ecomap ties in our own extension."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from desktop.domain import consent_policy as cp
from desktop.interop.fhir_export import ECOMAP_TIE_URL, SSIN_SYSTEM
from desktop.services import consents, gdpr
from desktop.services.context import AppContext
from tests.gdpr_data import TINY_PDF, Sizes, make_patient

NISS = "40050600255"  # 6 May 1940, female (even sequence): matches the dataset


def _by_type(bundle: dict, rtype: str) -> list[dict]:  # type: ignore[type-arg]
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]



def share_with_professionals(ctx: AppContext, d: Any) -> None:
    """The first professional with written consent and its evidence, the second by override."""
    consents.grant(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING,
                   contact_id=d.professional_ids[0], method="written",
                   evidence=consents.evidence_from_bytes(TINY_PDF, "form.pdf"))
    consents.record_override(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING,
                             "urgence vitale, hospitalisation ce jour",
                             contact_id=d.professional_ids[1])

def test_bundle_validates_and_follows_the_belgian_rules(ctx: AppContext, tmp_path: Path) -> None:
    d = make_patient(ctx, "Fhirpat", Sizes(carers=2, professionals=2), niss=NISS)
    consents.grant(ctx, d.patient_id, cp.PURPOSE_STATISTICS)
    consents.withdraw(ctx, d.patient_id, cp.PURPOSE_STATISTICS)
    consents.refuse(ctx, d.patient_id, cp.PURPOSE_CARER_ON_HANDOUT, contact_id=d.carer_ids[1])
    share_with_professionals(ctx, d)
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


# the English literals the export once wrote in its readable texts, whatever the language
ENGLISH_TEXTS = ("case management", "journal note", "visit addendum", "feedback to the GP",
                 "ecomap snapshot", "by Anne Lambert", "Plan v", "Care and support plan",
                 "processing without consent", "consent_evidence", "attachment", "home_visit",
                 "informal_carer")
READABLE = frozenset({"text", "title", "note"})  # where words for people go; `div` is unused


def _readable(obj: object) -> list[str]:
    """Every human-readable text of a FHIR JSON tree (`text`, `title`, the notes)."""
    found: list[str] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in READABLE and isinstance(value, str):
                found.append(value)
            else:
                found += _readable(value)
    elif isinstance(obj, list):
        for value in obj:
            found += _readable(value)
    return found


def _machine(obj: object) -> object:
    """The tree without its readable texts nor the time of the export: what machines read."""
    if isinstance(obj, dict):
        return {k: _machine(v) for k, v in obj.items()
                if not (k in READABLE and isinstance(v, str)) and k != "timestamp"}
    if isinstance(obj, list):
        return [_machine(v) for v in obj]
    return obj


def _worded_patient(ctx: AppContext) -> str:
    """A record with every kind of readable text: notes with an author, an addendum, a GP
    feedback, a concertation, an ecomap snapshot, signed consent evidence, an override, a goal
    with a domain."""
    from sqlalchemy import select

    from desktop.storage.models import Goal

    d = make_patient(ctx, "Wordy", Sizes(carers=1, professionals=2))
    share_with_professionals(ctx, d)

    def domain(uow):  # type: ignore[no-untyped-def]
        goal = uow.session.execute(select(Goal).where(Goal.patient_id == d.patient_id)).scalar_one()
        uow.update(goal, {"domain": "health"})

    ctx.write(domain)
    return d.patient_id


def _first(bundle: dict[str, Any], rtype: str,
           pred: Callable[[dict[str, Any]], bool] = lambda r: True) -> dict[str, Any]:
    return next(r for r in _by_type(bundle, rtype) if pred(r))


def test_readable_texts_follow_the_language_and_codes_do_not(ctx: AppContext) -> None:
    pid = _worded_patient(ctx)
    fr, nl, en = (gdpr.fhir_bundle(ctx, pid, lang=lang) for lang in ("fr", "nl", "en"))
    for bundle in (fr, nl, en):
        Bundle.model_validate(bundle)

    french = _readable(fr)
    leaked = [(word, text) for text in french for word in ENGLISH_TEXTS if word in text]
    assert not leaked, leaked
    assert not [text for text in french if "ecomap" in text]  # "écocarte", as the glossary says
    for word in ("gestion de cas", "note du journal", "rédigée par Anne Lambert",
                 "complément à une note de visite", "retour au médecin traitant",
                 "concertation multidisciplinaire", "écocarte datée", "écocarte du 2026-10-01",
                 "Plan d'aide et de soins, version 1", "visite à domicile", "Aidant proche",
                 "Santé", "preuve écrite du consentement",
                 "traitement sans consentement"):
        assert any(word in text for text in french), word

    def category(bundle: dict, word: str) -> str:  # type: ignore[type-arg]
        """The category text of the Communication whose English category is `word`."""
        index = [r["category"][0]["text"] for r in _by_type(en, "Communication")].index(word)
        return str(_by_type(bundle, "Communication")[index]["category"][0]["text"])

    assert _first(nl, "EpisodeOfCare")["type"][0]["text"] == "casemanagement"
    assert category(nl, "feedback to the GP") == "terugkoppeling naar de huisarts"
    assert category(nl, "journal note") == "logboeknotitie"
    assert _first(nl, "CarePlan", lambda r: "title" in r)["title"] == \
        "Zorg- en ondersteuningsplan, versie 1"
    assert not [t for t in _readable(nl) for w in ENGLISH_TEXTS if w in t]

    # every code, system, status, id and HL7 display is the same in the three languages
    assert _machine(fr) == _machine(nl) == _machine(en)
    visit = _first(fr, "Encounter", lambda r: r["class"]["code"] == "HH")
    assert visit["class"]["display"] == "home health"  # v3-ActCode's own display
    assert visit["type"][0]["coding"][0]["code"] == "home_visit"
    override = next(c for c in _by_type(fr, "Consent")
                    if c["policyRule"].get("coding", [{}])[0].get("code") == "override")
    assert override["policyRule"]["text"].startswith("traitement sans consentement")
    assert {c["category"][0]["coding"][0]["display"] for c in _by_type(fr, "Consent")} == \
        {"Patient Consent"}
    goal = _first(fr, "Goal")
    assert goal["category"][0]["coding"][0]["code"] == "health"
    assert goal["category"][0]["text"] == "Santé"
