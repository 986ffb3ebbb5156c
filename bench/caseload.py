"""`python -m bench caseload`: search and dossier speed on a team-sized vault.

Builds a SQLCipher vault with 5,000 patients, ~6,000 cases and ~120,000 visits and notes (the
demo generator's rows, bulk-inserted in batched `ctx.write` transactions: the benchmark measures
reads, so the rows skip the outbox). Then measures, in the same run:

- a search keystroke: `caseload.list_caseload(ctx, prefix)` (service call → result rows), for the
  successive prefixes of names, towns and NISS numbers as a person types them;
- opening a dossier: `timeline.open_dossier(ctx, id)` (audit event + everything the header and
  the overview show);

each next to hand-written SQL returning the same rows on a raw connection of the same vault
(ratio = service / raw). Targets on a 2-core machine: search p95 ≤ 30 ms, dossier p95 ≤ 150 ms.
Prints peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine.interfaces import DBAPICursor

from desktop import demo
from desktop.demo import cases as demo_cases
from desktop.domain.dates import utcnow
from desktop.domain.text import fold
from desktop.services import caseload, timeline
from desktop.services.caseload import CaseloadRow
from desktop.services.context import AppContext
from desktop.services.timeline import DossierOverview
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage import search
from desktop.storage.models import (
    Case,
    CaseStatusChange,
    Contact,
    HospitalStay,
    Note,
    Patient,
    Visit,
)

TODAY = dt.date(2026, 11, 23)
TARGETS = {"search": 30.0, "dossier": 150.0}  # p95, milliseconds
BATCH = 100  # patients per transaction


def _sync_columns(uow: UnitOfWork, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    now = utcnow()
    for r in rows:
        r.setdefault("id", demo_cases.uuid7())
        r.update(created_at=now, updated_hlc=uow.tick(), server_version=0, deleted=False)
    return rows



def ensure_vault(folder: Path, passphrase: str, patients: int) -> None:
    """Build a synthetic vault of PATIENTS in FOLDER unless one is there (`--vault` reuses it)."""
    if (folder / "vault.json").exists():
        return
    print(f"building a {patients}-patient vault…", file=sys.stderr)
    ctx, _ = AppContext.create(folder, passphrase, user_name="Bench", today=lambda: TODAY)
    build(ctx, patients, 17)
    ctx.lock()


def build(ctx: AppContext, n_patients: int, max_visits: int, seed: int = 42) -> dict[str, int]:
    rng = random.Random(seed)
    gps = demo.make_gps(rng, max(3, n_patients // 25))

    gp_rows: list[dict[str, Any]] = []

    def add_gp_rows(uow: UnitOfWork) -> None:
        gp_rows.extend(_sync_columns(uow, [dict(g) for g in gps]))
        uow.session.execute(insert(Contact), gp_rows)

    ctx.write(add_gp_rows)
    used_niss: set[str] = set()
    patient_ids: list[str] = []
    for start in range(0, n_patients, BATCH):
        specs = []
        for i in range(start, min(n_patients, start + BATCH)):
            spec = demo.make_patient(rng, TODAY, i)
            if spec["niss"] in used_niss:
                spec["niss"] = None
            if spec["niss"]:
                used_niss.add(str(spec["niss"]))
            spec["gp_contact_id"] = rng.choice(gp_rows)["id"]
            specs.append(spec)

        def add_patients(uow: UnitOfWork, specs: list[dict[str, Any]] = specs) -> list[str]:
            rows = _sync_columns(uow, specs)
            uow.session.execute(insert(Patient), rows)
            for r in rows:
                search.index_patient(uow.session, Patient(**r))
            return [r["id"] for r in rows]

        patient_ids.extend(ctx.write(add_patients))
    counts = {"patients": len(patient_ids), "case_record": 0, "visit": 0, "note": 0,
              "hospital_stay": 0, "case_status_change": 0}
    pending: dict[type, list[dict[str, Any]]] = {}
    models = (Case, CaseStatusChange, Visit, Note, HospitalStay)
    by_table: dict[str, type] = {m.__tablename__: m for m in models}

    def flush() -> None:
        def run(uow: UnitOfWork) -> None:
            for model in models:
                rows = pending.get(model) or []
                if rows:
                    uow.session.execute(insert(model), _sync_columns(uow, rows))
        ctx.write(run)
        pending.clear()

    for n, (_pid, rows) in enumerate(demo_cases.case_rows(rng, TODAY, patient_ids, ctx.user_name,
                                                          max_visits=max_visits), 1):
        for table, values in rows.items():
            model = by_table[table]
            pending.setdefault(model, []).extend(values)
            counts[table] += len(values)
        if n % BATCH == 0:
            flush()
    flush()
    return counts


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50": statistics.median(ordered),
            "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
            "n": len(ordered)}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


RAW_SEARCH = """
WITH hits AS (
  SELECT patient_id, rank FROM patient_search WHERE patient_search MATCH :q ORDER BY rank LIMIT 200
)
SELECT c.id, p.id, p.family_name, p.given_name, p.birth_date, p.niss, p.city, p.phones, c.status,
       c.complexity_tier, c.opened_on, c.relevance_review_due,
       (SELECT max(v.actual_start) FROM visit v WHERE v.case_id = c.id AND v.status = 'done'
          AND v.deleted = 0),
       (SELECT min(v.planned_start) FROM visit v WHERE v.case_id = c.id AND v.status = 'planned'
          AND v.planned_start >= :start AND v.deleted = 0)
