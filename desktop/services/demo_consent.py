"""Demo step: consent choices, so the Consents tab, the badges, the local-only notice and the
statistics export have something real to show. Most patients gave the notice and agreed to team
sharing; a few refused (their records stay local), some withdrew the statistics consent."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import select

from desktop.domain import consent_policy as cp
from desktop.domain.dates import utcnow
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import ConsentEvent, Contact, Relationship

BATCH = 50
NOTICE_VERSION = "2026-01"


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    today = ctx.today()
    ties = ctx.read(lambda s: s.execute(
        select(Relationship.patient_id, Relationship.contact_id, Relationship.is_gp,
               Relationship.is_informal_carer)
        .where(Relationship.patient_id.in_(patient_ids), Relationship.deleted.is_(False))).all())
    by_patient: dict[str, list[tuple[str, bool, bool]]] = {}
    for pid, cid, gp, carer in ties:
        by_patient.setdefault(pid, []).append((cid, bool(gp), bool(carer)))
    clock = utcnow(precise=True)

    def events_for(pid: str) -> list[dict[str, object]]:
        nonlocal clock
        start = today - dt.timedelta(days=rng.randint(20, 400))
        out: list[dict[str, object]] = []

        def add(purpose: str, decision: str, day: dt.date, contact: str | None = None,
                method: str = "oral") -> None:
            nonlocal clock
            clock += dt.timedelta(microseconds=1)
            out.append({"patient_id": pid, "purpose": purpose, "decision": decision,
                        "decided_on": min(day, today), "method": method, "contact_id": contact,
                        "notice_version": NOTICE_VERSION if purpose == cp.PURPOSE_NOTICE
                        or method == "written" else None,
                        "recorded_by": ctx.user_name, "recorded_at": clock,
                        "review_date": (min(day, today) + dt.timedelta(days=365)
                                        if decision == "granted" and rng.random() < 0.3 else None)})

        if rng.random() < 0.9:
            add(cp.PURPOSE_NOTICE, "granted", start, method="written")
        team = rng.random()
        if team < 0.85:
            add(cp.PURPOSE_TEAM_SHARING, "granted", start, method=rng.choice(["oral", "written"]))
        elif team < 0.93:
            add(cp.PURPOSE_TEAM_SHARING, "refused", start)
        if rng.random() < 0.6:
            add(cp.PURPOSE_STATISTICS, "granted", start)
            if rng.random() < 0.1:
                add(cp.PURPOSE_STATISTICS, "withdrawn", start + dt.timedelta(days=rng.randint(5, 60)))
        for cid, gp, carer in by_patient.get(pid, []):
            if gp and rng.random() < 0.8:
                add(cp.PURPOSE_PROVIDER_SHARING, "granted", start, cid)
            elif gp and rng.random() < 0.05:  # a few patients object to documents to their GP
                add(cp.PURPOSE_PROVIDER_OBJECTION, "objected", start, cid)
            if carer and rng.random() < 0.7:
                # the carer's own agreement to their details on the handout, on their contact
                agreements[cid] = min(start + dt.timedelta(days=rng.randint(0, 10)), today)
        return out

    agreements: dict[str, dt.date] = {}

    for first in range(0, len(patient_ids), BATCH):
        batch = patient_ids[first:first + BATCH]
        rows = [row for pid in batch for row in events_for(pid)]

        agreed, agreements = agreements, {}

        def run(uow: UnitOfWork, rows: list[dict[str, object]] = rows,
                agreed: dict[str, dt.date] = agreed) -> None:
            for row in rows:
                uow.add(ConsentEvent, **row)
            for cid, on in agreed.items():
                c = uow.session.get(Contact, cid)
                if c is not None:
                    uow.update(c, {"handout_agreement": "granted", "handout_agreement_on": on,
                                   "handout_agreement_method": "oral"})
            uow.audit("demo", table="consent_event", count=len(rows))

        ctx.write(run)
        report(min(len(patient_ids), first + BATCH), len(patient_ids))
