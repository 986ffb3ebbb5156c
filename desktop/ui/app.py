"""GUI entry point: language, vault location, create or unlock, then the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.commands.common import default_vault_dir
from desktop.services.vault_admin import vault_exists
from desktop.ui.i18n import install_language, saved_language, settings

log = logging.getLogger(__name__)


def vault_folder() -> Path:
    env = os.environ.get("RELAIS_VAULT")
    if env:
        return Path(env)
    saved = settings().value("vault/path")
    return Path(str(saved)) if saved else default_vault_dir()


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Relais")
    app.setOrganizationName("Relais")
    QApplication.setApplicationDisplayName("Relais")
    install_language(os.environ.get("RELAIS_LANG") or saved_language())
    from desktop.ui.accessibility import apply_accessibility

    apply_accessibility(app)  # visible focus everywhere, text contrast >= 4.5:1
    return app  # type: ignore[return-value]


def run_gui() -> int:
    logging.basicConfig(level=logging.WARNING)
    app = make_app()
    from desktop.ui.main_window import MainWindow

    folder = vault_folder()
    window = MainWindow(folder)
    app.installEventFilter(window.idle)
    if not vault_exists(folder):
        ctx = _first_run(folder)
        if ctx is None:
            return 0
        window.set_context(ctx)
        window.show()
    else:
        window.show()
        window.ask_unlock()
    return app.exec()


def _first_run(folder: Path):  # type: ignore[no-untyped-def]
    try:
        from desktop.ui.first_run.wizard import run_first_run
    except ModuleNotFoundError:
        from desktop.ui.dialogs.create_vault import CreateVaultDialog

        dialog = CreateVaultDialog(folder)
        return dialog.ctx if dialog.exec() else None
    return run_first_run(folder)
