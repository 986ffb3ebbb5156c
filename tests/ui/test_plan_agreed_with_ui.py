"""The Agree dialog asks with whom the plan was agreed by ticking (the patient, the family, the
carers, the GP, others), words of one's own beside them optional (issue 22, item 3)."""

from __future__ import annotations

from desktop.services import care_plans
from tests.ui.test_plan_ui import _tab
from tests.unit.plan_scenario import build_plan, make_scenario


def test_agree_by_ticking_who_agreed(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    build_plan(ctx, sc, agree=False)
    tab = _tab(main_window.open_dossier(sc.patient_id))
    dialog = tab.agree()
    assert dialog is not None
    assert dialog.parties["patient"].isChecked()  # the usual case, ticked already
    dialog.parties["patient"].setChecked(False)
    dialog._ok()  # no one ticked and no words: refused under the ticks, nothing agreed
    assert dialog.result_id is None
    assert dialog.errors.visible_messages() == ["say with whom the plan was agreed"]
    assert care_plans.current_plan(ctx, sc.patient_id).status == "draft"  # type: ignore[union-attr]
    dialog.parties["patient"].setChecked(True)
    dialog.parties["family"].setChecked(True)
    dialog.who.setText("sa fille Hélène")
    dialog._ok()
    assert dialog.result_id is not None
    qtbot.waitUntil(lambda: tab.plan is not None and tab.plan.status == "agreed", timeout=5_000)
    assert tab.plan.agreed_parties == ("patient", "family")
    assert tab.status.text().endswith("the patient and the family (sa fille Hélène)")
