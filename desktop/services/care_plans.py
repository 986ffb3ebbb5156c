"""Care and support plan use cases: the plan, its goals and actions, agreement and versions.

The plan starts from the patient's own words (life project and the three questions patients say
nobody asks), goals come from the unmet needs of the assessment, and each action names who does
it: a contact of the ecosystem, the patient, or the case manager. Agreeing freezes the version;
the next version starts as a copy and the previous one becomes "superseded" when it is agreed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import care_plan as rules
from desktop.domain.care_plan import Change, ItemSnapshot, PlanSnapshot, Schedule
from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.domain.ids import is_uuid
from desktop.domain.phone import display_phone
from desktop.domain.text import clean_line, clean_text
from desktop.services.assessments import unmet_needs
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import (
    Action,
    CarePlan,
    Case,
    Contact,
    Goal,
    Relationship,
)

PLAN_TEXT_MAX = 5000
_UNSET: Any = object()


# ---------------------------------------------------------------------------------------------
# Views (plain data for the UI, the CLI and the documents)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Person:
    """Someone of the ecosystem who can be responsible for an action."""

    contact_id: str
    name: str
    role: str  # the role for this patient, else the contact kind code
    kind: str
    phones: tuple[str, ...]  # E.164
    is_gp: bool = False
    is_informal_carer: bool = False
    is_reference_person: bool = False
    is_organisation: bool = False
    short_name: str = ""  # without the organisation: "Françoise Dubois"

    @property
    def phone_display(self) -> str | None:
        return display_phone(self.phones[0]) if self.phones else None


@dataclass(frozen=True)
class GoalView:
    id: str
    text: str
    domain: str | None
    needs: list[str]
    target_date: dt.date | None
    status: str
    position: int
    attainment: int | None = None  # −2..+2 at the plan review (review_goal), and when
    attainment_on: dt.date | None = None


@dataclass(frozen=True)
class ActionView:
    id: str
    goal_id: str
    what: str
    responsible_kind: str
    responsible_contact_id: str | None
    responsible_name: str  # resolved; "" for the patient (documents say "me" / "the patient")
    responsible_role: str
    responsible_phone: str | None  # national format
    schedule: Schedule
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    position: int
    responsible_short: str = ""  # the name without the organisation, for the week table
    on_hold: bool = False  # the patient is in hospital (desktop.services.stays)


@dataclass(frozen=True)
class PlanView:
    id: str
    patient_id: str
    case_id: str | None
    version: int
    status: str
    life_project: str
    what_matters: str
    expectations: str
    to_avoid: str
    review_date: dt.date | None
    agreed_on: dt.date | None
    agreed_with: str | None  # the words typed beside the codes (or before codes existed)
    supersedes_id: str | None
    goals: list[GoalView] = field(default_factory=list)
    actions: list[ActionView] = field(default_factory=list)
    agreed_parties: tuple[str, ...] = ()  # codes of rules.AGREED_PARTIES

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def actions_of(self, goal_id: str) -> list[ActionView]:
        return [a for a in self.actions if a.goal_id == goal_id]


@dataclass(frozen=True)
class PlanVersionRow:
    id: str
    version: int
    status: str
    agreed_on: dt.date | None
    agreed_with: str | None
    agreed_parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class NeedSuggestion:
    """An unmet (or partly met) need offered as a starting goal."""

    domain: str
    description: str
    status: str
    answered: bool  # a goal of the current plan already answers it


@dataclass(frozen=True)
class ReviewReminder:
    patient_id: str
    plan_id: str
    family_name: str
    given_name: str
    review_date: dt.date
    overdue: bool


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------
def short_name(c: Contact) -> str:
    person = " ".join(x for x in (c.given_name, c.family_name) if x)
    return (c.organisation or person or "?") if c.is_organisation or not person else person


def person_name(c: Contact) -> str:
    person = " ".join(x for x in (c.given_name, c.family_name) if x)
    if c.is_organisation or not person:
        return c.organisation or person or "?"
    return f"{person} ({c.organisation})" if c.organisation else person


def ecosystem(session: Session, patient_id: str) -> list[Person]:
    """The patient's contacts (live relationships), GP first, then carers, then by name."""
    rows = session.execute(
        select(Relationship, Contact).join(Contact, Contact.id == Relationship.contact_id)
        .where(Relationship.patient_id == patient_id, Relationship.deleted.is_(False),
               Contact.deleted.is_(False))).all()
    people: dict[str, Person] = {}
    for rel, c in rows:
        target = c
        if c.merged_into_id:  # a merged duplicate: show the surviving record
            survivor = session.get(Contact, c.merged_into_id)
            if survivor is not None and not survivor.deleted:
                target = survivor
        people[target.id] = Person(
            contact_id=target.id, name=person_name(target), role=(rel.role or "").strip(),
            kind=target.kind, phones=tuple(target.phones or ()),
            is_gp=rel.is_gp or target.kind == "gp",
            is_informal_carer=rel.is_informal_carer or target.kind == "informal_carer",
            is_reference_person=rel.is_reference_person, is_organisation=target.is_organisation,
            short_name=short_name(target))
    return sorted(people.values(),
                  key=lambda p: (not p.is_gp, not p.is_informal_carer, p.name.casefold()))


