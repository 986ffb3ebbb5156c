"""Today (the home screen): visits today and this week, what is overdue, reviews due, GP feedback
pending, recent hospital stays; and the offer to restore text autosaved before a crash.

Today paints progressively (issue 16): `refresh()` shows the frame at once (the day, each
section's title), and the sections fill in as the task manager's read delivers them."""

from __future__ import annotations

import collections
import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEventLoop, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import drafts, today
from desktop.ui import labels_case as labels

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


# an alert at the top of the day: an empty "Handovers to read (0)" would only push the visits down
SHOWN_ONLY_WITH_ITEMS = frozenset({"handovers"})


class TodayPage(QWidget):
    REFRESH_WHEN_TOUCHED = True  # shown again: reloaded only if a write touched what it lists
    loaded = Signal()  # every section is in (after each refresh)

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Today"))
        self.data: today.TodayData | None = None
        self.pending: list[drafts.DraftView] = []
        self.task: Any = None  # the background read in progress, if any
        self.tops: dict[str, QTreeWidgetItem] = {}  # section key -> its row in the tree
        self.filled: set[str] = set()  # sections shown with their data since the last refresh
        self.day = dt.date.today()  # the vault's today, set at each refresh
        self._labels: dict[tuple[object, str], str] = {}  # translated codes, for one refresh
        self._locale = QLocale()
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
        # a vault with no open case (a new laptop): where to begin, instead of twelve "(0)"
        self.welcome = QFrame()
        self.welcome.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.welcome)
        self.welcome_text = QLabel(self.tr(
            "No open case yet. Begin with a patient: their identity, then the request, the "
            "assessment and the plan, in their dossier."))
        self.welcome_text.setWordWrap(True)
        self.welcome_button = QPushButton(self.tr("&New patient…"))
        row.addWidget(self.welcome_text, 1)
        row.addWidget(self.welcome_button)
        self.welcome.hide()
        layout.addWidget(self.welcome)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Patient"), self.tr("What")])
        self.tree.setAccessibleName(self.tr("Today"))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        # fitted once the sections are in (ResizeToContents measured every row at each change)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        hint = QLabel(self.tr("Enter opens the dossier · Ctrl+F searches the caseload"))
        hint.setStyleSheet("color: #616161;")
        layout.addWidget(hint)
        self.tree.itemActivated.connect(self._open)
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        self.welcome_button.clicked.connect(self.new_patient)
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
            "awaiting_contact": self.tr("No first contact after %n day(s)", "",
                                        self.data.first_contact_days if self.data else 7),
            "follow_up_calls": self.tr("Calls after a hospital discharge"),
            "paperwork": self.tr("Procedures due"),
            "carer_reviews": self.tr("Carers' assessments to review"),
        }

    def _describe(self, item: today.TodayItem) -> tuple[str, str]:
        when = ""
        if item.at is not None:
            if item.kind in ("visit",) and item.at.date() == self.day:
                when = f"{item.at.hour:02d}:{item.at.minute:02d}"
            elif item.kind == "visit":
                when = self._day_time(item.at)
            else:
                when = f"{item.at.day:02d}/{item.at.month:02d}/{item.at.year}"
        if item.kind == "visit":
            what = self._label(labels.visit_kind, item.code)
            if item.status == "done":
                what += " — " + self.tr("recorded")
            if labels.place_adds(item.code, item.place):
                what += f" ({item.place})"
        elif item.kind == "overdue":
            what = self._label(labels.due, item.code)
        elif item.kind in ("relevance_review", "plan_review"):
            what = {"overdue": self.tr("late"), "today": self.tr("today")}.get(
                item.status, self.tr("due soon"))
        elif item.kind == "waiting":
            what = self.tr("on the waiting list since this date")
        elif item.kind == "awaiting_contact":
            days = (self.day - item.at.date()).days if item.at else 0
            what = self.tr("request of %n day(s), no contact yet", "", days)
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
        """Paint the frame now, then each section as the background read delivers it."""
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        from desktop.ui.workers import manager

        if self.task is not None:
            self.task.cancel()  # a newer read replaces it: its sections go nowhere
        self._locale = locale = QLocale()
        self._labels = {}
        d = self.day = ctx.today()
        day = locale.toString(QDate(d.year, d.month, d.day), QLocale.FormatType.LongFormat)
        self.title.setText(day[:1].upper() + day[1:])
        self.counts.setText(self.tr("Loading…"))
        self._frame()
        self._update_banner()
        arrived: collections.deque[tuple[str, tuple[today.TodayItem, ...]]] = collections.deque()

        def load(progress: Callable[[int, int], None],
                 cancel: threading.Event) -> today.TodayData:  # on the task manager
            def ready(key: str, items: tuple[today.TodayItem, ...]) -> None:
                if cancel.is_set():
                    raise _Superseded
                arrived.append((key, items))
                progress(len(arrived), 0)

            return today.today_data(ctx, on_section=ready)

        self.task = manager().submit(load, self._loaded, self._failed,
                                     lambda _done, _total: self._arrive(arrived), owners=(self,))

    def _frame(self) -> None:
        """Each section's title, its count to come. Shown again, the rows stay until their
        section's new read replaces them (no blank page after each write)."""
        self.filled = set()
        if self.tops:
            titles = self.section_titles()
            for key, top in self.tops.items():
                top.setText(0, f"{titles.get(key, key)} (…)")
            return
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for key, title in self.section_titles().items():
            top = QTreeWidgetItem([f"{title} (…)", "", ""])
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            top.setHidden(key in SHOWN_ONLY_WITH_ITEMS)
            self.tops[key] = top

    def _fill(self, key: str, items: tuple[today.TodayItem, ...]) -> None:
        top = self.tops.get(key)
        if top is None:  # a section the frame did not know: at the end
            top = QTreeWidgetItem(["", "", ""])
            bold = QFont(self.tree.font())
            bold.setBold(True)
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            self.tops[key] = top
        top.setText(0, f"{self.section_titles().get(key, key)} ({len(items)})")
        current = self.tree.currentItem()
        selected = current.data(0, Qt.ItemDataRole.UserRole) \
            if current is not None and current.parent() is top else None
        top.takeChildren()
        children = []
        for it in items:
            when, what = self._describe(it)
            child = QTreeWidgetItem([when, it.patient_name, what])
            child.setData(0, Qt.ItemDataRole.UserRole, it.patient_id)
            children.append(child)
        top.addChildren(children)
        top.setHidden(key in SHOWN_ONLY_WITH_ITEMS and not items)
        top.setExpanded(bool(items))
        # an empty section stays (nothing late is news too) but grey: the eye goes to the others
        top.setForeground(0, self.palette().brush(QPalette.ColorGroup.Disabled,
                                                  QPalette.ColorRole.Text) if not items
                          else self.palette().brush(QPalette.ColorRole.Text))
        if selected is not None:  # the row chosen before the refresh, chosen again
            again = next((c for c in children
                          if c.data(0, Qt.ItemDataRole.UserRole) == selected), None)
            if again is not None:
                self.tree.setCurrentItem(again)
        if not self.filled:
            self._fit_columns()  # the first section in: the columns fit what is there
        self.filled.add(key)

    def _fit_columns(self) -> None:
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)

    def _label(self, translate: Callable[[str], str], code: str) -> str:
        """`translate(code)`, once per code and refresh (thousands of rows share a few codes)."""
        key = (translate, code)
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = translate(code)
        return text

    def _day_time(self, at: dt.datetime) -> str:
        """Weekday, day, month and time in the UI language (labels.day_time, one QLocale)."""
        day = at.date()
        text = self._labels.get((dt.date, day.isoformat()))
        if text is None:  # a few days for hundreds of visits
            text = self._labels[(dt.date, day.isoformat())] = self._locale.toString(
                QDate(day.year, day.month, day.day), "ddd dd/MM")
        return f"{text} {at.hour:02d}:{at.minute:02d}"

    def _arrive(self,
                arrived: collections.deque[tuple[str, tuple[today.TodayItem, ...]]]) -> None:
        while arrived:
            self._fill(*arrived.popleft())

    def _loaded(self, data: today.TodayData) -> None:
        self.task = None
        self.data = data
        self.counts.setText(self.tr("%n open case(s)", "", data.open_cases))
        self.welcome.setVisible(not data.open_cases and not any(data.sections.values()))
        for key, items in data.sections.items():
            if key not in self.filled or key == "awaiting_contact":  # its title names N days
                self._fill(key, items)
        self._fit_columns()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        ctx = self.window_.ctx
        if isinstance(exc, _Superseded) or ctx is None or ctx.is_locked:
            return
        log.error("Today could not be read: %s", type(exc).__name__)
        self.counts.setText(self.tr("Today could not be read."))
        self.loaded.emit()

    def is_loading(self) -> bool:
        return self.task is not None

    def wait_loaded(self, timeout_ms: int = 60_000) -> bool:
        """Run the event loop until the read in progress has delivered (tests, code that needs
        the items now). True when the sections are in."""
        if self.task is not None:
            loop = QEventLoop()
            self.loaded.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            self.loaded.disconnect(loop.quit)
        return self.task is None and self.data is not None

    def _update_banner(self) -> None:
        self.pending = drafts.pending_drafts(self.window_.ctx)
        if not self.pending:
            self.banner.hide()
            return
        self.banner_text.setText(self.tr(
            "Text typed during your last session was saved automatically but not recorded "
            "(%n item(s)). Restore it?", "", len(self.pending)))
        self.banner.show()

    # ---- actions -------------------------------------------------------------------------
    def items(self, section: str) -> list[today.TodayItem]:
        """The items of a section (waits for a read in progress)."""
        self.wait_loaded()
        return list(self.data.sections[section]) if self.data else []

    def _open(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        pid = item.data(0, Qt.ItemDataRole.UserRole)
        if pid:
            self.window_.open_dossier(pid)

    def search(self) -> None:
        try:
            self.window_.show_page("caseload")
        except ValueError:
            return
        focus = getattr(self.window_.stack.currentWidget(), "focus_search", None)
        if callable(focus):
            focus()

    def new_patient(self) -> object:
        """The caseload's New patient form (Ctrl+N there), from the welcome."""
        from desktop.ui.caseload_page import CaseloadPage

        self.window_.show_page("caseload")
        page = self.window_.stack.currentWidget()
        return page.new_patient() if isinstance(page, CaseloadPage) else None

    def restore_draft(self) -> object:
        """Open the dossier where the first pending draft belongs, with its text restored."""
        if not self.pending:
            return None
        draft = self.pending[0]
        if not draft.patient_id:  # a new patient or a contact: the main window reopens its form
            opened = self.window_.restore_draft(draft)
            if opened is None:
                drafts.discard_draft(self.window_.ctx, draft.key)
            self._update_banner()
            return opened
        # the dossier reopens its dialog, or opens the tab that shows it (a journal note, the
        # plan's words)
        dossier = self.window_.open_dossier(draft.patient_id)
        opened = dossier.restore_draft(draft)
        if opened is not None:
            return opened
        drafts.discard_draft(self.window_.ctx, draft.key)  # nothing left to restore it into
        self._update_banner()
        return dossier

    def discard_draft(self) -> QMessageBox | None:
        """The banner's Discard, beside Restore: it asks first, quoting the text (a hurried
        click threw away a visit's notes for good)."""
        if not self.pending:
            return None
        from desktop.ui.draft_guard import confirm_loss, draft_excerpt, kind_label

        draft = self.pending[0]

        def throw_away() -> None:
            drafts.discard_draft(self.window_.ctx, draft.key)
            self._update_banner()

        box, throw, keep = confirm_loss(
            self, self.tr("Discard"), self.tr("Throw away this text for good ({what})?").format(
                what=kind_label(draft.kind)),
            self.tr("&Throw it away"), self.tr("&Keep it"), throw_away,
            detail=draft_excerpt(draft.text))
        box.throw_button, box.keep_button = throw, keep  # type: ignore[attr-defined]
        return box


class _Superseded(Exception):
    """A newer refresh replaced this read."""


def create_page(window: MainWindow) -> QWidget:
    return TodayPage(window)
