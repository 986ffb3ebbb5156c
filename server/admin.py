"""Administration as plain functions (the CLI and tests call them). Each takes a SQLAlchemy
`Session` or the `ServerSettings` (then it opens the database itself) and commits."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from server.auth import utcnow
from server.config import ServerSettings
from server.db import Database
from server.models import Device, Membership, Organisation, Record, RequestLog, Team, User
from server.pull import collect_tombstones as _collect
from server.roles import DEFAULT_ROLE, ROLES
from server.security import hash_password

T = TypeVar("T")
Target = Session | ServerSettings

DEMO_TEAM = "Équipe Namur"
DEMO_USER = "demo"
DEMO_PASSWORD = "demo-password"


@contextmanager
def _session(target: Target) -> Iterator[Session]:
    if isinstance(target, Session):
        try:
            yield target
            target.commit()
        except BaseException:
            target.rollback()
            raise
        return
    db = Database(target)
    try:
        with db.session() as session:
            yield session
    finally:
        db.dispose()


def _run(target: Target, fn: Callable[[Session], T]) -> T:
    with _session(target) as session:
        return fn(session)


def _organisation(session: Session) -> Organisation:
    org = session.scalar(select(Organisation).order_by(Organisation.created_at).limit(1))
    if org is None:
        raise ValidationError("server.no_organisation", "organisation")
    return org


def has_organisation(target: Target) -> bool:
    return _run(target, lambda s: s.scalar(select(Organisation.id).limit(1)) is not None)


def create_organisation(target: Target, name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("server.name_required", "name")

    def run(session: Session) -> str:
        existing = session.scalar(select(Organisation).where(Organisation.name == name))
        if existing is not None:
            return existing.id
        org = Organisation(id=str(uuid.uuid4()), name=name, created_at=utcnow())
        session.add(org)
        return org.id

    return _run(target, run)


def create_team(target: Target, name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("server.name_required", "name")

    def run(session: Session) -> str:
        existing = session.scalar(select(Team).where(Team.name == name))
        if existing is not None:
            return existing.id
        team = Team(id=str(uuid.uuid4()), organisation_id=_organisation(session).id, name=name,
                    created_at=utcnow())
        session.add(team)
        return team.id

    return _run(target, run)


def check_role(role: str) -> str:
    role = (role or "").strip().lower().replace("-", "_")
    if role not in ROLES:
        raise ValidationError("server.role_invalid", "role", roles=", ".join(ROLES))
    return role


def create_user(target: Target, username: str, password: str, display_name: str,
                role: str = DEFAULT_ROLE) -> str:
    username = username.strip()
    if not username or len(username) > 200:
        raise ValidationError("server.username_invalid", "username")
    role = check_role(role)
    if len(password) < 8:
        raise ValidationError("server.password_too_short", "password", min=8)

    def run(session: Session) -> str:
        if session.scalar(select(User).where(User.username == username)) is not None:
            raise ValidationError("server.user_exists", "username")
        user = User(id=str(uuid.uuid4()), organisation_id=_organisation(session).id,
                    username=username, password_hash=hash_password(password),
                    display_name=display_name.strip() or username, active=True,
                    created_at=utcnow(), role=role)
        session.add(user)
        return user.id

    return _run(target, run)


def set_role(target: Target, username: str, role: str) -> None:
    """Change a user's role; their laptops learn it at their next sync."""
    role = check_role(role)

    def run(session: Session) -> None:
        user = session.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            raise ValidationError("server.user_unknown", "username")
        user.role = role

    _run(target, run)


def list_users(target: Target) -> list[dict[str, Any]]:
    def run(session: Session) -> list[dict[str, Any]]:
        return [{"username": u.username, "display_name": u.display_name, "role": u.role,
                 "active": u.active}
                for u in session.scalars(select(User).order_by(User.username))]

    return _run(target, run)


def set_password(target: Target, username: str, password: str) -> None:
    if len(password) < 8:
        raise ValidationError("server.password_too_short", "password", min=8)

    def run(session: Session) -> None:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationError("server.user_unknown", "username")
        user.password_hash = hash_password(password)

    _run(target, run)


