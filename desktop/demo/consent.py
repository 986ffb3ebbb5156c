"""Demo step: consent choices, so the Consents tab, the badges, the local-only notice and the
statistics export have something real to show. Most patients gave the notice and agreed to team
sharing; a few refused (their records stay local), some withdrew the statistics consent. Every
decision through the consent services."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from desktop.domain import consent_policy as cp
from desktop.services import consents, ecosystem
from desktop.services.context import AppContext

BATCH = 50
NOTICE_VERSION = "2026-01"


def step(ctx: AppContext, rng: random.Random, patient_ids: list[str],
         report: Callable[[int, int], None]) -> None:
    today = ctx.today()

    def decisions(pid: str) -> None:
        start = today - dt.timedelta(days=rng.randint(20, 400))

        def add(purpose: str, decision: str, day: dt.date, contact: str | None = None,
                method: str = "oral") -> None:
            on = min(day, today)
            review = (on + dt.timedelta(days=365)
                      if decision == "granted" and rng.random() < 0.3 else None)
            if decision == "objected":
                consents.object_to_provider(ctx, pid, str(contact), method=method, decided_on=on)
                return
            consents.record_decision(
                ctx, pid, purpose, decision, contact_id=contact, method=method, decided_on=on,
                notice_version=NOTICE_VERSION if purpose == cp.PURPOSE_NOTICE
                or method == "written" else None, review_date=review)

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
        for tie in ecosystem.ecomap_data(ctx, pid).ties:
            if tie.is_gp and rng.random() < 0.8:
                add(cp.PURPOSE_PROVIDER_SHARING, "granted", start, tie.contact_id)
            elif tie.is_gp and rng.random() < 0.05:  # a few patients object to documents to their GP
                add(cp.PURPOSE_PROVIDER_OBJECTION, "objected", start, tie.contact_id)
            if tie.is_informal_carer and rng.random() < 0.7:
                # the carer's own agreement to their details on the handout, on their contact
                consents.record_carer_agreement(
                    ctx, tie.contact_id, "granted", method="oral",
                    decided_on=min(start + dt.timedelta(days=rng.randint(0, 10)), today))

    for first in range(0, len(patient_ids), BATCH):
        batch = patient_ids[first:first + BATCH]

        def run(batch: list[str] = batch) -> None:
            for pid in batch:
                decisions(pid)

        ctx.write_many(run)
        report(min(len(patient_ids), first + BATCH), len(patient_ids))
