"""What the demo steps share: the patient's words in her language and gender, and reading back
what the earlier steps wrote (through the services, like any screen)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from desktop.services import patients
from desktop.services.context import AppContext


def said(text: str, female: bool) -> str:
    """The demo text for this patient: "[her|his]" becomes "her" for a woman, "his" for a man."""
    return re.sub(r"\[([^|\]]*)\|([^\]]*)\]", lambda m: m.group(1 if female else 2), text)


@dataclass(frozen=True)
class Person:
    """A demo patient as the steps need her: language, gender, town and the fields of triage."""

    id: str
    family_name: str
    given_name: str
    dutch: bool
    female: bool
    postal_code: str
    city: str
    view: patients.PatientView

    @property
    def lang(self) -> str:
        return "nl" if self.dutch else "fr"

    def age(self, today: dt.date) -> int:
        """Her age in years (80 when the birth date is not known: most patients are old)."""
        born = self.view.birth_date
        if born is None:
            return 80
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    def words(self, fr_nl: tuple[str, str]) -> str:
        """The Dutch text for a Dutch-speaking patient, else the French."""
        return said(fr_nl[1] if self.dutch else fr_nl[0], self.female)


def people(ctx: AppContext, patient_ids: list[str]) -> dict[str, Person]:
    out = {}
    for pid in patient_ids:
        v = patients.get_patient(ctx, pid)
        out[pid] = Person(pid, v.family_name or "", v.given_name or "", "nl" in (v.languages or []),
                          v.gender != "male", v.postal_code or "5000", v.city or "Namur", v)
    return out


# the family ties a demo text may name ("Sa fille", "Époux surchargé", "depuis le décès de
# son mari"): said only of a patient whose map shows them (or, for a death, no spouse); and her age
SPOUSE, DAUGHTER, SON, WIDOWED = "spouse", "daughter", "son", "widowed"
CHILD = "child"  # a daughter or a son
OLD, OLD_AGE = "old", 60  # what a text about memory clinics or a walking frame assumes
_ROLES = {SPOUSE: {"époux", "épouse", "echtgenoot", "echtgenote"},
          DAUGHTER: {"fille", "dochter"}, SON: {"fils", "zoon"}}


def family_facts(roles: AbstractSet[str]) -> set[str]:
    """Which of SPOUSE, DAUGHTER, SON (then CHILD; or else WIDOWED) the roles of a patient's
    people show."""
    facts = {fact for fact, names in _ROLES.items() if roles & names}
    if facts & {DAUGHTER, SON}:
        facts.add(CHILD)
    return facts if SPOUSE in facts else facts | {WIDOWED}


def with_age(facts: set[str], age: int) -> set[str]:
    """`facts` and OLD for a patient of OLD_AGE or more."""
    return facts | {OLD} if age >= OLD_AGE else facts


def tie(role: str | None) -> str | None:
    """SPOUSE, DAUGHTER or SON for a role that names one ("épouse", "zoon"), else None."""
    return next((fact for fact, names in _ROLES.items() if role in names), None)


def fits(needs: str | tuple[str, ...] | None, facts: AbstractSet[str]) -> bool:
    """Whether a text assuming the fact `needs` (or all of several) may be said of a patient."""
    if needs is None:
        return True
    return needs in facts if isinstance(needs, str) else all(n in facts for n in needs)


def facts_of_people(choices: Iterable[Any]) -> set[str]:
    """`family_facts` of a patient's people as `care_plans.ecosystem_choices` gives them."""
    from desktop.domain.contacts import PRIVATE_KINDS

    return family_facts({p.role for p in choices if p.kind in PRIVATE_KINDS and p.role})


def family_of(ctx: AppContext, patient_id: str) -> set[str]:
    """`family_facts` of the patient's own people, as the ecosystem step drew them."""
    from desktop.services import care_plans

    return facts_of_people(care_plans.ecosystem_choices(ctx, patient_id))