def ecosystem_choices(ctx: AppContext, patient_id: str) -> list[Person]:
    return ctx.read(lambda s: ecosystem(s, load_patient(s, patient_id).id))


def _plan_rows(session: Session, patient_id: str) -> list[CarePlan]:
    return list(session.execute(
        select(CarePlan).where(CarePlan.patient_id == patient_id, CarePlan.deleted.is_(False))
        .order_by(CarePlan.version.desc())).scalars())


def _load_plan(session: Session, plan_id: str) -> CarePlan:
    if not is_uuid(plan_id):
        raise ValidationError("id.invalid", "plan")
    plan = load(session, CarePlan, plan_id, "plan")
    load_patient(session, plan.patient_id)  # a restricted patient hides the plan too
    return plan


def _goals(session: Session, plan_id: str) -> list[Goal]:
    return list(session.execute(
        select(Goal).where(Goal.plan_id == plan_id, Goal.deleted.is_(False))
        .order_by(Goal.position)).scalars())


def _actions(session: Session, plan_id: str) -> list[Action]:
    return list(session.execute(
        select(Action).where(Action.plan_id == plan_id, Action.deleted.is_(False))
        .order_by(Action.position)).scalars())


def _view(session: Session, plan: CarePlan) -> PlanView:
    people = {p.contact_id: p for p in ecosystem(session, plan.patient_id)}
    goals = _goals(session, plan.id)
    goal_order = {g.id: i for i, g in enumerate(goals)}
    actions = []
    for a in sorted(_actions(session, plan.id),
                    key=lambda a: (goal_order.get(a.goal_id, 1 << 30), a.position)):
        name, role, phone, short = "", "", None, ""
        if a.responsible_kind == "contact" and a.responsible_contact_id:
            person = people.get(a.responsible_contact_id)
            if person is None:  # no longer linked to the patient: still show who it was
                c = session.get(Contact, a.responsible_contact_id)
                if c is not None:
                    person = Person(c.id, person_name(c), "", c.kind, tuple(c.phones or ()),
                                    short_name=short_name(c))
            if person is not None:
                name, role, phone = person.name, person.role or person.kind, person.phone_display
                short = person.short_name or person.name
        actions.append(ActionView(
            id=a.id, goal_id=a.goal_id, what=a.what, responsible_kind=a.responsible_kind,
            responsible_contact_id=a.responsible_contact_id, responsible_name=name,
            responsible_role=role, responsible_phone=phone, schedule=Schedule.from_json(a.schedule),
            start_date=a.start_date, end_date=a.end_date, status=a.status, position=a.position,
            responsible_short=short, on_hold=bool(a.on_hold_stay_id)))
    agreement = rules.decode_agreement(plan.agreed_with)
    return PlanView(
        id=plan.id, patient_id=plan.patient_id, case_id=plan.case_id, version=plan.version,
        status=plan.status, life_project=plan.life_project or "",
        what_matters=plan.what_matters or "",
        expectations=plan.expectations or "", to_avoid=plan.to_avoid or "",
        review_date=plan.review_date, agreed_on=plan.agreed_on,
        agreed_with=agreement.note or None, agreed_parties=agreement.parties,
        supersedes_id=plan.supersedes_id,
        goals=[GoalView(g.id, g.text, g.domain, [str(n) for n in g.needs or []], g.target_date,
                        g.status, g.position, g.attainment, g.attainment_on) for g in goals],
        actions=actions)


