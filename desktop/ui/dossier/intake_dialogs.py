"""Intake outcome and triage dialogs of a case (issue 18 items 1–2).

IntakeDialog: how the intake of the request ends (accepted, redirected to a service of the
directory and why, waiting list since when) and the first contact / first home visit dates when
they were not recorded as visits. TriageDialog: the suggested level (Kaiser pyramid) with its
reasons, the screening flags as context, and the crisis triggers present now."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.domain import intake as I
from desktop.domain import triage as T
from desktop.i18n.dates import short_date
from desktop.services import cases, triage
from desktop.services.context import AppContext
from desktop.ui import labels_case as labels
from desktop.ui.dossier.case_dialogs import FormDialog
from desktop.ui.draft_guard import TextWidget
from desktop.ui.fields import DateField
from desktop.ui.i18n import message


def reason_line(r: T.Reason) -> str:
    """One reason of a suggestion, in the UI language (catalog `triage.reason.*`)."""
    p = dict(r.params)
    if r.code == "crisis":
        return message("triage.reason.crisis", trigger=message(f"triage.crisis.{p['trigger']}"))
    if r.code == "risk":
        return message("triage.reason.risk", risk=message(f"triage.risk.{p['risk']}"))
    return message(f"triage.reason.{r.code}", **p)


def suggestion_lines(v: triage.TriageView) -> list[str]:
    """The suggested level, its reasons, and the context flags (shown, not deciding)."""
    lines = [message("triage.suggested", number=v.number,
                     level=message(f"triage.level.{v.level}"))]
    lines += ["  • " + reason_line(r) for r in v.reasons]
    if v.context:
        lines.append(message("triage.context", flags=", ".join(
            message(f"triage.flag.{f}") for f in v.context)))
    return lines


class IntakeDialog(FormDialog):
    """Accepted, redirected (to whom, why) or waiting list (since when); first contacts."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, case_id: str) -> None:
        super().__init__(parent, self.tr("Intake of the request"))
        self.ctx, self.case_id = ctx, case_id
        view = cases.get_case(ctx, case_id)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.addItem(self.tr("— choose —"), None)
        for code in I.OUTCOMES:
            self.outcome.addItem(labels.intake_outcome(code), code)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(view.intake_outcome)))
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Service redirected to"))
        self.target.addItem(self.tr("— a service of the directory —"), None)
        from desktop.services.contacts import list_contacts

        for c in list_contacts(ctx, directory_only=True):
            self.target.addItem(c.name, c.id)
        self.target.setCurrentIndex(max(0, self.target.findData(view.redirected_to_contact_id)))
        self.reason = QPlainTextEdit(view.intake_reason or "")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaximumHeight(80)
        self.on = DateField(view.waiting_since or view.intake_outcome_on or ctx.today(),
                            today=ctx.today, field="intake_outcome_on")
        self.on.setAccessibleName(self.tr("Date"))
        self.errors.add("intake_outcome", self.outcome, self.tr("&Outcome:"))
        self.errors.add("redirected_to_contact_id", self.target, self.tr("Redirected &to:"))
        self.errors.add("intake_reason", self.reason, self.tr("&Why:"))
        self.errors.add("intake_outcome_on", self.on, self.tr("&Date (waiting: since):"))
        self.delays = QLabel(self._delays(view))
        self.delays.setWordWrap(True)
        self.form.addRow(self.delays)
        self.first_contact = DateField(None, today=ctx.today, field="first_contact_on")
        self.first_contact.setAccessibleName(self.tr("First contact"))
        self.first_home = DateField(None, today=ctx.today, field="first_home_visit_on")
        self.first_home.setAccessibleName(self.tr("First home visit"))
        self.errors.add("first_contact_on", self.first_contact,
                        self.tr("First &contact (if not a visit):"))
        self.errors.add("first_home_visit_on", self.first_home,
                        self.tr("First &home visit (if not recorded):"))
        self.outcome.currentIndexChanged.connect(lambda _i: self._sync_enabled())
        self._sync_enabled()
        self.attach_drafts(ctx, view.patient_id)

    DRAFT_KIND = "intake"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"reason": self.reason}

    def draft_record(self) -> str | None:
        return self.case_id

    def _delays(self, view: cases.CaseView) -> str:
        def one(day: dt.date | None, days: int | None, none: str, some: str) -> str:
            if day is None:
                return none
            text = some.format(date=short_date(day))
            return text + (" " + self.tr("(%n day(s) after the request)", "", days)
                           if days is not None else "")
        return "\n".join((
            one(view.first_contact_on, view.days_to_first_contact,
                self.tr("No first contact yet."), self.tr("First contact on {date}")),
            one(view.first_home_visit_on, view.days_to_first_home_visit,
                self.tr("No home visit yet."), self.tr("First home visit on {date}"))))

    def _sync_enabled(self) -> None:
        redirected = self.outcome.currentData() == "redirected"
        self.target.setEnabled(redirected)
        if not redirected:
            self.target.setCurrentIndex(0)

    def save(self) -> str | None:
        cases.record_intake(self.ctx, self.case_id, self.outcome.currentData(),
                            to_contact_id=self.target.currentData(),
                            reason=self.reason.toPlainText(), on=self.on.value())
        first, home = self.first_contact.value(), self.first_home.value()
        if first or home:
            cases.record_first_dates(self.ctx, self.case_id, first_contact=first,
                                     first_home_visit=home)
        return self.case_id


