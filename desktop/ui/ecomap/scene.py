"""The ecomap as a QGraphicsScene, drawn from the same layout and geometry as the PDF renderer
(desktop.domain.ecomap_layout): Hartman's conventions, sector colours, badges.

Nodes are focusable (Tab / Shift+Tab walk through them), movable with the mouse or the arrow
keys, and open their tie with Enter or a double click; Delete asks to remove the tie."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop.domain.ecomap import EcomapData, EcomapTie
from desktop.domain.ecomap_layout import (
    DASH,
    LINE,
    LINE_WIDTH,
    NAME_SIZE,
    PAD_Y,
    PATIENT_FILL,
    PATIENT_SIZE,
    PATIENT_STROKE,
    QUALITY_COLOUR,
    ROLE_SIZE,
    SECTOR_FILL,
    SECTOR_STROKE,
    EcomapLayout,
    PlacedNode,
    arrow_head,
    arrows_for,
    carer_mark,
    edge_ends,
    hatch_marks,
    layout,
)
from desktop.resources import resource_path

HIGHLIGHT = {"added": "#1b9e3e", "removed": "#d32f2f", "changed": "#f57c00"}
BADGES = (("is_gp", "✚"), ("is_informal_carer", "♥"), ("is_reference_person", "★"))
KEY_STEP, FINE_STEP = 10.0, 2.0
MIN_LABEL_PT = 9.0  # no name or role smaller than this on screen, at any zoom offered
MAX_SCALE = 5.0
FIT_MAX_SCALE = 2.0  # "fit" does not blow a small map up further than this
_family: str | None = None


def font_family() -> str:
    """The bundled DejaVu Sans: the layout measured its boxes with this font's widths."""
    global _family
    if _family is None:
        _family = "DejaVu Sans"
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            fid = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if families:
                _family = families[0]
    return _family


def draw_text(painter: QPainter, x: float, baseline: float, text: str, size: float,
              bold: bool = False, colour: str = "#1d1d1d") -> None:
    """Text centred on x at `size` scene units per em (a 100 px font scaled: exact widths)."""
    font = QFont(font_family())
    font.setPixelSize(100)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(colour))
    scale = size / 100.0
    painter.translate(x, baseline)
    painter.scale(scale, scale)
    width = painter.fontMetrics().horizontalAdvance(text)
    painter.drawText(QPointF(-width / 2, 0), text)
    painter.restore()


def tie_pen(strength: str, quality: str) -> QPen:
    pen = QPen(QColor(QUALITY_COLOUR.get(quality, QUALITY_COLOUR["neutral"])))
    width = LINE_WIDTH.get(strength, LINE_WIDTH["moderate"])
    pen.setWidthF(width)
    dash = DASH.get(strength)
    if dash:
        pen.setDashPattern([d / width for d in dash])  # Qt dashes are in pen widths
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def paint_tie(painter: QPainter, a: tuple[float, float], b: tuple[float, float], strength: str,
              quality: str, flow: str) -> int:
    """Draw one tie from a (patient end) to b (contact end); returns the number of hatch marks."""
    pen = tie_pen(strength, quality)
    painter.setPen(pen)
    painter.drawLine(QPointF(*a), QPointF(*b))
    marks = hatch_marks(a, b) if quality == "stressful" else []
    if marks:
        hatch = QPen(pen.color())
        hatch.setWidthF(1.3)
        painter.setPen(hatch)
        for p, q in marks:
            painter.drawLine(QPointF(*p), QPointF(*q))
    at_patient, at_contact = arrows_for(flow)
    size = 8.0 + pen.widthF()
    painter.setPen(QPen(pen.color(), 0.5))
    painter.setBrush(QBrush(pen.color()))
    for on, tip, tail in ((at_patient, a, b), (at_contact, b, a)):
        if on:
            painter.drawPolygon(QPolygonF([QPointF(*p) for p in arrow_head(tip, tail, size)]))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    return len(marks)


