"""`relais contact add|list|edit|link|unlink|merge`: the contact directory and ties from scripts."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from desktop.commands.common import add_common, emit, open_context
from desktop.i18n import t, tn


def _contact_options(p: argparse.ArgumentParser, *, required_kind: bool) -> None:
    from desktop.domain.contacts import KINDS

    p.add_argument("--kind", choices=KINDS, required=required_kind)
    p.add_argument("--family-name")
    p.add_argument("--given-name")
    p.add_argument("--organisation")
    p.add_argument("--is-organisation", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--phone", action="append", dest="phones", metavar="PHONE",
                   help="repeat for several numbers")
    p.add_argument("--email")
    p.add_argument("--street")
    p.add_argument("--house-number")
    p.add_argument("--postal-code")
    p.add_argument("--city")
    p.add_argument("--availability", help='e.g. "mornings", "not on Wednesdays"')
    p.add_argument("--inami", dest="inami_number", metavar="NUMBER", help="INAMI/RIZIV number")
    p.add_argument("--note")


def _tie_options(p: argparse.ArgumentParser) -> None:
    from desktop.domain.ecomap import FLOWS, QUALITIES, STRENGTHS

    p.add_argument("--role", help="what this person does for the patient")
    p.add_argument("--strength", choices=STRENGTHS)
    p.add_argument("--quality", choices=QUALITIES)
    p.add_argument("--flow", dest="energy_flow", choices=FLOWS)
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--note")
    p.add_argument("--gp", dest="is_gp", action=argparse.BooleanOptionalAction, default=None,
                   help="this contact is the patient's GP")
    p.add_argument("--carer", dest="is_informal_carer", action=argparse.BooleanOptionalAction,
                   default=None, help="an informal carer (aidant proche)")
    p.add_argument("--reference", dest="is_reference_person",
                   action=argparse.BooleanOptionalAction, default=None,
                   help="the reference person")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("contact", help="contacts of the ecosystem and their ties to patients")
    ps = p.add_subparsers(dest="contact_command", metavar="ACTION", required=True)

    add = ps.add_parser("add", help="add a contact; prints the new id")
    add_common(add)
    _contact_options(add, required_kind=True)
    add.add_argument("--patient", metavar="ID",
                     help="the patient a private person (family, carer, friend, neighbour) "
                          "belongs to")
    add.set_defaults(handler=cmd_add)

    lst = ps.add_parser("list", help="the shared directory (and a patient's private persons)")
    add_common(lst)
    lst.add_argument("--search", metavar="Q", help="name, town, phone or INAMI number")
    lst.add_argument("--kind")
    lst.add_argument("--patient", metavar="ID", help="include this patient's private persons")
    lst.add_argument("--duplicates", action="store_true", help="list likely duplicates instead")
    lst.set_defaults(handler=cmd_list)

    edit = ps.add_parser("edit", help="change fields of a contact")
    add_common(edit)
    edit.add_argument("id")
    _contact_options(edit, required_kind=False)
    edit.set_defaults(handler=cmd_edit)

    link = ps.add_parser("link", help="tie a patient to a contact (an ecomap edge); prints its id")
    add_common(link)
    link.add_argument("--patient", metavar="ID", required=True)
    link.add_argument("--contact", metavar="ID", required=True)
    _tie_options(link)
    link.set_defaults(handler=cmd_link)

    unlink = ps.add_parser("unlink", help="remove a tie from the patient's ecomap")
    add_common(unlink)
    unlink.add_argument("tie_id")
    unlink.set_defaults(handler=cmd_unlink)

    merge = ps.add_parser("merge", help="merge a duplicate into the contact kept; keeps every tie")
    add_common(merge)
    merge.add_argument("keep", metavar="KEEP_ID")
    merge.add_argument("other", metavar="DUPLICATE_ID")
    merge.set_defaults(handler=cmd_merge)


def _contact_fields(args: argparse.Namespace) -> Any:
    from desktop.domain.contacts import ContactFields

    names = ("kind", "is_organisation", "family_name", "given_name", "organisation", "phones",
             "email", "street", "house_number", "postal_code", "city", "availability",
             "inami_number", "note")
    values: dict[str, Any] = {n: getattr(args, n, None) for n in names}
    return ContactFields(**values)


def _tie_fields(args: argparse.Namespace) -> Any:
    from desktop.domain.ecomap import TieFields

    names = ("role", "strength", "quality", "energy_flow", "since", "note", "is_gp",
             "is_informal_carer", "is_reference_person")
    return TieFields(**{n: getattr(args, n, None) for n in names})


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.services import contacts

    fields = _contact_fields(args)
    with open_context(args) as ctx:
        cid = contacts.add_contact(ctx, fields, owner_patient_id=args.patient)
    emit(args, {"id": cid}, cid)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from desktop.services import contacts

    fields = _contact_fields(args)
    with open_context(args) as ctx:
        changed = contacts.edit_contact(ctx, args.id, fields)
    emit(args, {"id": args.id, "changed": changed}, " ".join(changed))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import contacts

    with open_context(args) as ctx:
        if args.duplicates:
            pairs = contacts.find_duplicates(ctx, patient_id=args.patient)
            data = {"duplicates": [{"a": asdict(p.a), "b": asdict(p.b), "score": p.score,
                                    "reasons": list(p.reasons)} for p in pairs]}

            def dup_text() -> str:
                return "\n".join(
                    f"{p.score:.2f}  {p.a.id} {p.a.name}  ~  {p.b.id} {p.b.name}  "
                    f"({', '.join(t(f'ecosystem.dup.{r}') for r in p.reasons)})" for p in pairs)

            emit(args, data, dup_text)
            return 0
        rows = contacts.list_contacts(ctx, args.search, kind=args.kind, patient_id=args.patient)
    data = {"contacts": [asdict(r) for r in rows]}

    def human() -> str:
        return "\n".join(
            f"{r.id}  {r.name}  [{t(f'ecosystem.kind.{r.kind}')}]  "
            f"{r.phones_display[0] if r.phones_display else '-'}  {r.city or ''}".rstrip()
            for r in rows)

    emit(args, data, human)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from desktop.services import ecosystem

    tie = _tie_fields(args)
    with open_context(args) as ctx:
        tid = ecosystem.link(ctx, args.patient, args.contact, tie)
    emit(args, {"id": tid}, tid)
    return 0


def cmd_unlink(args: argparse.Namespace) -> int:
    from desktop.services import ecosystem

    with open_context(args) as ctx:
        ecosystem.unlink(ctx, args.tie_id)
    emit(args, {"id": args.tie_id, "removed": True}, "")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop.services import contacts

    with open_context(args) as ctx:
        result = contacts.merge_contacts(ctx, args.keep, args.other)
    moved = result["moved_ties"]
    combined = result["combined_ties"]
    emit(args, result, t("ecosystem.merged",
                         moved=tn("ecosystem.ties_moved", len(moved)),  # type: ignore[arg-type]
                         combined=tn("ecosystem.ties_combined",
                                     len(combined))))  # type: ignore[arg-type]
    return 0
