"""Needs attention: changes the server refused (not in your teams, consent withdrawn, …). They
never block the others and are never dropped silently: a person retries or discards each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_datetime
from desktop.services import sync as sync_service
from desktop.services import sync_status
from desktop.ui.i18n import error_message
from desktop.ui.sync.labels import field_name, not_connected_text, reason_text, table_label

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class AttentionPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Needs attention"))
        self.items: list[sync_service.AttentionItem] = []
        layout = QVBoxLayout(self)
        self.empty = QLabel(self.tr("Nothing needs attention: the server accepted every change."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Patient"), self.tr("Record"), self.tr("Fields"),
            self.tr("Reason")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Refused changes"))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.retry = QPushButton(self.tr("&Send again"))
        self.discard = QPushButton(self.tr("&Discard (undo here)"))
        self.retry.clicked.connect(self._retry)
        self.discard.clicked.connect(self._discard)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.discard)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        for widget in (self.empty, self.table, self.retry, self.discard):
            widget.hide()  # until the first refresh says which of them there is to show

    def refresh(self) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        self.items = sync_service.needs_attention(ctx)
        self.empty.setText(self.tr("Nothing needs attention: the server accepted every change.")
                           if sync_status.is_enrolled(ctx) else not_connected_text())
        self.table.setRowCount(len(self.items))
        for i, it in enumerate(self.items):
            cells = [short_datetime(it.created_at), it.patient_name or "—",
                     table_label(it.table), ", ".join(field_name(f) for f in it.fields),
                     reason_text(it.reason)]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        for b in (self.retry, self.discard):
            b.setVisible(bool(self.items))
        if self.items:
            self.table.selectRow(0)

    def selected(self) -> sync_service.AttentionItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _retry(self) -> None:
        item = self.selected()
        if item is None:
            return
        self._run(lambda: sync_service.retry_op(self.window_.ctx, item.op_id))

    def _discard(self) -> None:
        item = self.selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard the change"),
            self.tr("The change will be undone on this computer and not sent. Continue?"))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: sync_service.discard_op(self.window_.ctx, item.op_id))

    def _run(self, fn: Callable[[], object]) -> None:
        self.error.clear()
        try:
            fn()
        except DomainError as exc:
            self.error.setText(error_message(exc))
            return
        self.window_.bus.changed.emit("attention")
        self.refresh()


def create_page(window: MainWindow) -> QWidget:
    return AttentionPage(window)
