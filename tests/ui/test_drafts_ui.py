"""Nothing typed is lost: the free text of a dialog is drafted into the vault; closing with
unsaved text asks Save / Don't save / Cancel; after a lock each draft is offered back in the
dialog it belongs to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.services import care_plans, cases, drafts, patients, visits
from desktop.ui.dossier.case_dialogs import VisitDialog
from desktop.ui.dossier.visits_tab import VisitsTab
from desktop.ui.ecomap.dialogs import TieDialog
from desktop.ui.i18n import install_language
from desktop.ui.plan.dialogs import GoalDialog
from desktop.ui.plan.tab import PlanTab
from tests.conftest import PASSPHRASE

NOTE = "Chute dans la salle de bain, fille présente."


def _tab(dossier, cls):  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), cls):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError(cls)


def _patient_with_case(ctx) -> str:  # type: ignore[no-untyped-def]
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Dethier",
                                                           given_name="Renée"))
    cases.open_case(ctx, pid, cases.RequestFields(requester_type="relative",
                                                  request_reason="Chutes"))
    return pid


def _unplanned_visit(main_window, qtbot, ctx):  # type: ignore[no-untyped-def]
    pid = _patient_with_case(ctx)
    dossier = main_window.open_dossier(pid)
    tab = _tab(dossier, VisitsTab)
    assert tab.selected() is None
    dialog = tab.record()  # Visites → Encoder… with no planned visit selected
    assert isinstance(dialog, VisitDialog) and dialog.visit is None
    qtbot.keyClicks(dialog.notes, "Chute dans la salle de bain, fille ")
    dialog.notes.insertPlainText("présente.")  # QTest types ASCII only
    return pid, dossier, dialog


def _key(pid: str) -> str:
    return f"visit_notes:{pid}:new"


def test_escape_asks_and_cancel_keeps_text_and_draft(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    install_language("fr")
    pid, _dossier, dialog = _unplanned_visit(main_window, qtbot, ctx)
    qtbot.waitUntil(lambda: drafts.get_draft(ctx, _key(pid)) is not None, timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    prompt = dialog.draft_guard.prompt
    assert prompt is not None and prompt.isVisible()
    assert prompt.save_button.text() == "&Enregistrer"
    assert prompt.discard_button.text() == "&Ne pas enregistrer"
    assert prompt.cancel_button.text() == "Annuler"
    prompt.cancel_button.click()
    assert dialog.isVisible() and dialog.notes.toPlainText() == NOTE
    assert drafts.get_draft(ctx, _key(pid)).text == NOTE  # the draft stays

    # the window's close button asks the same; "don't save" closes and removes the draft
    dialog.close()
    prompt = dialog.draft_guard.prompt
    assert prompt is not None and dialog.isVisible()
    prompt.discard_button.click()
    assert not dialog.isVisible()
    assert drafts.get_draft(ctx, _key(pid)) is None
    assert visits.list_visits(ctx, pid) == []


def test_save_from_the_question_records_and_removes_the_draft(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid, _dossier, dialog = _unplanned_visit(main_window, qtbot, ctx)
    dialog.flush_draft()
    assert drafts.get_draft(ctx, _key(pid)) is not None
    dialog.buttons.rejected.emit()  # the Cancel button
    dialog.draft_guard.prompt.save_button.click()
    assert not dialog.isVisible()
    [visit] = visits.list_visits(ctx, pid)
    assert visit.notes == NOTE and visit.status == "done"
    assert drafts.get_draft(ctx, _key(pid)) is None


def test_nothing_typed_closes_without_asking(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid = _patient_with_case(ctx)
    dossier = main_window.open_dossier(pid)
    dialog = _tab(dossier, VisitsTab).record()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.draft_guard.prompt is None and not dialog.isVisible()


def test_lock_keeps_the_draft_and_unlock_offers_it_back(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    install_language("fr")
    pid, _dossier, _dialog = _unplanned_visit(main_window, qtbot, ctx)
    main_window.lock()  # auto-lock does the same (idle → lock)
    assert ctx.is_locked and pid not in main_window.dossiers
    unlock = main_window.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: not main_window.ctx.is_locked and pid in main_window.dossiers)
    new_ctx = main_window.ctx
    assert drafts.get_draft(new_ctx, _key(pid)).text == NOTE
    dossier = main_window.dossiers[pid]
    qtbot.waitUntil(lambda: dossier.draft_offer is not None and dossier.draft_offer.box is not None)
    box = dossier.draft_offer.box
    assert "brouillon non enregistré" in box.text() and "notes d'une visite" in box.text()
    box.restore_button.click()
    [restored] = [d for d in dossier.draft_offer.restored if isinstance(d, VisitDialog)]
    assert restored.visit is None and restored.notes.toPlainText() == NOTE
    assert restored.try_save()
    assert [v.notes for v in visits.list_visits(new_ctx, pid)] == [NOTE]
    assert drafts.pending_drafts(new_ctx) == []


def test_offer_discard_removes_the_draft(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid = _patient_with_case(ctx)
    drafts.save_draft(ctx, _key(pid), "visit_notes", NOTE, patient_id=pid,
                      context={"record_id": None})
    dossier = main_window.open_dossier(pid)
    qtbot.waitUntil(lambda: dossier.draft_offer is not None and dossier.draft_offer.box is not None)
    dossier.draft_offer.box.discard_button.click()
    assert drafts.pending_drafts(ctx) == []
    assert not any(isinstance(w, VisitDialog) and w.isVisible() for w in dossier.findChildren(QDialog))


def test_every_listed_dialog_drafts_its_text(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Goals, actions, concertation minutes, GP letters, case and consent notes, tie notes:
    typed text reaches the vault, keyed by (kind, patient, record or new)."""
    from desktop.ui.consent.tab import ConsentsTab
    from desktop.ui.dossier.cases_tab import CasesTab

    pid = _patient_with_case(ctx)
    care_plans.start_plan(ctx, pid, what_matters="Rester chez elle")
    dossier = main_window.open_dossier(pid)
    plan = _tab(dossier, PlanTab)
    plan.refresh()
    tie = TieDialog(dossier, lambda who, fields: None)
    tie.attach_drafts(ctx, pid)
    opened: list[tuple[QDialog, object, str]] = [
        (plan.add_goal(), lambda d: d.text, f"goal:{pid}:new"),
        (plan.add_meeting(), lambda d: d.note, f"concertation:{pid}:new"),
        (plan.add_letter(), lambda d: d.questions, f"gp_letter:{pid}:new"),
        (_tab(dossier, ConsentsTab).decide("granted"), lambda d: d.note, f"consent:{pid}:new"),
        (_tab(dossier, CasesTab).close_case(), lambda d: d.note, None),
        (tie, lambda d: d.tie_form.note, f"tie:{pid}:new"),
    ]
    for dialog, field, key in opened:
        assert dialog is not None, key
        field(dialog).insertPlainText("Texte tapé")
        dialog.draft_guard.flush()
        stored = drafts.get_draft(ctx, key or dialog.draft_guard.key)
        assert stored is not None and "Texte tapé" in stored.text, key
        dialog.draft_guard.prompt = None
        dialog.draft_guard.discard()
        dialog.draft_guard.suspended = True
        dialog.done(0)


