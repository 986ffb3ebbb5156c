"""Consent purposes and the current state derived from the append-only event log.

Care itself rests on GDPR art. 9(2)(h), not on consent; these purposes are what goes beyond it.
Fail-closed: no event (or a refusal or withdrawal as the latest event) means "not allowed".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PURPOSE_NOTICE = "information_notice"  # the patient received the information notice (a fact)
PURPOSE_TEAM_SHARING = "team_sharing"  # the record may be shared with the team via the server
PURPOSE_PROVIDER_SHARING = "provider_sharing"  # documents to a named provider (per contact)
PURPOSE_CARER_ON_HANDOUT = "carer_on_handout"  # a carer's phone/address on the handout (per carer)
PURPOSE_STATISTICS = "statistics"  # use in anonymised statistics

PURPOSES = (PURPOSE_NOTICE, PURPOSE_TEAM_SHARING, PURPOSE_PROVIDER_SHARING,
            PURPOSE_CARER_ON_HANDOUT, PURPOSE_STATISTICS)
PER_CONTACT_PURPOSES = frozenset({PURPOSE_PROVIDER_SHARING, PURPOSE_CARER_ON_HANDOUT})
DECISIONS = ("granted", "refused", "withdrawn")
METHODS = ("oral", "written", "eid")
# An override is logged beside the decisions (same append-only log, with its typed reason) but is
# never a decision: it authorises one action and leaves the derived state unchanged.
OVERRIDE = "override"
METHOD_OVERRIDE = "override"

# Enforcement points and whether the law lets a case manager override a missing consent.
# Team sharing and statistics rest on consent alone; a document to a provider or a carer's
# details on the handout may be justified otherwise (vital interest, art. 9(2)(c); the carer's
# agreement given outside the app), with a typed reason.
OVERRIDABLE_POINTS = frozenset({PURPOSE_PROVIDER_SHARING, PURPOSE_CARER_ON_HANDOUT})
ENFORCEMENT_POINTS = (PURPOSE_TEAM_SHARING, PURPOSE_PROVIDER_SHARING, PURPOSE_CARER_ON_HANDOUT,
                      PURPOSE_STATISTICS)


@dataclass(frozen=True)
class ConsentFact:
    """One event of the log, as the policy needs it."""

    purpose: str
    decision: str
    decided_on: dt.date
    recorded_at: dt.datetime
    contact_id: str | None = None


def current_decision(events: Iterable[ConsentFact], purpose: str,
                     contact_id: str | None = None) -> str | None:
    """Latest decision for a purpose (and contact, for per-contact purposes); None if never asked.
    Ordered by decision date, then by the time it was recorded."""
    relevant = [e for e in events if e.purpose == purpose and e.decision in DECISIONS
                and (purpose not in PER_CONTACT_PURPOSES or e.contact_id == contact_id)]
    if not relevant:
        return None
    # ties (same date and time) go to the event listed last: the log's order
    _, latest = max(enumerate(relevant), key=lambda ie: (ie[1].decided_on, ie[1].recorded_at,
                                                         ie[0]))
    return latest.decision


def is_granted(events: Iterable[ConsentFact], purpose: str, contact_id: str | None = None) -> bool:
    return current_decision(events, purpose, contact_id) == "granted"


def check_new_decision(events: Iterable[ConsentFact], purpose: str, decision: str,
                       decided_on: dt.date, today: dt.date, contact_id: str | None = None) -> None:
    """Refuse a decision that cannot be recorded; raises ValidationError (nothing is written)."""
    from desktop.domain.errors import ValidationError

    if purpose not in PURPOSES:
        raise ValidationError("consent.purpose_unknown", "purpose", value=purpose)
    if decision not in DECISIONS:
        raise ValidationError("consent.decision_unknown", "decision", value=decision)
    if purpose in PER_CONTACT_PURPOSES and not contact_id:
        raise ValidationError("consent.contact_required", "contact_id")
    if purpose not in PER_CONTACT_PURPOSES and contact_id:
        raise ValidationError("consent.contact_not_applicable", "contact_id")
    if purpose == PURPOSE_NOTICE and decision != "granted":
        raise ValidationError("consent.notice_given_only", "decision")
    if decided_on > today:
        raise ValidationError("consent.date_future", "decided_on")
    if decision == "withdrawn":
        facts = list(events)
        if current_decision(facts, purpose, contact_id) != "granted":
            raise ValidationError("consent.withdraw_without_grant", "decision")
        grant = max((e for e in facts if e.purpose == purpose and e.decision == "granted"
                     and (purpose not in PER_CONTACT_PURPOSES or e.contact_id == contact_id)),
                    key=lambda e: (e.decided_on, e.recorded_at))
        if decided_on < grant.decided_on:
            # an earlier date would sort before the grant and leave it in force
            raise ValidationError("consent.withdraw_before_grant", "decided_on",
                                  date=grant.decided_on.isoformat())


def review_due(review_date: dt.date | None, today: dt.date) -> bool:
    return review_date is not None and review_date <= today
