"""Windows and dialogs that fit the smallest screen Relais is used on: a 1366×768 laptop, of
which about 1366×700 is left once the window manager's title bar and the taskbar are drawn.

A long form scrolls inside the dialog (`scrolled`) while its buttons stay below, in view;
`fit_to_screen` keeps a window's first size within the screen it opens on, `fit_to_content` a
dialog's at what its form asks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLayout,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

MAX_WIDTH = 1366
SMALL_SCREEN_WIDTH = 1440
MAX_HEIGHT = 700
# what a dialog's scrolled part may take: the rest is title, messages and buttons
SCROLL_HEIGHT = 540


class FitScrollArea(QScrollArea):
    """A frameless scroll area as large as its content wants, up to `max_height`: short forms
    show whole, long ones scroll. (QScrollArea's own hint stops at 24 lines of text.)"""

    def __init__(self, content: QWidget, max_height: int = SCROLL_HEIGHT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_height = max_height
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, which scroll in
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint().expandedTo(content.minimumSizeHint())
        bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        height = min(hint.height(), self.max_height)
        width = hint.width() + frame + (bar if hint.height() > height else 0)
        return QSize(min(width, MAX_WIDTH), height + frame)

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        lines = self.fontMetrics().height() * 6
        return QSize(min(content.minimumSizeHint().width() + bar, MAX_WIDTH),
                     min(content.minimumSizeHint().height(), lines))


def scrolled(content: QWidget | QLayout, max_height: int = SCROLL_HEIGHT) -> FitScrollArea:
    """`content` (a widget, or a layout put on a new widget) in a scroll area that fits."""
    if isinstance(content, QLayout):
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    return FitScrollArea(content, max_height)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or less: within the screen, and within 1366×700 so the window
    opens whole on the smallest laptop (the user may enlarge it)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else QSize(MAX_WIDTH,
                                                                             MAX_HEIGHT)
    widget.resize(min(width, room.width(), MAX_WIDTH), min(height, room.height(), MAX_HEIGHT))


def fit_to_content(dialog: QWidget) -> None:
    """As large as its layout asks, within the screen: Qt sizes a dialog to at most two thirds
    of the screen (512 pixels high on a laptop), so a form that fits 700 scrolled for nothing."""
    hint = dialog.sizeHint()
    fit_to_screen(dialog, hint.width(), hint.height())


def grow_to_content(dialog: QWidget) -> None:
    """A shown dialog whose content grew (an inline error under a field) taller, as far as the
    screen allows, and moved up if it would end below it; never smaller (no jump back when
    the error goes). Without this the new message pushed the last fields under a scroll bar
    while the screen had room."""
    for area in dialog.findChildren(FitScrollArea):  # their content's layout first
        content = area.widget()
        inner = content.layout() if content is not None else None
        if inner is not None:
            inner.activate()
        area.updateGeometry()
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    hint = dialog.sizeHint()
    if hint.height() <= dialog.height() and hint.width() <= dialog.width():
        return
    fit_to_screen(dialog, max(hint.width(), dialog.width()), max(hint.height(), dialog.height()))
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None and dialog.isVisible():
        room = screen.availableGeometry()
        frame = dialog.frameGeometry()
        if frame.bottom() > room.bottom():
            dialog.move(frame.left(), max(room.top(), frame.top() - (frame.bottom() - room.bottom())))


def show_main(window: QWidget) -> None:
    """A main or dossier window maximised on a laptop's screen (up to 1440 pixels wide, where
    a 1200- or 1280-pixel window leaves a useless strip), else shown at its size."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None and screen.availableGeometry().width() <= SMALL_SCREEN_WIDTH:
        window.showMaximized()
    else:
        window.show()


class _SpacedDelegate(QStyledItemDelegate):
    """Asks for an em of room after each cell's text, so columns sized to their contents do
    not run one into the next ("1 comprimé|le matin")."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + option.fontMetrics.horizontalAdvance("M"), hint.height())


def spaced_columns(view: QAbstractItemView) -> None:
    """Columns sized to their contents keep a gap after the longest text."""
    view.setItemDelegate(_SpacedDelegate(view))
