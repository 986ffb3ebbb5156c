"""The Today view (home screen): computed from the vault each time, so always current offline.

Scope: the open cases of this case manager: its responsible case managers include this laptop's
server user (so a handover moves the case's items to the new one's Today); a case naming none
(opened before enrolment) by its case manager's name (me, or nobody yet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, literal_column, or_, select, true
from sqlalchemy.orm import Session

from desktop.domain import case_lifecycle as L
from desktop.domain import intake as I
from desktop.services.context import AppContext
from desktop.services.preferences import no_first_contact_days
from desktop.storage.models import CarePlan, Case, GpFeedback, HospitalStay, Patient, Visit

FOLLOW_UP_DAYS = 30  # an open case with no contact for this long and nothing planned is overdue
SOON_DAYS = 7  # reviews due within a week are shown before they are late
RECENT_STAY_DAYS = 30


@dataclass(frozen=True)
class TodayItem:
    """One line of the Today view. `kind` says which section; `code` is a translatable detail."""

    kind: str  # visit | overdue | relevance_review | plan_review | gp_feedback | stay
    patient_id: str
    patient_name: str
    at: dt.datetime | None  # visit time, due date (at midnight), admission date
    code: str  # visit kind, overdue reason, stay kind…
    status: str  # visit status; "overdue" / "today" / "soon" for reviews; "in_hospital" for stays
    record_id: str
    case_id: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class TodayData:
    day: dt.date
    visits_today: tuple[TodayItem, ...]
    visits_week: tuple[TodayItem, ...]
    overdue: tuple[TodayItem, ...]
    relevance_reviews: tuple[TodayItem, ...]
    plan_reviews: tuple[TodayItem, ...]
    gp_feedback: tuple[TodayItem, ...]
    recent_stays: tuple[TodayItem, ...]
    open_cases: int
    # intake: the waiting list (since when), requests with no first contact after N days
    waiting_list: tuple[TodayItem, ...] = ()
    awaiting_contact: tuple[TodayItem, ...] = ()
    first_contact_days: int = 7
    # the call after a hospital discharge, due within two working days (issue 18, item 3)
    follow_up_calls: tuple[TodayItem, ...] = ()
    # applications and procedures whose deadline is near or past (issue 19, item 1)
    paperwork: tuple[TodayItem, ...] = ()
    # carers' assessments whose review is near or past (issue 19, item 3)
    carer_reviews: tuple[TodayItem, ...] = ()
    # handover notes addressed to me, not yet acknowledged (issue 19, item 5): shown first
    handovers: tuple[TodayItem, ...] = ()

    @property
    def sections(self) -> dict[str, tuple[TodayItem, ...]]:
        return {"handovers": self.handovers, "visits_today": self.visits_today, "visits_week": self.visits_week,
                "overdue": self.overdue, "relevance_reviews": self.relevance_reviews,
                "plan_reviews": self.plan_reviews, "gp_feedback": self.gp_feedback,
                "recent_stays": self.recent_stays, "waiting_list": self.waiting_list,
                "awaiting_contact": self.awaiting_contact,
                "follow_up_calls": self.follow_up_calls, "paperwork": self.paperwork,
                "carer_reviews": self.carer_reviews}


def mine_filter(user_name: str | None, username: str | None = None) -> ColumnElement[bool]:
    """My cases: my server user (`username`) is one of the case's responsible case managers;
    a case naming none by its case manager's name: me, or nobody yet (a fresh or solo vault)."""
    by_name = or_(Case.primary_case_manager == user_name,
                  Case.primary_case_manager.is_(None)) if user_name else true()
    if not username:
        return by_name
    named = func.coalesce(func.json_array_length(Case.responsible_users), 0) > 0
    each = func.json_each(Case.responsible_users).table_valued("value")
    listed = exists(select(literal_column("1")).select_from(each).where(each.c.value == username))
    return or_(and_(named, listed), and_(~named, by_name))


def _name(p: Patient) -> str:
    return f"{p.family_name.upper()} {p.given_name}"


