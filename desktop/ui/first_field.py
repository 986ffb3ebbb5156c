"""A form opens with the keyboard in its first field.

Qt gives a new dialog's focus to the first widget in its focus chain, which follows the order the
widgets were made in: a dialog that builds its buttons before its form (every form dialog does)
opened with Save focused, and what a hurried case manager typed went nowhere. The first field is
the top-left one on screen, whatever order the widgets were made in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from desktop.ui.fields import DateField, TimeField


def _chrome(widget: QWidget) -> bool:
    """The dialog's buttons and its scrolling frame: never where typing should go."""
    if isinstance(widget, QScrollArea):
        return True
    return isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(),
                                                             QDialogButtonBox)


def first_field(top: QWidget) -> QWidget | None:
    """The top-left widget of `top` that takes the keyboard (Tab), buttons of a button box and
    scroll areas aside."""
    fields = [w for w in top.findChildren(QWidget)
              if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()
              and w.isVisibleTo(top) and not _chrome(w)]
    if not fields:
        return None
    return min(fields, key=lambda w: (w.mapTo(top, w.rect().topLeft()).y(),
                                      w.mapTo(top, w.rect().topLeft()).x()))


def focus_first_field(top: QWidget) -> None:
    """Put the keyboard in the first field, unless the dialog chose a field of its own; once
    the dialog is shown (QDialog hands its focus field a Tab focus, which selects a line edit's
    text: the first key typed replaced a record's name or a restored draft), the cursor after
    the text, nothing selected — but in a date or a time, whose default typing replaces."""
    current: QWidget | None = top.focusWidget()
    if current is None or current is top or _chrome(current):
        current = first_field(top)
        if current is None:
            return
        current.setFocus(Qt.FocusReason.OtherFocusReason)
    line = current.lineEdit() if isinstance(current, QComboBox) else current
    # a date or a time stays selected: typing replaces the day it was given by default
    if isinstance(line, QLineEdit) and not isinstance(line, DateField | TimeField) \
            and line.hasSelectedText():
        line.deselect()
        line.end(False)
    elif isinstance(current, QPlainTextEdit) and current.textCursor().atStart():
        current.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after the text
