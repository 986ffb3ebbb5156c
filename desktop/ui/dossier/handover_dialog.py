"""Handover ("Passer le relais…"): the case's responsible case managers become one or two of the
team's users, as the server last listed them to this laptop, with a handover note they read
first (issue 19, item 5); the case's Today items go with it. The same service as
`relais case handover` (`desktop/services/handover.py`). Not enrolled: the team is unknown, the
dialog says so, offers to connect it, and saves nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.services import account, cases, handover, sync_status
from desktop.services.context import AppContext
from desktop.ui.dossier.case_dialogs import FormDialog
from desktop.ui.draft_guard import TextWidget


def team_choices(ctx: AppContext) -> tuple[bool, list[tuple[str, str]]]:
    """(enrolled, [(user name, display name)]) of the team, as the server last listed it."""
    if not sync_status.is_enrolled(ctx):
        return False, []
    members = ctx.read(account.team_members)
    out = [(str(m.get("username")), str(m.get("name") or m.get("username")))
           for m in members if m.get("username")]
    return True, sorted(out, key=lambda m: m[1].casefold())


def display_names(ctx: AppContext, users: tuple[str, ...] | list[str]) -> list[str]:
    """The display names of these server users (the user name when the team list lacks it)."""
    _enrolled, members = team_choices(ctx)
    names = dict(members)
    return [names.get(u, u) for u in users]


class HandoverDialog(FormDialog):
    """Choose the responsible case manager, and optionally a second one working as a pair, and
write the handover note they read first."""

    DRAFT_KIND = "handover_note"

    def __init__(self, parent: QWidget | None, ctx: AppContext, case_id: str,
                 connect: Callable[[], object] | None = None) -> None:
        """`connect` opens the form that connects the laptop to a server (offered when it is
        not: the team's users come from there)."""
        super().__init__(parent, self.tr("Hand the case over"))
        self.ctx, self.case_id = ctx, case_id
        current = list(cases.get_case(ctx, case_id).responsible_users)
        self.enrolled, self.members = team_choices(ctx)
        self.first = QComboBox()
        self.first.setAccessibleName(self.tr("Responsible case manager"))
        self.second = QComboBox()
        self.second.setAccessibleName(self.tr("Second case manager, working as a pair"))
        self.second.addItem(self.tr("— nobody —"), None)
        for user, name in self.members:
            self.first.addItem(name, user)
            self.second.addItem(name, user)
        if current:
            self.first.setCurrentIndex(max(0, self.first.findData(current[0])))
        if len(current) > 1:
            self.second.setCurrentIndex(max(0, self.second.findData(current[1])))
        self.note = QLabel(self.tr("When the patient has not agreed to team sharing, only the "
                                   "responsible case managers see the record."))
        self.note.setWordWrap(True)
        self.form.addRow(self.note)
        self.errors.add("responsible", self.first, self.tr("&Responsible case manager:"))
        self.errors.add("responsible_co", self.second, self.tr("In &pair with (optional):"))
        self.handover_note = QPlainTextEdit()
        self.handover_note.setAccessibleName(self.tr("Handover note"))
        self.handover_note.setPlaceholderText(self.tr(
            "What the new case manager should know first: the situation, what is under way, "
            "the people to call, what the patient was told."))
        self.handover_note.setTabChangesFocus(True)
        self.handover_note.setMinimumHeight(140)
        self.errors.add("handover_note", self.handover_note,
                        self.tr("Handover &note (read first):"))
        self.moves = QLabel(self.tr("Planned visits, reviews, discharge calls and procedures of "
                                    "this case move to the new case manager's Today."))
        self.moves.setWordWrap(True)
        self.form.addRow(self.moves)
        self.unavailable = QLabel()
        self.unavailable.setWordWrap(True)
        if not self.enrolled or not self.members:
            self.unavailable.setText(
                self.tr("This laptop is not connected to the organisation's server: the "
                        "team's users are not known here. Connect it to hand the case over.")
                if not self.enrolled else
                self.tr("The server has not listed the team's users yet: synchronise, then "
                        "try again."))
            for w in (self.first, self.second, self.handover_note):
                w.setEnabled(False)
            save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            if save is not None:
                save.setEnabled(False)
        else:
            self.unavailable.hide()
        self.form.insertRow(0, self.unavailable)
        self.connect_button = QPushButton(self.tr("&Connect to a server…"))
        self.connect_button.setVisible(not self.enrolled and connect is not None)
        if connect is not None:
            def connect_instead() -> None:
                self.reject()
                connect()

            self.connect_button.clicked.connect(connect_instead)
        self.form.insertRow(1, self.connect_button)
        self.patient_id = cases.get_case(ctx, case_id).patient_id
        if self.enrolled and self.members:
            self.attach_drafts(ctx, self.patient_id)

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"note": self.handover_note}

    def draft_record(self) -> str | None:
        return self.case_id

    def save(self) -> str | None:
        if not self.enrolled or not self.members:
            return None
        handover.hand_over(self.ctx, self.case_id, self.first.currentData() or "",
                           self.second.currentData(), note=self.handover_note.toPlainText())
        return self.case_id
