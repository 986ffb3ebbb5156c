"""`relais gdpr register|settings|restrict|unrestrict|erase|retention|history|audit|stats|extract`."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.commands.common import add_common, emit, int_in, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("gdpr", help="patients' rights, retention, audit and the art. 30 register")
    ps = p.add_subparsers(dest="gdpr_command", metavar="ACTION", required=True)

    r = ps.add_parser("register", help="record of processing (art. 30) from the settings")
    add_common(r)
    r.add_argument("--out", required=True, metavar="FILE", help=".md, .txt or .json")
    r.add_argument("--lang", choices=["fr", "nl", "en"])
    r.set_defaults(handler=cmd_register)

    s = ps.add_parser("settings", help="show or change the organisation's GDPR settings")
    add_common(s)
    s.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="lists are separated by ';'; repeat for several")
    s.set_defaults(handler=cmd_settings)

    for name, text in (("restrict", "restrict processing (art. 18): hide, keep, flag"),
                       ("erase", "erase where lawful; otherwise restrict and say until when")):
        a = ps.add_parser(name, help=text)
        add_common(a)
        a.add_argument("--patient", required=True, metavar="ID")
        a.add_argument("--reason", required=True)
        a.set_defaults(handler=cmd_restrict if name == "restrict" else cmd_erase)
    u = ps.add_parser("unrestrict", help="lift a restriction")
    add_common(u)
    u.add_argument("--patient", required=True, metavar="ID")
    u.set_defaults(handler=cmd_unrestrict)

    rt = ps.add_parser("retention", help="closed records past the retention period, to review")
    add_common(rt)
    rt.set_defaults(handler=cmd_retention)

    h = ps.add_parser("history", help="change history of every field (art. 16)")
    add_common(h)
    h.add_argument("--patient", required=True, metavar="ID")
    h.add_argument("--record", metavar="ID", help="one record only")
    h.set_defaults(handler=cmd_history)

    au = ps.add_parser("audit", help="audit events: per patient or filtered")
    add_common(au)
    au.add_argument("--patient", metavar="ID")
    au.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    au.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    au.add_argument("--actor")
    au.add_argument("--action", help="view, print, export, create, edit, consent, override, …")
    au.add_argument("--limit", type=int_in(1, 100_000), default=500)
    au.set_defaults(handler=cmd_audit)

    st = ps.add_parser("stats", help="anonymised counts, smaller ones suppressed: every patient "
                                     "with 5 or more (no consent needed), only those with the "
                                     "statistics consent below 5")
    add_common(st)
    st.add_argument("--out", required=True, metavar="FILE.csv")
    st.add_argument("--min-cell", type=int_in(1, 1_000_000), metavar="N",
                    help="smallest count shown (default 5)")
    st.set_defaults(handler=cmd_stats)

    ex = ps.add_parser("extract", help="pseudonymised extract, a row per patient: only patients "
                                       "with the statistics consent")
    add_common(ex)
    ex.add_argument("--out", required=True, metavar="FILE.csv")
    ex.set_defaults(handler=cmd_extract)


def cmd_register(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr_register

    with open_context(args) as ctx:
        out = gdpr_register.write_register(ctx, args.out, args.lang)
    emit(args, {"path": str(out)}, t("gdpr.cli.exported", path=out))
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr_register

    with open_context(args) as ctx:
        saved = gdpr_register.set_settings(ctx, args.set)
        current = gdpr_register.current_settings(ctx)

    def human() -> str:
        lines = [t("gdpr.cli.setting_saved", key=k) for k in saved]
        for key, value in current.items():
            shown = "; ".join(value) if isinstance(value, list) else ("" if value is None else value)
            lines.append(f"{key} = {shown}")
        return "\n".join(lines)

    emit(args, {"saved": saved, "settings": current}, human)
    return 0


def cmd_restrict(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        changed = gdpr.restrict(ctx, args.patient, args.reason)
    emit(args, {"restricted": True, "changed": changed},
         t("gdpr.cli.restricted" if changed else "gdpr.cli.already_restricted"))
    return 0


def cmd_unrestrict(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        changed = gdpr.lift_restriction(ctx, args.patient)
    emit(args, {"restricted": False, "changed": changed}, t("gdpr.cli.unrestricted"))
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    """Erase where lawful. When the law requires keeping the record it is restricted instead
    (as in the app): exit 0 either way, the message (and "erased" in --json) says which."""
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        outcome = gdpr.erase(ctx, args.patient, args.reason)
    data = {k: (str(v) if v is not None and not isinstance(v, (bool, int)) else v)
            for k, v in asdict(outcome).items()}
    if outcome.erased:
        emit(args, data, t("gdpr.cli.erased", rows=outcome.deleted_rows))
        return 0
    message = (t("gdpr.erasure_under_retention", until=outcome.retention_until)
               if outcome.retention_until else t("gdpr.erasure_under_retention_open"))
    emit(args, data, message)
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        rows = gdpr.retention_review(ctx)

    def human() -> str:
        if not rows:
            return t("gdpr.cli.retention_none")
        return "\n".join(f"{r.patient_id}  {r.family_name.upper()} {r.given_name}  "
                         f"{r.last_contact} → {r.retention_until}"
                         f"{'  [restricted]' if r.restricted else ''}" for r in rows)

    emit(args, {"records": [asdict(r) for r in rows]}, human)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from desktop.services import gdpr

    with open_context(args) as ctx:
        changes = gdpr.rectification_history(ctx, args.patient, args.record)

    def human() -> str:
        return "\n".join(f"{c.changed_at:%Y-%m-%d %H:%M}  {c.table}.{c.field}  {c.record_id}  "
                         f"{c.old_value!r} → {c.new_value!r}  {c.changed_by()}" for c in changes)

    emit(args, {"changes": [asdict(c) for c in changes]}, human)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import audit_log

    flt = audit_log.AuditFilter.parse(date_from=args.date_from, date_to=args.date_to,
                                      actor=args.actor, action=args.action,
                                      patient_id=args.patient)
    with open_context(args) as ctx:
        rows = audit_log.search(ctx, flt, limit=args.limit)

    def human() -> str:
        def action(a: str) -> str:
            code = f"audit.action.{a}"
            text = t(code)
            return a if text == code else text

        return "\n".join(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.actor or '-'}  {action(r.action)}  "
                         f"{r.table or ''} {r.record_id or ''}  {r.patient_id or ''}"
                         for r in rows)

    emit(args, {"events": [asdict(r) for r in rows]}, human)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        outcome = gdpr.export_statistics(ctx, args.out, args.min_cell)
    key = "gdpr.cli.stats" if outcome.scope == "all_patients" else "gdpr.cli.stats_consented"
    emit(args, {"path": args.out, **asdict(outcome)},
         t(key, path=args.out, included=outcome.included, excluded=outcome.excluded))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from desktop.i18n import t
    from desktop.services import gdpr

    with open_context(args) as ctx:
        outcome = gdpr.export_extract(ctx, args.out)
    emit(args, {"path": args.out, **asdict(outcome)},
         t("gdpr.cli.extract", path=args.out, included=outcome.included,
           excluded=outcome.excluded))
    return 0
