"""App-wide accessibility: a visible focus ring on lists, tables, trees and text views (Fusion
draws none when they have no current item), tab labels drawn whole, and the contrast-safe
palette."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from desktop.ui import dialog_keys
from desktop.ui.palette import apply_accessible_palette


class FocusRing(QFocusFrame):
    """QFocusFrame places itself around the widget (margins from the style) and masks its
    middle; it paints the band in the selection colour here, whatever the platform style."""

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt API
        painter = QPainter(self)
        width = max(2, self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin))
        pen = QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
        pen.setWidth(width)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()


class _FocusRingFollower:
    """One ring that follows the focused scroll area (item views, text browsers)."""

    def __init__(self) -> None:
        self.ring: FocusRing | None = None

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new if isinstance(new, QAbstractScrollArea) and new.window() is not new else None
        if self.ring is None or not shiboken6.isValid(self.ring):
            if target is None:
                return
            self.ring = FocusRing()
        self.ring.setWidget(self._host(target) if target is not None else None)  # type: ignore[arg-type]  # None hides it

    @staticmethod
    def _host(area: QAbstractScrollArea) -> QWidget:
        """Around the area when its parent leaves room for the ring, otherwise around the
        viewport, inside the area's own border (a table filling its page, say)."""
        parent = area.parentWidget()
        margin = max(2, area.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin))
        room = area.geometry().adjusted(-margin, -margin, margin, margin)
        if parent is None or parent.rect().contains(room):
            return area
        return area.viewport()


class WholeTextStyle(QProxyStyle):
    """The platform style, except that a tab's label gets a full line of text: Fusion lowers
    the label of an unselected tab and clips it to a rectangle shorter than the font, which cut
    the accent off capitals ("Évaluations" read "Evaluations")."""

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption,
                       widget: QWidget | None = None) -> QRect:
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]  # None is allowed
        if element == QStyle.SubElement.SE_TabBarTabText and rect.isValid():
            line = (widget.fontMetrics() if widget is not None else option.fontMetrics).height()
            if rect.height() < line:
                missing = line - rect.height()
                rect.adjust(0, -(missing - missing // 2), 0, missing // 2)
        return rect


def _install_style(app: QApplication) -> None:
    if not isinstance(app.style(), WholeTextStyle):
        app.setStyle(WholeTextStyle(app.style().name()))


_follower = _FocusRingFollower()
_connected: set[int] = set()


def apply_accessibility(app: QApplication | QCoreApplication) -> None:
    if not isinstance(app, QApplication):
        return
    if id(app) not in _connected:
        app.focusChanged.connect(_follower.follow)
        _connected.add(id(app))
    _install_style(app)  # before the palette: a new style brings its own
    apply_accessible_palette(app)
    dialog_keys.install(app)  # Ctrl+Enter saves every dialog
