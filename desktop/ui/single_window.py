"""One Relais window per vault: a start on a vault that is already open (another window, or a
`relais` command running on it) says so and stops. The lock itself, shared with the command
line, is desktop/services/open_lock.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def say_already_open(parent: QWidget | None = None) -> None:
    tr = QCoreApplication.translate
    QMessageBox.information(parent, tr("SingleWindow", "Relais is already open"), tr(
        "SingleWindow", "Relais is already open on this caseload, in another window or a "
        "command that is running. Use that window (look for Relais in the taskbar), or wait "
        "for the command to finish."))
