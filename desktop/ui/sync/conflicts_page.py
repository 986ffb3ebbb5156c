"""Conflicts page: what two laptops changed at the same time, field by field (the value before
both changes, this laptop's, the other laptop's), and the choice: keep this laptop's, keep the
other laptop's, or type a new value — named by laptop as `relais sync --keep` does
(desktop/services/conflict_sides.py). The choice goes up as a normal change and is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.services import sync as sync_service
from desktop.services import sync_status
from desktop.services.conflict_sides import side_of_this_laptop
from desktop.ui.i18n import error_message
from desktop.ui.sync.labels import field_name, not_connected_text, table_label, value_text

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class ConflictsPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Conflicts"))
        self.rows: list[sync_service.ConflictView] = []
        layout = QVBoxLayout(self)
        self.empty = QLabel(self.tr("No conflicts: every change was merged."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)
        self.sides: list[str | None] = []  # per row: conflict_sides.side_of_this_laptop
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Patient"), self.tr("Record"), self.tr("Field"), self.tr("Before"),
            self.tr("This laptop"), self.tr("Other laptop")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Open conflicts"))
        self.table.itemSelectionChanged.connect(self._show_selected)
        layout.addWidget(self.table, 1)
        # what one conflict says and the choices about it: shown only while there is one
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.base = QLabel()
        self.mine = QLabel()
        self.theirs = QLabel()
        for label in (self.base, self.mine, self.theirs):
            label.setWordWrap(True)
        form.addRow(self.tr("Before both changes:"), self.base)
        # self.mine / self.theirs: this laptop's value and the other laptop's (by side)
        self.mine_label = QLabel(self.tr("This laptop:"))
        self.theirs_label = QLabel(self.tr("The other laptop:"))
        form.addRow(self.mine_label, self.mine)
        form.addRow(self.theirs_label, self.theirs)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(self.tr("New value"))
        form.addRow(self.tr("Or a new value:"), self.edit)
        detail.addLayout(form)
        buttons = QHBoxLayout()
        self.keep_mine = QPushButton(self.tr("Keep &this laptop's"))
        self.take_theirs = QPushButton(self.tr("Keep the &other laptop's"))
        self.use_edit = QPushButton(self.tr("&Use the new value"))
        self.keep_mine.clicked.connect(lambda: self._resolve(self._choice("this-laptop")))
        self.take_theirs.clicked.connect(lambda: self._resolve(self._choice("other-laptop")))
        self.use_edit.clicked.connect(lambda: self._resolve("edit"))
        for b in (self.keep_mine, self.take_theirs, self.use_edit):
            buttons.addWidget(b)
        buttons.addStretch(1)
        detail.addLayout(buttons)
        layout.addWidget(self.detail)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for w in (self.keep_mine, self.take_theirs, self.use_edit, self.edit):
            w.setEnabled(on)

    def refresh(self) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        self.rows = sync_service.list_conflicts(ctx)
        self.empty.setText(self.tr("No conflicts: every change was merged.")
                           if sync_status.is_enrolled(ctx) else not_connected_text())
        self.sides = [side_of_this_laptop(ctx, c.id) for c in self.rows]
        self.table.setRowCount(len(self.rows))
        for i, c in enumerate(self.rows):
            this, other = self._values(c, self.sides[i])
            cells = [c.patient_name or "—", table_label(c.table), field_name(c.field),
                     value_text(c.base), this, other]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        self.detail.setVisible(bool(self.rows))
        if self.rows:
            self.table.selectRow(0)
        self._show_selected()

    def _values(self, c: sync_service.ConflictView, side: str | None) -> tuple[str, str]:
        """(this laptop's value, the other laptop's) as text. Neither from here (a third
        laptop's conflict): the one kept for now, then the one that arrived second."""
        if side == "mine":
            return value_text(c.mine), value_text(c.theirs)
        if side == "theirs":
            return value_text(c.theirs), value_text(c.mine)
        return "—", f"{value_text(c.theirs)} / {value_text(c.mine)}"

    def _side(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        row = rows[0].row() if rows else -1
        return self.sides[row] if 0 <= row < len(self.sides) else None

    def _choice(self, keep: str) -> str:
        """The service's choice for this-laptop / other-laptop; without a side here, the first
        button keeps the value kept for now and the second the one that arrived second."""
        side = self._side()
        if side is None:
            return "theirs" if keep == "this-laptop" else "mine"
        return side if keep == "this-laptop" else ("theirs" if side == "mine" else "mine")

    def selected(self) -> sync_service.ConflictView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _show_selected(self) -> None:
        c = self.selected()
        self.error.clear()
        if c is None:
            for label in (self.base, self.mine, self.theirs):
                label.clear()
            self._enable(False)
            return
        side = self._side()
        self.base.setText(value_text(c.base))
        if side is None:  # neither value was typed here
            self.mine_label.setText(self.tr("Kept by the server for now:"))
            self.theirs_label.setText(self.tr("Arrived second:"))
            self.keep_mine.setText(self.tr("Keep the one &kept for now"))
            self.take_theirs.setText(self.tr("Keep the one that arrived &second"))
            self.mine.setText(value_text(c.theirs))
            self.theirs.setText(value_text(c.mine))
        else:
            self.mine_label.setText(self.tr("This laptop:"))
            self.theirs_label.setText(self.tr("The other laptop:"))
            self.keep_mine.setText(self.tr("Keep &this laptop's"))
            self.take_theirs.setText(self.tr("Keep the &other laptop's"))
            this, other = self._values(c, side)
            self.mine.setText(this)
            self.theirs.setText(other)
        self._enable(True)
        record = c.field == "_record"
        self.edit.setEnabled(not record)
        self.use_edit.setEnabled(not record)
        self.edit.setText("" if record else value_text(c.theirs).replace("—", ""))

    def _resolve(self, choice: str) -> None:
        c = self.selected()
        if c is None:
            return
        value = self.edit.text() if choice == "edit" else None
        try:
            sync_service.resolve_conflict(self.window_.ctx, c.id, choice, value)
        except DomainError as exc:
            self.error.setText(error_message(exc))
            return
        self.window_.bus.changed.emit("conflicts")
        self.refresh()


def create_page(window: MainWindow) -> QWidget:
    return ConflictsPage(window)
