"""The local store's tables (docs/ARCHITECTURE.md §4). Synced tables share `SyncColumns`.

Every patient-owned row carries `patient_id` (denormalised) so sync can scope and purge by patient
and consent without joins.

No `from __future__ import annotations` here: with string annotations SQLAlchemy parses and
evaluates every `Mapped[...]` again at each start, a third of this module's import time, which
every command that opens the vault pays (issue 16). Quote a forward reference: `Mapped["Case"]`.
"""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, list[str]: JSON}


class SyncColumns:
    """Columns every synced record has. `server_version` is the last server sequence seen."""

    __synced__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_hlc: Mapped[str] = mapped_column(String(64))
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


SYNC_META_COLUMNS = ("id", "created_at", "updated_hlc", "server_version", "deleted")


# --------------------------------------------------------------------------------------------
# Patients, cases, visits
# --------------------------------------------------------------------------------------------
class Patient(SyncColumns, Base):
    __tablename__ = "patient"
    niss: Mapped[str | None] = mapped_column(String(11))
    family_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(10), default="unknown")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    street: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(20))
    box: Mapped[str | None] = mapped_column(String(20))
    postal_code: Mapped[str | None] = mapped_column(String(4))
    city: Mapped[str | None] = mapped_column(String(100))
    phones: Mapped[list[str]] = mapped_column(JSON, default=list)
    email: Mapped[str | None] = mapped_column(String(200))
    gp_contact_id: Mapped[str | None] = mapped_column(String(36))
    mutualite: Mapped[str | None] = mapped_column(String(100))
    bim: Mapped[bool] = mapped_column(Boolean, default=False)
    maf: Mapped[bool] = mapped_column(Boolean, default=False)
    chronic_status: Mapped[bool] = mapped_column(Boolean, default=False)
    team_id: Mapped[str | None] = mapped_column(String(36))
    # GDPR art. 18 restriction: hidden from normal views, kept encrypted
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    restriction_reason: Mapped[str | None] = mapped_column(Text)
    ehealth_consent: Mapped[str | None] = mapped_column(String(20))  # national hub consent, a fact

    __table_args__ = (
        # not unique: two laptops may each register the same person offline, and the second
        # one's pull must not fail on it forever (migration 0013); typed on one laptop, a NISS
        # already there is refused (services.patients), and two dossiers sharing one are shown
        Index("ix_patient_niss", "niss", sqlite_where=text("niss IS NOT NULL AND deleted = 0")),
        Index("ix_patient_family_name", "family_name"),
    )


class Case(SyncColumns, Base):
    __tablename__ = "case_record"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="referred")
    requester_type: Mapped[str | None] = mapped_column(String(30))
    requester_contact_id: Mapped[str | None] = mapped_column(String(36))
    requester_name: Mapped[str | None] = mapped_column(String(200))
    requester_phone: Mapped[str | None] = mapped_column(String(20))
    request_date: Mapped[dt.date | None] = mapped_column(Date)
    request_reason: Mapped[str | None] = mapped_column(Text)
    clarified_request: Mapped[str | None] = mapped_column(Text)
    complexity_tier: Mapped[str | None] = mapped_column(String(30))
    tier_suggested: Mapped[str | None] = mapped_column(String(30))
    primary_case_manager: Mapped[str | None] = mapped_column(String(200))
    # server user names of the responsible case managers (one, or two as a pair): they alone
    # see the patient when team sharing is refused (desktop/domain/sharing.py)
    responsible_users: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    opened_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closure_reason: Mapped[str | None] = mapped_column(String(30))
    closure_note: Mapped[str | None] = mapped_column(Text)
    relevance_review_due: Mapped[dt.date | None] = mapped_column(Date)
    # intake outcome (accepted | redirected | waiting) and the delays of the first contacts
    intake_outcome: Mapped[str | None] = mapped_column(String(20))
    intake_outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    redirected_to_contact_id: Mapped[str | None] = mapped_column(String(36))
    intake_reason: Mapped[str | None] = mapped_column(Text)
    waiting_since: Mapped[dt.date | None] = mapped_column(Date)
    first_contact_on: Mapped[dt.date | None] = mapped_column(Date)
    first_home_visit_on: Mapped[dt.date | None] = mapped_column(Date)
    # triage by complexity: crisis triggers (codes of desktop.domain.triage) and when noted
    crisis_triggers: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    crisis_noted_on: Mapped[dt.date | None] = mapped_column(Date)
    # closure (issue 19, item 4): who agreed (desktop.domain.closure.AGREEMENT_PARTIES) and to
    # whom the follow-up goes back (HANDBACK_TARGETS)
    closure_agreed_by: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    closure_handback: Mapped[str | None] = mapped_column(String(30))


