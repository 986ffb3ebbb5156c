"""The per-patient sharing state machine (desktop/domain/sharing.py), pure."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import sharing
from desktop.domain.consent_policy import ConsentFact

USERS = ("anne", "bruno", "chloe")
DAY = dt.date(2026, 11, 1)


def fact(purpose: str, decision: str, n: int) -> ConsentFact:
    return ConsentFact(purpose, decision, DAY, dt.datetime(2026, 11, 1, 9, 0, n))


states = st.builds(
    sharing.Sharing, st.sampled_from(sharing.LEVELS),
    st.frozensets(st.sampled_from(USERS), min_size=1, max_size=2)).map(
    lambda s: s if s.level != sharing.ERASED else sharing.Sharing(sharing.ERASED, frozenset()))


def test_levels_from_the_consent_log() -> None:
    assert sharing.level_of([]) == sharing.RESPONSIBLE  # no notice yet
    assert sharing.level_of([fact("information_notice", "granted", 1)]) == sharing.TEAM
    assert sharing.level_of([fact("information_notice", "granted", 1),
                             fact("team_sharing", "refused", 2)]) == sharing.RESPONSIBLE
    assert sharing.level_of([fact("team_sharing", "withdrawn", 1),
                             fact("team_sharing", "granted", 2)]) == sharing.TEAM
    assert sharing.responsible_of([None, []], "anne") == {"anne"}
    assert sharing.responsible_of([["bruno", "chloe"]], "anne") == {"bruno", "chloe"}


@given(old=st.none() | states, new=states)
def test_transition_tells_exactly_who_loses_and_who_gains_sight(
        old: sharing.Sharing | None, new: sharing.Sharing) -> None:
    step = sharing.transition(old, new)
    if old is None or old.level == sharing.ERASED:
        assert step.purge_for_all_but is None or new.level == sharing.ERASED
        assert not step.refeed
        return
    for user in USERS:
        lost = old.visible_to(user) and not new.visible_to(user)
        gained = new.visible_to(user) and not old.visible_to(user)
        purged = step.purge_for_all_but is not None and user not in step.purge_for_all_but
        if lost:
            assert purged, (old, new, user)
        if new.visible_to(user):
            assert not purged, (old, new, user)  # a laptop never drops what it may see
        if gained:
            assert step.refeed, (old, new, user)


def test_erasure_is_final() -> None:
    erased = sharing.Sharing(sharing.ERASED, frozenset())
    back = sharing.Sharing(sharing.TEAM, frozenset({"anne"}))
    assert sharing.transition(back, erased).erased
    assert sharing.transition(erased, back) == sharing.Transition(None, False)
    assert not erased.visible_to("anne")
