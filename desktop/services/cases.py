"""Case use cases: open with a request, move through the lifecycle, close, reopen, review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import case_lifecycle as L
from desktop.domain import intake as I
from desktop.domain.case_lifecycle import RequestFields
from desktop.domain.dates import local_time, parse_date
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.domain.ids import is_uuid
from desktop.domain.phone import display_phone
from desktop.domain.text import clean_line, clean_text
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import Case, CaseStatusChange, Visit

__all__ = ["CaseView", "RequestFields", "StatusChangeView", "change_status", "close_case",
           "get_case", "list_cases", "local_now", "open_case", "record_first_dates",
           "record_intake", "record_relevance_review", "update_case", "view_case"]

RELEVANCE_SETTING = "case.relevance_review_months"


def local_now(ctx: AppContext) -> dt.datetime:
    """Local wall-clock time on `ctx.today()` (tests freeze the day, the hour stays real)."""
    now = local_time()
    return dt.datetime.combine(ctx.today(), now.time()).replace(second=0, microsecond=0)


def relevance_months(ctx: AppContext) -> int:
    value = ctx.get_setting(RELEVANCE_SETTING, L.RELEVANCE_REVIEW_MONTHS)
    return int(value) if isinstance(value, int) and 1 <= value <= 24 else L.RELEVANCE_REVIEW_MONTHS


@dataclass(frozen=True)
class StatusChangeView:
    id: str
    from_status: str | None
    to_status: str
    changed_on: dt.date
    changed_by: str | None
    note: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class CaseView:
    id: str
    patient_id: str
    status: str
    requester_type: str | None
    requester_name: str | None
    requester_phone: str | None  # national format
    requester_contact_id: str | None
    request_date: dt.date | None
    request_reason: str | None
    clarified_request: str | None
    complexity_tier: str | None
    primary_case_manager: str | None
    opened_on: dt.date | None
    closed_on: dt.date | None
    closure_reason: str | None
    closure_note: str | None
    relevance_review_due: dt.date | None
    relevance_review_overdue: bool
    visits_done: int
    visits_planned: int
    history: tuple[StatusChangeView, ...]
    responsible_users: tuple[str, ...] = ()  # server user names (desktop/domain/sharing.py)
    # intake outcome and access delays (desktop.domain.intake)
    intake_outcome: str | None = None
    intake_outcome_on: dt.date | None = None
    redirected_to_contact_id: str | None = None
    intake_reason: str | None = None
    waiting_since: dt.date | None = None
    first_contact_on: dt.date | None = None  # recorded, or the first contact visit done
    first_home_visit_on: dt.date | None = None  # recorded, or the first home visit done
    days_to_first_contact: int | None = None
    days_to_first_home_visit: int | None = None
    crisis_triggers: tuple[str, ...] = ()
    crisis_noted_on: dt.date | None = None
    # closure: who agreed and to whom the follow-up went back (desktop.domain.closure)
    closure_agreed_by: tuple[str, ...] = ()
    closure_handback: str | None = None

    @property
    def is_open(self) -> bool:
        return L.is_open(self.status)

    @property
    def status_since(self) -> dt.date | None:
        """The day the case took its current status (its last change to it), else its opening."""
        return next((h.changed_on for h in reversed(self.history) if h.to_status == self.status),
                    self.opened_on)


def load_case(session: Session, case_id: str) -> Case:
    if not is_uuid(case_id):
        raise ValidationError("id.invalid", "case_id")
    case = load(session, Case, case_id, "case")
    load_patient(session, case.patient_id)  # a restricted or deleted patient hides its cases
    return case


def case_view(session: Session, c: Case, today: dt.date) -> CaseView:
    changes = session.execute(
        select(CaseStatusChange).where(CaseStatusChange.case_id == c.id,
                                       CaseStatusChange.deleted.is_(False))
        .order_by(CaseStatusChange.changed_on, CaseStatusChange.created_at, CaseStatusChange.id)
    ).scalars().all()
    visit_rows = session.execute(
        select(Visit.status, Visit.kind, Visit.actual_start, Visit.planned_start)
        .where(Visit.case_id == c.id, Visit.deleted.is_(False))).all()
    statuses = [v[0] for v in visit_rows]
    first_contact, first_home = first_dates(c, visit_rows)
    return CaseView(
        id=c.id, patient_id=c.patient_id, status=c.status, requester_type=c.requester_type,
        requester_name=c.requester_name,
        requester_phone=display_phone(c.requester_phone) if c.requester_phone else None,
        requester_contact_id=c.requester_contact_id, request_date=c.request_date,
        request_reason=c.request_reason, clarified_request=c.clarified_request,
        complexity_tier=c.complexity_tier, primary_case_manager=c.primary_case_manager,
        opened_on=c.opened_on, closed_on=c.closed_on, closure_reason=c.closure_reason,
        closure_note=c.closure_note, relevance_review_due=c.relevance_review_due,
        relevance_review_overdue=bool(L.is_open(c.status) and c.relevance_review_due
                                      and c.relevance_review_due <= today),
        visits_done=sum(1 for s in statuses if s == "done"),
        visits_planned=sum(1 for s in statuses if s == "planned"),
        history=tuple(StatusChangeView(
            id=h.id, from_status=h.from_status, to_status=h.to_status, changed_on=h.changed_on,
            changed_by=h.changed_by, note=h.note, created_at=h.created_at) for h in changes),
        responsible_users=tuple(c.responsible_users or ()),
        intake_outcome=c.intake_outcome, intake_outcome_on=c.intake_outcome_on,
        redirected_to_contact_id=c.redirected_to_contact_id, intake_reason=c.intake_reason,
        waiting_since=c.waiting_since, first_contact_on=first_contact,
        first_home_visit_on=first_home,
        days_to_first_contact=I.delay_days(c.request_date, first_contact),
        days_to_first_home_visit=I.delay_days(c.request_date, first_home),
        crisis_triggers=tuple(c.crisis_triggers or ()), crisis_noted_on=c.crisis_noted_on,
        closure_agreed_by=tuple(c.closure_agreed_by or ()), closure_handback=c.closure_handback,
    )


def first_dates(c: Case, visit_rows: Sequence[Any]) -> tuple[dt.date | None, dt.date | None]:
    """First contact and first home visit: the recorded dates, or the first visits done
    (rows of status, kind, actual_start, planned_start)."""
    done = [(kind, (actual or planned).date()) for status, kind, actual, planned in visit_rows
            if status == "done" and (actual or planned) is not None]
    contact = I.earliest(c.first_contact_on, [d for k, d in done if k in I.CONTACT_KINDS])
    home = I.earliest(c.first_home_visit_on, [d for k, d in done if k == "home_visit"])
    # a home visit is a contact too
    return I.earliest(contact, [home] if home else []), home


def _log_change(uow: UnitOfWork, case: Case, from_status: str | None, to_status: str,
                on: dt.date, note: str | None) -> None:
    uow.add(CaseStatusChange, case_id=case.id, patient_id=case.patient_id, from_status=from_status,
            to_status=to_status, changed_on=on, changed_by=uow.ctx.user_name, note=note)


def open_case(ctx: AppContext, patient_id: str, request: RequestFields, *,
              opened_on: str | dt.date | None = None, tier: str | None = None,
              status: str = "referred") -> str:
    """Open a new case (episode) for a patient, recording who asked and why. Returns its id.
    A patient may have several cases over the years, but only one open at a time."""
    today = ctx.today()
    values = L.validate_request(request, today)
    day = L.validate_opened_on(opened_on, today)
    if values["request_date"] and values["request_date"] > day:  # type: ignore[operator]
        raise ValidationError("case.request_after_opening", "request_date")
    tier = L.validate_tier(tier)
    if status not in ("referred", "assessing", "active"):
        raise ValidationError("case.status_invalid", "status", value=status)
    months = relevance_months(ctx)

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        if values.get("requester_contact_id"):
            from desktop.storage.models import Contact

            cid = str(values["requester_contact_id"])
            if not is_uuid(cid) or uow.session.get(Contact, cid) is None:
                raise ValidationError("record.not_found", "requester_contact_id")
        already = uow.session.execute(
            select(Case.id).where(Case.patient_id == patient_id, Case.deleted.is_(False),
                                  Case.status.in_(L.OPEN_STATUSES))).first()
        if already:
            raise RuleViolation("case.already_open", "patient_id")
        from desktop.services.account import my_username

        me = my_username(uow.session)
        case = uow.add(Case, patient_id=patient_id, status=status, opened_on=day,
                       complexity_tier=tier, primary_case_manager=ctx.user_name,
                       responsible_users=[me] if me else None,
                       relevance_review_due=L.next_relevance_review(day, months), **values)
        _log_change(uow, case, None, status, day, None)
        uow.audit("create", table="case_record", record_id=case.id, patient_id=patient_id)
        return case.id

    return ctx.write(run)


def update_case(ctx: AppContext, case_id: str, *, clarified_request: str | None = None,
                request_reason: str | None = None, tier: str | None = None,
                primary_case_manager: str | None = None) -> list[str]:
    """Change the request texts, tier or case manager (the fields given). Returns changed names."""
    values: dict[str, object] = {}
    if clarified_request is not None:
        values["clarified_request"] = clean_text(clarified_request, "clarified_request") or None
    if request_reason is not None:
        values["request_reason"] = clean_text(request_reason, "request_reason", required=True)
    if tier is not None:
        values["complexity_tier"] = L.validate_tier(tier)
    if primary_case_manager is not None:
        values["primary_case_manager"] = clean_line(primary_case_manager,
                                                    "primary_case_manager") or None

    def run(uow: UnitOfWork) -> list[str]:
        case = load_case(uow.session, case_id)
        changed = uow.update(case, values)
        if changed:
            uow.audit("edit", table="case_record", record_id=case.id, patient_id=case.patient_id,
                      fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def assign_case(ctx: AppContext, case_id: str, to: str, co: str | None = None) -> list[str]:
    """Handover: the case's responsible case managers become `to` (and `co`, working as a
    pair), users of the team as the server last listed them. When team sharing is refused,
    only they see the patient. Returns the new list."""
    from desktop.domain.sharing import check_responsible
    from desktop.services.account import team_members

    def run(uow: UnitOfWork) -> list[str]:
        case = load_case(uow.session, case_id)
        members = [m.get("username", "") for m in team_members(uow.session)]
        names = check_responsible([to] + ([co] if co else []), members)
        if uow.update(case, {"responsible_users": names}):
            uow.audit("handover", table="case_record", record_id=case.id,
                      patient_id=case.patient_id, responsible=names)
        return names

    return ctx.write(run)


def record_intake(ctx: AppContext, case_id: str, outcome: str | None, *,
                  to_contact_id: str | None = None, reason: str | None = None,
                  on: str | dt.date | None = None) -> dict[str, object]:
    """How the intake of the request ends: accepted, redirected (to a service of the directory,
    and why) or waiting list (since `on`). Recording it again replaces it. Returns the values."""
    today = ctx.today()
    raw = I.IntakeInput(outcome, to_contact_id, reason, on)

    def run(uow: UnitOfWork) -> dict[str, object]:
        case = load_case(uow.session, case_id)
        values = I.validate_intake(raw, case.request_date, today)
        to = values["redirected_to_contact_id"]
        _redirect_target(uow.session, to)
        day = values["intake_outcome_on"]
        if (outcome == "waiting" and case.intake_outcome == "waiting" and case.waiting_since
                and isinstance(day, dt.date)):
            values["waiting_since"] = min(case.waiting_since, day)  # still waiting since then
        changed = uow.update(case, values)
        if changed:
            uow.audit("intake", table="case_record", record_id=case.id,
                      patient_id=case.patient_id, outcome=outcome, to_contact=to)
        return values

    return ctx.write(run)


def _redirect_target(session: Session, to: object) -> None:
    from desktop.storage.models import Contact

    if to is None:
        return
    target = session.get(Contact, to) if is_uuid(str(to)) else None
    if target is None or target.deleted:
        raise ValidationError("intake.contact_not_found", "redirected_to_contact_id")
    if target.owner_patient_id is not None:  # a relative or friend, not a service
        raise ValidationError("intake.contact_not_service", "redirected_to_contact_id")


def record_redirected_request(ctx: AppContext, patient_id: str, request: RequestFields, *,
                              to_contact_id: str | None, reason: str | None,
                              on: str | dt.date | None = None) -> str:
    """A request answered at intake by sending it to a service of the directory (and why): its
    case is recorded closed on that day, never followed, so it counts in the intake indicators.
    Allowed beside the patient's open case (it was never open). Returns the case id."""
    today = ctx.today()
    values = L.validate_request(request, today)
    asked = values["request_date"] if isinstance(values["request_date"], dt.date) else today
    intake = I.validate_intake(I.IntakeInput("redirected", to_contact_id, reason, on), asked,
                               today)
    decided = intake["intake_outcome_on"]
    assert isinstance(decided, dt.date)

    def run(uow: UnitOfWork) -> str:
        load_patient(uow.session, patient_id)
        _redirect_target(uow.session, intake["redirected_to_contact_id"])
        case = uow.add(Case, patient_id=patient_id, status="closed", opened_on=asked,
                       primary_case_manager=ctx.user_name, closed_on=decided,
                       closure_reason="other", **values, **intake)
        _log_change(uow, case, None, "referred", asked, None)
        _log_change(uow, case, "referred", "closed", decided, None)
        uow.audit("intake", table="case_record", record_id=case.id, patient_id=patient_id,
                  outcome="redirected", to_contact=intake["redirected_to_contact_id"])
        return case.id

    return ctx.write(run)


