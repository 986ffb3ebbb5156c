"""Hospital stays: admissions and emergency visits during follow-up, planned or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_lifecycle import add_months
from desktop.services import cases, stays
from desktop.ui import labels_case as labels
from desktop.ui.dossier.case_dialogs import StayDialog


class StaysTab(QWidget):
    def __init__(self, dossier) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Hospital"))
        self.rows: list[stays.StayView] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a stay…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.summary = QLabel()
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Admitted"), self.tr("Discharged"), self.tr("Kind"),
                                   self.tr("Planned"), self.tr("Hospital"), self.tr("Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Hospital stays"))
        header = self.tree.header()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.tree.itemActivated.connect(lambda *_: self.edit())
        self.refresh()

    def refresh(self) -> None:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        self.rows = stays.list_stays(ctx, pid)
        self.tree.clear()
        for s in self.rows:
            item = QTreeWidgetItem([
                s.admitted_on.strftime("%d/%m/%Y"),
                s.discharged_on.strftime("%d/%m/%Y") if s.discharged_on else self.tr("still in"),
                labels.stay_kind(s.kind), self.tr("yes") if s.planned else self.tr("no"),
                s.hospital or "", s.reason or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            self.tree.addTopLevelItem(item)
        year_ago = add_months(ctx.today(), -12)
        count = sum(1 for s in self.rows if s.kind == "admission" and s.admitted_on >= year_ago)
        self.summary.setText(self.tr("{n} admission(s) in the last 12 months").format(n=count))
        self.edit_button.setEnabled(bool(self.rows))

    def _done(self, dialog: StayDialog) -> None:
        if dialog.result_id:
            self.refresh()

    def add(self) -> StayDialog:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        dialog = StayDialog(self, ctx, pid, case_id=cases.open_case_of(ctx, pid))
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        return dialog

    def edit(self) -> StayDialog | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        stay = next(s for s in self.rows if s.id == item.data(0, Qt.ItemDataRole.UserRole))
        dialog = StayDialog(self, self.dossier.ctx, self.dossier.patient_id, stay=stay)
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        return dialog


def create_tab(dossier) -> QWidget:  # type: ignore[no-untyped-def]
    return StaysTab(dossier)
