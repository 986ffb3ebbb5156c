"""Every dialog and window fits a 1366×768 laptop (about 1366×700 once the title bar and the
taskbar are taken), scrolling inside when its form is long, its buttons always in view; no
literal "&" and no mnemonic used twice; Ctrl+Enter saves; one "Relais" in a window title.

Dialogs are found by walking desktop/ui (every QDialog subclass, every class named *Dialog,
*Window or *Wizard): a new one fails `test_every_dialog_has_a_factory` until it is added to
`FACTORIES` below, so it is measured and checked like the others."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QBuffer, QByteArray, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QWidget,
    QWizard,
)

import desktop.ui
from desktop.services import assessments, care_plans, cases
from desktop.services.context import AppContext
from desktop.services.instruments import get_definition
from desktop.ui.fit import MAX_HEIGHT, MAX_WIDTH
from desktop.ui.i18n import install_language
from tests.unit.plan_scenario import build_plan, make_scenario

# abstract bases (no dialog of their own) and windows checked elsewhere
BASES = {"desktop.ui.dossier.case_dialogs.FormDialog", "desktop.ui.plan.dialogs._Form",
         "desktop.ui.draft_guard.GuardedDialog"}


def _discover() -> set[str]:
    found = set()
    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        if info.name.endswith("i18n_build"):
            continue
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, QWidget):
                continue
            if issubclass(cls, QDialog) or re.search(r"(Dialog|Window|Wizard)$", name):
                found.add(f"{cls.__module__}.{name}")
    return found - BASES


@dataclass
class World:
    window: Any
    ctx: AppContext
    patient_id: str
    case_id: str
    plan_id: str
    goal_id: str
    people: list[care_plans.Person]
    folder: Path


def _enrol_checked(w: World) -> QWidget:
    """The server dialog once the server answered: its fingerprint to compare."""
    dialog = _f("desktop.ui.sync.enrol_dialog.EnrolDialog")(w.window, w.ctx)
    dialog.form._show_fingerprint(":".join(["A7"] * 32))
    dialog.form.status.setText("x " * 60)
    return dialog


def _png() -> bytes:
    image = QImage(40, 60, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _response(w: World, completed: bool = True) -> QWidget:
    from desktop.ui.assessment.dialog import ResponseDialog

    dossier = w.window.open_dossier(w.patient_id)
    defn = get_definition(w.ctx, "katz_be")
    view = None
    if completed:
        answers = {"washing": 3, "dressing": 3, "transfer": 2, "toileting": 3, "continence": 2,
                   "eating": 1, "orientation_time": 1, "orientation_space": 2,
                   "dementia_diagnosis": False}
        view = assessments.record_completed(w.ctx, w.patient_id, "katz_be", answers)
    return ResponseDialog(dossier, defn, view)


def _compare(w: World) -> QWidget:
    from desktop.ui.assessment.compare import CompareDialog

    answers = {"washing": 3, "dressing": 3, "transfer": 2, "toileting": 3, "continence": 2,
               "eating": 1, "orientation_time": 1, "orientation_space": 2,
               "dementia_diagnosis": False}
    a = assessments.record_completed(w.ctx, w.patient_id, "katz_be", answers,
                                     assessed_on=dt.date(2026, 5, 1))
    b = assessments.record_completed(w.ctx, w.patient_id, "katz_be", {**answers, "eating": 3})
    return CompareDialog(w.window, get_definition(w.ctx, "katz_be"),
                         assessments.compare(w.ctx, a.id, b.id))


def _tie(w: World, edit: bool) -> QWidget:
    from desktop.services import contacts, ecosystem
    from desktop.ui.ecomap.dialogs import TieDialog

    if edit:
        data = ecosystem.ecomap_data(w.ctx, w.patient_id)
        tie = data.ties[0]
        return TieDialog(w.window, lambda *_: None, tie=tie, since=tie.since, note=tie.note)
    return TieDialog(w.window, lambda *_: None,
                     choices=contacts.list_contacts(w.ctx, patient_id=w.patient_id))


def _stay(w: World, *, open_: bool) -> Any:
    """A stay of the world's patient: still in hospital, or discharged (its checklist open)."""
    from desktop.services import stays

    day = w.ctx.today()
    sid = stays.add_stay(w.ctx, w.patient_id, admitted_on=day - dt.timedelta(days=12),
                         discharged_on=None if open_ else day - dt.timedelta(days=1),
                         hospital="CHU UCL Namur Godinne")
    return stays.get_stay(w.ctx, sid)


