"""The dossier's "Plan" tab: the patient's own words first (what matters, what they expect, what
they want to avoid, their life project), unmet needs offered as goals, goals and actions with
who does what and when, agreement and versions, concertation meetings, the letter to the GP, and
printing the handout or the summary (rendered on a worker, then opened in the system viewer)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.services import (
    care_plans,
    concertations,
    documents,
    drafts,
    gp_feedback,
    patients,
    preferences,
)
from desktop.services.care_plans import PlanView
from desktop.ui import printing
from desktop.ui.draft_guard import GuardedDialog
from desktop.ui.fit import scrolled
from desktop.ui.i18n import current_language, error_message
from desktop.ui.plan.dialogs import (
    ActionDialog,
    AgreeDialog,
    ConcertationDialog,
    DecisionDialog,
    GoalDialog,
    GoalReviewDialog,
    GpLetterDialog,
    attainment_label,
    date_of,
    optional_date,
)
from desktop.ui.plan.labels import agreed_with_label, domain_label, need_status_label
from desktop.ui.workers import run_in_background

GOAL_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def _d(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


class PlanTab(QWidget):
    def __init__(self, dossier) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.dossier = dossier
        self.ctx, self.patient_id = dossier.ctx, dossier.patient_id
        self.setWindowTitle(self.tr("Plan"))
        self.plan: PlanView | None = None
        self.open_after_print = True  # tests turn the system viewer off
        self.last_printed: Path | None = None
        self.unsaved_restore = False  # answers restored from an autosave, not yet saved
        self.select_next: str | None = None  # the goal or action to show after a change
        self.words_folded: bool | None = None  # the questions folded away (None: not yet)
        layout = QVBoxLayout(self)
        self.sections = QTabWidget()
        layout.addWidget(self.sections)
        self.sections.addTab(self._plan_page(), self.tr("Plan"))
        self.sections.addTab(self._meetings_page(), self.tr("Concertations"))
        self.sections.addTab(self._letters_page(), self.tr("Letters to the GP"))
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(lambda: self.print_handout())
        self.refresh()
        self._start_autosave()
        # documents default to the patient's language
        spoken = patients.get_patient(self.ctx, self.patient_id).languages
        lang = next((x for x in spoken if x in ("fr", "nl", "en")), None)
        if lang:
            self.lang.setCurrentIndex(self.lang.findData(lang))

    # ---- building ------------------------------------------------------------------------
    def _plan_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Plan status"))
        self.agree_button = QPushButton(self.tr("&Agree…"))
        self.version_button = QPushButton(self.tr("&New version"))
        self.compare_button = QPushButton(self.tr("&Compare with the previous version…"))
        # the questions fold away (the goals and actions are the main area of the plan)
        self.words_toggle = QToolButton()
        self.words_toggle.setText(self.tr("In the patient's &words"))
        self.words_toggle.setCheckable(True)
        self.words_toggle.setChecked(True)
        self.words_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.words_toggle.setArrowType(Qt.ArrowType.DownArrow)
        bar.addWidget(self.words_toggle)
        bar.addWidget(self.status, 1)
        for b in (self.agree_button, self.version_button, self.compare_button):
            bar.addWidget(b)
        layout.addLayout(bar)

        words = QGroupBox(self.tr("In the patient's words"))
        form = QFormLayout(words)
        questions = QGridLayout()  # two by two, a caption above each answer: compact
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
            questions.addWidget(caption, n // 2 * 2, n % 2)
            questions.addWidget(edit, n // 2 * 2 + 1, n % 2)
        form.addRow(questions)
        self.review = optional_date(self, None, self.ctx.today(), "review_date")
        self.review.setAccessibleName(self.tr("Next review"))
        form.addRow(self.tr("Next review"), self.review)
        self.words_error = QLabel()
        self.words_error.setStyleSheet("color: #b00020;")
        self.words_error.hide()
        form.addRow("", self.words_error)
        self.save_words_button = QPushButton(self.tr("&Save these answers"))
        self.restored = QLabel(self.tr("Answers restored from the automatic save: check them "
                                       "and save."))
        self.restored.setWordWrap(True)
        self.restored.hide()
        form.addRow("", self.restored)
        form.addRow("", self.save_words_button)
        self.words_area = scrolled(words, max_height=180)  # more scrolls: the goals come first
        self.words_toggle.toggled.connect(self._show_words)

        split = QSplitter()
        needs_box = QGroupBox(self.tr("Starting points: needs not met"))
        nl = QVBoxLayout(needs_box)
        self.needs = QListWidget()
        self.needs.setAccessibleName(self.tr("Needs not met"))
        self.needs.setWordWrap(True)
        self.needs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goal_from_need_button = QPushButton(self.tr("Make it a &goal"))
        nl.addWidget(self.needs, 1)
        nl.addWidget(self.goal_from_need_button)
        split.addWidget(needs_box)
        goals_box = QGroupBox(self.tr("Goals and actions"))
        gl = QVBoxLayout(goals_box)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Goal / action"), self.tr("Who"), self.tr("When"),
                                   self.tr("Period"), self.tr("Review")])
        self.tree.setAccessibleName(self.tr("Goals and actions"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        gl.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.add_goal_button = QPushButton(self.tr("Add a goal…"))
        self.add_action_button = QPushButton(self.tr("Add an action…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        # an agreed plan: how far each goal was reached (goal attainment, −2..+2)
        self.review_goal_button = QPushButton(self.tr("Re&view of the goal…"))
        for b in (self.add_goal_button, self.add_action_button, self.edit_button,
                  self.remove_button, self.review_goal_button):
            row.addWidget(b)
        gl.addLayout(row)
        split.addWidget(goals_box)
        split.setStretchFactor(1, 3)
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(self.words_area)
        self.body.addWidget(split)
        self.body.setStretchFactor(0, 0)
        self.body.setStretchFactor(1, 1)
        self.body.setCollapsible(1, False)
        layout.addWidget(self.body, 1)

        prints = QHBoxLayout()
        self.lang = QComboBox()
        for code, name in (("fr", "Français"), ("nl", "Nederlands"), ("en", "English")):
            self.lang.addItem(name, code)
        self.lang.setAccessibleName(self.tr("Language of the documents"))
        self.large = QCheckBox(self.tr("Large print"))
        self.with_medication = QCheckBox(self.tr("Medication on the handout"))
        self.handout_button = QPushButton(self.tr("Print the &handout…"))
        self.summary_button = QPushButton(self.tr("Print the &summary…"))
        self.print_status = QLabel()
        prints.addWidget(QLabel(self.tr("Documents in")))
        prints.addWidget(self.lang)
        prints.addWidget(self.large)
        prints.addWidget(self.with_medication)
        prints.addWidget(self.handout_button)
        prints.addWidget(self.summary_button)
        prints.addWidget(self.print_status, 1)
        layout.addLayout(prints)

        self.save_words_button.clicked.connect(self.save_words)
        self.agree_button.clicked.connect(lambda: self.agree())
        self.version_button.clicked.connect(self.new_version)
        self.compare_button.clicked.connect(self.compare)
        self.goal_from_need_button.clicked.connect(lambda: self.goal_from_need())
        self.add_goal_button.clicked.connect(lambda: self.add_goal())
        self.add_action_button.clicked.connect(lambda: self.add_action())
        self.remove_button.clicked.connect(self.remove_selected)
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.review_goal_button.clicked.connect(lambda: self.review_goal())
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        self.handout_button.clicked.connect(lambda: self.print_handout())
        self.summary_button.clicked.connect(lambda: self.print_summary())
        return page

    def _meetings_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.meetings = QTreeWidget()
        self.meetings.setHeaderLabels([self.tr("Date / decision"), self.tr("Participants"),
                                       self.tr("Reference person"), self.tr("Remarks")])
        self.meetings.setAccessibleName(self.tr("Concertation meetings"))
        layout.addWidget(self.meetings, 1)
        row = QHBoxLayout()
        self.meeting_button = QPushButton(self.tr("New &meeting…"))
        self.decision_button = QPushButton(self.tr("Make the decision an &action…"))
        row.addWidget(self.meeting_button)
        row.addWidget(self.decision_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.meeting_button.clicked.connect(lambda: self.add_meeting())
        self.decision_button.clicked.connect(lambda: self.decision_to_action())
        return page

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

    # ---- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        lang = current_language()
        self.plan = care_plans.current_plan(self.ctx, self.patient_id)
        self.people = care_plans.ecosystem_choices(self.ctx, self.patient_id)
        plan = self.plan
        draft = plan is None or plan.is_draft
        if plan is None:
            self.status.setText(self.tr("No plan yet: start with the questions below."))
        elif plan.is_draft:
            self.status.setText(self.tr("Version {v} — draft").format(v=plan.version))
        else:
            self.status.setText(self.tr("Version {v} — agreed on {d} with {who}").format(
                v=plan.version, d=_d(plan.agreed_on),
                who=agreed_with_label(plan.agreed_parties, plan.agreed_with, lang)))
        for edit, value in ((self.what_matters, plan.what_matters if plan else ""),
                            (self.expectations, plan.expectations if plan else ""),
                            (self.to_avoid, plan.to_avoid if plan else ""),
                            (self.life_project, plan.life_project if plan else "")):
            # no plan yet, or answers restored after a crash: keep what is on screen
            if plan is not None and not self.unsaved_restore and edit.toPlainText() != value:
                edit.blockSignals(True)  # not a keystroke: nothing to autosave
                edit.setPlainText(value)
                edit.blockSignals(False)
            edit.setReadOnly(not draft)
        self.review.setDate(plan.review_date if plan is not None and plan.review_date
                            else None)
        self.review.setEnabled(draft)
        self.save_words_button.setEnabled(draft)
        self.agree_button.setEnabled(plan is not None and plan.is_draft)
        self.version_button.setEnabled(plan is not None and not plan.is_draft)
        self.compare_button.setEnabled(plan is not None and plan.supersedes_id is not None)
        for b in (self.add_goal_button, self.add_action_button, self.remove_button,
                  self.edit_button, self.goal_from_need_button):
            b.setEnabled(plan is not None and plan.is_draft)
        self.review_goal_button.setEnabled(plan is not None and not plan.is_draft
                                           and bool(plan.goals))

        if self.words_folded is None:  # first view: a plan with goals shows them first
            self.words_folded = bool(plan is not None and plan.goals)
            self.words_toggle.setChecked(not self.words_folded)
        kept = self._tree_state()
        need_row = self.needs.currentRow()
        self.needs.clear()
        for n in care_plans.need_suggestions(self.ctx, self.patient_id):
            text = f"{domain_label(n.domain, lang)} ({need_status_label(n.status, lang)})"
            if n.description:
                text += f": {n.description}"
            if n.answered:
                text = "✓ " + text
            item = QListWidgetItem(text)
            item.setData(GOAL_ROLE, (n.domain, n.description))
            self.needs.addItem(item)

        self.tree.clear()
        if plan is not None:
            for g in plan.goals:
                target = f"→ {_d(g.target_date)}" if g.target_date else ""
                reviewed = (f"{attainment_label(g.attainment)} ({_d(g.attainment_on)})"
                            if g.attainment is not None else "")
                gi = QTreeWidgetItem([g.text, "", "", target, reviewed])
                gi.setData(0, GOAL_ROLE, g.id)
                gi.setData(0, KIND_ROLE, "goal")
                for a in plan.actions_of(g.id):
                    who = {"patient": self.tr("The patient"),
                           "case_manager": self.tr("The case manager")}.get(
                        a.responsible_kind, a.responsible_name)
                    period = " – ".join(x for x in (_d(a.start_date), _d(a.end_date)) if x)
                    what = a.what + (" — " + self.tr("on hold (in hospital)") if a.on_hold
                                     else "")
                    ai = QTreeWidgetItem([what, who, a.schedule.text, period])
                    ai.setData(0, GOAL_ROLE, a.id)
                    ai.setData(0, KIND_ROLE, "action")
                    gi.addChild(ai)
                self.tree.addTopLevelItem(gi)
            self.tree.expandAll()
        self._restore_tree(kept)
        if 0 <= need_row < self.needs.count():
            self.needs.setCurrentRow(need_row)
        self._refresh_meetings()
        self._refresh_letters()

    def _refresh_meetings(self) -> None:
        self.meetings.clear()
        warn = {"concertation.needs_three_providers": self.tr("fewer than 3 providers"),
                "concertation.needs_gp": self.tr("without the GP"),
                "concertation.needs_home_nurse": self.tr("without the home nurse"),
                "concertation.needs_patient": self.tr("without the patient")}
        for m in concertations.list_concertations(self.ctx, self.patient_id):
            remarks = [warn.get(w, w) for w in m.warnings]
            if not m.patient_agreed_participants:
                remarks.append(self.tr("patient's agreement missing"))
            item = QTreeWidgetItem([_d(m.held_on), ", ".join(p.name for p in m.participants),
                                    m.reference_name or "", "; ".join(remarks)])
            item.setData(0, GOAL_ROLE, m.id)
            for d in m.decisions:
                child = QTreeWidgetItem([d.text, "", "", self.tr("in the plan")
                                         if d.action_id else ""])
                child.setData(0, GOAL_ROLE, m.id)
                child.setData(0, KIND_ROLE, d.index)
                item.addChild(child)
            self.meetings.addTopLevelItem(item)
        self.meetings.expandAll()

    def _refresh_letters(self) -> None:
        self.letters.clear()
        for letter in gp_feedback.letters_for(self.ctx, self.patient_id):
            status = (self.tr("sent on {d}").format(d=_d(letter.sent_on))
                      if letter.status == "sent" else self.tr("to send"))
            item = QTreeWidgetItem([_d(letter.created_on), letter.gp_name or "",
                                    _d(letter.due_on), status])
            item.setData(0, GOAL_ROLE, letter.id)
            self.letters.addTopLevelItem(item)

    def _changed(self, select: str | None = None) -> None:
        self.select_next = select
        self.refresh()

    def _show_words(self, shown: bool) -> None:
        self.words_folded = not shown
        self.words_area.setVisible(shown)
        self.words_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)

    def _tree_state(self) -> tuple[str | None, int]:
        item = self.tree.currentItem()
        return (str(item.data(0, GOAL_ROLE)) if item is not None else None,
                self.tree.verticalScrollBar().value())

    def _restore_tree(self, state: tuple[str | None, int]) -> None:
        """After a change the list stays where it was, on the same row; a goal or action just
        added or edited (`select_next`) is selected and scrolled into view."""
        current, scroll = state
        wanted, self.select_next = self.select_next, None
        self.tree.doItemsLayout()  # the scroll range of the new rows, before scrolling
        self.tree.verticalScrollBar().setValue(scroll)
        found = None
        for item in self._tree_items():
            if item.data(0, GOAL_ROLE) == (wanted or current):
                found = item
            elif found is None and wanted and item.data(0, GOAL_ROLE) == current:
                found = item  # the new row is not in the tree (another list's): stay put
        if found is not None:
            self.tree.setCurrentItem(found)
            self.tree.scrollToItem(found)

    def _tree_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            goal = self.tree.topLevelItem(i)
            if goal is None:
                continue
            out.append(goal)
            out.extend(c for j in range(goal.childCount()) if (c := goal.child(j)) is not None)
        return out

    def _error(self, exc: BaseException) -> None:
        text = error_message(exc) if isinstance(exc, DomainError) else type(exc).__name__
        QMessageBox.warning(self, self.tr("Plan"), text)

    # ---- the patient's words -------------------------------------------------------------
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
                self.unsaved_restore = True
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
            self.words_error.setText(error_message(exc))
            self.words_error.show()
            if not self.review.is_valid():  # an unreadable review date: back to it
                self.review.setFocus()
            return
        self.words_error.hide()
        self.restored.hide()
        self.unsaved_restore = False
        self.autosaver.discard()
        self._changed()

    def _ensure_plan(self) -> str | None:
        """Goals may be added before the questions are saved: start the plan then."""
        if self.plan is None:
            self.save_words()
        return self.plan.id if self.plan is not None else None

    # ---- goals and actions ---------------------------------------------------------------
    def _run(self, dialog: QDialog) -> QDialog:
        if isinstance(dialog, GuardedDialog):  # its free text is drafted into the vault
            dialog.attach_drafts(self.ctx, self.patient_id)
        dialog.finished.connect(lambda _r: self._changed(dialog.result_id)  # type: ignore[attr-defined]
                                if getattr(dialog, "result_id", None) else None)
        dialog.open()
        return dialog

    def add_goal(self, text: str = "", domain: str | None = None) -> GoalDialog | None:
        plan_id = self._ensure_plan()
        if plan_id is None:
            return None
        dialog = GoalDialog(self, self.ctx, plan_id, text=text, domain=domain,
                            needs=[domain] if domain else [])
        self._run(dialog)
        return dialog

    def goal_from_need(self, row: int | None = None) -> GoalDialog | None:
        item = self.needs.item(row) if row is not None else self.needs.currentItem()
        if item is None:
            return None
        domain, description = item.data(GOAL_ROLE)
        return self.add_goal(description or domain_label(domain, current_language()), domain)

    def _selected_goal(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        if item.data(0, KIND_ROLE) == "action" and item.parent() is not None:
            return str(item.parent().data(0, GOAL_ROLE))  # type: ignore[union-attr]
        return str(item.data(0, GOAL_ROLE))

    def add_action(self, goal_id: str | None = None) -> ActionDialog | None:
        goal_id = goal_id or self._selected_goal()
        if goal_id is None:
            QMessageBox.information(self, self.tr("Plan"), self.tr("Select a goal first."))
            return None
        dialog = ActionDialog(self, self.ctx, goal_id, self.people, current_language())
        self._run(dialog)
        return dialog

    def edit_selected(self) -> QDialog | None:
        item = self.tree.currentItem()
        if item is None or self.plan is None or not self.plan.is_draft:
            return None
        record_id = str(item.data(0, GOAL_ROLE))
        dialog: QDialog
        if item.data(0, KIND_ROLE) == "goal":
            goal = next(g for g in self.plan.goals if g.id == record_id)
            dialog = GoalDialog(self, self.ctx, self.plan.id, goal=goal)
        else:
            action = next(a for a in self.plan.actions if a.id == record_id)
            dialog = ActionDialog(self, self.ctx, action.goal_id, self.people,
                                  current_language(), action=action)
        self._run(dialog)
        return dialog

    def review_goal(self, goal_id: str | None = None) -> GoalReviewDialog | None:
        """The goal attainment score of a goal of the agreed plan, at its review."""
        goal_id = goal_id or self._selected_goal()
        if self.plan is None or self.plan.is_draft:
            return None
        goal = next((g for g in self.plan.goals if g.id == goal_id), None)
        if goal is None:
            QMessageBox.information(self, self.tr("Plan"), self.tr("Select a goal first."))
            return None
        dialog = GoalReviewDialog(self, self.ctx, goal)
        self._run(dialog)
        return dialog

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        try:
            if item.data(0, KIND_ROLE) == "goal":
                care_plans.remove_goal(self.ctx, str(item.data(0, GOAL_ROLE)))
            else:
                care_plans.remove_action(self.ctx, str(item.data(0, GOAL_ROLE)))
        except DomainError as exc:
            self._error(exc)
            return
        self._changed()

    # ---- agreement and versions ----------------------------------------------------------
    def agree(self) -> AgreeDialog | None:
        if self.plan is None:
            return None
        dialog = AgreeDialog(self, self.ctx, self.plan.id)
        self._run(dialog)
        return dialog

    def new_version(self) -> None:
        try:
            care_plans.new_version(self.ctx, self.patient_id)
        except DomainError as exc:
            self._error(exc)
            return
        self._changed()

    def compare_text(self) -> str:
        if self.plan is None or not self.plan.supersedes_id:
            return ""
        changes = care_plans.compare_with_previous(self.ctx, self.plan.id)
        if not changes:
            return self.tr("No change.")
        kinds = {"added": self.tr("Added"), "removed": self.tr("Removed"),
                 "changed": self.tr("Changed")}
        items = {"plan": self.tr("plan"), "goal": self.tr("goal"), "action": self.tr("action")}
        lines = []
        for c in changes:
            line = f"{kinds[c.kind]} {items[c.item]}: {c.label}"
            if c.kind == "changed" and c.item != "plan":
                line += f" ({c.field})"
            lines.append(line)
        return "\n".join(lines)

    def compare(self) -> None:
        QMessageBox.information(self, self.tr("Changes since the previous version"),
                                self.compare_text())

    # ---- printing ------------------------------------------------------------------------
    def _ask_path(self, default: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the document"),
                                              str(Path.home() / default), "PDF (*.pdf)")
        return path or None

    def _print(self, job, path: str | None, default: str,  # type: ignore[no-untyped-def]
               on_error=None) -> None:
        target = path or self._ask_path(default)
        if not target:
            return
        self.print_status.setText(self.tr("Preparing the document…"))
        run_in_background(self, lambda: job(target), self._printed,
                          lambda exc: (on_error or self._print_failed)(exc, target))

    def _printed(self, path: object) -> None:
        self.last_printed = Path(str(path))
        self.print_status.setText(self.tr("Saved: {path}").format(path=str(path)))
        if self.open_after_print:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _print_failed(self, exc: BaseException, path: str | None = None) -> None:
        self.print_status.setText("")
        self._error(exc)

    def _file_name(self, kind: str) -> str:
        p = self.dossier.patient
        return printing.default_file_name(kind, p.family_name, p.given_name, self.ctx.today())

    def _print_flow(self, kind: str, job, render) -> printing.PrintFlow:  # type: ignore[no-untyped-def]
        """The button: warn when the case manager's phone is missing (handout), then print
        on paper or save a PDF named after the patient and the date."""
        p = self.dossier.patient
        self.print_flow = printing.PrintFlow(
            self, kind=kind, family_name=p.family_name, given_name=p.given_name,
            today=self.ctx.today(), save=lambda target: self._print(job, target, ""),
            render=render, on_error=self._print_failed, on_status=self.print_status.setText,
            phone_missing=(kind == "handout"
                           and preferences.profile(self.ctx).case_manager_phone is None),
            open_settings=self._open_settings)
        return self.print_flow.start()

    def _open_settings(self) -> None:
        window = self.dossier.main_window
        window.show_page("settings")
        window.raise_()
        window.activateWindow()

    def print_handout(self, path: str | None = None) -> printing.PrintFlow | None:
        lang, large = self.lang.currentData(), self.large.isChecked()
        medicines = self.with_medication.isChecked()

        def job(p: str) -> object:
            return documents.write_handout(self.ctx, self.patient_id, p, lang=lang, large=large,
                                           with_medication=medicines)

        if path is None:
            return self._print_flow("handout", job, lambda: documents.render_for_printer(
                self.ctx, self.patient_id, "handout", lang=lang, large=large,
                with_medication=medicines))
        self._print(job, path, "")
        return None

    def print_summary(self, path: str | None = None) -> printing.PrintFlow | None:
        lang = self.lang.currentData()

        def job(p: str) -> object:
            return documents.write_summary(self.ctx, self.patient_id, p, lang=lang)

        if path is None:
            return self._print_flow("summary", job, lambda: documents.render_for_printer(
                self.ctx, self.patient_id, "summary", lang=lang))
        self._print(job, path, "")
        return None

    # ---- concertations -------------------------------------------------------------------
    def add_meeting(self) -> ConcertationDialog:
        dialog = ConcertationDialog(self, self.ctx, self.patient_id, self.people,
                                    current_language())
        self._run(dialog)
        return dialog

    def decision_to_action(self) -> DecisionDialog | None:
        item = self.meetings.currentItem()
        if item is None or item.parent() is None or self.plan is None:
            QMessageBox.information(self, self.tr("Plan"),
                                    self.tr("Select a decision of a meeting first."))
            return None
        dialog = DecisionDialog(self, self.ctx, str(item.data(0, GOAL_ROLE)),
                                int(item.data(0, KIND_ROLE)), item.text(0), self.plan.goals,
                                self.people, current_language())
        self._run(dialog)
        return dialog

    # ---- drafts offered back after a lock or a crash ------------------------------------------
    DRAFT_KINDS = ("goal", "action", "concertation", "gp_letter")

    def restore_draft(self, draft: drafts.DraftView) -> QDialog | None:
        """Reopen the dialog `draft` belongs to (it picks the text up); None when it is gone."""
        self.dossier.tabs.setCurrentWidget(self)
        rid = draft.context.get("record_id")
        plan = self.plan
        if draft.kind in ("goal", "action") and rid:
            if plan is None or not plan.is_draft:
                return None
            if draft.kind == "goal":
                goal = next((g for g in plan.goals if g.id == rid), None)
                dialog: QDialog | None = (GoalDialog(self, self.ctx, plan.id, goal=goal)
                                          if goal is not None else None)
            else:
                action = next((a for a in plan.actions if a.id == rid), None)
                dialog = (ActionDialog(self, self.ctx, action.goal_id, self.people,
                                       current_language(), action=action)
                          if action is not None else None)
            return self._run(dialog) if dialog is not None else None
        if draft.kind == "goal":
            return self.add_goal(domain=draft.context.get("domain"))
        if draft.kind == "action":
            goal_id = draft.context.get("goal_id")
            if plan is None or not any(g.id == goal_id for g in plan.goals):
                return None
            return self.add_action(str(goal_id))
        if draft.kind == "concertation":
            return self.add_meeting()
        if draft.kind == "gp_letter":
            return self.add_letter()
        return None

    # ---- letters to the GP ---------------------------------------------------------------
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


def create_tab(dossier) -> QWidget:  # type: ignore[no-untyped-def]
    return PlanTab(dossier)
