"""The caseload: my cases with search (FTS5 inside the vault), filters and sort."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import case_lifecycle as L
from desktop.domain.dates import age_on
from desktop.domain.errors import ValidationError
from desktop.domain.niss import format_niss
from desktop.domain.phone import display_phone
from desktop.domain.text import fold
from desktop.services.account import my_username
from desktop.services.context import AppContext
from desktop.services.today import SOON_DAYS
from desktop.storage import search
from desktop.storage.models import Case, Patient

SORTS = ("name", "next_visit", "last_visit", "relevance_review", "opened", "status")
DUE_FILTERS = ("any", "relevance_review", "visit_not_recorded", "plan_review", "gp_feedback")
SEARCH_LIMIT = 100  # a keystroke shows the best screenful; more letters narrow it


@dataclass(frozen=True)
class CaseloadRow:
    case_id: str
    patient_id: str
    family_name: str
    given_name: str
    age: int | None
    niss: str | None  # formatted
    city: str | None
    phone_e164: str | None
    status: str
    tier: str | None
    opened_on: dt.date | None
    last_visit: dt.datetime | None
    next_visit: dt.datetime | None
    relevance_review_due: dt.date | None
    due: tuple[str, ...]  # codes from DUE_FILTERS (without "any")

    @property
    def phone(self) -> str | None:
        """National format, computed on use (formatting every row would slow each keystroke)."""
        return display_phone(self.phone_e164) if self.phone_e164 else None


def list_caseload(ctx: AppContext, query: str | None = None, *,
                  statuses: Sequence[str] | None = None, tier: str | None = None,
                  due: str | None = None, sort: str = "name", mine_only: bool = True,
                  without_case: bool = False, limit: int = 1000) -> list[CaseloadRow]:
    """Cases (open ones by default) with their patient, last/next visit and what is due.
    `query` matches name, NISS, town or phone, accent- and case-insensitive, by prefix.
    `without_case` adds patients who have no case yet (status "none"), to start one."""
    wanted = tuple(statuses) if statuses else L.OPEN_STATUSES
    if any(st not in L.STATUSES for st in wanted):
        raise ValidationError("case.status_invalid", "status", value=",".join(wanted))
    if sort not in SORTS:
        raise ValidationError("caseload.sort_invalid", "sort")
    if due is not None and due not in DUE_FILTERS:
        raise ValidationError("caseload.due_invalid", "due")
    today = ctx.today()
    start = dt.datetime.combine(today, dt.time())
    soon = today + dt.timedelta(days=SOON_DAYS)
    user = ctx.user_name if mine_only else None

    expr = search.fts_query(query) if query and query.strip() else None
    if query and query.strip() and expr is None:
        return []
    sql, params = _statement(expr, wanted, tier, user)
    params.update(start=start.isoformat(" "), soon=soon.isoformat())

    def run(s: Session) -> list[CaseloadRow]:
        # straight to the driver, in the session's transaction: a keystroke's rows are plain
        # tuples, with no statement to compile nor result to wrap (issue 16: ≤ 16 ms p95)
        if user:
            params["me"] = my_username(s)
        cursor = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            rows = [_Row(*r) for r in cursor.execute(sql, params).fetchall()]
        finally:
            cursor.close()
        order = ({r.patient_id: i for i, r in enumerate(rows)}
                 if expr and not _letters_only(expr) else {})
        extra: list[CaseloadRow] = []
        if without_case and not tier and due is None:
            ids = search.search_ids(s, query or "", SEARCH_LIMIT) if expr else None
            extra = _patients_without_case(s, ids, today)
            if ids:
                order = {pid: i for i, pid in enumerate(ids)}
        out: list[CaseloadRow] = []
        for c in rows:
            flags = []
            review = _day(c.relevance_review_due)
            if L.is_open(c.status) and review and review <= soon:
                flags.append("relevance_review")
            if c.late:
                flags.append("visit_not_recorded")
            if c.plan_due:
                flags.append("plan_review")
            if c.gp_due:
                flags.append("gp_feedback")
            if (due == "any" and not flags) or (due not in (None, "any") and due not in flags):
                continue
            out.append(CaseloadRow(
                case_id=c.id, patient_id=c.patient_id, family_name=c.family_name,
                given_name=c.given_name, age=_age(c.birth_date, today),
                niss=format_niss(c.niss) if c.niss else None, city=c.city,
                phone_e164=c.phone, status=c.status,
                tier=c.complexity_tier, opened_on=_day(c.opened_on), last_visit=_moment(c.last_visit),
                next_visit=_moment(c.next_visit), relevance_review_due=review,
                due=tuple(flags)))
        out.extend(extra)
        out.sort(key=_sort_key(sort, order))
        return out[:limit]

    return ctx.read(run)


def _patients_without_case(s: Session, ids: list[str] | None, today: dt.date) -> list[CaseloadRow]:
    has_case = select(Case.patient_id).where(Case.deleted.is_(False))
    q = select(Patient).where(Patient.deleted.is_(False), Patient.restricted.is_(False),
                              Patient.id.not_in(has_case))
    if ids is not None:
        q = q.where(Patient.id.in_(ids))
    return [CaseloadRow(
        case_id="", patient_id=p.id, family_name=p.family_name, given_name=p.given_name,
        age=age_on(p.birth_date, today) if p.birth_date else None,
        niss=format_niss(p.niss) if p.niss else None, city=p.city,
        phone_e164=p.phones[0] if p.phones else None, status="none", tier=None,
        opened_on=None, last_visit=None, next_visit=None, relevance_review_due=None, due=())
        for p in s.execute(q.limit(500)).scalars()]


# One statement per keystroke: FTS hits, their cases and patients, visit summary and due flags
# as correlated subqueries (indexed by case and patient id). Plain SQL keeps the per-call
# overhead of building expressions out of the search path.
_SELECT = """
SELECT c.id, c.patient_id, c.status, c.complexity_tier, c.opened_on, c.relevance_review_due,
       p.family_name, p.given_name, p.birth_date, p.niss, p.city,
       json_extract(p.phones, '$[0]') AS phone,
       (SELECT max(v.actual_start) FROM visit v
         WHERE v.case_id = c.id AND v.deleted = 0 AND v.status = 'done') AS last_visit,
       (SELECT min(v.planned_start) FROM visit v
         WHERE v.case_id = c.id AND v.deleted = 0 AND v.status = 'planned'
           AND v.planned_start >= :start) AS next_visit,
       EXISTS (SELECT 1 FROM visit v WHERE v.case_id = c.id AND v.deleted = 0
                 AND v.status = 'planned' AND v.planned_start < :start) AS late,
       EXISTS (SELECT 1 FROM care_plan cp WHERE cp.patient_id = c.patient_id AND cp.deleted = 0
                 AND cp.status != 'superseded' AND cp.review_date <= :soon) AS plan_due,
       EXISTS (SELECT 1 FROM gp_feedback g WHERE g.patient_id = c.patient_id AND g.deleted = 0
                 AND g.status = 'pending') AS gp_due