def _carer_assessment(w: World, *, again: bool) -> QWidget:
    """The carer's assessment: a first one, or again (the last one shown above the form)."""
    from desktop.services import carer
    from desktop.ui.ecomap.carer_dialog import CarerAssessmentDialog

    person = next(p for p in w.people if p.is_informal_carer)
    if again:
        carer.assess_carer(w.ctx, w.patient_id, person.contact_id, burden="high",
                           respite="wanted", health="Mal de dos " * 20)
    return CarerAssessmentDialog(w.window, w.ctx, w.patient_id, person.contact_id, person.name)


def _handover_enrolled(w: World) -> QWidget:
    """The handover dialog with the team's users listed (then not enrolled again)."""
    from desktop.ui.dossier.handover_dialog import HandoverDialog
    from tests.ui.test_handover_ui import enrol_as

    enrol_as(w.ctx, "anne")
    try:
        return HandoverDialog(w.window, w.ctx, w.case_id)
    finally:
        enrol_as(w.ctx, None)


def _transfer_chosen(w: World) -> QWidget:
    """The transfer dialog with a receiving service chosen (no consent: the override shows)."""
    from desktop.ui.dossier.transfer_dialog import TransferDialog

    dialog = TransferDialog(w.window, w.ctx, w.case_id)
    dialog.organisation.setCurrentIndex(0)
    return dialog


def _f(path: str) -> Any:
    module, name = path.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


