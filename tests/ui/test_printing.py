"""Printing from the Plan tab: Qt's own dialogs speak the UI's language, a saved document is
named after the patient and the date, "Print…" also prints on paper (system print dialog), and
a missing case manager's phone is flagged before the handout prints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox
from sqlalchemy import select

from desktop.domain.file_names import safe_part
from desktop.services import preferences
from desktop.storage.models import AuditEvent
from desktop.ui import i18n, printing
from desktop.ui.plan.tab import PlanTab
from desktop.ui.settings_page import SettingsPage
from tests.conftest import TODAY
from tests.unit.plan_scenario import build_plan, make_scenario


@pytest.fixture
def language(qapp) -> Iterator:  # type: ignore[no-untyped-def]
    """Switch the UI language inside a test; back to the suite's language afterwards."""
    before = i18n.current_language()
    yield i18n.install_language
    i18n.install_language(before)


@pytest.mark.parametrize("lang, look_in, file_type, cancel", [
    ("fr", "&Regarder dans :", "Fichiers de &type :", "Annuler"),
    ("nl", "&Zoeken in:", "Bestands&type:", "Annuleren"),
])
def test_qt_file_dialog_and_buttons_speak_the_ui_language(  # type: ignore[no-untyped-def]
        language, qtbot, lang: str, look_in: str, file_type: str, cancel: str) -> None:
    assert language(lang) == lang
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert look_in in texts and file_type in texts
    assert not [t for t in texts if "Look in" in t or "Files of" in t or "File name" in t]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel


def _tab(dossier) -> PlanTab:  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), PlanTab):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError("no Plan tab")


@pytest.fixture
def plan_tab(main_window, ctx):  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    build_plan(ctx, sc, agree=True)
    tab = _tab(main_window.open_dossier(sc.patient_id))
    tab.open_after_print = False
    return tab


def test_save_dialog_suggests_the_patients_name_and_the_date(  # type: ignore[no-untyped-def]
        plan_tab, ctx, language, monkeypatch, tmp_path: Path, qtbot) -> None:
    preferences.update(ctx, {"case_manager_phone": "0470 12 34 56"})
    language("fr")
    p = plan_tab.dossier.patient
    expected = printing.default_file_name("handout", p.family_name, p.given_name, TODAY)
    assert expected.startswith("Fiche-") and expected.endswith(f"-{TODAY.isoformat()}.pdf")
    assert safe_part(p.family_name) in expected
    asked: list[str] = []

    def save_dialog(parent, title, file_name, file_filter="PDF (*.pdf)"):  # type: ignore[no-untyped-def]
        asked.append(file_name)  # the OS file dialog is a boundary we do not own
        return str(tmp_path / file_name)

    monkeypatch.setattr(printing, "ask_save_path", save_dialog)
    flow = plan_tab.print_handout()
    assert flow is not None and flow.warning is None  # the phone is set: no warning
    assert flow.choice is not None
    _print_button, save_button = printing.choice_buttons(flow.choice)
    save_button.click()
    qtbot.waitUntil(lambda: plan_tab.last_printed is not None, timeout=30_000)
    assert asked == [expected]
    assert (tmp_path / expected).exists()
    text = " ".join(page.extract_text() for page in PdfReader(str(tmp_path / expected)).pages)
    assert "0470 12 34 56" in text  # the emergency box has the case manager's number


def test_print_on_paper_through_the_print_dialog(plan_tab, ctx, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    preferences.update(ctx, {"case_manager_phone": "0470 12 34 56"})
    flow = plan_tab.print_handout()
    assert flow is not None and flow.choice is not None
    print_button, _save = printing.choice_buttons(flow.choice)
    assert print_button.isEnabled()
    print_button.click()
    qtbot.waitUntil(lambda: flow.dialog is not None, timeout=30_000)
    # the "printer" the user picks: a PDF file here, so the test can read what was printed
    printer = flow.dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    # confirmed as set up above (accept() would copy the offscreen dialog's own choices over it)
    flow.dialog.done(QDialog.DialogCode.Accepted)
    assert flow.pages_printed is not None and flow.pages_printed >= 1
    assert len(PdfReader(str(out)).pages) == flow.pages_printed
    details = ctx.read(lambda s: [e.detail for e in s.execute(
        select(AuditEvent).where(AuditEvent.action == "print")).scalars()])
    assert any((d or {}).get("to") == "printer" for d in details)


def test_missing_phone_warns_before_the_handout_and_leads_to_settings(  # type: ignore[no-untyped-def]
        plan_tab, main_window, qtbot) -> None:
    flow = plan_tab.print_handout()
    assert flow is not None and isinstance(flow.warning, QMessageBox)
    assert flow.warning.isVisible() and flow.choice is None
    flow.settings_button.click()
    assert isinstance(main_window.stack.currentWidget(), SettingsPage)
    assert flow.choice is None  # nothing printed
    # "print anyway" goes on to the choice
    flow = plan_tab.print_handout()
    assert flow is not None and flow.warning is not None
    flow.anyway_button.click()
    assert flow.choice is not None
    flow.choice.reject()
    # the summary has no emergency box: no warning
    flow = plan_tab.print_summary()
    assert flow is not None and flow.warning is None
    flow.choice.reject()  # type: ignore[union-attr]
