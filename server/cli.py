"""`relais-server`: init, serve, and administration (users, teams, devices, audit)."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc

from desktop.domain.errors import DomainError
from server import admin
from server.config import SETTINGS_FILE, ServerSettings
from server.messages import text
from server.security import cert_fingerprint, create_self_signed_cert, format_fingerprint


def _settings(args: argparse.Namespace) -> ServerSettings:
    """The settings of an initialised data directory. Only `init` creates a database: a missing
    SQLite file is an error here (opening it would create an empty one and, say, answer
    "unknown device" to the revocation of a stolen laptop)."""
    data = Path(args.data)
    if not (data / SETTINGS_FILE).exists():
        raise DomainError("server.not_initialised")
    settings = ServerSettings.load(data)
    db_file = settings.sqlite_file
    if db_file is not None and not db_file.exists():
        raise DomainError("server.database_missing", path=str(db_file))
    return settings


def _password(args: argparse.Namespace) -> str:
    password = os.environ.get("RELAIS_SERVER_PASSWORD")
    if not password and sys.stdin.isatty():
        password = getpass.getpass("Password / mot de passe: ")
    if not password:
        raise DomainError("server.password_missing")
    return password


def cmd_init(args: argparse.Namespace) -> int:
    from server.db import Database

    settings = ServerSettings.load(Path(args.data))
    if args.db:
        settings = dataclasses.replace(settings, database_url=args.db)  # normalised, absolute
    Database(settings).dispose()  # creates or migrates the schema (fails before anything is saved)
    settings.save()
    if not admin.has_organisation(settings):
        admin.create_organisation(settings, args.organisation)
    print(f"data: {settings.data_dir}")
    if args.self_signed_cert:
        fp = create_self_signed_cert(settings.cert_file, settings.key_file,
                                     [h for h in (args.hostname or []) if h] or None)
        print(f"certificate: {settings.cert_file}")
        print(f"SHA-256 fingerprint: {format_fingerprint(fp)}")
    if args.demo:
        info = admin.bootstrap_demo(settings)
        print(f"demo: team {info['team']}, user {info['username']} / {info['password']}")
    return 0


KEEP_ALIVE_SECONDS = 65


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app, tune_gc
    from server.asgi import DATA_ENV

    settings = _settings(args)
    ssl: dict[str, Any] = {}
    scheme = "http"
    if settings.cert_file.exists() and settings.key_file.exists() and not args.no_tls:
        ssl = {"ssl_certfile": str(settings.cert_file), "ssl_keyfile": str(settings.key_file)}
        scheme = "https"
        print(f"SHA-256 fingerprint: {format_fingerprint(cert_fingerprint(settings.cert_file))}",
              flush=True)
    print(f"Relais server on {scheme}://{args.host}:{args.port}", flush=True)
    common: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": args.log_level,
                              "timeout_graceful_shutdown": 5,
                              # the app itself believes X-Forwarded-For from `trusted_proxies`
                              # only (server/login_limits.py); uvicorn would from 127.0.0.1
                              "proxy_headers": False,
                              # longer than a client keeps an idle connection (httpx: 5 s, the
                              # laptop's pinned pool: 30 s), so the client always lets it go
                              # first: closed by the server as a request went out, it failed
                              # with "disconnected without a response" (`bench sync`, paced)
                              "timeout_keep_alive": KEEP_ALIVE_SECONDS, **ssl}
    if args.workers > 1:
        # API processes are stateless (all state in the database): one per core
        from server.db import Database

        Database(settings).dispose()  # migrate once, before the workers start
        os.environ[DATA_ENV] = str(settings.data_dir)
        uvicorn.run("server.asgi:app", factory=True, workers=args.workers, **common)
    else:
        app = create_app(settings)
        tune_gc()
        uvicorn.run(app, **common)
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    settings = _settings(args)
    admin.check_role(args.role)  # before asking for a password
    user_id = admin.create_user(settings, args.username, _password(args),
                                args.display_name or args.username, role=args.role)
    for team in args.team or []:
        admin.add_member(settings, args.username, team)
    print(user_id)
    return 0


def cmd_user_role(args: argparse.Namespace) -> int:
    admin.set_role(_settings(args), args.username, args.role)
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    users = admin.list_users(_settings(args))
    if args.json:
        print(json.dumps({"users": users}, ensure_ascii=False))
        return 0
    for u in users:
        print(f"{u['username']:<20} {u['role']:<14} {'active' if u['active'] else 'inactive'}"
              f"  {u['display_name']}")
    return 0


def cmd_team_add(args: argparse.Namespace) -> int:
    print(admin.create_team(_settings(args), args.name))
    return 0


def cmd_member_add(args: argparse.Namespace) -> int:
    admin.add_member(_settings(args), args.username, args.team)
    return 0


def cmd_member_remove(args: argparse.Namespace) -> int:
    admin.remove_member(_settings(args), args.username, args.team)
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    devices = admin.list_devices(_settings(args))
    if args.json:
        print(json.dumps({"devices": devices}, ensure_ascii=False))
        return 0
    for d in devices:
        state = "stolen" if d["stolen"] else ("revoked" if d["revoked"] else "active")
        print(f"{d['device_id']}  {d['user']:<20} {state:<8} last seen {d['last_seen_at'] or '-'}"
              f"  {d['name']}")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    admin.revoke_device(_settings(args), args.device_id, stolen=args.stolen)
    print(text("server.device_stolen_done" if args.stolen else "server.device_revoked_done",
               device_id=args.device_id))
    return 0


def cmd_audit_export(args: argparse.Namespace) -> int:
    count = admin.export_audit(_settings(args), Path(args.out))
    print(count)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """The team's indicators of one quarter, small cells suppressed, as a PDF or a CSV."""
    import datetime as dt

    from sqlalchemy import select

    from server.db import Database
    from server.indicators import quarter, team_cells
    from server.messages import lang
    from server.models import Organisation, Team

    period = quarter(args.quarter)
    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".csv"):
        raise DomainError("dashboard.out_invalid")
    if not out.parent.is_dir():  # said before the database is read, not as a traceback after
        raise DomainError("dashboard.out_folder_missing", path=str(out.parent))
    settings = _settings(args)
    db = Database(settings)
    try:
        with db.session() as session:
            teams = [(r[0], r[1]) for r in session.execute(
                select(Team.id, Team.name).order_by(Team.name, Team.id)).all()]
            if args.team:
                teams = [t for t in teams if t[1] == args.team.strip()]
                if not teams:
                    raise DomainError("server.team_unknown")
            today = dt.date.today()
            _ind, cells = team_cells(session, [t[0] for t in teams], period, today)
            org = session.scalar(select(Organisation.name).order_by(Organisation.created_at)
                                 .limit(1)) or ""
    finally:
        db.dispose()
    language = lang()
    names = ", ".join(t[1] for t in teams)
    try:
        _write_report(out, kind, cells, language, period, names, org, today)
    except OSError as error:
        raise DomainError("dashboard.out_unwritable", path=str(out),
                          reason=error.strerror or type(error).__name__) from error
    print(text("dashboard.report_written", path=str(out)))
    return 0


