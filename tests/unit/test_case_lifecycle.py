"""Case lifecycle rules, table-driven: every legal transition works, every illegal one is refused
(in the pure rule and through the service on a real vault)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from desktop.domain import case_lifecycle as L
from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.services import cases
from desktop.services.cases import RequestFields
from desktop.services.patients import PatientFields, add_patient
from desktop.storage.models import Case, CaseStatusChange
from tests.conftest import TODAY

LEGAL = {
    ("referred", "assessing"), ("referred", "closed"),
    ("assessing", "active"), ("assessing", "closed"),
    ("active", "assessing"), ("active", "stabilised"), ("active", "closed"),
    ("stabilised", "active"), ("stabilised", "assessing"), ("stabilised", "closed"),
    ("closed", "assessing"), ("closed", "active"),
}
ALL_PAIRS = list(itertools.product(L.STATUSES, L.STATUSES))


@pytest.mark.parametrize(("src", "dst"), ALL_PAIRS)
def test_transition_table(src: str, dst: str) -> None:
    if (src, dst) in LEGAL:
        L.check_transition(src, dst)
    else:
        with pytest.raises(RuleViolation) as info:
            L.check_transition(src, dst)
        assert info.value.code == "case.transition_illegal"
        assert info.value.params == {"from_status": src, "to_status": dst}


def test_unknown_status_is_invalid_input() -> None:
    with pytest.raises(ValidationError) as info:
        L.check_transition("active", "paused")
    assert info.value.code == "case.status_invalid"


# paths from a new case (referred) to each status, using legal moves only
PATH_TO = {
    "referred": [],
    "assessing": ["assessing"],
    "active": ["assessing", "active"],
    "stabilised": ["assessing", "active", "stabilised"],
    "closed": ["closed"],
}


def _patient(ctx) -> str:
    return add_patient(ctx, PatientFields(family_name="Dethier", given_name="Ève",
                                          birth_date="1940-03-02"))


def _move(ctx, case_id: str, path: list[str]) -> None:
    for status in path:
        if status == "closed":
            cases.close_case(ctx, case_id, "other", TODAY)
        else:
            cases.change_status(ctx, case_id, status)


def _req() -> RequestFields:
    return RequestFields(requester_type="gp", requester_name="Dr Piette",
                         request_reason="Elle ne s'en sort plus seule.",
                         request_date="2026-01-02")


@pytest.mark.parametrize(("src", "dst"), ALL_PAIRS)
def test_service_applies_table(ctx, src: str, dst: str) -> None:
    pid = _patient(ctx)
    cid = cases.open_case(ctx, pid, _req(), opened_on=TODAY - dt.timedelta(days=2))
    _move(ctx, cid, PATH_TO[src])
    before = ctx.read(lambda s: s.query(CaseStatusChange).count())
    if (src, dst) in LEGAL:
        _move(ctx, cid, [dst])
        view = cases.get_case(ctx, cid)
        assert view.status == dst
        assert view.history[-1].from_status == src and view.history[-1].to_status == dst
    else:
        with pytest.raises((RuleViolation, ValidationError)):
            _move(ctx, cid, [dst])
        assert cases.get_case(ctx, cid).status == src
        assert ctx.read(lambda s: s.query(CaseStatusChange).count()) == before


def test_open_case_records_request_and_review_due(ctx) -> None:
    pid = _patient(ctx)
    cid = cases.open_case(ctx, pid, RequestFields(
        requester_type="relative", requester_name="Sa fille", requester_phone="0470 12 34 56",
        request_reason="Maman tombe souvent", request_date="2026-11-20"), opened_on="2026-11-21")
    view = cases.get_case(ctx, cid)
    assert view.status == "referred"
    assert view.requester_type == "relative" and view.requester_phone == "0470 12 34 56"
    assert view.request_reason == "Maman tombe souvent"
    assert view.relevance_review_due == dt.date(2027, 2, 21)
    assert view.primary_case_manager == "Anne Lambert"
    assert [h.to_status for h in view.history] == ["referred"]


def test_second_open_case_refused_but_reopen_after_closing_allowed(ctx) -> None:
    pid = _patient(ctx)
    first = cases.open_case(ctx, pid, _req())
    with pytest.raises(RuleViolation) as info:
        cases.open_case(ctx, pid, _req())
    assert info.value.code == "case.already_open"
    cases.close_case(ctx, first, "refused", TODAY)
    second = cases.open_case(ctx, pid, _req())
    assert {c.id for c in cases.list_cases(ctx, pid)} == {first, second}
    with pytest.raises(RuleViolation):  # reopening the first while the second is open
        cases.change_status(ctx, first, "assessing")


def test_close_requires_reason_and_valid_date(ctx) -> None:
    pid = _patient(ctx)
    cid = cases.open_case(ctx, pid, _req(), opened_on="2026-11-10")
    for reason, day, code in [(None, TODAY, "case.closure_reason_required"),
                              ("", TODAY, "case.closure_reason_required"),
                              ("bored", TODAY, "case.closure_reason_invalid"),
                              ("moved", "2026-11-09", "case.closed_before_opened"),
                              ("moved", TODAY + dt.timedelta(days=1), "date.future"),
                              ("moved", None, "case.closed_on_required"),
                              ("moved", "2026-13-01", "date.invalid")]:
        with pytest.raises(ValidationErrors) as info:
            cases.close_case(ctx, cid, reason, day)
        assert code in [e.code for e in info.value.errors]
        assert cases.get_case(ctx, cid).status == "referred"
    with pytest.raises(ValidationError) as info2:
        cases.change_status(ctx, cid, "closed")
    assert info2.value.code == "case.closure_reason_required"
    cases.close_case(ctx, cid, "deceased", "2026-11-10", note="Paisiblement")
    view = cases.get_case(ctx, cid)
    assert (view.status, view.closure_reason, view.closed_on) == ("closed", "deceased",
                                                                 dt.date(2026, 11, 10))


def test_reopen_clears_closure_and_restarts_review(ctx) -> None:
    pid = _patient(ctx)
    cid = cases.open_case(ctx, pid, _req(), opened_on="2026-01-05")
    cases.close_case(ctx, cid, "stabilised", "2026-06-01")
    cases.change_status(ctx, cid, "assessing", on=TODAY)
    view = cases.get_case(ctx, cid)
    assert view.status == "assessing" and view.closed_on is None and view.closure_reason is None
    assert view.relevance_review_due == dt.date(2027, 2, 23)


def test_bad_request_input_changes_nothing(ctx) -> None:
    pid = _patient(ctx)
    bad = [
        RequestFields(requester_type="neighbour", request_reason="x"),
        RequestFields(requester_type="gp", request_reason="   "),
        RequestFields(requester_type="gp", request_reason="ok\x07bell"),
        RequestFields(requester_type="gp", request_reason="ok", requester_name="A\x00B"),
        RequestFields(requester_type="gp", request_reason="ok", request_date="2030-01-01"),
        RequestFields(requester_type="gp", request_reason="ok", requester_phone="12"),
    ]
    for raw in bad:
        with pytest.raises(ValidationError):
            cases.open_case(ctx, pid, raw)
    with pytest.raises(ValidationError):
        cases.open_case(ctx, pid, _req(), opened_on=TODAY + dt.timedelta(days=1))
    assert ctx.read(lambda s: s.query(Case).count()) == 0


def test_relevance_review_moves_due_date(ctx) -> None:
    pid = _patient(ctx)
    cid = cases.open_case(ctx, pid, _req(), opened_on="2026-08-01")
    assert cases.get_case(ctx, cid).relevance_review_overdue
    due = cases.record_relevance_review(ctx, cid, note="Toujours nécessaire")
    assert due == dt.date(2027, 2, 23)
    assert not cases.get_case(ctx, cid).relevance_review_overdue


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2027, 11, 30), 3, dt.date(2028, 2, 29)),
    (dt.date(2026, 10, 15), 3, dt.date(2027, 1, 15)),
    (dt.date(2026, 12, 1), 12, dt.date(2027, 12, 1)),
])
def test_add_months_clamps(day: dt.date, months: int, expected: dt.date) -> None:
    assert L.add_months(day, months) == expected
