"""Plain data the documents are drawn from. Services gather it (one read) and the reports only
lay it out, so a document can be rendered on a worker thread without touching the vault."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.care_plan import Week


@dataclass(frozen=True)
class DocContact:
    name: str
    role: str  # a role in words ("fille") or a contact kind code ("nurse")
    phones: tuple[str, ...] = ()  # national format; empty when consent withholds them
    address: str | None = None
    kind: str = "other"


@dataclass(frozen=True)
class DocAction:
    what: str
    responsible_kind: str  # contact | patient | case_manager
    who: str
    role: str
    when: str  # the schedule as typed
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    schedule: Any = None  # desktop.domain.care_plan.Schedule: printed in the document's words


@dataclass(frozen=True)
class DocGoal:
    text: str
    domain: str | None
    target_date: dt.date | None
    status: str
    actions: tuple[DocAction, ...] = ()


@dataclass(frozen=True)
class DocPlan:
    version: int
    status: str
    agreed_on: dt.date | None
    agreed_with: str | None
    review_date: dt.date | None
    life_project: str
    what_matters: str
    expectations: str
    to_avoid: str
    goals: tuple[DocGoal, ...]
    agreed_parties: tuple[str, ...] = ()  # codes; `agreed_with` is the words typed beside them


@dataclass(frozen=True)
class HandoutData:
    patient_name: str
    made_on: dt.date
    plan: DocPlan | None
    week: Week
    contacts: tuple[DocContact, ...]
    gp: DocContact | None
    case_manager_name: str | None
    case_manager_phone: str | None
    organisation: str | None
    ecomap: Any = None  # desktop.domain.ecomap.EcomapData when the ecosystem feature is present
    medication: tuple[DocMedication, ...] = ()  # only when chosen at print time


@dataclass(frozen=True)
class DocMedication:
    name: str
    dose: str
    schedule: str
    prescriber: str
    source: str | None  # patient | pharmacist | gp_letter
    checked_on: dt.date | None
    review_to: str | None  # gp | pharmacist: a review was requested
    review_on: dt.date | None


@dataclass(frozen=True)
class DocAssessment:
    instrument: str
    on: dt.date | None
    result: str  # "total 4/6 · band: …" composed by the service from the stored scores


@dataclass(frozen=True)
class DocNeed:
    domain: str
    description: str
    status: str


@dataclass(frozen=True)
class DocCase:
    status: str
    requester: str  # the requester's name
    requester_type: str | None
    request_date: dt.date | None
    reason: str
    clarified: str
    complexity: str
    case_manager: str
    opened_on: dt.date | None
    # a closed case: when, why, who agreed, to whom the follow-up went back (codes)
    closed_on: dt.date | None = None
    closure_reason: str | None = None
    closure_agreed_by: tuple[str, ...] = ()
    closure_handback: str | None = None


@dataclass(frozen=True)
class SummaryData:
    patient_name: str
    birth_date: dt.date | None
    age: int | None
    niss: str | None
    address: str
    phones: tuple[str, ...]
    gp: DocContact | None
    mutualite: str | None
    statuses: tuple[str, ...]  # bim, maf, chronic
    case: DocCase | None
    assessments: tuple[DocAssessment, ...]
    needs: tuple[DocNeed, ...]
    plan: DocPlan | None
    contacts: tuple[DocContact, ...]
    planned_visits: tuple[dt.datetime, ...]
    pending_gp_letters: tuple[dt.date | None, ...]
    last_concertation: tuple[dt.date, str | None] | None
    printed_on: dt.date
    printed_by: str
    ecomap: Any = None
    medication: tuple[DocMedication, ...] = ()


@dataclass(frozen=True)
class GpLetterData:
    gp_name: str
    gp_address: str | None
    patient_name: str
    birth_date: dt.date | None
    written_on: dt.date
    summary: str
    questions: str
    plan: DocPlan | None
    case_manager_name: str
    case_manager_phone: str | None
    organisation: str | None
    extra: dict[str, Any] = field(default_factory=dict)