class TriageDialog(FormDialog):
    """The suggestion and its reasons; the crisis triggers are ticked here."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, case_id: str) -> None:
        super().__init__(parent, self.tr("Triage by complexity"))
        self.ctx, self.case_id = ctx, case_id
        self.patient_id = cases.get_case(ctx, case_id).patient_id
        self.view = triage.suggestion(ctx, self.patient_id)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Suggested level"))
        self.form.addRow(self.summary)
        hint = QLabel(self.tr("The level follows complexity: the complexity grid (above 20: "
                              "case management) and a crisis, whatever the age. Age, BIM, MAF "
                              "and the chronic status are context only."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        self.form.addRow(hint)
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.triggers: dict[str, QCheckBox] = {}
        for code in T.CRISIS_TRIGGERS:
            check = QCheckBox(message(f"triage.crisis.{code}"))
            check.setChecked(code in self.view.crisis_triggers)
            check.toggled.connect(lambda _on: self._preview())
            self.triggers[code] = check
            col.addWidget(check)
        self.errors.add("crisis_triggers", box, self.tr("Crisis now:"))
        self.on = DateField(self.view.crisis_noted_on or ctx.today(), today=ctx.today,
                            field="crisis_noted_on")
        self.on.setAccessibleName(self.tr("Noted on"))
        self.errors.add("crisis_noted_on", self.on, self.tr("&Noted on:"))
        self._preview()

    def checked(self) -> list[str]:
        return [c for c, box in self.triggers.items() if box.isChecked()]

    def _preview(self) -> None:
        """What the suggestion becomes with the ticked triggers (before saving)."""
        v = self.view
        s = T.suggest(v.grid_total, self.checked(),
                      [r.params["risk"] for r in v.reasons if r.code == "risk"], v.context)
        preview = triage.TriageView(
            patient_id=v.patient_id, case_id=v.case_id, level=s.level, number=s.number,
            reasons=s.reasons, context=s.context, grid_total=v.grid_total, grid_on=v.grid_on,
            crisis_triggers=tuple(self.checked()), crisis_noted_on=v.crisis_noted_on,
            decided=v.decided)
        self.summary.setText("\n".join(suggestion_lines(preview)))
        QTimer.singleShot(0, self.grow_to_form)  # a crisis adds a reason: show the form whole

    def save(self) -> str | None:
        triage.set_crisis_triggers(self.ctx, self.case_id, self.checked(), on=self.on.value())
        return self.case_id
