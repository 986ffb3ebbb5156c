"""The Plan tab's "Concertations" page: the multidisciplinary meetings held about the patient
(who took part, the reference person, what is missing for the meeting to count), each with its
decisions; a decision becomes an action of the plan."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n.dates import short_date
from desktop.services import concertations
from desktop.ui.i18n import current_language
from desktop.ui.plan.base import GOAL_ROLE, KIND_ROLE, PlanBase
from desktop.ui.plan.dialogs import ConcertationDialog, DecisionDialog
from desktop.ui.tree_select import select_row
from desktop.ui.wrapped_rows import wrap_columns


class PlanMeetings(PlanBase):
    def _meetings_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.meetings = QTreeWidget()
        self.meetings.setHeaderLabels([self.tr("Date / decision"), self.tr("Participants"),
                                       self.tr("Reference person"), self.tr("Remarks")])
        self.meetings.setAccessibleName(self.tr("Concertation meetings"))
        header = self.meetings.header()
        header.setStretchLastSection(False)
        for col, mode in ((0, QHeaderView.ResizeMode.Stretch), (1, QHeaderView.ResizeMode.Stretch),
                          (2, QHeaderView.ResizeMode.ResizeToContents),
                          (3, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        wrap_columns(self.meetings, (0, 1, 3))  # decisions, the people there, the remarks
        layout.addWidget(self.meetings, 1)
        row = QHBoxLayout()
        self.meeting_button = QPushButton(self.tr("New &meeting…"))
        self.decision_button = QPushButton(self.tr("Make the decision an &action…"))
        row.addWidget(self.meeting_button)
        row.addWidget(self.decision_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.meeting_button.clicked.connect(lambda: self.add_meeting())
        self.decision_button.clicked.connect(lambda: self.decision_to_action())
        return page

    def _refresh_meetings(self) -> None:
        self.meetings.clear()
        warn = {"concertation.needs_three_providers": self.tr("fewer than 3 providers"),
                "concertation.needs_gp": self.tr("without the GP"),
                "concertation.needs_home_nurse": self.tr("without the home nurse"),
                "concertation.needs_patient": self.tr("without the patient")}
        for m in concertations.list_concertations(self.ctx, self.patient_id):
            remarks = [warn.get(w, w) for w in m.warnings]
            if not m.patient_agreed_participants:
                remarks.append(self.tr("patient's agreement missing"))
            item = QTreeWidgetItem([short_date(m.held_on), ", ".join(p.name for p in m.participants),
                                    m.reference_name or "", "; ".join(remarks)])
            item.setData(0, GOAL_ROLE, m.id)
            item.setToolTip(1, item.text(1))
            for d in m.decisions:
                child = QTreeWidgetItem([d.text, "", "", self.tr("in the plan")
                                         if d.action_id else ""])
                child.setData(0, GOAL_ROLE, m.id)
                child.setToolTip(0, d.text)
                child.setData(0, KIND_ROLE, d.index)
                item.addChild(child)
            self.meetings.addTopLevelItem(item)
        self.meetings.expandAll()

    def add_meeting(self) -> ConcertationDialog:
        dialog = ConcertationDialog(self, self.ctx, self.patient_id, self.people,
                                    current_language())
        self._run(dialog)
        return dialog

    def select_decision(self, concertation_id: str, index: int) -> bool:
        """Make a meeting's decision the current row (a draft reopens its dialog on it)."""
        return select_row(self.meetings, lambda row: row.parent() is not None
                          and row.data(0, GOAL_ROLE) == concertation_id
                          and row.data(0, KIND_ROLE) == index)

    def decision_to_action(self) -> DecisionDialog | None:
        item = self.meetings.currentItem()
        if item is None or item.parent() is None or self.plan is None:
            QMessageBox.information(self, self.tr("Plan"),
                                    self.tr("Select a decision of a meeting first."))
            return None
        dialog = DecisionDialog(self, self.ctx, str(item.data(0, GOAL_ROLE)),
                                int(item.data(0, KIND_ROLE)), item.text(0), self.plan.goals,
                                self.people, current_language())
        self._run(dialog)
        return dialog