# one or more ways of opening each dialog, by class
FACTORIES: dict[str, list[Callable[[World], QWidget]]] = {
    "desktop.ui.dialogs.unlock.UnlockDialog": [
        lambda w: _f("desktop.ui.dialogs.unlock.UnlockDialog")(w.folder, w.window)],
    "desktop.ui.dialogs.create_vault.CreateVaultDialog": [
        lambda w: _f("desktop.ui.dialogs.create_vault.CreateVaultDialog")(w.folder.parent / "n")],
    "desktop.ui.first_run.wizard.FirstRunWizard": [
        lambda w: _f("desktop.ui.first_run.wizard.FirstRunWizard")(w.folder.parent / "n")],
    "desktop.ui.settings_page.PassphraseDialog": [
        lambda w: _f("desktop.ui.settings_page.PassphraseDialog")(w.window, w.folder)],
    "desktop.ui.sync.enrol_dialog.EnrolDialog": [
        lambda w: _f("desktop.ui.sync.enrol_dialog.EnrolDialog")(w.window, w.ctx),
        lambda w: _enrol_checked(w)],
    "desktop.ui.main_window.MainWindow": [lambda w: w.window],
    "desktop.ui.dossier.window.DossierWindow": [lambda w: w.window.open_dossier(w.patient_id)],
    "desktop.ui.caseload_page.NewPatientDialog": [
        lambda w: _f("desktop.ui.caseload_page.NewPatientDialog")(w.window, w.ctx)],
    "desktop.ui.ecomap.dialogs.ContactDialog": [
        lambda w: _f("desktop.ui.ecomap.dialogs.ContactDialog")(w.window, lambda f: None)],
    "desktop.ui.ecomap.dialogs.TieDialog": [lambda w: _tie(w, False), lambda w: _tie(w, True)],
    "desktop.ui.dossier.case_dialogs.VisitDialog": [
        lambda w: _f("desktop.ui.dossier.case_dialogs.VisitDialog")(
            w.window, w.ctx, case_id=w.case_id, patient_id=w.patient_id),
        lambda w: _f("desktop.ui.dossier.case_dialogs.VisitDialog")(
            w.window, w.ctx, case_id=w.case_id, patient_id=w.patient_id, record=True)],
    "desktop.ui.dossier.case_dialogs.TextDialog": [
        lambda w: _f("desktop.ui.dossier.case_dialogs.TextDialog")(
            w.window, "Addendum", "&Addendum:", lambda s: None)],
    "desktop.ui.dossier.case_dialogs.NewCaseDialog": [
        lambda w: _f("desktop.ui.dossier.case_dialogs.NewCaseDialog")(w.window, w.ctx,
                                                                       w.patient_id)],
    "desktop.ui.dossier.case_dialogs.CloseCaseDialog": [
        lambda w: _f("desktop.ui.dossier.case_dialogs.CloseCaseDialog")(w.window, w.ctx,
                                                                         w.case_id)],
    "desktop.ui.dossier.handover_dialog.HandoverDialog": [
        lambda w: _f("desktop.ui.dossier.handover_dialog.HandoverDialog")(w.window, w.ctx,
                                                                          w.case_id),
        lambda w: _handover_enrolled(w)],
    "desktop.ui.dossier.transfer_dialog.TransferDialog": [
        lambda w: _f("desktop.ui.dossier.transfer_dialog.TransferDialog")(w.window, w.ctx,
                                                                          w.case_id),
        lambda w: _transfer_chosen(w)],
    "desktop.ui.dossier.intake_dialogs.IntakeDialog": [
        lambda w: _f("desktop.ui.dossier.intake_dialogs.IntakeDialog")(w.window, w.ctx,
                                                                       w.case_id)],
    "desktop.ui.dossier.intake_dialogs.TriageDialog": [
        lambda w: _f("desktop.ui.dossier.intake_dialogs.TriageDialog")(w.window, w.ctx,
                                                                       w.case_id)],
    "desktop.ui.dossier.case_dialogs.StayDialog": [
        lambda w: _f("desktop.ui.dossier.case_dialogs.StayDialog")(w.window, w.ctx,
                                                                    w.patient_id)],
    "desktop.ui.dossier.transitions.DischargeDialog": [
        lambda w: _f("desktop.ui.dossier.transitions.DischargeDialog")(w.window, w.ctx,
                                                                        _stay(w, open_=True))],
    "desktop.ui.dossier.transitions.ChecklistDialog": [
        lambda w: _f("desktop.ui.dossier.transitions.ChecklistDialog")(
            w.window, w.ctx, _stay(w, open_=False).id)],
    "desktop.ui.dossier.transitions.PeopleToTellDialog": [
        lambda w: _f("desktop.ui.dossier.transitions.PeopleToTellDialog")(w.window, w.ctx,
                                                                           _stay(w, open_=True))],
    "desktop.ui.dossier.paperwork_dialogs.PaperworkDialog": [
        lambda w: _f("desktop.ui.dossier.paperwork_dialogs.PaperworkDialog")(w.window, w.ctx,
                                                                             w.patient_id)],
    "desktop.ui.dossier.paperwork_dialogs.MedicationDialog": [
        lambda w: _f("desktop.ui.dossier.paperwork_dialogs.MedicationDialog")(w.window, w.ctx,
                                                                              w.patient_id)],
    "desktop.ui.dossier.paperwork_dialogs.ReviewLetterDialog": [
        lambda w: _f("desktop.ui.dossier.paperwork_dialogs.ReviewLetterDialog")(
            w.window, w.ctx, w.patient_id, ["gp", "pharmacist"])],
    "desktop.ui.plan.dialogs.GoalDialog": [
        lambda w: _f("desktop.ui.plan.dialogs.GoalDialog")(w.window, w.ctx, w.plan_id),
        lambda w: _f("desktop.ui.plan.dialogs.GoalDialog")(
            w.window, w.ctx, w.plan_id, goal=care_plans.get_plan(w.ctx, w.plan_id).goals[0])],
    "desktop.ui.plan.dialogs.GoalReviewDialog": [
        lambda w: _f("desktop.ui.plan.dialogs.GoalReviewDialog")(
            w.window, w.ctx, care_plans.get_plan(w.ctx, w.plan_id).goals[0])],
    "desktop.ui.plan.dialogs.ActionDialog": [
        lambda w: _f("desktop.ui.plan.dialogs.ActionDialog")(w.window, w.ctx, w.goal_id,
                                                              w.people, "fr")],
    "desktop.ui.plan.dialogs.AgreeDialog": [
        lambda w: _f("desktop.ui.plan.dialogs.AgreeDialog")(w.window, w.ctx, w.plan_id,
                                                             "la patiente")],
    "desktop.ui.plan.dialogs.ConcertationDialog": [
        lambda w: _f("desktop.ui.plan.dialogs.ConcertationDialog")(w.window, w.ctx,
                                                                    w.patient_id, w.people, "fr")],
    "desktop.ui.plan.dialogs.DecisionDialog": [
        lambda w: _f("desktop.ui.plan.dialogs.DecisionDialog")(
            w.window, w.ctx, "x", 0, "Kiné deux fois par semaine",
            care_plans.get_plan(w.ctx, w.plan_id).goals, w.people, "fr")],
    "desktop.ui.plan.dialogs.GpLetterDialog": [
        lambda w: _f("desktop.ui.plan.dialogs.GpLetterDialog")(w.window, w.ctx, w.patient_id)],
    "desktop.ui.consent.dialogs.DecisionDialog": [
        lambda w: _f("desktop.ui.consent.dialogs.DecisionDialog")(w.window, w.ctx, w.patient_id,
                                                                   "granted"),
        lambda w: _f("desktop.ui.consent.dialogs.DecisionDialog")(w.window, w.ctx, w.patient_id,
                                                                   "refused")],
    "desktop.ui.consent.dialogs.EvidenceDialog": [
        lambda w: _f("desktop.ui.consent.dialogs.EvidenceDialog")(w.window, "image/png", _png())],
    "desktop.ui.consent.contact_dialog.ContactConsentDialog": [
        lambda w: _f("desktop.ui.consent.contact_dialog.ContactConsentDialog")(
            w.window, w.ctx, w.patient_id,
            next(p.contact_id for p in w.people if p.is_informal_carer), carer=True),
        lambda w: _f("desktop.ui.consent.contact_dialog.ContactConsentDialog")(
            w.window, w.ctx, w.patient_id,
            next(p.contact_id for p in w.people if p.is_gp), carer=False)],
    "desktop.ui.ecomap.carer_dialog.CarerAssessmentDialog": [
        lambda w: _carer_assessment(w, again=False), lambda w: _carer_assessment(w, again=True)],
    "desktop.ui.assessment.compare.CompareDialog": [_compare],
    "desktop.ui.assessment.dialog.ResponseDialog": [
        lambda w: _response(w, completed=False), lambda w: _response(w, completed=True)],
}


