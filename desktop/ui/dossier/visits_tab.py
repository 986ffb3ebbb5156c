"""Visits: plan (Ctrl+Shift+V), record with autosaved notes, cancel, addenda to recorded ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n.dates import short_datetime
from desktop.services import cases, drafts, visits
from desktop.ui import labels_case as labels
from desktop.ui.dossier.case_dialogs import FormDialog, TextDialog, VisitDialog

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow

GREY = QColor("#757575")


class VisitsTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Visits"))
        self.rows: list[visits.VisitView] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("&Plan a visit"))
        self.plan_button.setToolTip(self.tr("Ctrl+Shift+V"))
        self.record_button = QPushButton(self.tr("&Record…"))
        self.record_button.setToolTip(self.tr("Record the selected planned visit, or a visit "
                                              "that was not planned"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel visit"))
        self.addendum_button = QPushButton(self.tr("Add an a&ddendum"))
        for b in (self.plan_button, self.record_button, self.cancel_button, self.addendum_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.hint = QLabel()
        bar.addWidget(self.hint)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Status"),
                                   self.tr("Place"), self.tr("Participants")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Visits"))
        header = self.tree.header()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Visit notes"))
        self.detail.setPlaceholderText(self.tr(
            "Choose a visit above to read its notes. Enter on a planned visit records it."))
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([300, 200])
        layout.addWidget(split, 1)
        self.plan_button.clicked.connect(self.plan)
        self.record_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.cancel)
        self.addendum_button.clicked.connect(self.addendum)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        self.tree.itemActivated.connect(self._activated)
        QShortcut(QKeySequence("Ctrl+Shift+V"), dossier, self.plan)
        self.refresh()

    # ---- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        self.case_id = cases.open_case_of(ctx, pid)
        self.rows = visits.list_visits(ctx, pid)
        chosen = self.selected()
        current = chosen.id if chosen else None
        self.tree.clear()
        for v in self.rows:
            when = labels.day_time(v.start) if v.start else ""
            item = QTreeWidgetItem([when, labels.visit_kind(v.kind), labels.visit_status(v.status),
                                    v.place or "", ", ".join(v.participants)])
            item.setData(0, Qt.ItemDataRole.UserRole, v.id)
            if v.status == "cancelled":
                for col in range(5):
                    item.setForeground(col, QBrush(GREY))
            self.tree.addTopLevelItem(item)
            if v.id == current:
                self.tree.setCurrentItem(item)
        no_case = self.case_id is None
        self.plan_button.setEnabled(not no_case)
        self.hint.setText(self.tr("Open a case first (Cases tab).") if no_case else "")
        self._show_selected()

    def selected(self) -> visits.VisitView | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        vid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((v for v in self.rows if v.id == vid), None)

    def select_visit(self, visit_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == visit_id:
                self.tree.setCurrentItem(item)

    def _show_selected(self) -> None:
        v = self.selected()
        self.cancel_button.setEnabled(bool(v and v.status == "planned"))
        self.addendum_button.setEnabled(bool(v and v.status == "done"))
        self.record_button.setEnabled(self.case_id is not None
                                      or bool(v and v.status == "planned"))
        if v is None:
            self.detail.clear()
            return
        parts = [v.notes or self.tr("(no notes)")]
        if v.cancel_reason:
            parts.append(self.tr("Cancelled: {reason}").format(reason=v.cancel_reason))
        for a in v.addenda:
            parts.append(self.tr("Addendum of {date} by {author}:").format(
                date=short_datetime(a.written_at), author=a.author or "?")
                + "\n" + a.text)
        self.detail.setPlainText("\n\n".join(parts))

    # ---- actions -------------------------------------------------------------------------
    def _activated(self, *_args: object) -> None:
        v = self.selected()
        if v is not None and v.status == "planned":
            self.record()

    def _done(self, dialog: FormDialog) -> None:
        if dialog.result_id:
            self.refresh()
            self.select_visit(dialog.result_id)

    def plan(self) -> VisitDialog | None:
        if self.case_id is None:
            return None
        dialog = VisitDialog(self, self.dossier.ctx, case_id=self.case_id,
                             patient_id=self.dossier.patient_id)
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        return dialog

    def record(self) -> VisitDialog | None:
        v = self.selected()
        planned = v if v is not None and v.status == "planned" else None
        if planned is None and self.case_id is None:
            return None
        dialog = VisitDialog(self, self.dossier.ctx, case_id=self.case_id,
                             patient_id=self.dossier.patient_id, visit=planned, record=True)
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        return dialog

    # ---- drafts offered back after a lock or a crash ------------------------------------------
    DRAFT_KINDS = ("visit_notes", "visit_plan", "visit_text")

    def restore_draft(self, draft: drafts.DraftView) -> QDialog | None:
        """Reopen the dialog `draft` belongs to (it picks the text up); None when it is gone."""
        self.dossier.tabs.setCurrentWidget(self)
        self.refresh()
        rid = str(draft.context.get("record_id") or draft.context.get("visit_id") or "")
        if draft.kind == "visit_plan":
            return self.plan()
        if draft.kind == "visit_text":
            action, _, vid = rid.partition("-")
            self.select_visit(vid)
            v = self.selected()
            if v is None or v.id != vid:
                return None
            return self.cancel() if action == "cancel" else self.addendum()
        if not rid:  # the notes of a visit that was not planned
            self.tree.setCurrentItem(None)  # type: ignore[call-overload]
            return self.record()
        self.select_visit(rid)
        v = self.selected()
        if v is None or v.id != rid or v.status != "planned":
            return None  # the visit was recorded or cancelled meanwhile
        return self.record()

    def cancel(self) -> TextDialog | None:
        v = self.selected()
        if v is None or v.status != "planned":
            return None
        ctx = self.dossier.ctx

        def save(text: str) -> str:
            visits.cancel_visit(ctx, v.id, text)
            return v.id

        dialog = TextDialog(self, self.tr("Cancel the visit"), self.tr("&Reason:"), save)
        dialog.guard_text(ctx, "visit_text", self.dossier.patient_id, f"cancel-{v.id}")
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        return dialog

    def addendum(self) -> TextDialog | None:
        v = self.selected()
        if v is None or v.status != "done":
            return None
        ctx = self.dossier.ctx
        dialog = TextDialog(self, self.tr("Addendum"), self.tr("&Addendum:"),
                            lambda text: visits.add_addendum(ctx, v.id, text) and v.id)
        dialog.guard_text(ctx, "visit_text", self.dossier.patient_id, f"addendum-{v.id}")
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        return dialog


def create_tab(dossier: DossierWindow) -> QWidget:
    return VisitsTab(dossier)
