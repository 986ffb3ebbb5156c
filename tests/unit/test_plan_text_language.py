"""`relais plan show` prints the plan in the user's language: statuses and labels in words,
dates dd/mm/yyyy, schedules in the language's time format; no raw key ("agreed",
"what_matters:", "review_date:")."""

from __future__ import annotations

import pytest

from desktop.commands.plan import _plan_text
from desktop.services import care_plans
from desktop.services.context import AppContext
from tests.unit.plan_scenario import build_plan, make_scenario


@pytest.mark.parametrize(("lang", "words"), [
    ("fr", ["convenue", "Ce qui compte pour moi\u00a0: Voir mes petits-enfants",
            "Date de révision\u00a0: 15/02/2027"]),
    ("nl", ["afgesproken", "Wat voor mij belangrijk is: Voir mes petits-enfants",
            "Herzieningsdatum: 15/02/2027"]),
    ("en", ["agreed", "What matters to me: Voir mes petits-enfants", "Review date: 15/02/2027"]),
])
def test_plan_show_speaks_the_users_language(ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
                                             lang: str, words: list[str]) -> None:
    monkeypatch.setenv("RELAIS_LANG", lang)
    sc = make_scenario(ctx)
    build_plan(ctx, sc, agree=True)
    text = _plan_text(care_plans.view_plan(ctx, sc.patient_id, purpose="cli"))
    for word in words:
        assert word in text, text
    for raw in ("what_matters:", "life_project:", "review_date:", "2027-02-15"):
        assert raw not in text, text
    if lang != "en":
        assert " agreed" not in text