@pytest.fixture
def world(main_window, ctx: AppContext, vault_dir: Path) -> World:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    case_id = cases.open_case(ctx, sc.patient_id, cases.RequestFields(
        requester_type="relative", requester_name="Hélène Peeters", requester_phone="0486 99 88 77",
        request_date=dt.date(2026, 11, 2), request_reason="Sa fille est épuisée",
        clarified_request=""))
    plan_id = build_plan(ctx, sc)
    goal_id = care_plans.get_plan(ctx, plan_id).goals[0].id
    return World(main_window, ctx, sc.patient_id, case_id, plan_id, goal_id,
                 care_plans.ecosystem_choices(ctx, sc.patient_id), vault_dir)


def test_every_dialog_has_a_factory() -> None:
    missing = sorted(_discover() - set(FACTORIES))
    assert not missing, "add these dialogs to FACTORIES (tests/ui/test_dialog_fit.py):\n" \
        + "\n".join(missing)


def _opened(w: World) -> Iterator[tuple[str, QWidget]]:
    for name, makers in FACTORIES.items():
        for n, make in enumerate(makers):
            widget = make(w)
            yield f"{name.rsplit('.', 1)[1]}#{n}", widget
            if widget is not w.window:
                widget.close()
                widget.deleteLater()


def _pages(top: QWidget) -> Iterator[QWidget]:
    """The widget, and for a wizard each of its pages in turn (their size differs)."""
    if isinstance(top, QWizard):
        for page_id in top.pageIds():
            top.setStartId(page_id)
            top.restart()
            yield top
    else:
        yield top


