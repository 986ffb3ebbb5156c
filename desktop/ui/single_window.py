"""One Relais window per vault: a second start on a vault that is already open says so and stops.

Two windows on one vault would each run a sync and a writer over the same outbox, drafts and
auto-lock. The lock is a QLockFile in the per-user data folder, named by a hash of the vault's
path (no path, let alone patient data, in its name). A lock left by a process that died (a
crash, kill -9, a power cut) is taken over at the next start."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget


def lock_folder() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppLocalDataLocation)) / "open"


def hold_vault(folder: Path, locks: Path | None = None) -> QLockFile | None:
    """The lock on `folder`, held until the returned object is unlocked or deleted; None when
    another running Relais holds it."""
    locks = locks or lock_folder()
    locks.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:24]
    lock = QLockFile(str(locks / f"{key}.lock"))
    lock.setStaleLockTime(0)  # never stale by age, only when its process is gone
    return lock if lock.tryLock(0) else None


def say_already_open(parent: QWidget | None = None) -> None:
    tr = QCoreApplication.translate
    QMessageBox.information(parent, tr("SingleWindow", "Relais is already open"), tr(
        "SingleWindow", "Relais is already open on this caseload, in another window. Use that "
        "window: look for Relais in the taskbar."))
