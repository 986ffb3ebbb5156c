from __future__ import annotations

import argparse
import os
import sys

from desktop.commands.common import (
    CliError,
    add_common,
    emit,
    new_passphrase,
    passphrase,
    read_secret,
    vault_held,
)
from desktop.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("vault", help="create, check, re-key or recover a vault")
    vs = p.add_subparsers(dest="vault_command", metavar="ACTION", required=True)
    init = vs.add_parser("init", help="create a vault; prints the recovery key once")
    add_common(init)
    init.add_argument("--user", help="the case manager's name shown in the audit trail")
    init.set_defaults(handler=cmd_init, derive_ahead=False)  # a new vault: no key to open
    chk = vs.add_parser("unlock-check", help="check that the passphrase opens the vault")
    add_common(chk)
    chk.set_defaults(handler=cmd_unlock_check)
    full = vs.add_parser("check", help="read and check every page of the vault (also done weekly at opening)")
    add_common(full)
    full.set_defaults(handler=cmd_check)
    chg = vs.add_parser("change-passphrase",
                        help="new passphrase (RELAIS_PASSPHRASE = old, RELAIS_NEW_PASSPHRASE = new)")
    add_common(chg)
    chg.set_defaults(handler=cmd_change)
    rec = vs.add_parser("recover",
                        help="set a new passphrase with the recovery key (RELAIS_RECOVERY_KEY)")
    add_common(rec)
    rec.set_defaults(handler=cmd_recover, derive_ahead=False)  # opened with the recovery key


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.services.context import AppContext

    pw = os.environ.get("RELAIS_PASSPHRASE")
    if pw is None:
        pw = new_passphrase("RELAIS_PASSPHRASE")
    with vault_held(args) as folder:
        ctx, recovery = AppContext.create(folder, pw, user_name=args.user)
        ctx.lock()
    emit(args, {"vault": str(folder), "recovery_key": recovery},
         lambda: "\n".join([t("vault.created", path=str(folder)), t("vault.recovery_key_notice"),
                            "", "    " + recovery, ""]))
    return 0


def cmd_unlock_check(args: argparse.Namespace) -> int:
    from desktop.services.vault_admin import unlock_check

    with vault_held(args) as folder:
        unlock_check(folder, passphrase())
    emit(args, {"ok": True}, t("vault.unlock_ok"))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The full integrity check; damage is one line (vault.database_damaged) and exit 1."""
    from desktop.services.vault_admin import check_vault

    with vault_held(args) as folder:
        check_vault(folder, passphrase())
    emit(args, {"ok": True}, t("vault.check_ok"))
    return 0


def cmd_change(args: argparse.Namespace) -> int:
    from desktop.services.vault_admin import change_passphrase

    old = passphrase()
    new = new_passphrase()
    with vault_held(args) as folder:
        change_passphrase(folder, old, new)
    emit(args, {"ok": True}, t("vault.passphrase_changed"))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from desktop.services.vault_admin import recover_vault

    key = read_secret("RELAIS_RECOVERY_KEY", "cli.recovery_key_prompt")
    new = new_passphrase()
    if not key.strip():
        raise CliError("vault.wrong_recovery_key")
    with vault_held(args) as folder:
        recover_vault(folder, key, new)
    emit(args, {"ok": True}, t("vault.passphrase_changed"))
    print("", end="", file=sys.stderr)
    return 0
