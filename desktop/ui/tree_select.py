"""Finding a record's row in a list of records (a QTreeWidget whose rows hold their id)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget


def select_record(tree: QTreeWidget, record_id: object) -> bool:
    """Make the top-level row holding `record_id` (as its UserRole data) current; False when
    no row does (the record is gone)."""
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == record_id:
            tree.setCurrentItem(item)
            return True
    return False
