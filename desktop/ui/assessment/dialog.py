"""One assessment response: the generated form, autosaved as a draft while it is filled,
completed with Ctrl+Return (then read-only), corrected by a new response that supersedes it.
For the triage, the suggested tier and the case manager's decision."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.instruments import (
    Definition,
    ScoringOptions,
    resolve_options,
    score,
    text_in,
    validate_answers,
)
from desktop.i18n.dates import short_date
from desktop.services import assessments
from desktop.services.assessments import AssessmentView
from desktop.ui.assessment.form import ERROR_STYLE, InstrumentForm
from desktop.ui.assessment.results import category_label, summary_lines
from desktop.ui.fields import DateField
from desktop.ui.fit import fit_to_screen
from desktop.ui.i18n import current_language, error_message

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow

AUTOSAVE_MS = 1500


class ResponseDialog(QWidget):
    """A top-level window (not modal) so the case manager can keep the dossier in view."""

    def __init__(self, dossier: DossierWindow, defn: Definition, view: AssessmentView | None = None,
                 prefill: dict[str, Any] | None = None, autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(dossier)
        from PySide6.QtCore import Qt

        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dossier = dossier
        self.ctx = dossier.ctx
        self.defn = defn
        self.view = view
        self.dirty = False
        lang = current_language()
        self.setWindowTitle(text_in(defn.title, lang))
        fit_to_screen(self, 820, 760)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        top = QFormLayout()
        today = self.ctx.today()
        day = view.assessed_on if view and view.assessed_on else today
        self.date = DateField(day, today=self.ctx.today, field="assessed_on")
        self.date.setAccessibleName(self.tr("Assessment date"))
        top.addRow(self.tr("&Date:"), self.date)
        self.option_boxes: dict[tuple[str, str], QComboBox] = {}
        stored = ScoringOptions.from_dict(view.options if view else None)
        for sc in defn.scores:
            if len(sc.band_sets) > 1:
                box = QComboBox()
                for bs in sc.band_sets:
                    box.addItem(text_in(bs.label, lang), bs.id)
                box.setCurrentIndex(max(0, box.findData(stored.band_sets.get(
                    sc.id, sc.default_band_set))))
                box.setAccessibleName(self.tr("Band set"))
                top.addRow(self.tr("Band set ({score}):").format(score=text_in(sc.label, lang)),
                           box)
                self.option_boxes[("band_sets", sc.id)] = box
        for d in defn.derived:
            if d.variants:
                box = QComboBox()
                for v in d.variants:
                    box.addItem(text_in(v.label, lang), v.id)
                box.setCurrentIndex(max(0, box.findData(stored.variants.get(
                    d.id, d.default_variant))))
                box.setAccessibleName(self.tr("Rule variant"))
                top.addRow(self.tr("Rule ({name}):").format(name=text_in(d.label, lang)), box)
                self.option_boxes[("variants", d.id)] = box
        layout.addLayout(top)

        self.form = InstrumentForm(defn, self)
        layout.addWidget(self.form, 1)
        self.results = QLabel()
        self.results.setWordWrap(True)
        self.results.setAccessibleName(self.tr("Results"))
        layout.addWidget(self.results)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        self.decision_box = self._make_decision_box() if defn.id == assessments.TRIAGE_ID else None
        if self.decision_box is not None:
            layout.addWidget(self.decision_box)

        bar = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("&Complete (Ctrl+Enter)"))
        self.correct_button = QPushButton(self.tr("C&orrect…"))
        self.close_button = QPushButton(self.tr("Close"))
        bar.addStretch(1)
        bar.addWidget(self.correct_button)
        bar.addWidget(self.complete_button)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.complete_button.clicked.connect(self.complete)
        self.correct_button.clicked.connect(self.correct)
        self.close_button.clicked.connect(self.close)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.complete)
        QShortcut(QKeySequence("Escape"), self, self.close)

        if view is not None:
            self.form.set_answers(view.answers)
        elif prefill:
            self.form.set_answers(prefill)
            self.dirty = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(autosave_ms)
        self.timer.timeout.connect(self.save_draft)
        self.form.edited.connect(self._edited)
        self.form.chosen.connect(self._chosen)
        self.date.dateChanged.connect(self._edited)
        for box in self.option_boxes.values():
            box.currentIndexChanged.connect(self._edited)
            box.currentIndexChanged.connect(self._chosen)
        dossier.bus.locked.connect(self.close)
        self._apply_state()
        self.form.first_input().setFocus()

    # ---- state -----------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.view is None or self.view.status == "draft"

    def _apply_state(self) -> None:
        editable = self.editable
        self.form.set_read_only(not editable)
        self.date.setEnabled(editable)
        for box in self.option_boxes.values():
            box.setEnabled(editable)
        self.complete_button.setVisible(editable)
        superseded = self.view is not None and self.view.superseded_by is not None
        self.correct_button.setVisible(not editable and not superseded)
        v = self.view
        if v is None:
            text = self.tr("New assessment (saved automatically as a draft)")
        elif v.status == "draft":
            text = self.tr("Draft, saved automatically")
            if v.supersedes_id:
                text += " — " + self.tr("correction of an earlier assessment")
        elif superseded:
            text = self.tr("Completed — replaced by a correction (read-only)")
        else:
            text = self.tr("Completed on {date} — read-only").format(
                date=short_date(v.assessed_on) if v.assessed_on else "?")
        self.status.setText(text)
        self._show_results()
        self._update_decision()

    def options(self) -> ScoringOptions:
        band_sets = {k: str(b.currentData()) for (kind, k), b in self.option_boxes.items()
                     if kind == "band_sets"}
        variants = {k: str(b.currentData()) for (kind, k), b in self.option_boxes.items()
                    if kind == "variants"}
        return ScoringOptions(band_sets, variants)

    def assessed_on(self) -> dt.date:
        """The date typed; unreadable or blank raises (shown, nothing dropped)."""
        day = self.date.value()
        if day is None:
            raise ValidationError("date.unreadable", "assessed_on")
        return day

    def _show_results(self) -> None:
        if self.view is not None and not self.editable:
            scores = self.view.scores
        else:
            try:
                kept = validate_answers(self.defn, self.form.answers(), complete=False)
                opts = resolve_options(self.defn, band_sets=self.options().band_sets,
                                       variants=self.options().variants)
                scores = score(self.defn, kept, opts).to_dict()
            except DomainError:
                scores = {}
        self.results.setText("\n".join(summary_lines(self.defn, scores)))

    # ---- autosave --------------------------------------------------------------------------
    def _edited(self, *_args: Any) -> None:
        if not self.editable:
            return
        self.dirty = True
        self._show_results()
        self.timer.start()

    def _chosen(self, *_args: Any) -> None:
        """An answer picked from a list is saved at once (a few milliseconds): a crash or a
        pulled plug right after the click keeps it. Typing waits for a pause (the timer)."""
        if self.editable and self.dirty:
            self.timer.stop()
            self.save_draft()

    def save_draft(self) -> bool:
        if not self.editable or not self.dirty or self.ctx.is_locked:
            return True
        try:
            self.view = assessments.save_draft(
                self.ctx, self.dossier.patient_id, self.defn.id, self.form.answers(),
                response_id=self.view.id if self.view else None, options=self.options(),
                assessed_on=self.assessed_on())
        except DomainError as exc:
            if not self.form.show_errors(exc):
                self.error.setText(error_message(exc))
                self.error.show()
            return False
        self.dirty = False
        self.error.hide()
        self._apply_state()
        return True

    # ---- actions ---------------------------------------------------------------------------
    def complete(self) -> bool:
        if not self.editable:
            return False
        self.timer.stop()
        if self.view is None or self.dirty:
            self.dirty = True
            if not self.save_draft():
                return False
        assert self.view is not None
        try:
            self.view = assessments.complete(self.ctx, self.view.id, answers=self.form.answers(),
                                             options=self.options(),
                                             assessed_on=self.assessed_on())
        except DomainError as exc:
            if not self.form.show_errors(exc):
                self.error.setText(error_message(exc))
                self.error.show()
            return False
        self.form.clear_errors()
        self.error.hide()
        self.dirty = False
        self._apply_state()
        self.results.setFocus()
        return True

    def correct(self) -> bool:
        if self.view is None or self.editable:
            return False
        try:
            self.view = assessments.start_correction(self.ctx, self.view.id)
        except DomainError as exc:
            self.error.setText(error_message(exc))
            self.error.show()
            return False
        self._apply_state()
        self.form.first_input().setFocus()
        return True

    # ---- triage decision -------------------------------------------------------------------
    def _make_decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tier decision"))
        form = QFormLayout(box)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)  # the level and its reasons (grid, crisis, risks)
        form.addRow(self.tr("Suggested:"), self.suggestion)
        self.tier = QComboBox()
        self.tier.setAccessibleName(self.tr("Decided tier"))
        lang = current_language()
        for c in self.defn.derived_rule("tier").categories:
            self.tier.addItem(text_in(c.label, lang), c.code)
        form.addRow(self.tr("&Tier:"), self.tier)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Needed when you choose another tier"))
        form.addRow(self.tr("&Reason:"), self.reason)
        self.decide_button = QPushButton(self.tr("Con&firm the tier"))
        self.decide_button.clicked.connect(self.decide)
        form.addRow("", self.decide_button)
        self.decision_text = QLabel()
        self.decision_text.setWordWrap(True)
        form.addRow(self.decision_text)
        return box

    def _update_decision(self) -> None:
        if self.decision_box is None:
            return
        v = self.view
        done = v is not None and v.status == "completed"
        self.decision_box.setVisible(done)
        if not done or v is None:
            return
        # by complexity (grid, crisis triggers), not by the screening flags (issue 18)
        from desktop.services import triage
        from desktop.ui.dossier.intake_dialogs import suggestion_lines

        now = triage.suggestion(self.ctx, v.patient_id)
        suggested: str | None = now.level
        self.suggestion.setText("\n".join(suggestion_lines(now)))
        decided = bool(v.decision)
        for w in (self.tier, self.reason, self.decide_button):
            w.setEnabled(not decided and v.superseded_by is None)
        if decided:
            d = v.decision
            text = self.tr("Decided: {tier} (suggested: {suggested})").format(
                tier=category_label(self.defn, "tier", d.get("tier")),
                suggested=category_label(self.defn, "tier", d.get("suggested")))
            if d.get("reason"):
                text += " — " + str(d["reason"])
            self.decision_text.setText(text)
            self.tier.setCurrentIndex(max(0, self.tier.findData(d.get("tier"))))
        else:
            self.decision_text.clear()
            self.tier.setCurrentIndex(max(0, self.tier.findData(suggested)))

    def decide(self) -> bool:
        if self.view is None:
            return False
        try:
            self.view = assessments.decide_tier(self.ctx, self.view.id,
                                                str(self.tier.currentData()), self.reason.text())
        except DomainError as exc:
            self.error.setText(error_message(exc))
            self.error.show()
            return False
        self.error.hide()
        self._apply_state()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        if self.editable and self.dirty and not self.ctx.is_locked:
            self.save_draft()
        super().closeEvent(event)
