"""One Relais window per vault (desktop/ui/single_window.py): a second start is told, a lock
left by a dead process is taken over, another vault opens side by side."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.services.open_lock import hold
from desktop.ui import app as ui_app
from desktop.ui.i18n import install_language
from tests.vault_holder import holder, let_go


def test_a_second_start_on_an_open_vault_is_refused_until_the_first_quits(
        tmp_path: Path) -> None:
    vault, locks = tmp_path / "vault", tmp_path / "locks"
    first = holder(vault, locks)
    try:
        assert hold(vault, locks) is None
        assert hold(tmp_path / "another-vault", locks) is not None  # side by side
    finally:
        let_go(first)
    assert hold(vault, locks) is not None


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_lock_left_by_a_killed_window_is_taken_over(tmp_path: Path) -> None:
    vault, locks = tmp_path / "vault", tmp_path / "locks"
    first = holder(vault, locks)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    deadline = time.monotonic() + 10
    held = hold(vault, locks)
    while held is None and time.monotonic() < deadline:  # the kernel reaps the process
        time.sleep(0.1)
        held = hold(vault, locks)
    assert held is not None


def test_the_app_says_it_is_open_already_and_opens_no_window(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.services.open_lock.lock_folder", lambda: tmp_path / "locks")
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, title, text, *a: said.append((title, text)))
    monkeypatch.setenv("RELAIS_LANG", "fr")
    first = holder(tmp_path / "vault", tmp_path / "locks")
    try:
        assert ui_app.run_gui(tmp_path / "vault") == 0
    finally:
        let_go(first)
        install_language("fr")
    assert said == [("Relais est déjà ouvert", "Relais est déjà ouvert sur ces dossiers, dans une "
                     "autre fenêtre ou une commande en cours. Utilisez cette fenêtre (cherchez "
                     "Relais dans la barre des tâches) ou attendez la fin de la commande.")]
