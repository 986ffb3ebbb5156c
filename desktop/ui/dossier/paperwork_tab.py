"""Paperwork and medication (issue 19, items 1-2): the patient's applications and procedures
(deadline first, the due ones marked) and the medication list, each with its dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import medication, paperwork
from desktop.ui.dossier.paperwork_dialogs import MedicationDialog, PaperworkDialog
from desktop.ui.i18n import message


def _day(d) -> str:  # type: ignore[no-untyped-def]
    return d.strftime("%d/%m/%Y") if d else ""


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAccessibleName(name)
    header = tree.header()
    for col in range(len(headers) - 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return tree


class PaperworkTab(QWidget):
    def __init__(self, dossier) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Paperwork & medication"))
        self.papers: list[paperwork.PaperworkView] = []
        self.medicines: list[medication.MedicationView] = []
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("Applications and procedures"))
        inner = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.add_paper_button = QPushButton(self.tr("New procedure…"))
        self.edit_paper_button = QPushButton(self.tr("Follow up…"))
        bar.addWidget(self.add_paper_button)
        bar.addWidget(self.edit_paper_button)
        bar.addStretch(1)
        inner.addLayout(bar)
        self.paper_tree = _tree([self.tr("Procedure"), self.tr("Status"), self.tr("Deadline"),
                                 self.tr("Followed by"), self.tr("Documents asked for")],
                                self.tr("Applications and procedures"))
        inner.addWidget(self.paper_tree)
        layout.addWidget(box, 1)

        box = QGroupBox(self.tr("Medication"))
        inner = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.add_med_button = QPushButton(self.tr("Add a medicine…"))
        self.edit_med_button = QPushButton(self.tr("Change…"))
        self.remove_med_button = QPushButton(self.tr("Stopped"))
        for b in (self.add_med_button, self.edit_med_button, self.remove_med_button):
            bar.addWidget(b)
        bar.addStretch(1)
        inner.addLayout(bar)
        self.med_tree = _tree([self.tr("Medicine"), self.tr("Dose"), self.tr("When"),
                               self.tr("Prescriber"), self.tr("Checked"), self.tr("Review")],
                              self.tr("Medication"))
        inner.addWidget(self.med_tree)
        layout.addWidget(box, 1)

        self.add_paper_button.clicked.connect(lambda: self.add_paperwork())
        self.edit_paper_button.clicked.connect(lambda: self.edit_paperwork())
        self.paper_tree.itemActivated.connect(lambda *_: self.edit_paperwork())
        self.add_med_button.clicked.connect(lambda: self.add_medication())
        self.edit_med_button.clicked.connect(lambda: self.edit_medication())
        self.remove_med_button.clicked.connect(self.remove_medication)
        self.med_tree.itemActivated.connect(lambda *_: self.edit_medication())
        self.refresh()

    def refresh(self) -> None:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        self.papers = paperwork.list_paperwork(ctx, pid)
        self.paper_tree.clear()
        for w in self.papers:
            status = message("paperwork.status." + w.status)
            deadline = _day(w.deadline)
            if w.due:
                deadline += " — " + message("paperwork.due." + w.due)
            item = QTreeWidgetItem([message("paperwork.kind." + w.kind), status, deadline,
                                    w.follower or "", "; ".join(w.documents)])
            item.setData(0, Qt.ItemDataRole.UserRole, w.id)
            self.paper_tree.addTopLevelItem(item)
        self.medicines = medication.list_medication(ctx, pid)
        self.med_tree.clear()
        for m in self.medicines:
            checked = _day(m.checked_on)
            if m.checked_on and m.source:
                checked += f" ({message('medication.source.' + m.source)})"
            review = (message("medication.review_requested",
                              who=message("medication.reviewer." + m.review_requested_to),
                              date=_day(m.review_requested_on))
                      if m.review_requested_to else "")
            item = QTreeWidgetItem([m.name, m.dose or "", m.schedule or "",
                                    m.prescriber_name or "", checked, review])
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            self.med_tree.addTopLevelItem(item)
        for tree in (self.paper_tree, self.med_tree):
            first = tree.topLevelItem(0)
            if first is not None and tree.currentItem() is None:
                tree.setCurrentItem(first)
        self.edit_paper_button.setEnabled(bool(self.papers))
        self.edit_med_button.setEnabled(bool(self.medicines))
        self.remove_med_button.setEnabled(bool(self.medicines))

    def _current(self, tree: QTreeWidget, rows: list):  # type: ignore[no-untyped-def,type-arg]
        item = tree.currentItem()
        if item is None:
            return None
        rid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in rows if r.id == rid), None)

    def _open(self, dialog: PaperworkDialog | MedicationDialog):  # type: ignore[no-untyped-def]
        dialog.finished.connect(lambda _r: self.refresh() if dialog.result_id else None)
        dialog.open()
        return dialog

    def add_paperwork(self) -> PaperworkDialog:
        return self._open(PaperworkDialog(self, self.dossier.ctx, self.dossier.patient_id))

    def edit_paperwork(self) -> PaperworkDialog | None:
        record = self._current(self.paper_tree, self.papers)
        if record is None:
            return None
        return self._open(PaperworkDialog(self, self.dossier.ctx, self.dossier.patient_id,
                                          record))

    def add_medication(self) -> MedicationDialog:
        return self._open(MedicationDialog(self, self.dossier.ctx, self.dossier.patient_id))

    def edit_medication(self) -> MedicationDialog | None:
        record = self._current(self.med_tree, self.medicines)
        if record is None:
            return None
        return self._open(MedicationDialog(self, self.dossier.ctx, self.dossier.patient_id,
                                           record))

    def remove_medication(self) -> None:
        record = self._current(self.med_tree, self.medicines)
        if record is not None:
            medication.remove_medication(self.dossier.ctx, record.id)
            self.refresh()


def create_tab(dossier) -> QWidget:  # type: ignore[no-untyped-def]
    return PaperworkTab(dossier)
