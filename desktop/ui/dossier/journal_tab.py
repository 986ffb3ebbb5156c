"""Journal: dated notes, newest first, append-only. New note: Ctrl+Shift+N, save: Ctrl+S.
The text being written autosaves into the vault every few seconds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_datetime
from desktop.services import cases, drafts, journal
from desktop.ui.dossier.case_dialogs import ERROR_STYLE, TextDialog
from desktop.ui.i18n import error_message

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow


class JournalTab(QWidget):
    def __init__(self, dossier: DossierWindow,
                 autosave_seconds: float = drafts.AUTOSAVE_SECONDS) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Journal"))
        self.notes: list[journal.NoteView] = []
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Journal notes"))
        split.addWidget(self.list)
        editor = QWidget()
        box = QVBoxLayout(editor)
        box.setContentsMargins(0, 0, 0, 0)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("New note (Ctrl+Shift+N), saved with Ctrl+S"))
        self.editor.setAccessibleName(self.tr("New note"))
        box.addWidget(self.editor)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        box.addWidget(self.error)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add the note"))
        self.correct_button = QPushButton(self.tr("C&orrect the selected note…"))
        self.restored = QLabel()
        bar.addWidget(self.add_button)
        bar.addWidget(self.correct_button)
        bar.addWidget(self.restored, 1)
        box.addLayout(bar)
        split.addWidget(editor)
        split.setSizes([380, 160])
        layout.addWidget(split)
        self.add_button.clicked.connect(self.add)
        self.correct_button.clicked.connect(self.correct)
        QShortcut(QKeySequence("Ctrl+Shift+N"), dossier, self.new_note)
        QShortcut(QKeySequence.StandardKey.Save, self.editor, self.add)
        key = drafts.journal_key(dossier.patient_id)
        draft = drafts.get_draft(dossier.ctx, key)
        if draft is not None:
            self.editor.setPlainText(draft.text)
            self.restored.setText(self.tr("Text restored from the automatic save."))
        self.autosaver = drafts.Autosaver(dossier.ctx, key, "journal",
                                          patient_id=dossier.patient_id,
                                          interval=autosave_seconds)
        self.editor.textChanged.connect(lambda: self.autosaver.typed(self.editor.toPlainText()))
        self.timer = QTimer(self)
        self.timer.setInterval(int(autosave_seconds * 1000))
        self.timer.timeout.connect(self.flush_draft)
        self.timer.start()
        dossier.bus.locked.connect(self.timer.stop)
        self.refresh()

    def flush_draft(self) -> None:
        if not self.dossier.ctx.is_locked:
            self.autosaver.flush()

    def new_note(self) -> None:
        self.dossier.tabs.setCurrentWidget(self)
        self.editor.setFocus()

    def refresh(self) -> None:
        self.notes = journal.list_notes(self.dossier.ctx, self.dossier.patient_id)
        self.list.clear()
        for n in self.notes:
            head = short_datetime(n.written_at)
            if n.author:
                head += f" — {n.author}"
            if n.corrects_note_id:
                head += " " + self.tr("(correction)")
            if n.corrected_by_id:
                head += " " + self.tr("(corrected below… see the newer note)")
            item = QListWidgetItem(f"{head}\n{n.text}")
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            self.list.addItem(item)

    def add(self) -> bool:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        try:
            journal.add_note(ctx, pid, self.editor.toPlainText(), case_id=cases.open_case_of(ctx, pid))
        except DomainError as exc:
            self.error.setText(error_message(exc))
            self.error.show()
            return False
        self.error.hide()
        self.restored.clear()
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.autosaver.discard()
        self.refresh()
        return True

    DRAFT_KINDS = ("journal_correction",)

    def restore_draft(self, draft: drafts.DraftView) -> TextDialog | None:
        """Reopen the correction `draft` belongs to (it picks the text up)."""
        self.dossier.tabs.setCurrentWidget(self)
        self.refresh()
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == draft.context.get("record_id"):
                self.list.setCurrentItem(item)
                return self.correct()
        return None

    def correct(self) -> TextDialog | None:
        item = self.list.currentItem()
        if item is None:
            return None
        note = next(n for n in self.notes if n.id == item.data(Qt.ItemDataRole.UserRole))
        ctx = self.dossier.ctx
        dialog = TextDialog(self, self.tr("Correct a note"), self.tr("&Corrected text:"),
                            lambda text: journal.correct_note(ctx, note.id, text), note.text)
        dialog.guard_text(ctx, "journal_correction", self.dossier.patient_id, note.id)

        def done(_r: int) -> None:
            if dialog.result_id:
                self.refresh()

        dialog.finished.connect(done)
        dialog.open()
        return dialog


def create_tab(dossier: DossierWindow) -> QWidget:
    return JournalTab(dossier)
