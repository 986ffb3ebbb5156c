"""Today (the home screen): visits today and this week, what is overdue, reviews due, GP feedback
pending, recent hospital stays; and the offer to restore text autosaved before a crash."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import drafts, today
from desktop.ui import labels_case as labels
from desktop.ui.dossier.case_dialogs import to_qdate


class TodayPage(QWidget):
    REFRESH_WHEN_TOUCHED = True  # shown again: reloaded only if a write touched what it lists

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Today"))
        self.data: today.TodayData | None = None
        self.pending: list[drafts.DraftView] = []
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.counts = QLabel()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.counts)
        layout.addLayout(head)
        # autosaved text left by a crash or a lock: offered once, on the first screen
        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("QFrame { background: #fff8e1; }")
        row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.discard_button = QPushButton(self.tr("Discard"))
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Patient"), self.tr("What")])
        self.tree.setAccessibleName(self.tr("Today"))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        hint = QLabel(self.tr("Enter opens the dossier · Ctrl+F searches the caseload"))
        hint.setStyleSheet("color: #616161;")
        layout.addWidget(hint)
        self.tree.itemActivated.connect(self._open)
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search)

    # ---- data ----------------------------------------------------------------------------
    def section_titles(self) -> dict[str, str]:
        return {
            "handovers": self.tr("Handovers to read"),
            "visits_today": self.tr("Visits today"),
            "visits_week": self.tr("This week"),
            "overdue": self.tr("Overdue follow-ups"),
            "relevance_reviews": self.tr("Relevance reviews due"),
            "plan_reviews": self.tr("Plan reviews due"),
            "gp_feedback": self.tr("GP feedback pending"),
            "recent_stays": self.tr("Recent hospital stays"),
            "waiting_list": self.tr("Waiting list"),
            "awaiting_contact": self.tr("No first contact after {n} days").format(
                n=self.data.first_contact_days if self.data else 7),
            "follow_up_calls": self.tr("Calls after a hospital discharge"),
            "paperwork": self.tr("Procedures due"),
            "carer_reviews": self.tr("Carers' assessments to review"),
        }

    def _describe(self, item: today.TodayItem) -> tuple[str, str]:
        when = ""
        if item.at is not None:
            if item.kind in ("visit",) and self.data and item.at.date() == self.data.day:
                when = item.at.strftime("%H:%M")
            elif item.kind == "visit":
                when = labels.day_time(item.at, "ddd dd/MM HH:mm")
            else:
                when = item.at.strftime("%d/%m/%Y")
        if item.kind == "visit":
            what = labels.visit_kind(item.code)
            if item.status == "done":
                what += " — " + self.tr("recorded")
            if item.place:
                what += f" ({item.place})"
        elif item.kind == "overdue":
            what = labels.due(item.code)
        elif item.kind in ("relevance_review", "plan_review"):
            what = self.tr("late") if item.status == "overdue" else self.tr("due soon")
        elif item.kind == "waiting":
            what = self.tr("on the waiting list since this date")
        elif item.kind == "awaiting_contact":
            days = (self.data.day - item.at.date()).days if self.data and item.at else 0
            what = self.tr("request of {n} days, no contact yet").format(n=days)
        elif item.kind == "gp_feedback":
            what = self.tr("late") if item.status == "overdue" else self.tr("to send")
        elif item.kind == "follow_up_call":
            what = self.tr("Follow-up call after the discharge") + " — " + (
                self.tr("late") if item.status == "overdue" else self.tr("due"))
            if item.place:
                what += f" ({item.place})"
        elif item.kind == "handover":
            what = self.tr("Case handed over to you by {name}: read the note").format(
                name=item.place or "?")
        elif item.kind == "paperwork":
            from desktop.ui.i18n import message

            what = message("paperwork.kind." + item.code) + " — " + message(
                "paperwork.due." + item.status)
            if item.place:
                what += " — " + message("paperwork.followed_by", who=item.place)
        elif item.kind == "carer_review":
            from desktop.ui.i18n import message

            what = (item.place or "") + " — " + message("carer.burden." + item.code) + " — " \
                + message("carer.review." + item.status)
        else:
            what = labels.stay_kind(item.code)
            if item.status == "in_hospital":
                what += " — " + self.tr("still in hospital")
            if item.place:
                what += f" ({item.place})"
        return when, what

    def refresh(self) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        self.data = today.today_data(ctx)
        locale = QLocale()
        day = locale.toString(to_qdate(self.data.day), QLocale.FormatType.LongFormat)
        self.title.setText(day[:1].upper() + day[1:])
        self.counts.setText(self.tr("{n} open cases").format(n=self.data.open_cases))
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        titles = self.section_titles()
        for key, items in self.data.sections.items():
            top = QTreeWidgetItem([f"{titles.get(key, key)} ({len(items)})", "", ""])
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            for it in items:
                when, what = self._describe(it)
                child = QTreeWidgetItem([when, it.patient_name, what])
                child.setData(0, Qt.ItemDataRole.UserRole, it.patient_id)
                top.addChild(child)
            top.setExpanded(bool(items))
        self._update_banner()

    def _update_banner(self) -> None:
        self.pending = drafts.pending_drafts(self.window_.ctx)
        if not self.pending:
            self.banner.hide()
            return
        self.banner_text.setText(self.tr(
            "Text typed during your last session was saved automatically but not recorded "
            "({n} item(s)). Restore it?").format(n=len(self.pending)))
        self.banner.show()

    # ---- actions -------------------------------------------------------------------------
    def items(self, section: str) -> list[today.TodayItem]:
        return list(self.data.sections[section]) if self.data else []

    def _open(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        pid = item.data(0, Qt.ItemDataRole.UserRole)
        if pid:
            self.window_.open_dossier(pid)

    def search(self) -> None:
        try:
            self.window_.show_page("desktop.ui.caseload_page")
        except ValueError:
            return
        page = self.window_.stack.currentWidget()
        if hasattr(page, "focus_search"):
            page.focus_search()

    def restore_draft(self):  # type: ignore[no-untyped-def]
        """Open the dossier where the first pending draft belongs, with its text restored."""
        if not self.pending:
            return None
        draft = self.pending[0]
        if not draft.patient_id:
            drafts.discard_draft(self.window_.ctx, draft.key)
            self._update_banner()
            return None
        dossier = self.window_.open_dossier(draft.patient_id)
        from desktop.ui.dossier.journal_tab import JournalTab

        if draft.kind == "journal":
            for i in range(dossier.tabs.count()):
                tab = dossier.tabs.widget(i)
                if isinstance(tab, JournalTab):
                    tab.new_note()
                    return tab
        opened = dossier.restore_draft(draft)
        if opened is not None:
            return opened
        if draft.kind not in ("plan_words",):  # nothing left to restore it into
            drafts.discard_draft(self.window_.ctx, draft.key)
        self._update_banner()
        return dossier

    def discard_draft(self) -> None:
        if self.pending:
            drafts.discard_draft(self.window_.ctx, self.pending[0].key)
        self._update_banner()


def create_page(window) -> QWidget:  # type: ignore[no-untyped-def]
    return TodayPage(window)
