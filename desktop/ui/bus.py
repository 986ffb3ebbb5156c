from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.services.unit_of_work import Touched

# tables whose rows every write adds (the audit trail, the sync outbox): touching them alone
# changes nothing a view shows
QUIET_TABLES = frozenset({"audit_event", "outbox_op"})


class DataBus(QObject):
    """`touched(Touched)` after each committed write (from `AppContext.on_write`, queued to the
    GUI thread): each open view refreshes only when its patient or one of its tables is in it.
    `changed(area)` is for news that comes from elsewhere (a sync, conflicts resolved): views
    refresh whole."""

    changed = Signal(str)
    touched = Signal(object)
    locked = Signal()


def matters(touched: Touched, patient_id: str | None = None,
            tables: frozenset[str] | None = None) -> bool:
    """Whether a `Touched` concerns a view of `patient_id` (None: a view across patients) that
    shows `tables` (None: any table but the quiet ones)."""
    seen = touched.tables_for(patient_id) if patient_id else touched.tables
    return bool(seen & tables) if tables is not None else bool(seen - QUIET_TABLES)
