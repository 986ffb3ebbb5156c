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
PURPOSE_STATISTICS = "statistics"  # a pseudonymised extract (row per patient) for research
# the patient objects to documents going to one provider, even the GP of record or a provider of
# the care plan (per contact; "objected", then "lifted")
PURPOSE_PROVIDER_OBJECTION = "provider_objection"

PURPOSES = (PURPOSE_NOTICE, PURPOSE_TEAM_SHARING, PURPOSE_PROVIDER_SHARING,
            PURPOSE_CARER_ON_HANDOUT, PURPOSE_STATISTICS, PURPOSE_PROVIDER_OBJECTION)
PER_CONTACT_PURPOSES = frozenset({PURPOSE_PROVIDER_SHARING, PURPOSE_CARER_ON_HANDOUT,
                                  PURPOSE_PROVIDER_OBJECTION})
DECISIONS = ("granted", "refused", "withdrawn")
OBJECTION_DECISIONS = ("objected", "lifted")
# The carer's own agreement is recorded on the carer's contact now; a grant in the patient's log
# (recorded before) is still read until the carer's own decision is recorded: no new one is taken.
LEGACY_PURPOSES = frozenset({PURPOSE_CARER_ON_HANDOUT})
# how the consent history names a carer's own decision (not a purpose of the patient's log)
CARER_AGREEMENT = "carer_agreement"
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
    allowed = OBJECTION_DECISIONS if purpose == PURPOSE_PROVIDER_OBJECTION else DECISIONS
    relevant = [e for e in events if e.purpose == purpose and e.decision in allowed
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
    allowed = OBJECTION_DECISIONS if purpose == PURPOSE_PROVIDER_OBJECTION else DECISIONS
    if decision not in allowed:
        raise ValidationError("consent.decision_unknown", "decision", value=decision)
    if purpose in PER_CONTACT_PURPOSES and not contact_id:
        raise ValidationError("consent.contact_required", "contact_id")
    if purpose not in PER_CONTACT_PURPOSES and contact_id:
        raise ValidationError("consent.contact_not_applicable", "contact_id")
    if purpose in LEGACY_PURPOSES and decision == "granted":
        raise ValidationError("consent.carer_agreement_on_contact", "purpose")
    if purpose == PURPOSE_NOTICE and decision != "granted":
        raise ValidationError("consent.notice_given_only", "decision")
    if decided_on > today:
        raise ValidationError("consent.date_future", "decided_on")
    if decision == "lifted":
        facts = list(events)
        if not objection_stands(facts, contact_id or ""):
            raise ValidationError("consent.lift_without_objection", "decision")
        since = latest_provider_event(facts, contact_id or "")
        if since is not None and decided_on < since.decided_on:
            raise ValidationError("consent.lift_before_objection", "decided_on",
                                  date=since.decided_on.isoformat())
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


# --------------------------------------------------------------------------------------------
# Documents to a provider (issue 15): the GP of record and the providers acting in the care plan
# the patient agreed to receive documents by default (care, GDPR art. 9(2)(h)); the patient may
# object to one of them. Any other provider needs the patient's consent for that provider.
# --------------------------------------------------------------------------------------------
PROVIDER_GP_OF_RECORD = "gp_of_record"  # allowed: the patient's GP
PROVIDER_IN_CARE_PLAN = "care_plan"  # allowed: an action of the agreed plan names the provider
PROVIDER_CONSENT = "consent"  # allowed: the patient consented to this provider
PROVIDER_OBJECTED = "objected"  # refused: the patient objected to this provider
PROVIDER_CONSENT_MISSING = "consent_missing"  # refused: another provider, no consent
PROVIDER_ALLOWED = frozenset({PROVIDER_GP_OF_RECORD, PROVIDER_IN_CARE_PLAN, PROVIDER_CONSENT})
# what, in the provider's timeline, says "no" and what says "yes" again
_OBJECTING = frozenset({"objected", "refused", "withdrawn"})
_PROVIDER_TIMELINE = frozenset({PURPOSE_PROVIDER_OBJECTION, PURPOSE_PROVIDER_SHARING})


def latest_provider_event(events: Iterable[ConsentFact], contact_id: str) -> ConsentFact | None:
    relevant = [e for e in events if e.purpose in _PROVIDER_TIMELINE and e.contact_id == contact_id
                and e.decision in DECISIONS + OBJECTION_DECISIONS]
    if not relevant:
        return None
    return max(enumerate(relevant), key=lambda ie: (ie[1].decided_on, ie[1].recorded_at,
                                                    ie[0]))[1]


def objection_stands(events: Iterable[ConsentFact], contact_id: str) -> bool:
    """Has the patient said no to this provider? The latest of the objections, their lifting and
    the consent decisions for this provider: an objection, a refusal or a withdrawal of the
    consent is a no (a refusal recorded before objections existed keeps counting); a lifting or
    a grant is a yes again."""
    latest = latest_provider_event(events, contact_id)
    return latest is not None and latest.decision in _OBJECTING


def provider_document_decision(events: Iterable[ConsentFact], contact_id: str, *,
                               gp_of_record: bool, acts_in_plan: bool) -> str:
    """May a document of the patient go to this provider? One of the PROVIDER_* codes; the
    document is allowed when the code is in PROVIDER_ALLOWED."""
    facts = list(events)
    if objection_stands(facts, contact_id):
        return PROVIDER_OBJECTED
    if gp_of_record:
        return PROVIDER_GP_OF_RECORD
    if acts_in_plan:
        return PROVIDER_IN_CARE_PLAN
    if is_granted(facts, PURPOSE_PROVIDER_SHARING, contact_id):
        return PROVIDER_CONSENT
    return PROVIDER_CONSENT_MISSING


# --------------------------------------------------------------------------------------------
# A carer's phone and address on the handout: the carer's own agreement, on the carer's contact
# --------------------------------------------------------------------------------------------
CARER_DECISIONS = DECISIONS  # granted | refused | withdrawn, recorded on the contact


def carer_details_allowed(agreement: str | None, legacy_grant: bool) -> bool:
    """The carer's own decision governs once recorded; before it, a grant recorded in the
    patient's log (before the agreement moved to the contact) is still honoured."""
    if agreement is not None:
        return agreement == "granted"
    return legacy_grant


def check_carer_agreement(current: str | None, current_on: dt.date | None, decision: str,
                          method: str, decided_on: dt.date, today: dt.date) -> None:
    """Refuse a carer's decision that cannot be recorded (ValidationError, nothing written)."""
    from desktop.domain.errors import ValidationError

    if decision not in CARER_DECISIONS:
        raise ValidationError("consent.decision_unknown", "decision", value=decision)
    if method not in METHODS:
        raise ValidationError("consent.method_unknown", "method", value=method)
    if decided_on > today:
        raise ValidationError("consent.date_future", "decided_on")
    if decision == "withdrawn" and current != "granted":
        raise ValidationError("consent.withdraw_without_grant", "decision")
    if current_on is not None and decided_on < current_on:
        # the contact holds one decision: an older one must not replace a newer
        raise ValidationError("consent.decision_before_current", "decided_on",
                              date=current_on.isoformat())


# --------------------------------------------------------------------------------------------
# Statistics: counts with small cells suppressed need no consent; a row per patient does
# --------------------------------------------------------------------------------------------
MIN_CELL_WITHOUT_CONSENT = 5
STATS_ALL_PATIENTS = "all_patients"  # aggregate, every cell under 5 suppressed
STATS_CONSENTED_ONLY = "consented_only"  # smaller cells shown: only patients who consented


def statistics_scope(min_cell: int) -> str:
    """Whose records an aggregate may count: everyone when cells under 5 are suppressed (no
    one can be singled out), otherwise only the patients with the statistics consent."""
    return STATS_ALL_PATIENTS if min_cell >= MIN_CELL_WITHOUT_CONSENT else STATS_CONSENTED_ONLY


def suppress(count: int, min_cell: int) -> str:
    """A count as published: below `min_cell` (and above 0) it reads "<min_cell"."""
    return str(count) if count == 0 or count >= min_cell else f"<{min_cell}"


def review_due(review_date: dt.date | None, today: dt.date) -> bool:
    return review_date is not None and review_date <= today
