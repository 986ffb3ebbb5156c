"""pytest-qt: the Assessments tab of the dossier — a Katz form filled with the keyboard only,
completion (then read-only), correction, history, comparison, triage decision, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.domain.errors import RuleViolation
from desktop.services import assessments
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from desktop.ui.assessment.results import category_label
from desktop.ui.assessment.tab import AssessmentTab
from desktop.ui.i18n import current_language

KATZ_B = {"washing": 3, "dressing": 3, "transfer": 3, "toileting": 3, "continence": 3,
          "eating": 1, "orientation_time": 1, "orientation_space": 1}


@pytest.fixture
def tab(qtbot, main_window, ctx: AppContext) -> AssessmentTab:  # type: ignore[no-untyped-def]
    pid = add_patient(ctx, PatientFields(family_name="Lambert", given_name="Rose",
                                         birth_date="1941-05-09"))
    dossier = main_window.open_dossier(pid)
    qtbot.waitExposed(dossier)
    widget = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
                  if isinstance(dossier.tabs.widget(i), AssessmentTab))
    dossier.tabs.setCurrentWidget(widget)
    return widget


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def test_katz_form_with_the_keyboard_only(qtbot, tab: AssessmentTab) -> None:  # type: ignore[no-untyped-def]
    tab.select_instrument("katz_be")
    tab.dossier.activateWindow()
    qtbot.waitUntil(lambda: tab.dossier.isActiveWindow())
    qtbot.keyClick(tab.dossier, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = tab.open_windows[-1]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    assert focused() is dialog.form.inputs["washing"].widget
    no_key = QCoreApplication.translate("InstrumentForm", "No")[0]
    for item_id, value in [*KATZ_B.items(), ("dementia_diagnosis", no_key)]:
        widget = focused()
        assert widget is dialog.form.inputs[item_id].widget, item_id
        qtbot.keyClicks(widget, str(value))
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert dialog.form.answers() == {**KATZ_B, "dementia_diagnosis": False}
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view is not None and dialog.view.status == "completed"
    assert dialog.view.derived_code("forfait") == "B"
    assert dialog.view.derived_code("category") == "C"
    shown = dialog.results.text()
    assert category_label(dialog.defn, "forfait", "B") in shown
    assert category_label(dialog.defn, "category", "C") in shown


def test_completed_response_is_read_only_and_a_correction_supersedes_it(
        qtbot, tab: AssessmentTab, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    pid = tab.dossier.patient_id
    done = assessments.record_completed(ctx, pid, "katz_be", KATZ_B, assessed_on="2026-09-01")
    tab.select_instrument("katz_be")
    tab.refresh()
    tab.history.setCurrentRow(0)
    dialog = tab.open_selected()
    assert dialog is not None and dialog.view is not None and dialog.view.id == done.id
    washing = dialog.form.inputs["washing"].widget
    assert isinstance(washing, QComboBox) and not washing.isEnabled()
    assert not dialog.complete_button.isVisible() and dialog.correct_button.isVisible()
    assert dialog.complete() is False
    with pytest.raises(RuleViolation):
        assessments.save_draft(ctx, pid, "katz_be", {**KATZ_B, "washing": 4},
                               response_id=done.id)

    qtbot.mouseClick(dialog.correct_button, Qt.MouseButton.LeftButton)
    assert dialog.view.status == "draft" and dialog.view.supersedes_id == done.id
    assert washing.isEnabled()
    eating = dialog.form.inputs["eating"].widget
    assert isinstance(eating, QComboBox)
    eating.setCurrentIndex(eating.findData(3))
    assert dialog.complete()
    new_id = dialog.view.id
    rows = assessments.history(ctx, pid, "katz_be")
    assert [(r.id, r.superseded_by) for r in rows] == [(done.id, new_id), (new_id, None)]
    assert rows[0].answers == KATZ_B  # the old response is kept unchanged
    dialog.close()
    tab.refresh()
    texts = [tab.history.item(i).text() for i in range(tab.history.count())]
    assert any(tab.tr("replaced by a correction") in t for t in texts)
    assert len(tab.trend.points) == 1  # corrections replace, they do not add a point


def test_draft_autosaves_and_reopens(qtbot, tab: AssessmentTab, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    tab.select_instrument("lawton_iadl")
    dialog = tab.new_assessment()
    assert dialog is not None
    combo = dialog.form.inputs["telephone"].widget
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(2)
    # a choice is in the vault at once, not after the autosave's pause: a crash right after
    # the click keeps it (the timer cannot have run: no event was processed since)
    draft = assessments.drafts(ctx, tab.dossier.patient_id)[0]
    assert draft.answers == {"telephone": 2}
    assert not dialog.dirty and not dialog.timer.isActive()
    dialog.close()
    again = tab.new_assessment()
    assert again is not None and again.view is not None and again.view.id == draft.id


def test_history_trend_compare_and_triage_decision(qtbot, tab: AssessmentTab,  # type: ignore[no-untyped-def]
                                                   ctx: AppContext) -> None:
    pid = tab.dossier.patient_id
    assessments.record_completed(ctx, pid, "katz_be", KATZ_B, assessed_on="2026-03-01")
    assessments.record_completed(ctx, pid, "katz_be", {**KATZ_B, "eating": 4},
                                 assessed_on="2026-10-01")
    tab.select_instrument("katz_be")
    tab.refresh()
    assert len(tab.trend.points) == 2
    tab.trend.grab()  # paints without error
    tab.history.selectAll()
    cmp = tab.compare_selected()
    assert cmp is not None and cmp.table.rowCount() == 11
    eating_row = next(r for r in range(cmp.table.rowCount())
                      if cmp.table.item(r, 2).text().startswith("4"))
    assert cmp.table.item(eating_row, 1).text().startswith("1")
    cmp.close()

    # the suggestion follows the complexity grid (above 20), not the flags (issue 18)
    from tests.unit.test_instrument_scoring import grid
    assessments.record_completed(ctx, pid, "complexity_grid", grid(24))
    tri = tab.new_triage()
    assert tri is not None
    no = ("maf", "admissions_3plus", "risk_medication", "risk_undernutrition")
    for key in ("meds_5plus", "conditions_2plus", "risk_depression", "risk_falls",
                "chronic_status", "bim", *no):
        box = tri.form.inputs[key].widget
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(key not in no))
    assert tri.form.answers()["age_over_75"] is True  # prefilled from the birth date
    assert tri.complete()
    assert tri.decision_box is not None and tri.decision_box.isVisible()
    assert tri.tier.currentData() == "case_management"
    assert "complexity grid: 24" in tri.suggestion.text()
    tri.tier.setCurrentIndex(tri.tier.findData("care_coordination"))
    assert tri.decide() is False and tri.error.isVisible()  # a reason is required
    tri.reason.setText("La famille coordonne déjà")
    assert tri.decide()
    assert tri.view is not None and tri.view.decision["suggested"] == "case_management"
    assert not tri.decide_button.isEnabled()


def test_import_licensed_definition_from_the_tab(tab: AssessmentTab, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 ctx: AppContext) -> None:
    from tests.unit.test_instrument_definitions import licensed_file

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "zarit_12"}), encoding="utf-8")
    assert tab.import_definition(str(bad)) is False and tab.error.isVisible()
    assert tab.import_definition(str(licensed_file(tmp_path)))
    assert tab.selected_instrument_id() == "zarit_12"
    dialog = tab.new_assessment()
    assert dialog is not None
    lang = current_language()
    assert dialog.form.inputs["q01"].label.text() == f"Question 1 ({lang})"


def test_every_assessment_string_is_translated() -> None:
    import re

    from desktop.ui.i18n_build import SOURCE_DIR, extract

    table = json.loads((SOURCE_DIR / "assessment.json").read_text(encoding="utf-8"))
    found = extract()
    checked = 0
    for context, sources in found.items():
        for source, places in sources.items():
            if not any("assessment/" in p for p in places):
                continue
            entry = table.get(context, {}).get(source)
            assert entry, (context, source)
            for lang in ("fr", "nl"):
                assert entry.get(lang, "").strip(), (context, source, lang)
                assert set(re.findall(r"\{\w+\}", entry[lang])) == set(
                    re.findall(r"\{\w+\}", source)), (context, source, lang)
            checked += 1
    assert checked > 40


def test_the_tab_opens_where_the_case_manager_picks_up(qtbot, main_window,  # type: ignore[no-untyped-def]
                                                       ctx: AppContext) -> None:
    """A new patient: the first instrument that can be filled in (not one whose licensed texts
    are missing); a patient assessed before: the instrument of the latest assessment."""
    pid = add_patient(ctx, PatientFields(family_name="Renard", given_name="Rose"))

    def opened() -> AssessmentTab:
        dossier = main_window.open_dossier(pid)
        qtbot.waitExposed(dossier)
        return next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
                    if isinstance(dossier.tabs.widget(i), AssessmentTab))

    first = opened()
    iid = first.selected_instrument_id()
    assert iid is not None and first.catalog[iid].texts_included
    first.dossier.close()
    assessments.record_completed(ctx, pid, "katz_be", KATZ_B)
    assert opened().selected_instrument_id() == "katz_be"


@pytest.mark.parametrize("width", [320, 835])
def test_trend_labels_stay_whole_inside_the_drawing(qapp, width: int) -> None:  # type: ignore[no-untyped-def]
    """The Katz trend cut its labels: "O : autonome" at the left edge, "D : démence
    diagnostiquée" at the top right became "ience dia" (a box of 80 by 14 pixels)."""
    import datetime as dt

    from PySide6.QtGui import QFontMetricsF

    from desktop.services.assessments import TrendPoint
    from desktop.ui.assessment.trend import TrendWidget

    widget = TrendWidget()
    points = [TrendPoint("a", dt.date(2026, 6, 4), 0, "O", 5),
              TrendPoint("b", dt.date(2026, 8, 27), 0, "O", 5),
              TrendPoint("c", dt.date(2026, 10, 18), 5, "D", 5)]
    labels = ["O : autonome", "O : autonome", "D : démence diagnostiquée"]
    widget.set_points(points, labels)
    widget.resize(width, widget.sizeHint().height())
    fm = QFontMetricsF(widget.font())
    boxes = widget.label_boxes(fm)
    inside = widget.rect().toRectF()
    assert all(inside.contains(box) for box, _text in boxes)
    assert all(box.width() >= fm.horizontalAdvance(text) for box, text in boxes)  # whole
    assert not any(a.intersects(b) for i, (a, _t) in enumerate(boxes) for b, _u in boxes[i + 1:])
    shown = [text for _box, text in boxes]
    assert "D : démence diagnostiquée" in shown and shown[0] == "O : autonome"
    widget.grab()  # paints


def test_the_tab_opens_on_the_last_instrument_reading_its_history_once(  # type: ignore[no-untyped-def]
        qtbot, main_window, ctx: AppContext, monkeypatch) -> None:
    """Opening the tab read the drafts and the history twice (the row change refreshed, then
    the catalog refreshed again) and the whole history once more to pick the instrument."""
    pid = add_patient(ctx, PatientFields(family_name="Lambert", given_name="Rose",
                                         birth_date="1941-05-09"))
    assessments.record_completed(ctx, pid, "katz_be", {**KATZ_B, "dementia_diagnosis": False},
                                 assessed_on="2026-10-01")
    reads: list[str] = []
    for name in ("history", "drafts", "trend"):
        real = getattr(assessments, name)
        monkeypatch.setattr(assessments, name, lambda *a, _n=name, _r=real, **k: (
            reads.append(_n), _r(*a, **k))[1])
    dossier = main_window.open_dossier(pid)
    qtbot.waitExposed(dossier)
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), AssessmentTab))
    dossier.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.history.count() == 1)
    assert tab.selected_instrument_id() == "katz_be"  # where she was last assessed
    assert len(tab.trend.points) == 1
    assert sorted(reads) == ["drafts", "history"], reads
