"""Child process for tests/unit/test_key_memory.py: unlock a vault, use it, lock it, and wait
between steps so the parent can scan this process's memory (/proc/PID/mem) for the data key.

Run through the test launcher: `python -m tests.fastkdf tests.unit.keyscan_child FOLDER
[--pragma]`, with
the passphrase on stdin (this process never sees the key except through the vault code).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path


def main() -> None:
    from desktop.services import patients
    from desktop.services.context import AppContext
    from desktop.storage import keying

    folder = Path(sys.argv[1])
    if "--pragma" in sys.argv:  # the fallback where the binding does not export sqlite3_key
        keying._lib = False
    passphrase = sys.stdin.readline().rstrip("\n")
    ctx = AppContext.open(folder, passphrase)
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Scan", given_name="Key"))
    assert patients.get_patient(ctx, pid).family_name == "Scan"
    print("unlocked", flush=True)
    sys.stdin.readline()
    ctx.lock()
    del ctx
    gc.collect()
    print("locked", flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main()
