"""Hospital stays: admissions and emergency visits during follow-up, planned or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from desktop.i18n.dates import short_date
from desktop.services import cases, stays
from desktop.ui import labels_case as labels
from desktop.ui.dossier.case_dialogs import FormDialog, StayDialog
from desktop.ui.tree_select import select_record

if TYPE_CHECKING:
    from desktop.services.drafts import DraftView
    from desktop.ui.dossier.transitions import ChecklistDialog, DischargeDialog, PeopleToTellDialog
    from desktop.ui.dossier.window import DossierWindow


class StaysTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Hospital"))
        self.rows: list[stays.StayView] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a stay…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.discharge_button = QPushButton(self.tr("Disc&harge…"))
        self.checklist_button = QPushButton(self.tr("After the dis&charge…"))
        self.tell_button = QPushButton(self.tr("&Who to tell…"))
        self.summary = QLabel()
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        for button in (self.discharge_button, self.checklist_button, self.tell_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Admitted"), self.tr("Discharged"), self.tr("Kind"),
                                   self.tr("Planned"), self.tr("Hospital"), self.tr("Reason"),
                                   self.tr("Transition")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Hospital stays"))
        header = self.tree.header()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.discharge_button.clicked.connect(self.discharge)
        self.checklist_button.clicked.connect(lambda: self.checklist())
        self.tell_button.clicked.connect(lambda: self.tell())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.tree.itemActivated.connect(lambda *_: self.edit())
        self.refresh()

    def refresh(self) -> None:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        self.rows = stays.list_stays(ctx, pid)
        self.tree.clear()
        for s in self.rows:
            item = QTreeWidgetItem([
                short_date(s.admitted_on),
                short_date(s.discharged_on) if s.discharged_on else self.tr("still in"),
                labels.stay_kind(s.kind), self.tr("yes") if s.planned else self.tr("no"),
                s.hospital or "", s.reason or "", self._transition(s)])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            self.tree.addTopLevelItem(item)
        year_ago = add_months(ctx.today(), -12)
        count = sum(1 for s in self.rows if s.kind == "admission" and s.admitted_on >= year_ago)
        self.summary.setText(self.tr("No admission in the last 12 months") if count == 0
                             else self.tr("%n admission(s) in the last 12 months", "", count))
        self.edit_button.setEnabled(bool(self.rows))
        first = self.tree.topLevelItem(0)
        if first is not None and self.tree.currentItem() is None:
            self.tree.setCurrentItem(first)
        self._enable()

    def _transition(self, s: stays.StayView) -> str:
        from desktop.ui.i18n import message

        parts = []
        if s.readmission:
            parts.append(message("transition.readmission"))
        if s.discharged_on and s.kind == "admission":
            done = sum(1 for v in s.checklist.values() if v)
            parts.append(self.tr("checklist {done}/{total}").format(done=done,
                                                                    total=len(s.checklist)))
            if s.follow_up_due and not s.follow_up_done_on:
                parts.append(self.tr("call by {date}").format(
                    date=short_date(s.follow_up_due)))
        elif s.is_open:
            parts.append(self.tr("home actions on hold"))
        return " · ".join(parts)

    def current(self) -> stays.StayView | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((s for s in self.rows if s.id == sid), None)

    def _enable(self) -> None:
        s = self.current()
        self.discharge_button.setEnabled(bool(s and s.is_open))
        self.checklist_button.setEnabled(bool(s and s.discharged_on and s.kind == "admission"))
        self.tell_button.setEnabled(bool(s and s.kind == "admission"))

    def discharge(self) -> DischargeDialog | None:
        from desktop.ui.dossier.transitions import DischargeDialog

        s = self.current()
        if s is None or not s.is_open:
            return None
        dialog = DischargeDialog(self, self.dossier.ctx, s)

        def done(_r: int) -> None:
            self._done(dialog)
            if dialog.result_id:
                self.checklist(dialog.result_id)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def checklist(self, stay_id: str | None = None) -> ChecklistDialog | None:
        from desktop.ui.dossier.transitions import ChecklistDialog

        s = self.current()
        sid = stay_id or (s.id if s else None)
        if sid is None:
            return None
        dialog = ChecklistDialog(self, self.dossier.ctx, sid)
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        return dialog

    def tell(self, stay: stays.StayView | None = None) -> PeopleToTellDialog | None:
        from desktop.ui.dossier.transitions import PeopleToTellDialog

        s = stay or self.current()
        if s is None:
            return None
        dialog = PeopleToTellDialog(self, self.dossier.ctx, s)
        dialog.open()
        return dialog

    def _done(self, dialog: FormDialog) -> None:
        if dialog.result_id:
            self.refresh()
            if isinstance(dialog, StayDialog) and dialog.stay is None:
                s = next((r for r in self.rows if r.id == dialog.result_id), None)
                if s is not None and s.is_open:
                    self.tell(s)  # a new admission: who to tell

    DRAFT_KINDS = ("stay",)

    def restore_draft(self, draft: DraftView) -> object:
        """Reopen the stay's dialog (a new one, or the stay it was editing if still there)."""
        self.dossier.tabs.setCurrentWidget(self)
        rid = draft.context.get("record_id")
        if rid is None:
            return self.add()
        return self.edit() if select_record(self.tree, rid) else None

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


def create_tab(dossier: DossierWindow) -> QWidget:
    return StaysTab(dossier)
