"""How many ops wait to go up, conflicts are open and ops were refused: read by the status bar at
every unlock and after each sync, so it imports neither the wire protocol (pydantic) nor the
HTTP client (issue 16: memory after unlock)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.storage.models import Conflict, OutboxOp


def count_pending(session: Session) -> int:
    """Ops waiting to go up (none is ever held back: every record is backed up)."""
    waiting = session.scalar(select(func.count()).select_from(OutboxOp).where(
        OutboxOp.state == "pending"))
    return int(waiting or 0)


def count_attention(session: Session) -> tuple[int, int]:
    """(open conflicts, ops the server refused): what waits for a person."""
    conflicts = session.scalar(select(func.count()).select_from(Conflict).where(
        Conflict.status == "open"))
    rejected = session.scalar(select(func.count()).select_from(OutboxOp).where(
        OutboxOp.state == "rejected"))
    return int(conflicts or 0), int(rejected or 0)
