"""`python -m bench sync`: sync performance against a real uvicorn server on loopback.

Sections (run all, or one with `--only NAME`):
- `devices` (server side, bench/sync_load.py): N devices (default 500) push and pull against
  PostgreSQL with `relais-server serve --workers 2`, paced (each device every few seconds,
  `--offered` ops/s in all: what an organisation sees) and in a burst (all at once, back to
  back: a stress measure); `--mode` picks one. Targets: 0 errors, push p95 < 200 ms,
  ≥ 2,000 ops/s.
- `store` (server side): push throughput into an empty server, then again once the store holds
  `--store-records` records (default 300,000, caseload-shaped: 60 records of about 400 B per
  patient), and the database's size next to the records' JSON (targets: ≥ 90 % of the empty
  server's throughput, ≤ 2× the JSON). `--store-backend sqlite|postgres`.
- further sections (initial pull vs raw bulk insert, one edit on the wire) register themselves
  in SECTIONS below.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bench import sync_device, sync_load
from desktop.storage.envelope import use_insecure_test_kdf
from desktop.sync.protocol import PROTOCOL_VERSION, SCHEMA_VERSION
from server.security import use_insecure_test_hashes

HEADERS = {"Relais-Protocol": str(PROTOCOL_VERSION), "Relais-Schema": str(SCHEMA_VERSION)}
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


# ---- a server on loopback ---------------------------------------------------------------------
class LoopbackServer:
    """`relais-server serve` in a subprocess, on a fresh database (dropped afterwards)."""

    def __init__(self, data_dir: Path, database_url: str, workers: int = 1) -> None:
        from server.config import ServerSettings
        from tests.server.server_process import ServerProcess  # test helper, reused here

        self.settings = ServerSettings(data_dir=data_dir, database_url=database_url)
        self.settings.save()
        self.process = ServerProcess(data_dir, workers=workers)

    @property
    def url(self) -> str:
        return self.process.url

    def __enter__(self) -> LoopbackServer:
        from server.db import Database

        Database(self.settings).dispose()  # migrate before the server starts
        self.process.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.stop()


class FreshPostgres:
    """CREATE DATABASE on enter, DROP on exit."""

    def __init__(self, url: str) -> None:
        self.base = make_url(url).set(drivername="postgresql+psycopg")
        self.name = f"relais_bench_{os.getpid()}_{uuid.uuid4().hex[:8]}"

    def _sql(self, statement: str) -> None:
        engine = create_engine(self.base, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(statement))
        finally:
            engine.dispose()

    def __enter__(self) -> str:
        self._sql(f'CREATE DATABASE "{self.name}"')
        return self.base.set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc: object) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def enrol_devices(settings: Any, team: str, count: int,
                  team_size: int | None = None) -> list[tuple[str, str]]:
    """Users and devices straight into the database: (device_id, token). Enrolment by password
    costs one Argon2id each and is not what this measures. `team_size`: devices per team (one
    user per team, teams named `team 1`, `team 2`…); None: every device in `team`."""
    from server import admin
    from server.db import Database
    from server.models import Device, User
    from server.security import new_token, token_hash

    admin.create_organisation(settings, "Relais bench")
    size = team_size or count
    teams = [team] if team_size is None else [
        f"{team} {n + 1}" for n in range((count + size - 1) // size)]
    for n, name in enumerate(teams):
        admin.create_team(settings, name)
        admin.create_user(settings, f"bench{n}", "bench-password", f"Bench {n}")
        admin.add_member(settings, f"bench{n}", name)
    db = Database(settings, run_migrations=False)
    out = []
    try:
        with db.session() as s:
            users = [s.query(User).filter_by(username=f"bench{n}").one()
                     for n in range(len(teams))]
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            for i in range(count):
                token = new_token()
                device = Device(id=str(uuid.uuid4()), user_id=users[i // size].id,
                                name=f"bench-{i}", token_hash=token_hash(token), created_at=now,
                                expires_at=now + dt.timedelta(days=1), cursor=0)
                s.add(device)
                out.append((device.id, token))
    finally:
        db.dispose()
    return out


class _PgBackends:
    """CPU-seconds of the PostgreSQL backends serving one database (this bench's own; other
    databases' work on a shared machine is not counted). A backend that exits is counted up to
    its last sample, so sample again just before the server stops."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"),
                                    poolclass=NullPool)
        self.seen: dict[int, float] = {}

    def cpu(self) -> float:
        with self.engine.connect() as conn:
            pids = [int(p) for (p,) in conn.execute(text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid()"))]
        tick = os.sysconf("SC_CLK_TCK")
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # another host's PostgreSQL, or gone
            self.seen[pid] = (int(fields[11]) + int(fields[12])) / tick
        return sum(self.seen.values())


# ---- section: a store that grows -------------------------------------------------------------
def _caseload_ops(device: str, patients: int, first: int,
                  ids: str = "random") -> list[list[dict[str, Any]]]:
    """Push batches (≤ 500 ops) of caseload-shaped patients (60 records of about 400 B). Record
    ids random (`ids="random"`: as from other tools, the worst case for the key index) or
    UUIDv7 (`"v7"`: time-ordered, as a laptop makes them); op ids are UUIDv7, as every laptop's
    outbox makes them."""
    from bench.sync_device import _team_records
    from desktop.domain.ids import uuid7

    def new_id() -> str:
        return uuid7() if ids == "v7" else str(uuid.uuid4())

    hlc = f"{int(time.time() * 1000):013d}-00000-{device[:8]}"
    batches: list[list[dict[str, Any]]] = [[]]
    for i in range(first, first + patients):
        pid = new_id()
        records = _team_records(pid, i, "caseload", new_id)
        if len(batches[-1]) + len(records) > 500:
            batches.append([])
        for table, kind, fields in records:
            rid = pid if table == "patient" else fields.pop("id", None) or new_id()
            batches[-1].append({"op_id": uuid7(), "table": table, "record_id": rid,
                                "patient_id": pid, "kind": kind, "hlc": hlc, "fields": fields})
    return [b for b in batches if b]


def _store_size(settings: Any) -> tuple[int, int]:
    """(bytes the database takes, bytes of the records' fields as compact JSON)."""
    import json

    from server.db import Database, is_sqlite

    db = Database(settings, run_migrations=False)
    try:
        with db.engine.connect() as conn:
            if is_sqlite(settings.database_url):
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                size = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0) * int(
                    conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
                free = int(conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0) * int(
                    conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
                size -= free
            else:
                size = int(conn.exec_driver_sql(
                    "SELECT pg_database_size(current_database())").scalar() or 0)
            json_bytes = 0
            for (fields,) in conn.execute(text("SELECT fields FROM record")).yield_per(5000):
                value = json.loads(fields) if isinstance(fields, str) else fields
                json_bytes += len(json.dumps(value, ensure_ascii=False,
                                             separators=(",", ":")).encode())
    finally:
        db.dispose()
    return size, json_bytes


def bench_store(args: argparse.Namespace) -> dict[str, Any]:
    """Push throughput into an empty server and into one holding `--store-records` records;
    the database's size next to the records' JSON."""
    from contextlib import ExitStack

    from desktop.sync.protocol import PushRequest
    from server.auth import authenticate
    from server.db import Database
    from server.push import push

    probe_patients = 100  # 6,000 ops, 12 pushes of ~500
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="relais-bench-")))
        url = (stack.enter_context(FreshPostgres(args.postgres))
               if args.store_backend == "postgres" else f"sqlite:///{tmp / 'srv' / 'store.db'}")
        server = LoopbackServer(tmp / "srv", url, workers=1)
        (device, token), = enrol_devices(server.settings, "Équipe bench", 1)
        headers = {**HEADERS, "Authorization": f"Bearer {token}"}
        stack.enter_context(server)
        http = stack.enter_context(httpx.Client(base_url=server.url, headers=headers,
                                                timeout=600))
        made = [0]

        def measure(patients: int = probe_patients) -> float:
            batches = _caseload_ops(device, patients, made[0], args.store_ids)
            made[0] += patients
            ops = sum(len(b) for b in batches)
            started = time.perf_counter()
            for batch in batches:
                r = http.post("/v1/sync/push", json={"device_id": device, "ops": batch})
                r.raise_for_status()
            return ops / (time.perf_counter() - started)

        def probes() -> list[float]:
            """`--store-probes` measures: one alone swung by a third with the machine's load."""
            return [measure() for _ in range(args.store_probes)]

        measure(10)  # warm-up, not counted: the server's first requests, plans and caches
        empty_runs = probes()
        empty = statistics.median(empty_runs)
        # fill the store in-process (the same code path, without HTTP)
        db = Database(server.settings, run_migrations=False)
        started = time.perf_counter()
        try:
            with db.session() as session:
                caller = authenticate(session, f"Bearer {token}")
            stored = made[0] * 60  # the warm-up and the empty probes included
            while stored < args.store_records:
                n = min(500, max(1, (args.store_records - stored) // 60))
                for batch in _caseload_ops(device, n, made[0], args.store_ids):
                    with db.session() as session:
                        push(session, caller, PushRequest.model_validate(
                            {"device_id": device, "ops": batch}))
                    stored += len(batch)
                made[0] += n
        finally:
            db.dispose()
        fill_s = time.perf_counter() - started
        stored = made[0] * 60  # when the full probes start
        full_runs = probes()
        full = statistics.median(full_runs)
        size, json_bytes = _store_size(server.settings)
    ratio = full / empty
    print(f"\n== a store that grows ({args.store_backend}, caseload-shaped records, "
          f"{args.store_ids} record ids) ==")
    def runs(values: list[float]) -> str:
        return ", ".join(f"{v:,.0f}" for v in values)

    print(f"push into an empty server: {empty:,.0f} ops/s (median of {runs(empty_runs)}); "
          f"with {stored:,} records stored: {full:,.0f} ops/s (median of {runs(full_runs)}) "
          f"= {ratio:.0%} (target ≥ 90 %) (filled in {fill_s:.0f} s, load average "
          f"{os.getloadavg()[0]:.1f})")
    print(f"database {size / 1e6:,.1f} MB for {json_bytes / 1e6:,.1f} MB of records' JSON = "
          f"{size / json_bytes:.2f}× (target ≤ 2×)")
    return {"empty_ops_per_s": round(empty), "full_ops_per_s": round(full),
            "ratio": round(ratio, 3), "records": stored, "db_bytes": size,
            "json_bytes": json_bytes, "errors": 0}


SECTIONS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "devices": sync_load.bench_devices,
    "store": bench_store,
}
SECTIONS.update(sync_device.SECTIONS)  # initial pull, one edit (device side)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench sync")
    parser.add_argument("--only", choices=sorted(SECTIONS), help="run one section")
    parser.add_argument("--postgres", default=os.environ.get("RELAIS_BENCH_POSTGRES_URL")
                        or os.environ.get("RELAIS_TEST_POSTGRES_URL") or DEFAULT_PG)
    parser.add_argument("--devices", type=int, default=500)
    parser.add_argument("--team-size", type=int, default=10, help="devices per team (devices)")
    parser.add_argument("--store-records", type=int, default=300_000,
                        help="records in the store for the second measure (store)")
    parser.add_argument("--store-backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--store-ids", choices=("random", "v7"), default="random",
                        help="record ids: random (the worst case) or UUIDv7 as laptops make "
                        "them (store)")
    parser.add_argument("--store-probes", type=int, default=3,
                        help="push measures of 6,000 ops each, empty and full (store)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--ops", type=int, default=20, help="ops per push")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    sync_device.add_arguments(parser)
    sync_load.add_arguments(parser)
    args = parser.parse_args(argv)
    use_insecure_test_kdf()  # throwaway bench vaults and users, not real passwords
    use_insecure_test_hashes()
    failed = 0
    for name, section in SECTIONS.items():
        if args.only and name != args.only:
            continue
        report = section(args)
        failed += int(report.get("errors", 0) > 0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
