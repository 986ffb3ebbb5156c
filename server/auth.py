"""Who is calling: bearer token → device → user → teams; password check (limits: login_limits)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desktop.domain import dates
from server.models import Device, Membership, Team, User
from server.security import token_hash, verify_password


def utcnow() -> dt.datetime:
    """The one clock (desktop.domain.dates), to the microsecond for sessions and tokens."""
    return dates.utcnow(precise=True)


class ApiError(Exception):
    """An HTTP error with a message code as `detail` (docs/SYNC.md section 2)."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


@dataclass(frozen=True)
class Caller:
    device_id: str
    user_id: str
    username: str
    display_name: str
    team_ids: tuple[str, ...]  # ordered by team name; the first is the default team
    teams: tuple[tuple[str, str], ...]  # (id, name)
    revoked: bool
    stolen: bool
    role: str = "case_manager"  # server/roles.py
    scope: tuple[str, ...] | None = None  # the device's teams at its last full pull
    cursor: int = 0  # the device's progress (server/pull.py)

    @property
    def default_team_id(self) -> str | None:
        return self.team_ids[0] if self.team_ids else None


def user_teams(session: Session, user_id: str) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Team.id, Team.name).join(Membership, Membership.team_id == Team.id)
        .where(Membership.user_id == user_id).order_by(Team.name, Team.id)
    ).all()
    return [(r[0], r[1]) for r in rows]


def team_members(session: Session, team_ids: list[str]) -> list[dict[str, str]]:
    """The active users of these teams (who may be named responsible case manager)."""
    if not team_ids:
        return []
    rows = session.execute(
        select(User.username, User.display_name, Membership.team_id)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.team_id.in_(team_ids), User.active.is_(True))
        .order_by(User.display_name, User.username)).all()
    return [{"username": r[0], "name": r[1], "team_id": r[2]} for r in rows]


# built once (its cache key too): every request runs it. Columns, not ORM objects: loading a
# Device and a User into the session cost more than the query itself
_CALLER = (select(Device.id, Device.revoked, Device.stolen, Device.expires_at, Device.scope,
                  Device.cursor, User.id.label("user_id"), User.username, User.display_name,
                  User.active, User.role, Team.id.label("team_id"), Team.name.label("team"))
           .join(User, User.id == Device.user_id)
           .outerjoin(Membership, Membership.user_id == User.id)
           .outerjoin(Team, Team.id == Membership.team_id)
           .where(Device.token_hash == bindparam("token_hash", type_=Device.token_hash.type))
           .order_by(Team.name, Team.id))


def authenticate(session: Session, authorization: str | None, *, allow_revoked: bool = False,
                 allow_stolen: bool = False) -> Caller:
    """Check the bearer token. Revoked devices may still push (to drain their outbox) and read
    their status; stolen ones only read their status."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "sync.unauthorized", {"WWW-Authenticate": "Bearer"})
    token = authorization[7:].strip()
    # the device, its user and the user's teams in one round trip: every request starts here
    # (a row per team, ordered as user_teams orders them; one row of None without a team)
    rows = session.connection().execute(_CALLER, {"token_hash": token_hash(token)}).all()
    if not rows:
        raise ApiError(401, "sync.unauthorized", {"WWW-Authenticate": "Bearer"})
    row = rows[0]
    if not row.active:
        raise ApiError(401, "sync.unauthorized", {"WWW-Authenticate": "Bearer"})
    if row.stolen and not allow_stolen:
        raise ApiError(403, "sync.device_stolen")
    if row.revoked and not (allow_revoked or allow_stolen):
        raise ApiError(403, "sync.device_revoked")
    if row.expires_at < utcnow() and not row.revoked:
        raise ApiError(401, "sync.token_expired", {"WWW-Authenticate": "Bearer"})
    teams = [(r.team_id, r.team) for r in rows if r.team_id is not None]
    return Caller(device_id=row.id, user_id=row.user_id, username=row.username,
                  display_name=row.display_name, team_ids=tuple(t[0] for t in teams),
                  teams=tuple(teams), revoked=bool(row.revoked), stolen=bool(row.stolen),
                  role=row.role,
                  scope=None if row.scope is None else tuple(str(t) for t in row.scope),
                  cursor=int(row.cursor or 0))


def check_password(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username.strip()))
    ok = verify_password(password, user.password_hash if user and user.active else None)
    return user if ok and user is not None and user.active else None
