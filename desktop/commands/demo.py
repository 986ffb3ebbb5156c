from __future__ import annotations

import argparse

from desktop.commands.common import add_common, emit, int_in, open_context
from desktop.i18n import tn


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="fill the vault with a synthetic caseload")
    add_common(p)
    p.add_argument("--patients", type=int_in(0, 100_000), default=60, metavar="N")
    p.add_argument("--seed", type=int_in(0, 2**63 - 1), default=1)
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop import demo

    with open_context(args) as ctx:
        result = demo.generate(ctx, args.patients, seed=args.seed)
    emit(args, {"patients": result.patients, "gps": result.gps}, tn("demo.done", result.patients))
    return 0
