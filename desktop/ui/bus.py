from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    """Views emit `changed(area)` after a write; other views refresh what they show."""

    changed = Signal(str)
    locked = Signal()
