"""Translated labels for the ecosystem codes (kinds, sectors, tie strength, quality, flow)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("EcosystemLabels", text)


def kind(code: str) -> str:
    return {
        "informal_carer": _t("Informal carer"), "family": _t("Family"), "friend": _t("Friend"),
        "neighbour": _t("Neighbour"), "gp": _t("General practitioner"), "nurse": _t("Home nurse"),
        "pharmacist": _t("Pharmacist"), "physio": _t("Physiotherapist"),
        "specialist": _t("Specialist"), "hospital": _t("Hospital"), "home_help": _t("Home help"),
        "meals": _t("Meals on wheels"), "social_worker": _t("Social worker"), "cpas": _t("CPAS"),
        "mutualite": _t("Health insurance fund"),
        "patient_association": _t("Patient association"), "other": _t("Other"),
        "mental_health": _t("Mental-health service"),
        "hospital_social_worker": _t("Hospital social worker"),
        "coordination_centre": _t("Home-care coordination centre"),
        "case_manager": _t("Another case manager"),
        "mutualite_social_worker": _t("Health insurance fund social worker"),
    }.get(code, code)


def sector(code: str) -> str:
    return {
        "family": _t("Family and informal"), "health": _t("Health care"),
        "social": _t("Social services"), "community": _t("Community"), "other": _t("Other"),
    }.get(code, code)


def strength(code: str) -> str:
    return {"strong": _t("Strong"), "moderate": _t("Moderate"), "tenuous": _t("Tenuous")}.get(code, code)


def quality(code: str) -> str:
    return {"supportive": _t("Supportive"), "neutral": _t("Neutral"),
            "stressful": _t("Stressful")}.get(code, code)


def flow(code: str) -> str:
    return {"to_patient": _t("Towards the patient"), "from_patient": _t("From the patient"),
            "both": _t("Both ways"), "none": _t("None")}.get(code, code)


def flag(code: str) -> str:
    return {"is_gp": _t("GP"), "is_informal_carer": _t("Informal carer"),
            "is_reference_person": _t("Reference person")}.get(code, code)


def status(code: str) -> str:
    return {"added": _t("Added"), "removed": _t("Removed"), "changed": _t("Changed"),
            "same": _t("Unchanged")}.get(code, code)


def reason(code: str) -> str:
    return {"same_inami": _t("same INAMI number"), "same_phone": _t("same phone"),
            "close_name": _t("close names")}.get(code, code)
