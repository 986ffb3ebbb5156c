"""The demo step gives Today, the caseload and the dossier real content, through the write path."""

from __future__ import annotations

import random

from sqlalchemy import select

from desktop import demo
from desktop.demo import cases as demo_cases
from desktop.services import caseload, timeline, today
from desktop.storage.models import Case, CaseStatusChange, OutboxOp, Patient, Visit


def test_demo_cases_step(ctx, monkeypatch) -> None:
    monkeypatch.setattr(demo, "DEMO_STEPS", [])
    demo.generate(ctx, 12, seed=3)
    ids = ctx.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    demo_cases.step(ctx, random.Random(3), ids, lambda done, total: None)
    counts = ctx.read(lambda s: (s.query(Case).count(), s.query(Visit).count(),
                                 s.query(CaseStatusChange).count()))
    assert counts[0] >= 12 and counts[1] > 12 and counts[2] >= counts[0]
    ops = ctx.read(lambda s: s.query(OutboxOp).filter_by(table_name="visit").count())
    assert ops == counts[1]  # every demo visit has its op: demo data syncs like real data
    data = today.today_data(ctx)
    assert len(data.visits_today) == 4 and data.open_cases == 12
    rows = caseload.list_caseload(ctx)
    assert len(rows) == 12
    overview = timeline.open_dossier(ctx, data.visits_today[0].patient_id)
    assert overview.timeline and overview.cases[0].status != "closed"
