"""Finding a record's row in a list of records (a QTreeWidget whose rows hold their id)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator


def select_row(tree: QTreeWidget, matches: Callable[[QTreeWidgetItem], bool]) -> bool:
    """Make the first row (at any depth) that `matches` current; False when none does."""
    rows = QTreeWidgetItemIterator(tree)
    while (item := rows.value()) is not None:
        if matches(item):
            tree.setCurrentItem(item)
            return True
        rows += 1
    return False


def select_record(tree: QTreeWidget, record_id: object) -> bool:
    """Make the top-level row holding `record_id` (as its UserRole data) current; False when
    no row does (the record is gone)."""
    return select_row(tree, lambda item: item.parent() is None
                      and item.data(0, Qt.ItemDataRole.UserRole) == record_id)
