"""Run a typing loop in a child process and kill it with SIGKILL mid-way."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from tests import fastkdf

ROOT = Path(__file__).resolve().parents[2]


def type_then_kill(module: str, *args: str, saves: int, timeout: float = 60) -> int:
    """Run `python -m MODULE ARGS` (it prints the length of each autosaved text, then "done"),
    SIGKILL it after SAVES of them and return the last length it acknowledged."""
    proc = subprocess.Popen(fastkdf.argv(module, *args), cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    acknowledged = 0
    try:
        assert proc.stdout is not None
        for count, line in enumerate(proc.stdout, start=1):
            if line.strip() == "done":
                break
            acknowledged = int(line)
            if count >= saves:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=timeout)
    assert proc.returncode == -signal.SIGKILL
    assert acknowledged > 0
    return acknowledged
