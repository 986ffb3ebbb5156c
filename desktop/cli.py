"""`relais` command line: argument parsing and dispatch only (ARCHITECTURE 11).

With no argument the GUI opens. Each feature registers its subcommands from a module in
`desktop.commands` (see COMMAND_MODULES); handlers call services and return an exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from importlib import import_module

from desktop.commands.common import EXIT_ERROR, EXIT_INVALID, CliError, add_common
from desktop.i18n import error_text, t

# Each module defines `register(subparsers)`; handlers are set with `set_defaults(handler=...)`.
COMMAND_MODULES = [
    "desktop.commands.vault",
    "desktop.commands.patient",
    "desktop.commands.case", "desktop.commands.visit", "desktop.commands.note",
    "desktop.commands.demo",
    "desktop.commands.selftest",
    "desktop.commands.contact",
    "desktop.commands.ecomap",
    "desktop.commands.instrument",
    "desktop.commands.assess",
    "desktop.commands.consent", "desktop.commands.export", "desktop.commands.gdpr",
    "desktop.commands.sync",
    "desktop.commands.plan", "desktop.commands.documents",
    "desktop.commands.settings",
]

log = logging.getLogger("relais")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relais", description="Relais — case management")
    add_common(parser)
    parser.add_argument("--self-test", action="store_true",
                        help="temporary vault round trip and a handout; exit 0 when all is well")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from desktop.ui.app import run_gui  # PySide6 is imported only for the GUI

        return run_gui()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return EXIT_INVALID if exc.code not in (0, None) else 0
    if args.self_test:
        from desktop.commands.selftest import run_self_test

        return run_self_test()
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_INVALID
    return run_handler(handler, args)


def run_handler(handler, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from desktop.domain.errors import DomainError, NotFound, RuleViolation, ValidationError
    from desktop.storage.errors import VaultError

    try:
        return int(handler(args) or 0)
    except CliError as exc:
        print(t(exc.code, **exc.params), file=sys.stderr)
        return exc.exit_code
    except (ValidationError, NotFound, RuleViolation) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_INVALID
    except VaultError as exc:
        print(error_text(exc), file=sys.stderr)
        invalid = exc.code in {"vault.wrong_passphrase", "vault.wrong_recovery_key",
                               "vault.passphrase_too_short", "vault.passphrase_mismatch",
                               "vault.not_found", "vault.exists"}
        return EXIT_INVALID if invalid else EXIT_ERROR
    except DomainError as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except OSError as exc:
        # file paths given by the user (outputs, inputs): message names the OS reason only
        print(t("cli.unexpected_error", detail=f"{exc.strerror or exc}: {exc.filename or ''}"),
              file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        log.debug("unexpected error", exc_info=True)
        print(t("cli.unexpected_error", detail=type(exc).__name__), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
