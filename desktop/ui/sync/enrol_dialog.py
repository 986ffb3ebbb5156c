"""Connecting a laptop that skipped the first-run assistant's server page: the same form
(`desktop.ui.enrol_form`), reached from the status bar's "Connect to a server…" and from the
settings. Once enrolled, the first sync starts at once: until then nothing of the caseload is
kept anywhere but on this laptop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.ui.enrol_form import EnrolForm
from desktop.ui.fit import grow_to_content


class EnrolDialog(QDialog):
    def __init__(self, parent: QWidget, ctx: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a server"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Your administrator gives you the server address, your user name "
                               "and the server's fingerprint. Once connected, this computer "
                               "keeps a copy of your caseload on the server and shares it with "
                               "your team."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = EnrolForm(lambda: ctx, lambda: self.tr(
            "This computer is enrolled. The first sync starts now."))
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._update)
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def _update(self) -> None:
        # not closed half-way through a request (its answer would reach a closed dialog)
        self.buttons.setEnabled(not self.form.busy)
        if self.isVisible():  # the fingerprint and its buttons appeared: room for them
            QTimer.singleShot(0, lambda: grow_to_content(self))

    def reject(self) -> None:
        if not self.form.busy:
            super().reject()


def connect_to_server(window: Any) -> EnrolDialog:
    """Open the dialog over `window`; once enrolled, the window's sync starts and its status
    bar says so."""
    dialog = EnrolDialog(window, window.ctx)

    def enrolled() -> None:
        controller = getattr(window, "sync_controller", None)
        if controller is not None:
            controller.failures = 0
            controller.sync_now()
        window.bus.changed.emit("sync")

    dialog.form.enrolled_now.connect(enrolled)
    dialog.open()
    return dialog
