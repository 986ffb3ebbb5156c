"""Plan tab: the review of a goal of an agreed plan (goal attainment, −2..+2, in plain words),
recorded through care_plans.review_goal and shown in the goals list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication

from desktop.services import care_plans
from desktop.ui.i18n import install_language
from desktop.ui.plan.tab import PlanTab
from tests.ui.test_dialog_fit import _keys_and_literals
from tests.unit.plan_scenario import build_plan, make_scenario


def _tab(dossier) -> PlanTab:  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), PlanTab):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError("no Plan tab")


def test_review_a_goal_of_the_agreed_plan(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    install_language("fr")
    sc = make_scenario(ctx)
    build_plan(ctx, sc)
    dossier = main_window.open_dossier(sc.patient_id)
    tab = _tab(dossier)
    # a draft has nothing to review yet
    assert not tab.review_goal_button.isEnabled() and tab.review_goal() is None

    care_plans.agree_plan(ctx, tab.plan.id, "Élise Peeters",
                          agreed_on=ctx.today() - dt.timedelta(days=90))
    tab.refresh()
    assert tab.review_goal_button.isEnabled()
    tab.tree.setCurrentItem(tab.tree.topLevelItem(1))
    dialog = tab.review_goal()
    assert dialog is not None
    labels = [b.text() for b in dialog.levels.buttons()]
    assert labels[0] == "+2 · bien plus que prévu" and labels[-1] == "−2 · bien moins que prévu"
    assert "0 · comme prévu" in labels
    assert dialog.windowTitle().startswith("Révision de l'objectif")

    # no level chosen: said next to the choice, nothing saved
    dialog._ok()
    assert dialog.result_id is None and dialog.errors.labels["attainment"].isVisible()
    # a review in the future is refused inline
    dialog.levels.button(1).setChecked(True)
    dialog.on.setDate(ctx.today() + dt.timedelta(days=3))
    dialog._ok()
    assert dialog.result_id is None and dialog.errors.labels["attainment_on"].isVisible()
    dialog.on.setDate(ctx.today())
    dialog._ok()
    assert dialog.result_id is not None
    qtbot.waitUntil(lambda: tab.plan is not None and tab.plan.goals[1].attainment == 1,
                    timeout=5_000)
    assert tab.plan.goals[1].attainment_on == ctx.today()
    shown = tab.tree.topLevelItem(1).text(4)
    assert shown.startswith("+1 · plus que prévu") and ctx.today().strftime("%d/%m/%Y") in shown
    assert tab.tree.topLevelItem(0).text(4) == ""

    # the form opens on the score recorded; changing it replaces it
    again = tab.review_goal(tab.plan.goals[1].id)
    assert again is not None and again.score() == 1
    again.levels.button(-2).setChecked(True)
    again._ok()
    qtbot.waitUntil(lambda: tab.plan is not None and tab.plan.goals[1].attainment == -2,
                    timeout=5_000)
    assert tab.tree.topLevelItem(1).text(4).startswith("−2 · bien moins que prévu")


def test_review_button_has_its_own_alt_letter(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    build_plan(ctx, sc, agree=True)
    dossier = main_window.open_dossier(sc.patient_id)
    try:
        for lang in ("fr", "nl", "en"):
            install_language(lang)
            tab = _tab(dossier)
            tab.sections.setCurrentIndex(0)
            top = tab.window()
            top.show()
            QApplication.processEvents()
            keys, _ = _keys_and_literals(top)
            text = tab.review_goal_button.text()
            letter = text[text.index("&") + 1].casefold()
            assert len(keys[letter]) == 1, (lang, keys[letter])
    finally:
        install_language("fr")
