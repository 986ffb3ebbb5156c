"""Server users' roles. A case manager syncs their team's records; a coordinator also sees the
team dashboard (/dashboard) and the audit; an administrator as well (and runs the server)."""

from __future__ import annotations

CASE_MANAGER = "case_manager"
COORDINATOR = "coordinator"
ADMINISTRATOR = "administrator"
ROLES = (CASE_MANAGER, COORDINATOR, ADMINISTRATOR)
DEFAULT_ROLE = CASE_MANAGER

# who may open the dashboard and the audit (here and, told by the server, on the laptop)
OVERSIGHT_ROLES = frozenset({COORDINATOR, ADMINISTRATOR})


def may_oversee(role: str | None) -> bool:
    return role in OVERSIGHT_ROLES