class EdgeItem(QGraphicsItem):
    def __init__(self, scene: EcomapScene, tie: EcomapTie, node: NodeItem) -> None:
        super().__init__()
        self.ecomap = scene
        self.tie = tie
        self.node = node
        self.hatch_count = 0
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def ends(self) -> tuple[tuple[float, float], tuple[float, float]]:
        placed = self.node.placed_at(self.node.pos())
        return edge_ends(self.ecomap.lay, placed)

    def boundingRect(self) -> QRectF:
        (ax, ay), (bx, by) = self.ends()
        return QRectF(QPointF(min(ax, bx), min(ay, by)),
                      QPointF(max(ax, bx), max(ay, by))).adjusted(-14, -14, 14, 14)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        a, b = self.ends()
        self.hatch_count = paint_tie(painter, a, b, self.tie.strength, self.tie.quality,
                                     self.tie.energy_flow)

    def marks(self) -> int:
        """How many crossing strokes the tie carries (stressful ties are hatched)."""
        return len(hatch_marks(*self.ends())) if self.tie.quality == "stressful" else 0

    def geometry_changed(self) -> None:
        self.prepareGeometryChange()
        self.update()


class NodeItem(QGraphicsItem):
    def __init__(self, scene: EcomapScene, placed: PlacedNode, tie: EcomapTie,
                 mark: str | None, editable: bool) -> None:
        super().__init__()
        self.ecomap = scene
        self.placed = placed
        self.tie = tie
        self.mark = mark
        self.edge: EdgeItem | None = None
        self._press_pos: QPointF | None = None
        flags = (QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
                 | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                 | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        if editable:
            flags |= QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        self.setFlags(flags)
        self.setZValue(2)
        self.setPos(placed.x, placed.y)
        from desktop.ui.ecomap.carer_dialog import tie_line

        self.setToolTip("\n".join(x for x in (
            " — ".join(x for x in (tie.label, tie.role, tie.phone) if x),
            tie_line(tie, scene.day)) if x))
        self.setCursor(Qt.CursorShape.OpenHandCursor if editable else Qt.CursorShape.ArrowCursor)

    @property
    def tie_id(self) -> str:
        return self.tie.id

    def placed_at(self, pos: QPointF) -> PlacedNode:
        p = self.placed
        return PlacedNode(p.id, pos.x(), pos.y(), p.w, p.h, p.lines, p.role_line, p.sector,
                          p.kind, p.pinned)

    def offset(self) -> tuple[float, float]:
        lay = self.ecomap.lay
        return (round(self.pos().x() - lay.cx, 1), round(self.pos().y() - lay.cy, 1))

    def boundingRect(self) -> QRectF:
        w, h = self.placed.w, self.placed.h
        return QRectF(-w / 2 - 8, -h / 2 - 8, w + 16, h + 16)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        p = self.placed
        box = QRectF(-p.w / 2, -p.h / 2, p.w, p.h)
        if self.mark:
            ring = QPen(QColor(HIGHLIGHT[self.mark]), 3)
            if self.mark == "removed":
                ring.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.drawRoundedRect(box.adjusted(-4, -4, 4, 4), 7, 7)
        pen = QPen(QColor(SECTOR_STROKE.get(p.sector, "#777777")),
                   2.0 if self.tie.is_reference_person else 1.0)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(SECTOR_FILL.get(p.sector, "#ececec"))))
        painter.drawRoundedRect(box, 5, 5)
        if self.hasFocus() or self.isSelected():
            focus = QPen(QColor("#1a73e8"), 2.5)
            focus.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(-3, -3, 3, 3), 6, 6)
        top = -p.h / 2
        y = top + PAD_Y + NAME_SIZE * 0.95
        for line in p.lines:
            draw_text(painter, 0, y, line, NAME_SIZE, bold=True)
            y += NAME_SIZE * LINE
        if p.role_line:
            y += (ROLE_SIZE - NAME_SIZE) * 0.2
            draw_text(painter, 0, y, p.role_line, ROLE_SIZE, colour="#3c3c3c")
        bx = p.w / 2 - 7
        for flag, symbol in BADGES:
            if getattr(self.tie, flag):
                painter.setPen(QPen(QColor("#444444"), 0.8))
                painter.setBrush(QBrush(QColor("white")))
                painter.drawEllipse(QPointF(bx, top), 6.2, 6.2)
                draw_text(painter, bx, top + 3.0, symbol, 8,
                          colour="#b00020" if flag == "is_informal_carer" else "#222222")
                bx -= 14
        m = carer_mark(p, self.tie.carer_burden, self.tie.carer_review_on, self.ecomap.day)
        if m is not None:  # the carer's own assessment: burden by colour, "!" when review due
            at = QPointF(m.x - p.x, m.y - p.y)
            painter.setPen(QPen(QColor("#333333"), 0.8))
            painter.setBrush(QBrush(QColor(m.fill)))
            painter.drawEllipse(at, m.r, m.r)
            if m.review_due:
                draw_text(painter, at.x(), at.y() + 3.0, "!", 8, bold=True, colour="#ffffff")

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.edge:
            self.edge.geometry_changed()
        return super().itemChange(change, value)

    # ---- interaction -------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = QPointF(self.pos())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._press_pos is not None and self.pos() != self._press_pos:
            self.ecomap.node_moved.emit(self.tie_id, *self.offset())
        self._press_pos = None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ecomap.node_activated.emit(self.tie_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        step = FINE_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else KEY_STEP
        moves = {Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
                 Qt.Key.Key_Up: (0, -step), Qt.Key.Key_Down: (0, step)}
        movable = bool(self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        if key in moves and movable:
            self.moveBy(*moves[key])
            self.ecomap.schedule_key_move(self)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ecomap.node_activated.emit(self.tie_id)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and movable:
            self.ecomap.node_delete_requested.emit(self.tie_id)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.ecomap.node_focused.emit(self.tie_id)
        for view in self.ecomap.views():
            view.ensureVisible(self, 30, 30)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


class PatientItem(QGraphicsItem):
    def __init__(self, lay: EcomapLayout) -> None:
        super().__init__()
        self.lay = lay
        self.setPos(lay.cx, lay.cy)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        r = self.lay.patient_radius + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.lay.patient_radius
        painter.setPen(QPen(QColor(PATIENT_STROKE), 2.2))
        painter.setBrush(QBrush(QColor(PATIENT_FILL)))
        painter.drawEllipse(QPointF(0, 0), r, r)
        n = len(self.lay.patient_lines)
        first = -(n - 1) * PATIENT_SIZE * LINE / 2 + PATIENT_SIZE * 0.35
        for i, line in enumerate(self.lay.patient_lines):
            draw_text(painter, 0, first + i * PATIENT_SIZE * LINE, line, PATIENT_SIZE, bold=True,
                      colour="#2b2200")


class EcomapScene(QGraphicsScene):
    node_moved = Signal(str, float, float)  # tie id, offset from the patient
    node_activated = Signal(str)
    node_delete_requested = Signal(str)
    node_focused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lay = layout([], "")
        self.day = dt.date.today()  # the map's date (review marks); set by show_map
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self._key_moved: NodeItem | None = None
        self._key_timer = QTimer(self)
        self._key_timer.setSingleShot(True)
        self._key_timer.setInterval(450)
        self._key_timer.timeout.connect(self._flush_key_move)

    def show_map(self, data: EcomapData, *, highlight: Mapping[str, str] | None = None,
                 editable: bool = True) -> None:
        self._flush_key_move()
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        self.lay = layout(data.nodes(), data.patient_label)
        self.day = data.taken_on
        self.setSceneRect(0, 0, self.lay.width, self.lay.height)
        self.addRect(QRectF(0, 0, self.lay.width, self.lay.height), QPen(Qt.PenStyle.NoPen),
                     QBrush(QColor("white"))).setZValue(-1)
        self.addItem(PatientItem(self.lay))
        ties = {t.id: t for t in data.ties}
        marks = highlight or {}
        # focus order = the order round the patient (clockwise from the top)
        ordered = sorted(self.lay.nodes, key=lambda n: math.atan2(n.x - self.lay.cx,
                                                                  -(n.y - self.lay.cy)) % 6.3)
        for placed in ordered:
            node = NodeItem(self, placed, ties[placed.id], marks.get(placed.id), editable)
            edge = EdgeItem(self, ties[placed.id], node)
            node.edge = edge
            self.addItem(edge)
            self.addItem(node)
            self.nodes[placed.id] = node
            self.edges[placed.id] = edge

    def people_rect(self) -> QRectF:
        """The patient and the people around them, without the blank margin of the canvas."""
        r = self.lay.patient_radius
        area = QRectF(self.lay.cx - r, self.lay.cy - r, 2 * r, 2 * r)
        for node in self.nodes.values():
            area = area.united(node.sceneBoundingRect())
        return area

    def focus_order(self) -> list[str]:
        return [n.tie_id for n in self.nodes.values()]

    def schedule_key_move(self, node: NodeItem) -> None:
        if self._key_moved is not None and self._key_moved is not node:
            self._flush_key_move()
        self._key_moved = node
        self._key_timer.start()

    def _flush_key_move(self) -> None:
        self._key_timer.stop()
        node, self._key_moved = self._key_moved, None
        if node is not None and node.scene() is self:
            self.node_moved.emit(node.tie_id, *node.offset())


class EcomapView(QGraphicsView):
    """Zoom with Ctrl+wheel or the zoom actions; Tab walks through the nodes."""

    def __init__(self, scene: EcomapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QBrush(QColor("#f4f4f4")))

    def min_scale(self) -> float:
        """The smallest zoom the view offers: the smallest label (a role line) stays at
        MIN_LABEL_PT on screen, so a crowded map scrolls rather than shrink its names."""
        return MIN_LABEL_PT * self.logicalDpiY() / 72.0 / min(NAME_SIZE, ROLE_SIZE)

    def label_points(self) -> float:
        """The size on screen, in points, of the smallest label at the current zoom."""
        return min(NAME_SIZE, ROLE_SIZE) * self.transform().m11() * 72.0 / self.logicalDpiY()

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(self.min_scale() / current, min(MAX_SCALE / current, factor))
        self.scale(factor, factor)

    def fit(self) -> None:
        """"Tout voir": the people and the patient as large as the view allows, but never below
        the readable minimum (then the map scrolls, centred on the patient)."""
        scene = self.scene()
        if scene is None:
            return
        area = (scene.people_rect() if isinstance(scene, EcomapScene)
                else scene.sceneRect()).adjusted(-20, -20, 20, 20)
        port = self.viewport().rect()
        fitting = min(port.width() / max(area.width(), 1.0), port.height() / max(area.height(), 1.0))
        scale = max(self.min_scale(), min(fitting, FIT_MAX_SCALE))
        self.resetTransform()
        self.scale(scale, scale)
        centre = scene.lay if isinstance(scene, EcomapScene) else None
        self.centerOn(QPointF(centre.cx, centre.cy) if centre is not None and fitting < scale
                      else area.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # dragging a node moves it; dragging the background pans the map
        item = self.itemAt(event.position().toPoint())
        self.setDragMode(QGraphicsView.DragMode.NoDrag if isinstance(item, NodeItem)
                         else QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab go from node to node round the patient, then leave the map."""
        scene = self.scene()
        if not isinstance(scene, EcomapScene) or not scene.nodes:
            return super().focusNextPrevChild(forward)
        order = list(scene.nodes.values())
        current = scene.focusItem()
        if current in order:
            i = order.index(current) + (1 if forward else -1)
            if 0 <= i < len(order):
                scene.setFocusItem(order[i])
                return True
            return super().focusNextPrevChild(forward)
        scene.setFocusItem(order[0 if forward else -1])
        return True
