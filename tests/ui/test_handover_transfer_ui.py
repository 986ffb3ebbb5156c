"""Handover with a note and transfer to another organisation from the dossier (issue 19, items
5-6): the handover dialog asks for the note, the new case manager sees it first (Today and the
top of the dossier) until "I have read it"; the transfer dialog builds the pack in the
background and closes the case. The team's users are stored as the enrolment does."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.domain import consent_policy as cp
from desktop.services import cases, consents, handover
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Contact
from desktop.ui.dossier.handover_banner import HandoverBanner
from desktop.ui.dossier.transfer_dialog import TransferDialog
from desktop.ui.i18n import message
from tests.gdpr_data import Sizes, make_patient
from tests.ui.test_handover_ui import _tab, enrol_as


def test_handover_note_then_the_new_case_manager_reads_it_first(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    enrol_as(ctx, "anne")
    d = make_patient(ctx, "Uinote", Sizes(consents=1))
    cid = d.case_ids[0]
    cases.assign_case(ctx, cid, "anne")
    dossier = main_window.open_dossier(d.patient_id)
    assert dossier.handover_banner.isHidden()
    tab = _tab(dossier)
    dialog = tab.handover()
    dialog.first.setCurrentIndex(dialog.first.findData("bruno"))
    assert not dialog.try_save()  # the note is required
    assert dialog.errors.visible_messages() == [message("text.required")]
    dialog.handover_note.setPlainText("Visites le matin. La fille appelle le jeudi.")
    assert dialog.try_save()
    assert cases.get_case(ctx, cid).responsible_users == ("bruno",)
    qtbot.waitUntil(lambda: "Visites le matin" in tab.detail.toPlainText(), timeout=5_000)
    dossier.close()
    qtbot.waitUntil(lambda: d.patient_id not in main_window.dossiers, timeout=5_000)

    # Bruno's laptop: first on Today, then on top of the dossier
    enrol_as(ctx, "bruno")
    main_window.show_page("today")
    page = main_window.stack.currentWidget()
    page.refresh()
    [item] = page.items("handovers")
    assert item.patient_id == d.patient_id
    assert not page.tops["handovers"].isHidden()  # on top of the day while there is one
    dossier = main_window.open_dossier(d.patient_id)
    banner = dossier.handover_banner
    assert isinstance(banner, HandoverBanner) and not banner.isHidden()
    assert "Visites le matin" in banner.text.text() and "Anne Lambert" in banner.title.text()
    assert banner.acknowledge()
    assert banner.isHidden() and handover.to_read(ctx) == []
    page.refresh()
    assert page.items("handovers") == []
    assert page.tops["handovers"].isHidden()  # no empty "Handovers to read (0)" above the visits
    assert not page.tops["visits_today"].isHidden()


def _organisation(ctx) -> str:  # type: ignore[no-untyped-def]
    def run(uow: UnitOfWork) -> str:
        return uow.add(Contact, kind="home_care_coordination", is_organisation=True,
                       organisation="CSD Liège", city="Liège", postal_code="4000").id
    return ctx.write(run)


def test_transfer_from_the_dossier(main_window, qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = make_patient(ctx, "Uitransf", Sizes(consents=1))
    cid = d.case_ids[0]
    org = _organisation(ctx)
    tab = _tab(main_window.open_dossier(d.patient_id))
    dialog = tab.transfer()
    assert isinstance(dialog, TransferDialog)
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(org))
    assert dialog.override.isEnabled()  # no consent yet: an override reason is asked
    dialog.out.setText(str(tmp_path / "pack.zip"))
    assert not dialog.try_save()
    assert dialog.errors.visible_messages() == [message("transfer.consent_missing")]
    assert cases.get_case(ctx, cid).status == "active"
    dialog.reject()

    consents.grant(ctx, d.patient_id, cp.PURPOSE_PROVIDER_SHARING, contact_id=org)
    dialog = tab.transfer()
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(org))
    assert not dialog.override.isEnabled()
    dialog.out.setText(str(tmp_path / "pack.zip"))
    dialog.transfer_note.setPlainText("Suivi repris par le CSD.")
    assert dialog.try_save()  # started in the background
    qtbot.waitUntil(lambda: dialog.result_id == cid, timeout=30_000)
    c = cases.get_case(ctx, cid)
    assert (c.status, c.closure_reason) == ("closed", "transfer")
    with zipfile.ZipFile(tmp_path / "pack.zip") as zf:
        assert "02-record.fhir.json" in zf.namelist()
    qtbot.waitUntil(lambda: not tab.transfer_button.isEnabled(), timeout=5_000)
