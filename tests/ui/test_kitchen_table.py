"""The case manager's day at the kitchen table (issue 14): the caseload's names whole, the plan's
goals as the main area that keeps its place, readable completed assessments, tab labels with
their accents, "née"/"né", day names in a French sentence, digits for yes/no, a future visit
refused up front, Ctrl+Enter saving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QTabBar

from desktop import demo
from desktop.services import assessments, care_plans, patients
from desktop.services.context import AppContext
from desktop.services.instruments import get_definition
from desktop.ui.i18n import current_language, install_language
from desktop.ui.palette import MIN_RATIO, contrast
from tests.unit.plan_scenario import build_plan, make_scenario


@pytest.fixture(autouse=True)
def french(main_window) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The user reads French (the longest texts, the language of the issue)."""
    before = current_language()
    install_language("fr")
    yield
    install_language(before)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# ---- caseload ------------------------------------------------------------------------------
def test_caseload_names_are_whole_and_the_widest_column(main_window, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    from desktop.demo import cases

    monkeypatch.setattr(demo, "DEMO_STEPS", [cases.step])  # cases and visits: what is listed
    demo.generate(ctx, 40, seed=7)
    main_window.resize(1366, 700)
    main_window.show_page("caseload")
    page = main_window.stack.currentWidget()
    page.refresh()
    _settle()
    table, header = page.table, page.table.horizontalHeader()
    assert page.model.rowCount() > 20
    name = header.sectionSize(0)
    assert name >= table.sizeHintForColumn(0)  # no name is cut
    assert all(name > header.sectionSize(c) for c in range(1, page.model.columnCount()))
    # the name no wider than it must be: the towns show whole ("Jemeppe-sur-Sambre" was
    # "Jemeppe-sur…" beside a name column a third too wide), the navigation as wide as its titles
    assert header.sectionSize(2) >= table.sizeHintForColumn(2)
    assert main_window.nav.width() < 160
    # a narrowed column keeps its whole text in the tooltip
    due_row = next(i for i, r in enumerate(page.model.rows) if r.due)
    index = page.model.index(due_row, 6)
    assert page.model.data(index, Qt.ItemDataRole.ToolTipRole) == page.model.data(index)


def test_caseload_search_without_result_says_so(main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    patients.add_patient(ctx, patients.PatientFields(family_name="Vanden Broucke",
                                                     given_name="Jan"))
    main_window.show_page("caseload")
    page = main_window.stack.currentWidget()
    page.search.setText("vandenbroucke")
    page.refresh()
    assert page.model.rowCount() == 1 and page.empty.isHidden()
    page.search.setText("zzqx")
    page.refresh()
    assert page.model.rowCount() == 0 and not page.empty.isHidden()
    assert page.empty.text() == "Aucun patient ne correspond à « zzqx »."


# ---- plan ----------------------------------------------------------------------------------
def _plan_tab(main_window, pid: str):  # type: ignore[no-untyped-def]
    from desktop.ui.plan.tab import PlanTab

    dossier = main_window.open_dossier(pid)
    dossier.resize(1366, 700)
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), PlanTab))
    dossier.tabs.setCurrentWidget(tab)
    _settle()
    return tab


def test_plan_goals_are_the_main_area_and_keep_their_place(main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc)
    for n in range(12):
        goal = care_plans.add_goal(ctx, plan_id, f"Objectif {n + 4}")
        care_plans.add_action(ctx, goal, f"Action {n + 4}", responsible_kind="patient")
    tab = _plan_tab(main_window, sc.patient_id)
    # a plan with goals opens on them: the questions are folded away, one click brings them
    assert tab.words_area.isHidden() and not tab.words_toggle.isChecked()
    tab.words_toggle.click()
    _settle()
    assert not tab.words_area.isHidden()
    assert tab.tree.height() > tab.words_area.height()  # the goals keep the larger part
    tab.words_toggle.click()
    _settle()
    rows = tab.tree.viewport().height() // max(1, tab.tree.sizeHintForRow(0))
    assert rows >= 12

    # an action deep in the list, scrolled to: a change elsewhere keeps both
    items = tab._tree_items()
    target = next(i for i in items if i.text(0) == "Action 12")
    _settle()
    tab.tree.setCurrentItem(target)
    tab.tree.scrollToItem(target)
    _settle()
    scroll = tab.tree.verticalScrollBar().value()
    assert scroll > 0
    care_plans.update_plan(ctx, plan_id, what_matters="Mon jardin")
    tab._changed()
    _settle()
    assert tab.tree.currentItem().text(0) == "Action 12"
    assert tab.tree.verticalScrollBar().value() == scroll

    # a goal added from the dialog is selected and in view
    tab.tree.scrollToTop()
    dialog = tab.add_goal()
    assert dialog is not None
    dialog.text.setPlainText("Retourner au marché le samedi")
    dialog._ok()
    _settle()
    current = tab.tree.currentItem()
    assert current is not None and current.text(0) == "Retourner au marché le samedi"
    assert tab.tree.viewport().rect().intersects(tab.tree.visualItemRect(current))

    # and an action added to it too
    dialog = tab.add_action()
    assert dialog is not None
    dialog.what.setText("Prendre le bus 4")
    dialog.who.setCurrentIndex(1)  # the patient
    dialog._ok()
    _settle()
    current = tab.tree.currentItem()
    assert current is not None and current.text(0) == "Prendre le bus 4"
    assert tab.tree.viewport().rect().intersects(tab.tree.visualItemRect(current))


