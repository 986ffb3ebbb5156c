"""The Plan tab's questions in the patient's own words (what matters, what they expect, what
they want to avoid, their life project) and the next review: folded away once the plan has
goals, autosaved into the vault while typed (offered back after a crash or a lock), saved as
the plan's text (which starts the plan)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.services import care_plans, drafts
from desktop.ui.draft_guard import follow_stored
from desktop.ui.fit import scrolled
from desktop.ui.i18n import error_message
from desktop.ui.plan.base import PlanBase
from desktop.ui.plan.dialogs import date_of, optional_date


class PlanWords(PlanBase):
    words_loaded: dict[str, str]  # the answers as stored, when last shown
    words_folded: bool | None  # the questions folded away (None: not yet)

    def _make_words_toggle(self) -> QToolButton:
        """The button that folds the questions away (the goals and actions are the main area
        of the plan)."""
        self.words_toggle = QToolButton()
        self.words_toggle.setText(self.tr("In the patient's &words"))
        self.words_toggle.setCheckable(True)
        self.words_toggle.setChecked(True)
        self.words_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.words_toggle.setArrowType(Qt.ArrowType.DownArrow)
        return self.words_toggle

    def _make_words_area(self) -> QWidget:
        """The four questions two by two, and beside them the next review, the save button and
        what saving said: all in view at 1366×768 (below the questions, the button sat under
        the fold of this short area, and a case manager who typed the answers saw no way to
        save them)."""
        words = QGroupBox(self.tr("In the patient's words"))
        grid = QGridLayout(words)  # a caption above each answer: compact
        self.what_matters = QPlainTextEdit()
        self.expectations = QPlainTextEdit()
        self.to_avoid = QPlainTextEdit()
        self.life_project = QPlainTextEdit()
        for n, (edit, label) in enumerate((
                (self.what_matters, self.tr("What matters to you?")),
                (self.expectations, self.tr("What do you expect from us?")),
                (self.to_avoid, self.tr("What do you want to avoid?")),
                (self.life_project, self.tr("Your life project")))):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(48)
            edit.setAccessibleName(label)
            caption = QLabel(label)
            caption.setBuddy(edit)
            grid.addWidget(caption, n // 2 * 2, n % 2)
            grid.addWidget(edit, n // 2 * 2 + 1, n % 2)
        side = QVBoxLayout()
        self.review = optional_date(self, None, self.ctx.today(), "review_date")
        self.review.setAccessibleName(self.tr("Next review"))
        review_label = QLabel(self.tr("Next review"))
        review_label.setBuddy(self.review)
        side.addWidget(review_label)
        side.addWidget(self.review)
        self.save_words_button = QPushButton(self.tr("&Save these answers"))
        side.addWidget(self.save_words_button)
        self.words_error = QLabel()
        self.words_error.setStyleSheet("color: #b00020;")
        self.words_error.setWordWrap(True)
        self.words_error.hide()
        side.addWidget(self.words_error)
        self.restored = QLabel(self.tr("Answers restored from the automatic save: check them "
                                       "and save."))
        self.restored.setWordWrap(True)
        self.restored.hide()
        side.addWidget(self.restored)
        side.addStretch(1)
        grid.addLayout(side, 0, 2, 4, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        self.words_area = scrolled(words, max_height=190)  # more scrolls: the goals come first
        self.words_toggle.toggled.connect(self._show_words)
        self.save_words_button.clicked.connect(self.save_words)
        return self.words_area

    def _refresh_words(self) -> None:
        plan = self.plan
        draft = plan is None or plan.is_draft
        stored = {"what_matters": plan.what_matters if plan else "",
                  "expectations": plan.expectations if plan else "",
                  "to_avoid": plan.to_avoid if plan else "",
                  "life_project": plan.life_project if plan else ""}
        # an answer typed (or restored after a crash) and not saved stays on screen: a goal
        # added, or a sync, reloaded the stored answers over it
        self.words_loaded = follow_stored(self._word_edits(),
                                          {n: v or "" for n, v in stored.items()},
                                          self.words_loaded)
        for edit in self._word_edits().values():
            edit.setReadOnly(not draft)
        self.review.setDate(plan.review_date if plan is not None and plan.review_date
                            else None)
        self.review.setEnabled(draft)
        self.save_words_button.setEnabled(draft)
        if self.words_folded is None:  # first view: a plan with goals shows them first
            self.words_folded = bool(plan is not None and plan.goals)
            self.words_toggle.setChecked(not self.words_folded)

    def _show_words(self, shown: bool) -> None:
        self.words_folded = not shown
        self.words_area.setVisible(shown)
        self.words_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)

    def _words(self) -> dict[str, str]:
        return {"what_matters": self.what_matters.toPlainText(),
                "expectations": self.expectations.toPlainText(),
                "to_avoid": self.to_avoid.toPlainText(),
                "life_project": self.life_project.toPlainText()}

    def _start_autosave(self) -> None:
        """The answers autosave into the vault while typed (restored after a crash)."""
        key = f"plan_words:{self.patient_id}"
        draft = drafts.get_draft(self.ctx, key)
        if draft is not None and (self.plan is None or self.plan.is_draft):
            try:
                saved = json.loads(draft.text)
            except ValueError:
                saved = {}
            if isinstance(saved, dict) and saved != self._words():
                for name, edit in self._word_edits().items():
                    edit.setPlainText(str(saved.get(name, edit.toPlainText())))
                self.restored.show()
        self.autosaver = drafts.Autosaver(self.ctx, key, "plan_words",
                                          patient_id=self.patient_id)
        for edit in self._word_edits().values():
            edit.textChanged.connect(
                lambda: self.autosaver.typed(json.dumps(self._words(), ensure_ascii=False)))
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(int(drafts.AUTOSAVE_SECONDS * 1000))
        self.autosave_timer.timeout.connect(self.flush_draft)
        self.autosave_timer.start()

    def _word_edits(self) -> dict[str, QPlainTextEdit]:
        return {"what_matters": self.what_matters, "expectations": self.expectations,
                "to_avoid": self.to_avoid, "life_project": self.life_project}

    def flush_draft(self) -> None:
        if not self.ctx.is_locked:
            self.autosaver.flush()

    def save_words(self) -> None:
        texts = self._words()
        try:
            if self.plan is None:
                care_plans.start_plan(self.ctx, self.patient_id, review_date=date_of(self.review),
                                      **texts)
            else:
                care_plans.update_plan(self.ctx, self.plan.id, review_date=date_of(self.review),
                                       **texts)
        except DomainError as exc:
            self.words_toggle.setChecked(True)  # folded away, the message would go unseen
            self.words_error.setText(error_message(exc))
            self.words_error.show()
            if not self.review.is_valid():  # an unreadable review date: back to it
                self.review.setFocus()
            return
        self.words_error.hide()
        self.restored.hide()
        self.words_loaded = texts  # saved: what is on screen is what is stored
        self.autosaver.discard()
        self._changed()

    def _ensure_plan(self) -> str | None:
        """Goals may be added before the questions are saved: start the plan then."""
        if self.plan is None:
            self.save_words()
        return self.plan.id if self.plan is not None else None
