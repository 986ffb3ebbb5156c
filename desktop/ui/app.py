"""GUI entry point: language, vault location, create or unlock, then the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desktop.ui.i18n import install_language, saved_language, settings

if TYPE_CHECKING:
    from desktop.services.context import AppContext

ENVELOPE_NAME = "vault.json"  # desktop.storage.vault.ENVELOPE_NAME (a test keeps them equal)

log = logging.getLogger(__name__)


def vault_folder() -> Path:
    env = os.environ.get("RELAIS_VAULT")
    if env:
        return Path(env)
    saved = settings().value("vault/path")
    if saved:
        return Path(str(saved))
    from desktop.resources import default_vault_dir

    return default_vault_dir()


def vault_exists(folder: Path) -> bool:
    """`desktop.storage.vault.vault_exists` without importing the storage layer."""
    return (Path(folder) / ENVELOPE_NAME).exists()


def preload() -> None:
    """Import what the unlocked window needs (run on the task manager, off the GUI thread).
    The unlock dialog is on screen before the vault's modules (SQLAlchemy, SQLCipher, Alembic,
    the models) are imported: they load in the background while the passphrase is typed."""
    import desktop.services.caseload  # noqa: F401
    import desktop.services.context  # noqa: F401
    import desktop.services.today  # noqa: F401


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Relais")
    app.setOrganizationName("Relais")
    QApplication.setApplicationDisplayName("Relais")
    install_language(os.environ.get("RELAIS_LANG") or saved_language())
    from desktop.ui.accessibility import apply_accessibility

    apply_accessibility(app)  # visible focus everywhere, text contrast >= 4.5:1
    return app  # type: ignore[return-value]


def run_gui(folder: Path | None = None) -> int:
    """The app on `folder` (`relais --vault DIR`), else on vault_folder()."""
    logging.basicConfig(level=logging.WARNING)
    app = make_app()
    from desktop.services.open_lock import hold
    from desktop.ui.single_window import say_already_open

    folder = folder or vault_folder()
    held = hold(folder)
    if held is None:
        say_already_open()
        return 0
    with held:  # until the app quits
        return _run_window(app, folder)


def _run_window(app: QApplication, folder: Path) -> int:
    from desktop.ui.fit import show_main
    from desktop.ui.main_window import MainWindow

    window = MainWindow(folder)
    app.installEventFilter(window.idle)
    if not vault_exists(folder):
        ctx = _first_run(folder)
        if ctx is None:
            return 0
        window.set_context(ctx)
        show_main(window)
    else:
        show_main(window)
        window.ask_unlock()
        from desktop.ui.workers import run_in_background

        run_in_background(window, preload, lambda _r: None, lambda _e: None)
    return app.exec()


def _first_run(folder: Path) -> AppContext | None:
    from desktop.ui.first_run.wizard import run_first_run

    return run_first_run(folder)
