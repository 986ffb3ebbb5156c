"""`python -m bench cli`: each `relais` command, a fresh process, beside `python -c pass` and
beside the vault's KDF alone (issue 16, item 5).

Targets: a command that needs no vault ≤ 0.15 s wall clock; a command that opens the vault
≤ the KDF + 0.3 s. After a warm-up round, `--runs` rounds each run every command and the KDF
alone once (a busy machine slows them alike); the median of each is shown.
`--vault DIR` keeps the built 5,000-patient vault for next runs (bench ui uses the same layout).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "bench passphrase"
NO_VAULT = [["--help"], ["patient", "--help"], ["instrument", "list"]]
WITH_VAULT = [["patient", "list"], ["vault", "unlock-check"]]
LAWTON_ITEMS = ("telephone", "shopping", "food_preparation", "housekeeping", "laundry", "transport",
                "medication", "finances")


def _once(argv: list[str], env: dict[str, str]) -> float:
    """Wall-clock seconds of one run; its CPU seconds (user + system) go to `_cpu`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: {out.stderr[-1000:]}")
    return elapsed


_cpu: list[float] = []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench cli")
    parser.add_argument("--patients", type=int, default=5000)
    parser.add_argument("--vault", type=Path, help="build the vault here once, reuse it after")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="relais-bench-cli-") as tmp:
        folder = args.vault or Path(tmp) / "vault"
        from bench.caseload import ensure_vault

        ensure_vault(folder, PASSPHRASE, args.patients)
        from desktop.storage.envelope import Envelope

        kdf_cpu: list[float] = []

        def kdf_alone() -> float:
            env_doc = Envelope.load(folder / "vault.json")
            t0, c0 = time.perf_counter(), time.process_time()
            env_doc.open_slot("passphrase", PASSPHRASE.encode())
            kdf_cpu.append(time.process_time() - c0)
            return time.perf_counter() - t0

        env = {**os.environ, "RELAIS_PASSPHRASE": PASSPHRASE, "RELAIS_VAULT": str(folder),
               "RELAIS_LANG": "fr", "RELAIS_CACHE_DIR": str(Path(tmp) / "cache")}
        # an installed app has its modules compiled: the warm-up round writes the bytecode
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        no_vault = {**env, "RELAIS_VAULT": str(Path(tmp) / "no-vault-here")}
        relais = [sys.executable, "-m", "desktop"]
        # `relais assess`: a Lawton IADL for the first patient listed (each run records one)
        listed = subprocess.run([*relais, "patient", "list", "--json"], env=env, capture_output=True,
                                text=True, timeout=300, check=True)
        answers = Path(tmp) / "answers.json"
        answers.write_text(json.dumps({item: 1 for item in LAWTON_ITEMS}), encoding="utf-8")
        assess = ["assess", "--patient", json.loads(listed.stdout)["patients"][0]["id"],
                  "--instrument", "lawton_iadl", "--answers", str(answers)]
        jobs: list[tuple[str, list[str], dict[str, str]]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], env),
            *(("relais " + " ".join(cmd), [*relais, *cmd], no_vault) for cmd in NO_VAULT),
            *(("relais " + " ".join(cmd[:1] + cmd[4:5] if cmd[0] == "assess" else cmd) + " (vault)",
               [*relais, *cmd], env)
              for cmd in [*WITH_VAULT, ["instrument", "list"], assess]),
        ]
        # one warm-up round, then rounds that run every command once and the KDF alone once:
        # a machine busy with other work slows the baseline and the commands alike
        for _label, cmd_argv, cmd_env in jobs:
            _once(cmd_argv, cmd_env)
        times: dict[str, list[float]] = {label: [] for label, _, _ in jobs}
        cpu: dict[str, list[float]] = {label: [] for label, _, _ in jobs}
        kdf: list[float] = []
        for _ in range(args.runs):
            kdf.append(kdf_alone())
            for label, cmd_argv, cmd_env in jobs:
                times[label].append(_once(cmd_argv, cmd_env))
                cpu[label].append(_cpu[-1])
        t_kdf = statistics.median(kdf)
        t_pass = statistics.median(times.pop("python -c pass"))
        cpu_pass = statistics.median(cpu.pop("python -c pass"))
        rows: list[tuple[str, float, float, str, bool]] = []
        for label, samples in times.items():
            t, c = statistics.median(samples), statistics.median(cpu[label])
            if label.endswith("(vault)"):
                rows.append((label, t, c, f"≤ KDF + 0.3 = {t_kdf + 0.3:.2f} s", t <= t_kdf + 0.3))
            else:
                rows.append((label, t, c, "≤ 0.15 s", t <= 0.15))
    t_kdf_cpu = statistics.median(kdf_cpu)
    if args.json:
        print(json.dumps({"python_c_pass_s": t_pass, "kdf_s": t_kdf, "python_c_pass_cpu_s": cpu_pass,
                          "kdf_cpu_s": t_kdf_cpu, "commands": {r[0]: r[1] for r in rows},
                          "commands_cpu": {r[0]: r[2] for r in rows}}, indent=2))
    else:
        # wall clock, and in brackets the CPU time (user + system, all threads): on a machine busy
        # with other work the CPU time is the steadier figure
        print(f"{'python -c pass':44} {t_pass:6.2f} s ({cpu_pass:.2f})  baseline")
        print(f"{'the vault KDF alone (Argon2id, in process)':44} {t_kdf:6.2f} s ({t_kdf_cpu:.2f})  "
              "baseline")
        for label, t, c, target, ok in rows:
            print(f"{label:44} {t:6.2f} s ({c:.2f})  {'PASS' if ok else 'FAIL'}  | {target}; "
                  f"{t - t_pass:+.2f} s over python -c pass")
    return 0 if all(r[4] for r in rows) else 1
