"""Concertation meetings: who took part (from the ecosystem, with the patient's agreement on who
takes part), the reference person between meetings, and decisions that become plan actions.

The home concertation is funded by the regions (AViQ, Iriscare or COCOF, Departement Zorg:
desktop/domain/concertation.py): at least three providers including the GP, the home nurse when
nursing care is given, the patient or a representative. Those are reported as warnings (a meeting
that does not qualify for funding is still worth recording); whether the patient and the home
nurse took part is recorded as such.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import care_plan as rules
from desktop.domain import concertation as funding
from desktop.domain.errors import NotFound, RuleViolation, ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_text
from desktop.services.care_plans import Person, add_action_in, ecosystem
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Case, Concertation, Patient

NON_PROVIDER_KINDS = funding.NON_PROVIDER_KINDS


@dataclass(frozen=True)
class DecisionIn:
    text: str
    responsible_kind: str | None = None  # contact | patient | case_manager
    contact_id: str | None = None
    schedule: str = ""


@dataclass(frozen=True)
class Decision:
    index: int
    text: str
    responsible_kind: str | None
    contact_id: str | None
    schedule: str
    action_id: str | None  # set once it became a plan action


@dataclass(frozen=True)
class Participant:
    contact_id: str
    name: str
    role: str
    kind: str
    is_gp: bool


@dataclass(frozen=True)
class ConcertationView:
    id: str
    patient_id: str
    held_on: dt.date
    patient_present: bool
    patient_agreed_participants: bool
    participants: list[Participant]
    reference_contact_id: str | None
    reference_name: str | None
    decisions: list[Decision]
    note: str
    warnings: list[str] = field(default_factory=list)  # funding rule codes
    funder: str | None = None  # aviq | iriscare | cocof | departement_zorg
    home_nurse_present: bool = False
    nursing_care: bool = False  # a home nurse is in the patient's ecosystem


def funding_warnings(participants: list[Participant], *, patient_present: bool = True,
                     home_nurse_present: bool | None = None,
                     nursing_care: bool = False) -> list[str]:
    nurse = (any(p.kind == "nurse" for p in participants) if home_nurse_present is None
             else home_nurse_present)
    return funding.funding_warnings(funding.Attendance(
        tuple(p.kind for p in participants), any(p.is_gp for p in participants),
        patient_present, nurse, nursing_care))


def _nursing_care(people: list[Person]) -> bool:
    return any(p.kind == "nurse" for p in people)


def _decision_values(decisions: list[DecisionIn]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    errors: list[ValidationError] = []
    for i, d in enumerate(decisions):
        try:
            text = clean_text(d.text, f"decisions.{i}", required=True, max_len=1000)
        except ValidationError as exc:
            errors.append(exc)
            continue
        kind = d.responsible_kind or None
        if kind is not None and kind not in rules.RESPONSIBLE_KINDS:
            errors.append(ValidationError("action.responsible_invalid", f"decisions.{i}"))
        out.append({"text": text, "responsible_kind": kind,
                    "contact_id": d.contact_id if kind == "contact" else None,
                    "schedule": d.schedule.strip(), "action_id": None})
    if errors:
        raise ValidationErrors(errors)
    return out


def _participants(people: dict[str, Person], ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for cid in dict.fromkeys(ids):  # keep order, drop repeats
        person = people.get(cid)
        if person is None:
            raise ValidationErrors([ValidationError("concertation.participant_unknown",
                                                    "participants")])
        out.append({"contact_id": cid, "name": person.name, "role": person.role,
                    "kind": person.kind, "is_gp": person.is_gp})
    return out


def _view(session: Session, row: Concertation) -> ConcertationView:
    parts = [p for p in row.participants or [] if p.get("contact_id")]
    participants = [Participant(str(p["contact_id"]), str(p.get("name") or ""),
                                str(p.get("role") or ""), str(p.get("kind") or "other"),
                                bool(p.get("is_gp"))) for p in parts]
    present = (row.patient_took_part if row.patient_took_part is not None
               else any(p.get("kind") == "patient" for p in row.participants or []))
    nurse = (row.home_nurse_took_part if row.home_nurse_took_part is not None
             else any(p.kind == "nurse" for p in participants))
    nursing = _nursing_care(ecosystem(session, row.patient_id))
    ref_name = next((p.name for p in participants if p.contact_id == row.reference_contact_id),
                    None)
    decisions = [Decision(i, str(d.get("text") or ""), d.get("responsible_kind"),
                          d.get("contact_id"), str(d.get("schedule") or ""), d.get("action_id"))
                 for i, d in enumerate(row.decisions or [])]
    return ConcertationView(row.id, row.patient_id, row.held_on, present,
                            row.patient_agreed_participants, participants,
                            row.reference_contact_id, ref_name, decisions, row.note or "",
                            funding_warnings(participants, patient_present=present,
                                             home_nurse_present=nurse, nursing_care=nursing),
                            row.funder, nurse, nursing)


def record_concertation(ctx: AppContext, patient_id: str, *, held_on: dt.date,
                        participant_ids: list[str], patient_agreed: bool,
                        patient_present: bool = True, reference_contact_id: str | None = None,
                        decisions: list[DecisionIn] | None = None, note: str = "",
                        funder: str | None = None, home_nurse_present: bool | None = None) -> str:
    """Record a meeting. `funder` defaults to the one of the patient's region (postal code);
    `home_nurse_present` defaults to "a participant is a home nurse"."""
    errors: list[ValidationError] = []
    if funder is not None and funder not in funding.FUNDERS:
        errors.append(ValidationError("concertation.funder_invalid", "funder",
                                      names=", ".join(funding.FUNDERS)))
    if held_on > ctx.today():
        errors.append(ValidationError("concertation.held_in_future", "held_on"))
    if not participant_ids:
        errors.append(ValidationError("concertation.no_participants", "participants"))
    if not patient_agreed:
        errors.append(ValidationError("concertation.patient_agreement_required", "patient_agreed"))
    if reference_contact_id and reference_contact_id not in participant_ids:
        errors.append(ValidationError("concertation.reference_not_participant",
                                      "reference_contact_id"))
    try:
        note_text = clean_text(note, "note", max_len=10_000)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    decision_rows = _decision_values(decisions or [])

    def run(uow: UnitOfWork) -> str:
        patient: Patient = load_patient(uow.session, patient_id)
        people = {p.contact_id: p for p in ecosystem(uow.session, patient_id)}
        parts = _participants(people, participant_ids)
        nurse = (any(p["kind"] == "nurse" for p in parts) if home_nurse_present is None
                 else bool(home_nurse_present))
        if patient_present:
            parts.insert(0, {"contact_id": None, "kind": "patient"})
        case = uow.session.execute(
            select(Case.id).where(Case.patient_id == patient_id, Case.deleted.is_(False),
                                  Case.status != "closed")).first()
        row = uow.add(Concertation, patient_id=patient_id, case_id=case[0] if case else None,
                      held_on=held_on, participants=parts,
                      patient_agreed_participants=patient_agreed,
                      reference_contact_id=reference_contact_id, decisions=decision_rows,
                      note=note_text or None,
                      funder=funder or funding.default_funder(patient.postal_code),
                      patient_took_part=bool(patient_present), home_nurse_took_part=nurse)
        uow.audit("create", table="concertation", record_id=row.id, patient_id=patient_id)
        return row.id

    return ctx.write(run)


def default_funder_of(ctx: AppContext, patient_id: str) -> str | None:
    """The funder of the patient's region (postal code), for the meeting form."""
    return ctx.read(lambda s: funding.default_funder(load_patient(s, patient_id).postal_code))