def test_french_day_names_are_lowercase_in_the_schedule_preview(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc)
    tab = _plan_tab(main_window, sc.patient_id)
    dialog = tab.add_action(care_plans.get_plan(ctx, plan_id).goals[0].id)
    assert dialog is not None
    dialog.schedule.setText("lun, mer 8h-9h")
    assert dialog.preview.text().startswith("lundi, mercredi")


# ---- assessments ---------------------------------------------------------------------------
def _ink_and_paper(image: QImage) -> tuple[QColor, QColor]:
    """The darkest pixel (text) and the most common one (background) of a widget's picture."""
    counts: dict[int, int] = {}
    darkest = QColor("white")
    for y in range(4, image.height() - 4):  # inside the frame
        for x in range(4, image.width() - 4):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
            c = QColor(rgb)
            if c.lightness() < darkest.lightness():
                darkest = c
    return darkest, QColor(max(counts, key=lambda k: counts[k]))


def test_completed_assessment_answers_read_at_4_5_to_1(main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.assessment.dialog import ResponseDialog

    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Lambert",
                                                           given_name="Rose"))
    view = assessments.record_completed(ctx, pid, "katz_be", {
        "washing": 3, "dressing": 3, "transfer": 3, "toileting": 3, "continence": 3,
        "eating": 1, "orientation_time": 1, "orientation_space": 1})
    dialog = ResponseDialog(main_window.open_dossier(pid), get_definition(ctx, "katz_be"), view)
    dialog.show()
    _settle()
    combo = dialog.form.inputs["washing"].widget
    assert isinstance(combo, QComboBox) and not combo.isEnabled()  # read-only: disabled
    ink, paper = _ink_and_paper(combo.grab().toImage())
    assert contrast(ink, paper) >= MIN_RATIO, (ink.name(), paper.name())
    dialog.close()


def test_yes_no_items_take_digits(main_window, ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.assessment.dialog import ResponseDialog

    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Lambert",
                                                           given_name="Rose"))
    dialog = ResponseDialog(main_window.open_dossier(pid), get_definition(ctx, "katz_be"))
    dialog.show()
    box = dialog.form.inputs["dementia_diagnosis"].widget
    for key, value in (("1", True), ("0", False), ("1", True), ("2", False)):
        qtbot.keyClicks(box, key)
        assert box.currentData() is value, key
    dialog.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("width", [1366, 900])
