"""`relais enroll` and `relais sync` (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from desktop.commands.common import CliError, add_common, emit, open_context, read_secret
from desktop.i18n import t, tn


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("enroll", help="register this vault with the organisation's server")
    add_common(p)
    p.add_argument("--server", required=True, metavar="URL", help="https://host:port")
    p.add_argument("--user", required=True, metavar="NAME")
    p.add_argument("--fingerprint", metavar="SHA256",
                   help="the server certificate's fingerprint, as printed by relais-server "
                        "(required for https without a terminal; otherwise shown and asked)")
    p.add_argument("--device-name", default="", metavar="NAME",
                   help="how this laptop appears in `relais-server device list` "
                        "(default: the computer's name)")
    p.set_defaults(handler=cmd_enroll)

    s = sub.add_parser("sync", help="push, pull; reports counts, conflicts, rejections")
    add_common(s)
    group = s.add_mutually_exclusive_group()
    group.add_argument("--status", action="store_true", help="show the sync status only")
    group.add_argument("--conflicts", action="store_true", help="list open conflicts")
    group.add_argument("--attention", action="store_true",
                       help="list changes the server refused (needs attention)")
    group.add_argument("--resolve", metavar="CONFLICT_ID", help="settle a conflict")
    group.add_argument("--retry", metavar="OP_ID", help="send a refused change again")
    group.add_argument("--discard", metavar="OP_ID", help="drop a refused change")
    s.add_argument("--keep", choices=["this-laptop", "other-laptop", "value"],
                   help="with --resolve: this laptop's value, the other laptop's, or --value")
    s.add_argument("--choice", choices=["mine", "theirs", "edit"],
                   help="with --resolve: same as --keep (mine = this laptop's value, "
                        "theirs = the other laptop's, edit = --value)")
    s.add_argument("--value", help="with --resolve --keep value: the new value (JSON or text)")
    s.set_defaults(handler=cmd_sync)


YES = {"y", "yes", "o", "oui", "j", "ja"}


def _confirmed_fingerprint(args: argparse.Namespace) -> str | None:
    """The fingerprint to pin: --fingerprint (checked), or the one the server presents, shown
    and confirmed on a terminal. Without a terminal, https needs --fingerprint: the password
    must not go to whatever certificate answers. Plain http (loopback only) has none."""
    from desktop.services import sync

    if args.fingerprint is not None:
        return sync.check_fingerprint(args.fingerprint)  # exit 2 when malformed
    fingerprint = sync.fingerprint_to_confirm(args.server)
    if fingerprint is None:
        return None
    if not sys.stdin.isatty():
        raise CliError("sync.fingerprint_required")
    print(t("sync.fingerprint_confirm", fingerprint=fingerprint), end="", file=sys.stderr,
          flush=True)
    answer = sys.stdin.readline().strip().lower()
    if answer not in YES:
        raise CliError("sync.fingerprint_not_confirmed", exit_code=1)
    return fingerprint


def cmd_enroll(args: argparse.Namespace) -> int:
    from desktop.services import sync

    fingerprint = _confirmed_fingerprint(args)
    password = read_secret("RELAIS_SERVER_PASSWORD", "sync.password_prompt",
                           missing="cli.no_server_password")
    with open_context(args) as ctx:
        info = sync.enroll(ctx, args.server, args.user, password, fingerprint=fingerprint,
                           device_name=args.device_name)
    data = asdict(info)

    def human() -> str:
        lines = [t("sync.enrolled", user=info.user, organisation=info.organisation,
                   teams=", ".join(info.teams)),
                 t("sync.enrolled_device", name=info.device_name, id=info.device_id)]
        if info.fingerprint:
            lines.append(t("sync.fingerprint_pinned", fingerprint=info.fingerprint))
        return "\n".join(lines)

    emit(args, data, human)
    return 0


def _report_text(report: Any) -> str:
    return t("sync.report", pushed=report.pushed, pulled=report.pulled,
             conflicts=tn("sync.open_conflicts", report.open_conflicts),
             rejected=report.needs_attention,
             pending=report.pending)


def _conflict_sides(row: dict[str, Any], side: str | None) -> dict[str, Any]:
    """A conflict with "before" (base), this laptop's and the other laptop's value; neither
    from here: this_laptop is None and other_laptop the value that arrived second."""
    this = row["mine"] if side == "mine" else row["theirs"] if side == "theirs" else None
    other = row["theirs"] if side == "mine" else row["mine"]
    return {**row, "side": side, "this_laptop": this, "other_laptop": other}


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.services import sync

    keep = args.keep or args.choice
    if args.resolve and not keep:
        raise CliError("sync.keep_required")
    if (args.keep or args.choice) and not args.resolve:
        raise CliError("sync.keep_without_resolve")
    with open_context(args) as ctx:
        if args.status:
            st = sync.status(ctx)
            emit(args, asdict(st), lambda: _status_text(st))
            return 0
        if args.conflicts:
            from desktop.services.conflict_sides import side_of_this_laptop

            rows = sync.list_conflicts(ctx)
            listed = [_conflict_sides(asdict(r), side_of_this_laptop(ctx, r.id)) for r in rows]
            emit(args, {"conflicts": listed}, lambda: "\n".join(
                f"{r['id']}  {r['table']}.{r['field']}  {r['patient_name'] or ''}".rstrip()
                + "\n    " + t("sync.conflict_values", before=_shown(r["base"]),
                               this=_shown(r["this_laptop"]), other=_shown(r["other_laptop"]))
                for r in listed))
            return 0
        if args.attention:
            items = sync.needs_attention(ctx)
            emit(args, {"items": [asdict(i) for i in items]},
                 lambda: "\n".join(f"{i.op_id}  {i.table}  {t(i.reason)}" for i in items))
            return 0
        if args.resolve:
            value: Any = args.value
            if value is not None:
                try:
                    value = json.loads(value)
                except ValueError:
                    pass  # plain text
            from desktop.services.conflict_sides import service_choice

            choice = service_choice(ctx, args.resolve, keep)
            sync.resolve_conflict(ctx, args.resolve, choice, value)
            emit(args, {"resolved": args.resolve}, t("sync.resolved"))
            return 0
        if args.retry:
            sync.retry_op(ctx, args.retry)
            emit(args, {"retried": args.retry}, t("sync.retried"))
            return 0
        if args.discard:
            sync.discard_op(ctx, args.discard)
            emit(args, {"discarded": args.discard}, t("sync.discarded"))
            return 0
        try:
            report = sync.sync_now(ctx)
        except sync.SyncError as exc:
            if exc.code in ("sync.device_revoked", "sync.device_stolen") and ctx.is_locked:
                raise CliError("sync.wiped", exit_code=1) from exc
            raise
    emit(args, report.as_dict(), lambda: _report_text(report))
    return 0


def _status_text(st: Any) -> str:
    if not st.enrolled:
        return t("sync.not_enrolled")
    lines = [t("sync.status_server", url=st.server_url or "", user=st.user or "")]
    lines.append(t("sync.status_last", at=st.last_sync_at or "-"))
    if st.last_error:
        lines.append(t(st.last_error))
    lines.append(t("sync.status_counts", pending=tn("sync.changes_waiting", st.pending),
                   conflicts=tn("sync.conflicts", st.open_conflicts),
                   rejected=st.needs_attention))
    return "\n".join(lines)
