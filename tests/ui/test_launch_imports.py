"""Launch → unlock dialog imports only what the dialog needs (issue 16, item 1): the vault's
modules (SQLAlchemy, SQLCipher, Alembic, the models) load after the dialog is on screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.storage import vault
from desktop.ui import app


def test_the_unlock_dialog_modules_do_not_import_the_storage_layer() -> None:
    code = ("import sys, desktop.ui.app, desktop.ui.main_window, desktop.ui.dialogs.unlock; "
            "print(sorted(m for m in ('sqlalchemy', 'sqlcipher3', 'alembic', 'desktop.storage.vault',"
            " 'desktop.services.context') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"


def test_the_app_knows_a_vault_as_the_storage_layer_does(ctx, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert app.ENVELOPE_NAME == vault.ENVELOPE_NAME
    assert app.vault_exists(vault_dir) and vault.vault_exists(vault_dir)
    assert not app.vault_exists(tmp_path) and not vault.vault_exists(tmp_path)


def test_the_unlocked_window_does_not_load_the_sync_client() -> None:
    """Today, the status bar and the sync controller ask where sync stands through
    desktop.services.sync_status: the HTTP client, pydantic and the engine (about 26 MB) load
    with the first sync, not at every unlock (issue 16, target 6)."""
    code = ("import sys, desktop.ui.main_window, desktop.ui.today_page, desktop.ui.pages, "
            "desktop.ui.sync.status_widget, desktop.ui.sync.controller, "
            "desktop.ui.consent.audit_page, desktop.services.today; "
            "print(sorted(m for m in ('httpx', 'pydantic', 'desktop.sync.client', "
            "'desktop.sync.engine', 'desktop.services.sync') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