def add_member(target: Target, username: str, team_name: str) -> None:
    def run(session: Session) -> None:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationError("server.user_unknown", "username")
        team = session.scalar(select(Team).where(Team.name == team_name))
        if team is None:
            raise ValidationError("server.team_unknown", "team")
        if session.get(Membership, (user.id, team.id)) is None:
            session.add(Membership(user_id=user.id, team_id=team.id))

    _run(target, run)


def remove_member(target: Target, username: str, team_name: str) -> None:
    def run(session: Session) -> None:
        user = session.scalar(select(User).where(User.username == username))
        team = session.scalar(select(Team).where(Team.name == team_name))
        if user is None or team is None:
            raise ValidationError("server.user_unknown" if user is None else "server.team_unknown",
                                  "username" if user is None else "team")
        membership = session.get(Membership, (user.id, team.id))
        if membership is not None:
            session.delete(membership)

    _run(target, run)


def list_devices(target: Target) -> list[dict[str, Any]]:
    def run(session: Session) -> list[dict[str, Any]]:
        rows = session.execute(select(Device, User.username).join(User, User.id == Device.user_id)
                               .order_by(Device.created_at)).all()
        return [{
            "device_id": d.id, "user": username, "name": d.name,
            "created_at": d.created_at.isoformat(),
            "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None,
            "revoked": d.revoked, "stolen": d.stolen, "cursor": d.cursor,
        } for d, username in rows]

    return _run(target, run)


def revoke_device(target: Target, device_id: str, stolen: bool = False) -> None:
    def run(session: Session) -> None:
        device = session.get(Device, device_id)
        if device is None:
            raise ValidationError("server.device_unknown", "device_id")
        device.revoked = True
        device.stolen = device.stolen or stolen
        device.revoked_at = device.revoked_at or utcnow()

    _run(target, run)


def collect_tombstones(target: Target, now: dt.datetime | None = None,
                       max_age_days: int | None = None) -> int:
    """Run the tombstone collection now; returns the new horizon."""
    settings = (target if isinstance(target, ServerSettings)
                else ServerSettings(data_dir=Path(".")))
    if max_age_days is not None:
        settings.tombstone_max_age_days = max_age_days
    return _run(target, lambda session: _collect(session, settings, now))


def export_audit(target: Target, out_path: Path | str) -> int:
    """Server request log and the devices' audit events, as JSON lines. Returns the line count."""
    out = Path(out_path)

    def run(session: Session) -> int:
        count = 0
        # a new file is 0600 whatever the umask: user names, addresses, devices' audit trail
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as fh:
            for row in session.scalars(select(RequestLog).order_by(RequestLog.id)):
                fh.write(json.dumps({
                    "source": "server", "at": row.at.isoformat(), "device_id": row.device_id,
                    "user_id": row.user_id, "method": row.method, "path": row.path,
                    "status": row.status, "client": row.client,
                }, ensure_ascii=False) + "\n")
                count += 1
            for rec in session.scalars(select(Record).where(Record.table_name == "audit_event")
                                       .order_by(Record.seq)):
                fh.write(json.dumps({"source": "device", "id": rec.record_id,
                                     "team_id": rec.team_id, **rec.fields},
                                    ensure_ascii=False, default=str) + "\n")
                count += 1
        return count

    return _run(target, run)


def bootstrap_demo(settings: ServerSettings) -> dict[str, str]:
    """Demo organisation, team "Équipe Namur", user demo / demo-password (for `make run`).
    Idempotent."""
    org_id = create_organisation(settings, "Relais démo")
    team_id = create_team(settings, DEMO_TEAM)

    def ensure_user(session: Session) -> None:
        if session.scalar(select(User).where(User.username == DEMO_USER)) is None:
            create_user(session, DEMO_USER, DEMO_PASSWORD, "Gestionnaire démo")

    _run(settings, ensure_user)
    add_member(settings, DEMO_USER, DEMO_TEAM)
    return {"organisation_id": org_id, "team_id": team_id, "team": DEMO_TEAM,
            "username": DEMO_USER, "password": DEMO_PASSWORD}
