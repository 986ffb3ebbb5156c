"""A line that appears in an open form dialog grows the dialog instead of hiding under a scroll
bar: the stability log line of "close as stabilised", the longer consent text of the transfer
dialog once an organisation is chosen (issue 19's screenshots showed both cut)."""

from __future__ import annotations

from typing import Any

from desktop.domain.contacts import ContactFields
from desktop.services import contacts
from desktop.ui.dossier.case_dialogs import CloseCaseDialog
from desktop.ui.dossier.transfer_dialog import TransferDialog
from tests.gdpr_data import Sizes, make_patient


def _whole(dialog: Any) -> bool:
    area = dialog.layout_.itemAt(0).widget()
    return area.height() >= area.sizeHint().height()


def test_close_as_stabilised_shows_the_stability_line_whole(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    d = make_patient(ctx, "Uigrow", Sizes(consents=0))
    dialog = CloseCaseDialog(None, ctx, d.case_ids[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _whole(dialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData("stabilised"))
    qtbot.waitUntil(lambda: dialog.stability.isVisible() and _whole(dialog), timeout=3_000)
    dialog.draft_guard.saved()


def test_transfer_consent_text_grows_the_dialog(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    contacts.add_contact(ctx, ContactFields(kind="home_help", organisation="Aide familiale "
                                            "CSD Arlon", is_organisation=True))
    d = make_patient(ctx, "Uigrowt", Sizes(consents=0))
    dialog = TransferDialog(None, ctx, d.case_ids[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _whole(dialog)
    dialog.organisation.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _whole(dialog), timeout=3_000)
    dialog.draft_guard.saved()
