"""`relais settings`: print the vault's settings, or change them with `--set NAME=VALUE`.

Organisations use it to prepare laptops (organisation name, the case manager's phone and
e-mail printed on the patient's handout). Every value is checked before anything is stored:
one invalid value prints one line and changes nothing (exit 2).
"""

from __future__ import annotations

import argparse

from desktop.commands.common import CliError, add_common, emit, open_context
from desktop.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from desktop.services.preferences import SETTABLE

    p = sub.add_parser("settings", help="print the settings, or change them with --set")
    add_common(p)
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="assign",
                   help=f"change a setting ({', '.join(SETTABLE)}); an empty value clears it")
    p.set_defaults(handler=cmd_settings)


def _parse(assignments: list[str]) -> dict[str, str]:
    from desktop.services.preferences import SETTABLE

    values: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CliError("settings.set_format", value=item)
        if name not in SETTABLE:
            raise CliError("settings.unknown", name=name, names=", ".join(SETTABLE))
        values[name] = value
    return values


def cmd_settings(args: argparse.Namespace) -> int:
    from desktop.services import preferences

    values = _parse(args.assign)  # before the vault opens: a typo asks no passphrase
    with open_context(args) as ctx:
        if values:
            preferences.update(ctx, values)
        current = preferences.all_settings(ctx)

    def human() -> str:
        from desktop.domain.phone import display_phone

        lines = []
        for name, value in current.items():
            if value is None or value == "":
                shown = t("settings.not_set")
            elif name == preferences.CM_PHONE_KEY:
                shown = display_phone(str(value))
            else:
                shown = str(value)
            lines.append(f"{name} = {shown}    # {t(f'field.{name}')}")
        return "\n".join(lines)

    emit(args, current, human)
    return 0