def _in_scroll_area(w: QWidget, top: QWidget) -> bool:
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_dialog_fits_a_small_laptop_with_its_buttons_in_view(world: World, lang: str) -> None:
    install_language(lang)
    try:
        too_big, hidden = [], []
        for name, top in _opened(world):
            for _ in _pages(top):
                QApplication.processEvents()
                hint = top.sizeHint().expandedTo(top.minimumSizeHint())
                minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
                # a dialog opens at its size hint; a main window at the size it sets itself
                hinted = not isinstance(top, QMainWindow)
                if minimum.height() > MAX_HEIGHT or minimum.width() > MAX_WIDTH or (hinted and (
                        hint.height() > MAX_HEIGHT or hint.width() > MAX_WIDTH)):
                    too_big.append(f"{lang} {name}: hint {hint.width()}×{hint.height()}, "
                                   f"minimum {minimum.width()}×{minimum.height()}")
                top.show()
                if top.isMaximized():  # the window manager fits it; restored, it must fit too
                    top.showNormal()
                QApplication.processEvents()
                if top.height() > MAX_HEIGHT or top.width() > MAX_WIDTH:
                    too_big.append(f"{lang} {name}: opens {top.width()}×{top.height()}")
                    top.resize(min(top.width(), MAX_WIDTH), min(top.height(), MAX_HEIGHT))
                    QApplication.processEvents()
                for box in top.findChildren(QDialogButtonBox):
                    if not box.isVisibleTo(top):
                        continue
                    for button in box.buttons():
                        if not button.isVisibleTo(top):
                            continue
                        rect = button.rect().translated(button.mapTo(top, button.rect().topLeft()))
                        if _in_scroll_area(button, top) or not top.rect().contains(rect):
                            hidden.append(f"{lang} {name}: {button.text()!r}")
        assert not too_big, "taller or wider than 1366×700:\n" + "\n".join(too_big)
        assert not hidden, "buttons out of view:\n" + "\n".join(hidden)
    finally:
        install_language("fr")


def test_every_form_opens_with_the_keyboard_in_its_first_field(world: World) -> None:
    """A form dialog made its buttons before its fields, and Qt gave the keyboard to the first
    widget made: the medication dialog (and twenty others) opened on Save, and what was typed
    went nowhere. Every dialog with a field opens with the keyboard in its top-left one, or in
    a field it chose itself — never on its buttons."""
    from desktop.ui.fields import DateField, TimeField
    from desktop.ui.first_field import _chrome, first_field

    wrong = []
    for name, top in _opened(world):
        if not isinstance(top, QDialog):
            continue
        top.show()
        QApplication.processEvents()
        first, focused = first_field(top), top.focusWidget()
        if first is not None and (focused is None or _chrome(focused)):
            wrong.append(f"{name}: {type(focused).__name__}, not {type(first).__name__}")
        elif isinstance(focused, QLineEdit) and not isinstance(focused, DateField | TimeField) \
                and focused.hasSelectedText():
            wrong.append(f"{name}: its text selected, the first key typed would replace it")
        elif isinstance(focused, QPlainTextEdit) and focused.toPlainText() \
                and not focused.textCursor().atEnd():
            wrong.append(f"{name}: typing would go before its text")
    assert not wrong, "\n".join(wrong)


