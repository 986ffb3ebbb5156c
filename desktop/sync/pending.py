"""How many ops wait to go up: read by the status bar at every unlock, so it imports neither
the wire protocol (pydantic) nor the HTTP client (issue 16: memory after unlock)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.storage.models import OutboxOp


def count_pending(session: Session) -> int:
    """Ops waiting to go up (none is ever held back: every record is backed up)."""
    waiting = session.scalar(select(func.count()).select_from(OutboxOp).where(
        OutboxOp.state == "pending"))
    return int(waiting or 0)
