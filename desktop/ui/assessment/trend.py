"""A small drawing of an instrument's primary result over time (score, or category rank)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
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

    def top_value(self) -> int:
        """The top of the scale: the largest maximum of the points."""
        return max((p.maximum for p in self.points), default=0) or 1

    def plot_area(self, fm: QFontMetricsF) -> QRectF:
        """Where the line goes: room left for the top value, above for a label over the
        highest point, below for the dates (in the font's measures, not fixed pixels)."""
        line = fm.height()
        left = fm.horizontalAdvance(str(self.top_value())) + 10
        return QRectF(self.rect()).adjusted(left, line + 8, -12, -(line + 10))

    def label_boxes(self, fm: QFontMetricsF) -> list[tuple[QRectF, str]]:
        """Each point's words, above the point (below when there is no room or when it would
        cover the previous one), moved sideways to stay inside the widget; a label that fits
        nowhere is left out (the tooltip and the accessible description have every point)."""
        area = self.plot_area(fm)
        width, height = float(self.width()), float(self.height())
        placed: list[QRectF] = []
        out: list[tuple[QRectF, str]] = []
        for p, label in zip(self.points, self.labels, strict=False):
            text = label or str(p.value)
            pt = self.point_at(p, area)
            w = min(fm.horizontalAdvance(text) + 6, width)
            h = fm.height()
            x = min(max(0.0, pt.x() - w / 2), width - w)
            for y in (pt.y() - h - 5, pt.y() + 6):
                box = QRectF(x, y, w, h)
                if y >= 0 and y + h <= height and not any(box.intersects(b) for b in placed):
                    placed.append(box)
                    out.append((box, text))
                    break
        return out

    def point_at(self, p: TrendPoint, area: QRectF) -> QPointF:
        top = self.top_value()
        first, last = self.points[0].on, self.points[-1].on
        span = max((last - first).days, 1)
        x = area.left() + (area.width() * (p.on - first).days / span
                           if len(self.points) > 1 else area.width() / 2)
        return QPointF(x, area.bottom() - area.height() * p.value / top)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetricsF(self.font())
        painter.fillRect(self.rect(), pal.base())
        area = self.plot_area(fm)
        painter.setPen(QPen(pal.mid().color(), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        if not self.points:
            painter.setPen(pal.text().color())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No completed assessment yet"))
            return
        line = fm.height()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.setPen(pal.text().color())
        painter.drawText(QRectF(0, area.top() - line / 2, area.left() - 5, line), right,
                         str(self.top_value()))
        painter.drawText(QRectF(0, area.bottom() - line / 2, area.left() - 5, line), right, "0")
        path = QPainterPath(self.point_at(self.points[0], area))
        for p in self.points[1:]:
            path.lineTo(self.point_at(p, area))
        accent = QColor("#1f6fb2")
        painter.setPen(QPen(accent, 2))
        painter.drawPath(path)
        painter.setBrush(accent)
        for p in self.points:
            painter.drawEllipse(self.point_at(p, area), 3.5, 3.5)
        painter.setPen(pal.text().color())
        for box, text in self.label_boxes(fm):
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        dates = QRectF(0, area.bottom() + 6, self.width(), line)
        painter.drawText(dates.adjusted(area.left() / 2, 0, 0, 0), Qt.AlignmentFlag.AlignLeft,
                         short_date(self.points[0].on))
        if len(self.points) > 1:
            painter.drawText(dates.adjusted(0, 0, -4, 0), Qt.AlignmentFlag.AlignRight,
                             short_date(self.points[-1].on))
