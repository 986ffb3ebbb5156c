"""Who sees what on this laptop (issue 20, item 4).

The Audit page is for coordinators and administrators. The role comes from the sync server at
enrolment (`desktop.services.sync.current_role`). A laptop that is not enrolled (standalone) has a
single user who is their own administrator: they keep the Audit page. An enrolled laptop whose
server did not tell a role (a server older than roles) gets the case manager's view."""

from __future__ import annotations

from desktop.services.context import AppContext

AUDIT_ROLES = frozenset({"coordinator", "administrator"})


def audit_allowed(enrolled: bool, role: str | None) -> bool:
    """The rule, over plain values."""
    return not enrolled or role in AUDIT_ROLES


def may_see_audit(ctx: AppContext) -> bool:
    from desktop.services.sync_status import current_role, is_enrolled

    enrolled = is_enrolled(ctx)
    return audit_allowed(enrolled, current_role(ctx) if enrolled else None)
