"""End to end in the GUI: new patient → new case with a request → plan a visit → record it with
notes → it appears in the timeline and in the Today view; closing without a reason is refused;
bad input gives an inline message and saves nothing."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication

from desktop.services import cases, drafts, patients, visits
from desktop.ui.caseload_page import CaseloadPage
from desktop.ui.dossier.case_dialogs import VisitDialog
from desktop.ui.dossier.cases_tab import CasesTab
from desktop.ui.dossier.journal_tab import JournalTab
from desktop.ui.dossier.overview_tab import OverviewTab
from desktop.ui.dossier.visits_tab import VisitsTab
from desktop.ui.today_page import TodayPage


def _tab(dossier, cls):  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), cls):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError(cls)


def test_patient_case_visit_flow(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = main_window
    assert isinstance(window.pages[0], TodayPage)  # the home screen
    window.show_page("caseload")
    page = next(p for p in window.pages if isinstance(p, CaseloadPage))

    # new patient: a future birth date and an empty given name are refused inline
    dialog = page.new_patient()
    qtbot.keyClicks(dialog.form.family_name, "Dethier")
    qtbot.keyClicks(dialog.form.birth_date, "2031-01-01")
    assert not dialog.try_save()
    shown = dialog.form.errors.visible_messages()
    assert any("future" in m for m in shown) and any("required" in m for m in shown)
    assert patients.count_patients(ctx) == 0
    dialog.form.birth_date.clear()
    qtbot.keyClicks(dialog.form.birth_date, "1938-02-11")
    qtbot.keyClicks(dialog.form.given_name, "Ève")
    qtbot.keyClicks(dialog.form.city, "Namur")
    qtbot.keyClicks(dialog.form.phone1, "0470 12 34 56")
    assert dialog.try_save()
    pid = dialog.patient_id
    qtbot.waitUntil(lambda: pid in window.dossiers)
    dossier = window.dossiers[pid]
    assert "DETHIER Ève" in dossier.windowTitle()

    # the caseload finds the new patient, accent-insensitively
    page.search.setText("eve")
    page.refresh()
    assert [r.patient_id for r in page.model.rows] == [pid]

    # new case with a request
    cases_tab = _tab(dossier, CasesTab)
    case_dialog = cases_tab.new_case()
    case_dialog.phone.setFocus()
    assert not case_dialog.try_save()  # who asked and why are required
    assert len(case_dialog.errors.visible_messages()) == 2
    # the keyboard goes to the first field said wrong, where the next keys belong
    qtbot.waitUntil(lambda: case_dialog.focusWidget() is case_dialog.requester)
    case_dialog.reason.setFocus()
    assert not case_dialog.try_save()  # already in a field said wrong: it stays there
    assert case_dialog.focusWidget() is case_dialog.reason
    case_dialog.requester.setCurrentIndex(case_dialog.requester.findData("gp"))
    qtbot.keyClicks(case_dialog.name, "Dr Piette")
    qtbot.keyClicks(case_dialog.reason, "Elle ne s'en sort plus seule.")
    assert case_dialog.try_save()
    cid = cases.open_case_of(ctx, pid)
    assert cid is not None and "Dr Piette" in cases_tab.detail.toPlainText()
    # a laptop not enrolled names the case manager who opened it as responsible, not "—"
    assert "Anne Lambert" in cases_tab.detail.toPlainText()

    # plan a visit (Ctrl+Shift+V); an end before the start is refused inline
    visits_tab = _tab(dossier, VisitsTab)
    dossier.activateWindow()
    qtbot.waitUntil(dossier.isActiveWindow)
    qtbot.keyClick(dossier, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    plan = next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, VisitDialog) and w.isVisible()), None)
    assert plan is not None, "Ctrl+Shift+V opens the plan dialog"
    plan.date.setDate(QDate(2026, 11, 23))
    plan.start.setTime(QTime(10, 0))
    plan.end.setTime(QTime(9, 0))
    assert not plan.try_save()
    assert any("after the start" in m for m in plan.errors.visible_messages())
    assert visits.list_visits(ctx, pid) == []
    plan.end.setTime(QTime(11, 0))
    assert plan.try_save()
    visit_id = plan.result_id
    qtbot.waitUntil(lambda: visits_tab.selected() is not None)

    # record it with notes: the notes autosave while typing
    visits_tab.select_visit(visit_id)
    record = visits_tab.record()
    assert record is not None and record.record and record.autosaver is not None
    assert record.focusWidget() is record.notes  # a planned visit: what is typed is its notes
    record.autosaver.interval = 0
    qtbot.keyClicks(record.notes, "Chute la semaine ")
    record.notes.insertPlainText("passée. Kiné à organiser.")  # QTest types ASCII only
    record.flush_draft()
    saved = drafts.get_draft(ctx, drafts.visit_notes_key(visit_id))
    assert saved is not None and saved.text == "Chute la semaine passée. Kiné à organiser."
    assert record.try_save()
    assert visits.get_visit(ctx, visit_id).status == "done"
    assert drafts.get_draft(ctx, drafts.visit_notes_key(visit_id)) is None

    # it appears in the timeline and in Today
    overview = _tab(dossier, OverviewTab)
    overview.refresh()
    texts = [overview.tree.topLevelItem(i).text(2) for i in range(overview.tree.topLevelItemCount())]
    assert "Chute la semaine passée. Kiné à organiser." in texts
    today_page = window.pages[0]
    today_page.refresh()
    assert [(i.record_id, i.status) for i in today_page.items("visits_today")] == \
        [(visit_id, "done")]

    # a journal note with Ctrl+S
    journal_tab = _tab(dossier, JournalTab)
    qtbot.keyClicks(journal_tab.editor, "Appel du pharmacien.")
    assert journal_tab.add()
    assert journal_tab.list.count() == 1

    # closing without a reason is refused, the case stays open
    cases_tab = _tab(dossier, CasesTab)
    close = cases_tab.close_case()
    assert close is not None and not close.try_save()
    assert any("reason" in m for m in close.errors.visible_messages())
    assert cases.get_case(ctx, cid).status == "referred"
    close.reason.setCurrentIndex(close.reason.findData("stabilised"))
    assert close.try_save()
    assert cases.get_case(ctx, cid).status == "closed"


def test_identity_tab_inline_validation(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.dossier.identity_tab import IdentityTab

    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Vanden Broucke",
                                                           given_name="Jozef"))
    dossier = main_window.open_dossier(pid)
    tab = _tab(dossier, IdentityTab)
    tab.form.given_name.clear()
    qtbot.keyClicks(tab.form.postal_code, "123")
    tab.form.city.setText("Ieper\x07")  # a pasted control character
    dossier.showNormal()
    dossier.resize(900, 480)  # the user's size: errors in a tab do not resize the window
    qtbot.waitUntil(lambda: dossier.height() == 480)
    before = dossier.size()
    assert not tab.save()
    assert len(tab.form.errors.visible_messages()) == 3
    assert dossier.size() == before
    assert patients.get_patient(ctx, pid).given_name == "Jozef"
    tab.form.given_name.setText("Jozef")
    tab.form.postal_code.setText("8900")
    tab.form.city.setText("Ieper")
    assert tab.save()
    assert patients.get_patient(ctx, pid).city == "Ieper"
    assert "Ieper" in dossier.header.address.text()


def test_identity_edits_survive_a_sync_a_lock_and_a_crash(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A phone number typed in the Identity tab and not saved yet was wiped by the next sync
    that brought any change of the patient (the tab reloaded the record), and lost at a lock."""
    from desktop.ui.dossier.identity_tab import IdentityTab
    from tests.conftest import PASSPHRASE

    pid = patients.add_patient(ctx, patients.PatientFields(
        family_name="Lemaire", given_name="Odette", city="Namur", street="Rue Haute"))
    dossier = main_window.open_dossier(pid)
    tab = _tab(dossier, IdentityTab)
    tab.form.phone1.setText("0470 12 34 56")
    tab.form.street.setText("Rue Basse")

    def elsewhere(**values: str) -> None:  # another laptop's change, arrived by a sync
        view = patients.get_patient(ctx, pid)
        fields = patients.PatientFields(family_name=view.family_name, given_name=view.given_name,
                                        city=view.city, street=view.street)
        for name, value in values.items():
            setattr(fields, name, value)
        patients.edit_patient(ctx, pid, fields)
        dossier.bus.changed.emit("sync")
        QApplication.processEvents()

    elsewhere(city="Jambes")
    assert tab.form.city.text() == "Jambes"  # not touched here: the stored value
    assert tab.form.phone1.text() == "0470 12 34 56" and tab.form.street.text() == "Rue Basse"
    assert tab.status.text() == tab.tr("Your changes are not saved yet.")
    elsewhere(street="Rue du Pont")  # the same field changed on both sides: ours shown, said
    assert tab.form.street.text() == "Rue Basse"
    assert tab.form.label_of("street") in tab.status.text()

    key = tab.key
    main_window.lock()  # the unsaved changes go into the vault, encrypted
    unlock = main_window.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: pid in main_window.dossiers)
    stored = drafts.get_draft(main_window.ctx, key)
    assert stored is not None and "0470 12 34 56" in stored.text
    dossier = main_window.dossiers[pid]
    qtbot.waitUntil(lambda: dossier.draft_offer is not None and dossier.draft_offer.box is not None
                    and dossier.draft_offer.box.isVisible())
    dossier.draft_offer.box.restore_button.click()
    [restored] = dossier.draft_offer.restored
    assert isinstance(restored, IdentityTab) and dossier.tabs.currentWidget() is restored
    assert restored.form.phone1.text() == "0470 12 34 56"
    assert restored.form.street.text() == "Rue Basse" and restored.form.city.text() == "Jambes"
    assert restored.save()
    QApplication.processEvents()  # the save's write refreshes the tab: "Saved." stays
    assert restored.status.text() == restored.tr("Saved.")
    ctx = main_window.ctx
    view = patients.get_patient(ctx, pid)
    assert view.street == "Rue Basse" and view.city == "Jambes" and view.phones_display
    assert drafts.get_draft(ctx, key) is None
    restored.form.phone2.setText("081 22 33 44")
    restored.flush_draft()  # as the autosave does
    assert drafts.get_draft(ctx, key) is not None
    # "Undo changes", clicked by mistake beside Save, asks first: Keep them (the default)
    box = restored.ask_revert()
    assert box is not None and restored.form.phone2.accessibleName() in box.text()
    assert box.defaultButton() is box.keep_button
    box.keep_button.click()
    assert restored.form.phone2.text() == "081 22 33 44"
    box = restored.ask_revert()
    box.undo_button.click()  # the stored record, no draft left
    assert restored.form.phone2.text() == "" and drafts.get_draft(ctx, key) is None
    assert restored.ask_revert() is None  # nothing typed: nothing to ask