def test_long_instrument_names_show_whole(main_window, ctx: AppContext, lang: str,
                                          width: int) -> None:  # type: ignore[no-untyped-def]
    """"Zarit — fardeau de l'aidant (22 questions) — textes non importés" ran off the right edge
    of the instrument list: every name wraps within the list, none is cut or scrolled away."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    from desktop.ui.assessment.tab import AssessmentTab

    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Lambert",
                                                           given_name="Rose"))
    install_language(lang)
    dossier = main_window.open_dossier(pid)
    dossier.resize(width, 700)  # 900: as narrow as the dossier goes
    dossier.show()
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), AssessmentTab))
    dossier.tabs.setCurrentWidget(tab)
    _settle()
    names = tab.instruments
    metrics = names.fontMetrics()
    margin = names.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, names) + 1
    viewport = names.viewport().width()
    assert max(metrics.horizontalAdvance(names.item(r).text())
               for r in range(names.count())) > viewport  # a name longer than one line
    cut = []
    for row in range(names.count()):
        item = names.item(row)
        rect = names.visualItemRect(item)
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 2 * margin, 100_000),
                                      Qt.TextFlag.TextWordWrap, item.text())
        if rect.left() < 0 or rect.right() >= viewport or needed.height() > rect.height() \
                or needed.width() > rect.width() - 2 * margin:
            cut.append(f"{item.text()!r}: {rect} needs {needed.size()}")
    assert not cut, "\n".join(cut)
    dossier.close()


@pytest.mark.parametrize("width", [1366, 900])
def test_every_ecomap_action_has_a_button_in_view(main_window, ctx: AppContext,
                                                  width: int) -> None:  # type: ignore[no-untyped-def]
    """The ecomap's toolbar hid its last actions behind an overflow (») button that Tab cannot
    reach when the dossier was narrow: the buttons wrap onto another row instead, and the rarer
    actions sit in a "More actions" menu whose button is in view and reached by Tab."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    from desktop.ui.ecomap.tab import EcosystemTab

    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Lambert",
                                                           given_name="Rose"))
    dossier = main_window.open_dossier(pid)
    dossier.resize(width, 700)  # 900: as narrow as the dossier goes
    dossier.show()
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), EcosystemTab))
    dossier.tabs.setCurrentWidget(tab)
    _settle()
    page = tab.map

    def in_view(button: QToolButton) -> bool:
        rect = button.rect().translated(button.mapTo(dossier, button.rect().topLeft()))
        return button.isVisible() and dossier.rect().contains(rect)

    more = page.more_button
    assert in_view(more) and more.focusPolicy() & Qt.FocusPolicy.TabFocus
    in_menu = {id(a) for a in more.menu().actions()}
    actions = [a for a in page.actions() if a.text()]
    assert len(actions) >= 10 and 0 < len(in_menu) <= 3
    buttons = {id(b.defaultAction()): b for b in page.findChildren(QToolButton)
               if b.defaultAction() is not None}
    hidden = [a.text() for a in actions
              if id(a) not in in_menu and not (id(a) in buttons and in_view(buttons[id(a)]))]
    assert not hidden, hidden
    # nothing but the actions' own buttons and the menu's: no overflow arrow
    assert all(b.defaultAction() is not None or b is more
               for b in page.findChildren(QToolButton) if b.isVisible())
    dossier.close()


# ---- details -------------------------------------------------------------------------------
def test_unselected_tab_labels_keep_their_accents(main_window) -> None:  # type: ignore[no-untyped-def]
    def picture(text: str) -> QImage:
        bar = QTabBar()
        bar.setDocumentMode(True)
        bar.addTab("Plan")
        bar.addTab(text)  # not selected
        bar.resize(bar.sizeHint())
        bar.show()
        _settle()
        rect = bar.tabRect(1)
        image = bar.grab(rect).toImage()
        bar.deleteLater()
        return image

    assert picture("Évaluations") != picture("Evaluations")


