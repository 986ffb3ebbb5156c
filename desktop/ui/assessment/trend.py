"""A small drawing of an instrument's primary result over time (score, or category rank)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.i18n.dates import short_date
from desktop.i18n.punctuation import colon
from desktop.services.assessments import TrendPoint
from desktop.ui.i18n import current_language


class TrendWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[TrendPoint] = []
        self.labels: list[str] = []  # one per point: band or category in words
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Trend over time"))

    def sizeHint(self) -> QSize:
        return QSize(360, 140)

    def set_points(self, points: list[TrendPoint], labels: list[str]) -> None:
        self.points = points
        self.labels = labels
        lang = current_language()
        desc = "; ".join(colon(short_date(p.on), f"{p.value} {lab}".strip(), lang)
                         for p, lab in zip(points, labels, strict=False))
        self.setAccessibleDescription(desc)
        self.setToolTip(desc)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.base())
        area = QRectF(self.rect()).adjusted(34, 12, -16, -26)
        painter.setPen(QPen(pal.mid().color(), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        if not self.points:
            painter.setPen(pal.text().color())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No completed assessment yet"))
            return
        top = max(p.maximum for p in self.points) or 1
        painter.setPen(pal.text().color())
        painter.drawText(QRectF(0, area.top() - 6, 30, 14), Qt.AlignmentFlag.AlignRight, str(top))
        painter.drawText(QRectF(0, area.bottom() - 8, 30, 14), Qt.AlignmentFlag.AlignRight, "0")
        first, last = self.points[0].on, self.points[-1].on
        span = max((last - first).days, 1)

        def at(p: TrendPoint) -> QPointF:
            x = area.left() + (area.width() * (p.on - first).days / span
                               if len(self.points) > 1 else area.width() / 2)
            return QPointF(x, area.bottom() - area.height() * p.value / top)

        path = QPainterPath(at(self.points[0]))
        for p in self.points[1:]:
            path.lineTo(at(p))
        accent = QColor("#1f6fb2")
        painter.setPen(QPen(accent, 2))
        painter.drawPath(path)
        painter.setBrush(accent)
        for p, label in zip(self.points, self.labels, strict=False):
            pt = at(p)
            painter.drawEllipse(pt, 3.5, 3.5)
            painter.setPen(pal.text().color())
            painter.drawText(QRectF(pt.x() - 40, pt.y() - 18, 80, 14),
                             Qt.AlignmentFlag.AlignCenter, label or str(p.value))
            painter.setPen(QPen(accent, 2))
        painter.setPen(pal.text().color())
        painter.drawText(QRectF(area.left() - 30, area.bottom() + 6, 90, 14),
                         Qt.AlignmentFlag.AlignLeft, short_date(first))
        if len(self.points) > 1:
            painter.drawText(QRectF(area.right() - 60, area.bottom() + 6, 76, 14),
                             Qt.AlignmentFlag.AlignRight, short_date(last))
