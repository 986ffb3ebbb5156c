"""Plan tab: the patient's words first, goals from two unmet needs, actions given to contacts
of the ecosystem, agreement (then read-only), and the handout printed on a worker."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.services import care_plans
from desktop.storage.models import AuditEvent, CarePlan
from desktop.ui.plan.tab import PlanTab
from tests.unit.plan_scenario import make_scenario


def _tab(dossier) -> PlanTab:  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), PlanTab):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError("no Plan tab")


def _pick(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    combo.setCurrentIndex(index)


def test_build_agree_and_print_a_plan(main_window, qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    tab = _tab(main_window.open_dossier(sc.patient_id))
    tab.open_after_print = False
    assert tab.plan is None and not tab.agree_button.isEnabled()

    # the three questions come first and start the plan
    tab.what_matters.setPlainText("Voir mes petits-enfants")
    tab.expectations.setPlainText("Qu'on m'aide pour la toilette")
    tab.to_avoid.setPlainText("La maison de repos")
    tab.save_words()
    assert tab.plan is not None and tab.plan.what_matters == "Voir mes petits-enfants"

    # two unmet needs become goals
    assert tab.needs.count() == 3
    tab._refresh_goals("fr")  # French: a non-breaking space before the description's colon
    texts = [tab.needs.item(i).text() for i in range(3)]
    assert "Vie quotidienne (non couvert)\u00a0: Toilette difficile seule" in texts, texts
    tab._refresh_goals("en")
    assert tab.needs.item(0).text() == "Daily living (unmet): Toilette difficile seule"
    for row in (0, 1):
        dialog = tab.goal_from_need(row)
        assert dialog is not None and dialog.text.toPlainText()
        dialog._ok()
        assert dialog.result_id is not None
    qtbot.waitUntil(lambda: tab.plan is not None and len(tab.plan.goals) == 2, timeout=5_000)
    assert sum(tab.needs.item(i).text().startswith("✓") for i in range(tab.needs.count())) == 2
    goals = tab.plan.goals

    # an action with no one responsible is refused inline, nothing saved
    dialog = tab.add_action(goals[0].id)
    assert dialog is not None
    dialog.what.setText("Aide à la toilette")
    dialog.schedule.setText("lun, mer, ven 8h-9h")
    assert "lundi" in dialog.preview.text() or "Monday" in dialog.preview.text()
    dialog._ok()
    assert dialog.result_id is None and dialog.isVisible()
    assert any(label.isVisible() and label.text() for label in dialog.errors.labels.values())
    _pick(dialog.who, "Françoise Dubois")
    dialog._ok()
    assert dialog.result_id is not None
    dialog = tab.add_action(goals[1].id)
    assert dialog is not None
    dialog.what.setText("Visite et repas")
    _pick(dialog.who, "Hélène Peeters")
    dialog.schedule.setText("dimanche midi")
    dialog._ok()
    assert dialog.result_id is not None
    qtbot.waitUntil(lambda: tab.plan is not None and len(tab.plan.actions) == 2, timeout=5_000)
    assert {a.responsible_contact_id for a in tab.plan.actions} == {sc.nurse, sc.daughter}

    # edit an action: the form comes filled in; the new schedule is saved
    toilette = next(a for a in tab.plan.actions if a.what == "Aide à la toilette")
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    edit = tab.edit_selected()
    assert edit is not None and edit.what.text() == "Aide à la toilette"
    assert edit.who.currentData() == ("contact", sc.nurse)
    edit.schedule.setText("tous les jours 8h-9h")
    edit._ok()
    assert edit.result_id == toilette.id
    qtbot.waitUntil(lambda: tab.plan is not None and next(
        a for a in tab.plan.actions if a.id == toilette.id).schedule.days == tuple(range(7)),
        timeout=5_000)

    # agree: the version freezes and the tab turns read-only
    agree = tab.agree()
    assert agree is not None
    agree.who.setText("Élise Peeters et sa fille")
    agree._ok()
    qtbot.waitUntil(lambda: tab.plan is not None and tab.plan.status == "agreed", timeout=5_000)
    assert tab.what_matters.isReadOnly() and not tab.add_goal_button.isEnabled()
    assert tab.version_button.isEnabled()

    # print the handout (large print) on a worker: a real PDF, audited
    tab.large.setChecked(True)
    out = tmp_path / "fiche.pdf"
    tab.print_handout(str(out))
    qtbot.waitUntil(lambda: tab.last_printed is not None, timeout=30_000)
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "Aide à la toilette" in text and "Françoise Dubois" in text and "Dimanche" in text
    prints = ctx.read(lambda s: s.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "print", AuditEvent.patient_id == sc.patient_id)).scalar_one())
    assert prints == 1

    # next version: a copy, and the comparison says what changed
    tab.new_version()
    assert tab.plan is not None and tab.plan.version == 2 and tab.plan.is_draft
    care_plans.remove_goal(ctx, tab.plan.goals[0].id)
    tab.refresh()
    assert goals[0].text in tab.compare_text()
    versions = ctx.read(lambda s: s.execute(select(func.count()).select_from(CarePlan)).scalar_one())
    assert versions == 2


def test_meeting_and_letter_from_the_tab(main_window, qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    tab = _tab(main_window.open_dossier(sc.patient_id))
    tab.open_after_print = False
    dialog = tab.add_meeting()
    dialog.decisions.setPlainText("Répit le samedi")
    dialog._ok()
    assert dialog.result_id is None  # the patient's agreement is not recorded yet
    dialog.agreed.setChecked(True)
    dialog._ok()
    assert dialog.result_id is not None
    qtbot.waitUntil(lambda: tab.meetings.topLevelItemCount() == 1, timeout=5_000)
    assert "Répit le samedi" == tab.meetings.topLevelItem(0).child(0).text(0)

    letter = tab.add_letter()
    letter.summary.setPlainText("Chutes répétées.")
    letter._ok()
    qtbot.waitUntil(lambda: tab.letters.topLevelItemCount() == 1, timeout=5_000)
    tab.letters.setCurrentItem(tab.letters.topLevelItem(0))
    out = tmp_path / "lettre.pdf"
    tab.print_letter(str(out))
    qtbot.waitUntil(lambda: tab.last_printed is not None, timeout=30_000)
    assert "Chutes répétées." in "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    tab.letters.setCurrentItem(tab.letters.topLevelItem(0))
    tab.mark_sent()
    assert tab.letters.topLevelItem(0).text(3) != tab.tr("to send")
    assert tab.letters.topLevelItem(0).text(3).endswith("23/11/2026")


def test_answers_autosave_and_come_back_after_a_crash(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx, with_needs=False)
    dossier = main_window.open_dossier(sc.patient_id)
    tab = _tab(dossier)
    tab.what_matters.setPlainText("Mon jardin et mon chat")
    tab.flush_draft()  # what the 3-second timer does
    dossier.close()  # the window goes away without saving (as in a crash)
    qtbot.waitUntil(lambda: sc.patient_id not in main_window.dossiers, timeout=5_000)
    tab = _tab(main_window.open_dossier(sc.patient_id))
    assert tab.what_matters.toPlainText() == "Mon jardin et mon chat"
    assert tab.restored.isVisibleTo(tab)
    tab.save_words()
    assert tab.plan is not None and tab.plan.what_matters == "Mon jardin et mon chat"
    assert not tab.restored.isVisibleTo(tab)
    from desktop.services import drafts

    assert drafts.get_draft(ctx, f"plan_words:{sc.patient_id}") is None


def test_answers_typed_and_not_saved_stay_when_a_goal_is_added(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """The patient's words typed into a plan and not saved yet were put back to the stored
    ones by the next refresh of the tab (a goal added, a sync), and the draft followed."""
    from PySide6.QtWidgets import QApplication

    sc = make_scenario(ctx, with_needs=False)
    plan_id = care_plans.start_plan(ctx, sc.patient_id, what_matters="Rester chez elle")
    dossier = main_window.open_dossier(sc.patient_id)
    tab = _tab(dossier)
    tab.refresh()
    assert tab.what_matters.toPlainText() == "Rester chez elle"
    tab.expectations.setPlainText("Qu'on m'aide pour les courses")
    care_plans.add_goal(ctx, plan_id, "Faire mes courses une fois par semaine")
    care_plans.update_plan(ctx, plan_id, to_avoid="La maison de repos")  # from another laptop
    dossier.bus.changed.emit("sync")
    QApplication.processEvents()
    tab.refresh()
    assert tab.expectations.toPlainText() == "Qu'on m'aide pour les courses"  # kept
    assert tab.to_avoid.toPlainText() == "La maison de repos"  # not touched here: stored
    assert tab.what_matters.toPlainText() == "Rester chez elle"
    tab.save_words()
    assert care_plans.current_plan(ctx, sc.patient_id).expectations == \
        "Qu'on m'aide pour les courses"
    care_plans.update_plan(ctx, plan_id, expectations="Des courses livrées")
    tab.refresh()  # saved, then changed elsewhere: the stored answer shows
    assert tab.expectations.toPlainText() == "Des courses livrées"


def test_letter_without_consent_asks_for_an_override_reason(main_window, qtbot, ctx,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    from desktop.domain.consent_policy import PURPOSE_PROVIDER_SHARING
    from desktop.services import consents

    sc = make_scenario(ctx)
    consents.withdraw(ctx, sc.patient_id, PURPOSE_PROVIDER_SHARING, contact_id=sc.gp,
                      method="oral")
    tab = _tab(main_window.open_dossier(sc.patient_id))
    tab.open_after_print = False
    letter = tab.add_letter()
    letter.questions.setPlainText("Kiné ?")
    letter._ok()
    qtbot.waitUntil(lambda: tab.letters.topLevelItemCount() == 1, timeout=5_000)
    asked: list[str] = []
    tab.ask_override_reason = lambda message: asked.append(message) or "Demande du patient au téléphone"  # type: ignore[method-assign]
    tab.letters.setCurrentItem(tab.letters.topLevelItem(0))
    out = tmp_path / "lettre.pdf"
    tab.print_letter(str(out))
    qtbot.waitUntil(lambda: tab.last_printed is not None, timeout=30_000)
    assert len(asked) == 1 and out.exists()


def test_a_long_goal_wraps_instead_of_being_cut(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A goal is a sentence in the patient's words: on a small laptop it takes two lines or
    more in the tree, whole, rather than one line ending in "…"."""
    from PySide6.QtWidgets import QApplication

    from tests.unit.plan_scenario import build_plan

    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc)
    long_goal = ("Pouvoir rester chez moi jusqu'au bout, avec de l'aide le matin et le soir, "
                 "sans que ma fille doive tout porter seule")
    care_plans.add_goal(ctx, plan_id, long_goal, domain="carer_strain", needs=["carer_strain"])
    dossier = main_window.open_dossier(sc.patient_id)
    dossier.resize(1366, 700)
    dossier.show()
    tab = _tab(dossier)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 4, timeout=5_000)
    QApplication.processEvents()
    tree = tab.tree
    short, long = (next(tree.topLevelItem(i) for i in range(4)
                        if tree.topLevelItem(i).text(0) == text)
                   for text in ("Que ma fille puisse souffler", long_goal))
    line = tree.visualItemRect(short).height()
    width = tree.header().sectionSize(0)
    assert tree.fontMetrics().horizontalAdvance(long_goal) > width  # it cannot fit one line
    assert tree.visualItemRect(long).height() >= 2 * line - 4
    assert long.toolTip(0) == long_goal


