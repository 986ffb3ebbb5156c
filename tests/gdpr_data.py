"""Patient datasets for the consent/GDPR tests, written through the UnitOfWork (the real write
path) so these tests do not depend on other features' services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.domain.dates import utcnow
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage import search
from desktop.storage.models import (
    Action,
    AssessmentResponse,
    CarePlan,
    Case,
    CaseStatusChange,
    Concertation,
    ConsentEvent,
    Contact,
    EcomapSnapshot,
    Goal,
    GpFeedback,
    HospitalStay,
    Note,
    Patient,
    Relationship,
    Visit,
    VisitAddendum,
)


def _png_1x1() -> bytes:
    """A valid 1×1 white PNG, built with zlib (no image library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


# A PDF and a PNG small enough for tests, recognised by their magic bytes.
TINY_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
TINY_PNG = _png_1x1()


@dataclass
class Sizes:
    cases: int = 1
    visits: int = 1
    notes: int = 1
    stays: int = 1
    assessments: int = 1
    carers: int = 1
    professionals: int = 1
    plans: int = 1
    goals: int = 1
    actions: int = 1
    consents: int = 1


@dataclass
class Dataset:
    patient_id: str
    marker: str  # a word that appears in this patient's names and texts only
    ids: set[str] = field(default_factory=set)  # every record id of the patient
    shared_ids: set[str] = field(default_factory=set)  # shared professionals (not the patient's)
    carer_ids: list[str] = field(default_factory=list)
    professional_ids: list[str] = field(default_factory=list)
    case_ids: list[str] = field(default_factory=list)


def make_patient(ctx: AppContext, marker: str, sizes: Sizes | None = None, *,
                 niss: str | None = None, care: bool = True,
                 last_contact: dt.date | None = None, closed: bool = False) -> Dataset:
    s = sizes or Sizes()
    day = last_contact or dt.date(2026, 10, 1)

    def run(uow: UnitOfWork) -> Dataset:
        p = uow.add(Patient, family_name=f"{marker}fam", given_name=f"{marker}giv", niss=niss,
                    gender="female", birth_date=dt.date(1940, 5, 6), street=f"Rue {marker}",
                    house_number="3", postal_code="5000", city="Namur",
                    phones=["+3281223344"], languages=["fr"])
        search.index_patient(uow.session, p)
        d = Dataset(p.id, marker, {p.id})

        def add(model, **values):  # type: ignore[no-untyped-def]
            obj = uow.add(model, **values)
            d.ids.add(obj.id)
            return obj

        for i in range(s.carers):
            c = add(Contact, kind="informal_carer", family_name=f"{marker}carer{i}",
                    given_name="Aidant", phones=["+32470112233"], owner_patient_id=p.id,
                    street=f"Chemin {marker}", city="Namur", postal_code="5000")
            d.carer_ids.append(c.id)
            add(Relationship, patient_id=p.id, contact_id=c.id, role=f"{marker} daughter",
                strength="strong", quality="supportive", energy_flow="both",
                is_informal_carer=True)
        for i in range(s.professionals):
            c = uow.add(Contact, kind="nurse", family_name=f"Nurse{i}", given_name="Prof",
                        organisation="Soins à domicile", inami_number="41234567890")
            d.shared_ids.add(c.id)
            d.professional_ids.append(c.id)
            add(Relationship, patient_id=p.id, contact_id=c.id, role=f"{marker} nurse",
                strength="tenuous", quality="stressful", energy_flow="to_patient")
        for i in range(s.cases):
            case = add(Case, patient_id=p.id, status="closed" if closed else "active",
                       request_reason=f"{marker} request {i}", opened_on=day - dt.timedelta(days=90),
                       closed_on=day if closed else None, complexity_tier="case_management")
            d.case_ids.append(case.id)
            add(CaseStatusChange, case_id=case.id, patient_id=p.id, from_status="referred",
                to_status="active", changed_on=day - dt.timedelta(days=80))
            for j in range(s.visits):
                v = add(Visit, case_id=case.id, patient_id=p.id, kind="home_visit",
                        status="done" if care else "planned",
                        planned_start=dt.datetime.combine(day, dt.time(10, j % 50)),
                        actual_start=dt.datetime.combine(day, dt.time(10, j % 50))
                        if care else None, notes=f"{marker} visit note {j}")
                add(VisitAddendum, visit_id=v.id, patient_id=p.id, written_at=utcnow(),
                    text=f"{marker} addendum {j}")
            for k in range(s.plans):
                plan = add(CarePlan, patient_id=p.id, case_id=case.id,
                           status="agreed" if care else "draft",
                           life_project=f"{marker} life project {k}", review_date=day)
                for g in range(s.goals):
                    goal = add(Goal, plan_id=plan.id, patient_id=p.id,
                               text=f"{marker} goal {g}", status="active",
                               target_date=day + dt.timedelta(days=30))
                    for a in range(s.actions):
                        add(Action, goal_id=goal.id, plan_id=plan.id, patient_id=p.id,
                            what=f"{marker} action {a}", responsible_kind="contact",
                            responsible_contact_id=(d.professional_ids or [None])[0],
                            status="planned", schedule={"text": "mardi"})
            if care:
                add(Concertation, patient_id=p.id, case_id=case.id, held_on=day,
                    participants=[], decisions=[{"text": f"{marker} decision"}])
                add(GpFeedback, patient_id=p.id, case_id=case.id, created_on=day,
                    summary=f"{marker} feedback")
        if care:
            for i in range(s.notes):
                add(Note, patient_id=p.id, written_at=dt.datetime.combine(day, dt.time(9, i % 50)),
                    text=f"{marker} journal {i}", author="Anne Lambert")
        for i in range(s.stays):
            add(HospitalStay, patient_id=p.id, admitted_on=day - dt.timedelta(days=200 + i),
                discharged_on=day - dt.timedelta(days=190 + i), hospital="CHU",
                reason=f"{marker} fall {i}")
        for i in range(s.assessments):
            add(AssessmentResponse, patient_id=p.id, instrument_id="katz",
                instrument_version="1", answers={"washing": 3, "comment": f"{marker} ans {i}"},
                scores={"category": "B", "dependent_items": 4},
                status="completed" if care else "draft", assessed_on=day)
        add(EcomapSnapshot, patient_id=p.id, taken_on=day, data={"label": f"{marker} map"})
        for i in range(s.consents):
            add(ConsentEvent, patient_id=p.id, purpose="team_sharing", decision="granted",
                decided_on=day - dt.timedelta(days=i), method="oral", recorded_at=utcnow(),
                note=f"{marker} consent {i}")
        return d

    return ctx.write(run)


def fhir_ids(obj: object) -> set[str]:
    """Every `id` in a FHIR JSON tree: resource ids and element ids (status changes, plan
    actions and ecomap ties live inside other resources)."""
    found: set[str] = set()
    if isinstance(obj, dict):
        if isinstance(obj.get("id"), str):
            found.add(obj["id"])
        for v in obj.values():
            found |= fhir_ids(v)
    elif isinstance(obj, list):
        for v in obj:
            found |= fhir_ids(v)
    return found
