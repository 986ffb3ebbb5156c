"""One Relais window per vault (desktop/ui/single_window.py): a second start is told, a lock
left by a dead process is taken over, another vault opens side by side."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.ui import app as ui_app
from desktop.ui.i18n import install_language
from desktop.ui.single_window import hold_vault

HOLDER = """
import sys
from desktop.ui.single_window import hold_vault
lock = hold_vault(sys.argv[1], __import__("pathlib").Path(sys.argv[2]))
print("held" if lock is not None else "refused", flush=True)
sys.stdin.read()  # keeps the lock until the test closes stdin or kills it
"""


def _holder(vault: Path, locks: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(vault), str(locks)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_start_on_an_open_vault_is_refused_until_the_first_quits(
        tmp_path: Path) -> None:
    vault, locks = tmp_path / "vault", tmp_path / "locks"
    first = _holder(vault, locks)
    try:
        assert hold_vault(vault, locks) is None
        assert hold_vault(tmp_path / "another-vault", locks) is not None  # side by side
    finally:
        assert first.stdin is not None
        first.stdin.close()
        first.wait(timeout=30)
    assert hold_vault(vault, locks) is not None


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_lock_left_by_a_killed_window_is_taken_over(tmp_path: Path) -> None:
    vault, locks = tmp_path / "vault", tmp_path / "locks"
    first = _holder(vault, locks)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    deadline = time.monotonic() + 10
    held = hold_vault(vault, locks)
    while held is None and time.monotonic() < deadline:  # the kernel reaps the process
        time.sleep(0.1)
        held = hold_vault(vault, locks)
    assert held is not None


def test_the_app_says_it_is_open_already_and_opens_no_window(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.services.open_lock.lock_folder", lambda: tmp_path / "locks")
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, title, text, *a: said.append((title, text)))
    monkeypatch.setenv("RELAIS_LANG", "fr")
    first = _holder(tmp_path / "vault", tmp_path / "locks")
    try:
        assert ui_app.run_gui(tmp_path / "vault") == 0
    finally:
        assert first.stdin is not None
        first.stdin.close()
        first.wait(timeout=30)
        install_language("fr")
    assert said == [("Relais est déjà ouvert", "Relais est déjà ouvert sur ces dossiers, dans une "
                     "autre fenêtre ou une commande en cours. Utilisez cette fenêtre (cherchez "
                     "Relais dans la barre des tâches) ou attendez la fin de la commande.")]
