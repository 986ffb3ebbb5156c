"""`relais` command line: argument parsing and dispatch only (docs/ARCHITECTURE.md §11).

With no argument the GUI opens. Each feature registers its subcommands from a module in
`desktop.commands` (see COMMANDS and command_module); handlers call services and return an exit
code.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from desktop.commands.common import (
    EXIT_ERROR,
    EXIT_INVALID,
    CliError,
    add_common,
    derive_key_ahead,
)
from desktop.i18n import error_text, t

# Each subcommand and the line `relais --help` shows for it. The module that registers it (see
# command_module) defines `register(subparsers)`, handlers set with `set_defaults(handler=...)`;
# it is imported only when its subcommand runs (`relais --help` imports none of them).
COMMANDS: dict[str, str] = {
    "vault": "create, check, re-key or recover a vault",
    "patient": "add, list, show and edit patients",
    "case": "open, move, close and show cases (episodes)",
    "visit": "plan, record, cancel and list visits",
    "note": "add and list journal notes",
    "stay": "hospital stays: admission, discharge and its checklist",
    "event": "the stability log: falls, emergency visits, crisis calls…",
    "indicators": "indicators of my caseload over a period",
    "paperwork": "applications and procedures: BIM, allowances, housing…",
    "medication": "the patient's medication list",
    "carer": "the informal carer's own needs: the carer's assessment",
    "demo": "fill the vault with a synthetic caseload",
    "contact": "contacts of the ecosystem and their ties to patients",
    "ecomap": "export a patient's ecomap (PNG, SVG or PDF)",
    "instrument": "list, show and import assessment instruments",
    "assess": "score and record a completed assessment",
    "triage": "suggested level of support and the reasons for it",
    "consent": "record and show the patient's consent choices",
    "export": "export a patient's record (FHIR R4 JSON or readable PDF)",
    "gdpr": "patients' rights, retention, audit and the art. 30 register",
    "enroll": "register this vault with the organisation's server",
    "sync": "push, pull; reports counts, conflicts, rejections",
    "plan": "the care and support plan: show, goals, actions, agree",
    "handout": "the patient's handout as a PDF (audited print)",
    "summary": "the professional summary as a PDF (audited print)",
    "settings": "print the settings, or change them with --set",
}


class CommandModule(Protocol):
    """A module of desktop.commands: it adds its subcommand(s) to the parser."""

    def register(self, sub: Any) -> None: ...


def command_module(command: str) -> CommandModule:
    """The module that registers subcommand `command`, imported now. Plain imports, one per
    module, so that mypy and the reader see them; a module registering two subcommands (sync:
    enroll and sync) answers for both."""
    match command:
        case "vault":
            from desktop.commands import vault

            return vault
        case "patient":
            from desktop.commands import patient

            return patient
        case "case":
            from desktop.commands import case

            return case
        case "visit":
            from desktop.commands import visit

            return visit
        case "note":
            from desktop.commands import note

            return note
        case "stay":
            from desktop.commands import stay

            return stay
        case "event":
            from desktop.commands import event

            return event
        case "indicators":
            from desktop.commands import indicators

            return indicators
        case "paperwork" | "medication":
            from desktop.commands import paperwork

            return paperwork
        case "carer":
            from desktop.commands import carer

            return carer
        case "demo":
            from desktop.commands import demo

            return demo
        case "contact":
            from desktop.commands import contact

            return contact
        case "ecomap":
            from desktop.commands import ecomap

            return ecomap
        case "instrument":
            from desktop.commands import instrument

            return instrument
        case "assess":
            from desktop.commands import assess

            return assess
        case "triage":
            from desktop.commands import triage

            return triage
        case "consent":
            from desktop.commands import consent

            return consent
        case "export":
            from desktop.commands import export

            return export
        case "gdpr":
            from desktop.commands import gdpr

            return gdpr
        case "enroll" | "sync":
            from desktop.commands import sync

            return sync
        case "plan":
            from desktop.commands import plan

            return plan
        case "handout" | "summary":
            from desktop.commands import documents

            return documents
        case "settings":
            from desktop.commands import settings

            return settings
    raise KeyError(command)


log = logging.getLogger("relais")

# the vault's errors that come from what the user typed or named (exit 2, like bad input)
INVALID_VAULT_CODES = frozenset({"vault.wrong_passphrase", "vault.wrong_recovery_key",
                                 "vault.passphrase_too_short", "vault.passphrase_mismatch",
                                 "vault.not_found", "vault.exists"})


class UsageError(Exception):
    """argparse refused the command line; `message` is argparse's own (English) text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RelaisArgumentParser(argparse.ArgumentParser):
    """Every parse error becomes a UsageError, shown as one translated line (main), never the
    usage block. Subcommand parsers inherit the class (argparse's parser_class default)."""

    def error(self, message: str) -> Any:
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