def test_a_restored_draft_opens_unselected(world: World) -> None:
    """A draft brought back into its dialog was selected whole: the first key typed erased
    it."""
    from desktop.services import drafts
    from desktop.ui.dossier.paperwork_dialogs import MedicationDialog
    from desktop.ui.draft_guard import draft_key

    drafts.save_draft(world.ctx, draft_key("medication", world.patient_id, None), "medication",
                      '{"name": "Dafalgan 1 g", "dose": "", "schedule": ""}',
                      patient_id=world.patient_id)
    dialog = MedicationDialog(world.window, world.ctx, world.patient_id)
    try:
        dialog.show()
        QApplication.processEvents()
        assert dialog.focusWidget() is dialog.name and dialog.name.text() == "Dafalgan 1 g"
        assert not dialog.name.hasSelectedText()
    finally:
        dialog.draft_guard.suspended = True
        dialog.done(0)


def test_a_form_that_fits_the_screen_opens_whole(world: World) -> None:
    """Qt opens a dialog at most two thirds of the screen high (512 pixels on a laptop): a form
    that fits in 700 scrolled for nothing, its last fields out of sight (the ecomap's "Add a
    person", 2026-12-07). A dialog whose form fits the screen opens showing all of it."""
    from desktop.ui.fit import FitScrollArea

    scrolling = []
    for name, top in _opened(world):
        if isinstance(top, QMainWindow):
            continue
        top.show()
        QApplication.processEvents()
        for area in top.findChildren(FitScrollArea):
            content = area.widget()
            if not area.isVisibleTo(top) or content is None:
                continue
            wanted = content.sizeHint().expandedTo(content.minimumSizeHint()).height()
            if wanted <= area.max_height and area.viewport().height() < wanted:
                scrolling.append(f"{name}: {area.viewport().height()} of {wanted} pixels")
        top.close()
    assert not scrolling, "forms that fit, shown scrolled:\n" + "\n".join(scrolling)


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _keys_and_literals(top: QWidget) -> tuple[dict[str, list[str]], list[str]]:
    """Alt+letter owners among the visible widgets of `top`, and texts showing a bare "&"."""
    keys: dict[str, list[str]] = {}
    literal: list[str] = []
    texts: list[tuple[QWidget, str, bool]] = []  # widget, text, whether "&" is a mnemonic
    for w in [top, *top.findChildren(QWidget)]:
        if w.window() is not top or (not w.isVisibleTo(top) and w is not top):
            continue
        if isinstance(w, QAbstractButton):
            texts.append((w, w.text(), True))
        elif isinstance(w, QLabel):
            if w.textFormat() == Qt.TextFormat.RichText or (
                    w.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(w.text())):
                continue
            texts.append((w, w.text(), w.buddy() is not None))
        elif isinstance(w, QGroupBox):
            texts.append((w, w.title(), True))
        elif isinstance(w, QTabBar):
            texts.extend((w, w.tabText(i), True) for i in range(w.count()) if w.isTabVisible(i))
    for w, text, is_mnemonic in texts:
        letter = _mnemonic(text)
        if letter is None:
            continue
        if is_mnemonic:
            keys.setdefault(letter, []).append(text.replace("&", ""))
        else:
            literal.append(f"{type(w).__name__} {text!r}")
    if "&" in top.windowTitle().replace("&&", ""):
        literal.append(f"window title {top.windowTitle()!r}")
    return keys, literal


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_no_mnemonic_twice_and_no_literal_ampersand(world: World, lang: str) -> None:
    install_language(lang)
    try:
        twice, literal = [], []
        for name, top in _opened(world):
            for _ in _pages(top):
                top.show()
                QApplication.processEvents()
                keys, bare = _keys_and_literals(top)
                twice += [(f"{lang} {name}: Alt+{k.upper()}", owners)
                          for k, owners in keys.items() if len(owners) > 1]
                literal += [f"{lang} {name}: {b}" for b in bare]
        assert not literal, "a literal & shows:\n" + "\n".join(dict.fromkeys(literal))
        # one Alt+letter for two controls makes Qt cycle between them on each press
        found = [f"{key} for {owners}" for key, owners in twice]
        assert not found, "one Alt+letter for two controls:\n" + "\n".join(dict.fromkeys(found))
    finally:
        install_language("fr")


