"""Cases: open one with its request, move it through the lifecycle, review, close (reason and
date required), reopen. Every case of the patient is listed, the open one first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import case_lifecycle as L
from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.services import cases
from desktop.ui import labels_case as labels
from desktop.ui.dossier.case_dialogs import ERROR_STYLE, CloseCaseDialog, NewCaseDialog
from desktop.ui.i18n import error_message

if TYPE_CHECKING:
    from desktop.services.drafts import DraftView
    from desktop.ui.dossier.handover_dialog import HandoverDialog
    from desktop.ui.dossier.intake_dialogs import IntakeDialog, TriageDialog
    from desktop.ui.dossier.transfer_dialog import TransferDialog
    from desktop.ui.dossier.window import DossierWindow


def _d(day: dt.date | None) -> str:
    return short_date(day) if day else "—"


def mid_sentence(text: str) -> str:
    """"Le médecin traitant" → "le médecin traitant", "A relative" → "a relative", but an
    acronym ("CPAS", "OCMW") stays."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


class CasesTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Cases"))
        self.cases: list[cases.CaseView] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New case…"))
        self.move_to = QComboBox()
        self.move_to.setAccessibleName(self.tr("New status"))
        # filled for each case chosen: as wide as its statuses then ("Évaluatic" otherwise)
        self.move_to.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.move_button = QPushButton(self.tr("Change &status"))
        self.review_button = QPushButton(self.tr("Relevance &reviewed"))
        self.review_button.setToolTip(self.tr("Case management is still needed: the next review "
                                              "is due in three months"))
        self.close_button = QPushButton(self.tr("C&lose the case…"))
        self.intake_button = QPushButton(self.tr("&Intake…"))
        self.intake_button.setToolTip(self.tr("Accepted, redirected or waiting list; first "
                                              "contact and first home visit"))
        self.triage_button = QPushButton(self.tr("Tria&ge, crisis…"))
        self.triage_button.setToolTip(self.tr("Suggested level and its reasons; record a crisis"))
        self.handover_button = QPushButton(self.tr("Hand &over…"))
        self.handover_button.setToolTip(self.tr("Choose one or more responsible case managers "
                                                "among the team's users"))
        self.transfer_button = QPushButton(self.tr("&Transfer…"))
        self.transfer_button.setToolTip(self.tr("Transfer to another organisation: a transfer "
                                                "pack and the case closed"))
        for w in (self.new_button, self.move_to, self.move_button, self.review_button,
                  self.intake_button, self.triage_button, self.handover_button,
                  self.close_button, self.transfer_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Cases"))
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Case details"))
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setSizes([300, 700])
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_case)
        self.move_button.clicked.connect(self.change_status)
        self.review_button.clicked.connect(self.review)
        self.close_button.clicked.connect(self.close_case)
        self.intake_button.clicked.connect(self.intake)
        self.triage_button.clicked.connect(self.triage)
        self.handover_button.clicked.connect(self.handover)
        self.transfer_button.clicked.connect(self.transfer)
        self.list.currentRowChanged.connect(lambda _r: self._show())
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        keep = current.id if current else None
        self.cases = cases.list_cases(self.dossier.ctx, self.dossier.patient_id)
        self.cases.sort(key=lambda c: not c.is_open)
        self.list.clear()
        for c in self.cases:
            item = QListWidgetItem(f"{labels.case_status(c.status)} — {_d(c.opened_on)}"
                                   + (f" → {_d(c.closed_on)}" if c.closed_on else ""))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        index = next((i for i, c in enumerate(self.cases) if c.id == keep), 0)
        self.list.setCurrentRow(index if self.cases else -1)
        self.new_button.setEnabled(not any(c.is_open for c in self.cases))
        self._show()

    def selected(self) -> cases.CaseView | None:
        row = self.list.currentRow()
        return self.cases[row] if 0 <= row < len(self.cases) else None

    def _show(self) -> None:
        c = self.selected()
        self.move_to.clear()
        for b in (self.move_button, self.review_button, self.close_button, self.move_to,
                  self.intake_button, self.triage_button, self.handover_button,
                  self.transfer_button):
            b.setEnabled(c is not None)
        if c is None:
            self.detail.setPlainText(self.tr("No case yet. Open one with “New case”."))
            return
        for target in sorted(L.TRANSITIONS[c.status] - {"closed"}, key=L.STATUSES.index):
            self.move_to.addItem(labels.case_status(target), target)
        self.move_button.setEnabled(self.move_to.count() > 0)
        self.review_button.setEnabled(c.is_open)
        self.close_button.setEnabled(c.is_open)
        self.triage_button.setEnabled(c.is_open)
        self.handover_button.setEnabled(c.is_open)
        self.transfer_button.setEnabled(c.is_open)
        from desktop.ui.dossier.handover_dialog import display_names

        lines = [
            self.tr("Status: {status}").format(status=labels.case_status(c.status)),
            self.tr("Opened on {date}").format(date=_d(c.opened_on)),
            self.tr("Requested on {date} by {who}").format(
                date=_d(c.request_date), who=mid_sentence(labels.requester(c.requester_type))
                + (f" ({c.requester_name})" if c.requester_name else "")
                + (f" — {c.requester_phone}" if c.requester_phone else "")),
            self.tr("Request: “{text}”").format(text=c.request_reason or ""),
            (self.tr("Responsible case managers: {names}") if len(c.responsible_users) > 1
             else self.tr("Responsible case manager: {names}")).format(
                # a laptop not enrolled names no server user: the one who opened the case
                names=", ".join(display_names(self.dossier.ctx, c.responsible_users))
                or c.primary_case_manager or "—"),
        ]
        if c.clarified_request:
            lines.append(self.tr("Clarified request: {text}").format(text=c.clarified_request))
        lines += self._intake_lines(c)
        lines += self._handover_lines(c)
        if c.complexity_tier:
            lines.append(self.tr("Tier: {tier}").format(tier=labels.tier(c.complexity_tier)))
        if c.is_open:  # the suggestion by complexity, with its reasons
            from desktop.services import triage
            from desktop.ui.dossier.intake_dialogs import suggestion_lines

            lines += suggestion_lines(triage.suggestion(self.dossier.ctx, c.patient_id))
        if c.is_open and c.relevance_review_due:
            lines.append((self.tr("Relevance review to do since {date}")
                          if c.relevance_review_overdue
                          else self.tr("Relevance review due on {date}")).format(
                date=_d(c.relevance_review_due)))
        if c.is_open or c.closure_reason == "stabilised":  # the review and "stabilised" weigh it
            from desktop.services import stability
            from desktop.ui.dossier.transitions import trend_text

            lines.append(self.tr("Stability log: {trend}").format(
                trend=trend_text(stability.trend_of(self.dossier.ctx, c.patient_id))))
        if c.closed_on:
            lines.append(self.tr("Closed on {date}: {reason}").format(
                date=_d(c.closed_on), reason=labels.closure_reason(c.closure_reason)))
        lines.append(self.tr("Visits: {done} done, {planned} planned").format(
            done=c.visits_done, planned=c.visits_planned))
        lines.append("")
        lines.append(self.tr("History:"))
        for h in c.history:
            lines.append(f"  {_d(h.changed_on)}  {labels.case_status(h.to_status)}"
                         + (f" — {h.note}" if h.note else ""))
            if h.to_status == "closed" and c.closed_on and h.changed_on == c.closed_on:
                from desktop.ui.dossier.closure_fields import closure_lines

                lines += ["      " + line for line in closure_lines(c.closure_agreed_by,
                                                                    c.closure_handback)]
        self.detail.setPlainText("\n".join(lines))

    def _handover_lines(self, c: cases.CaseView) -> list[str]:
        """The case's handovers inside the team, newest first, with their notes."""
        from desktop.services import handover

        out = []
        for h in handover.history(self.dossier.ctx, c.patient_id):
            if h.case_id != c.id:
                continue
            out.append(self.tr("Handed over on {date} by {who} to {to}").format(
                date=_d(h.handed_over_on), who=h.from_name or "?", to=", ".join(h.to_names)))
            out += ["    " + line for line in h.note.splitlines()]
        return out

    def _intake_lines(self, c: cases.CaseView) -> list[str]:
        out = []
        if c.intake_outcome == "waiting":
            out.append(self.tr("Intake: waiting list since {date}").format(
                date=_d(c.waiting_since or c.intake_outcome_on)))
        elif c.intake_outcome == "redirected":
            from desktop.services.contacts import get_contact

            try:
                to = get_contact(self.dossier.ctx, c.redirected_to_contact_id or "").name
            except DomainError:
                to = "—"
            out.append(self.tr("Intake: redirected on {date} to {to}").format(
                date=_d(c.intake_outcome_on), to=to))
        elif c.intake_outcome == "accepted":
            out.append(self.tr("Intake: accepted on {date}").format(date=_d(c.intake_outcome_on)))
        if c.intake_reason:
            out.append("  " + c.intake_reason)
        for day, days, text, none in (
                (c.first_contact_on, c.days_to_first_contact,
                 self.tr("First contact: {date}"), self.tr("First contact: not yet")),
                (c.first_home_visit_on, c.days_to_first_home_visit,
                 self.tr("First home visit: {date}"), self.tr("First home visit: not yet"))):
            if day is None:
                out.append(none)
                continue
            line = text.format(date=_d(day))
            if days is not None:  # "1 jour", "3 jours": Qt's plural forms
                line += " " + self.tr("(%n day(s) after the request)", "", days)
            out.append(line)
        return out

    def intake(self) -> IntakeDialog | None:
        from desktop.ui.dossier.intake_dialogs import IntakeDialog

        c = self.selected()
        if c is None:
            return None
        dialog = IntakeDialog(self, self.dossier.ctx, c.id)
        dialog.finished.connect(lambda _r: self._changed() if dialog.result_id else None)
        dialog.open()
        return dialog

    def triage(self) -> TriageDialog | None:
        from desktop.ui.dossier.intake_dialogs import TriageDialog

        c = self.selected()
        if c is None or not c.is_open:
            return None
        dialog = TriageDialog(self, self.dossier.ctx, c.id)
        dialog.finished.connect(lambda _r: self._changed() if dialog.result_id else None)
        dialog.open()
        return dialog

    def handover(self) -> HandoverDialog | None:
        from desktop.ui.dossier.handover_dialog import HandoverDialog

        c = self.selected()
        if c is None or not c.is_open:
            return None
        from desktop.ui.sync.enrol_dialog import connect_to_server

        dialog = HandoverDialog(self, self.dossier.ctx, c.id,
                                connect=lambda: connect_to_server(self.dossier.main_window))
        dialog.finished.connect(lambda _r: self._changed() if dialog.result_id else None)
        dialog.open()
        return dialog

    def transfer(self) -> TransferDialog | None:
        from desktop.ui.dossier.transfer_dialog import TransferDialog

        c = self.selected()
        if c is None or not c.is_open:
            return None
        dialog = TransferDialog(self, self.dossier.ctx, c.id)
        dialog.finished.connect(lambda _r: self._changed() if dialog.result_id else None)
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.error.hide()
        self.dossier.refresh_header()
        self.refresh()

    def _fail(self, exc: DomainError) -> None:
        self.error.setText(error_message(exc))
        self.error.show()

    def new_case(self) -> NewCaseDialog:
        dialog = NewCaseDialog(self, self.dossier.ctx, self.dossier.patient_id)
        dialog.finished.connect(lambda _r: self._changed() if dialog.result_id else None)
        dialog.open()
        return dialog

    def change_status(self) -> bool:
        c, target = self.selected(), self.move_to.currentData()
        if c is None or target is None:
            return False
        try:
            cases.change_status(self.dossier.ctx, c.id, target)
        except DomainError as exc:
            self._fail(exc)
            return False
        self._changed()
        return True

    def review(self) -> None:
        c = self.selected()
        if c is None:
            return
        try:
            cases.record_relevance_review(self.dossier.ctx, c.id)
        except DomainError as exc:
            self._fail(exc)
            return
        self._changed()

    DRAFT_KINDS = ("case", "case_close", "handover_note", "transfer_note", "intake")

    def restore_draft(self, draft: DraftView) -> object:
        """Reopen the dialog `draft` belongs to (it picks the text up); None when it is gone."""
        self.dossier.tabs.setCurrentWidget(self)
        if draft.kind == "case":
            return self.new_case()
        rid = draft.context.get("record_id")
        row = next((i for i, c in enumerate(self.cases) if c.id == rid), -1)
        if row < 0 or self.cases[row].status == "closed":
            return None
        self.list.setCurrentRow(row)
        if draft.kind == "handover_note":
            return self.handover()
        if draft.kind == "transfer_note":
            return self.transfer()
        if draft.kind == "intake":
            return self.intake()
        return self.close_case()

    def close_case(self) -> CloseCaseDialog | None:
        c = self.selected()
        if c is None:
            return None
        dialog = CloseCaseDialog(self, self.dossier.ctx, c.id)
        dialog.finished.connect(lambda _r: self._changed() if dialog.result_id else None)
        dialog.open()
        return dialog


def create_tab(dossier: DossierWindow) -> QWidget:
    return CasesTab(dossier)
