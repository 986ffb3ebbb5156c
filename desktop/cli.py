"""`relais` command line: argument parsing and dispatch only (ARCHITECTURE 11).

With no argument the GUI opens. Each feature registers its subcommands from a module in
`desktop.commands` (see COMMAND_MODULES); handlers call services and return an exit code.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from importlib import import_module
from typing import Any

from desktop.commands.common import EXIT_ERROR, EXIT_INVALID, CliError, add_common
from desktop.i18n import error_text, t

# Each module defines `register(subparsers)`; handlers are set with `set_defaults(handler=...)`.
COMMAND_MODULES = [
    "desktop.commands.vault",
    "desktop.commands.patient",
    "desktop.commands.case", "desktop.commands.visit", "desktop.commands.note",
    "desktop.commands.stay", "desktop.commands.event",
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


class UsageError(Exception):
    """argparse refused the command line; `message` is argparse's own (English) text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RelaisArgumentParser(argparse.ArgumentParser):
    """Every parse error becomes a UsageError, shown as one translated line (main), never the
    usage block. Subcommand parsers inherit the class (argparse's parser_class default)."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        raise UsageError(message)


def _quoted(text: str) -> list[str]:
    return re.findall(r"'((?:[^'\\]|\\.)*)'", text)


# argparse's messages (Python 3.11, not translated) -> a message code and its parameters
_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"argument (?P<option>\S+?): invalid choice: '(?P<value>.*)' \(choose from (?P<rest>.*)\)$",
                re.S), "cli.arg.invalid_choice"),
    (re.compile(r"argument (?P<option>\S+?): invalid (?P<type>\w+) value: '(?P<value>.*)'$", re.S),
     "cli.arg.invalid_number"),
    (re.compile(r"argument (?P<option>\S+?): expected (one argument|\d+ arguments)$"),
     "cli.arg.expected_value"),
    (re.compile(r"argument (?P<option>\S+?): not allowed with argument (?P<other>\S+)$"),
     "cli.arg.not_allowed_with"),
    (re.compile(r"argument (?P<option>\S+?): ignored explicit argument '(?P<value>.*)'$", re.S),
     "cli.arg.no_value"),
    (re.compile(r"the following arguments are required: (?P<options>.*)$", re.S), "cli.arg.required"),
    (re.compile(r"unrecognized arguments: (?P<args>.*)$", re.S), "cli.arg.unrecognized"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$", re.S),
     "cli.arg.ambiguous"),
    # an ArgumentTypeError from our own types (common.int_in): the detail is already translated
    (re.compile(r"argument (?P<option>\S+?): (?P<detail>.*)$", re.S), "cli.arg.bad_value"),
]


# the placeholders of subcommand arguments, named in the user's language
_METAVARS = {"COMMAND": "cli.arg.command", "ACTION": "cli.arg.action", "FORMAT": "cli.arg.format"}


def usage_error_code(message: str) -> tuple[str, dict[str, str]]:
    """The message code and parameters for one of argparse's error messages."""
    for pattern, code in _ARGPARSE_MESSAGES:
        m = pattern.match(message)
        if m is None:
            continue
        params = {k: v for k, v in m.groupdict().items() if v is not None}
        if "rest" in params:
            params["choices"] = ", ".join(_quoted(params.pop("rest")))
        for key in ("value", "args"):
            if key in params:
                params[key] = _one_line(params[key])
        if params.get("option") in _METAVARS:
            params["option"] = t(_METAVARS[params["option"]])
        if "options" in params:
            params["options"] = ", ".join(t(_METAVARS[o]) if o in _METAVARS else o
                                          for o in params["options"].split(", "))
        return code, params
    return "cli.arg.other", {"detail": _one_line(message)}


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def _wants_json(argv: list[str]) -> bool:
    return "--json" in argv


def fail(code: str, message: str, exit_code: int, as_json: bool) -> int:
    """One line on stderr; with --json also {"error": {"code", "message"}} on stdout."""
    print(message, file=sys.stderr)
    if as_json:
        print(json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False))
    return exit_code


def build_parser() -> argparse.ArgumentParser:
    parser = RelaisArgumentParser(prog="relais", description="Relais — case management")
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
    as_json = _wants_json(argv)
    if any(not _is_text(a) for a in argv):  # bytes that were not UTF-8 (surrogate escapes)
        return fail("cli.arg.not_utf8", t("cli.arg.not_utf8"), EXIT_INVALID, as_json)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        code, params = usage_error_code(exc.message)
        return fail(code, t(code, **params), EXIT_INVALID, as_json)
    except SystemExit as exc:  # --help, --version
        return EXIT_INVALID if exc.code not in (0, None) else 0
    if args.self_test:
        from desktop.commands.selftest import run_self_test

        return run_self_test()
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_INVALID
    return run_handler(handler, args)


def _is_text(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run_handler(handler, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from desktop.domain.errors import DomainError, NotFound, RuleViolation, ValidationError
    from desktop.storage.errors import VaultError

    as_json = bool(getattr(args, "json", False))
    try:
        return int(handler(args) or 0)
    except CliError as exc:
        return fail(exc.code, t(exc.code, **exc.params), exc.exit_code, as_json)
    except (ValidationError, NotFound, RuleViolation) as exc:
        return fail(exc.code, error_text(exc), EXIT_INVALID, as_json)
    except VaultError as exc:
        invalid = exc.code in {"vault.wrong_passphrase", "vault.wrong_recovery_key",
                               "vault.passphrase_too_short", "vault.passphrase_mismatch",
                               "vault.not_found", "vault.exists"}
        return fail(exc.code, error_text(exc), EXIT_INVALID if invalid else EXIT_ERROR, as_json)
    except DomainError as exc:
        return fail(exc.code, error_text(exc), EXIT_ERROR, as_json)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except OSError as exc:
        # file paths given by the user (outputs, inputs): message names the OS reason only
        return fail("cli.os_error", t("cli.os_error", detail=exc.strerror or type(exc).__name__,
                                      path=exc.filename or ""), EXIT_ERROR, as_json)
    except Exception as exc:
        log.debug("unexpected error", exc_info=True)
        return fail("cli.unexpected_error", t("cli.unexpected_error", detail=type(exc).__name__),
                    EXIT_ERROR, as_json)


if __name__ == "__main__":
    sys.exit(main())
