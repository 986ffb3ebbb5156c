"""Overview: the current case in a few lines, the next visit, and the timeline (newest first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n.dates import short_date, short_datetime
from desktop.services import cases, timeline
from desktop.ui import labels_case as labels
from desktop.ui.dossier.cases_tab import mid_sentence

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow

GREY = QColor("#757575")


class OverviewTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Overview"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        from desktop.ui.dossier.transitions import StabilityPanel

        self.stability = StabilityPanel(dossier)
        layout.addWidget(self.stability)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("What"), self.tr("Detail")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Timeline"))
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        self.refresh(stability=False)  # the panel has just read its own

    def _what(self, e: timeline.TimelineEntry) -> str:
        if e.kind == "visit":
            return f"{labels.visit_kind(e.code)} ({labels.visit_status(e.status).lower()})"
        if e.kind == "stay":
            planned = self.tr("planned") if e.status == "planned" else self.tr("unplanned")
            return f"{labels.stay_kind(e.code)} ({planned})"
        if e.kind == "status":
            return self.tr("Case: {status}").format(status=labels.case_status(e.code))
        if e.status == "correction":
            return self.tr("Note (correction)")
        return self.tr("Note")

    def refresh(self, stability: bool = True) -> None:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        lister = getattr(self.dossier, "list_cases", None)  # read once while the dossier opens
        all_cases = lister() if lister else cases.list_cases(ctx, pid)
        current = next((c for c in all_cases if c.is_open), None)
        lines = []
        if current is not None:
            since, opened = current.status_since, current.opened_on
            text = (self.tr("Case {status} since {date} (opened on {opened}) — requested by "
                            "{who}: “{why}”") if opened and since != opened
                    else self.tr("Case {status} since {date} — requested by {who}: “{why}”"))
            lines.append(text.format(
                status=labels.case_status(current.status).lower(),
                date=short_date(since) if since else "?",
                opened=short_date(opened) if opened else "?",
                who=mid_sentence(labels.requester(current.requester_type)),
                why=current.clarified_request or current.request_reason or ""))
            if current.relevance_review_due:  # reached, it says so (as the header's badge)
                lines.append((self.tr("Relevance review to do since {date}")
                              if current.relevance_review_overdue
                              else self.tr("Relevance review due on {date}")).format(
                    date=short_date(current.relevance_review_due)))
        else:
            lines.append(self.tr("No open case."))
        entries = timeline.timeline(ctx, pid)
        # the earliest planned visit, from the timeline's visits (one read of them, not two)
        upcoming = [e for e in entries if e.kind == "visit" and e.status == "planned"]
        if upcoming:
            nxt = min(upcoming, key=lambda e: e.at)
            lines.append(self.tr("Next: {kind} on {date}").format(
                kind=labels.visit_kind(nxt.code).lower(),
                date=short_datetime(nxt.at)))
        self.summary.setText("\n".join(lines))
        if stability:
            self.stability.refresh()
        self.tree.clear()
        items = []
        for e in entries:
            when = short_datetime(e.at) if e.kind in ("visit", "note") \
                else short_date(e.at)
            item = QTreeWidgetItem([when, self._what(e), e.text])
            item.setData(0, Qt.ItemDataRole.UserRole, (e.kind, e.record_id))
            if e.status in ("cancelled", "corrected"):
                for col in range(3):
                    item.setForeground(col, QBrush(GREY))
            items.append(item)
        self.tree.addTopLevelItems(items)  # at once: the columns fit their contents once


def create_tab(dossier: DossierWindow) -> QWidget:
    return OverviewTab(dossier)
