"""Issue 18 (items 3–4), reached the way a user reaches them, at 1366×768: the Hospital tab's
buttons lead to the discharge, which flags a readmission within 30 days and proposes the
re-assessment the settings name; the stability log's 90-day trend shows where the relevance
review is made (the Cases tab) and when the case is closed as "stabilised"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop.services import cases, preferences, stability, stays
from desktop.ui.dossier.case_dialogs import CloseCaseDialog
from desktop.ui.dossier.cases_tab import CasesTab
from desktop.ui.dossier.stays_tab import StaysTab
from desktop.ui.dossier.transitions import ChecklistDialog, DischargeDialog
from tests.unit.plan_scenario import TODAY, make_scenario


def _tab(dossier, cls):  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), cls):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError(cls)


def _labels(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.text() for w in dialog.findChildren(QLabel)]


def _newest(widget, cls):  # type: ignore[no-untyped-def]
    found = [w for w in widget.findChildren(cls) if w.isVisible()]
    assert found, cls
    return found[-1]


def test_discharge_by_its_button_flags_readmission_and_proposes_reassessment(
        main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    screen = QGuiApplication.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    sc = make_scenario(ctx)
    stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=40),
                   discharged_on=TODAY - dt.timedelta(days=35), hospital="CHR Namur")
    # admitted again 30 days after that discharge: a readmission (both ends counted)
    again = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=5),
                           hospital="CHR Namur")
    tab = _tab(main_window.open_dossier(sc.patient_id), StaysTab)
    row = next(i for i in range(tab.tree.topLevelItemCount())
               if tab.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == again)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(row))
    assert "Readmission within 30 days" in tab.tree.topLevelItem(row).text(6)

    qtbot.mouseClick(tab.discharge_button, Qt.MouseButton.LeftButton)
    discharge = _newest(tab, DischargeDialog)
    discharge.date.setText(TODAY.strftime("%d/%m/%Y"))
    assert discharge.try_save()
    checklist = _newest(tab, ChecklistDialog)
    qtbot.waitUntil(checklist.isVisible)
    texts = _labels(checklist)
    assert any("Readmission within 30 days" in t for t in texts), texts
    reassess = [t for t in texts if t.startswith("Re-assessment proposed:")]
    assert len(reassess) == 1 and "Katz scale" in reassess[0], texts
    checklist.close()

    # the instruments proposed are the setting's: change it, the dialog follows
    preferences.update(ctx, {preferences.REASSESS_KEY: "complexity_grid"})
    tab.refresh()
    tab.tree.setCurrentItem(next(
        tab.tree.topLevelItem(i) for i in range(tab.tree.topLevelItemCount())
        if tab.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == again))
    assert tab.checklist_button.isEnabled()
    qtbot.mouseClick(tab.checklist_button, Qt.MouseButton.LeftButton)
    after = _newest(tab, ChecklistDialog)
    reassess = [t for t in _labels(after) if t.startswith("Re-assessment proposed:")]
    assert len(reassess) == 1 and "Katz" not in reassess[0], reassess
    after.close()


def test_trend_in_the_relevance_review_and_when_closing_as_stabilised(
        main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    cid = cases.open_case(ctx, sc.patient_id, cases.RequestFields(
        requester_type="gp", request_reason="Chutes", request_date=TODAY - dt.timedelta(days=200)),
        opened_on=TODAY - dt.timedelta(days=200))
    stability.add_event(ctx, sc.patient_id, "fall", occurred_on=TODAY - dt.timedelta(days=100))
    stability.add_event(ctx, sc.patient_id, "fall", occurred_on=TODAY - dt.timedelta(days=10))
    stability.add_event(ctx, sc.patient_id, "crisis_call", occurred_on=TODAY)
    expected = "Stability log: 2 events in 90 days (1 in the 90 days before) — rising"
    tab = _tab(main_window.open_dossier(sc.patient_id), CasesTab)
    text = tab.detail.toPlainText()
    # beside the review's due date, reached (the case opened 200 days ago), and its
    # "Relevance reviewed" button
    due = cases.get_case(ctx, cid).relevance_review_due
    assert due is not None and due <= TODAY
    assert f"Relevance review to do since {due:%d/%m/%Y}" in text and expected in text, text
    assert tab.review_button.isEnabled()
    from desktop.ui.dossier.overview_tab import OverviewTab

    overview = next(w for w in tab.dossier.findChildren(OverviewTab))
    overview.refresh()
    assert f"Relevance review to do since {due:%d/%m/%Y}" in overview.summary.text()
    # once reviewed, the next date lies ahead: "due on"
    cases.record_relevance_review(ctx, cid)
    overview.refresh()
    assert "Relevance review due on" in overview.summary.text()

    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    close = _newest(tab, CloseCaseDialog)
    assert not close.stability.isVisible()
    close.reason.setCurrentIndex(close.reason.findData("stabilised"))
    assert close.stability.isVisible() and close.stability.text() == expected
    close.reason.setCurrentIndex(close.reason.findData("deceased"))
    assert not close.stability.isVisible()
    close.reason.setCurrentIndex(close.reason.findData("stabilised"))
    assert close.try_save()
    assert cases.get_case(ctx, cid).closure_reason == "stabilised"
    qtbot.waitUntil(lambda: "Closed on" in tab.detail.toPlainText())
    assert expected in tab.detail.toPlainText()  # a case closed as stabilised keeps showing it


def test_people_to_tell_printed_and_audited(main_window, qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'…the people of the ecosystem to tell (to call, or a printed note)': the dialog prints
    the note (whose admission, when, where, then the people and their actions on hold); the
    print is audited like every print of a record."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from desktop.services import audit_log
    from desktop.ui.dossier.transitions import PeopleToTellDialog

    sc = make_scenario(ctx)
    sid = stays.add_stay(ctx, sc.patient_id, admitted_on=TODAY - dt.timedelta(days=1),
                         hospital="CHR Namur")
    tab = _tab(main_window.open_dossier(sc.patient_id), StaysTab)
    tab.refresh()
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    qtbot.mouseClick(tab.tell_button, Qt.MouseButton.LeftButton)
    tell = _newest(tab, PeopleToTellDialog)
    assert tell.print_button.isEnabled() and tell.print_button.text() == "&Print…"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "tell.pdf"
    printer.setOutputFileName(str(out))
    tell.print_on(printer)
    text = " ".join("".join(page.extract_text() for page in PdfReader(str(out)).pages).split())
    assert "admitted on" in text and "CHR Namur" in text and "Pierre Lemaire" in text, text
    prints = audit_log.who_looked(ctx, sc.patient_id, actions=("print",))
    assert [(e.table, e.record_id, e.detail.get("document")) for e in prints] == [
        ("hospital_stay", sid, "people_to_tell")]
    tell.close()