FROM {source}
JOIN case_record c ON c.patient_id = p.id
WHERE c.deleted = 0 AND p.deleted = 0 AND p.restricted = 0 AND c.status IN :statuses {extra}
{order}
"""


# dates and times come back as SQLite's text and are parsed here: SQLAlchemy's type processors
# cost more than the query itself on a one-letter search
class _Row(NamedTuple):
    """The columns of `_SELECT`, in order."""

    id: str
    patient_id: str
    status: str
    complexity_tier: str | None
    opened_on: str | None
    relevance_review_due: str | None
    family_name: str
    given_name: str
    birth_date: str | None
    niss: str | None
    city: str | None
    phone: str | None
    last_visit: str | None
    next_visit: str | None
    late: int
    plan_due: int
    gp_due: int


def _age(birth: str | None, today: dt.date) -> int | None:
    """`age_on` from SQLite's 'YYYY-MM-DD', without making a date of it."""
    if not birth:
        return None
    year, month, day = int(birth[:4]), int(birth[5:7]), int(birth[8:10])
    return today.year - year - ((today.month, today.day) < (month, day))


def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def _moment(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def _statement(expr: str | None, statuses: Sequence[str], tier: str | None,
               user: str | None) -> tuple[str, dict[str, Any]]:
    """The SQL (the same text for the same shape of search: SQLite keeps it prepared) and its
    parameters."""
    params: dict[str, Any] = {f"s{i}": st for i, st in enumerate(statuses)}
    extra = ""
    if tier:
        extra += " AND c.complexity_tier = :tier"
        params["tier"] = tier
    if user:
        # the rule of Today's "my cases" (today.mine_filter): once enrolled, a case naming its
        # responsible case managers is mine when my server user is one of them; otherwise by
        # the case manager's name, or nobody yet
        extra += (" AND (CASE WHEN :me IS NOT NULL"
                  " AND coalesce(json_array_length(c.responsible_users), 0) > 0"
                  " THEN EXISTS (SELECT 1 FROM json_each(c.responsible_users) WHERE value = :me)"
                  " ELSE (c.primary_case_manager = :user OR c.primary_case_manager IS NULL) END)")
        params["user"] = user
    if expr is not None:
        # ranking (bm25) every match of a one-letter prefix costs ~7 ms at 5,000 patients and
        # tells nothing: such a search lists its first matches by name
        ranked = not _letters_only(expr)
        rank = "rank" if ranked else "0 AS rank"
        by_rank = "ORDER BY rank " if ranked else ""
        source = (f"(SELECT patient_id, {rank} FROM patient_search WHERE patient_search MATCH :q "
                  f"{by_rank}LIMIT :n) AS hits JOIN patient p ON p.id = hits.patient_id")
        order = "ORDER BY hits.rank" if ranked else ""
        params.update(q=expr, n=SEARCH_LIMIT)
    else:
        source, order = "patient p", ""
    statuses_in = "(" + ", ".join(f":s{i}" for i in range(len(statuses))) + ")"
    sql = _SELECT.format(source=source, extra=extra, order=order).replace(
        ":statuses", statuses_in)
    return sql, params


def _letters_only(expr: str) -> bool:
    """Every term of the MATCH expression is a single-character prefix ('"l"*')."""
    terms = expr.split(" AND ")
    return all(len(t) == 4 and t.startswith('"') and t.endswith('"*') for t in terms)


def _sort_key(sort: str, order: dict[str, int]) -> Callable[[CaseloadRow], tuple[object, ...]]:
    far = dt.datetime.max
    far_day = dt.date.max

    def name(r: CaseloadRow) -> tuple[str, str]:
        return fold(r.family_name), fold(r.given_name)

    if sort == "name" and order:
        # search: best match first (ties are the same patient's cases)
        return lambda r: (order.get(r.patient_id, 0), r.family_name, r.given_name)
    return {
        "name": name,
        "next_visit": lambda r: (r.next_visit or far, name(r)),
        "last_visit": lambda r: (r.last_visit or dt.datetime.min, name(r)),
        "relevance_review": lambda r: (r.relevance_review_due or far_day, name(r)),
        "opened": lambda r: (dt.date.max - (r.opened_on or dt.date.min), name(r)),
        "status": lambda r: ((*L.STATUSES, "none").index(r.status), name(r)),
    }[sort]