class CaseStatusChange(SyncColumns, Base):
    __tablename__ = "case_status_change"
    __append_only__ = True
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("case_record.id"), index=True)
    patient_id: Mapped[str] = mapped_column(String(36), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    changed_by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class HandoverNote(SyncColumns, Base):
    """A case handed over inside the team (issue 19, item 5): the note the new case manager(s)
    read first, until each of them acknowledges it (server user names, merged as a union)."""

    __tablename__ = "handover_note"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str] = mapped_column(String(36))
    from_user: Mapped[str | None] = mapped_column(String(200))  # server user name, if enrolled
    from_name: Mapped[str | None] = mapped_column(String(200))  # display name
    to_users: Mapped[list[str]] = mapped_column(JSON, default=list)
    handed_over_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    acknowledged_by: Mapped[list[str]] = mapped_column(JSON, default=list)


class Visit(SyncColumns, Base):
    __tablename__ = "visit"
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("case_record.id"), index=True)
    patient_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="home_visit")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    planned_start: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    planned_end: Mapped[dt.datetime | None] = mapped_column(DateTime)
    actual_start: Mapped[dt.datetime | None] = mapped_column(DateTime)
    actual_end: Mapped[dt.datetime | None] = mapped_column(DateTime)
    place: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(Text)


class VisitAddendum(SyncColumns, Base):
    __tablename__ = "visit_addendum"
    __append_only__ = True
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visit.id"), index=True)
    patient_id: Mapped[str] = mapped_column(String(36), index=True)
    written_at: Mapped[dt.datetime] = mapped_column(DateTime)
    author: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)


class Note(SyncColumns, Base):
    __tablename__ = "note"
    __append_only__ = True
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    written_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    author: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    corrects_note_id: Mapped[str | None] = mapped_column(String(36))


class HospitalStay(SyncColumns, Base):
    __tablename__ = "hospital_stay"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20), default="admission")  # admission | emergency
    admitted_on: Mapped[dt.date] = mapped_column(Date)
    discharged_on: Mapped[dt.date | None] = mapped_column(Date)
    hospital: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    # the hospital in the directory, when known (`hospital` stays the free-text name)
    hospital_contact_id: Mapped[str | None] = mapped_column(String(36))
    # the discharge checklist (desktop.domain.transitions.CHECKLIST_ITEMS): the day each was done
    letter_received_on: Mapped[dt.date | None] = mapped_column(Date)
    medication_reconciled_on: Mapped[dt.date | None] = mapped_column(Date)
    services_restarted_on: Mapped[dt.date | None] = mapped_column(Date)
    gp_informed_on: Mapped[dt.date | None] = mapped_column(Date)
    aids_in_place_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date)  # two working days after discharge
    follow_up_done_on: Mapped[dt.date | None] = mapped_column(Date)


class StabilityEvent(SyncColumns, Base):
    """The stability log: a fall, an emergency visit, a crisis call... dated, with who said so."""

    __tablename__ = "stability_event"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(30))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    reported_by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class Paperwork(SyncColumns, Base):
    """An application or procedure for the patient (issue 19, item 1): increased reimbursement,
    an allowance, a disability recognition, legal protection, housing, transport, home
    adaptations; its status, deadline, who follows it and the documents asked for."""

    __tablename__ = "paperwork"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default="to_do")
    status_on: Mapped[dt.date | None] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    follower: Mapped[str | None] = mapped_column(String(200))
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)


