"""How concurrent edits of a field are settled. Shared by the device and the server.

- "conflict" (default): concurrent edits become a conflict shown to a person.
- "lww": low-risk fields settled by hybrid logical clock (last writer wins).
- "union": list fields merged as a set union.
Append-only tables never conflict: each record is written once.
"""

from __future__ import annotations

from typing import Literal

Policy = Literal["conflict", "lww", "union"]

APPEND_ONLY_TABLES: frozenset[str] = frozenset(
    {
        "note",
        "visit_addendum",
        "case_status_change",
        "consent_event",
        "audit_event",
        "ecomap_snapshot",
        "attachment",
    }
)

FIELD_POLICIES: dict[str, dict[str, Policy]] = {
    "relationship": {"pos_x": "lww", "pos_y": "lww"},
    "patient": {"languages": "union", "phones": "union"},
    "contact": {"phones": "union", "availability": "lww"},
    "visit": {"participants": "union"},
    # ticking a discharge checklist item: the day it was done, whoever ticked it last
    "hospital_stay": {"letter_received_on": "lww", "medication_reconciled_on": "lww",
                      "services_restarted_on": "lww", "gp_informed_on": "lww",
                      "aids_in_place_on": "lww", "follow_up_done_on": "lww"},
    # the documents asked for a procedure: added from two laptops, both kept
    "paperwork": {"documents": "union"},
    # each new case manager acknowledges the handover note on their own laptop: all kept
    "handover_note": {"acknowledged_by": "union"},
}


def policy_for(table: str, field: str) -> Policy:
    return FIELD_POLICIES.get(table, {}).get(field, "conflict")


def is_append_only(table: str) -> bool:
    return table in APPEND_ONLY_TABLES
