"""Replay a run of the sync state machine (tests/property/test_sync_machine.py) exactly.

    python -m tools.replay_sync_machine --seed N [--examples K] [--steps S]
    python -m tools.replay_sync_machine --seed N --examples K --steps S --blob B \
        --hypothesis-version V

A failing `make test` or `make soak` prints this command with its seed (and, once Hypothesis has
shrunk the failure, the `@reproduce_failure` blob). With the seed alone the same examples run in
the same order until the first failure, which is replayed as it happened (no shrinking unless
`--shrink`); with `--blob` only the shrunk failing example runs. Printed: one line per example
(steps, digest of every laptop's and the server's records) and the step log of the failing
example, or of every example with `--all`: each rule with its arguments, the values it drew and
what it returned. Only generated data appears (fake names, ids, choices). Exit code 1 when the
replay fails as the run did, 0 when every example passes."""

from __future__ import annotations

import argparse
import sys
import traceback


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tools.replay_sync_machine",
                                description="Replay a run of the sync state machine.")
    p.add_argument("--seed", type=int, required=True, help="the seed the failing run printed")
    p.add_argument("--examples", type=int, default=8, help="the run's max_examples (8)")
    p.add_argument("--steps", type=int, default=20, help="the run's stateful_step_count (20)")
    p.add_argument("--blob", help="the @reproduce_failure blob: replay the shrunk example only")
    p.add_argument("--hypothesis-version", help="the version the blob was made with")
    p.add_argument("--shrink", action="store_true", help="shrink the failure again")
    p.add_argument("--all", action="store_true", help="print every example's step log")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    from tests import fastkdf

    fastkdf.enable()  # the cheap test KDF the test suite uses for its vaults and server users
    from tests.e2e.replay_support import run_machine
    from tests.property.test_sync_machine import SyncMachine

    run = run_machine(SyncMachine, args.seed, args.examples, args.steps, shrink=args.shrink,
                      blob=args.blob, version=args.hypothesis_version)
    for n, example in enumerate(run.examples, 1):
        last = n == len(run.examples)
        print(f"# example {n}: {len(example.steps)} steps, digest {example.digest or '-'}")
        if args.all or (last and run.error is not None):
            for i, line in enumerate(example.steps, 1):
                print(f"{i:3d}. {line}")
    if run.error is not None:
        print("# failed:", file=sys.stderr)
        traceback.print_exception(run.error, file=sys.stderr)
        return 1
    print(f"# seed {args.seed}: {len(run.examples)} examples passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
