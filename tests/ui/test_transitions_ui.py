"""Screens of issue 18 items 3–5 at 1366×768: an admission and who to tell, the discharge and its
checklist, the follow-up call on Today, the stability log (one key per event) with its trend in
the header, the concertation's funder and home nurse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.services import care_plans, concertations, stability, stays
from desktop.ui.dossier.overview_tab import OverviewTab
from desktop.ui.dossier.stays_tab import StaysTab
from desktop.ui.dossier.transitions import ChecklistDialog, DischargeDialog, PeopleToTellDialog
from desktop.ui.fit import MAX_HEIGHT
from desktop.ui.today_page import TodayPage
from tests.unit.plan_scenario import TODAY, build_plan, make_scenario


def _tab(dossier, cls):  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), cls):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError(cls)


def _fits(widget) -> None:  # type: ignore[no-untyped-def]
    widget.adjustSize()
    assert widget.height() <= MAX_HEIGHT and widget.width() <= 1366


def test_admission_discharge_checklist_and_today(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    screen = QGuiApplication.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    sc = make_scenario(ctx)
    from desktop.services import cases
    cases.open_case(ctx, sc.patient_id, cases.RequestFields(
        requester_type="gp", request_reason="Chutes", request_date=TODAY - dt.timedelta(days=30)))
    plan_id = build_plan(ctx, sc, agree=True)
    dossier = main_window.open_dossier(sc.patient_id)
    tab = _tab(dossier, StaysTab)
    # none yet: said in words, not "0 admission"
    assert tab.summary.text() == tab.tr("No admission in the last 12 months")

    # a new admission: the stay dialog, then who to tell
    add = tab.add()
    add.admitted.setText((TODAY - dt.timedelta(days=3)).strftime("%d/%m/%Y"))
    add.still_in.setChecked(True)
    add.hospital.setText("CHR Namur")
    assert add.try_save()
    tell = next(w for w in tab.findChildren(PeopleToTellDialog))
    qtbot.waitUntil(tell.isVisible)
    _fits(tell)
    names = [tell.tree.topLevelItem(i).text(0) for i in range(tell.tree.topLevelItemCount())]
    assert names[0].startswith("Pierre Lemaire")  # the GP first
    assert "Aide à la toilette" in tell.note_text()
    tell.copy_note()
    assert QGuiApplication.clipboard().text() == tell.note_text()
    tell.close()
    assert any(a.on_hold for a in care_plans.get_plan(ctx, plan_id).actions)
    assert tab.discharge_button.isEnabled() and not tab.checklist_button.isEnabled()

    # the discharge opens the checklist
    dialog = tab.discharge()
    assert isinstance(dialog, DischargeDialog)
    _fits(dialog)
    dialog.date.setText(TODAY.strftime("%d/%m/%Y"))
    assert dialog.try_save()
    checklist = next(w for w in tab.findChildren(ChecklistDialog))
    qtbot.waitUntil(checklist.isVisible)
    _fits(checklist)
    assert not any(a.on_hold for a in care_plans.get_plan(ctx, plan_id).actions)
    checklist.boxes["letter_received"].setChecked(True)
    checklist.boxes["gp_informed"].setChecked(True)
    assert checklist.try_save()
    stay = stays.list_stays(ctx, sc.patient_id)[0]
    assert stay.checklist["letter_received"] == TODAY and stay.follow_up_due is not None
    assert "2/5" in tab.tree.topLevelItem(0).text(6)

    # Today lists the follow-up call
    today_page = next(p for p in main_window.pages if isinstance(p, TodayPage))
    today_page.refresh()
    calls = today_page.items("follow_up_calls")
    assert [c.record_id for c in calls] == [stay.id]

    # the call made: it leaves Today
    again = tab.checklist(stay.id)
    again.call.setChecked(True)
    assert again.try_save()
    today_page.refresh()
    assert today_page.items("follow_up_calls") == []


def test_stability_keys_trend_in_header_and_concertation(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    stability.add_event(ctx, sc.patient_id, "fall", occurred_on=TODAY - dt.timedelta(days=120))
    dossier = main_window.open_dossier(sc.patient_id)
    overview = _tab(dossier, OverviewTab)
    panel = overview.stability
    assert len(panel.buttons) == 7
    panel.reported_by.setText("Hélène (fille)")
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_1)  # one keystroke: a fall
    qtbot.keyClick(panel, Qt.Key.Key_3)  # a crisis call
    events = stability.list_events(ctx, sc.patient_id)
    assert sorted(e.kind for e in events[:2]) == ["crisis_call", "fall"]
    assert {e.reported_by for e in events[:2]} == {"Hélène (fille)"}
    qtbot.keyClicks(panel.reported_by, "12")  # digits typed in the field stay there
    assert panel.reported_by.text().endswith("12") and len(stability.list_events(ctx, sc.patient_id)) == 3
    assert "2" in panel.trend.text()
    badges = [dossier.header.badges.itemAt(i).widget().text()
              for i in range(dossier.header.badges.count())
              if dossier.header.badges.itemAt(i).widget() is not None]
    assert any("↑" in b for b in badges), badges

    from desktop.ui.plan.dialogs import ConcertationDialog
    people = care_plans.ecosystem_choices(ctx, sc.patient_id)
    dialog = ConcertationDialog(dossier, ctx, sc.patient_id, people, "fr")
    _fits(dialog)
    assert dialog.funder.currentData() == "aviq"  # Jambes, 5100
    assert dialog.nurse.isEnabled() and not dialog.nurse.isChecked()
    for i in range(dialog.people.count()):
        dialog.people.item(i).setCheckState(Qt.CheckState.Checked)
    assert dialog.nurse.isChecked()  # a home nurse among the participants ticks it
    nurse_rows = [i for i in range(dialog.people.count())
                  if dialog.people.item(i).data(Qt.ItemDataRole.UserRole) in dialog.nurses]
    for i in nurse_rows:
        dialog.people.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.nurse.isChecked()
    for i in nurse_rows:
        dialog.people.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.agreed.setChecked(True)
    dialog.nurse.click()  # the case manager says no: the participants no longer change it
    dialog.people.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.people.item(0).setCheckState(Qt.CheckState.Checked)
    assert not dialog.nurse.isChecked()
    dialog.funder.setCurrentIndex(dialog.funder.findData("iriscare"))
    dialog._ok()
    assert dialog.result_id
    view = concertations.list_concertations(ctx, sc.patient_id)[0]
    assert view.funder == "iriscare" and "concertation.needs_home_nurse" in view.warnings


def test_the_reported_by_hint_is_whole_beside_a_long_trend(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    for kind in ("fall", "crisis_call", "carer_exhausted", "not_eating"):
        stability.add_event(ctx, sc.patient_id, kind, occurred_on=TODAY - dt.timedelta(days=3))
    main_window.resize(1366, 700)
    dossier = main_window.open_dossier(sc.patient_id)
    dossier.resize(1366, 700)
    dossier.show()
    field = _tab(dossier, OverviewTab).stability.reported_by
    QApplication.processEvents()
    hint = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert field.width() >= hint + 12, (field.width(), hint)
