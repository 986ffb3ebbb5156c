"""The Indicateurs page (issue 20): the indicators of my caseload over a period, as a table and
four charts (matplotlib on a QtAgg canvas, imported when the page is first shown), and a PDF
export of the same (audited; no patient identifier in it).

Computing the indicators and writing the PDF run on the task manager (desktop/ui/workers.py), the
page saying what it does on its message line meanwhile. One job at a time: while one runs, the
buttons are off, an export asked is ignored, and a refresh asked (a new period typed, a write
elsewhere) is remembered and run once when the job ends, with the period then shown. A page gone
before its job ends drops the result (the task manager's owners)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.ui.fields import DateField
from desktop.ui.i18n import current_language, error_message
from desktop.ui.wrapped_rows import wrap_columns

if TYPE_CHECKING:
    from desktop.reports.indicators import Titles
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workers import Task


class IndicatorsPage(QWidget):
    # the indicators read every table; a write elsewhere marks the page stale, shown again later
    REFRESH_WHEN_TOUCHED = True

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.ctx = window.ctx
        self.setWindowTitle(self.tr("Indicators"))
        self.current: Any = None  # desktop.domain.indicators.Indicators
        self.canvas: Any = None
        self.task: Task | None = None  # the computation or export running, if any
        self._again = False  # a refresh asked while a job ran: run it when that job ends
        self._then: Callable[[], None] | None = None  # what to do once the indicators are in
        today = self.ctx.today()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Indicators of my caseload"))
        title.setStyleSheet("font-weight: bold;")
        bar.addWidget(title)
        bar.addStretch(1)
        self.date_from = DateField(today - dt.timedelta(days=364), today=self.ctx.today,
                                   field="from")
        self.date_to = DateField(today, today=self.ctx.today, field="to")
        for text, edit, name in ((self.tr("&From"), self.date_from, self.tr("From")),
                                 (self.tr("&To"), self.date_to, self.tr("To"))):
            label = QLabel(text)
            label.setBuddy(edit)
            edit.setAccessibleName(name)
            edit.setMaximumWidth(130)
            bar.addWidget(label)
            bar.addWidget(edit)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Save as P&DF…"))
        self.export_button.clicked.connect(self.ask_export)
        bar.addWidget(self.show_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        self.message.hide()
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Indicator"), self.tr("Value")])
        self.tree.setAccessibleName(self.tr("Indicators"))
        # a label longer than its column ("Hospitalisations par patient-année, 12 mois avant
        # l'inclusion") takes two lines instead of ending in "…" on a small laptop
        wrap_columns(self.tree, [0])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.split.addWidget(self.tree)
        self.chart_holder = QWidget()
        self.chart_holder.setAccessibleName(self.tr("Charts"))
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.split.addWidget(self.chart_holder)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([600, 560])
        layout.addWidget(self.split, 1)
        for edit in (self.date_from, self.date_to):
            edit.returnPressed.connect(self.refresh)

    # ---- data ------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def is_busy(self) -> bool:
        """A computation or an export runs (or waits) on the task manager."""
        return self.task is not None

    def _start(self, text: str, work: Callable[[], Any], done: Callable[[Any], None],
               failed: Callable[[BaseException], None]) -> None:
        from desktop.ui.workers import manager

        self._say(text)
        self.show_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.task = manager().submit(work, done, failed, owners=(self,))

    def _ended(self) -> None:
        """The job delivered (on the GUI thread): the buttons back, a refresh asked meanwhile."""
        self.task = None
        self.show_button.setEnabled(True)
        self.export_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()

    def _locked(self) -> bool:
        ctx = self.window_.ctx
        return ctx is None or ctx.is_locked

    def refresh(self) -> None:
        """Compute the indicators of the period shown, on the task manager."""
        if self.task is not None:
            self._again = True  # never two computations at once: this one when it ends
            return
        if self._locked():
            return
        from desktop.services import indicators

        lang = current_language()
        try:
            start, end = self.date_from.value(), self.date_to.value()
        except DomainError as exc:
            self._say(error_message(exc))
            self._then = None
            return
        ctx = self.ctx

        def compute() -> tuple[Any, Titles]:  # on the task manager
            computed = indicators.indicators(ctx, start, end)
            return computed, indicators.titles(lang)  # a broken installation is said, not hidden

        self._start(self.tr("Computing the indicators…"), compute,
                    lambda result: self._computed(result, lang), self._compute_failed)

    def _computed(self, result: tuple[Any, Titles], lang: str) -> None:
        computed, names = result
        self.current = computed
        self._say("")
        self._fill(computed, lang, names)
        then, self._then = self._then, None
        self._ended()
        if then is not None and self.task is None:
            then()

    def _compute_failed(self, exc: BaseException) -> None:
        self._then = None
        self._ended()
        if self._locked():
            self._say("")
            return
        if not isinstance(exc, DomainError):
            raise exc
        if self.task is None:  # a refresh asked meanwhile says its own news
            self._say(error_message(exc))

    def _fill(self, ind: Any, lang: str, names: Titles) -> None:
        from desktop.reports.indicators import chart_figure, sections

        self.tree.clear()
        for sec in sections(ind, lang, names):
            top = QTreeWidgetItem([sec.title, ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for label, value in sec.rows:
                item = QTreeWidgetItem([label.strip(), value])
                item.setToolTip(0, label.strip())  # the whole label when the column elides it
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if label.startswith("  "):
                    item.setData(0, Qt.ItemDataRole.UserRole, "detail")
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(6, 5), dpi=90))
            self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.canvas.setMinimumSize(360, 300)
            self.chart_layout.addWidget(self.canvas)
        chart_figure(ind, lang, figure=self.canvas.figure)
        self.canvas.draw_idle()

    # ---- export ----------------------------------------------------------------------------
    def ask_export(self) -> None:
        from desktop.ui.printing import ask_save_path

        if self.task is not None:
            return  # one job at a time: the button is off meanwhile
        if self.current is None:
            self._then = self.ask_export  # once the indicators are in
            self.refresh()
            return
        name = (f"{self.tr('Indicators')}-{self.current.start:%Y%m%d}-"
                f"{self.current.end:%Y%m%d}.pdf")
        path = ask_save_path(self, self.tr("Save the indicators"), name)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the PDF (and audit it) on the task manager; the outcome is said on the message
        line. False when another job runs (nothing started)."""
        if self.task is not None:
            return False
        from desktop.services import indicators

        ctx, lang, computed = self.ctx, current_language(), self.current

        def write() -> Path:  # on the task manager
            return indicators.export_pdf(ctx, path, lang, computed=computed)

        self._start(self.tr("Saving the PDF…"), write, self._exported, self._export_failed)
        return True

    def _exported(self, written: Path) -> None:
        self._say(self.tr("Saved: {path}").format(path=written))
        self._ended()

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, (DomainError, OSError)):
            self._say(error_message(exc) if isinstance(exc, DomainError)
                      else self.tr("The file could not be written."))
        self._ended()
        if not isinstance(exc, (DomainError, OSError)):
            raise exc


def create_page(window: MainWindow) -> IndicatorsPage:
    return IndicatorsPage(window)