def test_window_titles_name_relais_once(world: World) -> None:
    """Qt adds " — Relais" (the application's display name) to a title that does not end with
    it: "Relais — déverrouiller" became "Relais — déverrouiller — Relais"."""
    install_language("fr")
    shown = []
    for name, top in _opened(world):
        for _ in _pages(top):
            title = top.windowTitle()
            display = QApplication.applicationDisplayName()
            full = title if title.endswith(display) else f"{title} — {display}"
            if full.count("Relais") != 1:
                shown.append(f"{name}: {full!r}")
    assert not shown, "\n".join(shown)


def test_ctrl_enter_finds_the_save_button_of_every_dialog(world: World) -> None:
    """Every dialog with a Save/OK/Unlock/Next button gets Ctrl+Enter on it (see
    desktop/ui/dialog_keys.py; a real key press is tested in test_kitchen_table.py)."""
    from desktop.ui.dialog_keys import accept_button

    missing = []
    for name, top in _opened(world):
        if not isinstance(top, QDialog):
            continue
        top.show()
        QApplication.processEvents()
        button = accept_button(top)
        boxes = [b for box in top.findChildren(QDialogButtonBox) if box.isVisibleTo(top)
                 for b in box.buttons()
                 if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
        if boxes and button is not boxes[0]:
            missing.append(f"{name}: {button and button.text()!r} instead of {boxes[0].text()!r}")
        if isinstance(top, QWizard) and button is None:
            missing.append(f"{name}: no Next/Finish")
    assert not missing, "\n".join(missing)


def _tab_views(tabs: QTabWidget) -> Iterator[str]:
    """Show each tab in turn (and each tab of a tab inside it); yield its label."""
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        QApplication.processEvents()
        label = tabs.tabText(i).replace("&", "")
        inner = [t for t in tabs.widget(i).findChildren(QTabWidget) if t.isVisibleTo(tabs)]
        if not inner:
            yield label
            continue
        for sub in inner[:1]:
            for sublabel in _tab_views(sub):
                yield f"{label} › {sublabel}"


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_no_mnemonic_twice_on_any_tab_of_the_dossier(world: World, lang: str) -> None:
    """Tabs are built when first shown: each one is shown, then its visible Alt+letters checked."""
    install_language(lang)
    try:
        dossier = world.window.open_dossier(world.patient_id)
        dossier.show()
        twice = []
        for where in _tab_views(dossier.tabs):
            keys, _ = _keys_and_literals(dossier)
            twice += [f"{lang} {where}: Alt+{k.upper()} for {owners}"
                      for k, owners in keys.items() if len(owners) > 1]
        dossier.close()
        assert not twice, "one Alt+letter for two controls:\n" + "\n".join(dict.fromkeys(twice))
    finally:
        install_language("fr")


@pytest.mark.parametrize(("small_up_to", "maximised"), [(1440, True), (1000, False)])
def test_main_window_maximised_on_a_laptop_screen(qapp, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                  small_up_to: int, maximised: bool) -> None:
    """On a 1366-pixel laptop the 1280-pixel main window left a strip of desktop beside it
    and elided the patients' table: it opens maximised there, at its size on a larger one."""
    from desktop.ui import fit

    monkeypatch.setattr(fit, "SMALL_SCREEN_WIDTH", small_up_to)
    window = QMainWindow()
    fit.fit_to_screen(window, 1280, 760)
    try:
        assert window.screen().availableGeometry().width() == 1366
        fit.show_main(window)
        assert window.isMaximized() is maximised and window.isVisible()
    finally:
        window.close()


def test_dossier_window_maximised_on_a_laptop_screen(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    """The dossier opened 1200 pixels wide beside a strip of the main window."""
    from desktop.services.patients import PatientFields, add_patient

    pid = add_patient(ctx, PatientFields(family_name="Large", given_name="Anna"))
    dossier = main_window.open_dossier(pid)
    assert dossier.isMaximized()
