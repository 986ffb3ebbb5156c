"""The Plan tab's goals and actions: the needs not met offered as goals, the tree of goals with
their actions (who does what, when, over which period), adding, editing and removing them while
the plan is a draft, and the review of a goal of the agreed plan (goal attainment, −2..+2).
The tree keeps its row and scroll across refreshes; a goal or action just saved is selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.i18n.punctuation import colon
from desktop.services import care_plans
from desktop.ui.i18n import current_language
from desktop.ui.plan.base import GOAL_ROLE, KIND_ROLE
from desktop.ui.plan.dialogs import ActionDialog, GoalDialog, GoalReviewDialog, attainment_label
from desktop.ui.plan.labels import domain_label, need_status_label
from desktop.ui.plan.words import PlanWords
from desktop.ui.wrapped_rows import wrap_columns


class PlanGoals(PlanWords):  # a goal added before the questions are saved starts the plan
    def _make_goals_area(self) -> QWidget:
        split = QSplitter()
        needs_box = QGroupBox(self.tr("Starting points: needs not met"))
        nl = QVBoxLayout(needs_box)
        self.needs = QListWidget()
        self.needs.setAccessibleName(self.tr("Needs not met"))
        self.needs.setWordWrap(True)
        self.needs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goal_from_need_button = QPushButton(self.tr("Make it a &goal"))
        # an empty list said nothing of where its needs come from
        self.needs_hint = QLabel(self.tr("The needs not met, or partly met, of the needs "
                                         "checklist (Assessments tab) are listed here."))
        self.needs_hint.setWordWrap(True)
        self.needs_hint.setStyleSheet("color: #616161;")
        nl.addWidget(self.needs, 1)
        nl.addWidget(self.needs_hint)
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
        wrap_columns(self.tree, (0,))  # a goal is a sentence in the patient's words
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
        self.goal_from_need_button.clicked.connect(lambda: self.goal_from_need())
        self.add_goal_button.clicked.connect(lambda: self.add_goal())
        self.add_action_button.clicked.connect(lambda: self.add_action())
        self.remove_button.clicked.connect(self.remove_selected)
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.review_goal_button.clicked.connect(lambda: self.review_goal())
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        return split

    def _refresh_goals(self, lang: str) -> None:
        plan = self.plan
        # no plan yet: a goal may come first, and starts the plan (`_ensure_plan`)
        for b in (self.add_goal_button, self.goal_from_need_button):
            b.setEnabled(plan is None or plan.is_draft)
        for b in (self.add_action_button, self.remove_button, self.edit_button):
            b.setEnabled(plan is not None and plan.is_draft)
        self.review_goal_button.setEnabled(plan is not None and not plan.is_draft
                                           and bool(plan.goals))
        kept = self._tree_state()
        need_row = self.needs.currentRow()
        self.needs.clear()
        for n in care_plans.need_suggestions(self.ctx, self.patient_id):
            text = f"{domain_label(n.domain, lang)} ({need_status_label(n.status, lang)})"
            if n.description:
                text = colon(text, n.description, lang)
            if n.answered:
                text = "✓ " + text
            item = QListWidgetItem(text)
            item.setData(GOAL_ROLE, (n.domain, n.description))
            self.needs.addItem(item)
        self.needs_hint.setVisible(not self.needs.count())
        if not self.needs.count():  # nothing to make a goal of (it did nothing)
            self.goal_from_need_button.setEnabled(False)

        self.tree.clear()
        if plan is not None:
            for g in plan.goals:
                target = f"→ {short_date(g.target_date)}" if g.target_date else ""
                reviewed = (f"{attainment_label(g.attainment)} ({short_date(g.attainment_on)})"
                            if g.attainment is not None else "")
                gi = QTreeWidgetItem([g.text, "", "", target, reviewed])
                gi.setToolTip(0, g.text)
                gi.setData(0, GOAL_ROLE, g.id)
                gi.setData(0, KIND_ROLE, "goal")
                for a in plan.actions_of(g.id):
                    who = {"patient": self.tr("The patient"),
                           "case_manager": self.tr("The case manager")}.get(
                        a.responsible_kind, a.responsible_name)
                    period = " – ".join(x for x in (short_date(a.start_date), short_date(a.end_date)) if x)
                    what = a.what + (" — " + self.tr("on hold (in hospital)") if a.on_hold
                                     else "")
                    ai = QTreeWidgetItem([what, who, a.schedule.text, period])
                    ai.setToolTip(0, what)
                    ai.setData(0, GOAL_ROLE, a.id)
                    ai.setData(0, KIND_ROLE, "action")
                    gi.addChild(ai)
                self.tree.addTopLevelItem(gi)
            self.tree.expandAll()
        self._restore_tree(kept)
        if 0 <= need_row < self.needs.count():
            self.needs.setCurrentRow(need_row)

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