def visibility(session: Session, patient_id: str) -> tuple[str, list[str]]:
    """Who can see the patient's record: ("team", []), ("only_you", []), ("you_and", names)
    or ("only", names) — display names of the other responsible case managers."""
    from desktop.domain import sharing
    from desktop.services.account import my_username, team_members
    from desktop.services.consents import _facts as consent_facts

    me = my_username(session)
    lists = session.scalars(select(Case.responsible_users).where(
        Case.patient_id == patient_id, Case.deleted.is_(False))).all()
    state = sharing.state_of(consent_facts(session, patient_id), lists, me)
    if state.level == sharing.TEAM:
        return "team", []
    names = {m.get("username"): m.get("name") or m.get("username") for m in team_members(session)}
    others = sorted(str(names.get(u) or u) for u in state.responsible if u != me)
    if me is None or me in state.responsible:
        return ("you_and", others) if others else ("only_you", [])
    return "only", others


def record_first_dates(ctx: AppContext, case_id: str, *,
                       first_contact: str | dt.date | None = None,
                       first_home_visit: str | dt.date | None = None,
                       clear: bool = False) -> list[str]:
    """Record the first contact / first home visit explicitly (when not recorded as visits).
    With `clear`, the dates not given are cleared. Returns the changed field names."""
    today = ctx.today()

    def run(uow: UnitOfWork) -> list[str]:
        case = load_case(uow.session, case_id)
        values: dict[str, object] = {}
        for field, raw in (("first_contact_on", first_contact),
                           ("first_home_visit_on", first_home_visit)):
            day = I.validate_first_date(raw, field, case.request_date, today)
            if day is not None or clear:
                values[field] = day
        changed = uow.update(case, values)
        if changed:
            uow.audit("edit", table="case_record", record_id=case.id,
                      patient_id=case.patient_id, fields=sorted(changed))
        return sorted(changed)

    return ctx.write(run)


