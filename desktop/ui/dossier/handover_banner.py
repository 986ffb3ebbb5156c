"""The handover note at the top of the dossier (issue 19, item 5): when a case of this patient was
handed over to this laptop's user and they have not acknowledged the note yet, it is the first
thing the dossier shows, above the tabs, until "I have read it"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.services import handover
from desktop.ui.i18n import error_message

if TYPE_CHECKING:
    from desktop.ui.dossier.window import DossierWindow

STYLE = ("QFrame#handoverBanner { background: #fff4d6; border: 1px solid #d9a400; "
         "border-radius: 4px; }")


class HandoverBanner(QFrame):
    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        self.note_id: str | None = None
        self.setObjectName("handoverBanner")
        self.setStyleSheet(STYLE)
        self.setAccessibleName(self.tr("Handover note to read"))
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the note is the user's text
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setMaximumHeight(180)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        self.read_button = QPushButton(self.tr("I have &read it"))
        self.read_button.setToolTip(self.tr("The note leaves your Today and this dossier; it "
                                            "stays in the case's history"))
        self.read_button.clicked.connect(self.acknowledge)
        row.addWidget(self.read_button)
        layout.addLayout(row)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.dossier.ctx
        if ctx.is_locked:
            return
        notes = handover.to_read(ctx, self.dossier.patient_id)
        if not notes:
            self.note_id = None
            self.hide()
            return
        h = notes[0]
        self.note_id = h.id
        self.title.setText(self.tr("Case handed over to you by {name} on {date}").format(
            name=h.from_name or "?", date=short_date(h.handed_over_on)))
        self.text.setText(h.note)
        self.error.hide()
        self.show()

    def acknowledge(self) -> bool:
        if self.note_id is None:
            return False
        try:
            handover.open_note(self.dossier.ctx, self.note_id)
        except DomainError as exc:
            self.error.setText(error_message(exc))
            self.error.show()
            return False
        self.dossier.bus.changed.emit("handover")
        self.refresh()
        return True


def create_banner(dossier: DossierWindow) -> HandoverBanner:
    return HandoverBanner(dossier)
