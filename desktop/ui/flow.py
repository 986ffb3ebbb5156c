"""A layout that places its widgets left to right and wraps onto a new row when the width runs
out (Qt's "Flow Layout" example). Used for button rows that must never hide a button behind a
toolbar's overflow (») menu, which Tab cannot reach."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1, *,
                 right_aligned: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._right = right_aligned  # each row ends at the right edge (a header's badges)

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 (QBoxLayout's name)
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    # ---- QLayout ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        # every item on one row
        width = sum(i.sizeHint().width() for i in self._items) \
            + self._gap() * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # ---- placing ---------------------------------------------------------------------------
    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None,
                                          parent)

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (when `move`); returns the height they need."""
        m: QMargins = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = max(self._gap(), 0)
        x, y, row_height = area.x(), area.y(), 0
        row: list[tuple[QLayoutItem, QRect]] = []

        def end_row() -> None:
            shift = area.right() + 1 - (x - gap) if self._right and row else 0
            for placed, geometry in row:
                if move:
                    placed.setGeometry(geometry.translated(max(shift, 0), 0))
            row.clear()

        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                end_row()
                x, y = area.x(), y + row_height + gap
                row_height = 0
            row.append((item, QRect(QPoint(x, y), hint)))
            x += hint.width() + gap
            row_height = max(row_height, hint.height())
        end_row()
        return y + row_height - rect.y() + m.bottom()


def flow_widget(parent: QWidget | None = None) -> tuple[QWidget, FlowLayout]:
    """A widget holding a FlowLayout, growing in height as its rows wrap."""
    holder = QWidget(parent)
    layout = FlowLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder, layout