def test_today_offers_autosaved_text(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Noël", given_name="Léon"))
    cid = cases.open_case(ctx, pid, cases.RequestFields(requester_type="patient",
                                                        request_reason="Aide"))
    vid = visits.plan_visit(ctx, cid, start="2026-11-23T09:00")
    drafts.save_draft(ctx, drafts.visit_notes_key(vid), "visit_notes", "Texte perdu au crash",
                      patient_id=pid, context={"visit_id": vid})
    today_page = main_window.pages[0]
    today_page.refresh()
    assert today_page.banner.isVisibleTo(main_window)
    dialog = today_page.restore_draft()
    assert isinstance(dialog, VisitDialog) and dialog.record
    assert dialog.notes.toPlainText() == "Texte perdu au crash"
    assert dialog.restored.isVisibleTo(dialog)
    assert dialog.try_save()
    assert visits.get_visit(ctx, vid).notes == "Texte perdu au crash"
    today_page.refresh()
    assert not today_page.banner.isVisibleTo(main_window)


def test_today_names_a_visits_place_only_where_it_says_more_than_its_kind(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    """"Visite à domicile (Domicile)": the visit form's default place only repeated the kind."""
    from desktop.ui.labels_case import home_place

    home = home_place()  # the visit form's default place
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Lemaire",
                                                           given_name="Odette"))
    cid = cases.open_case(ctx, pid, cases.RequestFields(requester_type="gp",
                                                        request_reason="Chutes"), status="active")
    day = ctx.today()
    for hour, kind, place in ((9, "home_visit", home), (10, "home_visit", "Résidence Les Lilas"),
                              (11, "phone", home), (12, "home_visit", "Thuis"),
                              (13, "home_visit", " domicile ")):
        visits.plan_visit(ctx, cid, kind=kind, start=f"{day.isoformat()}T{hour:02d}:00",
                          place=place)
    page = next(p for p in main_window.pages if isinstance(p, TodayPage))
    page.refresh()
    whats = [page._describe(item)[1] for item in page.items("visits_today")]
    assert len(whats) == 5
    assert f"({home})" not in whats[0]
    assert whats[1].endswith("(Résidence Les Lilas)")
    assert whats[2].endswith(f"({home})")  # a call "at home" is not what a call says
    # a Dutch-speaking colleague's default place, or the word typed again: no more than the kind
    assert whats[3] == whats[4] == whats[0]


