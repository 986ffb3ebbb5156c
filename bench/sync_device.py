"""Device-side sections of `python -m bench sync` (registered in bench/sync.py SECTIONS):

- `initial_pull`: a team dataset (default 5,000 patients, each with a consent event and two
  journal notes) pulled into an empty vault through the real engine against a real uvicorn on
  loopback, next to a raw bulk insert of the same rows into a vault (the limit): records/s and
  the ratio (target ≥ 0.25).
- `one_edit`: one field edited on one laptop, end to end to another: requests and bytes on the
  wire (target: one push and one pull, < 4 KB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import insert

PASSPHRASE = "bench-passphrase"


def _server(tmp: Path) -> Any:
    from bench.sync import LoopbackServer

    return LoopbackServer(tmp / "srv", f"sqlite:///{tmp / 'srv' / 'relais-server.db'}")


def _seed_team(url: str, patients: int) -> int:
    """The team's records, pushed as a device would (500 ops per request)."""
    import httpx

    from bench.sync import HEADERS

    with httpx.Client(base_url=url, headers=HEADERS, timeout=300) as http:
        r = http.post("/v1/devices", json={"username": "demo", "password": "demo-password"})
        r.raise_for_status()
        device, token = r.json()["device_id"], r.json()["token"]
        http.headers["Authorization"] = f"Bearer {token}"
        ops: list[dict[str, Any]] = []
        hlc = f"{int(time.time() * 1000):013d}-00000-{device[:8]}"

        def flush() -> None:
            if ops:
                res = http.post("/v1/sync/push", json={"device_id": device, "ops": ops})
                res.raise_for_status()
                ops.clear()
        for i in range(patients):
            pid = str(uuid.uuid4())
            ops.append({"op_id": str(uuid.uuid4()), "table": "patient", "record_id": pid,
                        "kind": "upsert", "hlc": hlc,
                        "fields": {"family_name": f"Famille{i}", "given_name": "Marie",
                                   "city": "Namur", "postal_code": "5000", "gender": "female",
                                   "phones": ["+3281000000"], "languages": ["fr"],
                                   "bim": False, "maf": False, "chronic_status": False,
                                   "restricted": False, "team_id": None,
                                   "created_at": "2026-11-01T10:00:00"}})
            ops.append({"op_id": str(uuid.uuid4()), "table": "consent_event",
                        "record_id": str(uuid.uuid4()), "patient_id": pid, "kind": "append",
                        "hlc": hlc,
                        "fields": {"patient_id": pid, "purpose": "team_sharing",
                                   "decision": "granted", "decided_on": "2026-11-01",
                                   "recorded_at": "2026-11-01T10:00:00", "method": "oral",
                                   "created_at": "2026-11-01T10:00:00"}})
            for n in range(2):
                ops.append({"op_id": str(uuid.uuid4()), "table": "note",
                            "record_id": str(uuid.uuid4()), "patient_id": pid,
                            "kind": "append", "hlc": hlc,
                            "fields": {"patient_id": pid, "text": "Visite à domicile. " * 8,
                                       "written_at": f"2026-11-0{n + 1}T09:00:00",
                                       "author": "Bench", "created_at": "2026-11-01T10:00:00"}})
            if len(ops) >= 480:
                flush()
        flush()
    return patients * 4


def _vault(folder: Path) -> Any:
    from desktop.services.context import AppContext

    ctx, _ = AppContext.create(folder, PASSPHRASE, user_name="Bench")
    return ctx


