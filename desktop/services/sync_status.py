"""Where sync stands, read without loading the sync client: the status bar and the sync
controller ask at every unlock, and importing `desktop.services.sync` (httpx, pydantic, the
engine) costs about 26 MB before any sync runs (issue 16: memory after unlock). A laptop that
is enrolled loads the client when its first sync starts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.services.context import AppContext
from desktop.sync import state
from desktop.sync.pending import count_attention, count_pending


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    user: str | None
    organisation: str | None
    online: bool | None  # None: never tried
    last_sync_at: str | None  # ISO UTC of the last successful sync
    last_attempt_at: str | None
    last_error: str | None  # a message code
    pending: int  # changes waiting to go up
    open_conflicts: int
    needs_attention: int
    revoked: bool


def is_enrolled(ctx: AppContext) -> bool:
    return bool(ctx.read(lambda s: state.get(s, state.TOKEN)))


def current_role(ctx: AppContext) -> str | None:
    """This user's role on the server (case_manager, coordinator, administrator), as told at
    enrolment; None when not enrolled or the server predates roles."""
    def read(s: Session) -> str | None:
        if not state.get(s, state.TOKEN):
            return None
        role = (state.get(s, state.ACCOUNT, {}) or {}).get("role")
        return role if isinstance(role, str) and role else None
    return ctx.read(read)


def status(ctx: AppContext) -> SyncStatus:
    def read(s: Session) -> SyncStatus:
        account = state.get(s, state.ACCOUNT, {}) or {}
        last = state.get(s, state.LAST_SYNC, {}) or {}
        waiting = count_pending(s)
        conflicts, attention = count_attention(s)
        error = last.get("error")
        online = None if not last else (bool(last.get("ok")) or error not in (
            "sync.unreachable", "sync.timeout"))
        return SyncStatus(
            enrolled=bool(state.get(s, state.TOKEN)), server_url=state.get(s, state.SERVER_URL),
            user=account.get("user"), organisation=account.get("organisation"), online=online,
            last_sync_at=last.get("at"), last_attempt_at=last.get("attempt_at"),
            last_error=error, pending=waiting, open_conflicts=conflicts,
            needs_attention=attention, revoked=state.get(s, state.REVOKED) is not None)
    return ctx.read(read)
