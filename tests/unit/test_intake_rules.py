"""Intake outcome rules (issue 18 item 1): outcomes, redirect target and reason, dates, delays."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import intake as I
from desktop.domain.errors import ValidationError, ValidationErrors

TODAY = dt.date(2026, 11, 23)
REQUEST = dt.date(2026, 11, 10)
CID = "01890000-0000-7000-8000-000000000001"


def codes(exc: ValidationError) -> list[str]:
    return [e.code for e in getattr(exc, "errors", [exc])]


def test_accepted_defaults_to_today() -> None:
    v = I.validate_intake(I.IntakeInput("accepted"), REQUEST, TODAY)
    assert v["intake_outcome"] == "accepted" and v["intake_outcome_on"] == TODAY
    assert v["waiting_since"] is None and v["redirected_to_contact_id"] is None


def test_waiting_since_the_date() -> None:
    v = I.validate_intake(I.IntakeInput("waiting", on="2026-11-12"), REQUEST, TODAY)
    assert v["waiting_since"] == dt.date(2026, 11, 12)


def test_redirected_needs_a_service_and_a_reason() -> None:
    with pytest.raises(ValidationErrors) as info:
        I.validate_intake(I.IntakeInput("redirected"), REQUEST, TODAY)
    assert codes(info.value) == ["intake.redirect_target_required",
                                 "intake.redirect_reason_required"]
    v = I.validate_intake(I.IntakeInput("redirected", CID, "Relève de la santé mentale"),
                          REQUEST, TODAY)
    assert v["redirected_to_contact_id"] == CID and v["intake_reason"] == "Relève de la santé mentale"


@pytest.mark.parametrize(("raw", "code"), [
    (I.IntakeInput("maybe"), "intake.outcome_invalid"),
    (I.IntakeInput(None), "intake.outcome_invalid"),
    (I.IntakeInput("accepted", on="2026-11-24"), "date.future"),
    (I.IntakeInput("accepted", on="2026-11-09"), "intake.before_request"),
    (I.IntakeInput("accepted", on="23/11/2026"), "date.invalid"),
    (I.IntakeInput("accepted", to_contact_id=CID), "intake.target_only_redirected"),
])
def test_bad_input_refused(raw: I.IntakeInput, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        I.validate_intake(raw, REQUEST, TODAY)
    assert code in codes(info.value)


def test_first_dates_from_events_or_recorded() -> None:
    assert I.earliest(None, []) is None
    assert I.earliest(dt.date(2026, 11, 15), [dt.date(2026, 11, 12)]) == dt.date(2026, 11, 12)
    assert I.earliest(dt.date(2026, 11, 11), [dt.date(2026, 11, 12)]) == dt.date(2026, 11, 11)
    assert I.delay_days(REQUEST, dt.date(2026, 11, 12)) == 2
    assert I.delay_days(None, dt.date(2026, 11, 12)) is None


@pytest.mark.parametrize(("contact", "outcome", "days", "late"), [
    (None, None, 7, True),       # 13 days, no contact
    (None, None, 14, False),     # not yet 14 days
    (None, None, 13, True),      # exactly 13 days
    (REQUEST, None, 7, False),   # contacted
    (None, "redirected", 7, False),
    (None, "waiting", 7, True),  # on the waiting list and still not contacted
])
def test_awaiting_first_contact(contact: dt.date | None, outcome: str | None, days: int,
                                late: bool) -> None:
    assert I.awaiting_first_contact(REQUEST, contact, outcome, TODAY, days) is late


@given(st.integers(0, 400), st.integers(1, 90))
def test_awaiting_first_contact_threshold(ago: int, days: int) -> None:
    request = TODAY - dt.timedelta(days=ago)
    assert I.awaiting_first_contact(request, None, "accepted", TODAY, days) == (ago >= days)
