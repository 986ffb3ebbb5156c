"""Which value of a conflict was typed on this laptop.

A conflict's "mine" is the change that reached the server second and "theirs" the value the
server kept, the same on every laptop. The command line lets the user keep "this laptop's" or
"the other laptop's" value instead; this module says which of the two is this laptop's, from the
laptop's own outbox (the op that got the conflict back, or the op whose value the server kept).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.ids import is_uuid
from desktop.services.context import AppContext
from desktop.storage.models import Conflict, OutboxOp

KEEP_CHOICES = ("this-laptop", "other-laptop", "value")
# the historic names: mine = this laptop's value, theirs = the other laptop's value
CHOICE_ALIASES = {"mine": "this-laptop", "theirs": "other-laptop", "edit": "value"}


def side_of_this_laptop(ctx: AppContext, conflict_id: str) -> str | None:
    """"mine" when this laptop sent the change that arrived second, "theirs" when it sent the
    value the server kept, None when neither came from here."""
    if not is_uuid(conflict_id):
        raise ValidationError("id.invalid", "conflict")

    def read(s: Session) -> str | None:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound("sync.conflict_not_found", "conflict")
        ops = s.scalars(select(OutboxOp).where(
            OutboxOp.table_name == c.table_name, OutboxOp.record_id == c.record_id,
            OutboxOp.state != "pending").order_by(OutboxOp.seq)).all()
        for op in ops:
            result: dict[str, Any] = op.result or {}
            if any(isinstance(info, dict) and info.get("conflict_id") == c.id
                   for info in result.get("conflicts") or []):
                return "mine"
        for op in ops:
            fields = op.fields or {}
            if (c.field in fields and fields[c.field] == c.theirs
                    and (op.result or {}).get("status") == "applied"):
                return "theirs"
        return None

    return ctx.read(read)


def service_choice(ctx: AppContext, conflict_id: str, keep: str) -> str:
    """The resolve choice ("mine", "theirs", "edit") for this-laptop / other-laptop / value."""
    keep = CHOICE_ALIASES.get(keep, keep)
    if keep not in KEEP_CHOICES:
        raise ValidationError("sync.choice_invalid", "choice")
    if keep == "value":
        return "edit"
    side = side_of_this_laptop(ctx, conflict_id)
    if side is None:
        raise ValidationError("sync.conflict_not_from_here", "conflict")
    if keep == "this-laptop":
        return side
    return "theirs" if side == "mine" else "mine"
