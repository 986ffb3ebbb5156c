"""`python -m bench vault`: the same caseload workload on the SQLCipher vault and on plain SQLite.

Workload: insert 5,000 patients with related rows (a case, 4 visits, 4 notes each) through the
real write path in transactions of 25 patients, 20,000 point reads, 200 list queries. Prints both
times and the ratio (target ≤ 1.25), and the vault open time excluding the Argon2id step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import demo
from desktop.services import patients
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage import search
from desktop.storage.envelope import Envelope, use_insecure_test_kdf
from desktop.storage.models import Case, Note, Patient, Visit
from desktop.storage.vault import Vault

TODAY = dt.date(2026, 11, 23)


def workload(ctx: AppContext, n_patients: int, n_reads: int, n_lists: int) -> dict[str, float]:
    rng = random.Random(42)
    specs = [demo.make_patient(rng, TODAY, i) for i in range(n_patients)]
    used: set[object] = set()
    for s in specs:  # NISS must stay unique
        if s["niss"] in used:
            s["niss"] = None
        used.add(s["niss"])
    t0 = time.perf_counter()
    ids: list[str] = []
    for start in range(0, n_patients, 25):
        batch = specs[start:start + 25]

        def run(uow: UnitOfWork, batch: list[dict[str, object]] = batch) -> list[str]:
            out = []
            for spec in batch:
                p = uow.add(Patient, **spec)
                search.index_patient(uow.session, p)
                c = uow.add(Case, patient_id=p.id, status="active", opened_on=TODAY)
                for k in range(4):
                    when = dt.datetime(2026, 1 + k, 10, 9, 0)
                    uow.add(Visit, case_id=c.id, patient_id=p.id, kind="home_visit", status="done",
                            planned_start=when, actual_start=when, notes="Visite à domicile.")
                    uow.add(Note, patient_id=p.id, case_id=c.id, written_at=when,
                            text="Appel de la fille, situation stable.")
                uow.audit("create", table="patient", record_id=p.id, patient_id=p.id)
                out.append(p.id)
            return out

        ids.extend(ctx.write(run))
    t_insert = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(n_reads):
        pid = rng.choice(ids)

        def get(s: Session, pid: str = pid) -> Patient | None:
            return s.get(Patient, pid)

        ctx.read(get)
    t_reads = time.perf_counter() - t0

    towns = ["namur", "gent", "bastogne", "dub", "pee", "marie", "0470", "jan"]
    t0 = time.perf_counter()
    for i in range(n_lists):
        if i % 2:
            patients.list_patients(ctx, towns[i % len(towns)], limit=50)
        else:
            ctx.read(lambda s: s.execute(select(Visit).where(Visit.patient_id == rng.choice(ids))
                                         .order_by(Visit.planned_start.desc())).scalars().all())
    t_lists = time.perf_counter() - t0
    return {"insert": t_insert, "reads": t_reads, "lists": t_lists}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench vault")
    parser.add_argument("--patients", type=int, default=5000)
    parser.add_argument("--reads", type=int, default=20000)
    parser.add_argument("--lists", type=int, default=200)
    args = parser.parse_args(argv)
    use_insecure_test_kdf()  # throwaway vaults: Argon2 is measured separately
    # ABBA order (plain, vault, vault, plain) so machine noise hits both sides alike
    runs: dict[str, list[dict[str, float]]] = {"plain": [], "vault": []}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for i, kind in enumerate(("plain", "vault", "vault", "plain")):
            if kind == "plain":
                ctx = AppContext(Vault.plain_for_benchmark(base / f"plain{i}"), today=lambda: TODAY)
            else:
                ctx, _ = AppContext.create(base / f"vault{i}", "benchmark passphrase", today=lambda: TODAY)
            runs[kind].append(workload(ctx, args.patients, args.reads, args.lists))
            if kind == "vault":
                key = bytearray(bytes.fromhex(ctx.vault.raw_key_hex()))
                folder = base / f"vault{i}"
            ctx.lock()
        env = Envelope.load(folder / "vault.json")
        t0 = time.perf_counter()
        opened = Vault._open_with_key(folder, env, key)
        opened.lock()
        t_open = time.perf_counter() - t0
    r_plain = {k: sum(r[k] for r in runs["plain"]) / 2 for k in runs["plain"][0]}
    r_enc = {k: sum(r[k] for r in runs["vault"]) / 2 for k in runs["vault"][0]}

    print(f"{'phase':<10}{'plain SQLite':>14}{'SQLCipher':>12}{'ratio':>8}")
    total_p = total_e = 0.0
    for phase in ("insert", "reads", "lists"):
        total_p += r_plain[phase]
        total_e += r_enc[phase]
        print(f"{phase:<10}{r_plain[phase]:>13.2f}s{r_enc[phase]:>11.2f}s{r_enc[phase] / r_plain[phase]:>8.2f}")
    ratio = total_e / total_p
    print(f"{'total':<10}{total_p:>13.2f}s{total_e:>11.2f}s{ratio:>8.2f}   (target ≤ 1.25)")
    print(f"vault open without Argon2id (page integrity check + schema check): {t_open * 1000:.0f} ms")
    return 0
