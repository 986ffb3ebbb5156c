"""`python -m bench NAME`: performance targets measured against a baseline in the same run."""

from __future__ import annotations

import sys
from importlib import import_module

BENCHES = {
    "vault": "bench.vault",
    "caseload": "bench.caseload",
    "documents": "bench.documents",
    "sync": "bench.sync",
    "ui": "bench.ui",
    "cli": "bench.cli",
    # one line per benchmark: "name": "bench.module" (the module defines main(argv) -> int)
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in BENCHES:
        print("usage: python -m bench {" + "|".join(BENCHES) + "} [options]")
        return 2
    return int(import_module(BENCHES[sys.argv[1]]).main(sys.argv[2:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
