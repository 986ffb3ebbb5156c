"""The caseload: my cases, searchable by name, NISS, town or phone (accent- and case-insensitive),
with filters (status, tier, due items) and sort; New patient (Ctrl+N)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import case_lifecycle as L
from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date, short_datetime
from desktop.services import caseload, patients
from desktop.ui import labels_case as labels
from desktop.ui.dossier.identity_tab import PatientForm
from desktop.ui.draft_guard import GuardedDialog, TextWidget
from desktop.ui.fit import fit_to_screen, scrolled

if TYPE_CHECKING:
    from desktop.services.context import AppContext
    from desktop.ui.main_window import MainWindow

# columns that give up width first (their text is elided, whole in the tooltip) so the name,
# the first column, is never cut: town, status, due items
SHRINKING = (2, 3, 6)


def _name_width(want: int, others: list[int], room: int) -> int:
    """The name column's width: whole, the widest, and no wider than leaves the other
    columns (each narrower than it) as much of their text as `room` allows. It was two
    sevenths of the table whatever the names, and the status was cut to "Gestion de la …"."""
    def needs(n: int) -> int:
        return n + sum(min(w, n - 1) for w in others)

    if needs(want) >= room:
        return want
    low, high = want, room  # needs() grows with n: the widest n that still fits
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if needs(mid) <= room else (low, mid - 1)
    return low


class CaseloadTable(QTableView):
    """The patients' table: the name column stretches and stays the widest; the other columns
    take their content's width, the long text ones narrowed when room runs short."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt API
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        model = self.model()
        header = self.horizontalHeader()
        if model is None or model.columnCount() == 0:
            return
        count = model.columnCount()
        wants = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c))
                 for c in range(count)]
        room = self.viewport().width()
        fixed = sum(w for c, w in enumerate(wants) if c and c not in SHRINKING)
        name = _name_width(wants[0], [wants[c] for c in SHRINKING], room - fixed)
        flexible = {c: min(wants[c], name - 1) for c in SHRINKING}
        spare = max(0, room - name - fixed)
        total = sum(flexible.values())
        if total > spare:  # narrow the long text columns in proportion
            floor = 6 * self.fontMetrics().averageCharWidth()
            flexible = {c: max(floor, w * spare // max(1, total)) for c, w in flexible.items()}
        for c in range(1, count):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(c, flexible.get(c, wants[c]))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class CaseloadModel(QAbstractTableModel):
    COLUMNS = 7

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[caseload.CaseloadRow] = []

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Age"), self.tr("Town"), self.tr("Status"),
                self.tr("Next visit"), self.tr("Last visit"), self.tr("Due")]

    def set_rows(self, rows: list[caseload.CaseloadRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return self.COLUMNS

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return " · ".join(x for x in (r.niss, r.phone) if x) or None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in SHRINKING:
            return self.data(index) or None  # the whole text of a narrowed column
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return f"{r.family_name.upper()} {r.given_name}"
        if col == 1:
            return r.age if r.age is not None else ""
        if col == 2:
            return r.city or ""
        if col == 3:
            status = labels.case_status(r.status)
            return f"{status} · {labels.tier(r.tier)}" if r.tier else status
        if col == 4:
            return short_datetime(r.next_visit)
        if col == 5:
            return short_date(r.last_visit)
        return ", ".join(labels.due(d) for d in r.due)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None


class NewPatientDialog(GuardedDialog):
    """Identity of a new patient; Ctrl+S saves. Invalid fields get a red message, nothing saved.
    What is typed is drafted: Escape asks before dropping it, Ctrl+N brings it back."""

    DRAFT_KIND = "new_patient"

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id: str | None = None
        self.setWindowTitle(self.tr("New patient"))
        layout = QVBoxLayout(self)
        self.form = PatientForm()
        layout.addWidget(scrolled(self.form, max_height=620), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # as tall as the form (it opened at 680 pixels, a third of it empty), within the screen
        fit_to_screen(self, 640, self.sizeHint().height())
        QShortcut(QKeySequence.StandardKey.Save, self, self.try_save)
        self.form.family_name.setFocus()
        self.attach_drafts(ctx, None)

    def draft_fields(self) -> dict[str, TextWidget]:
        f = self.form
        return {"family_name": f.family_name, "given_name": f.given_name, "niss": f.niss,
                "street": f.street, "house_number": f.house_number, "box": f.box,
                "postal_code": f.postal_code, "city": f.city, "phone1": f.phone1,
                "phone2": f.phone2, "email": f.email, "mutualite": f.mutualite}

    def draft_save(self) -> object:
        return self.try_save()

    def try_save(self) -> bool:
        try:
            self.patient_id = patients.add_patient(self.ctx, self.form.fields())
        except DomainError as exc:
            self.form.show_errors(exc)
            return False
        self.accept()  # the draft guard drops the draft
        return True


class CaseloadPage(QWidget):
    REFRESH_WHEN_TOUCHED = True  # shown again: reloaded only if a write touched what it lists

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Caseload"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, NISS, town or phone (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search patients"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("&New patient (Ctrl+N)"))
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("Open cases and new patients"), ("open", True))
        self.status.addItem(self.tr("Open cases"), ("open", False))
        for code in L.STATUSES:
            self.status.addItem(labels.case_status(code), (code, False))
        self.status.addItem(self.tr("All cases"), ("all", False))
        self.tier = QComboBox()
        self.tier.setAccessibleName(self.tr("Tier filter"))
        self.tier.addItem(self.tr("Every tier"), None)
        for code in L.TIERS:
            self.tier.addItem(labels.tier(code), code)
        self.due = QComboBox()
        self.due.setAccessibleName(self.tr("Due items filter"))
        self.due.addItem(self.tr("Due or not"), None)
        self.due.addItem(self.tr("Something due"), "any")
        for code in caseload.DUE_FILTERS[1:]:
            self.due.addItem(labels.due(code), code)
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Sort"))
        for code, text in (("name", self.tr("Sort by name")),
                           ("next_visit", self.tr("Sort by next visit")),
                           ("last_visit", self.tr("Sort by last visit (oldest first)")),
                           ("relevance_review", self.tr("Sort by relevance review")),
                           ("opened", self.tr("Sort by opening (newest first)")),
                           ("status", self.tr("Sort by status"))):
            self.sort.addItem(text, code)
        for w in (self.status, self.tier, self.due, self.sort):
            filters.addWidget(w)
        filters.addStretch(1)
        self.count = QLabel()
        filters.addWidget(self.count)
        layout.addLayout(filters)
        self.model = CaseloadModel()
        self.table = CaseloadTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Patients"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.activated.connect(self.open_selected)
        layout.addWidget(self.table, 1)
        self.empty = QLabel()  # a search or filters with no result say so
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.hide()
        layout.insertWidget(layout.indexOf(self.table), self.empty)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self._enter)
        for combo in (self.status, self.tier, self.due, self.sort):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_patient)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_patient)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        scope, without_case = self.status.currentData()
        statuses = None if scope == "open" else list(L.STATUSES) if scope == "all" else [scope]
        rows = caseload.list_caseload(
            ctx, self.search.text() or None, statuses=statuses, tier=self.tier.currentData(),
            due=self.due.currentData(), sort=self.sort.currentData(), without_case=without_case)
        selected = self.selected_patient()
        self.model.set_rows(rows)
        if selected is not None:  # the same patient stays selected across a refresh
            for i, row in enumerate(rows):
                if row.patient_id == selected:
                    self.table.selectRow(i)
                    break
        # fitting the columns measures every row (~200 ms at 5,000 patients): done when the
        # filters change, not at each search keystroke (a window resize fits them too)
        filters = (scope, without_case, self.tier.currentData(), self.due.currentData(),
                   self.sort.currentData())
        if filters != getattr(self, "_fitted_for", None):
            self._fitted_for = filters
            self.table.fit_columns()
        self.count.setText(self.tr("%n shown", "", len(rows)))
        text = self.search.text().strip()
        if rows:
            self.empty.hide()
        else:
            self.empty.setText(self.tr("No patient matches \"{text}\".").format(text=text)
                               if text else self.tr("No patient matches these filters."))
            self.empty.show()

    def _enter(self) -> None:
        """Enter in the search box: straight to the dossier when one row matches, else the list."""
        self._debounce.stop()
        self.refresh()
        if self.model.rowCount() == 1:
            self.window_.open_dossier(self.model.rows[0].patient_id)
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def selected_patient(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()].patient_id

    def open_selected(self, index: QModelIndex) -> None:
        if index.isValid():
            self.window_.open_dossier(self.model.rows[index.row()].patient_id)

    def new_patient(self) -> NewPatientDialog:
        dialog = NewPatientDialog(self, self.window_.ctx)

        def done(_r: int) -> None:
            if dialog.patient_id:
                self.refresh()
                dossier = self.window_.open_dossier(dialog.patient_id)
                from desktop.ui.dossier.cases_tab import CasesTab

                for i in range(dossier.tabs.count()):
                    if isinstance(dossier.tabs.widget(i), CasesTab):
                        dossier.tabs.setCurrentIndex(i)  # a new patient's next step: the case

        dialog.finished.connect(done)
        dialog.open()
        return dialog


def create_page(window: MainWindow) -> QWidget:
    return CaseloadPage(window)
