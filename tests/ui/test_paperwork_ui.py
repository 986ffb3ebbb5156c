"""Screens of issue 19 items 1-2 at 1366×768: the dossier's paperwork & medication tab, its two
dialogs (fit, inline errors, saved), Today's paperwork due, and the handout's medication box."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QGuiApplication

from desktop.services import cases, medication, paperwork
from desktop.services.patients import PatientFields, add_patient
from desktop.ui.dossier.paperwork_dialogs import MedicationDialog, PaperworkDialog
from desktop.ui.dossier.paperwork_tab import PaperworkTab
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


def _patient(ctx) -> str:  # type: ignore[no-untyped-def]
    pid = add_patient(ctx, PatientFields(family_name="Lenoir", given_name="Paul",
                                         birth_date="1941-05-04"))
    cases.open_case(ctx, pid, cases.RequestFields(requester_type="gp",
                                                  request_reason="Isolement"), status="active")
    return pid


def test_paperwork_dialog_adds_and_follows_up(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    screen = QGuiApplication.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    pid = _patient(ctx)
    tab = _tab(main_window.open_dossier(pid), PaperworkTab)
    assert not tab.edit_paper_button.isEnabled()
    dialog = tab.add_paperwork()
    assert isinstance(dialog, PaperworkDialog)
    qtbot.waitUntil(dialog.isVisible)
    _fits(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("disability"))
    dialog.deadline.setText("31/02/2026")
    assert not dialog.try_save()  # an impossible date: said inline, nothing saved
    assert paperwork.list_paperwork(ctx, pid) == []
    deadline = ctx.today() + dt.timedelta(days=4)
    dialog.deadline.setDate(deadline)
    dialog.follower.setText("Assistante sociale du CPAS")
    dialog.documents.setPlainText("Certificat médical\n\nComposition de ménage\n")
    assert dialog.try_save()
    [w] = paperwork.list_paperwork(ctx, pid)
    assert (w.kind, w.deadline, w.documents) == ("disability", deadline,
                                                 ("Certificat médical", "Composition de ménage"))
    qtbot.waitUntil(lambda: tab.paper_tree.topLevelItemCount() == 1)

    follow = tab.edit_paperwork()
    assert isinstance(follow, PaperworkDialog) and not follow.kind.isEnabled()
    follow.status.setCurrentIndex(follow.status.findData("submitted"))
    assert follow.try_save()
    assert paperwork.list_paperwork(ctx, pid)[0].status == "submitted"

    page = next(p for p in main_window.pages if isinstance(p, TodayPage))
    page.refresh()
    assert [i.record_id for i in page.items("paperwork")] == [w.id]


def test_medication_dialog_and_review_mark(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid = _patient(ctx)
    tab = _tab(main_window.open_dossier(pid), PaperworkTab)
    dialog = tab.add_medication()
    assert isinstance(dialog, MedicationDialog)
    qtbot.waitUntil(dialog.isVisible)
    _fits(dialog)
    assert not dialog.try_save()  # no name
    assert medication.list_medication(ctx, pid) == []
    dialog.name.setText("Bisoprolol 2,5 mg")
    dialog.schedule.setText("le matin")
    dialog.source.setCurrentIndex(dialog.source.findData("pharmacist"))
    dialog.review.setCurrentIndex(dialog.review.findData("gp"))
    assert dialog.try_save()
    [m] = medication.list_medication(ctx, pid)
    assert (m.source, m.checked_on, m.review_requested_to) == ("pharmacist", ctx.today(), "gp")
    qtbot.waitUntil(lambda: tab.med_tree.topLevelItemCount() == 1)
    assert tab.med_tree.topLevelItem(0).text(5)  # the review mark shows

    edit = tab.edit_medication()
    assert isinstance(edit, MedicationDialog)
    edit.review.setCurrentIndex(edit.review.findData(None))
    assert edit.try_save()
    assert medication.list_medication(ctx, pid)[0].review_requested_to is None
    tab.remove_medication()
    assert medication.list_medication(ctx, pid) == []


def test_handout_medication_checkbox(main_window, qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from desktop.ui.plan.tab import PlanTab

    pid = _patient(ctx)
    medication.add_medication(ctx, pid, "Furosémide", dose="40 mg")
    tab = _tab(main_window.open_dossier(pid), PlanTab)
    assert not tab.with_medication.isChecked()
    plain, chosen = tmp_path / "a.pdf", tmp_path / "b.pdf"
    tab.print_handout(str(plain))
    tab.with_medication.setChecked(True)
    tab.print_handout(str(chosen))
    qtbot.waitUntil(lambda: plain.exists() and chosen.exists(), timeout=20000)

    def text(path):  # type: ignore[no-untyped-def]
        return " ".join(p.extract_text() for p in PdfReader(path).pages)

    assert "Furosémide" not in text(plain)
    assert "Furosémide" in text(chosen)
