"""A form generated from an instrument definition: one input per item, grouped by section,
conditions applied as the answers change, errors shown under the item they name.

Keyboard first: every input takes focus with Tab; a choice is picked by typing its value
(options read "3 — …"), a yes/no by typing its first letter or 1 (yes) / 0 or 2 (no), a
number by typing it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError, ValidationErrors
from desktop.domain.instruments import Definition, Item, text_in, visible_items
from desktop.ui.i18n import current_language, error_message

ERROR_STYLE = "color: #b00020;"
UNANSWERED = "—"
LABEL_CHARS = 30  # width of the items' label column, in average characters


def _narrowable(combo: QComboBox) -> None:
    """A long answer is cut in the closed box (whole in its open list) rather than widening
    the form beyond the screen."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(24)


class YesNoCombo(QComboBox):
    """A yes/no answer: its first letter, or a digit like the other items (1 = yes, 0 or
    2 = no: the usual codings of a yes/no item)."""

    DIGITS = {"1": True, "0": False, "2": False}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API
        value = self.DIGITS.get(event.text())
        if value is None:
            super().keyPressEvent(event)
            return
        for i in range(self.count()):
            if self.itemData(i) is value:
                self.setCurrentIndex(i)
        event.accept()


class ItemInput:
    """One item's widget, its row label and its error label."""

    def __init__(self, item: Item, form: QFormLayout, label: str, parent: QWidget) -> None:
        self.item = item
        self.widget = self._make(parent)
        self.widget.setObjectName(f"item_{item.id}")
        self.widget.setAccessibleName(label)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.widget)
        # one label column for every section, each label as tall as its wrapped text (a form
        # layout squeezed long labels such as "Orientation dans le temps" into one line)
        width = self.label.fontMetrics().averageCharWidth() * LABEL_CHARS
        self.label.setFixedWidth(width)
        self.label.setMinimumHeight(self.label.heightForWidth(width))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.widget)
        lay.addWidget(self.error)
        self.box = box
        form.addRow(self.label, box)

    def _make(self, parent: QWidget) -> QWidget:
        lang = current_language()
        it = self.item
        if it.type == "choice":
            combo = QComboBox(parent)
            combo.addItem(UNANSWERED, None)
            for o in it.options:
                label = text_in(o.label, lang)
                combo.addItem(f"{o.value} — {label}" if label else str(o.value), o.value)
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            _narrowable(combo)
            return combo
        if it.type == "boolean":
            combo = YesNoCombo(parent)
            combo.addItem(UNANSWERED, None)
            yes = (text_in(it.options[0].label, lang)
                   or QCoreApplication.translate("InstrumentForm", "Yes"))
            no = (text_in(it.options[1].label, lang)
                  or QCoreApplication.translate("InstrumentForm", "No"))
            combo.addItem(yes, True)
            combo.addItem(no, False)
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return combo
        if it.type == "number":
            spin = QSpinBox(parent)
            assert it.min is not None and it.max is not None
            spin.setRange(it.min - 1, it.max)
            spin.setSpecialValueText(UNANSWERED)  # shown at the minimum: unanswered
            spin.setValue(it.min - 1)
            if it.unit:
                spin.setSuffix(" " + text_in(it.unit, lang))
            return spin
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(70)
        return edit

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QSpinBox):
            return None if w.value() == w.minimum() else w.value()
        assert isinstance(w, QPlainTextEdit)
        return w.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            index = 0
            for i in range(1, w.count()):
                data = w.itemData(i)
                if data == value and type(data) is type(value):
                    index = i
            w.setCurrentIndex(index)
        elif isinstance(w, QSpinBox):
            w.setValue(w.minimum() if value is None else int(value))
        else:
            assert isinstance(w, QPlainTextEdit)
            w.setPlainText("" if value is None else str(value))

    def set_visible(self, on: bool) -> None:
        self.label.setVisible(on)
        self.box.setVisible(on)

    def set_read_only(self, on: bool) -> None:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.setReadOnly(on)
        else:
            w.setEnabled(not on)


class InstrumentForm(QScrollArea):
    """Emits `edited` whenever an answer changes (the dialog autosaves on it), and then
    `chosen` when it was picked from a list (one click: the dialog saves it at once)."""

    edited = Signal()
    chosen = Signal()

    def __init__(self, defn: Definition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.defn = defn
        self.setWidgetResizable(True)
        body = QWidget()
        outer = QVBoxLayout(body)
        lang = current_language()
        self.inputs: dict[str, ItemInput] = {}
        groups: dict[str | None, QFormLayout] = {}
        missing = self.tr("Item {n} (licensed text not imported)")
        for n, it in enumerate(defn.items, 1):
            if it.section not in groups:
                title = next((text_in(s.title, lang) for s in defn.sections if s.id == it.section),
                             "")
                group = QGroupBox(title)
                groups[it.section] = QFormLayout(group)
                groups[it.section].setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
                outer.addWidget(group)
            label = text_in(it.text, lang) or missing.format(n=n)
            inp = ItemInput(it, groups[it.section], label, body)
            if it.help:
                inp.widget.setToolTip(text_in(it.help, lang))
                inp.widget.setAccessibleDescription(text_in(it.help, lang))
            self.inputs[it.id] = inp
            self._connect(inp)
        outer.addStretch(1)
        self.setWidget(body)
        self.apply_conditions()

    def _connect(self, inp: ItemInput) -> None:
        w = inp.widget
        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._changed)
            w.currentIndexChanged.connect(self.chosen)
        elif isinstance(w, QSpinBox):
            w.valueChanged.connect(self._changed)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._changed)

    def _changed(self, *_args: Any) -> None:
        self.apply_conditions()
        self.edited.emit()

    def first_input(self) -> QWidget:
        return next(iter(self.inputs.values())).widget

    def answers(self) -> dict[str, Any]:
        return {k: v for k, inp in self.inputs.items() if (v := inp.value()) is not None}

    def set_answers(self, answers: dict[str, Any]) -> None:
        for inp in self.inputs.values():
            inp.widget.blockSignals(True)
            inp.set_value(answers.get(inp.item.id))
            inp.widget.blockSignals(False)
        self.apply_conditions()

    def apply_conditions(self) -> None:
        shown = {it.id for it in visible_items(self.defn, self.answers())}
        for key, inp in self.inputs.items():
            inp.set_visible(key in shown)

    def set_read_only(self, on: bool) -> None:
        for inp in self.inputs.values():
            inp.set_read_only(on)

    def clear_errors(self) -> None:
        for inp in self.inputs.values():
            inp.error.hide()

    def show_errors(self, exc: DomainError) -> bool:
        """Put each error under its item; False when none names an item of this form."""
        self.clear_errors()
        errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
        placed = False
        first: QWidget | None = None
        for err in errors:
            inp = self.inputs.get(err.field or "")
            if inp is None:
                continue
            inp.error.setText(error_message(err).split(": ", 1)[-1])
            inp.error.show()
            placed = True
            first = first or inp.widget
        if first is not None:
            self.ensureWidgetVisible(first)
            first.setFocus()
        return placed
