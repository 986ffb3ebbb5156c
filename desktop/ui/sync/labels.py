"""Display texts for sync: record types, field names and values (the UI language)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.i18n import field_label
from desktop.ui.i18n import current_language, message


def not_connected_text() -> str:
    """What the Conflicts and Needs attention pages say on a laptop without a server (not
    "the server accepted every change")."""
    return QCoreApplication.translate(
        "SyncLabels", "This computer is not connected to a server: nothing is sent or received. "
        "Connect it in the Settings, or with \u201cConnect to a server…\u201d at the bottom "
        "right.")


def table_label(table: str) -> str:
    names = {
        "patient": QCoreApplication.translate("SyncLabels", "Patient"),
        "case_record": QCoreApplication.translate("SyncLabels", "Case"),
        "visit": QCoreApplication.translate("SyncLabels", "Visit"),
        "note": QCoreApplication.translate("SyncLabels", "Journal note"),
        "contact": QCoreApplication.translate("SyncLabels", "Contact"),
        "relationship": QCoreApplication.translate("SyncLabels", "Tie (ecomap)"),
        "care_plan": QCoreApplication.translate("SyncLabels", "Care plan"),
        "goal": QCoreApplication.translate("SyncLabels", "Goal"),
        "plan_action": QCoreApplication.translate("SyncLabels", "Action"),
        "assessment_response": QCoreApplication.translate("SyncLabels", "Assessment"),
        "consent_event": QCoreApplication.translate("SyncLabels", "Consent"),
        "concertation": QCoreApplication.translate("SyncLabels", "Concertation"),
        "gp_feedback": QCoreApplication.translate("SyncLabels", "GP feedback"),
        "hospital_stay": QCoreApplication.translate("SyncLabels", "Hospital stay"),
        "stability_event": QCoreApplication.translate("SyncLabels", "Stability event"),
        "paperwork": QCoreApplication.translate("SyncLabels", "Procedures"),
        "medication": QCoreApplication.translate("SyncLabels", "Medication"),
        "handover_note": QCoreApplication.translate("SyncLabels", "Handover note"),
        "carer_assessment": QCoreApplication.translate("SyncLabels", "Carer's assessment"),
        "attachment": QCoreApplication.translate("SyncLabels", "Attachment"),
        "audit_event": QCoreApplication.translate("SyncLabels", "Audit event"),
    }
    return names.get(table, table)


def field_name(field: str) -> str:
    if field == "_record":
        return QCoreApplication.translate("SyncLabels", "Record (deleted or kept)")
    label = field_label(field, current_language())
    return label if label != field else field.replace("_", " ")


def value_text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncLabels", "yes") if value else QCoreApplication.translate("SyncLabels", "no")
    if isinstance(value, dict) and "deleted" in value:
        return QCoreApplication.translate("SyncLabels", "deleted") if value["deleted"] else QCoreApplication.translate("SyncLabels", "kept")
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def reason_text(code: str) -> str:
    return message(code)
