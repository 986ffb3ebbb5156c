"""Forms of the Plan tab: goal, action (responsible picked from the ecosystem, schedule checked
as it is typed), agreement, concertation, decision → action, and letter to the GP. Each dialog
calls one service; a domain error is shown next to its field and nothing is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.care_plan import AGREED_PARTIES, parse_schedule
from desktop.domain.errors import DomainError, ValidationError
from desktop.services import care_plans, concertations, gp_feedback
from desktop.services.care_plans import Person
from desktop.services.context import AppContext
from desktop.ui.dossier.case_dialogs import InlineErrors
from desktop.ui.draft_guard import GuardedDialog, TextWidget
from desktop.ui.fields import DateField
from desktop.ui.fit import scrolled
from desktop.ui.plan.labels import day_names, person_label


def optional_date(parent: QWidget, day: dt.date | None, today: dt.date,
                  field: str | None = None) -> DateField:
    """A date field that may stay empty; typed dd/mm/yyyy, dd/mm (this year is `today`'s)."""
    return DateField(day, parent, today=lambda: today, field=field)


def date_of(edit: DateField) -> dt.date | None:
    """The date typed (None when blank); an unreadable one raises the domain error."""
    return edit.value()


class _Form(GuardedDialog):
    """A dialog with a form, inline errors and OK/Cancel; subclasses implement `save()`."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_id: str | None = None
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addWidget(scrolled(self.form), 1)  # a long form scrolls, buttons stay in view
        general = QLabel()
        layout.addWidget(general)
        self.errors = InlineErrors(self.form, general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> str | None:
        raise NotImplementedError

    def draft_save(self) -> object:
        self._ok()
        return self.result()

    def _ok(self) -> None:
        if self.errors.refuse_unreadable(self):
            return
        try:
            self.result_id = self.save()
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()


class GoalDialog(_Form):
    """A new goal, or changes to `goal` (text, target date, achieved or abandoned)."""

    def __init__(self, parent: QWidget, ctx: AppContext, plan_id: str, *, text: str = "",
                 domain: str | None = None, needs: list[str] | None = None,
                 goal: care_plans.GoalView | None = None) -> None:
        super().__init__(parent, self.tr("Goal"))
        self.ctx, self.plan_id, self.domain, self.needs = ctx, plan_id, domain, needs or []
        self.goal = goal
        self.text = QPlainTextEdit(goal.text if goal else text)
        self.text.setAccessibleName(self.tr("Goal in the patient's words"))
        self.text.setTabChangesFocus(True)
        self.target = optional_date(self, goal.target_date if goal else None, ctx.today(),
                                    "target_date")
        self.status = QComboBox()
        for code, label in (("active", self.tr("In progress")), ("achieved", self.tr("Achieved")),
                            ("abandoned", self.tr("Given up"))):
            self.status.addItem(label, code)
        if goal is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(goal.status)))
        self.errors.add("text", self.text, self.tr("In the patient's words"))
        self.errors.add("target_date", self.target, self.tr("Target date"))
        if goal is not None:
            self.errors.add("status", self.status, self.tr("Status"))

    DRAFT_KIND = "goal"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"text": self.text}

    def draft_record(self) -> str | None:
        return self.goal.id if self.goal is not None else None

    def draft_context(self) -> dict[str, object]:
        return {"plan_id": self.plan_id, "domain": self.domain, "needs": self.needs}

    def save(self) -> str | None:
        if self.goal is not None:
            care_plans.update_goal(self.ctx, self.goal.id, text=self.text.toPlainText(),
                                   target_date=date_of(self.target),
                                   status=str(self.status.currentData()))
            return self.goal.id
        return care_plans.add_goal(self.ctx, self.plan_id, self.text.toPlainText(),
                                   domain=self.domain, needs=self.needs,
                                   target_date=date_of(self.target))


def attainment_label(score: int) -> str:
    """A goal attainment score (−2..+2) in plain words, e.g. "+1 · more than expected"."""
    words = {
        -2: QCoreApplication.translate("GoalReviewDialog", "much less than expected"),
        -1: QCoreApplication.translate("GoalReviewDialog", "less than expected"),
        0: QCoreApplication.translate("GoalReviewDialog", "as expected"),
        1: QCoreApplication.translate("GoalReviewDialog", "more than expected"),
        2: QCoreApplication.translate("GoalReviewDialog", "much more than expected"),
    }[score]
    return {2: "+2", 1: "+1", 0: "0", -1: "−1", -2: "−2"}[score] + " · " + words


class GoalReviewDialog(_Form):
    """The review of a goal of an agreed plan: how far it was attained, on the goal attainment
    scale from −2 (much less than expected) to +2 (much more), and on which day."""

    def __init__(self, parent: QWidget, ctx: AppContext, goal: care_plans.GoalView) -> None:
        super().__init__(parent, self.tr("Review of the goal"))
        self.ctx, self.goal = ctx, goal
        text = QLabel(goal.text)
        text.setWordWrap(True)
        self.form.addRow(self.tr("Goal"), text)
        note = QLabel(self.tr("Compared with what was expected when the plan was agreed, "
                              "the goal was reached:"))
        note.setWordWrap(True)
        self.form.addRow(note)
        box = QWidget()
        levels = QVBoxLayout(box)
        levels.setContentsMargins(0, 0, 0, 0)
        self.levels = QButtonGroup(self)
        for score in (2, 1, 0, -1, -2):
            radio = QRadioButton(attainment_label(score))
            self.levels.addButton(radio, score)
            levels.addWidget(radio)
            if score == goal.attainment:
                radio.setChecked(True)
        box.setAccessibleName(self.tr("Level reached"))
        self.errors.add("attainment", box, self.tr("Level reached"))
        self.on = DateField(goal.attainment_on or ctx.today(), self, today=ctx.today,
                            field="attainment_on")
        self.errors.add("attainment_on", self.on, self.tr("Review on"))

    def score(self) -> int | None:
        checked = self.levels.checkedButton()
        return self.levels.id(checked) if checked is not None else None

    def save(self) -> str | None:
        score = self.score()
        if score is None:
            raise ValidationError("text.required", "attainment")
        care_plans.review_goal(self.ctx, self.goal.id, score, on=self.on.value())
        return self.goal.id


class ActionDialog(_Form):
    """Who: the patient, the case manager, or one of the patient's contacts."""

    def __init__(self, parent: QWidget, ctx: AppContext, goal_id: str, people: list[Person],
                 lang: str, action: care_plans.ActionView | None = None) -> None:
        super().__init__(parent, self.tr("Action"))
        self.ctx, self.goal_id, self.lang, self.action = ctx, goal_id, lang, action
        self.what = QLineEdit()
        self.what.setAccessibleName(self.tr("What"))
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Who does it"))
        self.who.addItem(self.tr("— choose —"), None)
        self.who.addItem(self.tr("The patient"), ("patient", None))
        self.who.addItem(self.tr("The case manager"), ("case_manager", None))
        for p in people:
            self.who.addItem(person_label(p, lang), ("contact", p.contact_id))
        self.schedule = QLineEdit()
        self.schedule.setPlaceholderText(self.tr("e.g. Mon, Wed, Fri 8:00–9:00 or twice a month"))
        self.schedule.setAccessibleName(self.tr("When"))
        self.preview = QLabel()
        self.preview.setStyleSheet("color: #555;")
        self.schedule.textChanged.connect(self._preview)
        self.start = optional_date(self, None, ctx.today(), "start_date")
        self.end = optional_date(self, None, ctx.today(), "end_date")
        self.errors.add("what", self.what, self.tr("What"))
        self.errors.add("responsible", self.who, self.tr("Who"))
        self.errors.add("schedule", self.schedule, self.tr("When"))
        self.form.addRow("", self.preview)
        self.errors.add("start_date", self.start, self.tr("From"))
        self.errors.add("end_date", self.end, self.tr("Until"))
        self.status = QComboBox()
        for code, label in (("planned", self.tr("Planned")), ("ongoing", self.tr("Under way")),
                            ("done", self.tr("Done")), ("cancelled", self.tr("Cancelled"))):
            self.status.addItem(label, code)
        if action is not None:
            self.errors.add("status", self.status, self.tr("Status"))
            self.status.setCurrentIndex(max(0, self.status.findData(action.status)))
            self.what.setText(action.what)
            key = (action.responsible_kind, action.responsible_contact_id)
            for i in range(self.who.count()):
                if self.who.itemData(i) == key:
                    self.who.setCurrentIndex(i)
            self.schedule.setText(action.schedule.text)
            if action.start_date:
                self.start.setDate(action.start_date)
            if action.end_date:
                self.end.setDate(action.end_date)

    DRAFT_KIND = "action"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"what": self.what, "schedule": self.schedule}

    def draft_record(self) -> str | None:
        return self.action.id if self.action is not None else None

    def draft_context(self) -> dict[str, object]:
        return {"goal_id": self.goal_id}

    def _preview(self, text: str) -> None:
        """Show what the week table will make of the schedule, while it is typed."""
        try:
            s = parse_schedule(text)
        except DomainError:
            self.preview.setText(self.tr("Not understood yet"))
            return
        if not s.is_weekly:
            self.preview.setText(self.tr("Listed under the week") if text.strip() else "")
            return
        names = day_names(self.lang, in_sentence=True)
        days = ", ".join(names[d] for d in s.days)
        hours = f" {s.start}" + (f"–{s.end}" if s.end else "") if s.start else ""
        self.preview.setText(days + hours)

    def save(self) -> str | None:
        choice: Any = self.who.currentData()
        kind, contact = choice if choice else (None, None)
        if self.action is not None:
            care_plans.update_action(
                self.ctx, self.action.id, what=self.what.text(), responsible_kind=kind or "",
                contact_id=contact, schedule=self.schedule.text(),
                start_date=date_of(self.start), end_date=date_of(self.end),
                status=str(self.status.currentData()))
            return self.action.id
        return care_plans.add_action(
            self.ctx, self.goal_id, self.what.text(), responsible_kind=kind, contact_id=contact,
            schedule=self.schedule.text(), start_date=date_of(self.start),
            end_date=date_of(self.end))