def change_status(ctx: AppContext, case_id: str, to_status: str, *,
                  on: str | dt.date | None = None, note: str | None = None) -> None:
    """Move a case along the lifecycle. Closing goes through `close_case` (reason and date)."""
    if to_status == "closed":
        raise ValidationError("case.closure_reason_required", "closure_reason")
    today = ctx.today()
    day = parse_date(on, "changed_on") or today
    if day > today:
        raise ValidationError("date.future", "changed_on")
    clean_note = clean_text(note, "note") or None
    months = relevance_months(ctx)

    def run(uow: UnitOfWork) -> None:
        case = load_case(uow.session, case_id)
        L.check_transition(case.status, to_status)
        if case.opened_on and day < case.opened_on:
            raise ValidationError("case.change_before_opened", "changed_on")
        values: dict[str, object] = {"status": to_status}
        if L.is_reopening(case.status, to_status):
            others = uow.session.execute(
                select(Case.id).where(Case.patient_id == case.patient_id, Case.id != case.id,
                                      Case.deleted.is_(False),
                                      Case.status.in_(L.OPEN_STATUSES))).first()
            if others:
                raise RuleViolation("case.already_open", "patient_id")
            values.update(closed_on=None, closure_reason=None, closure_note=None,
                          closure_agreed_by=None, closure_handback=None,
                          relevance_review_due=L.next_relevance_review(day, months))
        from_status = case.status
        uow.update(case, values)
        _log_change(uow, case, from_status, to_status, day, clean_note)
        uow.audit("status", table="case_record", record_id=case.id, patient_id=case.patient_id,
                  from_status=from_status, to_status=to_status)

    ctx.write(run)


