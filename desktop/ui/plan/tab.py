"""The dossier's "Plan" tab: the patient's own words first (what matters, what they expect, what
they want to avoid, their life project), unmet needs offered as goals, goals and actions with
who does what and when, agreement and versions, concertation meetings, the letter to the GP, and
printing the handout or the summary (rendered on a worker, then opened in the system viewer).

`PlanTab` puts together one part per module, each a class of the tab's widget holding its
widgets, its refresh and its actions:
  words.py      the patient's words and the next review, autosaved while typed;
  goals.py      needs not met, goals and actions, the review of a goal;
  versions.py   the status line, agreeing, new versions, comparing;
  meetings.py   the "Concertations" page;
  letters.py    the "Letters to the GP" page;
  printouts.py  the documents bar and printing (the letters print through it);
  base.py       what they share (the dossier, the plan, opening a dialog, errors).
Drafts left by a lock or a crash are offered back here, by the dialog they belong to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.services import care_plans, drafts
from desktop.services.care_plans import PlanView
from desktop.ui.i18n import current_language
from desktop.ui.plan.dialogs import ActionDialog, GoalDialog
from desktop.ui.plan.goals import PlanGoals
from desktop.ui.plan.letters import PlanLetters
from desktop.ui.plan.meetings import PlanMeetings
from desktop.ui.plan.versions import PlanVersions

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow


class PlanTab(PlanGoals, PlanVersions, PlanMeetings, PlanLetters):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.ctx, self.patient_id = dossier.ctx, dossier.patient_id
        self.setWindowTitle(self.tr("Plan"))
        self.plan: PlanView | None = None
        self.open_after_print = True  # tests turn the system viewer off
        self.last_printed: Path | None = None
        self.words_loaded: dict[str, str] = {}  # the answers as stored, when last shown
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
        self._documents_in_patient_language()

    def _plan_page(self) -> QWidget:
        """The status line, the questions over the needs and goals, the documents bar."""
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        bar.addWidget(self._make_words_toggle())
        self._add_version_bar(bar)
        layout.addLayout(bar)
        words = self._make_words_area()
        goals = self._make_goals_area()
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(words)
        self.body.addWidget(goals)
        self.body.setStretchFactor(0, 0)
        self.body.setStretchFactor(1, 1)
        self.body.setCollapsible(1, False)
        layout.addWidget(self.body, 1)
        layout.addLayout(self._make_print_bar())
        return page

    def refresh(self) -> None:
        lang = current_language()
        self.plan = care_plans.current_plan(self.ctx, self.patient_id)
        self.people = care_plans.ecosystem_choices(self.ctx, self.patient_id)
        self._refresh_status(lang)
        self._refresh_words()
        self._refresh_goals(lang)
        self._refresh_meetings()
        self._refresh_letters()

    # ---- drafts offered back after a lock or a crash ------------------------------------------
    DRAFT_KINDS = ("goal", "action", "concertation", "gp_letter", "plan_agreement",
                   "decision_action")

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
        if draft.kind == "plan_agreement":  # the plan it was agreeing, if still a draft
            return self.agree() if plan is not None and plan.is_draft and plan.id == rid else None
        if draft.kind == "decision_action":
            cid, index = draft.context.get("concertation_id"), draft.context.get("index")
            if plan is None or not plan.is_draft or not isinstance(index, int) \
                    or not self.select_decision(str(cid), index):
                return None
            return self.decision_to_action()
        return None


def create_tab(dossier: DossierWindow) -> QWidget:
    return PlanTab(dossier)
