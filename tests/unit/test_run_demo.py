"""`make run`'s demo vault (tools/run_demo.py): made once, with a case manager to call."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services import documents, preferences
from desktop.services.context import AppContext
from desktop.storage.models import Patient
from tools import run_demo


def test_the_demo_vault_names_a_case_manager_to_call(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's handouts read "Mon gestionnaire de cas : Démo — gestionnaire de cas" with no
    number beside it."""
    monkeypatch.setattr(run_demo, "DEMO_PATIENTS", 3)
    folder = tmp_path / "demo-vault"
    assert run_demo.ensure_demo_vault(folder)  # made now
    ctx = AppContext.open(folder, run_demo.DEMO_PASSPHRASE)
    try:
        profile = preferences.profile(ctx)
        assert profile.case_manager_phone == "+3281223344"  # stored E.164
        assert profile.organisation_name and profile.case_manager_email
        pid = ctx.read(lambda s: s.scalar(select(Patient.id).limit(1)))
        assert documents.handout_data(ctx, pid).case_manager_phone == "081 22 33 44"
    finally:
        ctx.lock()
    assert not run_demo.ensure_demo_vault(folder)  # made once: a second run keeps it


def test_a_new_demo_vault_starts_with_a_new_demo_server(tmp_path: Path) -> None:
    """A demo vault made again (the same draw) pulled the previous demo's patients from the
    demo server: every patient twice."""
    data = tmp_path / "demo-server"
    (data / "sub").mkdir(parents=True)
    (data / "relais-server.db").write_bytes(b"previous demo")
    run_demo.forget_demo_server(data)
    assert not data.exists()
    run_demo.forget_demo_server(data)  # nothing there: nothing to do


def test_make_run_with_the_demo_open_already_touches_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second `make run` while the app is open on the demo vault started a second demo
    server on the same data and enrolled the open vault with it, under the running window."""
    from desktop.services.open_lock import hold

    locks = tmp_path / "locks"
    monkeypatch.setattr("desktop.services.open_lock.lock_folder", lambda: locks)
    monkeypatch.setenv("RELAIS_DEMO_VAULT", str(tmp_path / "demo-vault"))
    prepared: list[Path] = []
    opened: list[str] = []
    monkeypatch.setattr(run_demo, "prepare", lambda folder: prepared.append(folder))
    monkeypatch.setattr(run_demo, "open_app", lambda env: opened.append(env["RELAIS_VAULT"]) or 0)
    window = hold(tmp_path / "demo-vault", locks)  # the open app
    assert window is not None
    assert run_demo.main() == 0
    assert prepared == [] and opened == [str(tmp_path / "demo-vault")]  # it says it is open
    window.release()
    assert run_demo.main() == 0
    assert prepared == [tmp_path / "demo-vault"]


def test_the_demo_cases_name_the_demo_user_as_responsible(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every demo dossier read "Gestionnaire de cas responsable : —": the demo was generated
    before the vault was enrolled, so no case named its user (who alone sees a patient that
    refused team sharing). The vault is now enrolled first, as a real laptop is."""
    from desktop.services import cases
    from desktop.services.sync_status import is_enrolled
    from server.local import LocalServer

    monkeypatch.setattr(run_demo, "DEMO_PATIENTS", 3)
    with LocalServer(tmp_path / "server") as server:
        assert run_demo.ensure_demo_vault(tmp_path / "demo-vault", server.url)
    ctx = AppContext.open(tmp_path / "demo-vault", run_demo.DEMO_PASSPHRASE)
    try:
        assert is_enrolled(ctx)
        pids = ctx.read(lambda s: list(s.scalars(select(Patient.id))))
        opened = [c for pid in pids for c in cases.list_cases(ctx, pid) if c.is_open]
        assert opened and all(c.responsible_users == ("demo",) for c in opened)
    finally:
        ctx.lock()
