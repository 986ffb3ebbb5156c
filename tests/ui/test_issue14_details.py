"""Issue 14, details seen on the screenshots at 1366×768: the medication list's columns do not run
into each other, the button that stops a medicine reads as an action, and the consent tab's
lists show more than two rows each in a dossier of 1366×700."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QTreeWidget

from desktop.services import cases, medication
from desktop.services.patients import PatientFields, add_patient
from desktop.ui.consent.tab import ConsentsTab
from desktop.ui.dossier.paperwork_tab import PaperworkTab
from desktop.ui.i18n import current_language, install_language


@pytest.fixture()
def lang_restored() -> Iterator[None]:
    before = current_language()
    yield
    install_language(before)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _patient(ctx) -> str:  # type: ignore[no-untyped-def]
    pid = add_patient(ctx, PatientFields(family_name="Collard", given_name="Raymond",
                                         birth_date="1941-05-04"))
    cases.open_case(ctx, pid, cases.RequestFields(requester_type="gp",
                                                  request_reason="Isolement"), status="active")
    return pid


def _tab(dossier, cls):  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), cls):
            dossier.tabs.setCurrentIndex(i)
            _settle()
            return dossier.tabs.widget(i)
    raise AssertionError(cls)


def _gaps(tree: QTreeWidget) -> list[tuple[str, int]]:
    """For every cell but the last column's: its text and the room left after it."""
    metrics, header = tree.fontMetrics(), tree.header()
    out = []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        for col in range(tree.columnCount() - 1):
            out.append((item.text(col),
                        header.sectionSize(col) - metrics.horizontalAdvance(item.text(col))))
    return out


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_medication_columns_keep_a_gap_after_their_text(main_window, ctx, lang,  # type: ignore[no-untyped-def]
                                                        lang_restored) -> None:
    install_language(lang)
    pid = _patient(ctx)
    medication.add_medication(ctx, pid, "Bisoprolol 2,5 mg", dose="1 comprimé",
                              schedule="le matin")
    medication.add_medication(ctx, pid, "Paracétamol 1 g", dose="2 comprimés effervescents",
                              schedule="si douleur, max. 3 par jour")
    dossier = main_window.open_dossier(pid)
    dossier.resize(1366, 700)
    tab = _tab(dossier, PaperworkTab)
    em = tab.med_tree.fontMetrics().horizontalAdvance("M")
    for tree in (tab.med_tree, tab.paper_tree):
        cramped = [(text, gap) for text, gap in _gaps(tree) if gap < em]
        assert cramped == []


@pytest.mark.parametrize(("lang", "label"), [("fr", "Marquer comme arrêté"),
                                             ("nl", "Als gestopt markeren"),
                                             ("en", "Mark as stopped")])
def test_stopping_a_medicine_reads_as_an_action(main_window, ctx, lang, label,  # type: ignore[no-untyped-def]
                                                lang_restored) -> None:
    install_language(lang)
    pid = _patient(ctx)
    medication.add_medication(ctx, pid, "Bisoprolol 2,5 mg", dose="1 comprimé")
    tab = _tab(main_window.open_dossier(pid), PaperworkTab)
    assert tab.remove_med_button.text() == label
    assert tab.remove_med_button.toolTip()
    tab.remove_med_button.click()
    assert medication.list_medication(ctx, pid) == []


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_consent_lists_show_several_rows_at_1366x700(main_window, ctx, lang,  # type: ignore[no-untyped-def]
                                                     lang_restored) -> None:
    install_language(lang)
    pid = _patient(ctx)
    dossier = main_window.open_dossier(pid)
    dossier.resize(1366, 700)
    dossier.show()
    tab = _tab(dossier, ConsentsTab)
    tab.refresh()
    _settle()
    rows = tab.fontMetrics().height()
    assert tab.state.isVisibleTo(dossier)  # the current state is always in view
    assert tab.state.viewport().height() >= 6 * rows
    logs = [tab.history, tab.looked, tab.changes]
    assert sum(tree.isVisibleTo(dossier) for tree in logs) == 1
    for tree in logs:  # each log can be brought into view
        tab.show_log(tree)
        _settle()
        assert tree.isVisibleTo(dossier) and tree.viewport().height() >= 8 * rows


