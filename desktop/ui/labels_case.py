"""Translated labels for the case area's codes (statuses, kinds, reasons…)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTranslator

from desktop.i18n import LANGUAGES
from desktop.resources import resource_path

# literal translate("CaseLabels", "…") calls, so that the string extractor sees them
_Q = QCoreApplication


def case_status(code: str) -> str:
    return {
        "referred": _Q.translate("CaseLabels", "Referred"),
        "assessing": _Q.translate("CaseLabels", "Assessing"),
        "active": _Q.translate("CaseLabels", "Active"),
        "stabilised": _Q.translate("CaseLabels", "Stabilised"),
        "closed": _Q.translate("CaseLabels", "Closed"),
        "none": _Q.translate("CaseLabels", "No case"),
    }.get(code, code)

def requester(code: str | None) -> str:
    return {
        "patient": _Q.translate("CaseLabels", "The patient"),
        "relative": _Q.translate("CaseLabels", "A relative"),
        "gp": _Q.translate("CaseLabels", "The GP"),
        "home_care_coordinator": _Q.translate("CaseLabels", "Home-care coordination"),
        "hospital": _Q.translate("CaseLabels", "Hospital"),
        "cpas": _Q.translate("CaseLabels", "CPAS"),
        "patient_association": _Q.translate("CaseLabels", "Patient association"),
        "other": _Q.translate("CaseLabels", "Other"),
    }.get(code or "", code or "")

def closure_reason(code: str | None) -> str:
    return {
        "stabilised": _Q.translate("CaseLabels", "Situation stabilised"),
        "moved": _Q.translate("CaseLabels", "Moved away"),
        "residential_care": _Q.translate("CaseLabels", "Entered residential care"),
        "deceased": _Q.translate("CaseLabels", "Deceased"),
        "refused": _Q.translate("CaseLabels", "Refused by the patient"),
        "transfer": _Q.translate("CaseLabels", "Transferred to another organisation"),
        "other": _Q.translate("CaseLabels", "Other"),
    }.get(code or "", code or "")

def tier(code: str | None) -> str:
    """Levels of the Kaiser pyramid (the codes are older than the labels)."""
    return {
        "self_management": _Q.translate("CaseLabels", "1 · Self-management"),
        "care_coordination": _Q.translate("CaseLabels", "2 · Disease and care management"),
        "case_management": _Q.translate("CaseLabels", "3 · Case management"),
    }.get(code or "", code or "")

def intake_outcome(code: str | None) -> str:
    return {
        "accepted": _Q.translate("CaseLabels", "Accepted"),
        "redirected": _Q.translate("CaseLabels", "Redirected"),
        "waiting": _Q.translate("CaseLabels", "Waiting list"),
    }.get(code or "", code or "")

def visit_kind(code: str) -> str:
    return {
        "home_visit": _Q.translate("CaseLabels", "Home visit"),
        "phone": _Q.translate("CaseLabels", "Phone call"),
        "concertation": _Q.translate("CaseLabels", "Concertation"),
        "office": _Q.translate("CaseLabels", "At the office"),
        "other": _Q.translate("CaseLabels", "Other"),
    }.get(code, code)

def home_place() -> str:
    """The place a new visit is given (the visit form's default)."""
    return _Q.translate("CaseLabels", "Home")


@cache
def _home_words() -> frozenset[str]:
    """The visit form's default place in every language: a colleague who works in Dutch
    records "Thuis", which says no more than "Domicile" on a home visit."""
    words = {"home"}
    for lang in LANGUAGES:
        other = QTranslator()
        if other.load(str(resource_path("translations", f"relais_{lang}.qm"))):
            words.add((other.translate("CaseLabels", "Home") or "").casefold())
    return frozenset(w for w in words if w)


def place_adds(kind: str, place: str | None) -> bool:
    """Whether a visit's place says more than its kind: "Domicile" on a home visit does not."""
    if not place or kind != "home_visit":
        return bool(place)
    return str(place).strip().casefold() not in _home_words()


def visit_status(code: str) -> str:
    return {
        "planned": _Q.translate("CaseLabels", "Planned"),
        "done": _Q.translate("CaseLabels", "Done"),
        "cancelled": _Q.translate("CaseLabels", "Cancelled"),
    }.get(code, code)

def stay_kind(code: str) -> str:
    return {
        "admission": _Q.translate("CaseLabels", "Admission"),
        "emergency": _Q.translate("CaseLabels", "Emergency visit"),
    }.get(code, code)

def due(code: str) -> str:
    return {
        "relevance_review": _Q.translate("CaseLabels", "Relevance review"),
        "visit_not_recorded": _Q.translate("CaseLabels", "Visit not recorded"),
        "plan_review": _Q.translate("CaseLabels", "Plan review"),
        "gp_feedback": _Q.translate("CaseLabels", "GP feedback"),
        "no_recent_contact": _Q.translate("CaseLabels", "No recent contact"),
    }.get(code, code)

def badge(code: str) -> str:
    return {
        "bim": _Q.translate("CaseLabels", "BIM"),
        "maf": _Q.translate("CaseLabels", "MAF"),
        "chronic": _Q.translate("CaseLabels", "Chronic condition"),
        "restricted": _Q.translate("CaseLabels", "Restricted"),
        "same_niss": _Q.translate("CaseLabels", "Same NISS as another record"),
    }.get(code, code)

def timeline_kind(kind: str) -> str:
    return {
        "visit": _Q.translate("CaseLabels", "Visit"),
        "note": _Q.translate("CaseLabels", "Note"),
        "stay": _Q.translate("CaseLabels", "Hospital"),
        "status": _Q.translate("CaseLabels", "Case"),
    }.get(kind, kind)


def day_time(value: dt.datetime, fmt: str = "ddd dd/MM/yyyy HH:mm") -> str:
    """A date-time with the weekday in the UI language (strftime would give English names)."""
    q = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return QLocale().toString(q, fmt)