def test_a_first_goal_starts_the_plan_and_saving_stays_in_view(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Walked at 1366×768: with no plan yet, the answers typed, "Add a goal…" was greyed out
    and the save button sat below the fold of the questions' short area: nothing on screen
    could start the plan."""
    sc = make_scenario(ctx)
    main_window.resize(1366, 698)
    dossier = main_window.open_dossier(sc.patient_id)
    dossier.resize(1366, 698)
    tab = _tab(dossier)
    dossier.show()
    qtbot.waitExposed(dossier)
    assert tab.plan is None
    port = tab.words_area.viewport()
    for widget in (tab.save_words_button, tab.review):
        top_left = widget.mapTo(port, widget.rect().topLeft())
        bottom_right = widget.mapTo(port, widget.rect().bottomRight())
        assert port.rect().contains(top_left) and port.rect().contains(bottom_right), widget
    assert tab.words_area.verticalScrollBar().maximum() == 0  # nothing under a scroll bar
    assert tab.add_goal_button.isEnabled() and tab.goal_from_need_button.isEnabled()
    assert not tab.add_action_button.isEnabled()  # no goal yet to act on

    tab.what_matters.setPlainText("Rester chez moi avec ma femme")
    dialog = tab.add_goal()
    assert dialog is not None
    assert tab.plan is not None and tab.plan.what_matters == "Rester chez moi avec ma femme"
    dialog.reject()


def test_todays_banner_restores_the_answers_on_the_plan_tab(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Walked: "Restaurer" on the answers typed before a crash opened the dossier on its
    overview; the answers were back only on the Plan tab, which nothing pointed to."""
    from desktop.services import drafts
    from desktop.ui.today_page import TodayPage

    sc = make_scenario(ctx, with_needs=False)
    dossier = main_window.open_dossier(sc.patient_id)
    tab = _tab(dossier)
    tab.what_matters.setPlainText("Mon jardin et mon chat")
    tab.flush_draft()
    dossier.close()  # as a crash leaves it: the answers in the vault only
    qtbot.waitUntil(lambda: sc.patient_id not in main_window.dossiers, timeout=5_000)
    main_window.show_page("today")
    today = main_window.stack.currentWidget()
    assert isinstance(today, TodayPage)
    today.refresh()
    qtbot.waitUntil(lambda: today.banner.isVisibleTo(main_window))
    today.restore_draft()
    dossier = main_window.dossiers[sc.patient_id]
    shown = dossier.tabs.currentWidget()
    assert isinstance(shown, PlanTab)
    assert shown.what_matters.toPlainText() == "Mon jardin et mon chat"
    assert drafts.get_draft(ctx, f"plan_words:{sc.patient_id}") is not None  # until saved


def test_an_inline_error_makes_room_instead_of_hiding_the_last_fields(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Walked: an action saved without anyone responsible said so under "Who", and "From" and
    "Until" went under a scroll bar in a dialog a third of the screen high."""
    sc = make_scenario(ctx)
    tab = _tab(main_window.open_dossier(sc.patient_id))
    goal = tab.add_goal("Faire mes courses")
    assert goal is not None
    goal._ok()
    qtbot.waitUntil(lambda: tab.plan is not None and len(tab.plan.goals) == 1, timeout=5_000)
    dialog = tab.add_action(tab.plan.goals[0].id)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    before = dialog.height()
    dialog.what.setText("Accompagner aux courses")
    dialog._ok()  # no one responsible: refused, said under the field
    assert dialog.result_id is None and dialog.errors.visible_messages()
    assert dialog.height() > before
    area = dialog.end.parentWidget()
    while area is not None and not hasattr(area, "viewport"):
        area = area.parentWidget()
    assert area is not None
    port = area.viewport()
    bottom = dialog.end.mapTo(port, dialog.end.rect().bottomLeft())
    assert port.rect().contains(bottom)  # "Until" in view without scrolling
    qtbot.keyClick(dialog.who, Qt.Key.Key_Down)  # the user picks someone
    assert dialog.who.currentData() is not None
    assert dialog.errors.visible_messages() == []  # the message about "Who" went with it
    dialog.reject()


def test_no_need_to_start_from_says_where_they_come_from(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A patient without a needs checklist: "Make it a goal" under an empty list did nothing,
    and nothing said the list comes from the checklist."""
    sc = make_scenario(ctx, with_needs=False)
    tab = _tab(main_window.open_dossier(sc.patient_id))
    assert tab.needs.count() == 0
    assert tab.needs_hint.isVisibleTo(tab) and not tab.goal_from_need_button.isEnabled()
    with_needs = make_scenario(ctx)
    other = _tab(main_window.open_dossier(with_needs.patient_id))
    assert other.needs.count() and not other.needs_hint.isVisibleTo(other)
    assert other.goal_from_need_button.isEnabled()
