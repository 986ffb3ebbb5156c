"""`relais triage --patient PID`: the suggested level (Kaiser pyramid) and the reasons for it.

The level follows complexity (the complexity grid, crisis triggers), not the category flags,
which are printed as context only.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.services.triage import TriageView

from desktop.commands.common import add_common, emit, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("triage", help="suggested level of support and the reasons for it")
    add_common(p)
    p.add_argument("--patient", required=True, metavar="PATIENT_ID")
    p.set_defaults(handler=cmd_triage)


def reason_text(code: str, params: dict[str, Any]) -> str:
    from desktop.i18n import t

    if code == "crisis":
        return t("triage.reason.crisis", trigger=t(f"triage.crisis.{params['trigger']}"))
    if code == "risk":
        return t("triage.reason.risk", risk=t(f"triage.risk.{params['risk']}"))
    return t(f"triage.reason.{code}", **params)


def human(view: TriageView) -> str:
    from desktop.i18n import t

    lines = [t("triage.suggested", number=view.number, level=t(f"triage.level.{view.level}"))]
    lines += ["  - " + reason_text(r.code, dict(r.params)) for r in view.reasons]
    if view.context:
        lines.append(t("triage.context", flags=", ".join(
            t(f"triage.flag.{f}") for f in view.context)))
    if view.decided:
        lines.append(t("triage.decided", level=t(f"triage.level.{view.decided}")))
    return "\n".join(lines)


def cmd_triage(args: argparse.Namespace) -> int:
    from desktop.services import triage

    with open_context(args) as ctx:
        view = triage.view_suggestion(ctx, args.patient, purpose="cli")
    emit(args, view.to_dict(), lambda: human(view))
    return 0