class _CaseRow:
    """An open case's columns, its patient id and display name."""

    __slots__ = ("first_contact_on", "first_home_visit_on", "intake_outcome", "intake_outcome_on",
                 "name", "opened_on", "pid", "relevance_review_due", "request_date", "status",
                 "waiting_since")

    def __init__(self, r: Any, name: str) -> None:
        for field in self.__slots__:
            if field != "name":
                setattr(self, field, getattr(r, field))
        self.name = name


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _intake_items(s: Session, cases: dict[str, Any], open_ids: Any, today: dt.date,
                  days: int) -> tuple[list[TodayItem], list[TodayItem]]:
    """The waiting list (at the date they went on it) and the requests still without a first
    contact `days` days after the request (at the request date). `cases`: rows of the open
    cases (case columns, pid, name); `open_ids`: a subquery of their ids."""
    waiting: list[TodayItem] = []
    awaiting: list[TodayItem] = []
    if not cases:
        return waiting, awaiting
    # the first contact of each case from its visits done, in SQL (the same rule as
    # cases.first_dates: a home visit is a contact too), only where none is recorded
    when = func.min(func.coalesce(Visit.actual_start, Visit.planned_start))
    first_done: dict[str, dt.date] = {
        cid: dt.date.fromisoformat(str(day)[:10]) for cid, day in s.execute(
            select(Visit.case_id, when).where(
                Visit.deleted.is_(False), Visit.status == "done",
                Visit.kind.in_(sorted(I.CONTACT_KINDS | {"home_visit"})),
                Visit.case_id.in_(open_ids)).group_by(Visit.case_id)) if day is not None}
    for cid, c in cases.items():
        if c.intake_outcome == "waiting":
            since = c.waiting_since or c.intake_outcome_on or today
            waiting.append(TodayItem("waiting", c.pid, c.name, _at(since), "waiting_list",
                                     c.status, cid, cid))
        found = first_done.get(cid)
        first_contact = I.earliest(c.first_contact_on, [d for d in (c.first_home_visit_on, found) if d])
        request = c.request_date or c.opened_on
        if I.awaiting_first_contact(request, first_contact, c.intake_outcome, today, days):
            assert request is not None
            awaiting.append(TodayItem("awaiting_contact", c.pid, c.name, _at(request),
                                      "no_first_contact", c.status, cid, cid))
    return waiting, awaiting


def _review_state(due: dt.date, today: dt.date) -> str:
    """A review due today is to do today, not late."""
    return "overdue" if due < today else "today" if due == today else "soon"


def _by_time(items: list[TodayItem]) -> tuple[TodayItem, ...]:
    return tuple(sorted(items, key=lambda i: (i.at or dt.datetime.min, i.patient_name)))


