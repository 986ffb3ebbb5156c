"""Date and time fields that take what a person types.

`DateField` reads 31/03/2027, 31032027, 1/4/27, 31/03 (this year) or ISO, and shows dd/mm/yyyy;
`TimeField` reads 10, 1030, 10h30 or 10:30 and shows HH:MM. Both are plain line edits: Tab leaves
the field at once, nothing walks hidden sections. What cannot be read stays in the field, turns
red and is reported (`problem`, and `value()` raises the domain error) — never silently dropped.
The parsing is the pure `desktop.domain.dates.read_typed_*`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QObject, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from desktop.domain.dates import format_date, format_time, read_typed_date, read_typed_time
from desktop.domain.errors import ValidationError

INVALID_STYLE = "QLineEdit { color: #b00020; border: 2px solid #b00020; }"


def _message(exc: ValidationError) -> str:
    from desktop.ui.i18n import message

    return message(exc.code, **exc.params)


class _TypedField(QLineEdit):
    """What both fields share: read on leaving the field, red and reported when unreadable."""

    problem = Signal(str)  # the message, "" once the text reads again

    def __init__(self, parent: QWidget | None, field: str | None) -> None:
        super().__init__(parent)
        self.field = field
        self._error: ValidationError | None = None
        self.editingFinished.connect(self.normalise)
        self.textEdited.connect(self._edited)

    def _read(self) -> object:
        raise NotImplementedError

    def _show(self, value: object) -> str:
        raise NotImplementedError

    def _emit_changed(self, value: object) -> None:
        raise NotImplementedError

    def _edited(self, _text: str) -> None:
        if self._error is not None:  # typing again: no red while the person corrects it
            self.setStyleSheet("")

    def normalise(self) -> bool:
        """Read the text: shown in the standard form when it reads, marked red otherwise."""
        try:
            value = self._read()
        except ValidationError as exc:
            self._error = exc
            self.setStyleSheet(INVALID_STYLE)
            self.setToolTip(_message(exc))
            self.problem.emit(_message(exc))
            return False
        had_error = self._error is not None
        self._error = None
        self.setStyleSheet("")
        self.setToolTip("")
        shown = self._show(value)
        if shown != self.text():
            self.setText(shown)
        if had_error:
            self.problem.emit("")
        self._emit_changed(value)
        return True

    def error(self) -> ValidationError | None:
        """The domain error for the current text (None when it reads)."""
        try:
            self._read()
        except ValidationError as exc:
            return exc
        return None

    def is_valid(self) -> bool:
        return self.error() is None


class DateField(_TypedField):
    """A date typed as dd/mm/yyyy (or shorter); empty means no date."""

    dateChanged = Signal(object)  # dt.date | None, when the read value changes

    def __init__(self, day: dt.date | QDate | None = None, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None, field: str | None = None) -> None:
        super().__init__(parent, field)
        self._today = today or dt.date.today
        self._last: dt.date | None = None
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setToolTip("")
        action = QAction(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                         self.tr("Calendar (Alt+Down)"), self)
        action.triggered.connect(self.show_calendar)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar: QCalendarWidget | None = None
        self.setDate(day)

    def _read(self) -> dt.date | None:
        return read_typed_date(self.text(), self._today(), self.field)

    def _show(self, value: object) -> str:
        return format_date(value)  # type: ignore[arg-type]

    def _emit_changed(self, value: object) -> None:
        if value != self._last:
            self._last = value  # type: ignore[assignment]
            self.dateChanged.emit(value)

    def value(self) -> dt.date | None:
        """The date, None when blank; raises ValidationError("date.unreadable") otherwise."""
        return self._read()

    def date_or_none(self) -> dt.date | None:
        """The date, None when blank or unreadable (for previews, never for saving)."""
        try:
            return self._read()
        except ValidationError:
            return None

    def setDate(self, day: dt.date | QDate | None) -> None:  # noqa: N802 - Qt's naming
        if isinstance(day, QDate):
            day = dt.date(day.year(), day.month(), day.day()) if day.isValid() else None
        self.setText(format_date(day))
        self.normalise()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if ((event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier)
                or event.key() == Qt.Key.Key_F4):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> QCalendarWidget:
        cal = QCalendarWidget(self)
        cal.setWindowFlag(Qt.WindowType.Popup)
        cal.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        day = self.date_or_none() or self._today()
        cal.setSelectedDate(QDate(day.year, day.month, day.day))

        def chosen(q: QDate) -> None:
            self.setDate(q)
            cal.close()
            self.setFocus()

        cal.clicked.connect(chosen)
        cal.activated.connect(chosen)
        cal.move(self.mapToGlobal(self.rect().bottomLeft()))
        cal.show()
        cal.setFocus()
        self.calendar = cal
        return cal


class TimeField(_TypedField):
    """A time typed as 10, 1030, 10h30 or 10:30; shown HH:MM."""

    timeChanged = Signal(object)  # dt.time | None, when the read value changes

    def __init__(self, value: dt.time | QTime | None = None, parent: QWidget | None = None, *,
                 field: str | None = None) -> None:
        super().__init__(parent, field)
        self._last: dt.time | None = None
        self.setPlaceholderText(self.tr("hh:mm"))
        self.setMaxLength(8)
        self.setTime(value)

    def _read(self) -> dt.time | None:
        return read_typed_time(self.text(), self.field)

    def _show(self, value: object) -> str:
        return format_time(value)  # type: ignore[arg-type]

    def _emit_changed(self, value: object) -> None:
        if value != self._last:
            self._last = value  # type: ignore[assignment]
            self.timeChanged.emit(value)

    def value(self) -> dt.time | None:
        return self._read()

    def time_or_none(self) -> dt.time | None:
        try:
            return self._read()
        except ValidationError:
            return None

    def setTime(self, value: dt.time | QTime | None) -> None:  # noqa: N802 - Qt's naming
        if isinstance(value, QTime):
            value = dt.time(value.hour(), value.minute()) if value.isValid() else None
        self.setText(format_time(value))
        self.normalise()


def typed_fields(root: QObject) -> list[_TypedField]:
    """The enabled date/time fields under `root`, in creation order."""
    return [f for f in root.findChildren(_TypedField) if f.isEnabled()]


def first_unreadable(root: QObject) -> _TypedField | None:
    """The first enabled date/time field under `root` whose text cannot be read; it is marked
    red and gets the focus (the caller shows the message and refuses to save)."""
    for f in typed_fields(root):
        if not f.normalise():
            f.setFocus()
            return f
    return None


class KeepDuration(QObject):
    """Moving the start moves the end by as much: the duration stays what it was."""

    def __init__(self, start: TimeField, end: TimeField) -> None:
        super().__init__(start)
        self.start, self.end = start, end
        self._start = start.time_or_none()
        start.timeChanged.connect(self._moved)

    def _moved(self, new: dt.time | None) -> None:
        old, self._start = self._start, new
        end = self.end.time_or_none()
        if old is None or new is None or end is None:
            return
        base = dt.date(2000, 1, 1)
        shifted = (dt.datetime.combine(base, end)
                   + (dt.datetime.combine(base, new) - dt.datetime.combine(base, old)))
        if shifted.date() != base:  # past midnight: stop at the end of the day
            shifted = dt.datetime.combine(base, dt.time(23, 59)) if shifted.date() > base \
                else dt.datetime.combine(base, dt.time(0, 0))
        self.end.setTime(shifted.time())
