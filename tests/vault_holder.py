"""Another process holding a vault's open lock (desktop/services/open_lock.py), as the app's
window does, for the tests of the lock and of the one-window rule."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# another process holding a vault's lock, as the app's window does, until its stdin closes
HOLDER = """
import pathlib, sys
from desktop.services.open_lock import hold
lock = hold(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
print("held" if lock is not None else "refused", flush=True)
sys.stdin.read()
"""


def holder(vault: Path, locks: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(vault), str(locks)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def let_go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)
