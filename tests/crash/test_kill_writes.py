"""kill -9 while writing: acknowledged writes survive, no edit without its op, no op without edit."""

from __future__ import annotations

import os
import random
import signal
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.services.context import AppContext
from desktop.storage.models import AuditEvent, OutboxOp, Patient
from tests import fastkdf
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize("kill_after", random.Random(7).sample(range(3, 60), 4))
def test_kill_during_writes(vault_dir: Path, kill_after: int) -> None:
    ctx, _ = AppContext.create(vault_dir, PASSPHRASE)
    ctx.lock()
    child = subprocess.Popen(
        fastkdf.argv("tests.crash.writer_loop", str(vault_dir), PASSPHRASE),
        stdout=subprocess.PIPE, text=True, env={**os.environ},
    )
    acknowledged: list[str] = []
    assert child.stdout is not None
    while len(acknowledged) < kill_after:
        line = child.stdout.readline()
        assert line, "writer died early"
        acknowledged.append(line.strip())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        def check(session):  # type: ignore[no-untyped-def]
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            ids = set(session.execute(select(Patient.id)).scalars())
            assert set(acknowledged) <= ids
            op_records = set(session.execute(
                select(OutboxOp.record_id).where(OutboxOp.table_name == "patient")).scalars())
            assert op_records == ids  # no edit without its op, no op without its edit
            # each edited patient (city Jambes) has its edit op
            edited = set(session.execute(select(Patient.id).where(Patient.city == "Jambes")).scalars())
            ops = session.execute(select(OutboxOp).where(OutboxOp.table_name == "patient")).scalars()
            edit_ops = {o.record_id for o in ops if o.fields == {"city": "Jambes"}}
            assert edited == edit_ops
            audits = session.execute(select(func.count()).select_from(AuditEvent)).scalar()
            assert audits == len(ids) + len(edited)
        ctx.read(check)
    finally:
        ctx.lock()
