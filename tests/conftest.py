"""Shared fixtures: real SQLCipher vaults in tmp dirs, the CLI as a subprocess or in-process."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a 1366×768 laptop, the smallest screen served
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
        Path(__file__).parent / "ui" / "screen_1366x768.json")
os.environ.setdefault("RELAIS_LANG", "en")
# QSettings (UI language, window state) must not leak between tests or into the developer's own
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="relais-test-config-")

from tests import fastkdf

# Cheap Argon2 for the hundreds of test vaults and server users, switched on in-process before
# any vault is created; subprocesses get it through the launcher (fastkdf.argv).
fastkdf.enable()

from desktop.services.context import AppContext  # noqa: E402

PASSPHRASE = "correct horse battery"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def ctx(vault_dir: Path) -> Iterator[AppContext]:
    """An unlocked vault whose 'today' is fixed (TODAY), with a case manager name."""
    context, _ = AppContext.create(vault_dir, PASSPHRASE, user_name="Anne Lambert",
                                   today=lambda: TODAY)
    yield context
    context.lock()


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.out)


@pytest.fixture
def cli(vault_dir: Path):  # type: ignore[no-untyped-def]
    """Run `relais` as a subprocess against the test vault: cli("patient", "add", ...)."""

    def run(*args: str, env: dict[str, str] | None = None, vault: bool = True,
            input: str | None = None) -> CliResult:
        full_env = {**os.environ, "RELAIS_PASSPHRASE": PASSPHRASE, "RELAIS_LANG": "en", **(env or {})}
        argv = fastkdf.argv("desktop", *args)
        if vault:
            argv += ["--vault", str(vault_dir)]
        proc = subprocess.run(argv, env=full_env, capture_output=True, text=True, input=input,
                              timeout=120)
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def cli_inproc(vault_dir: Path):  # type: ignore[no-untyped-def]
    """`cli` without a process per call (tests/cli_inproc.py: the same parser and handlers), for
    tests that run many commands to check what they do; `cli` keeps checking the executable."""
    from tests.cli_inproc import run_cli

    def run(*args: str, env: dict[str, str | None] | None = None,
            vault: bool = True) -> CliResult:
        return run_cli(*args, vault=vault_dir if vault else None, env=env)

    return run


def snapshot_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
