"""Test-only launcher: `python -m tests.fastkdf MODULE [ARGS...]` runs `python -m MODULE ARGS...`
with cheap Argon2 parameters for new vault slots and server password hashes.

The cheap parameters are switched on in-process (there is no environment switch a user could
set); every test that starts `relais` or `relais-server` as a subprocess goes through here.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def enable() -> None:
    from desktop.storage import envelope
    from server import security

    envelope.use_insecure_test_kdf()
    security.use_insecure_test_hashes()


def argv(module: str, *args: str) -> list[str]:
    """The command line that runs `python -m module args…` through this launcher, from any
    working directory (the file is run as a script; main() puts the repository on sys.path)."""
    return [sys.executable, str(Path(__file__).resolve()), module, *args]


def main() -> None:
    # run as a script, sys.path[0] is tests/ (whose server/ folder would shadow the server
    # package); run with -m, it is the working directory: the repository root either way
    if not __package__:
        sys.path[0] = str(ROOT)
    elif str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if len(sys.argv) < 2:
        sys.exit("usage: python -m tests.fastkdf MODULE [ARGS...]")
    module = sys.argv[1]
    enable()
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
