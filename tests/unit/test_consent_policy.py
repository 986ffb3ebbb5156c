"""Consent policy (pure rules): fail-closed state, withdrawal at once, bad decisions refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import consent_policy as cp
from desktop.domain.errors import ValidationError
from desktop.domain.evidence import sniff_mime
from desktop.domain.retention import check_retention_years, erasure_basis, retention_end

TODAY = dt.date(2026, 11, 23)
T0 = dt.datetime(2026, 1, 1, 8, 0)


def fact(purpose: str, decision: str, day: int, seq: int = 0,
         contact: str | None = None) -> cp.ConsentFact:
    return cp.ConsentFact(purpose, decision, dt.date(2026, 1, 1) + dt.timedelta(days=day),
                          T0 + dt.timedelta(seconds=seq), contact)


def test_no_event_means_not_allowed() -> None:
    assert cp.current_decision([], cp.PURPOSE_TEAM_SHARING) is None
    assert not cp.is_granted([], cp.PURPOSE_TEAM_SHARING)


def test_override_events_are_not_decisions() -> None:
    events = [fact(cp.PURPOSE_PROVIDER_SHARING, cp.OVERRIDE, 5, contact="c1")]
    assert cp.current_decision(events, cp.PURPOSE_PROVIDER_SHARING, "c1") is None


decisions = st.lists(st.tuples(st.sampled_from(["granted", "refused", "withdrawn"]),
                               st.integers(0, 30)), max_size=8)


@settings(max_examples=60, deadline=None)
@given(decisions)
def test_a_withdrawal_recorded_now_always_takes_effect(history: list[tuple[str, int]]) -> None:
    events = [fact(cp.PURPOSE_STATISTICS, d, day, i) for i, (d, day) in enumerate(history)]
    events.append(fact(cp.PURPOSE_STATISTICS, "granted", 31, 100))
    assert cp.is_granted(events, cp.PURPOSE_STATISTICS)
    cp.check_new_decision(events, cp.PURPOSE_STATISTICS, "withdrawn", dt.date(2026, 2, 1),
                          TODAY)
    events.append(fact(cp.PURPOSE_STATISTICS, "withdrawn", 31, 101))
    assert not cp.is_granted(events, cp.PURPOSE_STATISTICS)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["granted", "refused", "withdrawn"]),
                          st.sampled_from(["a", "b"])), max_size=6))
def test_per_contact_purposes_never_mix_contacts(history: list[tuple[str, str]]) -> None:
    events = [fact(cp.PURPOSE_CARER_ON_HANDOUT, d, i, i, c) for i, (d, c) in enumerate(history)]
    only_a = [e for e in events if e.contact_id == "a"]
    assert cp.is_granted(events, cp.PURPOSE_CARER_ON_HANDOUT, "a") == cp.is_granted(
        only_a, cp.PURPOSE_CARER_ON_HANDOUT, "a")


@pytest.mark.parametrize(("purpose", "decision", "contact", "code"), [
    ("bogus", "granted", None, "consent.purpose_unknown"),
    (cp.PURPOSE_STATISTICS, "maybe", None, "consent.decision_unknown"),
    (cp.PURPOSE_PROVIDER_SHARING, "granted", None, "consent.contact_required"),
    (cp.PURPOSE_STATISTICS, "granted", "c1", "consent.contact_not_applicable"),
    (cp.PURPOSE_NOTICE, "refused", None, "consent.notice_given_only"),
    (cp.PURPOSE_STATISTICS, "withdrawn", None, "consent.withdraw_without_grant"),
])
def test_bad_decisions_are_refused(purpose: str, decision: str, contact: str | None,
                                   code: str) -> None:
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision([], purpose, decision, TODAY, TODAY, contact)
    assert exc.value.code == code


def test_withdrawal_cannot_predate_the_grant_nor_be_in_the_future() -> None:
    events = [fact(cp.PURPOSE_STATISTICS, "granted", 10)]
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision(events, cp.PURPOSE_STATISTICS, "withdrawn", dt.date(2026, 1, 5),
                              TODAY)
    assert exc.value.code == "consent.withdraw_before_grant"
    with pytest.raises(ValidationError) as exc:
        cp.check_new_decision(events, cp.PURPOSE_STATISTICS, "granted",
                              TODAY + dt.timedelta(days=1), TODAY)
    assert exc.value.code == "consent.date_future"


def test_evidence_is_recognised_by_magic_bytes() -> None:
    assert sniff_mime(b"%PDF-1.7\n") == "application/pdf"
    assert sniff_mime(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert sniff_mime(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff_mime(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff_mime(b"PK\x03\x04 a docx") is None
    assert sniff_mime(b"hello") is None


def test_retention_rules() -> None:
    assert retention_end(dt.date(1996, 2, 29), 30) == dt.date(2026, 2, 28)
    assert check_retention_years("40") == 40
    for bad in ("29", "51", "x"):
        with pytest.raises(ValidationError):
            check_retention_years(bad)
    kw = {"years": 30, "today": TODAY}
    assert erasure_basis(care_given=False, all_cases_closed=False, last_contact=None, **kw) \
        == "no_care"
    assert erasure_basis(care_given=True, all_cases_closed=True,
                         last_contact=dt.date(1990, 1, 1), **kw) == "retention_ended"
    assert erasure_basis(care_given=True, all_cases_closed=True,
                         last_contact=dt.date(2000, 1, 1), **kw) is None
    assert erasure_basis(care_given=True, all_cases_closed=False,
                         last_contact=dt.date(1990, 1, 1), **kw) is None
