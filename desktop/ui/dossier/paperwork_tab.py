"""Paperwork and medication (issue 19, items 1-2): the patient's applications and procedures
(deadline first, the due ones marked) and the medication list, each with its dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
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

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.services import medication, paperwork
from desktop.ui.dossier.paperwork_dialogs import (
    MedicationDialog,
    PaperworkDialog,
    ReviewLetterDialog,
)
from desktop.ui.fit import spaced_columns
from desktop.ui.i18n import error_message, message
from desktop.ui.tree_select import select_record
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.services.drafts import DraftView
    from desktop.ui.dossier.window import DossierWindow


class _Row(Protocol):
    @property
    def id(self) -> str: ...


RowT = TypeVar("RowT", bound=_Row)
DialogT = TypeVar("DialogT", PaperworkDialog, MedicationDialog)


def _day(d: dt.date | None) -> str:
    return short_date(d)


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAccessibleName(name)
    header = tree.header()
    for col in range(len(headers) - 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    spaced_columns(tree)
    return tree


class PaperworkTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Procedures & medication"))
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
        self.remove_med_button = QPushButton(self.tr("Mark as stopped"))
        self.remove_med_button.setToolTip(self.tr(
            "The patient no longer takes the selected medicine: it leaves the list"))
        self.letter_button = QPushButton(self.tr("Letter for the review…"))
        self.letter_button.setToolTip(self.tr(
            "A letter to the GP or the pharmacist asking to review the medicines marked "
            "for review"))
        for b in (self.add_med_button, self.edit_med_button, self.remove_med_button,
                  self.letter_button):
            bar.addWidget(b)
        bar.addStretch(1)
        inner.addLayout(bar)
        self.letter_status = QLabel()
        self.letter_status.setWordWrap(True)
        self.letter_path: str | None = None  # where the next letter goes (asked when None)
        self.last_letter: Path | None = None
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
        self.letter_button.clicked.connect(lambda: self.review_letter())
        inner.addWidget(self.letter_status)
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
        self.letter_button.setEnabled(any(m.review_requested_to for m in self.medicines))

    def _current(self, tree: QTreeWidget, rows: Sequence[RowT]) -> RowT | None:
        item = tree.currentItem()
        if item is None:
            return None
        rid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in rows if r.id == rid), None)

    def _open(self, dialog: DialogT) -> DialogT:
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

    # ---- the letter for the review -------------------------------------------------------
    DRAFT_KINDS = ("medication_letter", "paperwork", "medication")

    def restore_draft(self, draft: DraftView) -> object:
        """Reopen the dialog a draft belongs to: the letter, or a procedure or a medicine (a
        new one, or the one it was editing if still there)."""
        self.dossier.tabs.setCurrentWidget(self)
        if draft.kind == "medication_letter":
            return self.review_letter()
        paper = draft.kind == "paperwork"
        rid = draft.context.get("record_id")
        if rid is None:
            return self.add_paperwork() if paper else self.add_medication()
        if not select_record(self.paper_tree if paper else self.med_tree, rid):
            return None
        return self.edit_paperwork() if paper else self.edit_medication()

    def review_letter(self) -> ReviewLetterDialog | None:
        """Ask to whom, the language and the question, then save the PDF in the background."""
        current = self._current(self.med_tree, self.medicines)
        marked = [m.review_requested_to for m in self.medicines if m.review_requested_to]
        if not marked:
            return None
        if current is not None and current.review_requested_to:
            marked.insert(0, current.review_requested_to)
        reviewers = list(dict.fromkeys(marked))
        dialog = ReviewLetterDialog(self, self.dossier.ctx, self.dossier.patient_id, reviewers)
        dialog.accepted.connect(lambda: self._write_letter(dialog))
        dialog.open()
        return dialog

    def _write_letter(self, dialog: ReviewLetterDialog) -> None:
        from desktop.services.medication_letter import write_review_letter

        if dialog.choice is None:
            return
        to, lang, question = dialog.choice
        target = self.letter_path
        if target is None:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the letter"),
                str(Path.home() / self.tr("medication-review.pdf")), "PDF (*.pdf)")
        if not target:
            return
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        self.letter_status.setText(self.tr("Preparing the letter…"))
        run_in_background(
            self, lambda: write_review_letter(ctx, pid, to, target, question=question,
                                              lang=lang),
            self._letter_saved, self._letter_failed)

    def _letter_saved(self, path: object) -> None:
        self.last_letter = Path(str(path))
        self.letter_status.setText(self.tr("Saved: {path}").format(path=str(path)))

    def _letter_failed(self, exc: BaseException) -> None:
        self.letter_status.setText("")
        text = error_message(exc) if isinstance(exc, DomainError) else type(exc).__name__
        QMessageBox.warning(self, self.tr("Medication"), text)


def create_tab(dossier: DossierWindow) -> QWidget:
    return PaperworkTab(dossier)
