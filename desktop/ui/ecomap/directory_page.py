"""Main-window page "Directory": the professionals and services shared across patients, with the
duplicate finder and the merge that keeps every tie."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.contacts import KINDS, PRIVATE_KINDS
from desktop.domain.errors import DomainError
from desktop.services import contacts
from desktop.ui.ecomap import labels
from desktop.ui.ecomap.dialogs import ContactDialog
from desktop.ui.i18n import error_message

if TYPE_CHECKING:
    from desktop.services.context import AppContext
    from desktop.ui.main_window import MainWindow

DIRECTORY_KINDS = tuple(k for k in KINDS if k not in PRIVATE_KINDS)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


class DirectoryPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Directory"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, town, phone or INAMI number "
                                               "(Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the directory"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("&New contact…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("De&lete…"))
        self.delete_button.setToolTip(self.tr("Only a contact no patient is linked to"))
        self.dup_button = QPushButton(self.tr("Find &duplicates"))
        for b in (self.new_button, self.edit_button, self.delete_button, self.dup_button):
            top.addWidget(b)
        layout.addLayout(top)
        # an empty directory (a new laptop, or only family added on the maps) said nothing
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #616161;")
        self.empty.hide()
        layout.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = _table([self.tr("Name"), self.tr("Kind"), self.tr("Phone"), self.tr("Town"),
                             self.tr("INAMI number"), self.tr("Patients")])
        self.table.setSortingEnabled(True)
        # A to Z by name until the user clicks a header (Qt's first indicator sorts Z to A)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(self.tr("Contacts of the directory"))
        split.addWidget(self.table)
        dup_box = QWidget()
        dup_layout = QVBoxLayout(dup_box)
        dup_layout.setContentsMargins(0, 0, 0, 0)
        self.dup_title = QLabel(self.tr("Likely duplicates"))
        dup_layout.addWidget(self.dup_title)
        self.dups = _table([self.tr("Contact"), self.tr("Possible duplicate"), self.tr("Why"),
                            self.tr("Score")])
        self.dups.setAccessibleName(self.tr("Likely duplicates"))
        dup_layout.addWidget(self.dups)
        bar = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("&Merge the selected pair…"))
        self.merge_button.setEnabled(False)
        bar.addWidget(self.merge_button)
        bar.addStretch(1)
        dup_layout.addLayout(bar)
        split.addWidget(dup_box)
        dup_box.hide()
        self.dup_box = dup_box
        layout.addWidget(split, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.rows: list[contacts.ContactView] = []
        self.pairs: list[contacts.DuplicatePair] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.new_button.clicked.connect(self.new_contact)
        self.edit_button.clicked.connect(lambda: self.edit_contact())
        self.table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.delete_button.clicked.connect(self.delete_contact)
        self.dup_button.clicked.connect(self.find_duplicates)
        self.merge_button.clicked.connect(self.merge_selected)
        self.dups.itemSelectionChanged.connect(
            lambda: self.merge_button.setEnabled(bool(self.dups.selectedItems())))
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)

    @property
    def ctx(self) -> AppContext:
        return self.window_.ctx

    def refresh(self) -> None:
        if self.ctx is None or self.ctx.is_locked:
            return
        self.rows = contacts.list_contacts(self.ctx, self.search.text() or None)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for i, c in enumerate(self.rows):
            values = (c.name, labels.kind(c.kind), c.phones_display[0] if c.phones_display else "",
                      " ".join(x for x in (c.postal_code, c.city) if x), c.inami_number or "",
                      str(c.links))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                if col == 5:
                    item.setData(Qt.ItemDataRole.DisplayRole, c.links)
                self.table.setItem(i, col, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        typed = self.search.text().strip()
        self.empty.setText(
            self.tr("No contact of the directory matches “{text}”.").format(text=typed) if typed
            else self.tr("The directory holds the doctors, services and organisations shared "
                         "by every patient; a patient's family and friends are on their "
                         "ecomap. Add one with New contact…"))
        self.empty.setVisible(not self.rows)
        if self.dup_box.isVisible():
            self.find_duplicates()

    def _selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _changed(self) -> None:
        self.refresh()

    def new_contact(self) -> ContactDialog:
        dialog = ContactDialog(self, lambda f: contacts.add_contact(self.ctx, f), ctx=self.ctx)
        dialog.contact.kind.clear()
        for code in DIRECTORY_KINDS:  # private persons are added from a patient's map
            dialog.contact.kind.addItem(labels.kind(code), code)
        return self._open(dialog)

    def edit_contact(self, cid: str | None = None) -> ContactDialog | None:
        cid = cid or self._selected_id()
        if cid is None:
            return None
        view = contacts.get_contact(self.ctx, cid)
        return self._open(ContactDialog(
            self, lambda f: contacts.edit_contact(self.ctx, cid, f), view, ctx=self.ctx))

    def _open(self, dialog: ContactDialog) -> ContactDialog:
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def delete_contact(self) -> None:
        cid = self._selected_id()
        if cid is None:
            return
        name = next((c.name for c in self.rows if c.id == cid), "")
        answer = QMessageBox.question(self, self.tr("Delete a contact"),
                                      self.tr("Delete {name} from the directory?").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            contacts.delete_contact(self.ctx, cid)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return
        self._changed()

    def find_duplicates(self) -> None:
        self.pairs = contacts.find_duplicates(self.ctx)
        self.dups.setRowCount(len(self.pairs))
        for i, p in enumerate(self.pairs):
            town_a = f" — {p.a.city}" if p.a.city else ""
            town_b = f" — {p.b.city}" if p.b.city else ""
            values = (f"{p.a.name}{town_a}", f"{p.b.name}{town_b}",
                      ", ".join(labels.reason(r) for r in p.reasons), f"{p.score:.2f}")
            for col, text in enumerate(values):
                self.dups.setItem(i, col, QTableWidgetItem(text))
        self.dups.resizeColumnsToContents()
        self.dup_box.show()
        self.dup_title.setText(self.tr("Likely duplicates: {count}").format(count=len(self.pairs))
                               if self.pairs else self.tr("No likely duplicate found."))

    def merge_selected(self) -> None:
        rows = {i.row() for i in self.dups.selectedItems()}
        if not rows:
            return
        pair = self.pairs[min(rows)]
        # keep the contact with more ties by default; the other is folded into it
        keep, other = (pair.a, pair.b) if pair.a.links >= pair.b.links else (pair.b, pair.a)
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Merge two contacts"))
        box.setText(self.tr("Keep \"{keep}\" and fold \"{other}\" into it? Every tie of both "
                            "stays, on the contact kept.").format(keep=keep.name, other=other.name))
        keep_button = box.addButton(self.tr("Keep \"{name}\"").format(name=keep.name),
                                    QMessageBox.ButtonRole.AcceptRole)
        swap_button = box.addButton(self.tr("Keep \"{name}\"").format(name=other.name),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is swap_button:
            keep, other = other, keep
        elif clicked is not keep_button:
            return
        try:
            result = contacts.merge_contacts(self.ctx, keep.id, other.id)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return
        moved, combined = len(result["moved_ties"]), len(result["combined_ties"])  # type: ignore[arg-type]
        self.status.setText(self.tr("Merged: {moved}, {combined}.").format(
            moved=self.tr("%n tie(s) moved", "", moved),
            combined=self.tr("%n combined", "", combined)))
        self._changed()


def create_page(window: MainWindow) -> QWidget:
    return DirectoryPage(window)