class AgreeDialog(_Form):
    """The agreement: with whom (ticked, so the handout can say "avec moi et ma famille" in
    the patient's voice; words of one's own beside them if needed) and on which day."""

    def __init__(self, parent: QWidget, ctx: AppContext, plan_id: str,
                 default_with: str = "") -> None:
        super().__init__(parent, self.tr("Agree the plan"))
        self.ctx, self.plan_id = ctx, plan_id
        note = QLabel(self.tr("Once agreed, this version can no longer change. Changes go into "
                              "a new version."))
        note.setWordWrap(True)
        self.form.addRow(note)
        labels = {"patient": self.tr("The &patient"), "family": self.tr("The &family"),
                  "carers": self.tr("The ca&rers"), "gp": self.tr("The &GP"),
                  "others": self.tr("Ot&hers")}
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.parties: dict[str, QCheckBox] = {}
        for code in AGREED_PARTIES:
            check = QCheckBox(labels[code])
            check.setChecked(code == "patient")
            column.addWidget(check)
            self.parties[code] = check
        box.setAccessibleName(self.tr("Agreed with"))
        self.errors.add("agreed_parties", box, self.tr("Agreed with"))
        self.who = QLineEdit(default_with)
        self.who.setPlaceholderText(self.tr("Names, a service… (optional)"))
        self.who.setAccessibleName(self.tr("In your own words"))
        self.on = DateField(ctx.today(), today=ctx.today, field="agreed_on")
        self.errors.add("agreed_with", self.who, self.tr("In your own words"))
        self.errors.add("agreed_on", self.on, self.tr("On"))
        self.errors.add("goals", QLabel(""), "")

    DRAFT_KIND = "plan_agreement"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"agreed_with": self.who}

    def draft_record(self) -> str | None:
        return self.plan_id

    def save(self) -> str | None:
        parties = [code for code, check in self.parties.items() if check.isChecked()]
        view = care_plans.agree_plan(self.ctx, self.plan_id, self.who.text(),
                                     self.on.value(), parties=parties)
        return view.id


