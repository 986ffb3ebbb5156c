"""Screens of issue 18 items 1–2 at 1366×768: the intake dialog (accepted / redirected to a
directory service / waiting list, first contacts and their delays), the triage dialog (the
suggestion by complexity with its reasons, crisis triggers ticked), the case details and Today's
waiting list and requests without a first contact."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from desktop.domain.contacts import ContactFields
from desktop.services import cases, triage, visits
from desktop.services.contacts import add_contact
from desktop.services.patients import PatientFields, add_patient
from desktop.ui.dossier.cases_tab import CasesTab
from desktop.ui.dossier.intake_dialogs import IntakeDialog, TriageDialog
from desktop.ui.fit import MAX_HEIGHT
from desktop.ui.today_page import TodayPage


def _tab(dossier, cls):  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), cls):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError(cls)


def _fits(widget) -> None:  # type: ignore[no-untyped-def]
    widget.adjustSize()
    assert widget.height() <= MAX_HEIGHT and widget.width() <= 1366


def _setup(ctx):  # type: ignore[no-untyped-def]
    pid = add_patient(ctx, PatientFields(family_name="Lenoir", given_name="Paul",
                                         birth_date="1971-05-04"))
    cid = cases.open_case(ctx, pid, cases.RequestFields(
        requester_type="cpas", request_reason="Expulsion annoncée", request_date="2026-11-10"),
        opened_on="2026-11-10")
    return pid, cid


def test_intake_dialog_redirect_then_waiting(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    screen = QGuiApplication.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    pid, cid = _setup(ctx)
    ssm = add_contact(ctx, ContactFields(kind="mental_health", is_organisation=True,
                                         organisation="SSM Namur"))
    visits.record_visit(ctx, case_id=cid, kind="phone", start="2026-11-12T10:00")
    tab = _tab(main_window.open_dossier(pid), CasesTab)
    assert "First contact: 12/11/2026 (2 days after the request)" in tab.detail.toPlainText()
    from desktop.ui.i18n import current_language, install_language

    before = current_language()
    install_language("fr")  # "1 jours" was printed: Qt's plural forms now
    try:
        assert tab.tr("(%n day(s) after the request)", "", 1) == "(1 jour après la demande)"
        assert tab.tr("(%n day(s) after the request)", "", 3) == "(3 jours après la demande)"
    finally:
        install_language(before)

    dialog = tab.intake()
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitUntil(dialog.isVisible)
    _fits(dialog)
    assert not dialog.target.isEnabled()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("redirected"))
    assert dialog.target.isEnabled()
    assert not dialog.try_save()  # no service chosen, no reason: said inline, nothing saved
    assert any("directory" in m for m in dialog.errors.visible_messages())
    assert cases.get_case(ctx, cid).intake_outcome is None
    dialog.target.setCurrentIndex(dialog.target.findData(ssm))
    dialog.reason.setPlainText("Suivi psychiatrique d'abord")
    assert dialog.try_save()
    v = cases.get_case(ctx, cid)
    assert (v.intake_outcome, v.redirected_to_contact_id) == ("redirected", ssm)
    assert "Intake: redirected on 23/11/2026 to SSM Namur" in tab.detail.toPlainText()

    again = tab.intake()
    qtbot.waitUntil(again.isVisible)
    again.outcome.setCurrentIndex(again.outcome.findData("waiting"))
    assert not again.target.isEnabled() and again.target.currentData() is None
    again.on.setText("20/11/2026")
    again.first_home.setText("18/11/2026")
    assert again.try_save()
    v = cases.get_case(ctx, cid)
    assert v.waiting_since is not None and v.waiting_since.isoformat() == "2026-11-20"
    assert v.days_to_first_home_visit == 8
    assert "Intake: waiting list since 20/11/2026" in tab.detail.toPlainText()


def test_triage_dialog_crisis_for_a_55_year_old(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid, _cid = _setup(ctx)
    tab = _tab(main_window.open_dossier(pid), CasesTab)
    assert "Suggested level: 1 · 1 · Self-management" not in tab.detail.toPlainText()
    assert "Suggested level: 1" in tab.detail.toPlainText()
    dialog = tab.triage()
    assert isinstance(dialog, TriageDialog)
    qtbot.waitUntil(dialog.isVisible)
    _fits(dialog)
    assert "Suggested level: 1 · self-management" in dialog.summary.text()
    dialog.triggers["housing_loss"].setChecked(True)
    dialog.triggers["care_refusal_danger"].setChecked(True)
    assert "Suggested level: 3 · case management" in dialog.summary.text()  # a preview
    assert "imminent loss of housing" in dialog.summary.text()
    assert dialog.try_save()
    assert triage.suggestion(ctx, pid).level == "case_management"
    text = tab.detail.toPlainText()
    assert "Suggested level: 3 · case management" in text
    assert "refuses care while in danger" in text


def test_triage_dialog_grows_with_the_reasons_a_crisis_adds(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Ticking a crisis adds a reason line to the suggestion: the dialog grows so the form shows
    whole (it scrolled, the date field cut off at the bottom, in the guide's screenshot)."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    pid, _cid = _setup(ctx)
    tab = _tab(main_window.open_dossier(pid), CasesTab)
    dialog = tab.triage()
    qtbot.waitUntil(dialog.isVisible)
    area = dialog.findChild(QScrollArea)
    assert area is not None

    def whole() -> bool:
        QApplication.processEvents()
        return area.widget().sizeHint().height() <= area.viewport().height()

    assert whole()
    for code in ("housing_loss", "care_refusal_danger", "carer_collapse"):
        dialog.triggers[code].setChecked(True)
        qtbot.waitUntil(whole, timeout=2000)
    assert dialog.height() <= MAX_HEIGHT


def test_today_lists_waiting_and_no_first_contact(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _pid, cid = _setup(ctx)
    cases.record_intake(ctx, cid, "waiting", on="2026-11-15")
    page = next(p for p in main_window.pages if isinstance(p, TodayPage))
    page.refresh()
    assert [i.record_id for i in page.items("waiting_list")] == [cid]
    assert [i.record_id for i in page.items("awaiting_contact")] == [cid]
    titles = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert "Waiting list (1)" in titles and "No first contact after 7 days (1)" in titles