class Medication(SyncColumns, Base):
    """One line of the medication list (issue 19, item 2), with where it comes from, when it was
    checked and a review asked of the GP or the pharmacist."""

    __tablename__ = "medication"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    dose: Mapped[str | None] = mapped_column(String(100))
    schedule: Mapped[str | None] = mapped_column(String(200))
    prescriber_id: Mapped[str | None] = mapped_column(String(36))  # a contact (GP, specialist)
    source: Mapped[str | None] = mapped_column(String(20))
    checked_on: Mapped[dt.date | None] = mapped_column(Date)
    review_requested_to: Mapped[str | None] = mapped_column(String(20))  # gp | pharmacist
    review_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class CarerAssessment(SyncColumns, Base):
    """The informal carer's own needs (issue 19, item 3), assessed on the carer's contact: their
    burden, respite, health, needs and wishes, and when to look again (desktop.domain.carer)."""

    __tablename__ = "carer_assessment"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    contact_id: Mapped[str] = mapped_column(String(36), ForeignKey("contact.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    burden: Mapped[str] = mapped_column(String(20))
    respite: Mapped[str] = mapped_column(String(20))
    health: Mapped[str | None] = mapped_column(Text)
    needs: Mapped[str | None] = mapped_column(Text)
    wishes: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    review_on: Mapped[dt.date | None] = mapped_column(Date)
    assessed_by: Mapped[str | None] = mapped_column(String(200))


# --------------------------------------------------------------------------------------------
# Assessment
# --------------------------------------------------------------------------------------------
class AssessmentResponse(SyncColumns, Base):
    __tablename__ = "assessment_response"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    visit_id: Mapped[str | None] = mapped_column(String(36))
    instrument_id: Mapped[str] = mapped_column(String(64))
    instrument_version: Mapped[str] = mapped_column(String(32))
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # band set, rule variant
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    decision: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # e.g. confirmed tier
    status: Mapped[str] = mapped_column(String(20), default="draft")
    assessed_on: Mapped[dt.date | None] = mapped_column(Date)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    supersedes_id: Mapped[str | None] = mapped_column(String(36))
    assessor: Mapped[str | None] = mapped_column(String(200))


# --------------------------------------------------------------------------------------------
# Ecosystem
# --------------------------------------------------------------------------------------------
class Contact(SyncColumns, Base):
    __tablename__ = "contact"
    kind: Mapped[str] = mapped_column(String(30))
    is_organisation: Mapped[bool] = mapped_column(Boolean, default=False)
    family_name: Mapped[str | None] = mapped_column(String(200))
    given_name: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    phones: Mapped[list[str]] = mapped_column(JSON, default=list)
    email: Mapped[str | None] = mapped_column(String(200))
    street: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(20))
    postal_code: Mapped[str | None] = mapped_column(String(4))
    city: Mapped[str | None] = mapped_column(String(100))
    availability: Mapped[str | None] = mapped_column(String(200))
    inami_number: Mapped[str | None] = mapped_column(String(20), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[str | None] = mapped_column(String(36))
    team_id: Mapped[str | None] = mapped_column(String(36))
    # a private person (carer, family) belongs to one patient; professionals are shared
    owner_patient_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # the person's own agreement to their phone and address on the handout (granted | refused |
    # withdrawn; None: never asked), when and how it was given: theirs, not the patient's
    handout_agreement: Mapped[str | None] = mapped_column(String(20))
    handout_agreement_on: Mapped[dt.date | None] = mapped_column(Date)
    handout_agreement_method: Mapped[str | None] = mapped_column(String(20))


class Relationship(SyncColumns, Base):
    __tablename__ = "relationship"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    contact_id: Mapped[str] = mapped_column(String(36), ForeignKey("contact.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(200))
    strength: Mapped[str] = mapped_column(String(20), default="moderate")
    quality: Mapped[str] = mapped_column(String(20), default="neutral")
    energy_flow: Mapped[str] = mapped_column(String(20), default="none")
    since: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    is_gp: Mapped[bool] = mapped_column(Boolean, default=False)
    is_informal_carer: Mapped[bool] = mapped_column(Boolean, default=False)
    is_reference_person: Mapped[bool] = mapped_column(Boolean, default=False)
    pos_x: Mapped[float | None] = mapped_column(Float)
    pos_y: Mapped[float | None] = mapped_column(Float)


class EcomapSnapshot(SyncColumns, Base):
    __tablename__ = "ecomap_snapshot"
    __append_only__ = True
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    taken_on: Mapped[dt.date] = mapped_column(Date)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --------------------------------------------------------------------------------------------
# Care plan
# --------------------------------------------------------------------------------------------
class CarePlan(SyncColumns, Base):
    __tablename__ = "care_plan"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    life_project: Mapped[str | None] = mapped_column(Text)
    what_matters: Mapped[str | None] = mapped_column(Text)
    expectations: Mapped[str | None] = mapped_column(Text)
    to_avoid: Mapped[str | None] = mapped_column(Text)
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    agreed_on: Mapped[dt.date | None] = mapped_column(Date)
    agreed_with: Mapped[str | None] = mapped_column(Text)
    supersedes_id: Mapped[str | None] = mapped_column(String(36))


class Goal(SyncColumns, Base):
    __tablename__ = "goal"
    plan_id: Mapped[str] = mapped_column(String(36), ForeignKey("care_plan.id"), index=True)
    patient_id: Mapped[str] = mapped_column(String(36), index=True)
    text: Mapped[str] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(40))
    needs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # goal attainment (−2..+2, desktop.domain.indicators) at the plan review, and when
    attainment: Mapped[int | None] = mapped_column(Integer)
    attainment_on: Mapped[dt.date | None] = mapped_column(Date)


class Action(SyncColumns, Base):
    __tablename__ = "plan_action"
    goal_id: Mapped[str] = mapped_column(String(36), ForeignKey("goal.id"), index=True)
    plan_id: Mapped[str] = mapped_column(String(36), index=True)
    patient_id: Mapped[str] = mapped_column(String(36), index=True)
    what: Mapped[str] = mapped_column(Text)
    responsible_kind: Mapped[str] = mapped_column(String(20))  # contact | patient | case_manager
    responsible_contact_id: Mapped[str | None] = mapped_column(String(36))
    schedule: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # days, start, end, text
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # set while the patient is in hospital (the stay's id); cleared at discharge
    on_hold_stay_id: Mapped[str | None] = mapped_column(String(36))


class Concertation(SyncColumns, Base):
    __tablename__ = "concertation"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    held_on: Mapped[dt.date] = mapped_column(Date)
    participants: Mapped[list[Any]] = mapped_column(JSON, default=list)
    patient_agreed_participants: Mapped[bool] = mapped_column(Boolean, default=False)
    reference_contact_id: Mapped[str | None] = mapped_column(String(36))
    decisions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    # the regional funder whose rules apply (aviq | iriscare | cocof | departement_zorg)
    funder: Mapped[str | None] = mapped_column(String(20))
    patient_took_part: Mapped[bool | None] = mapped_column(Boolean)
    home_nurse_took_part: Mapped[bool | None] = mapped_column(Boolean)


class GpFeedback(SyncColumns, Base):
    __tablename__ = "gp_feedback"
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    gp_contact_id: Mapped[str | None] = mapped_column(String(36))
    created_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)
    questions: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending | sent
    sent_on: Mapped[dt.date | None] = mapped_column(Date)


# --------------------------------------------------------------------------------------------
# Consent, attachments, audit
# --------------------------------------------------------------------------------------------
class ConsentEvent(SyncColumns, Base):
    __tablename__ = "consent_event"
    __append_only__ = True
    patient_id: Mapped[str] = mapped_column(String(36), ForeignKey("patient.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    contact_id: Mapped[str | None] = mapped_column(String(36))  # per-provider / per-carer purposes
    decision: Mapped[str] = mapped_column(String(20))  # granted | refused | withdrawn
    decided_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))  # oral | written | eid
    notice_version: Mapped[str | None] = mapped_column(String(40))
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class Attachment(SyncColumns, Base):
    __tablename__ = "attachment"
    __append_only__ = True
    patient_id: Mapped[str | None] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str | None] = mapped_column(String(255))
    purpose: Mapped[str | None] = mapped_column(String(40))


class Blob(Base):
    """Attachment bytes, content-addressed; encrypted by SQLCipher with the rest of the vault."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEvent(SyncColumns, Base):
    __tablename__ = "audit_event"
    __append_only__ = True
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str | None] = mapped_column(String(200))
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))  # view, create, edit, print, export, ...
    record_table: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(36))
    patient_id: Mapped[str | None] = mapped_column(String(36), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --------------------------------------------------------------------------------------------
# Local-only tables
# --------------------------------------------------------------------------------------------
class OutboxOp(Base):
    """One op per changed record, written in the same transaction as the change."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    patient_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # upsert | delete | append | purge
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    base_versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    hlc: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    # pending | sent | rejected
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class FieldMeta(Base):
    """Server version of each field as last seen: the base of the next local edit."""

    __tablename__ = "field_meta"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    base_value: Mapped[Any] = mapped_column(JSON)


class Conflict(Base):
    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    patient_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    base_value: Mapped[Any] = mapped_column(JSON)
    mine: Mapped[Any] = mapped_column(JSON)
    theirs: Mapped[Any] = mapped_column(JSON)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | resolved
    resolution: Mapped[Any] = mapped_column(JSON)


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Draft(Base):
    """Autosaved, unsent form text (visit notes, plan text); offered for restore after a crash."""

    __tablename__ = "draft"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    patient_id: Mapped[str | None] = mapped_column(String(36))
    context: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FieldChange(Base):
    """GDPR art. 16: old and new value of each edited field (local, encrypted with the vault).
    Written by `UnitOfWork.update`; purged with the patient on erasure."""

    __tablename__ = "field_change"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    patient_id: Mapped[str | None] = mapped_column(String(36), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[Any] = mapped_column(JSON)
    new_value: Mapped[Any] = mapped_column(JSON)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str | None] = mapped_column(String(200))
    device_id: Mapped[str | None] = mapped_column(String(36))


class Setting(Base):
    """Settings that hold organisation or vault data (never in QSettings: it is not encrypted)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


SYNCED_MODELS: dict[str, type[Base]] = {
    m.__tablename__: m
    for m in Base.registry._class_registry.values()
    if isinstance(m, type) and issubclass(m, Base) and getattr(m, "__synced__", False)
}


def synced_fields(model: type[Base]) -> list[str]:
    """Columns that travel in ops (everything but the sync bookkeeping)."""
    return [c.key for c in model.__table__.columns if c.key not in SYNC_META_COLUMNS]
