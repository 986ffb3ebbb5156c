"""UI fixtures: a main window on an unlocked test vault (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.services.context import AppContext


@pytest.fixture
def main_window(qtbot, ctx: AppContext, vault_dir) -> Iterator:  # type: ignore[no-untyped-def]
    """MainWindow showing the test vault `ctx` (French UI unless a test installs another)."""
    from desktop.ui.app import make_app
    from desktop.ui.main_window import MainWindow

    make_app()
    window = MainWindow(vault_dir, ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    for dossier in list(window.dossiers.values()):
        dossier.close()
