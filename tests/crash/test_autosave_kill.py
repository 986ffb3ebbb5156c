"""Autosave survives a crash: a subprocess types a visit note through the draft service and is
killed with SIGKILL; the reopened vault offers the text it had autosaved."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from desktop.services import cases, drafts, visits
from desktop.services.cases import RequestFields
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from tests import fastkdf
from tests.conftest import PASSPHRASE, TODAY
from tests.crash.typing_loop import NOTE

ROOT = Path(__file__).resolve().parents[2]


def test_autosaved_note_offered_after_kill(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    ctx, _ = AppContext.create(folder, PASSPHRASE, user_name="Anne Lambert", today=lambda: TODAY)
    pid = add_patient(ctx, PatientFields(family_name="Dethier", given_name="Renée"))
    cid = cases.open_case(ctx, pid, RequestFields(requester_type="relative", request_reason="x"))
    vid = visits.plan_visit(ctx, cid, start="2026-11-23T10:00")
    ctx.lock()

    proc = subprocess.Popen(
        fastkdf.argv("tests.crash.typing_loop", str(folder), PASSPHRASE, vid, pid),
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ})
    acknowledged = 0
    try:
        assert proc.stdout is not None
        saves = 0
        for line in proc.stdout:
            if line.strip() == "done":
                break
            acknowledged = int(line)
            saves += 1
            if saves >= 8:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert acknowledged > 0

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
