"""What every part of the Plan tab shares (`desktop.ui.plan.tab` puts the parts together): the
dossier and the current plan, the roles of the rows in its lists, opening a dialog and
refreshing after it, showing an error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.domain.errors import DomainError
from desktop.ui.draft_guard import GuardedDialog
from desktop.ui.i18n import error_message

if TYPE_CHECKING:
    from desktop.services.care_plans import Person, PlanView
    from desktop.services.context import AppContext
    from desktop.ui.dossier.window import DossierWindow

GOAL_ROLE = Qt.ItemDataRole.UserRole  # a row's record id (goal, action, meeting, letter)
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "goal" or "action"; a meeting's decision index


class PlanBase(QWidget):
    """The state the parts read; set by `PlanTab.__init__` and `PlanTab.refresh`."""

    dossier: DossierWindow
    ctx: AppContext
    patient_id: str
    plan: PlanView | None
    people: list[Person]  # who may be responsible for an action (the ecosystem)
    select_next: str | None  # the goal or action to show after a change

    def refresh(self) -> None:
        raise NotImplementedError

    def _run(self, dialog: QDialog) -> QDialog:
        if isinstance(dialog, GuardedDialog):  # its free text is drafted into the vault
            dialog.attach_drafts(self.ctx, self.patient_id)

        def done(_r: int) -> None:
            result_id = getattr(dialog, "result_id", None)  # what the dialog saved, if anything
            if result_id:
                self._changed(result_id)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _changed(self, select: str | None = None) -> None:
        self.select_next = select
        self.refresh()

    def _error(self, exc: BaseException) -> None:
        text = error_message(exc) if isinstance(exc, DomainError) else type(exc).__name__
        QMessageBox.warning(self, self.tr("Plan"), text)