FROM hits JOIN patient p ON p.id = hits.patient_id JOIN case_record c ON c.patient_id = p.id
WHERE c.deleted = 0 AND p.deleted = 0 AND p.restricted = 0
  AND c.status IN ('referred', 'assessing', 'active', 'stabilised')
ORDER BY hits.rank
"""
RAW_DOSSIER = [
    "SELECT * FROM patient WHERE id = :id",
    "SELECT * FROM contact WHERE id = (SELECT gp_contact_id FROM patient WHERE id = :id)",
    "SELECT * FROM case_record WHERE patient_id = :id AND deleted = 0 ORDER BY opened_on DESC",
    "SELECT * FROM case_status_change WHERE patient_id = :id AND deleted = 0",
    "SELECT * FROM visit WHERE patient_id = :id AND deleted = 0",
    "SELECT * FROM visit_addendum WHERE patient_id = :id AND deleted = 0",
    "SELECT * FROM note WHERE patient_id = :id AND deleted = 0 ORDER BY written_at DESC",
    "SELECT * FROM hospital_stay WHERE patient_id = :id AND deleted = 0",
]


def keystrokes(rng: random.Random, people: list[tuple[str, str, str, str | None]],
               count: int) -> list[str]:
    """What a person types, one query per keystroke: 1..6 letters of a name or town, or the
    first 4..11 digits of a NISS."""
    out: list[str] = []
    while len(out) < count:
        family, given, city, niss = rng.choice(people)
        choice = rng.random()
        if choice < 0.15 and niss:
            out.extend(niss[:k] for k in range(4, 12, 2))
        else:
            word = fold(family if choice < 0.7 else given if choice < 0.85 else city)
            out.extend(word[:k] for k in range(1, min(6, len(word)) + 1))
    return out[:count]


def measure(ctx: AppContext, n_search: int, n_dossier: int) -> dict[str, Any]:
    rng = random.Random(7)
    people = ctx.read(lambda s: [tuple(r) for r in s.execute(select(
        Patient.family_name, Patient.given_name, Patient.city, Patient.niss))])
    raw = ctx.vault.reader_engine.raw_connection()
    start = dt.datetime.combine(TODAY, dt.time()).isoformat(sep=" ")
    service, baseline, rows_seen = [], [], []
    for query in keystrokes(rng, people, n_search):  # type: ignore[arg-type]
        expr = search.fts_query(query)
        if expr is None:
            continue

        def search_service(q: str = query) -> list[CaseloadRow]:
            return caseload.list_caseload(ctx, q)

        ms, rows = timed(search_service)
        service.append(ms)
        rows_seen.append(len(rows))
        cur = raw.cursor()

        def search_raw(e: str = expr, c: DBAPICursor = cur) -> Any:
            return c.execute(RAW_SEARCH, {"q": e, "start": start}).fetchall()

        ms_raw, _ = timed(search_raw)
        baseline.append(ms_raw)
    ids = ctx.read(lambda s: list(s.execute(select(Case.patient_id).where(
        Case.status.in_(("active", "stabilised")))).scalars()))
    d_service, d_raw, entries = [], [], []
    for pid in rng.sample(ids, min(n_dossier, len(ids))):
        def dossier_service(p: str = pid) -> DossierOverview:
            return timeline.open_dossier(ctx, p)

        ms, data = timed(dossier_service)
        d_service.append(ms)
        entries.append(len(data.timeline))
        cur = raw.cursor()

        def dossier_raw(p: str = pid, c: DBAPICursor = cur) -> list[Any]:
            return [c.execute(sql, {"id": p}).fetchall() for sql in RAW_DOSSIER]

        ms_raw, _ = timed(dossier_raw)
        d_raw.append(ms_raw)
    raw.close()
    s, sr, d, dr = (percentiles(x) for x in (service, baseline, d_service, d_raw))
    return {
        "search": {**s, "raw_p50": sr["p50"], "raw_p95": sr["p95"],
                   "ratio_p50": s["p50"] / max(sr["p50"], 1e-6),
                   "rows_mean": statistics.mean(rows_seen) if rows_seen else 0},
        "dossier": {**d, "raw_p50": dr["p50"], "raw_p95": dr["p95"],
                    "ratio_p50": d["p50"] / max(dr["p50"], 1e-6),
                    "timeline_mean": statistics.mean(entries) if entries else 0},
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench caseload")
    parser.add_argument("--patients", type=int, default=5000)
    parser.add_argument("--max-visits", type=int, default=17,
                        help="done visits per case at most (sets the visits+notes total)")
    parser.add_argument("--searches", type=int, default=600)
    parser.add_argument("--dossiers", type=int, default=150)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="relais-bench-") as tmp:
        ctx, _ = AppContext.create(Path(tmp) / "vault", "bench passphrase", user_name="Bench",
                                   today=lambda: TODAY)
        try:
            build_ms, counts = timed(lambda: build(ctx, args.patients, args.max_visits))
            result = measure(ctx, args.searches, args.dossiers)
        finally:
            ctx.lock()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {"counts": counts, "build_s": build_ms / 1000, **result, "peak_rss_mb": peak_mb,
              "targets_p95_ms": TARGETS,
              "ok": all(result[k]["p95"] <= v for k, v in TARGETS.items())}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0 if report["ok"] else 1
    c = counts
    print(f"vault: {c['patients']} patients, {c['case_record']} cases, {c['visit']} visits, "
          f"{c['note']} notes ({c['visit'] + c['note']} visits+notes), {c['hospital_stay']} stays;"
          f" built in {report['build_s']:.1f} s")
    for name, label in (("search", "search keystroke"), ("dossier", "open dossier")):
        r = result[name]
        verdict = "OK" if r["p95"] <= TARGETS[name] else "OVER TARGET"
        print(f"{label:17} p50 {r['p50']:7.2f} ms  p95 {r['p95']:7.2f} ms  (target p95 ≤ "
              f"{TARGETS[name]:.0f} ms: {verdict}) | raw SQL p50 {r['raw_p50']:6.2f} ms  "
              f"p95 {r['raw_p95']:6.2f} ms | ratio p50 {r['ratio_p50']:.1f}x  [n={r['n']}]")
    print(f"mean rows per keystroke {result['search']['rows_mean']:.0f}; mean timeline entries "
          f"{result['dossier']['timeline_mean']:.0f}; peak memory (max RSS) {peak_mb:.0f} MB")
    return 0 if report["ok"] else 1
