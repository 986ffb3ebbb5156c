"""Translated labels for consent codes (purposes, decisions, methods, badges, audit actions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# literal translate("ConsentLabels", "…") calls, so that the string extractor sees them
_Q = QCoreApplication


def purpose(code: str) -> str:
    return {
        "information_notice": _Q.translate("ConsentLabels", "Information notice given"),
        "team_sharing": _Q.translate("ConsentLabels", "Sharing with the team (server)"),
        "provider_sharing": _Q.translate("ConsentLabels", "Documents to a provider"),
        "carer_on_handout": _Q.translate("ConsentLabels", "Carer's details on the handout"),
        "statistics": _Q.translate("ConsentLabels", "Pseudonymised extract (statistics)"),
        "provider_objection": _Q.translate("ConsentLabels", "Objection to a provider"),
        "carer_agreement": _Q.translate("ConsentLabels", "Carer's own agreement (handout)"),
    }.get(code, code)


def decision(code: str | None) -> str:
    return {
        "granted": _Q.translate("ConsentLabels", "Granted"),
        "refused": _Q.translate("ConsentLabels", "Refused"),
        "withdrawn": _Q.translate("ConsentLabels", "Withdrawn"),
        "override": _Q.translate("ConsentLabels", "Override"),
        "objected": _Q.translate("ConsentLabels", "Objected"),
        "lifted": _Q.translate("ConsentLabels", "Objection lifted"),
        None: _Q.translate("ConsentLabels", "Not asked"),
    }.get(code, code or "")


def method(code: str) -> str:
    return {
        "oral": _Q.translate("ConsentLabels", "Oral"),
        "written": _Q.translate("ConsentLabels", "Written"),
        "eid": _Q.translate("ConsentLabels", "eID"),
        "override": _Q.translate("ConsentLabels", "Override"),
    }.get(code, code)


def provider(code: str) -> str:
    """Whether documents may go to a provider, and why (consent_policy.PROVIDER_*)."""
    return {
        "gp_of_record": _Q.translate("ConsentLabels", "Documents allowed: the patient's GP"),
        "care_plan": _Q.translate("ConsentLabels",
                                  "Documents allowed: acts in the agreed care plan"),
        "consent": _Q.translate("ConsentLabels", "Documents allowed: the patient consented"),
        "objected": _Q.translate("ConsentLabels", "No documents: the patient objected"),
        "consent_missing": _Q.translate("ConsentLabels",
                                        "No documents without the patient's consent"),
    }.get(code, code)


def badge(code: str) -> str:
    return {
        "notice_missing": _Q.translate("ConsentLabels", "No information notice"),
        "statistics": _Q.translate("ConsentLabels", "Statistics"),
        "review_due": _Q.translate("ConsentLabels", "Consent review due"),
    }.get(code, code)


def action(code: str) -> str:
    return {
        "view": _Q.translate("ConsentLabels", "Viewed"),
        "print": _Q.translate("ConsentLabels", "Printed"),
        "export": _Q.translate("ConsentLabels", "Exported"),
        "create": _Q.translate("ConsentLabels", "Created"),
        "edit": _Q.translate("ConsentLabels", "Changed"),
        "delete": _Q.translate("ConsentLabels", "Deleted"),
        "restore": _Q.translate("ConsentLabels", "Restored"),
        "consent": _Q.translate("ConsentLabels", "Consent recorded"),
        "override": _Q.translate("ConsentLabels", "Consent overridden"),
        "restrict": _Q.translate("ConsentLabels", "Restricted"),
        "unrestrict": _Q.translate("ConsentLabels", "Restriction lifted"),
        "erase": _Q.translate("ConsentLabels", "Erased"),
    }.get(code, code)


BADGE_COLOURS = {"notice_missing": "#ef6c00", "statistics": "#455a64",
                 "review_due": "#c62828"}