CODED = [("case_record", "intake_outcome", "accepted", {"fr": "Acceptée", "nl": "Aanvaard"}),
         ("case_record", "intake_outcome", "waiting", None),
         ("case_record", "requester_type", "relative", None),
         ("case_record", "closure_reason", "moved", None),
         ("case_record", "crisis_triggers", "unsafe_alone", None),
         ("case_record", "closure_handback", "gp", None),
         ("visit", "kind", "home_visit", None),
         ("visit", "status", "done", None),
         ("hospital_stay", "kind", "emergency", None),
         ("paperwork", "kind", "bim", None),
         ("paperwork", "status", "to_do", None),
         ("medication", "source", "pharmacist", None),
         ("medication", "review_requested_to", "gp", None)]


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize(("table", "field", "code", "expected"), CODED)
def test_changes_to_the_record_show_labels_not_codes(qapp, ctx, lang, table, field,  # type: ignore[no-untyped-def]
                                                     code, expected, lang_restored) -> None:
    """Consents → Changes to the record showed "accepted", "housing_loss, unsafe_alone" in the
    French and Dutch UI: every coded field of the case area reads as its label."""
    from desktop.ui.consent.field_history import HistoryFormatter

    install_language(lang)
    pid = _patient(ctx)
    shown = HistoryFormatter(ctx, pid, lang)._value(table, field, code)
    assert shown != code and "_" not in shown
    if expected:
        assert shown == expected[lang]
    listed = HistoryFormatter(ctx, pid, lang)._value(table, field, [code, code])
    assert listed == f"{shown}, {shown}"


def test_an_action_typed_in_the_plan_is_drafted_and_offered_back(main_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Item 1 lists the plan's actions among the texts drafted: the action's words reach the
    vault while typed, survive a lock and come back in their dialog."""
    from desktop.services import care_plans, drafts
    from desktop.ui.plan.dialogs import ActionDialog
    from desktop.ui.plan.tab import PlanTab
    from tests.conftest import PASSPHRASE

    pid = _patient(ctx)
    plan_id = care_plans.start_plan(ctx, pid, what_matters="Rester chez elle")
    goal_id = care_plans.add_goal(ctx, plan_id, "Marcher jusqu'à la boulangerie")
    plan = _tab(main_window.open_dossier(pid), PlanTab)
    plan.refresh()
    dialog = plan.add_action(goal_id)
    assert isinstance(dialog, ActionDialog)
    dialog.what.insert("Kiné deux fois par semaine")
    dialog.draft_guard.flush()
    stored = drafts.get_draft(ctx, dialog.draft_guard.key)
    assert stored is not None and "Kiné deux fois par semaine" in stored.text
    main_window.lock()
    unlock = main_window.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: pid in main_window.dossiers)
    dossier = main_window.dossiers[pid]
    qtbot.waitUntil(lambda: dossier.draft_offer is not None and dossier.draft_offer.box is not None)
    dossier.draft_offer.box.restore_button.click()
    [restored] = dossier.draft_offer.restored
    assert isinstance(restored, ActionDialog)
    assert restored.what.text() == "Kiné deux fois par semaine"


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_settings_labels_keep_their_colon_on_their_line(main_window, lang,  # type: ignore[no-untyped-def]
                                                       lang_restored) -> None:
    """"Réévaluer après / une sortie d'hôpital / :" wrapped on three lines, the colon alone."""
    from PySide6.QtWidgets import QLabel

    from desktop.ui.settings_page import SettingsPage

    install_language(lang)
    main_window.resize(1366, 700)
    main_window.show()
    main_window.show_page("settings")
    page = main_window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    _settle()
    line = page.fontMetrics().height()
    tall = [label.text() for label in page.findChildren(QLabel)
            if label.buddy() is not None and label.isVisibleTo(page)
            and label.height() >= 2 * line]
    assert tall == []


def test_an_assessment_comment_typed_just_before_a_lock_is_kept(main_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Item 1 lists assessment comments: the words typed into an assessment's free-text item
    reach the vault at the lock, before the autosave's next tick, and the draft reopens."""
    from desktop.services import assessments
    from desktop.services.instruments import get_definition
    from desktop.ui.assessment.dialog import ResponseDialog
    from tests.conftest import PASSPHRASE

    pid = _patient(ctx)
    dossier = main_window.open_dossier(pid)
    dialog = ResponseDialog(dossier, get_definition(ctx, "needs_checklist"), None,
                            autosave_ms=600_000)  # no tick during the test: the lock saves
    dialog.show()
    status = dialog.form.inputs["health_status"].widget
    status.setCurrentIndex(status.findData("unmet"))  # the description is asked from then on
    dialog.form.inputs["health_description"].widget.insertPlainText("Chute la semaine passée")
    main_window.lock()
    unlock = main_window.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: not main_window.ctx.is_locked)
    [draft] = assessments.drafts(main_window.ctx, pid, "needs_checklist")
    assert draft.answers["health_description"] == "Chute la semaine passée"
