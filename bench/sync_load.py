"""The `devices` section of `python -m bench sync`: N devices (default 500, `--team-size` 10 per
team, one user per team) against PostgreSQL with `relais-server serve --workers 2`. Each device
pushes batches of `--ops` ops (a new patient, its consent, notes, edits of its earlier patients)
as the laptop does (compact answers, its cursor sent) and pulls only when the push answer gives
no cursor. Two measures, each on a fresh database:

- paced (what an organisation sees): every device pushes a batch every T seconds from a random
  phase, T set so that the devices together offer `--offered` ops/s (default 2,000: each device
  every 5 s), `--rounds` batches each. Open loop: a push's latency counts from the moment it was
  due, so a device held up by its previous push does not hide the wait (coordinated omission).
  Targets: 0 errors, push p95 < 200 ms, ≥ 2,000 ops/s achieved.
- burst (a stress measure): all devices released at once by a barrier, each pushing its
  batches back to back (a closed loop). Latency there is about devices / pushes per second
  (Little's law): it shows the server's throughput under a pile-up, not what a user waits.

Prints p50/p95/max latency per request kind, ops/s, CPU-seconds per op pushed (client, server,
PostgreSQL) and the error count.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from bench import sync_device
from desktop.domain.ids import uuid7

PUSH_P95_TARGET_MS = 200
OPS_TARGET = 2_000


def _hlc(device: str, n: int) -> str:
    return f"{int(time.time() * 1000):013d}-{n % 100000:05d}-{device[:8]}"


def _device_ops(device: str, round_no: int, per_round: int, state: dict[str, Any]) -> list[Any]:
    """A realistic batch: a new patient with consent, notes, and edits of earlier patients;
    ids and op ids UUIDv7, as a laptop makes them."""
    pid = uuid7()
    ops: list[dict[str, Any]] = [
        {"op_id": uuid7(), "table": "patient", "record_id": pid, "kind": "upsert",
         "fields": {"family_name": f"Bench{round_no}", "given_name": "Marie", "team_id": None,
                    "city": "Namur", "phones": ["+3281000000"], "languages": ["fr"]},
         "hlc": _hlc(device, 0)},
        {"op_id": uuid7(), "table": "consent_event", "record_id": uuid7(),
         "patient_id": pid, "kind": "append",
         "fields": {"patient_id": pid, "purpose": "team_sharing", "decision": "granted",
                    "decided_on": "2026-11-01", "recorded_at": "2026-11-01T10:00:00",
                    "method": "oral"}, "hlc": _hlc(device, 1)},
    ]
    earlier = list(state.get("versions", {}).items())[-3:]  # edit my last patients again
    for n in range(per_round - 2 - len(earlier)):
        ops.append({"op_id": uuid7(), "table": "note", "record_id": uuid7(),
                    "patient_id": pid, "kind": "append",
                    "fields": {"patient_id": pid, "text": "Visite à domicile. " * 10},
                    "hlc": _hlc(device, n + 2)})
    for n, (old, version) in enumerate(earlier):
        ops.append({"op_id": uuid7(), "table": "patient", "record_id": old,
                    "kind": "upsert", "fields": {"city": f"Dinant {round_no}"},
                    "base_versions": {"city": version}, "hlc": _hlc(device, 50 + n)})
    return ops


class Tally:
    """Latencies and errors of one measure, from every device thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {"push": [], "pull": []}
        self.errors: list[str] = []

    def took(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def _sync_device(url: str, device_id: str, token: str, args: argparse.Namespace,
                 tally: Tally, start: Callable[[], None],
                 due: Callable[[int], float | None]) -> None:
    """One laptop: `start()` once connected, then for each round, at `due(round)` (None: at
    once), a push and, when its answer gives no cursor, pulls until there is no more. A push's
    latency counts from when it was due (or sent, when it has no due time)."""
    from bench.sync import HEADERS

    state: dict[str, Any] = {"versions": {}}
    headers = {**HEADERS, "Authorization": f"Bearer {token}",
               "Content-Type": "application/json"}
    cursor = 0
    with httpx.Client(base_url=url, headers=headers, timeout=120) as http:
        start()
        for round_no in range(args.rounds):
            ops = _device_ops(device_id, round_no, args.ops, state)
            body = json.dumps({"device_id": device_id, "ops": ops, "cursor": cursor or None,
                               "compact": True, "pull": 500}, ensure_ascii=False).encode()
            when = due(round_no)
            if when is not None:
                time.sleep(max(0.0, when - time.perf_counter()))
            started = time.perf_counter() if when is None else when
            try:
                r = http.post("/v1/sync/push", content=body)
                took = time.perf_counter() - started
                if r.status_code != 200:
                    raise RuntimeError(f"push {r.status_code}")
                answer = r.json()
                results = answer["results"]
                bad = [x for x in results if x["status"] == "rejected"]
                if bad:
                    raise RuntimeError(f"rejected {bad[0]['reason']}")
                for one, res in zip(ops, results, strict=True):
                    if one["table"] == "patient":  # compact: the record's version unless named
                        state["versions"][one["record_id"]] = res.get(
                            "field_versions", {}).get("city", res["record_version"])
                tally.took("push", took)
                if answer.get("cursor") is not None:
                    cursor = answer["cursor"]  # nothing else to pull
                    continue
                page = answer.get("page")
                if page is not None:  # the pull that would follow, in the answer
                    cursor = page["next_cursor"]
                    if not page["has_more"]:
                        continue
            except (httpx.HTTPError, RuntimeError, ValueError, KeyError) as exc:
                tally.error(f"push: {exc}")
            while True:
                started = time.perf_counter()
                try:
                    r = http.get("/v1/sync/pull",
                                 params={"cursor": cursor, "limit": 500, "compact": 1})
                    took = time.perf_counter() - started
                    if r.status_code != 200:
                        raise RuntimeError(f"pull {r.status_code}")
                    page = r.json()
                except (httpx.HTTPError, RuntimeError, ValueError) as exc:
                    tally.error(f"pull: {exc}")
                    break
                tally.took("pull", took)
                cursor = page["next_cursor"]
                if not page["has_more"]:
                    break


def _measure(args: argparse.Namespace, mode: str) -> dict[str, Any]:
    from bench.sync import FreshPostgres, LoopbackServer, _PgBackends, enrol_devices

    tally = Tally()
    period = args.devices * args.ops / args.offered  # seconds between a device's pushes
    with FreshPostgres(args.postgres) as db_url, \
            tempfile.TemporaryDirectory(prefix="relais-bench-") as tmp:
        server = LoopbackServer(Path(tmp) / "srv", db_url, workers=args.workers)
        devices = enrol_devices(server.settings, "Équipe bench", args.devices,
                                team_size=args.team_size)
        with server:
            pg = _PgBackends(db_url)
            ready = threading.Barrier(len(devices) + 1)
            go = threading.Event()
            t0 = [0.0]
            phases = [random.random() * period for _ in devices]

            def start() -> None:
                ready.wait()
                go.wait()

            def make_due(n: int) -> Callable[[int], float | None]:
                if mode == "burst":
                    return lambda _round: None
                return lambda round_no: t0[0] + phases[n] + round_no * period

            threads = [threading.Thread(target=_sync_device, args=(
                server.url, device_id, token, args, tally, start, make_due(n)))
                for n, (device_id, token) in enumerate(devices)]
            for t in threads:
                t.start()
            ready.wait()  # every device connected and its first batch about to be built
            assert server.process.proc is not None
            server_pid = server.process.proc.pid
            cpu0, srv0, pg0 = time.process_time(), sync_device._cpu_seconds(server_pid), pg.cpu()
            load0 = os.getloadavg()[0]
            t0[0] = started = time.perf_counter()
            go.set()
            for t in threads:
                t.join()
            wall = time.perf_counter() - started
            cpu = {"client": time.process_time() - cpu0,
                   "server": sync_device._cpu_seconds(server_pid) - srv0,
                   "postgres": pg.cpu() - pg0}
            load1 = os.getloadavg()[0]
    return {"tally": tally, "wall": wall, "cpu": cpu, "period": period,
            "load": (load0, load1)}


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def _report(args: argparse.Namespace, mode: str, m: dict[str, Any]) -> dict[str, Any]:
    tally, wall, cpu = m["tally"], m["wall"], m["cpu"]
    total_ops = len(tally.latencies["push"]) * args.ops
    if mode == "paced":
        title = (f"paced: each device pushes every {m['period']:.1f} s from a random phase, "
                 f"{args.offered:,} ops/s offered; latency from when the push was due")
    else:
        title = ("burst (stress): all devices released at once, pushes back to back; "
                 "latency ≈ devices / pushes per second, not what a user waits")
    print(f"\n== {args.devices} devices ({args.team_size} per team) against PostgreSQL, "
          f"{args.rounds} rounds of {args.ops} ops, {args.workers} server processes; "
          f"load average {m['load'][0]:.1f} → {m['load'][1]:.1f} on {os.cpu_count()} cores ==")
    print(title)
    report: dict[str, Any] = {"mode": mode, "devices": args.devices, "rounds": args.rounds,
                              "ops_per_push": args.ops, "wall_s": round(wall, 2),
                              "errors": len(tally.errors), "load": m["load"]}
    for kind, values in tally.latencies.items():
        p50, p95, top = _pct(values, 0.50), _pct(values, 0.95), max(values, default=0.0)
        report[kind] = {"requests": len(values), "p50_ms": round(p50 * 1000, 1),
                        "p95_ms": round(p95 * 1000, 1), "max_ms": round(top * 1000, 1),
                        "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else 0}
        print(f"{kind:5} requests {len(values):5}  p50 {p50 * 1000:8.1f} ms  "
              f"p95 {p95 * 1000:8.1f} ms  max {top * 1000:8.1f} ms")
    rate = total_ops / wall  # paced: the schedule spans rounds × period, plus the last answers
    report["ops_per_s"] = round(rate)
    if mode == "paced":
        report["offered_ops_per_s"] = args.offered
    per_op = {k: v / max(1, total_ops) * 1000 for k, v in cpu.items()}
    report["cpu_ms_per_op"] = {k: round(v, 3) for k, v in per_op.items()}
    print("CPU per op pushed (ms): " + ", ".join(f"{k} {v:.2f}" for k, v in per_op.items())
          + f", total {sum(per_op.values()):.2f}; CPU-seconds used {sum(cpu.values()):.1f} of "
          f"{wall * (os.cpu_count() or 1):.1f} the cores had")
    p95 = report["push"]["p95_ms"]
    ok = not tally.errors and p95 < PUSH_P95_TARGET_MS and rate >= OPS_TARGET
    offered = f" of {args.offered:,} offered" if mode == "paced" else ""
    print(f"ops pushed {total_ops} in {wall:.1f} s: {rate:,.0f} ops/s{offered} (target "
          f"≥ {OPS_TARGET:,}); push p95 {p95:.0f} ms (target < {PUSH_P95_TARGET_MS}); errors "
          f"{len(tally.errors)} (target 0) — {'OK' if ok else 'BELOW TARGET'}"
          + ("" if mode == "paced" else " [stress measure]"))
    for e in tally.errors[:5]:
        print("  error:", e)
    return report


def bench_devices(args: argparse.Namespace) -> dict[str, Any]:
    modes = ("paced", "burst") if args.mode == "both" else (args.mode,)
    reports = {mode: _report(args, mode, _measure(args, mode)) for mode in modes}
    return {**reports, "errors": sum(r["errors"] for r in reports.values())}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mode", choices=("both", "paced", "burst"), default="both",
                        help="devices: paced (each device every T s, --offered ops/s in all), "
                             "burst (all at once, back to back: a stress measure), or both")
    parser.add_argument("--offered", type=float, default=OPS_TARGET,
                        help="devices, paced: ops/s the devices offer together")
