"""The Plan tab's status line and versions: draft or agreed (on which day, with whom), agreeing
to a draft, starting a new version of an agreed plan, and what changed since the previous one."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton

from desktop.domain.errors import DomainError
from desktop.i18n.agreement import agreed_with_text
from desktop.i18n.dates import short_date
from desktop.i18n.punctuation import colon
from desktop.services import care_plans
from desktop.ui.i18n import current_language
from desktop.ui.plan.base import PlanBase
from desktop.ui.plan.dialogs import AgreeDialog


class PlanVersions(PlanBase):
    def _add_version_bar(self, bar: QHBoxLayout) -> None:
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Plan status"))
        self.agree_button = QPushButton(self.tr("&Agree…"))
        self.version_button = QPushButton(self.tr("&New version"))
        self.compare_button = QPushButton(self.tr("&Compare with the previous version…"))
        bar.addWidget(self.status, 1)
        for b in (self.agree_button, self.version_button, self.compare_button):
            bar.addWidget(b)
        self.agree_button.clicked.connect(lambda: self.agree())
        self.version_button.clicked.connect(self.new_version)
        self.compare_button.clicked.connect(self.compare)

    def _refresh_status(self, lang: str) -> None:
        plan = self.plan
        if plan is None:
            self.status.setText(self.tr("No plan yet: start with the questions below."))
        elif plan.is_draft:
            self.status.setText(self.tr("Version {v} — draft").format(v=plan.version))
        else:
            self.status.setText(self.tr("Version {v} — agreed on {d} with {who}").format(
                v=plan.version, d=short_date(plan.agreed_on),
                who=agreed_with_text(plan.agreed_parties, plan.agreed_with, lang)))
        self.agree_button.setEnabled(plan is not None and plan.is_draft)
        self.version_button.setEnabled(plan is not None and not plan.is_draft)
        self.compare_button.setEnabled(plan is not None and plan.supersedes_id is not None)

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
            line = colon(f"{kinds[c.kind]} {items[c.item]}", c.label, current_language())
            if c.kind == "changed" and c.item != "plan":
                line += f" ({c.field})"
            lines.append(line)
        return "\n".join(lines)

    def compare(self) -> None:
        QMessageBox.information(self, self.tr("Changes since the previous version"),
                                self.compare_text())
