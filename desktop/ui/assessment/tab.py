"""Dossier tab "Assessments": instruments on the left; for the selected one, its drafts and
completed responses (corrections beside what they replace), a trend drawing, and actions:
new (Ctrl+Shift+E), open (Enter), compare the two selected, triage, import a licensed file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.domain.instruments import Definition, text_in
from desktop.i18n.dates import short_date
from desktop.services import assessments, instruments
from desktop.services.assessments import AssessmentView
from desktop.ui.assessment.compare import CompareDialog
from desktop.ui.assessment.dialog import ResponseDialog
from desktop.ui.assessment.results import short_summary
from desktop.ui.assessment.trend import TrendWidget
from desktop.ui.i18n import current_language, error_message, message

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow


class AssessmentTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.ctx = dossier.ctx
        self.setWindowTitle(self.tr("Assessments"))
        self.catalog: dict[str, Definition] = {}
        self.rows: list[AssessmentView] = []
        self.open_windows: list[ResponseDialog] = []
        layout = QHBoxLayout(self)
        split = QSplitter()
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("In&struments"))
        self.instruments = QListWidget()
        self.instruments.setAccessibleName(self.tr("Instruments"))
        # long names ("Zarit — fardeau de l'aidant (22 questions) — textes non importés") wrap
        # onto a second line instead of running off the list's right edge
        self.instruments.setWordWrap(True)
        self.instruments.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.instruments.setResizeMode(QListView.ResizeMode.Adjust)
        self.instruments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        title.setBuddy(self.instruments)
        lbox.addWidget(title)
        lbox.addWidget(self.instruments, 1)
        self.triage_button = QPushButton(self.tr("&Triage…"))
        self.import_button = QPushButton(self.tr("&Import a licensed definition…"))
        lbox.addWidget(self.triage_button)
        lbox.addWidget(self.import_button)
        split.addWidget(left)

        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        rbox.addWidget(self.heading)
        hist_label = QLabel(self.tr("&History (select two to compare)"))
        self.history = QListWidget()
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.history.setAccessibleName(self.tr("Assessment history"))
        hist_label.setBuddy(self.history)
        rbox.addWidget(hist_label)
        rbox.addWidget(self.history, 1)
        self.trend = TrendWidget()
        rbox.addWidget(self.trend)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New assessment"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.compare_button = QPushButton(self.tr("Co&mpare the two selected"))
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.compare_button)
        bar.addStretch(1)
        rbox.addLayout(bar)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        rbox.addWidget(self.error)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.hide()
        rbox.addWidget(self.info)
        split.addWidget(right)
        split.setSizes([280, 720])
        layout.addWidget(split)

        self.instruments.currentRowChanged.connect(lambda _row: self.refresh_history())
        self.history.itemActivated.connect(lambda _item: self.open_selected())
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.triage_button.clicked.connect(self.new_triage)
        self.import_button.clicked.connect(self.import_definition)
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, self.new_assessment)
        self.load_catalog()

    # ---- data ------------------------------------------------------------------------------
    def load_catalog(self) -> None:
        keep = self.selected_instrument_id()
        self.catalog = instruments.catalog(self.ctx)
        lang = current_language()
        self.instruments.blockSignals(True)
        self.instruments.clear()
        for defn in self.catalog.values():
            text = text_in(defn.title, lang)
            if not defn.texts_included:
                text += " — " + self.tr("texts not imported")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, defn.id)
            self.instruments.addItem(item)
        ids = list(self.catalog)
        if keep not in ids:
            keep = self._starting_instrument(ids)
        self.instruments.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self.instruments.blockSignals(False)
        self.refresh_history()  # once (the row change above is not signalled)

    def _starting_instrument(self, ids: list[str]) -> str | None:
        """Where the case manager picks up: a draft under way, else the patient's latest
        assessment, else the first instrument whose texts are there (not one that cannot be
        filled in)."""
        recent = assessments.last_instrument(self.ctx, self.dossier.patient_id)
        if recent in ids:
            return recent
        return next((i for i in ids if self.catalog[i].texts_included), ids[0] if ids else None)

    def selected_instrument_id(self) -> str | None:
        item = self.instruments.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_instrument(self, instrument_id: str) -> None:
        for row in range(self.instruments.count()):
            if self.instruments.item(row).data(Qt.ItemDataRole.UserRole) == instrument_id:
                self.instruments.setCurrentRow(row)
                return

    def refresh(self) -> None:
        if not self.ctx.is_locked:
            self.refresh_history()

    def refresh_history(self) -> None:
        iid = self.selected_instrument_id()
        self.history.clear()
        self.rows = []
        if iid is None:
            return
        defn = self.catalog[iid]
        lang = current_language()
        pid = self.dossier.patient_id
        self.heading.setText(f"<b>{text_in(defn.title, lang)}</b><br>"
                             f"<small>{text_in(defn.licence.note, lang)}</small>")
        done = assessments.history(self.ctx, pid, iid)
        self.rows = assessments.drafts(self.ctx, pid, iid) + list(reversed(done))
        for v in self.rows:
            day = short_date(v.assessed_on) if v.assessed_on else "?"
            if v.status == "draft":
                state = self.tr("draft")
                if v.supersedes_id:
                    state = self.tr("correction in progress")
            elif v.superseded_by:
                state = self.tr("replaced by a correction")
            else:
                state = self.tr("completed")
            text = f"{day} — {short_summary(defn, v.scores)} ({state})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.history.addItem(item)
        if self.history.count():
            self.history.setCurrentRow(0)
        points = assessments.trend_of(defn, done)
        labels = []
        for p in points:
            view = next(v for v in self.rows if v.id == p.response_id)
            labels.append(short_summary(defn, view.scores).split(" — ")[-1])
        self.trend.set_points(points, labels)

    def selected_rows(self) -> list[AssessmentView]:
        ids = {i.data(Qt.ItemDataRole.UserRole) for i in self.history.selectedItems()}
        return [v for v in self.rows if v.id in ids]

    # ---- actions ---------------------------------------------------------------------------
    def _show(self, dialog: ResponseDialog) -> ResponseDialog:
        self.open_windows = [w for w in self.open_windows if w.isVisible()]
        self.open_windows.append(dialog)
        dialog.destroyed.connect(lambda _=None: self.refresh())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def new_assessment(self, prefill: dict[str, Any] | None = None) -> ResponseDialog | None:
        iid = self.selected_instrument_id()
        if iid is None:
            return None
        drafts = assessments.drafts(self.ctx, self.dossier.patient_id, iid)
        fresh = [d for d in drafts if not d.supersedes_id]
        if fresh:  # one draft per instrument: reopen it rather than start a second
            return self._show(ResponseDialog(self.dossier, self.catalog[iid], fresh[-1]))
        return self._show(ResponseDialog(self.dossier, self.catalog[iid], None,
                                         prefill=prefill or None))

    def new_triage(self) -> ResponseDialog | None:
        self.select_instrument(assessments.TRIAGE_ID)
        try:
            prefill: dict[str, Any] = dict(assessments.triage_prefill(self.ctx,
                                                                      self.dossier.patient_id))
        except DomainError:
            prefill = {}
        return self.new_assessment(prefill)

    def open_selected(self) -> ResponseDialog | None:
        rows = self.selected_rows()
        iid = self.selected_instrument_id()
        if not rows or iid is None:
            return None
        view = assessments.get_assessment(self.ctx, rows[0].id)  # audited view
        return self._show(ResponseDialog(self.dossier, self.catalog[iid], view))

    def compare_selected(self) -> CompareDialog | None:
        rows = [v for v in self.selected_rows() if v.status == "completed"]
        iid = self.selected_instrument_id()
        if len(rows) != 2 or iid is None:
            self.error.setText(self.tr("Select two completed assessments to compare."))
            self.error.show()
            return None
        self.error.hide()
        older, newer = sorted(rows, key=lambda v: (v.assessed_on or v.completed_at, v.id))
        dialog = CompareDialog(self, self.catalog[iid], assessments.compare(self.ctx, older.id,
                                                                             newer.id))
        dialog.open()
        return dialog

    def import_definition(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a licensed definition"), "",
                self.tr("Instrument definitions (*.json)"))
            if not path:
                return False
        try:
            result = instruments.import_definition(self.ctx, path)
        except DomainError as exc:
            self.error.setText(self.tr("Nothing was imported: {reason}").format(
                reason=error_message(exc)))
            self.error.show()
            return False
        self.error.hide()
        self.load_catalog()
        self.select_instrument(result.id)
        self.info.setText(message("instrument.imported", id=result.id, version=result.version))
        self.info.show()
        return True


def create_tab(dossier: DossierWindow) -> QWidget:
    return AssessmentTab(dossier)
