"""Device-side sections of `python -m bench sync` (registered in bench/sync.py SECTIONS):

- `initial_pull`: a team's records, pushed to a real uvicorn on loopback, pulled into an empty
  vault through the real engine, next to a raw bulk insert of the same rows into a vault in one
  transaction (the limit). `--shape team` (default): 5,000 patients with a consent event and two
  notes each; `--shape caseload`: 5,000 patients × 60 records of about 400 B (visits, notes,
  ties, assessments, care plan, goals, actions, consents; random ids), 300,000 records.
  `--patients N` scales either. Prints records/s, requests, bytes each way, the laptop's and the
  server's CPU-seconds and the ratio to the raw insert (target ≥ 0.5 and ≥ 12,000 records/s).
- `one_edit`: one field edited on one laptop, end to end to another: requests and bytes on the
  wire (target: one push and one pull, < 2 KB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert

PASSPHRASE = "bench-passphrase"


def _server(tmp: Path) -> Any:
    from bench.sync import LoopbackServer

    return LoopbackServer(tmp / "srv", f"sqlite:///{tmp / 'srv' / 'relais-server.db'}")


TEXT = ("Visite à domicile avec la fille de Madame. Elle se sent plus fatiguée depuis le "
        "retour de l'hôpital, mange peu, se lève difficilement le matin. Le passage infirmier "
        "du soir est bien en place; l'aide familiale demande un créneau de plus le jeudi. "
        "Prochaine concertation à prévoir avec le médecin traitant et le kiné. ")  # ~ 330 chars


def _team_records(pid: str, i: int, shape: str, new_id: Callable[[], str] | None = None
                  ) -> list[tuple[str, str, dict[str, Any]]]:
    """(table, kind, fields) of one patient, parents first. `team`: a patient, a consent event
    and two notes; `caseload`: 60 records with about 400 B of content each, like a followed
    patient (case, visits, notes, ties, assessments, care plan with goals and actions).
    `new_id` makes the records' ids (default random, as uuid4 from other tools)."""
    day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
    out: list[tuple[str, str, dict[str, Any]]] = [
        ("patient", "upsert", {
            "family_name": f"Famille{i}", "given_name": "Marie", "city": "Namur",
            "street": "Rue de Fer", "house_number": str(1 + i % 200), "postal_code": "5000",
            "gender": "female", "birth_date": "1938-04-12", "phones": ["+3281000000"],
            "languages": ["fr"], "mutualite": "Solidaris", "bim": i % 3 == 0, "maf": False,
            "chronic_status": True, "restricted": False, "team_id": None,
            "created_at": "2026-11-01T10:00:00"}),
        ("consent_event", "append", {
            "patient_id": pid, "purpose": "team_sharing", "decision": "granted",
            "decided_on": day, "recorded_at": f"{day}T10:00:00", "method": "oral",
            "recorded_by": "Bench", "notice_version": "2026-01",
            "note": TEXT[:200], "created_at": "2026-11-01T10:00:00"}),
    ]
    if shape != "caseload":
        for n in range(2):
            out.append(("note", "append", {
                "patient_id": pid, "text": "Visite à domicile. " * 8,
                "written_at": f"2026-11-0{n + 1}T09:00:00", "author": "Bench",
                "created_at": "2026-11-01T10:00:00"}))
        return out
    new_id = new_id or (lambda: str(uuid.uuid4()))
    case = new_id()
    out.append(("case_record", "upsert", {
        "id": case, "patient_id": pid, "status": "active", "requester_type": "hospital",
        "requester_name": "Service social CHR", "request_date": day, "opened_on": day,
        "request_reason": TEXT[:180], "clarified_request": TEXT[180:],
        "complexity_tier": "complex", "primary_case_manager": "Bench",
        "crisis_triggers": [], "created_at": "2026-11-01T10:00:00"}))
    contacts = [new_id() for _ in range(3)]
    for n, cid in enumerate(contacts):
        out.append(("contact", "upsert", {
            "id": cid, "owner_patient_id": pid, "kind": "family", "family_name": f"Proche{n}",
            "given_name": "Luc", "phones": ["+3281000001"], "city": "Namur",
            "street": "Rue de Bruxelles", "house_number": "12", "postal_code": "5000",
            "availability": "le soir après 18 h", "note": TEXT[:220],
            "created_at": "2026-11-01T10:00:00"}))
    for n, cid in enumerate(contacts):
        out.append(("relationship", "upsert", {
            "patient_id": pid, "contact_id": cid, "role": "fille", "strength": "strong",
            "quality": "supportive", "energy_flow": "both", "since": "2019-01-01",
            "note": TEXT[:260], "is_informal_carer": n == 0, "pos_x": 0.5, "pos_y": 0.25,
            "created_at": "2026-11-01T10:00:00"}))
    for n in range(19):
        out.append(("visit", "upsert", {
            "case_id": case, "patient_id": pid, "kind": "home_visit", "status": "done",
            "planned_start": f"{day}T{8 + n % 9:02d}:00:00",
            "planned_end": f"{day}T{9 + n % 9:02d}:00:00",
            "actual_start": f"{day}T{8 + n % 9:02d}:05:00", "place": "domicile",
            "participants": ["Bench"], "notes": TEXT[: 250 + n],
            "created_at": "2026-11-01T10:00:00"}))
    for n in range(19):
        out.append(("note", "append", {
            "patient_id": pid, "case_id": case, "text": TEXT[: 320 + n],
            "written_at": f"{day}T{8 + n % 9:02d}:30:00", "author": "Bench",
            "created_at": "2026-11-01T10:00:00"}))
    for n in range(3):
        out.append(("assessment_response", "upsert", {
            "patient_id": pid, "case_id": case, "instrument_id": "bel_rai_screener",
            "instrument_version": "1", "options": {},
            "answers": {f"q{k}": k % 4 for k in range(12)},
            "scores": {"total": 17 + n, "band": "high"}, "decision": {"tier": "complex"},
            "status": "completed", "assessed_on": day, "completed_at": f"{day}T11:00:00",
            "assessor": "Bench", "created_at": "2026-11-01T10:00:00"}))
    plan = new_id()
    out.append(("care_plan", "upsert", {
        "id": plan, "patient_id": pid, "case_id": case, "version": 1, "status": "agreed",
        "life_project": TEXT[:120], "what_matters": TEXT[120:240], "expectations": TEXT[:80],
        "review_date": day, "agreed_on": day, "agreed_with": "la patiente et sa fille",
        "created_at": "2026-11-01T10:00:00"}))
    for g in range(3):
        goal = new_id()
        out.append(("goal", "upsert", {
            "id": goal, "plan_id": plan, "patient_id": pid, "text": TEXT[: 300 + g],
            "domain": "daily_living", "needs": ["hygiène", "repas"], "target_date": day,
            "status": "active", "position": g, "created_at": "2026-11-01T10:00:00"}))
        for a in range(2):
            out.append(("plan_action", "upsert", {
                "goal_id": goal, "plan_id": plan, "patient_id": pid, "what": TEXT[: 280 + a],
                "responsible_kind": "contact", "responsible_contact_id": contacts[a],
                "schedule": {"days": ["mon", "thu"], "text": "le matin"},
                "start_date": day, "status": "planned", "position": a,
                "created_at": "2026-11-01T10:00:00"}))
    return out  # 1 + 1 + 1 + 3 + 3 + 19 + 19 + 3 + 1 + 3 + 6 = 60