def test_born_by_gender(main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    texts = {}
    for gender in ("female", "male", None):
        pid = patients.add_patient(ctx, patients.PatientFields(
            family_name="Peeters", given_name="Alex", birth_date="1941-03-02", gender=gender))
        texts[gender] = main_window.open_dossier(pid).header.identity.text()
    assert "(née le 02/03/1941)" in texts["female"]
    assert "(né le 02/03/1941)" in texts["male"]
    assert "(né·e le 02/03/1941)" in texts[None]


def test_recording_a_future_visit_is_refused_when_the_date_is_chosen(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.dossier.case_dialogs import VisitDialog

    sc = make_scenario(ctx)
    dialog = VisitDialog(main_window, ctx, case_id=None, patient_id=sc.patient_id, record=True)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    message = dialog.errors.labels["date"]
    assert save.isEnabled() and message.isHidden()
    # and by default the visit has just ended: no end still ahead
    assert dialog.start.value() < dialog.end.value() <= dt.datetime.now().time()
    dialog.date.setDate(ctx.today() + dt.timedelta(days=3))
    assert not save.isEnabled() and not message.isHidden()
    assert "future" in message.text()  # "une visite future ne peut pas être enregistrée…"
    dialog.date.setDate(ctx.today())
    assert save.isEnabled() and message.isHidden()
    dialog.reject()


def test_ctrl_enter_saves_a_dialog_from_any_field(main_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.dossier.case_dialogs import VisitDialog
    from desktop.ui.ecomap.dialogs import ContactDialog

    saved = []
    dialog = ContactDialog(main_window, saved.append)
    dialog.show()
    dialog.contact.family_name.setText("Lemaire")
    qtbot.keyClick(dialog.contact.family_name, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert len(saved) == 1 and saved[0].family_name == "Lemaire"

    sc = make_scenario(ctx)
    from desktop.services import cases

    case_id = cases.open_case(ctx, sc.patient_id, cases.RequestFields(
        requester_type="relative", requester_name="", requester_phone="",
        request_date=ctx.today(), request_reason="Aide", clarified_request=""))
    visit = VisitDialog(main_window, ctx, case_id=case_id, patient_id=sc.patient_id)
    visit.show()
    visit.notes.setPlainText("Première visite")
    qtbot.keyClick(visit.notes, Qt.Key.Key_Enter,  # the keypad's Enter too
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier)
    assert visit.result_id is not None
    assert "\n" not in visit.notes.toPlainText()  # saved, no new line typed


def test_ctrl_enter_does_not_press_a_disabled_save(main_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.dossier.case_dialogs import VisitDialog

    sc = make_scenario(ctx)
    dialog = VisitDialog(main_window, ctx, case_id=None, patient_id=sc.patient_id, record=True)
    dialog.show()
    dialog.date.setDate(ctx.today() + dt.timedelta(days=3))
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result_id is None and dialog.isVisible()
    dialog.reject()


def test_header_badges_wrap_instead_of_widening_the_dossier(main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """With a status, an overdue review, a chronic condition, a stability trend, who sees it and
    its consents, the badges' single row made the dossier wider than a 1366-pixel screen (its
    right edge, the phones and the GP, off-screen): the badges wrap onto a second row."""
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Lambert",
                                                           given_name="Rose"))
    dossier = main_window.open_dossier(pid)
    header = dossier.header
    header.finish_badges()
    for text in ("Révision de la pertinence", "Affection chronique", "3 événements en 90 jours ↑",
                 "Toute l'équipe", "Statistiques", "Intervention majorée (BIM)",
                 "Statut affection chronique"):
        header._badge(text, "#455a64")  # noqa: SLF001 - as the consent badges add theirs
    # wider than the screen on one row, whatever the fonts' widths here
    while sum(header.badges.itemAt(i).widget().sizeHint().width()
              for i in range(header.badges.count())) < 1500:
        header._badge("Consentement : partage avec l'équipe", "#455a64")  # noqa: SLF001
    assert dossier.minimumSizeHint().width() <= 1366
    dossier.resize(1366, 700)
    dossier.show()
    _settle()
    assert dossier.width() <= 1366, dossier.width()
    labels = [header.badges.itemAt(i).widget() for i in range(header.badges.count())]
    assert len(labels) >= 8
    name = header.name.geometry()
    for label in labels:
        rect = label.rect().translated(label.mapTo(dossier, label.rect().topLeft()))
        assert dossier.rect().contains(rect), (label.text(), rect)
        assert not label.geometry().translated(label.parentWidget().pos()).intersects(name)
    assert header.phones.mapTo(dossier, header.phones.rect().topRight()).x() <= dossier.width()
    assert len({label.y() for label in labels}) >= 2  # wrapped
    dossier.close()


def test_a_dossier_reopened_as_it_closes_gets_a_new_window(main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Closed, a dossier is deleted at the next turn of the event loop: opened again before
    that, the patient got the dying window back (and an error at its first use)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Lambert",
                                                           given_name="Rose"))
    first = main_window.open_dossier(pid)
    first.close()
    again = main_window.open_dossier(pid)
    assert again is not first
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the first one goes
    _settle()
    assert main_window.dossiers[pid] is again
    assert again.tabs.count() > 1 and again.isVisible()
    again.close()


@settings(max_examples=300, deadline=None)
@given(want=st.integers(20, 400), others=st.lists(st.integers(10, 500), min_size=1, max_size=4),
       room=st.integers(100, 2000))
def test_the_name_column_is_whole_widest_and_leaves_the_rest(want: int, others: list[int],
                                                             room: int) -> None:
    """The name column's width: never under the names' own, wider than every other column
    beside it, and otherwise the widest that still leaves those columns room (so that they
    show as much of their text as the table's width allows)."""
    from desktop.ui.caseload_page import _name_width

    def needs(n: int) -> int:
        return n + sum(min(w, n - 1) for w in others)

    name = _name_width(want, others, room)
    assert name >= want
    if needs(want) < room:
        assert needs(name) <= room < needs(name + 1)
    else:
        assert name == want