def list_concertations(ctx: AppContext, patient_id: str) -> list[ConcertationView]:
    def run(s: Session) -> list[ConcertationView]:
        load_patient(s, patient_id)
        rows = s.execute(select(Concertation).where(
            Concertation.patient_id == patient_id, Concertation.deleted.is_(False))
            .order_by(Concertation.held_on.desc())).scalars()
        return [_view(s, r) for r in rows]
    return ctx.read(run)


def _load(session: Session, concertation_id: str) -> Concertation:
    if not is_uuid(concertation_id):
        raise ValidationError("id.invalid", "concertation")
    row = load(session, Concertation, concertation_id, "concertation")
    load_patient(session, row.patient_id)
    return row


def get_concertation(ctx: AppContext, concertation_id: str) -> ConcertationView:
    return ctx.read(lambda s: _view(s, _load(s, concertation_id)))


def decision_to_action(ctx: AppContext, concertation_id: str, index: int, goal_id: str, *,
                       responsible_kind: str | None = None, contact_id: str | None = None,
                       schedule: str | None = None) -> str:
    """Turn decision `index` into an action of the draft plan under `goal_id` (one
    transaction: the action and the decision's link to it)."""

    def run(uow: UnitOfWork) -> str:
        row = _load(uow.session, concertation_id)
        decisions = [dict(d) for d in row.decisions or []]
        if not 0 <= index < len(decisions):
            raise NotFound("record.not_found", "decisions")
        d = decisions[index]
        if d.get("action_id"):
            raise RuleViolation("concertation.decision_applied", "decisions")
        kind = responsible_kind or d.get("responsible_kind")
        values = rules.validate_action(
            d.get("text"), kind, contact_id if contact_id is not None else d.get("contact_id"),
            schedule if schedule is not None else d.get("schedule"), row.held_on, None)
        action = add_action_in(uow, goal_id, values)
        d["action_id"] = action.id
        uow.update(row, {"decisions": decisions})
        uow.audit("edit", table="concertation", record_id=row.id, patient_id=row.patient_id,
                  fields=["decisions"], action_id=action.id)
        return action.id

    return ctx.write(run)