def _checklist(people: list[Person], lang: str, checked: Callable[[Person], bool]) -> QListWidget:
    box = QListWidget()
    for p in people:
        item = QListWidgetItem(person_label(p, lang))
        item.setData(Qt.ItemDataRole.UserRole, p.contact_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked(p) else Qt.CheckState.Unchecked)
        box.addItem(item)
    return box


class ConcertationDialog(_Form):
    def __init__(self, parent: QWidget, ctx: AppContext, patient_id: str, people: list[Person],
                 lang: str) -> None:
        super().__init__(parent, self.tr("Concertation meeting"))
        self.ctx, self.patient_id = ctx, patient_id
        self.held_on = DateField(ctx.today(), today=ctx.today, field="held_on")
        self.people = _checklist(people, lang, lambda p: p.is_gp)
        self.people.setAccessibleName(self.tr("Participants"))
        self.present = QCheckBox(self.tr("The patient (or a representative) took part"))
        self.present.setChecked(True)
        self.nurses = {p.contact_id for p in people if p.kind == "nurse"}
        self.nursing = bool(self.nurses)
        self.nurse = QCheckBox(self.tr("The home nurse took part"))
        self.nurse.setEnabled(self.nursing)
        # ticked as a home nurse of the ecosystem is ticked among the participants, until the
        # case manager sets it themselves (that nurse may have come for something else)
        self.nurse_set_by_hand = False
        self.nurse.clicked.connect(lambda: setattr(self, "nurse_set_by_hand", True))
        self.people.itemChanged.connect(lambda _item: self._follow_nurses())
        self.funder = QComboBox()
        from desktop.domain.concertation import FUNDERS
        from desktop.ui.i18n import message

        for code in FUNDERS:
            self.funder.addItem(message(f"concertation.funder.{code}"), code)
        default = concertations.default_funder_of(ctx, patient_id)
        if default in FUNDERS:
            self.funder.setCurrentIndex(FUNDERS.index(default))
        self.funder.setAccessibleName(self.tr("Funder"))
        self.agreed = QCheckBox(self.tr("The patient agreed on who takes part"))
        self.reference = QComboBox()
        self.reference.addItem(self.tr("— none —"), None)
        for p in people:
            self.reference.addItem(person_label(p, lang), p.contact_id)
        self.decisions = QPlainTextEdit()
        self.decisions.setPlaceholderText(self.tr("One decision per line"))
        self.decisions.setTabChangesFocus(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.errors.add("held_on", self.held_on, self.tr("Date"))
        self.errors.add("participants", self.people, self.tr("Participants"))
        self.form.addRow("", self.present)
        self.form.addRow("", self.nurse)
        self.errors.add("funder", self.funder, self.tr("Funder"))
        self.errors.add("patient_agreed", self.agreed, "")
        self.errors.add("reference_contact_id", self.reference, self.tr("Reference person"))
        self.errors.add("decisions", self.decisions, self.tr("Decisions"))
        self.errors.add("note", self.note, self.tr("Note"))

    def _follow_nurses(self) -> None:
        if not self.nurse_set_by_hand:
            self.nurse.setChecked(any(
                self.people.item(i).checkState() == Qt.CheckState.Checked
                and self.people.item(i).data(Qt.ItemDataRole.UserRole) in self.nurses
                for i in range(self.people.count())))

    DRAFT_KIND = "concertation"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"decisions": self.decisions, "note": self.note}

    def save(self) -> str | None:
        ids = [self.people.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(self.people.count())
               if self.people.item(i).checkState() == Qt.CheckState.Checked]
        decisions = [concertations.DecisionIn(line.strip())
                     for line in self.decisions.toPlainText().splitlines() if line.strip()]
        return concertations.record_concertation(
            self.ctx, self.patient_id, held_on=self.held_on.value() or self.ctx.today(),
            participant_ids=ids, patient_agreed=self.agreed.isChecked(),
            patient_present=self.present.isChecked(),
            reference_contact_id=self.reference.currentData(), decisions=decisions,
            note=self.note.toPlainText(), funder=self.funder.currentData(),
            home_nurse_present=self.nurse.isChecked() if self.nursing else None)


