"""Consents tab, header badges, evidence viewer, export for the patient, Audit page."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from sqlalchemy import func, select

from desktop.services import consents
from desktop.storage.models import AuditEvent
from desktop.ui.consent.audit_page import AuditPage
from desktop.ui.consent.tab import ConsentsTab
from desktop.ui.i18n import message
from tests.gdpr_data import TINY_PNG, Sizes, make_patient


def _tab(dossier) -> ConsentsTab:  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), ConsentsTab):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError("no Consents tab")


def _header_texts(dossier) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.text() for w in dossier.header.findChildren(QLabel)]


def _audits(ctx, pid: str, action: str) -> int:  # type: ignore[no-untyped-def]
    return ctx.read(lambda s: s.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.patient_id == pid, AuditEvent.action == action)).scalar_one())


def test_grant_withdraw_evidence_and_export(main_window, qtbot, ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch) -> None:
    d = make_patient(ctx, "Uiconsent", Sizes(consents=0))
    dossier = main_window.open_dossier(d.patient_id)
    tab = _tab(dossier)
    # who sees the record, in the header (issue 15, item 8): no "local only" any more
    only_you, team = message("sharing.only_you"), message("sharing.team")
    assert tab.local_only.isVisibleTo(tab)
    assert dossier.header.visibility.text() == only_you
    assert not any("Local only" in t or "non sauvegard" in t for t in _header_texts(dossier))

    # grant team sharing with a photo of the signed form
    tab.state.setCurrentItem(next(tab.state.topLevelItem(i) for i in range(
        tab.state.topLevelItemCount()) if tab.state.topLevelItem(i).data(0, 0x0100)[0]
        == "team_sharing"))
    dialog = tab.decide("granted")
    assert dialog.purpose.currentData() == "team_sharing"
    photo = tmp_path / "form.png"
    photo.write_bytes(TINY_PNG)
    dialog.evidence_path = photo
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_id is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not tab.local_only.isVisibleTo(tab), timeout=5_000)
    qtbot.waitUntil(lambda: dossier.header.visibility.text() == team, timeout=5_000)

    # evidence viewer: shown from the vault, the view audited
    tab.history.setCurrentItem(tab.history.topLevelItem(0))
    viewer = tab.show_evidence()
    assert viewer is not None and viewer.shown_pages == 1
    assert _audits(ctx, d.patient_id, "view") == 2  # opening the dossier + the evidence
    # a copy saved where the user says: private whatever the umask, audited as an export
    copy = tmp_path / "copie.png"
    exports = _audits(ctx, d.patient_id, "export")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    old_umask = os.umask(0o022)
    try:
        viewer.save_copy()
    finally:
        os.umask(old_umask)
    assert copy.read_bytes() == TINY_PNG and stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert _audits(ctx, d.patient_id, "export") == exports + 1
    viewer.close()

    # withdrawal: one action and a confirmation, effective at once
    tab.state.setCurrentItem(next(tab.state.topLevelItem(i) for i in range(
        tab.state.topLevelItemCount()) if tab.state.topLevelItem(i).data(0, 0x0100)[0]
        == "team_sharing"))
    assert tab.withdraw_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.withdraw_button.click()
    assert tab.local_only.isVisibleTo(tab)
    assert not ctx.read(lambda s: consents.team_sharing_allowed(s, d.patient_id))
    qtbot.waitUntil(lambda: dossier.header.visibility.text() == only_you, timeout=5_000)

    # export for the patient: one audited export, the file written
    out = tmp_path / "copie.pdf"
    exports = _audits(ctx, d.patient_id, "export")
    tab.export("pdf", out=str(out))
    qtbot.waitUntil(out.exists, timeout=20_000)
    qtbot.waitUntil(lambda: _audits(ctx, d.patient_id, "export") == exports + 1, timeout=5_000)
    assert out.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: tab.looked.topLevelItemCount() >= 3, timeout=5_000)


def test_bad_decision_is_shown_inline_and_saves_nothing(main_window, qtbot, ctx,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    d = make_patient(ctx, "Uibad", Sizes(consents=0))
    tab = _tab(main_window.open_dossier(d.patient_id))
    dialog = tab.decide("granted")
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"not a pdf at all")
    dialog.evidence_path = bad
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert dialog.result_id is None and dialog.isVisible()
    assert consents.history(ctx, d.patient_id) == []
    dialog.reject()


def test_audit_page_filters(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    d = make_patient(ctx, "Uiaudit")
    main_window.open_dossier(d.patient_id)
    main_window.show_page("audit")
    page = next(p for p in main_window.pages if isinstance(p, AuditPage))
    page._fill_choices()  # noqa: SLF001 - new actions since the page was built
    page.action.setCurrentIndex(page.action.findData("view"))
    page.refresh()
    assert page.tree.topLevelItemCount() == 1
    assert page.rows[0].patient_id == d.patient_id
    # the kind of record in the user's words, not the table's name ("relationship")
    from desktop.ui.sync.labels import table_label

    shown, table = page.tree.topLevelItem(0).text(4), page.rows[0].table
    assert table and shown.startswith(table_label(table) + " ")
    assert shown.split(" ")[0] != table, shown
    page.patient.setText("not-an-id")
    page.refresh()
    assert page.status.text()  # invalid id: a message, the list unchanged
    assert page.tree.topLevelItemCount() == 1


def test_restrict_and_erase_from_the_dossier(main_window, qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from desktop.services import gdpr, patients

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    kept = make_patient(ctx, "Uikept", closed=True, last_contact=dt.date(2020, 1, 1))
    tab = _tab(main_window.open_dossier(kept.patient_id))
    tab.erase(reason="Le patient demande l'effacement", confirm=False)
    qtbot.waitUntil(lambda: tab.last_outcome is not None, timeout=20_000)
    assert not tab.last_outcome.erased and tab.last_outcome.restricted
    assert kept.patient_id not in [r.id for r in patients.list_patients(ctx)]
    assert kept.patient_id not in main_window.dossiers or not \
        main_window.dossiers[kept.patient_id].isVisible()

    gone = make_patient(ctx, "Uigone", care=False)
    tab = _tab(main_window.open_dossier(gone.patient_id))
    patients.edit_patient(ctx, gone.patient_id, patients.PatientFields(city="Dinant"))
    tab.refresh()
    assert tab.changes.topLevelItemCount() == 1  # the correction is visible
    tab.erase(reason="Inscrit par erreur", confirm=False)
    qtbot.waitUntil(lambda: tab.last_outcome is not None, timeout=20_000)
    assert tab.last_outcome.erased
    assert gdpr.retention_review(ctx) == []


def test_audit_page_lists_records_past_retention(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    make_patient(ctx, "Uiold", closed=True, last_contact=dt.date(1990, 5, 1))
    main_window.show_page("audit")
    page = next(p for p in main_window.pages if isinstance(p, AuditPage))
    page.review_retention()
    assert page.retention.topLevelItemCount() == 1
    assert page.retention.topLevelItem(0).text(0) == "UIOLDFAM Uioldgiv"
    assert page.retention.topLevelItem(0).text(2) == "01/05/2020"


def test_not_shared_says_where_the_record_is_kept(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A laptop connected to no server told the case manager that a record not shared with
    the team "is still backed up on the organisation's server": it was on this laptop only."""
    from desktop.services import sync_status
    from tests.ui.test_handover_ui import enrol_as

    d = make_patient(ctx, "Uikept", Sizes(consents=0))
    tab = _tab(main_window.open_dossier(d.patient_id))
    assert not sync_status.is_enrolled(ctx)
    assert tab.local_only.isVisibleTo(tab)
    assert "this computer only" in tab.local_only.text()
    assert "backed up" not in tab.local_only.text()
    enrol_as(ctx, "anne")
    tab.refresh()
    assert "backed up on the organisation's server" in tab.local_only.text()
