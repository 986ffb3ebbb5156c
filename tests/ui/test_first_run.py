"""First-run wizard: language, vault with strength feedback, recovery sheet, tour; an interrupted
wizard leaves no vault behind."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWizard

from desktop.services import first_run, patients
from desktop.ui import i18n
from desktop.ui.app import make_app
from desktop.ui.first_run.wizard import FirstRunWizard
from tests.conftest import TODAY

PASS = "le chat dort sur la chaise bleue"


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """QSettings (the UI language) go to a temporary folder, not the developer's settings."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def wizard(qtbot, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    make_app()
    i18n.install_language("en")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)  # no PDF viewer in tests
    wiz = FirstRunWizard(tmp_path / "data" / "vault", today=lambda: TODAY)
    qtbot.addWidget(wiz)
    wiz.show()
    yield wiz
    first_run.abandon_vault(wiz.ctx, wiz.pending)
    if wiz.ctx is not None:
        wiz.ctx.lock()
    i18n.install_language("en")


def _create_vault(qtbot, wiz: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    wiz.next()
    page = wiz.vault_page
    qtbot.keyClicks(page.name, "Anne Lambert")
    qtbot.keyClicks(page.passphrase, PASS)
    qtbot.keyClicks(page.repeat, PASS)
    assert page.isComplete()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.recovery_page, timeout=10_000)


def test_full_first_run(qtbot, wizard: FirstRunWizard, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    final = tmp_path / "data" / "vault"
    # language: Dutch switches the wizard at once, English back
    wizard.language_page.buttons["nl"].setChecked(True)
    assert wizard.windowTitle() == "Eerste start"
    assert i18n.settings().value("ui/language") == "nl"
    wizard.language_page.buttons["en"].setChecked(True)
    assert wizard.windowTitle() == "First start"

    # weak passphrase: feedback, and Next stays disabled while the two differ
    wizard.next()
    page = wizard.vault_page
    qtbot.keyClicks(page.passphrase, "azertyuiop")
    assert "weak" in page.strength_text.text() and page.strength.value() == 1
    assert not page.isComplete()
    page.passphrase.clear()
    wizard.back()
    _create_vault(qtbot, wizard)
    assert not final.exists()  # still in its staging folder

    # the recovery key is shown once; the sheet is a PDF with the key
    key = wizard.pending.recovery_key  # type: ignore[union-attr]
    assert key.replace("-", "") in wizard.recovery_page.key.text().replace(" ", "").replace("\n", "")
    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))
    assert not wizard.recovery_page.isComplete()
    wizard.recovery_page.save.click()
    qtbot.waitUntil(lambda: wizard.recovery_page.sheet_path is not None, timeout=10_000)
    text = PdfReader(sheet).pages[0].extract_text()
    assert all(group in text for group in key.split("-"))
    wizard.recovery_page.confirm.setChecked(True)
    wizard.next()
    assert wizard.recovery_page.key.text() == ""
    assert wizard.currentPage() is wizard.enrol_page
    assert wizard.enrol_page.isComplete()  # enrolment is optional
    wizard.next()
    assert wizard.currentPage() is wizard.tour_page
    wizard.tour_page.next_tip.click()
    assert wizard.tour_page.position.text() == "Tip 2 of 4"

    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == 1, timeout=10_000)
    ctx = wizard.ctx
    assert ctx is not None and ctx.vault.folder == final and ctx.user_name == "Anne Lambert"
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Peeters", given_name="Jan"))
    assert patients.get_patient(ctx, pid).family_name == "Peeters"
    assert [p.name for p in final.parent.iterdir()] == ["vault"]


@pytest.mark.parametrize("how", ["cancel", "close"])
def test_interrupted_wizard_leaves_no_vault(qtbot, wizard: FirstRunWizard, tmp_path: Path,
                                            how: str) -> None:  # type: ignore[no-untyped-def]
    _create_vault(qtbot, wizard)
    staging = wizard.pending.staging  # type: ignore[union-attr]
    assert (staging / "vault.json").exists()
    if how == "cancel":
        wizard.button(QWizard.WizardButton.CancelButton).click()
    else:
        wizard.close()
    assert not staging.exists()
    assert list((tmp_path / "data").iterdir()) == []
    assert wizard.ctx is None


def test_crash_mid_wizard_is_cleaned_on_next_start(tmp_path: Path) -> None:
    final = tmp_path / "vault"
    ctx, pending = first_run.begin_vault(final, PASS)
    ctx.lock()  # the process dies here: the staging folder stays behind
    keep = tmp_path / ".vault.creating-notes"  # not a vault: never deleted
    keep.mkdir()
    (keep / "my-notes.txt").write_text("x")
    assert pending.staging.exists()
    assert first_run.clean_stale(final) == 1
    assert not pending.staging.exists() and keep.exists() and not final.exists()


def test_missing_qm_falls_back_to_english(qtbot, tmp_path: Path, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    make_app()
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with caplog.at_level(logging.WARNING, logger="desktop.ui.i18n"):
        assert i18n.install_language("nl") == "en"
    assert "falling back to English" in caplog.text
    wiz = FirstRunWizard(tmp_path / "vault")
    qtbot.addWidget(wiz)
    assert wiz.windowTitle() == "First start"


def check_server(qtbot, form, url: str, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    """Type the server's address, the user and the password into an enrolment form and ask
    the server: its fingerprint (and the buttons to confirm it) show."""
    qtbot.keyClicks(form.server, url)
    qtbot.keyClicks(form.user, user)
    qtbot.keyClicks(form.password, password)
    form.connect_button.click()
    qtbot.waitUntil(lambda: form.matches.isVisible(), timeout=20_000)


def test_enrolment_with_a_real_server(qtbot, wizard: FirstRunWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import sync
    from server.local import LocalServer

    _create_vault(qtbot, wizard)
    wizard.recovery_page.confirm.setChecked(True)
    wizard.next()
    page = wizard.enrol_page
    page.wanted.setChecked(True)
    assert not page.isComplete()  # asked for: Next waits until enrolled
    form = page.form
    with LocalServer(tmp_path / "server") as server:
        check_server(qtbot, form, server.url, "demo", "wrong password")
        assert form.fp_value.text() == "(no certificate)"  # plain http on loopback
        form.reject_fingerprint()  # "it does not match": nothing is sent
        assert not form.matches.isVisible() and not sync.is_enrolled(wizard.ctx)
        form.connect_button.click()
        qtbot.waitUntil(lambda: form.matches.isVisible(), timeout=20_000)
        form.matches.click()
        qtbot.waitUntil(lambda: not form.busy, timeout=20_000)
        assert not form.enrolled and form.status.text()  # wrong password: a clear message
        form.password.clear()
        qtbot.keyClicks(form.password, "demo-password")
        form.connect_button.click()
        qtbot.waitUntil(lambda: form.matches.isVisible(), timeout=20_000)
        form.matches.click()
        qtbot.waitUntil(lambda: form.enrolled, timeout=20_000)
    assert page.isComplete() and form.password.text() == ""
    assert sync.is_enrolled(wizard.ctx)


def test_cancel_while_the_vault_is_being_created(qtbot, wizard: FirstRunWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard.next()
    page = wizard.vault_page
    qtbot.keyClicks(page.passphrase, PASS)
    qtbot.keyClicks(page.repeat, PASS)
    wizard.next()  # creation starts in the background
    wizard.reject()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert wizard.ctx is None and wizard.pending is None
    assert list((tmp_path / "data").iterdir()) == []
