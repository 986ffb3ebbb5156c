from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from desktop.commands.common import add_common, emit, open_context


def _identity_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--family-name", required=required)
    p.add_argument("--given-name", required=required)
    p.add_argument("--niss", help="national register or BIS number, any common format")
    p.add_argument("--birth-date", metavar="YYYY-MM-DD")
    p.add_argument("--gender", choices=["female", "male", "other", "unknown"])
    p.add_argument("--language", action="append", dest="languages", metavar="LANG",
                   help="fr, nl, de, en or other; repeat for several")
    p.add_argument("--phone", action="append", dest="phones", metavar="PHONE",
                   help="repeat for several numbers")
    p.add_argument("--street")
    p.add_argument("--house-number")
    p.add_argument("--box")
    p.add_argument("--postal-code")
    p.add_argument("--city")
    p.add_argument("--email")
    p.add_argument("--mutualite")
    p.add_argument("--gp", dest="gp_contact_id", metavar="CONTACT_ID")
    for flag in ("bim", "maf", "chronic-status"):
        p.add_argument(f"--{flag}", dest=flag.replace("-", "_"), action=argparse.BooleanOptionalAction,
                       default=None)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("patient", help="add, list, show and edit patients")
    ps = p.add_subparsers(dest="patient_command", metavar="ACTION", required=True)
    add = ps.add_parser("add", help="add a patient; prints the new id")
    add_common(add)
    _identity_options(add, required=True)
    add.set_defaults(handler=cmd_add)
    lst = ps.add_parser("list", help="list patients")
    add_common(lst)
    lst.add_argument("--search", metavar="Q", help="name, NISS, town or phone")
    lst.set_defaults(handler=cmd_list)
    show = ps.add_parser("show", help="show one patient (audited)")
    add_common(show)
    show.add_argument("id")
    show.set_defaults(handler=cmd_show)
    edit = ps.add_parser("edit", help="change identity fields of a patient")
    add_common(edit)
    edit.add_argument("id")
    _identity_options(edit, required=False)
    edit.set_defaults(handler=cmd_edit)


def _fields(args: argparse.Namespace) -> Any:
    from desktop.services.patients import PatientFields

    names = ("family_name", "given_name", "niss", "birth_date", "gender", "languages", "phones",
             "street", "house_number", "box", "postal_code", "city", "email", "mutualite",
             "gp_contact_id", "bim", "maf", "chronic_status")
    return PatientFields(**{n: getattr(args, n, None) for n in names})


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import patients

    fields = _fields(args)
    with open_context(args) as ctx:
        pid = patients.add_patient(ctx, fields)
    emit(args, {"id": pid}, pid)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from desktop.services import patients

    fields = _fields(args)
    with open_context(args) as ctx:
        changed = patients.edit_patient(ctx, args.id, fields)
    emit(args, {"id": args.id, "changed": changed}, " ".join(changed))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import patients

    with open_context(args) as ctx:
        rows = patients.list_patients(ctx, args.search)
    data = {"patients": [asdict(r) for r in rows]}

    def human() -> str:
        return "\n".join(
            f"{r.id}  {r.family_name.upper()} {r.given_name}  {r.niss or '-'}  "
            f"{r.postal_code or ''} {r.city or ''}".rstrip() for r in rows)

    emit(args, data, human)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.i18n import field_label
    from desktop.services import patients

    with open_context(args) as ctx:
        view = patients.view_patient(ctx, args.id, purpose="cli")
    data = asdict(view)

    def human() -> str:
        from desktop.i18n import user_language
        from desktop.i18n.punctuation import colon

        lang = user_language()
        lines = [f"{view.family_name.upper()} {view.given_name}"]
        # the view's key → the field whose label it is shown under
        for key, field in (("niss_formatted", "niss"), ("birth_date", "birth_date"),
                           ("gender", "gender"), ("street", "street"),
                           ("house_number", "house_number"), ("box", "box"),
                           ("postal_code", "postal_code"), ("city", "city"), ("email", "email"),
                           ("mutualite", "mutualite"), ("gp_name", "gp")):
            value = data.get(key)
            if value:
                lines.append("  " + colon(field_label(field), str(value), lang))
        for phone in view.phones_display:
            lines.append("  " + colon(field_label("phone"), phone, lang))
        return "\n".join(lines)

    emit(args, data, human)
    return 0
