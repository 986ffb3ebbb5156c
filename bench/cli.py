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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "bench passphrase"
NO_VAULT = [["--help"], ["patient", "--help"], ["instrument", "list"]]
WITH_VAULT = [["patient", "list"], ["vault", "unlock-check"]]


def _once(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: {out.stderr[-1000:]}")
    return elapsed


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

        def kdf_alone() -> float:
            env_doc = Envelope.load(folder / "vault.json")
            t0 = time.perf_counter()
            env_doc.open_slot("passphrase", PASSPHRASE.encode())
            return time.perf_counter() - t0

        env = {**os.environ, "RELAIS_PASSPHRASE": PASSPHRASE, "RELAIS_VAULT": str(folder),
               "RELAIS_LANG": "fr", "RELAIS_CACHE_DIR": str(Path(tmp) / "cache")}
        # an installed app has its modules compiled: the warm-up round writes the bytecode
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        no_vault = {**env, "RELAIS_VAULT": str(Path(tmp) / "no-vault-here")}
        relais = [sys.executable, "-m", "desktop"]
        jobs: list[tuple[str, list[str], dict[str, str]]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], env),
            *(("relais " + " ".join(cmd), [*relais, *cmd], no_vault) for cmd in NO_VAULT),
            *(("relais " + " ".join(cmd) + " (vault)", [*relais, *cmd], env)
              for cmd in [*WITH_VAULT, ["instrument", "list"]]),
        ]
        # one warm-up round, then rounds that run every command once and the KDF alone once:
        # a machine busy with other work slows the baseline and the commands alike
        for _label, cmd_argv, cmd_env in jobs:
            _once(cmd_argv, cmd_env)
        times: dict[str, list[float]] = {label: [] for label, _, _ in jobs}
        kdf: list[float] = []
        for _ in range(args.runs):
            kdf.append(kdf_alone())
            for label, cmd_argv, cmd_env in jobs:
                times[label].append(_once(cmd_argv, cmd_env))
        t_kdf = statistics.median(kdf)
        t_pass = statistics.median(times.pop("python -c pass"))
        rows: list[tuple[str, float, str, bool]] = []
        for label, samples in times.items():
            t = statistics.median(samples)
            if label.endswith("(vault)"):
                rows.append((label, t, f"≤ KDF + 0.3 = {t_kdf + 0.3:.2f} s", t <= t_kdf + 0.3))
            else:
                rows.append((label, t, "≤ 0.15 s", t <= 0.15))
    if args.json:
        print(json.dumps({"python_c_pass_s": t_pass, "kdf_s": t_kdf,
                          "commands": {r[0]: r[1] for r in rows}}, indent=2))
    else:
        print(f"{'python -c pass':44} {t_pass:6.2f} s  baseline")
        print(f"{'the vault KDF alone (Argon2id, in process)':44} {t_kdf:6.2f} s  baseline")
        for label, t, target, ok in rows:
            print(f"{label:44} {t:6.2f} s  {'PASS' if ok else 'FAIL'}  | {target}; "
                  f"{t - t_pass:+.2f} s over python -c pass")
    return 0 if all(r[3] for r in rows) else 1
