"""One Relais window per vault: a start on a vault that is already open (another window, or a
`relais` command running on it) says so and stops. The lock itself, shared with the command
line, is desktop/services/open_lock.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import open_lock
from desktop.services.open_lock import OpenLock


def hold_vault(folder: Path, locks: Path | None = None) -> OpenLock | None:
    """The lock on `folder`, held until released or the process ends; None when another
    running Relais holds it."""
    return open_lock.hold(folder, locks)


def say_already_open(parent: QWidget | None = None) -> None:
    tr = QCoreApplication.translate
    QMessageBox.information(parent, tr("SingleWindow", "Relais is already open"), tr(
        "SingleWindow", "Relais is already open on this caseload, in another window or a "
        "command that is running. Use that window (look for Relais in the taskbar), or wait "
        "for the command to finish."))