def test_goal_draft_reopens_after_lock_in_its_dialog(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid = _patient_with_case(ctx)
    care_plans.start_plan(ctx, pid, what_matters="Rester chez elle")
    dossier = main_window.open_dossier(pid)
    plan = _tab(dossier, PlanTab)
    plan.refresh()
    goal = plan.add_goal()
    goal.text.insertPlainText("Marcher jusqu'à la boulangerie")
    main_window.lock()
    unlock = main_window.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: pid in main_window.dossiers)
    dossier = main_window.dossiers[pid]
    qtbot.waitUntil(lambda: dossier.draft_offer is not None and dossier.draft_offer.box is not None)
    dossier.draft_offer.box.restore_button.click()
    [restored] = dossier.draft_offer.restored
    assert isinstance(restored, GoalDialog)
    assert restored.text.toPlainText() == "Marcher jusqu'à la boulangerie"


def _type_escape_cancel(qtbot, dialog, typing) -> None:  # type: ignore[no-untyped-def]
    """Type, press Escape: the question comes and the dialog stays; Cancel goes back to it."""
    for widget, text in typing:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    prompt = dialog.draft_guard.prompt
    assert prompt is not None and dialog.isVisible()
    prompt.cancel_button.click()


def test_new_patient_escape_asks_and_ctrl_n_brings_the_text_back(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Escape on "Nouveau patient" dropped what was typed without a word."""
    from desktop.ui.caseload_page import CaseloadPage, NewPatientDialog

    main_window.show_page("caseload")
    page = main_window.stack.currentWidget()
    assert isinstance(page, CaseloadPage)
    dialog = page.new_patient()
    assert isinstance(dialog, NewPatientDialog)
    _type_escape_cancel(qtbot, dialog, [(dialog.form.family_name, "Lemoine"),
                                        (dialog.form.given_name, "Berthe"),
                                        (dialog.form.city, "Ciney")])
    assert dialog.isVisible() and dialog.form.family_name.text() == "Lemoine"
    # closed another way (the lock, a crash): the draft is in the vault, Ctrl+N brings it back
    dialog.draft_guard.suspend()
    dialog.done(QDialog.DialogCode.Rejected)
    again = page.new_patient()
    assert (again.form.family_name.text(), again.form.given_name.text(),
            again.form.city.text()) == ("Lemoine", "Berthe", "Ciney")
    assert again.try_save()  # saved: the draft is gone
    assert drafts.pending_drafts(ctx) == []
    [row] = [p for p in patients.list_patients(ctx) if p.family_name == "Lemoine"]
    assert row.city == "Ciney"


def test_new_contact_escape_asks_before_dropping_the_typing(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """"Nouveau contact…" in the directory dropped what was typed on Escape."""
    from desktop.services import contacts
    from desktop.ui.ecomap.dialogs import ContactDialog

    dialog = ContactDialog(main_window, lambda f: contacts.add_contact(ctx, f), ctx=ctx)
    dialog.show()
    _type_escape_cancel(qtbot, dialog, [(dialog.contact.organisation, "Repas Ciney"),
                                        (dialog.contact.phones, "083 21 00 00")])
    assert dialog.contact.organisation.text() == "Repas Ciney"
    assert drafts.get_draft(ctx, "contact:-:new") is not None  # kept in the vault meanwhile
    dialog.close()
    dialog.draft_guard.prompt.discard_button.click()
    assert not dialog.isVisible() and drafts.get_draft(ctx, "contact:-:new") is None


def test_new_patient_form_as_tall_as_its_fields(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """It opened 680 pixels high, a third of it empty under the statuses."""
    from PySide6.QtWidgets import QScrollArea

    from desktop.ui.caseload_page import NewPatientDialog

    dialog = NewPatientDialog(main_window, main_window.ctx)
    dialog.show()
    qtbot.waitExposed(dialog)
    scroll = dialog.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() == 0  # every field in view
    assert dialog.height() < dialog.form.sizeHint().height() + 120
    dialog.draft_guard.suspended = True
    dialog.close()


def _unlock_until_the_offer(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    unlock = main_window.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: main_window.draft_offer is not None
                    and main_window.draft_offer.box is not None, timeout=10_000)


def test_new_patient_draft_offered_after_the_lock(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Locked (or crashed) with a new patient half typed: after the unlock the main window
    offers the draft, and Restore reopens the form with the text."""
    from desktop.ui.caseload_page import NewPatientDialog

    install_language("fr")
    main_window.show_page("caseload")
    dialog = main_window.stack.currentWidget().new_patient()
    qtbot.keyClicks(dialog.form.family_name, "Lemoine")
    qtbot.keyClicks(dialog.form.given_name, "Berthe")
    qtbot.keyClicks(dialog.form.city, "Ciney")
    main_window.lock()  # at once: not left to the autosave
    _unlock_until_the_offer(main_window, qtbot)
    box = main_window.draft_offer.box
    assert "un nouveau patient" in box.text() and "Lemoine" in box.informativeText()
    box.restore_button.click()
    [again] = [d for d in main_window.draft_offer.restored if isinstance(d, NewPatientDialog)]
    assert (again.form.family_name.text(), again.form.city.text()) == ("Lemoine", "Ciney")
    assert again.try_save()
    assert drafts.pending_drafts(main_window.ctx) == []


def test_directory_contact_draft_offered_after_the_lock(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.ecomap.dialogs import ContactDialog

    install_language("fr")
    main_window.show_page("directory")
    dialog = main_window.stack.currentWidget().new_contact()
    qtbot.keyClicks(dialog.contact.organisation, "Repas Ciney")
    main_window.lock()
    _unlock_until_the_offer(main_window, qtbot)
    assert "un contact du répertoire" in main_window.draft_offer.box.text()
    main_window.draft_offer.box.restore_button.click()
    [again] = [d for d in main_window.draft_offer.restored if isinstance(d, ContactDialog)]
    assert again.contact.organisation.text() == "Repas Ciney" and again.isVisible()


def test_a_new_person_typed_on_the_map_is_drafted(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Adding someone to the ecomap, only the tie's role and note were drafted: a new
    person's name and phone went with Escape, without a question."""
    pid = _patient_with_case(ctx)
    dossier = main_window.open_dossier(pid)
    tie = TieDialog(dossier, lambda who, fields: None)
    tie.attach_drafts(ctx, pid)
    tie.show()
    assert tie.contact_form is not None
    tie.new.setChecked(True)  # "Un nouveau contact"
    _type_escape_cancel(qtbot, tie, [(tie.contact_form.family_name, "Delvaux"),
                                     (tie.contact_form.phones, "0470 12 34 56")])
    tie.draft_guard.flush()
    stored = drafts.get_draft(ctx, f"tie:{pid}:new")
    assert stored is not None and "Delvaux" in stored.text
    tie.draft_guard.suspended = True
    tie.done(0)


def test_todays_banner_reopens_a_new_patient_draft(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """After a crash, Today's banner offers every draft: "Restaurer" on a new patient's draft
    deleted it (it has no dossier to open); it reopens the form with the text now, and the
    question shows the text as typed, not as JSON."""
    from desktop.ui.caseload_page import NewPatientDialog
    from desktop.ui.draft_guard import readable
    from desktop.ui.today_page import TodayPage

    main_window.show_page("caseload")
    dialog = main_window.stack.currentWidget().new_patient()
    qtbot.keyClicks(dialog.form.family_name, "Lemoine")
    qtbot.keyClicks(dialog.form.given_name, "Berthe")
    dialog.draft_guard.suspend()  # as a crash leaves it: in the vault
    dialog.done(QDialog.DialogCode.Rejected)
    [draft] = drafts.pending_drafts(ctx)
    assert readable(draft.text) == "Lemoine · Berthe"
    main_window.show_page("today")
    today = main_window.stack.currentWidget()
    assert isinstance(today, TodayPage)
    today.refresh()
    qtbot.waitUntil(lambda: today.banner.isVisibleTo(main_window))
    again = today.restore_draft()
    assert isinstance(again, NewPatientDialog)
    assert (again.form.family_name.text(), again.form.given_name.text()) == ("Lemoine", "Berthe")
    assert drafts.get_draft(ctx, draft.key) is not None  # kept until saved or discarded


def test_at_start_up_only_todays_banner_offers_the_drafts(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """After a crash the new patient's draft was offered twice: by Today's banner and by a
    question box over it."""
    from desktop.services import drafts as draft_store

    draft_store.save_draft(ctx, "new_patient:-:new", "new_patient", '{"family_name": "Lemoine"}')
    main_window.set_context(ctx)  # as the unlock at start-up does
    qtbot.wait(50)
    assert main_window.draft_offer is None


def _restore_each_after_unlock(main_window, qtbot, pid: str, count: int):  # type: ignore[no-untyped-def]
    """Unlock; the dossier offers its drafts one by one: Restore each, yield the dialog it
    opened (checked by the caller), then leave it without the question."""
    unlock = main_window.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: pid in main_window.dossiers)
    dossier = main_window.dossiers[pid]
    for _ in range(count):
        qtbot.waitUntil(lambda: dossier.draft_offer is not None
                        and dossier.draft_offer.box is not None
                        and dossier.draft_offer.box.isVisible())
        dossier.draft_offer.box.restore_button.click()
        opened = dossier.draft_offer.restored[-1]
        yield opened
        opened.draft_guard.suspended = True  # leave without the question
        opened.done(0)


def test_a_stay_a_procedure_a_medicine_and_the_intake_ask_and_come_back(  # type: ignore[no-untyped-def]
        main_window, qtbot, ctx) -> None:
    """Escape on a hospital stay, a procedure, a line of the medication list or the intake
    dropped what was typed without a word, and a lock or a crash lost it."""
    from desktop.ui.dossier.case_dialogs import StayDialog
    from desktop.ui.dossier.cases_tab import CasesTab
    from desktop.ui.dossier.intake_dialogs import IntakeDialog
    from desktop.ui.dossier.paperwork_dialogs import MedicationDialog, PaperworkDialog
    from desktop.ui.dossier.paperwork_tab import PaperworkTab
    from desktop.ui.dossier.stays_tab import StaysTab

    pid = _patient_with_case(ctx)
    dossier = main_window.open_dossier(pid)
    cases_tab = _tab(dossier, CasesTab)
    cases_tab.list.setCurrentRow(0)
    typed = {StayDialog: ("hospital", "AZ Sint-Jan"),
             PaperworkDialog: ("note", "Attestation du medecin demandee"),
             MedicationDialog: ("name", "Furosemide 40 mg"),
             IntakeDialog: ("reason", "Demande de la fille")}
    for dialog in (_tab(dossier, StaysTab).add(), _tab(dossier, PaperworkTab).add_paperwork(),
                   _tab(dossier, PaperworkTab).add_medication(), cases_tab.intake()):
        field, text = typed[type(dialog)]
        _type_escape_cancel(qtbot, dialog, [(getattr(dialog, field), text)])
        assert dialog.isVisible(), type(dialog)
    assert len([d for d in drafts.pending_drafts(ctx) if d.patient_id == pid]) == 4

    main_window.lock()  # the dialogs close; their text stays in the vault
    for opened in _restore_each_after_unlock(main_window, qtbot, pid, 4):
        field, text = typed[type(opened)]
        widget = getattr(opened, field)
        shown = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
        assert shown == text, type(opened)
    assert {type(d) for d in main_window.dossiers[pid].draft_offer.restored} == set(typed)


def test_the_plans_agreement_and_a_decisions_action_ask_and_come_back(  # type: ignore[no-untyped-def]
        main_window, qtbot, ctx) -> None:
    """The one-line texts of the plan's agreement ("with whom", in one's own words) and of a
    meeting's decision turned into an action ("when") were not drafted: Escape dropped them,
    a lock or a crash lost them."""
    import datetime as dt

    from desktop.domain.contacts import ContactFields
    from desktop.domain.ecomap import TieFields
    from desktop.services import concertations, ecosystem
    from desktop.ui.plan.dialogs import AgreeDialog, DecisionDialog

    pid = _patient_with_case(ctx)
    plan_id = care_plans.start_plan(ctx, pid, what_matters="Rester chez elle")
    care_plans.add_goal(ctx, plan_id, "Marcher jusqu'à la boulangerie")
    gp, _tie = ecosystem.add_contact_and_link(
        ctx, pid, ContactFields(kind="gp", given_name="Anne", family_name="Claes"), TieFields())
    concertations.record_concertation(
        ctx, pid, held_on=ctx.today() - dt.timedelta(days=2), participant_ids=[gp],
        patient_agreed=True,
        decisions=[concertations.DecisionIn("Kiné deux fois par semaine")])
    dossier = main_window.open_dossier(pid)
    plan = _tab(dossier, PlanTab)
    plan.refresh()
    assert plan.select_decision("nothing", 0) is False
    typed = {AgreeDialog: ("who", "Mme et sa voisine"), DecisionDialog: ("schedule", "lu je")}
    meeting = concertations.list_concertations(ctx, pid)[0]
    assert plan.select_decision(meeting.id, 0)
    for dialog in (plan.agree(), plan.decision_to_action()):
        field, text = typed[type(dialog)]
        _type_escape_cancel(qtbot, dialog, [(getattr(dialog, field), text)])
        assert dialog.isVisible(), type(dialog)
    assert {d.kind for d in drafts.pending_drafts(ctx) if d.patient_id == pid} == {
        "plan_agreement", "decision_action"}

    main_window.lock()
    for opened in _restore_each_after_unlock(main_window, qtbot, pid, 2):
        field, text = typed[type(opened)]
        assert getattr(opened, field).text() == text, type(opened)
        if isinstance(opened, DecisionDialog):  # on the decision it was turning into an action
            assert (opened.cid, opened.index) == (meeting.id, 0)
    assert {type(d) for d in main_window.dossiers[pid].draft_offer.restored} == set(typed)


def test_a_journal_note_left_typed_is_offered_when_the_dossier_opens(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A journal note typed, then the dossier closed (or Relais locked): the dossier opened
    again on its overview and nothing said the note was waiting, unsent, in the Journal tab.
    The dossier offers it; Restore opens the Journal on it. Today's Restore, which opens the
    Journal itself, is not asked a second time."""
    from desktop.ui.dossier.journal_tab import JournalTab

    install_language("fr")
    pid = _patient_with_case(ctx)
    dossier = main_window.open_dossier(pid)
    tab = _tab(dossier, JournalTab)
    qtbot.keyClicks(tab.editor, "Appel de la fille : chute hier soir")
    dossier.close()
    qtbot.waitUntil(lambda: pid not in main_window.dossiers)
    assert drafts.get_draft(ctx, drafts.journal_key(pid)) is not None
    dossier = main_window.open_dossier(pid)
    qtbot.waitUntil(lambda: dossier.draft_offer is not None and dossier.draft_offer.box is not None
                    and dossier.draft_offer.box.isVisible())
    assert "note du journal" in dossier.draft_offer.box.text()
    dossier.draft_offer.box.restore_button.click()
    journal = dossier.tabs.currentWidget()
    assert isinstance(journal, JournalTab)
    assert journal.editor.toPlainText() == "Appel de la fille : chute hier soir"
    dossier.close()
    qtbot.waitUntil(lambda: pid not in main_window.dossiers)
    today = main_window.pages[0]
    today.refresh()
    qtbot.waitUntil(lambda: today.banner.isVisibleTo(main_window))
    tab = today.restore_draft()
    assert isinstance(tab, JournalTab)
    dossier = main_window.dossiers[pid]
    qtbot.wait(50)
    assert dossier.draft_offer is None or dossier.draft_offer.box is None
