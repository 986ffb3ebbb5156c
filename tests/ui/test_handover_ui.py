"""The case's responsible case managers in the dossier, and the handover dialog ("Passer le
relais…") that changes them (issue 15, item 2), with the handover note (issue 19, item 5:
`relais case handover`).

The team's users are what the server told this laptop at enrolment / device status: the test
stores that answer in the vault's sync state as the enrolment does (the server side has its own
tests in tests/e2e/test_sync_visibility.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import cases
from desktop.services.unit_of_work import UnitOfWork
from desktop.sync import state
from desktop.ui.dossier.cases_tab import CasesTab
from desktop.ui.dossier.handover_dialog import HandoverDialog
from desktop.ui.i18n import message
from tests.gdpr_data import Sizes, make_patient

MEMBERS = [{"username": "anne", "name": "Anne Martin"},
           {"username": "bruno", "name": "Bruno Peeters"},
           {"username": "chloe", "name": "Chloé Dubois"}]


def enrol_as(ctx: Any, username: str | None, members: list[dict[str, str]] = MEMBERS) -> None:
    """What enrolment leaves in the vault (None: not enrolled any more)."""
    def run(uow: UnitOfWork) -> None:
        if username is None:
            state.delete(uow.session, state.TOKEN)
            state.delete(uow.session, state.ACCOUNT)
            return
        state.put(uow.session, state.TOKEN, "test-token")
        state.put(uow.session, state.ACCOUNT, {"user": username, "username": username,
                                               "members": members, "role": "case_manager"})
    ctx.write(run)


def _tab(dossier) -> CasesTab:  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), CasesTab):
            dossier.tabs.setCurrentIndex(i)
            return dossier.tabs.widget(i)
    raise AssertionError("no Cases tab")


def test_handover_from_the_dossier(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    enrol_as(ctx, "anne")
    d = make_patient(ctx, "Uihandover", Sizes(consents=0))
    cid = cases.list_cases(ctx, d.patient_id)[0].id
    cases.assign_case(ctx, cid, "anne")  # as a case opened on this laptop (default: its user)
    dossier = main_window.open_dossier(d.patient_id)
    tab = _tab(dossier)
    assert "Anne Martin" in tab.detail.toPlainText()
    assert dossier.header.visibility.text() == message("sharing.only_you")

    dialog = tab.handover()
    assert isinstance(dialog, HandoverDialog) and dialog.first.isEnabled()
    assert [dialog.first.itemData(i) for i in range(dialog.first.count())] == [
        "anne", "bruno", "chloe"]
    assert dialog.first.currentData() == "anne"
    dialog.first.setCurrentIndex(dialog.first.findData("anne"))
    dialog.second.setCurrentIndex(dialog.second.findData("chloe"))
    dialog.handover_note.setPlainText("En binôme jusqu'en janvier.")
    assert dialog.try_save()
    assert cases.get_case(ctx, cid).responsible_users == ("anne", "chloe")
    qtbot.waitUntil(lambda: "Chloé Dubois" in tab.detail.toPlainText(), timeout=5_000)
    # the header now says "you and Chloé" (team sharing not granted)
    qtbot.waitUntil(lambda: dossier.header.visibility.text()
                    == message("sharing.you_and", names="Chloé Dubois"), timeout=5_000)

    # the same person twice is refused inline, nothing changes
    dialog = tab.handover()
    dialog.first.setCurrentIndex(dialog.first.findData("bruno"))
    dialog.second.setCurrentIndex(dialog.second.findData("bruno"))
    dialog.handover_note.setPlainText("Note")
    assert not dialog.try_save()
    assert dialog.errors.visible_messages() == [message("case.responsible_pair")]
    assert cases.get_case(ctx, cid).responsible_users == ("anne", "chloe")
    dialog.reject()

    # handed over to Bruno alone: this laptop's user no longer sees a narrowed record
    dialog = tab.handover()
    dialog.first.setCurrentIndex(dialog.first.findData("bruno"))
    dialog.second.setCurrentIndex(0)
    dialog.handover_note.setPlainText("Bruno reprend seul.")
    assert dialog.try_save()
    assert cases.get_case(ctx, cid).responsible_users == ("bruno",)
    qtbot.waitUntil(lambda: dossier.header.visibility.text()
                    == message("sharing.only", names="Bruno Peeters"), timeout=5_000)


def test_not_enrolled_says_so_and_saves_nothing(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    enrol_as(ctx, None)
    d = make_patient(ctx, "Uinoenrol", Sizes(consents=0))
    cid = cases.list_cases(ctx, d.patient_id)[0].id
    before = cases.get_case(ctx, cid).responsible_users
    tab = _tab(main_window.open_dossier(d.patient_id))
    dialog = tab.handover()
    assert dialog.unavailable.isVisibleTo(dialog) and "connect" in dialog.unavailable.text()
    assert not dialog.first.isEnabled() and not dialog.second.isEnabled()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    dialog.try_save()
    assert cases.get_case(ctx, cid).responsible_users == before
    # it pointed to a "Sync page" the window no longer has: it opens the server's form itself
    from desktop.ui.sync.enrol_dialog import EnrolDialog

    assert dialog.connect_button.isVisibleTo(dialog)
    dialog.connect_button.click()
    assert not dialog.isVisible()
    enrol = next(w for w in main_window.findChildren(EnrolDialog) if w.isVisible())
    enrol.reject()
