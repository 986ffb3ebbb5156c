"""Who this laptop is on the server, as the last enrolment or sync stored it.

Kept apart from desktop.services.sync so that Today, the caseload and the case services can ask
"which server user am I" without loading the sync client (httpx, the wire models) at unlock."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.sync import state


def my_username(session: Session) -> str | None:
    """This laptop's server user (None before enrolment)."""
    name = state.get(session, state.ACCOUNT, {}).get("username")
    return str(name) if name else None


def team_members(session: Session) -> list[dict[str, str]]:
    """The users of this laptop's teams as the server last listed them."""
    return list(state.get(session, state.ACCOUNT, {}).get("members") or [])