def _seed_team(url: str, patients: int, shape: str = "team") -> int:
    """The team's records, pushed as a device would (up to 500 ops per request)."""
    import httpx

    from bench.sync import HEADERS

    records = 0
    with httpx.Client(base_url=url, headers=HEADERS, timeout=600) as http:
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
                bad = [x for x in res.json()["results"] if x["status"] == "rejected"]
                if bad:
                    raise RuntimeError(f"seeding refused: {bad[0]['reason']}")
                ops.clear()
        for i in range(patients):
            pid = str(uuid.uuid4())
            batch = _team_records(pid, i, shape)
            if len(ops) + len(batch) > 500:
                flush()
            for table, kind, fields in batch:
                rid = pid if table == "patient" else fields.pop("id", None) or str(uuid.uuid4())
                ops.append({"op_id": str(uuid.uuid4()), "table": table, "record_id": rid,
                            "patient_id": pid, "kind": kind, "hlc": hlc, "fields": fields})
            records += len(batch)
        flush()
    return records


def _cpu_seconds(session_leader: int) -> float:
    """User + system CPU of every live process of a session (the server and its workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_leader:  # field 6 of stat: the session id
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def _vault(folder: Path) -> Any:
    from desktop.services.context import AppContext

    ctx, _ = AppContext.create(folder, PASSPHRASE, user_name="Bench")
    return ctx


def bench_initial_pull(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.services import sync as sync_service
    from desktop.storage.models import SYNCED_MODELS, Base
    from desktop.storage.wire import fields_from_wire
    from desktop.sync.client import SyncClient

    shape = getattr(args, "shape", "team")
    with tempfile.TemporaryDirectory(prefix="relais-bench-pull-") as name:
        tmp = Path(name)
        server = _server(tmp)
        from server import admin

        admin.bootstrap_demo(server.settings)
        with server:
            t0 = time.perf_counter()
            records = _seed_team(server.url, args.patients, shape)
            print(f"\n== initial pull of a {args.patients}-patient team, shape {shape} "
                  f"({records:,} records) ==")
            print(f"seeded the server in {time.perf_counter() - t0:.1f} s")
            # the real thing: an empty vault, enrolled, one sync
            ctx = _vault(tmp / "pull-vault")
            try:
                sync_service.enroll(ctx, server.url, "demo", "demo-password")
                client = sync_service.client_for(ctx)
                from desktop.sync.engine import SyncEngine

                server_pid = server.process.proc.pid
                cpu0, srv0 = time.process_time(), _cpu_seconds(server_pid)
                t0 = time.perf_counter()
                report = SyncEngine(ctx, client).run()
                sync_s = time.perf_counter() - t0
                laptop_cpu = time.process_time() - cpu0
                server_cpu = _cpu_seconds(server_pid) - srv0
                wire = client.stats
                token = client.token
                client.close()
            finally:
                ctx.lock()
            # the same rows, fetched first, then bulk-inserted into a vault (the limit)
            with SyncClient(server.url, token=token) as raw_client:
                changes = []
                cursor, more = 0, True
                while more:
                    page = raw_client.pull(cursor, 1000)
                    changes.extend(page.changes)
                    cursor, more = page.next_cursor, page.has_more
            ctx = _vault(tmp / "raw-vault")
            try:
                rows: dict[str, dict[str, dict[str, Any]]] = {}
                for c in changes:
                    if c.kind != "upsert":
                        continue
                    model = SYNCED_MODELS[c.table]
                    tbl = model.__table__
                    values = fields_from_wire(model, c.fields, frozenset(tbl.columns.keys()))
                    values.update(id=c.record_id, created_at=dt.datetime(2026, 11, 1),
                                  updated_hlc=c.hlc or "", server_version=c.record_version,
                                  deleted=False)
                    for col in tbl.columns:
                        if col.key not in values and col.default is not None:
                            arg = col.default.arg
                            values[col.key] = arg(None) if callable(arg) else arg
                    rows.setdefault(c.table, {})[c.record_id] = values  # a record once
                t0 = time.perf_counter()

                def bulk(uow: Any) -> None:
                    for tbl in Base.metadata.sorted_tables:  # parents first
                        if tbl.name in rows:
                            uow.session.execute(insert(tbl), list(rows[tbl.name].values()))
                ctx.write(bulk)
                raw_s = time.perf_counter() - t0
            finally:
                ctx.lock()
    sync_rate, raw_rate = report.pulled / sync_s, records / raw_s
    ratio = sync_rate / raw_rate
    print(f"sync (pull + apply + field meta + search index + cursor, real HTTP): "
          f"{report.pulled:,} records in {sync_s:.2f} s = {sync_rate:,.0f} records/s")
    print(f"  {wire.requests} requests, sent {wire.bytes_sent:,} B, received "
          f"{wire.bytes_received:,} B; CPU laptop {laptop_cpu:.1f} s, server {server_cpu:.1f} s")
    print(f"raw bulk insert into a vault, one transaction (the limit): {records:,} records in "
          f"{raw_s:.2f} s = {raw_rate:,.0f} records/s")
    target = 0.5
    print(f"ratio {ratio:.2f} (target ≥ {target}, and ≥ 12,000 records/s) "
          f"{'OK' if ratio >= target and sync_rate >= 12_000 else 'BELOW TARGET'}")
    return {"records": records, "sync_per_s": round(sync_rate), "raw_per_s": round(raw_rate),
            "ratio": round(ratio, 3), "requests": wire.requests, "bytes_sent": wire.bytes_sent,
            "bytes_received": wire.bytes_received, "laptop_cpu_s": round(laptop_cpu, 2),
            "server_cpu_s": round(server_cpu, 2),
            "errors": 0 if report.pulled >= records else 1}


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

                    SyncEngine(ctx, client).run()
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
          f"(target: one push and one pull, < 2 KB)")
    return {"requests": total_requests, "bytes": total_bytes, "errors": 0}


SECTIONS = {"initial_pull": bench_initial_pull, "one_edit": bench_one_edit}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--patients", type=int,
                        default=int(os.environ.get("RELAIS_BENCH_PATIENTS", "5000")),
                        help="team size for initial_pull")
    parser.add_argument("--shape", choices=("team", "caseload"), default="team",
                        help="initial_pull records per patient: team = 4 (a patient, a consent, "
                             "two notes); caseload = 60 of about 400 B (visits, notes, ties, "
                             "assessments, care plan, goals, actions)")