def _top_parser() -> tuple[argparse.ArgumentParser, Any]:
    parser = RelaisArgumentParser(prog="relais", description="Relais — case management")
    add_common(parser)
    parser.add_argument("--self-test", action="store_true",
                        help="temporary vault round trip and a handout; exit 0 when all is well")
    return parser, parser.add_subparsers(dest="command", metavar="COMMAND")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser. With `argv`, only the module of the subcommand it names is imported; the
    other subcommands are placeholders that carry their help line (for `relais --help` and
    argparse's list of choices). Without `argv`, every module is imported."""
    parser, sub = _top_parser()
    wanted = list(COMMANDS) if argv is None else _commands_for(argv)
    for module in dict.fromkeys(command_module(name) for name in wanted):
        module.register(sub)
    for name, help_text in COMMANDS.items():
        if name not in sub.choices:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _commands_for(argv: list[str]) -> list[str]:
    """The subcommand `argv` names, if any (the top-level options skipped)."""
    pre = RelaisArgumentParser(add_help=False)
    add_common(pre)
    pre.add_argument("--self-test", action="store_true")
    pre.add_argument("command", nargs="?")
    try:
        known, _rest = pre.parse_known_args(argv)
    except UsageError:
        return list(COMMANDS)  # the full parser gives the message
    return [known.command] if known.command in COMMANDS else []


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from desktop.ui.app import run_gui  # PySide6 is imported only for the GUI

        return run_gui()
    as_json = _wants_json(argv)
    if any(not _is_text(a) for a in argv):  # bytes that were not UTF-8 (surrogate escapes)
        return fail("cli.arg.not_utf8", t("cli.arg.not_utf8"), EXIT_INVALID, as_json)
    parser = build_parser(argv)
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
    if handler is None and args.command is None and getattr(args, "vault", None):
        from desktop.ui.app import run_gui  # `relais --vault DIR`: the app on that vault

        return run_gui(Path(args.vault))
    if handler is None:
        parser.print_help()
        return EXIT_INVALID
    ahead = derive_key_ahead(args)  # the KDF runs while the command imports (issue 16)
    try:
        return run_handler(handler, args)
    finally:
        if ahead:
            from desktop.services.key_ahead import settle_ahead

            settle_ahead()


def _is_text(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run_handler(handler: Callable[[argparse.Namespace], int | None],
                args: argparse.Namespace) -> int:
    from desktop.domain.errors import DomainError, NotFound, RuleViolation, ValidationError

    as_json = bool(getattr(args, "json", False))
    try:
        return int(handler(args) or 0)
    except CliError as exc:
        return fail(exc.code, t(exc.code, **exc.params), exc.exit_code, as_json)
    except (ValidationError, NotFound, RuleViolation) as exc:
        return fail(exc.code, error_text(exc), EXIT_INVALID, as_json)
    except DomainError as exc:  # the vault's errors too (VaultError): what the user typed is exit 2
        invalid = exc.code in INVALID_VAULT_CODES
        return fail(exc.code, error_text(exc), EXIT_INVALID if invalid else EXIT_ERROR, as_json)
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