def current_plan_row(session: Session, patient_id: str) -> CarePlan | None:
    """The draft if there is one, else the agreed version (the one in force)."""
    rows = _plan_rows(session, patient_id)
    for status in ("draft", "agreed"):
        for row in rows:
            if row.status == status:
                return row
    return None


def agreed_plan_row(session: Session, patient_id: str) -> CarePlan | None:
    return next((r for r in _plan_rows(session, patient_id) if r.status == "agreed"), None)


def current_plan(ctx: AppContext, patient_id: str) -> PlanView | None:
    def run(s: Session) -> PlanView | None:
        load_patient(s, patient_id)
        row = current_plan_row(s, patient_id)
        return _view(s, row) if row else None
    return ctx.read(run)


def plan_in_force(session: Session, patient_id: str) -> PlanView | None:
    """What the documents print: the agreed plan, else the draft being written."""
    row = agreed_plan_row(session, patient_id) or current_plan_row(session, patient_id)
    return _view(session, row) if row else None


def get_plan(ctx: AppContext, plan_id: str) -> PlanView:
    return ctx.read(lambda s: _view(s, _load_plan(s, plan_id)))


def view_plan(ctx: AppContext, patient_id: str, *, purpose: str = "dossier") -> PlanView | None:
    """A person looks at the plan: audited."""
    def run(uow: UnitOfWork) -> PlanView | None:
        load_patient(uow.session, patient_id)
        row = current_plan_row(uow.session, patient_id)
        uow.audit("view", table="care_plan", record_id=row.id if row else None,
                  patient_id=patient_id, purpose=purpose)
        return _view(uow.session, row) if row else None
    return ctx.write(run)


def list_versions(ctx: AppContext, patient_id: str) -> list[PlanVersionRow]:
    def run(s: Session) -> list[PlanVersionRow]:
        load_patient(s, patient_id)
        rows = []
        for r in _plan_rows(s, patient_id):
            agreement = rules.decode_agreement(r.agreed_with)
            rows.append(PlanVersionRow(r.id, r.version, r.status, r.agreed_on,
                                       agreement.note or None, agreement.parties))
        return rows
    return ctx.read(run)


