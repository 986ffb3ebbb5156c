"""The notes of an unplanned visit survive a crash: the real dialog types them in a child
process killed with SIGKILL; the reopened dossier offers the draft back and Restore puts it in
the visit dialog."""

from __future__ import annotations

from pathlib import Path

from desktop.services import cases, drafts, visits
from desktop.services.cases import RequestFields
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from tests.conftest import PASSPHRASE, TODAY
from tests.crash.kill_support import type_then_kill
from tests.crash.typing_loop import NOTE


def test_unplanned_visit_notes_offered_after_kill(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vault"
    ctx, _ = AppContext.create(folder, PASSPHRASE, user_name="Anne Lambert", today=lambda: TODAY)
    pid = add_patient(ctx, PatientFields(family_name="Dethier", given_name="Renée"))
    cid = cases.open_case(ctx, pid, RequestFields(requester_type="relative", request_reason="x"))
    ctx.lock()

    acknowledged = type_then_kill("tests.crash.ui_typing_loop", str(folder), PASSPHRASE, cid, pid,
                                  saves=6)

    reopened = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        [draft] = drafts.pending_drafts(reopened)
        assert draft.key == f"visit_notes:{pid}:new" and draft.patient_id == pid
        assert len(draft.text) >= acknowledged and NOTE.startswith(draft.text)

        # the next opening of the dossier offers it; Restore reopens the unplanned visit
        from desktop.ui.app import make_app
        from desktop.ui.dossier.case_dialogs import VisitDialog
        from desktop.ui.main_window import MainWindow

        make_app()
        window = MainWindow(folder, reopened)
        qtbot.addWidget(window)
        dossier = window.open_dossier(pid)
        qtbot.waitUntil(lambda: dossier.draft_offer is not None
                        and dossier.draft_offer.box is not None)
        dossier.draft_offer.box.restore_button.click()
        [dialog] = dossier.draft_offer.restored
        assert isinstance(dialog, VisitDialog) and dialog.visit is None
        assert dialog.notes.toPlainText() == draft.text
        assert dialog.try_save()
        assert [v.notes for v in visits.list_visits(reopened, pid)] == [draft.text]
        assert drafts.pending_drafts(reopened) == []
        dossier.close()
    finally:
        reopened.lock()
