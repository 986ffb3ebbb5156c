"""The dossier's Consents tab: current state at a glance, history with evidence, one-action
grant and withdrawal (with a confirmation), "who looked at my file", export for the patient."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.consent_policy import CARER_AGREEMENT, PURPOSE_PROVIDER_OBJECTION
from desktop.domain.errors import DomainError
from desktop.i18n import t
from desktop.i18n.dates import short_date, short_datetime
from desktop.services import audit_log, consents, gdpr, sync_status
from desktop.ui.consent import field_history, labels
from desktop.ui.consent.contact_dialog import ContactConsentDialog
from desktop.ui.consent.dialogs import DecisionDialog, EvidenceDialog
from desktop.ui.fit import spaced_columns
from desktop.ui.i18n import current_language, error_message
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.services.drafts import DraftView
    from desktop.ui.dossier.window import DossierWindow


def _tree(headers: list[str], name: str, rows: int = 8) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAccessibleName(name)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    spaced_columns(tree)
    # `rows` rows in view at least (the header and frame come on top)
    tree.setMinimumHeight(tree.fontMetrics().height() * (rows + 2))
    return tree


class ConsentsTab(QWidget):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.setWindowTitle(self.tr("Consents"))
        self.overview: consents.ConsentOverview | None = None
        self.events: list[consents.ConsentEventView] = []
        self.last_outcome: gdpr.ErasureOutcome | None = None
        layout = QVBoxLayout(self)

        # shown while team sharing is not granted (the attribute name predates issue 15)
        self.local_only = QLabel()
        self.local_only.setWordWrap(True)
        self.local_only.setStyleSheet("QLabel { background: #fdecea; color: #8a0010; "
                                      "padding: 6px; border-radius: 4px; font-weight: 600; }")
        layout.addWidget(self.local_only)

        bar = QHBoxLayout()
        self.grant_button = QPushButton(self.tr("&Grant…"))
        self.refuse_button = QPushButton(self.tr("&Refuse…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw"))
        self.evidence_button = QPushButton(self.tr("View &evidence"))
        self.export_pdf_button = QPushButton(self.tr("Export for the &patient (PDF)…"))
        self.export_fhir_button = QPushButton(self.tr("Export &FHIR…"))
        self.restrict_button = QPushButton(self.tr("Re&strict…"))
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.restrict_button.setToolTip(self.tr("GDPR art. 18: hide the record from search and "
                                                "Today, keep it encrypted, record why"))
        self.erase_button.setToolTip(self.tr("GDPR art. 17: erase where the law allows it; "
                                             "otherwise the record is restricted"))
        for b in (self.grant_button, self.refuse_button, self.withdraw_button,
                  self.evidence_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.export_pdf_button)
        bar.addWidget(self.export_fhir_button)
        bar.addWidget(self.restrict_button)
        bar.addWidget(self.erase_button)
        layout.addLayout(bar)
        # a provider the patient objects to; a carer's own agreement (on their contact)
        people = QHBoxLayout()
        self.object_button = QPushButton(self.tr("&Object to a provider…"))
        self.object_button.setToolTip(self.tr(
            "The patient's GP and the providers of the agreed care plan receive documents "
            "unless the patient objects to them"))
        self.lift_button = QPushButton(self.tr("&Lift the objection"))
        self.carer_button = QPushButton(self.tr("&Carer's own agreement…"))
        self.carer_button.setToolTip(self.tr(
            "A carer's phone and address on the handout need the carer's own agreement"))
        for b in (self.object_button, self.lift_button, self.carer_button):
            people.addWidget(b)
        people.addStretch(1)
        layout.addLayout(people)

        # the current state in view; the three logs share the room below, one at a time, so
        # each shows a dozen rows in a dossier of 1366×700 (not two each, stacked)
        split = QSplitter(Qt.Orientation.Vertical)
        state_box = QGroupBox(self.tr("Current state"))
        QVBoxLayout(state_box).addWidget(state_tree := _tree(
            [self.tr("Purpose"), self.tr("Contact"), self.tr("Decision"), self.tr("Since"),
             self.tr("Review")], self.tr("Current consent state"), rows=6))
        self.state = state_tree
        self.history = _tree(
            [self.tr("Date"), self.tr("Purpose"), self.tr("Contact"), self.tr("Decision"),
             self.tr("Method"), self.tr("Notice"), self.tr("Evidence"), self.tr("Recorded by"),
             self.tr("Note")], self.tr("Consent history"))
        self.looked = _tree(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Device")],
            self.tr("Who looked at this file"))
        self.changes = _tree(
            [self.tr("When"), self.tr("Record"), self.tr("Field"), self.tr("Before"),
             self.tr("After"), self.tr("By")], self.tr("Changes to the record"))
        self.logs = QTabWidget()
        self.logs.setDocumentMode(True)
        self.logs.addTab(self.history, self.tr("History"))
        self.logs.addTab(self.looked, self.tr("Who looked at this file"))
        self.logs.addTab(self.changes, self.tr("Changes to the record (corrections)"))
        split.addWidget(state_box)
        split.addWidget(self.logs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)

        self.grant_button.clicked.connect(lambda: self.decide("granted"))
        self.refuse_button.clicked.connect(lambda: self.decide("refused"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.object_button.clicked.connect(lambda: self.decide("objected"))
        self.lift_button.clicked.connect(lambda: self.lift_objection())
        self.carer_button.clicked.connect(lambda: self.carer_agreement())
        self.evidence_button.clicked.connect(self.show_evidence)
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.export_fhir_button.clicked.connect(lambda: self.export("fhir"))
        self.restrict_button.clicked.connect(lambda: self.restrict())
        self.erase_button.clicked.connect(lambda: self.erase())
        self.state.itemSelectionChanged.connect(self._update_buttons)
        self.history.itemSelectionChanged.connect(self._update_buttons)
        self.history.itemActivated.connect(lambda *_: self.show_evidence())
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, lambda: self.export("pdf"))
        self.refresh()

    # ---- data --------------------------------------------------------------------------
    def show_log(self, tree: QTreeWidget) -> None:
        """Bring one of the three logs (history, who looked, changes) into view."""
        self.logs.setCurrentWidget(tree)

    def refresh(self) -> None:
        ctx, pid = self.dossier.ctx, self.dossier.patient_id
        try:
            self.overview = consents.overview(ctx, pid)
            self.events = consents.history(ctx, pid)
            looked = audit_log.who_looked(ctx, pid)
            changes = gdpr.rectification_history(ctx, pid)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return
        self.local_only.setVisible(self.overview.local_only)
        # "still backed up on the server" on a computer connected to none was not true
        self.local_only.setText(
            self.tr("Not shared with the team: without the patient's consent to team sharing, "
                    "only the responsible case managers see this record. It is still backed "
                    "up on the organisation's server.") if sync_status.is_enrolled(ctx) else
            self.tr("Not shared with the team: without the patient's consent to team sharing, "
                    "only the responsible case managers see this record. This computer is "
                    "connected to no server: the record is kept on this computer only."))
        self.state.clear()
        for s in self.overview.states:
            item = QTreeWidgetItem([
                labels.purpose(s.purpose), s.contact_name or "", labels.decision(s.decision),
                short_date(s.decided_on),
                short_date(s.review_date)])
            item.setData(0, Qt.ItemDataRole.UserRole, (s.purpose, s.contact_id, s.decision))
            if s.decision != "granted":
                item.setForeground(2, Qt.GlobalColor.darkRed)
            self.state.addTopLevelItem(item)
        for a in self.overview.carers:  # the carers' own agreements, recorded on their contacts
            decision = labels.decision(a.decision)
            if a.decision is None and a.legacy_grant:
                decision = self.tr("Granted before (patient's consents)")
            item = QTreeWidgetItem([
                labels.purpose(CARER_AGREEMENT), a.contact_name or "", decision,
                short_date(a.decided_on), ""])
            item.setData(0, Qt.ItemDataRole.UserRole,
                         (CARER_AGREEMENT, a.contact_id, a.decision))
            if not a.allowed:
                item.setForeground(2, Qt.GlobalColor.darkRed)
            self.state.addTopLevelItem(item)
        self.history.clear()
        for e in reversed(self.events):
            item = QTreeWidgetItem([
                short_date(e.decided_on), labels.purpose(e.purpose),
                e.contact_name or "", labels.decision(e.decision), labels.method(e.method),
                e.notice_version or "", self.tr("yes") if e.evidence_sha256 else "",
                e.recorded_by or "", e.note or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, e.evidence_sha256)
            self.history.addTopLevelItem(item)
        self.looked.clear()
        for r in looked:
            self.looked.addTopLevelItem(QTreeWidgetItem([
                short_datetime(r.at), r.actor or "", labels.action(r.action),
                field_history.device_label(ctx, r.device_id)]))
        self.changes.clear()
        formatter = field_history.HistoryFormatter(ctx, pid, current_language())
        for row in formatter.rows(changes):  # names and values, never ids or codes
            self.changes.addTopLevelItem(QTreeWidgetItem(row))
        self._update_buttons()

    def _selected_state(self) -> tuple[str, str | None, str | None] | None:
        items = self.state.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _update_buttons(self) -> None:
        sel = self._selected_state()
        self.withdraw_button.setEnabled(bool(sel and sel[2] == "granted"))
        self.lift_button.setEnabled(bool(sel and sel[0] == PURPOSE_PROVIDER_OBJECTION
                                         and sel[2] == "objected"))
        self.carer_button.setEnabled(bool(self.overview and self.overview.carers))
        items = self.history.selectedItems()
        self.evidence_button.setEnabled(bool(items and items[0].data(0, Qt.ItemDataRole.UserRole)))

    def _changed(self) -> None:
        self.dossier.refresh_header()
        self.refresh()

    # ---- actions -------------------------------------------------------------------------
    def decide(self, decision: str) -> DecisionDialog:
        sel = self._selected_state()
        dialog = DecisionDialog(self, self.dossier.ctx, self.dossier.patient_id, decision,
                                purpose=sel[0] if sel else None,
                                contact_id=sel[1] if sel else None)
        dialog.attach_drafts(self.dossier.ctx, self.dossier.patient_id)  # the note is drafted
        dialog.finished.connect(lambda _r: self._changed() if dialog.result_id else None)
        dialog.open()
        return dialog

    DRAFT_KINDS = ("consent",)

    def restore_draft(self, draft: DraftView) -> DecisionDialog:
        """Reopen the decision dialog `draft` belongs to (it picks the note up)."""
        self.dossier.tabs.setCurrentWidget(self)
        return self.decide(str(draft.context.get("decision") or "granted"))

    def withdraw(self, confirm: bool = True) -> None:
        sel = self._selected_state()
        if not sel or sel[2] != "granted":
            return
        purpose, contact, _ = sel
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Withdraw the consent"),
                self.tr("Withdraw the consent for “{purpose}”? It takes effect at once.").format(
                    purpose=labels.purpose(purpose)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            if purpose == CARER_AGREEMENT:  # the carer withdraws their own agreement
                consents.record_carer_agreement(self.dossier.ctx, contact or "", "withdrawn")
            else:
                consents.withdraw(self.dossier.ctx, self.dossier.patient_id, purpose,
                                  contact_id=contact)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return
        self.status.setText(self.tr("Consent withdrawn."))
        self._changed()

    def lift_objection(self, confirm: bool = True) -> None:
        sel = self._selected_state()
        if not sel or sel[0] != PURPOSE_PROVIDER_OBJECTION or sel[2] != "objected":
            return
        contact = sel[1]
        if confirm and QMessageBox.question(
                self, self.tr("Lift the objection"),
                self.tr("Lift the patient's objection? Documents may then go to this provider "
                        "again.")) != QMessageBox.StandardButton.Yes:
            return
        try:
            consents.lift_objection(self.dossier.ctx, self.dossier.patient_id, contact or "")
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return
        self.status.setText(self.tr("Objection lifted."))
        self._changed()

    def carer_agreement(self, contact_id: str | None = None) -> ContactConsentDialog | None:
        """The selected carer's own agreement (or the first carer's)."""
        if self.overview is None or not self.overview.carers:
            return None
        sel = self._selected_state()
        if contact_id is None:
            contact_id = sel[1] if sel and sel[0] == CARER_AGREEMENT else \
                self.overview.carers[0].contact_id
        dialog = ContactConsentDialog(self, self.dossier.ctx, self.dossier.patient_id,
                                      contact_id or "", carer=True)
        dialog.finished.connect(lambda _r: self._changed() if dialog.saved else None)
        dialog.open()
        return dialog

    def show_evidence(self) -> EvidenceDialog | None:
        items = self.history.selectedItems()
        sha = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        if not sha:
            return None
        try:
            mime, data = consents.evidence_file(self.dossier.ctx, self.dossier.patient_id, sha)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return None
        ctx, patient_id = self.dossier.ctx, self.dossier.patient_id
        dialog = EvidenceDialog(self, mime, data, write_copy=lambda path: consents.save_evidence_copy(
            ctx, patient_id, sha, path))
        dialog.open()
        return dialog

    def export(self, fmt: str, out: str | None = None) -> None:
        if out is None:
            if fmt == "pdf":
                out, _ = QFileDialog.getSaveFileName(self, self.tr("Export for the patient"),
                                                     "dossier.pdf", self.tr("PDF (*.pdf)"))
            else:
                out, _ = QFileDialog.getSaveFileName(self, self.tr("Export FHIR"),
                                                     "dossier.json", self.tr("FHIR JSON (*.json)"))
        if not out:
            return
        ctx, pid, lang = self.dossier.ctx, self.dossier.patient_id, current_language()

        def work() -> Path:
            if fmt == "pdf":
                return gdpr.export_pdf(ctx, pid, out, lang=lang)
            return gdpr.export_fhir(ctx, pid, out, lang=lang)

        def done(path: Path) -> None:
            self.status.setText(self.tr("Written: {path}").format(path=path))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.status.setText(error_message(exc) if isinstance(exc, DomainError)
                                else self.tr("The export failed ({error}).").format(
                                    error=type(exc).__name__))

        run_in_background(self, work, done, failed, progress_text=self.tr("Exporting…"))


    # ---- rights: restriction and erasure ------------------------------------------------------
    def _reason(self, title: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, self.tr("Reason (kept with the "
                                                                      "record):"))
        return text.strip() if ok and text.strip() else None

    def _leave(self) -> None:
        """The record is now hidden (restricted) or gone: close the dossier."""
        # not "patient": the dossier's own header can no longer load a hidden record
        self.dossier.close()
        self.dossier.bus.changed.emit("gdpr")

    def restrict(self, reason: str | None = None) -> bool:
        reason = reason or self._reason(self.tr("Restrict processing"))
        if not reason:
            return False
        try:
            gdpr.restrict(self.dossier.ctx, self.dossier.patient_id, reason)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return False
        QMessageBox.information(self, self.tr("Restricted"), self.tr(
            "The record is restricted: hidden from search and Today, kept encrypted. An "
            "administrator can still export it for the patient."))
        self._leave()
        return True

    def erase(self, reason: str | None = None, confirm: bool = True) -> None:
        if confirm and QMessageBox.question(
                self, self.tr("Erase the record"),
                self.tr("Erase this patient's record? Where the law requires keeping it, it "
                        "will be restricted instead.")) != QMessageBox.StandardButton.Yes:
            return
        reason = reason or self._reason(self.tr("Erase the record"))
        if not reason:
            return
        ctx, pid = self.dossier.ctx, self.dossier.patient_id

        def done(outcome: gdpr.ErasureOutcome) -> None:
            lang = current_language()
            if outcome.erased:
                text = t("gdpr.cli.erased", lang, rows=outcome.deleted_rows)
            elif outcome.retention_until:
                text = t("gdpr.erasure_under_retention", lang,
                         until=short_date(outcome.retention_until))
            else:
                text = t("gdpr.erasure_under_retention_open", lang)
            self.last_outcome = outcome
            if confirm:
                QMessageBox.information(self, self.tr("Erase the record"), text)
            self._leave()

        def failed(exc: BaseException) -> None:
            self.status.setText(error_message(exc) if isinstance(exc, DomainError)
                                else self.tr("The erasure failed ({error}).").format(
                                    error=type(exc).__name__))

        run_in_background(self, lambda: gdpr.erase(ctx, pid, reason), done, failed,
                          progress_text=self.tr("Erasing…"))


def create_tab(dossier: DossierWindow) -> QWidget:
    return ConsentsTab(dossier)
