"""Autosave survives a crash: a subprocess types a visit note through the draft service and is
killed with SIGKILL; the reopened vault offers the text it had autosaved."""

from __future__ import annotations

from pathlib import Path

from desktop.services import cases, drafts, visits
from desktop.services.cases import RequestFields
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from tests.conftest import PASSPHRASE, TODAY
from tests.crash.kill_support import type_then_kill
from tests.crash.typing_loop import NOTE


def test_autosaved_note_offered_after_kill(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    ctx, _ = AppContext.create(folder, PASSPHRASE, user_name="Anne Lambert", today=lambda: TODAY)
    pid = add_patient(ctx, PatientFields(family_name="Dethier", given_name="Renée"))
    cid = cases.open_case(ctx, pid, RequestFields(requester_type="relative", request_reason="x"))
    vid = visits.plan_visit(ctx, cid, start="2026-11-23T10:00")
    ctx.lock()

    acknowledged = type_then_kill("tests.crash.typing_loop", str(folder), PASSPHRASE, vid, pid,
                                  saves=8, timeout=30)

    reopened = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
    try:
        offered = drafts.pending_drafts(reopened)
        assert [d.key for d in offered] == [drafts.visit_notes_key(vid)]
        text = offered[0].text
        # at least what was acknowledged before the kill, and nothing that was never typed
        assert len(text) >= acknowledged
        assert NOTE.startswith(text)
        assert offered[0].context == {"visit_id": vid} and offered[0].patient_id == pid
        # restoring it into the visit records it and clears the draft
        visits.record_visit(reopened, vid, notes=text)
        assert visits.get_visit(reopened, vid).notes == text
        assert drafts.pending_drafts(reopened) == []
    finally:
        reopened.lock()