def close_case(ctx: AppContext, case_id: str, reason: str | None, closed_on: str | dt.date | None,
               note: str | None = None, *, agreed_by: Sequence[str] | str | None = None,
               handback: str | None = None) -> None:
    """Close by common agreement (or death, move, refusal…): a reason and a date are required;
    who agreed (patient, carer, GP, network) and to whom the follow-up goes back are recorded."""
    from desktop.domain import closure

    today = ctx.today()
    agreed, back = closure.clean_agreed_by(agreed_by), closure.clean_handback(handback)

    def run(uow: UnitOfWork) -> None:
        case = load_case(uow.session, case_id)
        why, day, clean_note = L.validate_closure(reason, closed_on, case.opened_on, today, note)
        L.check_transition(case.status, "closed")
        from_status = case.status
        uow.update(case, {"status": "closed", "closed_on": day, "closure_reason": why,
                          "closure_note": clean_note, "closure_agreed_by": agreed or None,
                          "closure_handback": back})
        _log_change(uow, case, from_status, "closed", day, clean_note)
        uow.audit("close", table="case_record", record_id=case.id, patient_id=case.patient_id,
                  reason=why, agreed_by=agreed, handback=back)

    ctx.write(run)


def record_relevance_review(ctx: AppContext, case_id: str, *, on: str | dt.date | None = None,
                            note: str | None = None) -> dt.date:
    """"Is case management still needed?" answered yes: the next review is due in N months.
    (Answered no: close the case.) The note, if any, goes to the journal. Returns the next date."""
    today = ctx.today()
    day = parse_date(on, "reviewed_on") or today
    if day > today:
        raise ValidationError("date.future", "reviewed_on")
    clean_note = clean_text(note, "note") or None
    months = relevance_months(ctx)

    def run(uow: UnitOfWork) -> dt.date:
        from desktop.storage.models import Note

        case = load_case(uow.session, case_id)
        if not L.is_open(case.status):
            raise RuleViolation("case.closed", "status")
        was_due = case.relevance_review_due  # kept in the audit: reviews done on time (issue 20)
        due = L.next_relevance_review(day, months)
        uow.update(case, {"relevance_review_due": due})
        if clean_note:
            uow.add(Note, patient_id=case.patient_id, case_id=case.id,
                    written_at=local_now(ctx), author=ctx.user_name, text=clean_note)
        uow.audit("relevance_review", table="case_record", record_id=case.id,
                  patient_id=case.patient_id, on=day.isoformat(),
                  due=was_due.isoformat() if was_due else None)
        return due

    return ctx.write(run)


