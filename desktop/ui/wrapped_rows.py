"""Tree rows as tall as their text wrapped to its column's width.

A tree view works its row heights out without the columns' widths, so a sentence (a goal in the
patient's words, the people at a meeting) never wraps there by itself: it is cut at "…" on a
small laptop. `wrap_columns` gives those columns a delegate that measures the text at the
column's width and works the heights out again when a column is resized."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget


class _WrappedColumns(QStyledItemDelegate):
    def __init__(self, tree: QTreeWidget, columns: frozenset[int]) -> None:
        super().__init__(tree)
        self.tree = tree
        self.columns = columns

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        if index.column() not in self.columns or not text:
            return hint
        width = self.tree.header().sectionSize(index.column()) - 4 - 2 * self.tree.style(
        ).pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        if index.column() == 0:  # the branch lines and their indentation take their share
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * self.tree.indentation() if self.tree.rootIsDecorated() else 0
        if width <= 0:
            return hint
        box = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                              int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), box.height() + 4))


def wrap_columns(tree: QTreeWidget, columns: Iterable[int]) -> None:
    """Wrap the text of `columns` of `tree` (see the module's docstring)."""
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setItemDelegate(_WrappedColumns(tree, frozenset(columns)))
    tree.header().sectionResized.connect(lambda *_: tree.doItemsLayout())