def bench_initial_pull(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.services import sync as sync_service
    from desktop.storage.models import SYNCED_MODELS
    from desktop.sync.apply import PageApplier
    from desktop.sync.client import SyncClient

    with tempfile.TemporaryDirectory(prefix="relais-bench-pull-") as name:
        tmp = Path(name)
        server = _server(tmp)
        from server import admin

        admin.bootstrap_demo(server.settings)
        with server:
            t0 = time.perf_counter()
            records = _seed_team(server.url, args.patients)
            print(f"\n== initial pull of a {args.patients}-patient team ({records} records) ==")
            print(f"seeded the server in {time.perf_counter() - t0:.1f} s")
            # the real thing: an empty vault, enrolled, one sync
            ctx = _vault(tmp / "pull-vault")
            try:
                sync_service.enroll(ctx, server.url, "demo", "demo-password")
                t0 = time.perf_counter()
                report = sync_service.sync_now(ctx)
                sync_s = time.perf_counter() - t0
                token = sync_service.client_for(ctx).token
            finally:
                ctx.lock()
            # the same rows, fetched first, then bulk-inserted into a vault (the limit)
            with SyncClient(server.url, token=token) as client:
                changes = []
                cursor, more = 0, True
                while more:
                    page = client.pull(cursor, 1000)
                    changes.extend(page.changes)
                    cursor, more = page.next_cursor, page.has_more
            ctx = _vault(tmp / "raw-vault")
            try:
                rows: dict[str, list[dict[str, Any]]] = {}
                for c in changes:
                    if c.kind != "upsert":
                        continue
                    model = SYNCED_MODELS[c.table]
                    values = PageApplier._values(model, c.fields)
                    values.update(id=c.record_id, created_at=dt.datetime(2026, 11, 1),
                                  updated_hlc=c.hlc or "", server_version=c.record_version,
                                  deleted=False)
                    for col in model.__table__.columns:  # type: ignore[attr-defined]
                        if col.key not in values and col.default is not None:
                            arg = col.default.arg
                            values[col.key] = arg(None) if callable(arg) else arg
                    rows.setdefault(c.table, []).append(values)
                t0 = time.perf_counter()

                def bulk(uow: Any) -> None:
                    for table in ("patient", "consent_event", "note"):
                        uow.session.execute(insert(SYNCED_MODELS[table]), rows.get(table, []))
                ctx.write(bulk)
                raw_s = time.perf_counter() - t0
            finally:
                ctx.lock()
    sync_rate, raw_rate = report.pulled / sync_s, records / raw_s
    ratio = sync_rate / raw_rate
    print(f"sync (pull + apply + field meta + search index + cursor, real HTTP): "
          f"{report.pulled} records in {sync_s:.2f} s = {sync_rate:,.0f} records/s")
    print(f"raw bulk insert into a vault (the limit): {records} records in {raw_s:.2f} s = "
          f"{raw_rate:,.0f} records/s")
    print(f"ratio {ratio:.2f} (target ≥ 0.25) {'OK' if ratio >= 0.25 else 'BELOW TARGET'}")
    return {"records": records, "sync_per_s": round(sync_rate), "raw_per_s": round(raw_rate),
            "ratio": round(ratio, 3), "errors": 0 if report.pulled >= records else 1}


def bench_one_edit(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.services import sync as sync_service
    from desktop.services.unit_of_work import UnitOfWork
    from desktop.storage.models import ConsentEvent, Patient

    with tempfile.TemporaryDirectory(prefix="relais-bench-edit-") as name:
        tmp = Path(name)
        server = _server(tmp)
        from server import admin

        admin.bootstrap_demo(server.settings)
        with server:
            a, b = _vault(tmp / "a"), _vault(tmp / "b")
            try:
                for ctx in (a, b):
                    sync_service.enroll(ctx, server.url, "demo", "demo-password")

                def add(uow: UnitOfWork) -> str:
                    p = uow.add(Patient, family_name="Dupont", given_name="Marie")
                    uow.add(ConsentEvent, patient_id=p.id, purpose="team_sharing",
                            decision="granted", decided_on=dt.date(2026, 11, 1), method="oral",
                            recorded_at=dt.datetime(2026, 11, 1, 10))
                    return p.id
                pid = a.write(add)
                for ctx in (a, b, a, b):  # both up to date, sanity checks done
                    sync_service.sync_now(ctx)
                a.write(lambda uow: uow.update(uow.session.get(Patient, pid), {"city": "Dinant"}))
                stats = []
                for ctx in (a, b):
                    client = sync_service.client_for(ctx)
                    from desktop.sync.engine import SyncEngine

                    SyncEngine(ctx, client, sync_service.allowed_ids).run()
                    stats.append(client.stats)
                    client.close()
                assert b.read(lambda s: s.get(Patient, pid).city) == "Dinant"
            finally:
                a.lock()
                b.lock()
    total_requests = sum(s.requests for s in stats)
    total_bytes = sum(s.bytes_sent + s.bytes_received for s in stats)
    print("\n== one edit end to end (laptop A → server → laptop B) ==")
    for label, s in zip(("A (push, then its pull)", "B (pull)"), stats, strict=True):
        print(f"{label:24} requests {s.requests}  sent {s.bytes_sent} B  "
              f"received {s.bytes_received} B")
    print(f"total {total_requests} requests, {total_bytes} bytes of bodies on the wire "
          f"(target: one push and one pull, < 4 KB)")
    return {"requests": total_requests, "bytes": total_bytes, "errors": 0}


SECTIONS = {"initial_pull": bench_initial_pull, "one_edit": bench_one_edit}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--patients", type=int,
                        default=int(os.environ.get("RELAIS_BENCH_PATIENTS", "5000")),
                        help="team size for initial_pull")