def get_case(ctx: AppContext, case_id: str) -> CaseView:
    return ctx.read(lambda s: case_view(s, load_case(s, case_id), ctx.today()))


def view_case(ctx: AppContext, case_id: str, *, purpose: str = "dossier") -> CaseView:
    """A person looks at the case: audited."""

    def run(uow: UnitOfWork) -> CaseView:
        case = load_case(uow.session, case_id)
        uow.audit("view", table="case_record", record_id=case.id, patient_id=case.patient_id,
                  purpose=purpose)
        return case_view(uow.session, case, ctx.today())

    return ctx.write(run)


def list_cases(ctx: AppContext, patient_id: str) -> list[CaseView]:
    """All cases of a patient, newest first."""

    def run(s: Session) -> list[CaseView]:
        load_patient(s, patient_id)
        rows = s.execute(select(Case).where(Case.patient_id == patient_id, Case.deleted.is_(False))
                         .order_by(Case.opened_on.desc(), Case.id.desc())).scalars().all()
        return [case_view(s, c, ctx.today()) for c in rows]

    return ctx.read(run)


def open_case_of(ctx: AppContext, patient_id: str) -> str | None:
    """The patient's open case, if any (visits and notes attach to it by default)."""
    return ctx.read(lambda s: s.execute(
        select(Case.id).where(Case.patient_id == patient_id, Case.deleted.is_(False),
                              Case.status.in_(L.OPEN_STATUSES))
        .order_by(Case.opened_on.desc())).scalars().first())
