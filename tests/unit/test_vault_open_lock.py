"""One process at a time on a vault (desktop/services/open_lock.py): a command on a vault the app
(or another command) holds is refused and changes nothing; a running command keeps the app
out; a lock is never left behind by a process that died."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

import pytest

from desktop.commands.common import open_context
from desktop.services.context import AppContext
from desktop.services.open_lock import hold
from tests.cli_inproc import run_cli
from tests.conftest import PASSPHRASE
from tests.vault_holder import holder, let_go


@pytest.fixture
def locks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "locks"
    monkeypatch.setattr("desktop.services.open_lock.lock_folder", lambda: folder)
    return folder


def test_a_command_on_a_vault_open_elsewhere_is_refused_and_changes_nothing(
        vault_dir: Path, locks: Path) -> None:
    AppContext.create(vault_dir, PASSPHRASE, user_name="Anne Lambert")[0].lock()
    other = holder(vault_dir, locks)
    try:
        res = run_cli("vault", "change-passphrase", vault=vault_dir,
                      env={"RELAIS_NEW_PASSPHRASE": "another passphrase", "RELAIS_LANG": "fr"})
        assert res.code == 1
        assert "Relais est déjà ouvert sur ces dossiers" in res.err
        assert "rien n'a été fait" in res.err
        res = run_cli("patient", "add", "--family-name", "Dubois", "--given-name", "Jeanne",
                      vault=vault_dir)
        assert res.code == 1 and "already open" in res.err
    finally:
        let_go(other)
    # the passphrase is the old one and no patient was added
    assert run_cli("vault", "unlock-check", vault=vault_dir).code == 0
    listed = run_cli("patient", "list", "--json", vault=vault_dir)
    assert listed.code == 0 and listed.json()["patients"] == []


def test_a_running_command_keeps_the_app_and_other_commands_out(
        vault_dir: Path, locks: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    AppContext.create(vault_dir, PASSPHRASE)[0].lock()
    monkeypatch.setenv("RELAIS_PASSPHRASE", PASSPHRASE)
    with open_context(argparse.Namespace(vault=str(vault_dir))):
        assert hold(vault_dir, locks) is None
        assert run_cli("patient", "list", vault=vault_dir).code == 1
    again = hold(vault_dir, locks)
    assert again is not None  # the command let go when it ended
    again.release()


def test_vaults_side_by_side_and_a_lock_given_back(tmp_path: Path) -> None:
    locks = tmp_path / "locks"
    first = hold(tmp_path / "one", locks)
    assert first is not None
    assert hold(tmp_path / "one", locks) is None
    (tmp_path / "other").mkdir()
    assert hold(tmp_path / "other" / ".." / "one", locks) is None  # another spelling of it
    other = hold(tmp_path / "two", locks)
    assert other is not None
    first.release()
    assert hold(tmp_path / "one", locks) is not None
    other.release()
    # nothing of the path in the lock's name
    assert all("one" not in p.name and "two" not in p.name for p in locks.iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_process_killed_holding_the_lock_leaves_it_free(tmp_path: Path) -> None:
    locks = tmp_path / "locks"
    other = holder(tmp_path / "vault", locks)
    os.kill(other.pid, signal.SIGKILL)
    other.wait(timeout=30)
    held = hold(tmp_path / "vault", locks)  # at once: the system dropped it with the process
    assert held is not None
    held.release()


def test_a_home_folder_that_cannot_lock_still_opens_the_vault(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")  # the lock folder cannot be made: opened without the lock
    held = hold(tmp_path / "vault", blocked / "locks")
    assert held is not None
    held.release()
