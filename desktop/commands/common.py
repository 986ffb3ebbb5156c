"""Plumbing shared by the headless subcommands: vault location, passphrase, output, exit codes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.i18n import t
from desktop.resources import default_vault_dir

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


class CliError(Exception):
    """Raised by a command to stop with a translated one-line message."""

    def __init__(self, code: str, exit_code: int = EXIT_INVALID, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.exit_code = exit_code
        self.params = params


def vault_dir(args: argparse.Namespace) -> Path:
    return Path(args.vault) if getattr(args, "vault", None) else default_vault_dir()


ENVELOPE_NAME = "vault.json"  # desktop.storage.vault.ENVELOPE_NAME (a test keeps them equal)


def vault_present(args: argparse.Namespace) -> bool:
    """Whether the vault folder holds a vault, without importing the storage layer."""
    return (vault_dir(args) / ENVELOPE_NAME).exists()


def read_secret(env_var: str, prompt_code: str, missing: str = "cli.no_passphrase") -> str:
    """The secret from `env_var`, else typed in a terminal; `missing` names what to set."""
    value = os.environ.get(env_var)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(missing)
    return getpass.getpass(t(prompt_code))


def derive_key_ahead(args: argparse.Namespace) -> bool:
    """A command about to open the vault with the passphrase from RELAIS_PASSPHRASE starts the
    KDF on a thread now, and imports what it needs meanwhile (`desktop.services.key_ahead`).
    Commands that do not open the vault with the passphrase say so with
    `set_defaults(derive_ahead=False)`. True when started: the caller then calls
    `key_ahead.settle_ahead()` before the process ends."""
    secret = os.environ.get("RELAIS_PASSPHRASE")
    if not getattr(args, "derive_ahead", True) or not secret or not vault_present(args):
        return False
    from desktop.services.key_ahead import derive_ahead

    return derive_ahead(vault_dir(args) / ENVELOPE_NAME, secret.encode("utf-8"))


def passphrase() -> str:
    return read_secret("RELAIS_PASSPHRASE", "cli.passphrase_prompt")


def new_passphrase(env_var: str = "RELAIS_NEW_PASSPHRASE") -> str:
    value = os.environ.get(env_var)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError("cli.no_passphrase")
    first = getpass.getpass(t("cli.new_passphrase_prompt"))
    if getpass.getpass(t("cli.repeat_passphrase_prompt")) != first:
        raise CliError("vault.passphrase_mismatch")
    return first


@contextmanager
def vault_held(args: argparse.Namespace) -> Iterator[Path]:
    """The vault folder named by --vault, no other process on it (the app's window, another
    command) until the command ends: desktop/services/open_lock.py says why."""
    from desktop.services.open_lock import hold

    folder = vault_dir(args)
    held = hold(folder)
    if held is None:
        raise CliError("cli.vault_in_use", EXIT_ERROR)
    with held:
        yield folder


@contextmanager
def open_context(args: argparse.Namespace) -> Iterator[Any]:
    """Unlock the vault named by --vault for the duration of one command."""
    from sqlalchemy.orm import configure_mappers

    from desktop.services.context import AppContext

    with vault_held(args) as folder:
        configure_mappers()  # the ORM's one-time set-up, done while the KDF runs ahead
        ctx = AppContext.open(folder, passphrase())
        try:
            yield ctx
        finally:
            ctx.lock()


def emit(args: argparse.Namespace, data: dict[str, Any], human: str | Callable[[], str]) -> None:
    """--json prints one JSON object; otherwise the human text."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        text = human() if callable(human) else human
        if text:
            print(text)


def int_in(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from low to high (argparse names the option)."""

    def convert(text: str) -> int:
        value = int(text)  # ValueError: argparse says "invalid int value"
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(t("cli.arg.range", low=low, high=high))
        return value

    convert.__name__ = "int"
    return convert


def add_common(p: argparse.ArgumentParser) -> None:
    """--vault and --json, accepted before the command and after it. Left out, they set
    nothing (read through getattr with a default): a subcommand's default would otherwise
    overwrite the value given before the command (`relais --vault DIR patient list` opened the
    per-user vault)."""
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS,
                   help="vault folder (default: the per-user vault)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print one JSON object on stdout")
