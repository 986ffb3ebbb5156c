"""No copy of the data key survives `lock()` (issue 13, item 5).

A child process unlocks a vault, writes and reads through it, then locks it; the parent reads the
child's memory through /proc/PID/mem and looks for the key as raw bytes and as hex (the
`PRAGMA key` text). Sanity: the same scan finds the key while the vault is unlocked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.context import AppContext
from tests import fastkdf
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/mem")

ROOT = Path(__file__).resolve().parents[2]


def _scan(pid: int, needles: dict[str, bytes]) -> set[str]:
    found: set[str] = set()
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            fields = line.split()
            start, end = (int(x, 16) for x in fields[0].split("-"))
            name = fields[5] if len(fields) > 5 else ""
            if not fields[1].startswith("r") or name in ("[vvar]", "[vsyscall]", "[vvar_vclock]"):
                continue
            try:
                mem.seek(start)
                chunk = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            for label, needle in needles.items():
                if label not in found and needle in chunk:
                    found.add(label)
    return found


def _needles(key_hex: str) -> dict[str, bytes]:
    raw = bytes.fromhex(key_hex)
    return {
        "raw key": raw,
        "hex (lower)": key_hex.lower().encode(),
        "hex (upper)": key_hex.upper().encode(),
    }


def _wait_for(proc: subprocess.Popen[str], word: str) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == word, (line, proc.stderr.read() if proc.stderr else "")


@pytest.mark.timeout(300)
@pytest.mark.parametrize("path", ["sqlite3_key", "pragma"])
def test_no_copy_of_the_key_survives_lock(ctx: AppContext, vault_dir: Path, path: str) -> None:
    key_hex = ctx.vault.raw_key_hex()
    ctx.lock()
    needles = _needles(key_hex)
    proc = subprocess.Popen(fastkdf.argv("tests.unit.keyscan_child", str(vault_dir),
                                         *(["--pragma"] if path == "pragma" else [])), cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stdin is not None
    try:
        proc.stdin.write(PASSPHRASE + "\n")
        proc.stdin.flush()
        _wait_for(proc, "unlocked")
        # sanity: the scan does see the key while the vault is open (SQLCipher holds it)
        assert "raw key" in _scan(proc.pid, needles)
        proc.stdin.write("lock\n")
        proc.stdin.flush()
        _wait_for(proc, "locked")
        left = _scan(proc.pid, needles)
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not left, f"copies of the data key left after lock: {sorted(left)}"


def test_scan_finds_a_planted_hex_string() -> None:
    """The scanner itself: a hex string held by a child process is found."""
    key_hex = "9f" * 3 + "0123456789abcdef" * 3 + "c0ffee"
    planted = key_hex
    child = subprocess.Popen([sys.executable, "-c",
                              "import sys; s=sys.stdin.readline().strip()*2; print('ready', flush=True);"
                              " sys.stdin.readline()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None
    try:
        child.stdin.write(planted + "\n")
        child.stdin.flush()
        _wait_for(child, "ready")
        assert "hex (lower)" in _scan(child.pid, {"hex (lower)": (planted * 2).encode()})
    finally:
        child.kill()
        child.wait()
