"""The Plan tab's "Letters to the GP" page: the feedback letters written to the patient's GP
(when, to whom, when due, sent or not), printing one (through the tab's documents path; without
consent to share with that GP the law allows an override, its reason logged) and marking it
sent."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.services import documents, gp_feedback
from desktop.ui.i18n import error_message
from desktop.ui.plan.base import GOAL_ROLE
from desktop.ui.plan.dialogs import GpLetterDialog
from desktop.ui.plan.printouts import PlanPrintouts


class PlanLetters(PlanPrintouts):
    def _letters_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.letters = QTreeWidget()
        self.letters.setHeaderLabels([self.tr("Written"), self.tr("GP"), self.tr("Due"),
                                      self.tr("Status")])
        self.letters.setRootIsDecorated(False)
        self.letters.setAccessibleName(self.tr("Letters to the GP"))
        layout.addWidget(self.letters, 1)
        row = QHBoxLayout()
        self.letter_button = QPushButton(self.tr("New &letter…"))
        self.print_letter_button = QPushButton(self.tr("&Print the letter…"))
        self.sent_button = QPushButton(self.tr("Mark as &sent"))
        for b in (self.letter_button, self.print_letter_button, self.sent_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.letter_button.clicked.connect(lambda: self.add_letter())
        self.print_letter_button.clicked.connect(lambda: self.print_letter())
        self.sent_button.clicked.connect(self.mark_sent)
        return page

    def _refresh_letters(self) -> None:
        self.letters.clear()
        for letter in gp_feedback.letters_for(self.ctx, self.patient_id):
            status = (self.tr("sent on {d}").format(d=short_date(letter.sent_on))
                      if letter.status == "sent" else self.tr("to send"))
            item = QTreeWidgetItem([short_date(letter.created_on), letter.gp_name or "",
                                    short_date(letter.due_on), status])
            item.setData(0, GOAL_ROLE, letter.id)
            self.letters.addTopLevelItem(item)

    def add_letter(self) -> GpLetterDialog:
        dialog = GpLetterDialog(self, self.ctx, self.patient_id)
        self._run(dialog)
        return dialog

    def _selected_letter(self) -> str | None:
        item = self.letters.currentItem()
        return str(item.data(0, GOAL_ROLE)) if item is not None else None

    def print_letter(self, path: str | None = None, override_reason: str | None = None,
                     feedback_id: str | None = None) -> None:
        fid = feedback_id or self._selected_letter()
        if fid is None:
            return
        lang = self.lang.currentData()

        def failed(exc: BaseException, target: str) -> None:
            # no consent to share with this GP, or the patient objected: the law allows an
            # override with its reason (logged)
            if (isinstance(exc, DomainError) and override_reason is None
                    and exc.code in ("consent.provider_sharing_missing",
                                     "consent.provider_objected")):
                self.print_status.setText("")
                reason = self.ask_override_reason(error_message(exc))
                if reason:
                    self.print_letter(target, override_reason=reason, feedback_id=fid)
                return
            self._print_failed(exc, target)

        self._print(lambda p: documents.write_gp_letter(self.ctx, fid, p, lang=lang,
                                                        override_reason=override_reason),
                    path, self._file_name("gp_letter"), failed)

    def ask_override_reason(self, message: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Consent missing"),
            message + "\n\n" + self.tr("To send it anyway, give the reason (it is logged):"))
        return text.strip() if ok and text.strip() else None

    def mark_sent(self) -> None:
        fid = self._selected_letter()
        if fid is None:
            return
        try:
            gp_feedback.mark_sent(self.ctx, fid)
        except DomainError as exc:
            self._error(exc)
            return
        self._changed()