def test_today_on_a_new_laptop_says_where_to_begin(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A new vault opened on twelve black "(0)" titles and nothing to say what to do first."""
    from PySide6.QtGui import QPalette

    from desktop.ui.caseload_page import NewPatientDialog

    page = main_window.pages[0]
    page.refresh()
    assert page.wait_loaded()
    assert page.welcome.isVisibleTo(main_window)
    grey = page.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert all(top.foreground(0).color() == grey for top in page.tops.values())
    dialog = page.new_patient()  # the welcome's button
    assert isinstance(dialog, NewPatientDialog)
    dialog.reject()
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Noël", given_name="Léon"))
    cid = cases.open_case(ctx, pid, cases.RequestFields(requester_type="patient",
                                                        request_reason="Aide"))
    visits.plan_visit(ctx, cid, start=f"{ctx.today().isoformat()}T15:00")
    main_window.show_page("today")
    page.refresh()
    assert page.wait_loaded()
    assert not page.welcome.isVisibleTo(main_window)
    assert page.tops["visits_today"].childCount() == 1
    assert page.tops["visits_today"].foreground(0).color() != grey
    assert page.tops["overdue"].foreground(0).color() == grey  # empty: grey still


def test_the_next_status_is_read_whole(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """The statuses a case may move to fill their list once the case is chosen; the list kept
    the width it had empty, and French read "Évaluatic"."""
    from PySide6.QtWidgets import QComboBox

    from desktop.ui.i18n import install_language

    install_language("nl")
    try:
        pid = patients.add_patient(ctx, patients.PatientFields(family_name="Peeters",
                                                               given_name="Jan"))
        dossier = main_window.open_dossier(pid)
        tab = _tab(dossier, CasesTab)
        QApplication.processEvents()  # shown with no case: nothing to move to yet
        cases.open_case(ctx, pid, cases.RequestFields(requester_type="patient",
                                                      request_reason="Hulp"), status="assessing")
        tab.refresh()
        QApplication.processEvents()
        combo = tab.move_to
        fresh = QComboBox()  # what the same statuses need, measured afresh
        fresh.addItems([combo.itemText(i) for i in range(combo.count())])
        assert combo.count() and combo.width() >= fresh.sizeHint().width(), (
            combo.width(), fresh.sizeHint().width())
    finally:
        install_language("en")


def test_todays_discard_asks_before_throwing_the_text_away(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Discard, beside Restore on Today's banner, threw a visit's notes away at once."""
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Noël", given_name="Léon"))
    cid = cases.open_case(ctx, pid, cases.RequestFields(requester_type="patient",
                                                        request_reason="Aide"))
    vid = visits.plan_visit(ctx, cid, start="2026-11-23T09:00")
    key = drafts.visit_notes_key(vid)
    drafts.save_draft(ctx, key, "visit_notes", "Texte perdu au crash", patient_id=pid,
                      context={"visit_id": vid})
    page = main_window.pages[0]
    page.refresh()
    box = page.discard_draft()
    assert box is not None and "Texte perdu au crash" in box.informativeText()
    assert box.defaultButton() is box.keep_button
    box.keep_button.click()
    assert drafts.get_draft(ctx, key) is not None and page.banner.isVisibleTo(main_window)
    page.discard_draft().throw_button.click()
    assert drafts.get_draft(ctx, key) is None and not page.banner.isVisibleTo(main_window)
