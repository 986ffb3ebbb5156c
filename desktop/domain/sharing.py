"""Who may see a patient's record: one state per patient, shared by the server and the laptop.

Every record of every patient is kept on the organisation's server (GDPR art. 9(2)(h): the
controller's own system). What a patient may refuse is that the *other* members of the team see
it. So a patient is at one of three levels:

- ``team``: every member of the patient's team (the default once the information notice is
  recorded, or after a team-sharing grant);
- ``responsible``: only the case's responsible case managers (one, or two working as a pair) —
  after a refusal or a withdrawal of team sharing, and before the notice is recorded;
- ``erased``: art. 17, final: nobody, and no later decision changes it.

`transition(old, new)` says what a change of state means for the laptops: which users' laptops
must drop the patient (narrowing), and whether the server must send the patient's records again
from its own store to users who could not see them (widening). Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.consent_policy import (
    PURPOSE_NOTICE,
    PURPOSE_TEAM_SHARING,
    ConsentFact,
    current_decision,
)

TEAM = "team"
RESPONSIBLE = "responsible"
ERASED = "erased"
LEVELS = (TEAM, RESPONSIBLE, ERASED)
MAX_RESPONSIBLE = 2  # one case manager, or two working as a pair


@dataclass(frozen=True)
class Sharing:
    level: str
    responsible: frozenset[str]  # user names of the responsible case managers

    def visible_to(self, user: str | None) -> bool:
        if self.level == TEAM:
            return True
        return self.level == RESPONSIBLE and user is not None and user in self.responsible


@dataclass(frozen=True)
class Transition:
    purge_for_all_but: frozenset[str] | None  # narrowing: every other user's laptops purge
    refeed: bool  # widening: the server sends the records again to those who gain sight
    erased: bool = False


def level_of(events: Iterable[ConsentFact]) -> str:
    """Team sharing unless the latest team-sharing decision is a refusal or withdrawal; before
    the information notice is recorded (and without a grant), responsible only."""
    facts = list(events)
    decision = current_decision(facts, PURPOSE_TEAM_SHARING)
    if decision == "granted":
        return TEAM
    if decision in ("refused", "withdrawn"):
        return RESPONSIBLE
    noticed = any(f.purpose == PURPOSE_NOTICE and f.decision == "granted" for f in facts)
    return TEAM if noticed else RESPONSIBLE


def responsible_of(case_lists: Iterable[Iterable[str] | None], owner: str | None) -> frozenset[str]:
    """The responsible case managers named on the patient's (live) cases; the user who first
    recorded the patient when no case names anyone (a vault from before responsible case
    managers existed)."""
    names = {str(n) for lst in case_lists for n in (lst or []) if n}
    if not names and owner:
        names = {owner}
    return frozenset(names)


def state_of(events: Iterable[ConsentFact], case_lists: Iterable[Iterable[str] | None],
             owner: str | None, *, erased: bool = False) -> Sharing:
    if erased:
        return Sharing(ERASED, frozenset())
    return Sharing(level_of(events), responsible_of(case_lists, owner))


def transition(old: Sharing | None, new: Sharing) -> Transition:
    """What the laptops must be told when a patient's state goes from `old` to `new` (`old`
    None: the patient is new on the server, every record is new to every laptop)."""
    if new.level == ERASED:
        return Transition(frozenset(), False, erased=old is None or old.level != ERASED)
    if old is None or old == new:
        return Transition(None, False)
    if old.level == ERASED:
        return Transition(None, False)  # final: nothing comes back
    narrowed = new.level == RESPONSIBLE and (
        old.level == TEAM or not old.responsible <= new.responsible)
    widened = (new.level == TEAM and old.level != TEAM) or (
        new.level == RESPONSIBLE and not new.responsible <= old.responsible)
    return Transition(new.responsible if narrowed else None, widened)


def check_responsible(names: list[str], members: Iterable[str]) -> list[str]:
    """A handover's new responsible case managers: one or two distinct users of the team.
    Raises ValidationError (codes only)."""
    from desktop.domain.errors import ValidationError

    known = set(members)
    clean = [n.strip() for n in names if n and n.strip()]
    if not clean:
        raise ValidationError("case.responsible_required", "responsible")
    if len(clean) > MAX_RESPONSIBLE or len(set(clean)) != len(clean):
        raise ValidationError("case.responsible_pair", "responsible")
    for n in clean:
        if known and n not in known:
            raise ValidationError("case.responsible_unknown", "responsible", value=n)
    return clean