class DecisionDialog(_Form):
    """Turn a decision of a meeting into an action of the draft plan."""

    def __init__(self, parent: QWidget, ctx: AppContext, concertation_id: str, index: int,
                 text: str, goals: list[care_plans.GoalView], people: list[Person],
                 lang: str) -> None:
        super().__init__(parent, self.tr("Decision → action"))
        self.ctx, self.cid, self.index = ctx, concertation_id, index
        self.form.addRow(QLabel(text))
        self.goal = QComboBox()
        for g in goals:
            self.goal.addItem(g.text, g.id)
        self.who = QComboBox()
        self.who.addItem(self.tr("— choose —"), None)
        self.who.addItem(self.tr("The patient"), ("patient", None))
        self.who.addItem(self.tr("The case manager"), ("case_manager", None))
        for p in people:
            self.who.addItem(person_label(p, lang), ("contact", p.contact_id))
        self.schedule = QLineEdit()
        self.errors.add("goal", self.goal, self.tr("Goal"))
        self.errors.add("responsible", self.who, self.tr("Who"))
        self.errors.add("schedule", self.schedule, self.tr("When"))

    DRAFT_KIND = "decision_action"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"schedule": self.schedule}

    def draft_record(self) -> str | None:
        return f"{self.cid}.{self.index}"  # one decision of one meeting

    def draft_context(self) -> dict[str, object]:
        return {"concertation_id": self.cid, "index": self.index}

    def save(self) -> str | None:
        choice: Any = self.who.currentData()
        kind, contact = choice if choice else (None, None)
        return concertations.decision_to_action(
            self.ctx, self.cid, self.index, str(self.goal.currentData()),
            responsible_kind=kind, contact_id=contact, schedule=self.schedule.text())


class GpLetterDialog(_Form):
    def __init__(self, parent: QWidget, ctx: AppContext, patient_id: str) -> None:
        super().__init__(parent, self.tr("Letter to the GP"))
        self.ctx, self.patient_id = ctx, patient_id
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setAccessibleName(self.tr("Situation"))
        self.questions = QPlainTextEdit()
        self.questions.setTabChangesFocus(True)
        self.questions.setAccessibleName(self.tr("Questions"))
        self.errors.add("summary", self.summary, self.tr("Situation"))
        self.errors.add("questions", self.questions, self.tr("Questions"))
        self.errors.add("gp", QLabel(""), "")

    DRAFT_KIND = "gp_letter"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"summary": self.summary, "questions": self.questions}

    def save(self) -> str | None:
        return gp_feedback.create_letter(self.ctx, self.patient_id,
                                         summary=self.summary.toPlainText(),
                                         questions=self.questions.toPlainText())