def _write_report(out: Path, kind: str, cells: list[Any], language: str, period: Any,
                  names: str, org: str, today: Any) -> None:
    from server import report

    if kind == ".csv":
        out.write_text("\ufeff" + report.to_csv(cells, language, period.start.isoformat(),
                                                 period.end.isoformat(), names),
                       encoding="utf-8", newline="")
    else:
        from desktop.i18n import t as tr

        out.write_bytes(report.to_pdf(cells, language, title_lines=[
            tr("dashboard.report_for", language, organisation=org, teams=names),
            tr("dashboard.period", language, start=period.start.isoformat(),
               end=period.end.isoformat())], produced_on=today.isoformat()))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relais-server", description="Relais sync server")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_data(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--data", required=True, help="server data directory")
        return p

    p = with_data(sub.add_parser("init", help="create the data directory and the database"))
    p.add_argument("--db", help="database URL (default: SQLite file in the data directory)")
    p.add_argument("--organisation", default="Relais", help="organisation name")
    p.add_argument("--self-signed-cert", action="store_true", help="create a TLS certificate")
    p.add_argument("--hostname", action="append", help="name in the certificate (repeatable)")
    p.add_argument("--demo", action="store_true", help="demo team and user (demo/demo-password)")
    p.set_defaults(func=cmd_init)

    p = with_data(sub.add_parser("serve", help="run the server"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--no-tls", action="store_true", help="plain HTTP even if a certificate exists")
    p.add_argument("--log-level", default="warning")
    p.add_argument("--workers", type=int, default=1, help="server processes (stateless)")
    p.set_defaults(func=cmd_serve)

    user = sub.add_parser("user").add_subparsers(dest="action", required=True)
    p = with_data(user.add_parser("add", help="password from RELAIS_SERVER_PASSWORD or a prompt"))
    p.add_argument("--username", required=True)
    p.add_argument("--display-name", default="")
    p.add_argument("--team", action="append", help="also add to this team (repeatable)")
    p.add_argument("--role", default="case_manager",
                   help="case_manager (default), coordinator or administrator")
    p.set_defaults(func=cmd_user_add)
    p = with_data(user.add_parser("role", help="change a user's role"))
    p.add_argument("--username", required=True)
    p.add_argument("--role", required=True,
                   help="case_manager, coordinator or administrator")
    p.set_defaults(func=cmd_user_role)
    p = with_data(user.add_parser("list"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_user_list)

    team = sub.add_parser("team").add_subparsers(dest="action", required=True)
    p = with_data(team.add_parser("add"))
    p.add_argument("--name", required=True)
    p.set_defaults(func=cmd_team_add)

    member = sub.add_parser("member").add_subparsers(dest="action", required=True)
    for action, func in (("add", cmd_member_add), ("remove", cmd_member_remove)):
        p = with_data(member.add_parser(action))
        p.add_argument("--username", required=True)
        p.add_argument("--team", required=True)
        p.set_defaults(func=func)

    device = sub.add_parser("device").add_subparsers(dest="action", required=True)
    p = with_data(device.add_parser("list"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_device_list)
    p = with_data(device.add_parser("revoke"))
    p.add_argument("device_id")
    p.add_argument("--stolen", action="store_true", help="the device wipes itself at once")
    p.set_defaults(func=cmd_device_revoke)

    p = with_data(sub.add_parser(
        "report", help="the team's indicators of a quarter (cells < 5 patients suppressed)"))
    p.add_argument("--quarter", required=True, help="e.g. 2026Q4")
    p.add_argument("--out", required=True, help="report.pdf or report.csv")
    p.add_argument("--team", help="one team (default: every team)")
    p.set_defaults(func=cmd_report)

    audit = sub.add_parser("audit").add_subparsers(dest="action", required=True)
    p = with_data(audit.add_parser("export", help="JSON lines"))
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_audit_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(text(exc.code, **exc.params), file=sys.stderr)
        return 2
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError):
        print(text("server.database_url_invalid"), file=sys.stderr)
        return 2
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        # one line, no traceback: the driver's first line says why (refused, unknown host,
        # authentication); it never holds the password
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        print(text("server.database_unreachable_detail", detail=reason[0] if reason else ""),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