# ---------------------------------------------------------------------------------------------
# Writing the plan
# ---------------------------------------------------------------------------------------------
def _plan_texts(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for name in ("life_project", "what_matters", "expectations", "to_avoid"):
        if name in values:
            try:
                out[name] = clean_text(values[name], name, max_len=PLAN_TEXT_MAX) or None
            except ValidationError as exc:
                errors.append(exc)
    if "review_date" in values:
        out["review_date"] = values["review_date"]
    if errors:
        raise ValidationErrors(errors)
    return out


def _open_case_id(session: Session, patient_id: str) -> str | None:
    row = session.execute(
        select(Case.id).where(Case.patient_id == patient_id, Case.deleted.is_(False),
                              Case.status != "closed")
        .order_by(Case.opened_on.desc())).first()
    return row[0] if row else None


def start_plan(ctx: AppContext, patient_id: str, *, life_project: str = "", what_matters: str = "",
               expectations: str = "", to_avoid: str = "",
               review_date: dt.date | None = None) -> str:
    """The first version of a patient's plan, from the patient's own words."""
    values = _plan_texts({"life_project": life_project, "what_matters": what_matters,
                          "expectations": expectations, "to_avoid": to_avoid,
                          "review_date": review_date})

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        rows = _plan_rows(uow.session, patient_id)
        if any(r.status == "draft" for r in rows):
            raise RuleViolation("plan.draft_exists", "plan")
        if any(r.status == "agreed" for r in rows):
            raise RuleViolation("plan.agreed_exists", "plan")
        plan = uow.add(CarePlan, patient_id=patient_id,
                       case_id=_open_case_id(uow.session, patient_id), version=1, status="draft",
                       **values)
        uow.audit("create", table="care_plan", record_id=plan.id, patient_id=patient_id)
        return plan.id

    return ctx.write(run)


def update_plan(ctx: AppContext, plan_id: str, *, life_project: str | None = None,
                what_matters: str | None = None, expectations: str | None = None,
                to_avoid: str | None = None, review_date: dt.date | None = _UNSET) -> list[str]:
    """Change the plan's texts or review date (None leaves a text as it is)."""
    texts = (("life_project", life_project), ("what_matters", what_matters),
             ("expectations", expectations), ("to_avoid", to_avoid))
    raw: dict[str, Any] = {k: v for k, v in texts if v is not None}
    if review_date is not _UNSET:
        raw["review_date"] = review_date
    values = _plan_texts(raw)

    def run(uow: UnitOfWork) -> list[str]:
        plan = _load_plan(uow.session, plan_id)
        rules.check_editable(plan.status)
        changed = uow.update(plan, values)
        if changed:
            uow.audit("edit", table="care_plan", record_id=plan.id, patient_id=plan.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def _next_position(session: Session, model: type[Goal] | type[Action], plan_id: str) -> int:
    # tombstones count: a removed item's position is never reused, so versions compare cleanly
    top = session.execute(select(func.max(model.position)).where(model.plan_id == plan_id)).scalar()
    return int(top or 0) + 1


def add_goal(ctx: AppContext, plan_id: str, text: str, *, domain: str | None = None,
             needs: list[str] | None = None, target_date: dt.date | None = None) -> str:
    values = rules.validate_goal(text, domain, target_date, "active", ctx.today())
    need_codes = [clean_line(n, "needs", required=True, max_len=80) for n in needs or []]

    def run(uow: UnitOfWork) -> str:
        plan = _load_plan(uow.session, plan_id)
        rules.check_editable(plan.status)
        goal = uow.add(Goal, plan_id=plan.id, patient_id=plan.patient_id, needs=need_codes,
                       position=_next_position(uow.session, Goal, plan.id), **values)
        uow.audit("create", table="goal", record_id=goal.id, patient_id=plan.patient_id)
        return goal.id

    return ctx.write(run)


def _load_goal(session: Session, goal_id: str) -> tuple[Goal, CarePlan]:
    if not is_uuid(goal_id):
        raise ValidationError("id.invalid", "goal")
    goal = load(session, Goal, goal_id, "goal")
    return goal, _load_plan(session, goal.plan_id)


def update_goal(ctx: AppContext, goal_id: str, *, text: str | None = None,
                domain: str | None = _UNSET, target_date: dt.date | None = _UNSET,
                status: str | None = None) -> list[str]:
    def run(uow: UnitOfWork) -> list[str]:
        goal, plan = _load_goal(uow.session, goal_id)
        rules.check_editable(plan.status)
        values = rules.validate_goal(
            goal.text if text is None else text, goal.domain if domain is _UNSET else domain,
            goal.target_date if target_date is _UNSET else target_date,
            status or goal.status, ctx.today() if target_date is not _UNSET else None)
        changed = uow.update(goal, values)
        if changed:
            uow.audit("edit", table="goal", record_id=goal.id, patient_id=plan.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def review_goal(ctx: AppContext, goal_id: str, attainment: object, *,
                on: str | dt.date | None = None) -> int:
    """The goal attainment score (−2..+2) at the plan review (issue 20). Allowed on an agreed or
    superseded version (the review looks back at it); a draft has nothing to review yet. A new
    score replaces the previous one of the same version (the field history keeps it)."""
    from desktop.domain.dates import parse_date
    from desktop.domain.indicators import validate_attainment

    score = validate_attainment(attainment)
    today = ctx.today()
    day = parse_date(on, "attainment_on") or today
    if day > today:
        raise ValidationError("date.future", "attainment_on")

    def run(uow: UnitOfWork) -> int:
        goal, plan = _load_goal(uow.session, goal_id)
        load_patient(uow.session, plan.patient_id)
        if plan.status == "draft":
            raise RuleViolation("goal.attainment_draft", "plan")
        if plan.agreed_on is not None and day < plan.agreed_on:
            raise ValidationError("goal.attainment_before_agreement", "attainment_on",
                                  date=plan.agreed_on.isoformat())
        changed = uow.update(goal, {"attainment": score, "attainment_on": day})
        if changed:
            uow.audit("goal_review", table="goal", record_id=goal.id,
                      patient_id=plan.patient_id, fields=sorted(changed))
        return score

    return ctx.write(run)


def remove_goal(ctx: AppContext, goal_id: str) -> None:
    """Remove a goal of a draft with its actions."""
    def run(uow: UnitOfWork) -> None:
        goal, plan = _load_goal(uow.session, goal_id)
        rules.check_editable(plan.status)
        for a in uow.session.execute(select(Action).where(
                Action.goal_id == goal.id, Action.deleted.is_(False))).scalars():
            uow.delete(a)
        uow.delete(goal)
        uow.audit("delete", table="goal", record_id=goal.id, patient_id=plan.patient_id)

    ctx.write(run)


def _check_responsible(session: Session, patient_id: str, kind: str,
                       contact_id: str | None) -> None:
    if kind != "contact":
        return
    if not contact_id or not is_uuid(contact_id):
        raise ValidationErrors([ValidationError("action.no_responsible", "responsible")])
    if contact_id not in {p.contact_id for p in ecosystem(session, patient_id)}:
        raise ValidationErrors([ValidationError("action.responsible_not_in_ecosystem",
                                                "responsible")])


def add_action(ctx: AppContext, goal_id: str, what: str, *, responsible_kind: str | None,
               contact_id: str | None = None, schedule: str = "", start_date: dt.date | None = None,
               end_date: dt.date | None = None) -> str:
    """An action answering a goal; `contact_id` must be someone of the patient's ecosystem."""
    values = rules.validate_action(what, responsible_kind, contact_id, schedule, start_date,
                                   end_date)

    return ctx.write(lambda uow: add_action_in(uow, goal_id, values).id)


def add_action_in(uow: UnitOfWork, goal_id: str, values: dict[str, Any]) -> Action:
    """Insert an already validated action inside a caller's transaction."""
    goal, plan = _load_goal(uow.session, goal_id)
    rules.check_editable(plan.status)
    _check_responsible(uow.session, plan.patient_id, values["responsible_kind"],
                       values["responsible_contact_id"])
    action = uow.add(Action, goal_id=goal.id, plan_id=plan.id, patient_id=plan.patient_id,
                     position=_next_position(uow.session, Action, plan.id), **values)
    uow.audit("create", table="plan_action", record_id=action.id, patient_id=plan.patient_id)
    return action


def _load_action(session: Session, action_id: str) -> tuple[Action, CarePlan]:
    if not is_uuid(action_id):
        raise ValidationError("id.invalid", "action")
    action = load(session, Action, action_id, "action")
    return action, _load_plan(session, action.plan_id)


def update_action(ctx: AppContext, action_id: str, *, what: str | None = None,
                  responsible_kind: str | None = None, contact_id: str | None = _UNSET,
                  schedule: str | None = None, start_date: dt.date | None = _UNSET,
                  end_date: dt.date | None = _UNSET, status: str | None = None) -> list[str]:
    def run(uow: UnitOfWork) -> list[str]:
        action, plan = _load_action(uow.session, action_id)
        rules.check_editable(plan.status)
        values = rules.validate_action(
            action.what if what is None else what,
            responsible_kind or action.responsible_kind,
            action.responsible_contact_id if contact_id is _UNSET else contact_id,
            Schedule.from_json(action.schedule).text if schedule is None else schedule,
            action.start_date if start_date is _UNSET else start_date,
            action.end_date if end_date is _UNSET else end_date,
            status or action.status)
        _check_responsible(uow.session, plan.patient_id, values["responsible_kind"],
                           values["responsible_contact_id"])
        changed = uow.update(action, values)
        if changed:
            uow.audit("edit", table="plan_action", record_id=action.id,
                      patient_id=plan.patient_id, fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def remove_action(ctx: AppContext, action_id: str) -> None:
    def run(uow: UnitOfWork) -> None:
        action, plan = _load_action(uow.session, action_id)
        rules.check_editable(plan.status)
        uow.delete(action)
        uow.audit("delete", table="plan_action", record_id=action.id, patient_id=plan.patient_id)

    ctx.write(run)


# ---------------------------------------------------------------------------------------------
# Agreement and versions
# ---------------------------------------------------------------------------------------------
def agree_plan(ctx: AppContext, plan_id: str, agreed_with: str | None = None,
               agreed_on: dt.date | None = None, *,
               parties: Iterable[str] | str | None = None) -> PlanView:
    """Freeze the draft as agreed (date, with whom: `parties`, codes of rules.AGREED_PARTIES,
    and/or `agreed_with`, words of one's own); the previous agreed version is superseded."""
    def run(uow: UnitOfWork) -> PlanView:
        plan = _load_plan(uow.session, plan_id)
        goal_count = len(_goals(uow.session, plan.id))
        who, day = rules.check_agreeable(plan.status, goal_count, agreed_with, agreed_on,
                                         ctx.today(), plan.review_date, parties)
        for older in _plan_rows(uow.session, plan.patient_id):
            if older.id != plan.id and older.status == "agreed":
                rules.check_transition(older.status, "superseded")
                uow.update(older, {"status": "superseded"})
                uow.audit("supersede", table="care_plan", record_id=older.id,
                          patient_id=plan.patient_id, by=plan.id)
        uow.update(plan, {"status": "agreed", "agreed_with": who, "agreed_on": day})
        uow.audit("agree", table="care_plan", record_id=plan.id, patient_id=plan.patient_id,
                  version=plan.version)
        return _view(uow.session, plan)

    return ctx.write(run)


def new_version(ctx: AppContext, patient_id: str) -> str:
    """A draft copied from the agreed plan (texts, goals, actions, positions kept)."""
    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        rows = _plan_rows(uow.session, patient_id)
        if any(r.status == "draft" for r in rows):
            raise RuleViolation("plan.draft_exists", "plan")
        base = next((r for r in rows if r.status == "agreed"), None)
        if base is None:
            raise RuleViolation("plan.nothing_to_copy", "plan")
        plan = uow.add(
            CarePlan, patient_id=patient_id,
            case_id=_open_case_id(uow.session, patient_id) or base.case_id,
            version=max(r.version for r in rows) + 1, status="draft",
            life_project=base.life_project, what_matters=base.what_matters,
            expectations=base.expectations, to_avoid=base.to_avoid, review_date=None,
            supersedes_id=base.id)
        goal_ids: dict[str, str] = {}
        for g in _goals(uow.session, base.id):
            goal_ids[g.id] = uow.add(
                Goal, plan_id=plan.id, patient_id=patient_id, text=g.text, domain=g.domain,
                needs=list(g.needs or []), target_date=g.target_date, status=g.status,
                position=g.position).id
        for a in _actions(uow.session, base.id):
            if a.goal_id not in goal_ids:
                continue
            uow.add(Action, goal_id=goal_ids[a.goal_id], plan_id=plan.id, patient_id=patient_id,
                    what=a.what, responsible_kind=a.responsible_kind,
                    responsible_contact_id=a.responsible_contact_id,
                    schedule=dict(a.schedule or {}),
                    start_date=a.start_date, end_date=a.end_date, status=a.status,
                    position=a.position)
        uow.audit("create", table="care_plan", record_id=plan.id, patient_id=patient_id,
                  copied_from=base.id, version=plan.version)
        return plan.id

    return ctx.write(run)


def _snapshot(view: PlanView) -> PlanSnapshot:
    goal_pos = {g.id: g.position for g in view.goals}

    def who(a: ActionView) -> str:
        return a.responsible_name if a.responsible_kind == "contact" else a.responsible_kind

    return PlanSnapshot(
        version=view.version,
        fields={"life_project": view.life_project, "what_matters": view.what_matters,
                "expectations": view.expectations, "to_avoid": view.to_avoid,
                "review_date": view.review_date},
        goals=[ItemSnapshot(g.position, g.text, {"text": g.text, "domain": g.domain,
                                                 "target_date": g.target_date,
                                                 "status": g.status}) for g in view.goals],
        actions=[ItemSnapshot(a.position, a.what, {
            "what": a.what, "responsible": who(a), "schedule": a.schedule.text,
            "start_date": a.start_date, "end_date": a.end_date, "status": a.status,
            "goal": goal_pos.get(a.goal_id)}) for a in view.actions])


def compare(ctx: AppContext, old_plan_id: str, new_plan_id: str) -> list[Change]:
    def run(s: Session) -> list[Change]:
        old, new = _view(s, _load_plan(s, old_plan_id)), _view(s, _load_plan(s, new_plan_id))
        return rules.compare_plans(_snapshot(old), _snapshot(new))
    return ctx.read(run)


def compare_with_previous(ctx: AppContext, plan_id: str) -> list[Change]:
    def run(s: Session) -> list[Change]:
        plan = _load_plan(s, plan_id)
        if not plan.supersedes_id:
            raise RuleViolation("plan.no_previous", "plan")
        old = _view(s, _load_plan(s, plan.supersedes_id))
        return rules.compare_plans(_snapshot(old), _snapshot(_view(s, plan)))
    return ctx.read(run)


# ---------------------------------------------------------------------------------------------
# Unmet needs → starting goals; review reminders for the Today view
# ---------------------------------------------------------------------------------------------
def _unmet_needs(ctx: AppContext, patient_id: str) -> list[tuple[str, str, str]]:
    return [(n.domain, n.description or "", n.status) for n in unmet_needs(ctx, patient_id)]


def need_suggestions(ctx: AppContext, patient_id: str) -> list[NeedSuggestion]:
    """Unmet needs offered as starting goals, marked when the current plan already answers them."""
    needs = _unmet_needs(ctx, patient_id)

    def answered(s: Session) -> set[str]:
        load_patient(s, patient_id)
        row = current_plan_row(s, patient_id)
        if row is None:
            return set()
        codes: set[str] = set()
        for g in _goals(s, row.id):
            codes.update(str(n) for n in g.needs or [])
            if g.domain:
                codes.add(g.domain)
        return codes

    done = ctx.read(answered)
    return [NeedSuggestion(d, desc, st, d in done) for d, desc, st in needs]


def review_reminders(ctx: AppContext, within_days: int = 14) -> list[ReviewReminder]:
    """Agreed plans whose review date is past or within `within_days` (Today view)."""
    from desktop.storage.models import Patient

    today = ctx.today()
    limit = today + dt.timedelta(days=within_days)

    def run(s: Session) -> list[ReviewReminder]:
        rows = s.execute(
            select(CarePlan, Patient).join(Patient, Patient.id == CarePlan.patient_id)
            .where(CarePlan.status == "agreed", CarePlan.deleted.is_(False),
                   CarePlan.review_date.is_not(None), CarePlan.review_date <= limit,
                   Patient.deleted.is_(False), Patient.restricted.is_(False))
            .order_by(CarePlan.review_date)).all()
        return [ReviewReminder(p.id, plan.id, p.family_name, p.given_name, plan.review_date,
                               plan.review_date < today)
                for plan, p in rows if plan.review_date is not None]

    return ctx.read(run)