def today_data(ctx: AppContext, *, mine_only: bool = True,
               on_section: Callable[[str, tuple[TodayItem, ...]], None] | None = None,
               ) -> TodayData:
    """Everything Today shows. `on_section(key, items)` hears each section as soon as it is
    computed (the visits first), in the same read transaction as the result: Today paints
    its sections as they arrive."""
    today = ctx.today()
    start, tomorrow = _at(today), _at(today + dt.timedelta(days=1))
    week_end = _at(today + dt.timedelta(days=SOON_DAYS))
    soon = today + dt.timedelta(days=SOON_DAYS)
    user = ctx.user_name if mine_only else None
    first_contact_days = no_first_contact_days(ctx)

    def run(s: Session) -> TodayData:
        def ready(key: str, items: tuple[TodayItem, ...]) -> None:
            if on_section is not None:
                on_section(key, items)

        from desktop.services import handover
        from desktop.services.account import my_username

        username = my_username(s) if mine_only else None
        # the open cases as plain columns (no ORM objects: thousands at 5,000 patients), and
        # the later queries filter on the same cases by subquery, not by a list of ids
        mine = (Case.deleted.is_(False), Case.status.in_(L.OPEN_STATUSES),
                Patient.deleted.is_(False), Patient.restricted.is_(False), mine_filter(user, username))
        rows = s.execute(
            select(Case.id, Case.status, Case.opened_on, Case.relevance_review_due,
                   Case.intake_outcome, Case.intake_outcome_on, Case.waiting_since,
                   Case.request_date, Case.first_contact_on, Case.first_home_visit_on,
                   Patient.id.label("pid"), Patient.family_name, Patient.given_name)
            .join(Patient, Patient.id == Case.patient_id).where(*mine)).all()
        cases: dict[str, Any] = {}
        names: dict[str, str] = {}
        for r in rows:
            name = names.setdefault(r.pid, f"{r.family_name.upper()} {r.given_name}")
            cases[r.id] = _CaseRow(r, name)
        open_ids = select(Case.id).join(Patient, Patient.id == Case.patient_id).where(*mine)
        open_pids = select(Case.patient_id).join(Patient, Patient.id == Case.patient_id).where(*mine)

        def visits(*cond: ColumnElement[bool]) -> list[Visit]:
            if not cases:
                return []
            return list(s.execute(select(Visit).where(
                Visit.deleted.is_(False), Visit.case_id.in_(open_ids), *cond)).scalars())

        def vitem(v: Visit, kind: str = "visit", code: str | None = None) -> TodayItem:
            when = v.actual_start or v.planned_start
            return TodayItem(kind, v.patient_id, names[v.patient_id], when,
                             code or v.kind, v.status, v.id, v.case_id, v.place)

        planned_start = Visit.planned_start
        actual_start = Visit.actual_start
        todays = visits(Visit.status != "cancelled", or_(
            and_(Visit.status == "planned", planned_start >= start, planned_start < tomorrow),
            and_(Visit.status == "done", actual_start >= start, actual_start < tomorrow)))
        week = visits(Visit.status == "planned", planned_start >= tomorrow,
                      planned_start < week_end)
        ready("visits_today", _by_time([vitem(v) for v in todays]))
        ready("visits_week", _by_time([vitem(v) for v in week]))
        late = visits(Visit.status == "planned", planned_start < start)
        overdue = [vitem(v, "overdue", "visit_not_recorded") for v in late]

        # open cases with no contact for FOLLOW_UP_DAYS and nothing planned from today on
        cutoff = _at(today - dt.timedelta(days=FOLLOW_UP_DAYS))
        recent: set[str] = set()
        if cases:
            recent = set(s.execute(select(Visit.case_id).where(
                Visit.deleted.is_(False), Visit.case_id.in_(open_ids), or_(
                    and_(Visit.status == "done", actual_start >= cutoff),
                    and_(Visit.status == "planned", planned_start >= start)))).scalars())
        late_cases = {v.case_id for v in late}
        for cid, c in cases.items():
            opened_recently = c.opened_on is not None and c.opened_on > cutoff.date()
            if cid in recent or cid in late_cases or opened_recently:
                continue
            overdue.append(TodayItem("overdue", c.pid, c.name, None, "no_recent_contact",
                                     c.status, cid, cid))
        ready("overdue", _by_time(overdue))

        reviews = [TodayItem("relevance_review", c.pid, c.name, _at(c.relevance_review_due),
                             c.status, _review_state(c.relevance_review_due, today),
                             cid, cid)
                   for cid, c in cases.items()
                   if c.relevance_review_due is not None and c.relevance_review_due <= soon]
        ready("relevance_reviews", _by_time(reviews))

        pids = open_pids
        plans = [TodayItem("plan_review", cp.patient_id, names[cp.patient_id],
                           _at(cp.review_date), cp.status,  # type: ignore[arg-type]
                           _review_state(cp.review_date, today),  # type: ignore[arg-type]
                           cp.id, cp.case_id)
                 for cp in s.execute(select(CarePlan).where(
                     CarePlan.deleted.is_(False), CarePlan.patient_id.in_(pids),
                     CarePlan.status != "superseded", CarePlan.review_date.is_not(None),
                     CarePlan.review_date <= soon)).scalars()] if names else []
        ready("plan_reviews", _by_time(plans))
        feedback = [TodayItem("gp_feedback", f.patient_id, names[f.patient_id],
                              _at(f.due_on or f.created_on), "pending",
                              "overdue" if f.due_on and f.due_on < today else "pending",
                              f.id, f.case_id)
                    for f in s.execute(select(GpFeedback).where(
                        GpFeedback.deleted.is_(False), GpFeedback.patient_id.in_(pids),
                        GpFeedback.status == "pending")).scalars()] if names else []
        ready("gp_feedback", _by_time(feedback))
        since = today - dt.timedelta(days=RECENT_STAY_DAYS)
        stays = [TodayItem("stay", h.patient_id, names[h.patient_id], _at(h.admitted_on),
                           h.kind, "in_hospital" if h.discharged_on is None else "discharged",
                           h.id, h.case_id, h.hospital)
                 for h in s.execute(select(HospitalStay).where(
                     HospitalStay.deleted.is_(False), HospitalStay.patient_id.in_(pids),
                     or_(HospitalStay.admitted_on >= since, HospitalStay.discharged_on >= since,
                         HospitalStay.discharged_on.is_(None)))).scalars()] if names else []
        ready("recent_stays", tuple(sorted(stays, key=lambda i: i.at or dt.datetime.min,
                                           reverse=True)))

        waiting, awaiting = _intake_items(s, cases, open_ids, today, first_contact_days)
        ready("waiting_list", _by_time(waiting))
        ready("awaiting_contact", _by_time(awaiting))
        calls = [TodayItem("follow_up_call", h.patient_id, names[h.patient_id],
                           _at(h.follow_up_due),  # type: ignore[arg-type]
                           h.kind, "overdue" if h.follow_up_due < today  # type: ignore[operator]
                           else "due", h.id, h.case_id, h.hospital)
                 for h in s.execute(select(HospitalStay).where(
                     HospitalStay.deleted.is_(False), HospitalStay.patient_id.in_(pids),
                     HospitalStay.follow_up_due.is_not(None),
                     HospitalStay.follow_up_done_on.is_(None))).scalars()] if names else []
        ready("follow_up_calls", _by_time(calls))

        from desktop.services.paperwork import paperwork_of

        papers = [TodayItem("paperwork", w.patient_id, w.patient_name, _at(w.deadline),  # type: ignore[arg-type]
                            w.kind, w.due or "due", w.id, w.case_id, w.follower)
                  for w in paperwork_of(s, today, patient_ids=list(names), due_only=True)
                  ] if names else []
        ready("paperwork", _by_time(papers))
        from desktop.services.carer import carer_reviews_of

        carers = [TodayItem("carer_review", a.patient_id, a.patient_name,
                            _at(a.review_on), a.burden,  # type: ignore[arg-type]
                            a.review or "due", a.id, a.case_id, a.carer_name)
                  for a in carer_reviews_of(s, today, list(names))] if names else []
        ready("carer_reviews", _by_time(carers))

        by_time = _by_time

        handovers = [TodayItem("handover", h.patient_id, h.patient_name, _at(h.handed_over_on),
                               "to_read", "unread", h.id, h.case_id, h.from_name)
                     for h in handover.unread_in(s, handover.me(s, ctx))] if mine_only else []
        ready("handovers", _by_time(handovers))

        return TodayData(
            day=today, visits_today=by_time([vitem(v) for v in todays]),
            visits_week=by_time([vitem(v) for v in week]), overdue=by_time(overdue),
            relevance_reviews=by_time(reviews), plan_reviews=by_time(plans),
            gp_feedback=by_time(feedback),
            recent_stays=tuple(sorted(stays, key=lambda i: i.at or dt.datetime.min, reverse=True)),
            open_cases=len(cases), waiting_list=by_time(waiting),
            awaiting_contact=by_time(awaiting), first_contact_days=first_contact_days,
            follow_up_calls=by_time(calls), paperwork=by_time(papers),
            carer_reviews=by_time(carers),
            handovers=by_time(handovers))

    return ctx.read(run)
