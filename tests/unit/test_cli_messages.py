"""Command-line messages and scripting (issue 13, items 17 and 19): one translated line for
every argparse error, named values for --keep, --json errors on stdout, restricted patients,
read-only vaults, enrolment names, and `relais-server device revoke` confirming."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import conflict_sides
from desktop.services import sync as sync_service
from desktop.services.context import AppContext
from desktop.storage.models import Patient
from tests.cli_inproc import run_cli
from tests.conftest import PASSPHRASE, TODAY
from tests.e2e.sync_support import Device, LiveServer, Server, add_shared_patient, scratch


@pytest.fixture
def vault(vault_dir: Path) -> Path:
    ctx, _ = AppContext.create(vault_dir, PASSPHRASE, user_name="Anne", today=lambda: TODAY)
    ctx.lock()
    return vault_dir


@pytest.mark.parametrize(("args", "lang", "fragment"), [
    (("patient", "add", "--family-name", "X", "--given-name", "Y", "--gender", "zz"), "en",
     "choose from: female, male, other, unknown"),
    (("case", "open", "--patient", "x", "--requester-type", "zz", "--reason", "r"), "fr",
     "choisissez parmi : patient, relative, gp"),
    (("case", "close", "x", "--reason", "zz", "--date", "2026-01-01"), "nl",
     "kies uit: stabilised, moved"),
    (("contact", "add", "--kind", "zz"), "fr", "choisissez parmi : informal_carer"),
    (("export", "pdf", "--patient", "x", "--out", "x.pdf", "--lang", "de"), "nl",
     "kies uit: fr, nl, en"),
    (("gdpr", "audit", "--limit", "abc"), "fr", "n'est pas un nombre entier"),
    (("patient",), "nl", "ontbreekt: actie"),
    (("nosuch",), "en", "command: “nosuch” is not allowed"),
    (("sync", "--status", "--conflicts"), "en", "cannot be used together"),
    (("patient", "list", "--bogus"), "fr", "option ou argument inconnu : --bogus"),
])
def test_every_argparse_error_is_one_translated_line(vault: Path, args: tuple[str, ...],
                                                     lang: str, fragment: str) -> None:
    r = run_cli(*args, vault=vault if len(args) > 1 else None, env={"RELAIS_LANG": lang})
    assert r.code == 2 and r.out == ""
    assert len(r.err.strip().splitlines()) == 1 and fragment in r.err, r.err
    assert "usage:" not in r.err


def test_json_errors_also_print_a_json_object_on_stdout(vault: Path) -> None:
    r = run_cli("patient", "show", "01900000-0000-7000-8000-000000000000", "--json", vault=vault)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    error = json.loads(r.out)["error"]
    assert error["code"] == "record.not_found" and error["message"] == r.err.strip()
    r = run_cli("patient", "add", "--gender", "zz", "--json", vault=vault)
    assert r.code == 2 and json.loads(r.out)["error"]["code"] == "cli.arg.invalid_choice"


def test_vault_and_json_count_before_the_command_as_after_it(vault: Path) -> None:
    """`relais --vault DIR --json patient list` opened the per-user vault and printed text:
    the command's own defaults overwrote what was given before it."""
    added = run_cli("patient", "add", "--family-name", "Dethier", "--given-name", "Renée",
                    vault=vault)
    assert added.code == 0, added.err
    for argv in (("--vault", str(vault), "--json", "patient", "list"),
                 ("patient", "list", "--vault", str(vault), "--json"),
                 ("--json", "patient", "list", "--vault", str(vault))):
        r = run_cli(*argv)
        assert r.code == 0, (argv, r.err)
        assert [p["family_name"] for p in json.loads(r.out)["patients"]] == ["Dethier"], argv
    # given on both sides, the one after the command counts (closest to it)
    r = run_cli("--vault", str(vault.parent / "nowhere"), "patient", "list", "--vault",
                str(vault))
    assert r.code == 0 and "DETHIER" in r.out, r.err


def test_vault_alone_opens_the_app_on_that_vault(vault: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    """`relais --vault DIR` printed the help and exit 2; `relais` alone opens the app."""
    import desktop.ui.app

    opened: list[Path | None] = []
    monkeypatch.setattr(desktop.ui.app, "run_gui", lambda folder=None: opened.append(folder) or 0)
    assert run_cli("--vault", str(vault)).code == 0
    assert opened == [vault]


def test_arguments_that_are_not_utf8_are_refused(vault: Path) -> None:
    bad = b"Du\xffpont".decode("utf-8", "surrogateescape")  # what Python makes of such bytes
    r = run_cli("patient", "add", "--family-name", bad, "--given-name", "Y", vault=vault)
    assert r.code == 2 and "UTF-8" in r.err and "Unexpected" not in r.err


def test_out_of_range_numbers_are_input_errors(vault: Path) -> None:
    for args in (("gdpr", "audit", "--limit", "99999999999999999999999"),
                 ("gdpr", "audit", "--limit", "0"),
                 ("demo", "--patients", "-1"),
                 ("gdpr", "stats", "--out", "s.csv", "--min-cell", "99999999999999999999")):
        r = run_cli(*args, vault=vault)
        assert r.code == 2 and len(r.err.strip().splitlines()) == 1, (args, r.err)
        assert "Unexpected" not in r.err


def test_demo_twice_on_the_same_vault_works(vault: Path) -> None:
    assert run_cli("demo", "--patients", "4", vault=vault).code == 0
    r = run_cli("demo", "--patients", "4", vault=vault)
    assert r.code == 0, r.err


def test_missing_server_password_names_the_right_variable(vault: Path) -> None:
    r = run_cli("enroll", "--server", "http://127.0.0.1:9", "--user", "anne", vault=vault,
                env={"RELAIS_SERVER_PASSWORD": None})
    assert r.code == 2 and "RELAIS_SERVER_PASSWORD" in r.err and "RELAIS_PASSPHRASE" not in r.err


def test_a_restricted_patient_is_called_restricted_not_missing(vault: Path) -> None:
    pid = run_cli("patient", "add", "--family-name", "Lejeune", "--given-name", "Hélène",
                  vault=vault).out.strip()
    assert run_cli("gdpr", "restrict", "--patient", pid, "--reason", "asked", vault=vault).code == 0
    r = run_cli("patient", "show", pid, vault=vault, env={"RELAIS_LANG": "fr"})
    assert r.code == 2 and "limité" in r.err and "art. 18" in r.err
    r = run_cli("patient", "show", "01900000-0000-7000-8000-000000000000", vault=vault)
    assert r.code == 2 and "restricted" not in r.err


def test_erase_under_retention_restricts_and_says_so(ctx: AppContext, vault_dir: Path) -> None:
    from tests.gdpr_data import make_patient  # a patient who received care

    d = make_patient(ctx, "Keepme")
    ctx.lock()
    r = run_cli("gdpr", "erase", "--patient", d.patient_id, "--reason", "asked", "--json",
                vault=vault_dir)
    assert r.code == 0 and r.err == ""
    data = json.loads(r.out)
    assert data["erased"] is False and data["restricted"] is True
    r = run_cli("gdpr", "erase", "--patient", d.patient_id, "--reason", "asked",
                vault=vault_dir)
    assert r.code == 0 and "restricted instead" in r.out


def _immutable(path: Path, on: bool) -> bool:
    res = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True)
    return res.returncode == 0


@pytest.fixture
def read_only_vault(vault: Path) -> Iterator[Path]:
    """A vault whose folder cannot be written (chmod for a normal user; root ignores modes, so
    the immutable attribute there)."""
    import os

    if os.geteuid() == 0:
        if shutil.which("chattr") is None or not _immutable(vault, True):
            pytest.skip("cannot make a folder read-only here")
        try:
            yield vault
        finally:
            _immutable(vault, False)
    else:
        vault.chmod(0o500)
        try:
            yield vault
        finally:
            vault.chmod(0o700)


def test_a_read_only_vault_is_called_read_only(read_only_vault: Path) -> None:
    for lang, word in (("en", "read-only"), ("fr", "lecture seule"), ("nl", "alleen-lezen")):
        r = run_cli("patient", "list", vault=read_only_vault, env={"RELAIS_LANG": lang})
        assert r.code == 1 and word in r.err and "damaged" not in r.err, r.err
        assert len(r.err.strip().splitlines()) == 1


def test_device_revoke_confirms(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from server.app import create_app
    from server.config import ServerSettings
    from tests.server.conftest import PASSWORD, Api
    from tests.server.test_uvicorn import cli as server_cli

    data = tmp_path / "srv"
    assert server_cli("init", "--data", str(data)).returncode == 0
    assert server_cli("user", "add", "--data", str(data), "--username", "anne",
                      env={"RELAIS_SERVER_PASSWORD": PASSWORD}).returncode == 0
    with TestClient(create_app(ServerSettings.load(data))) as client:
        device = Api(client, "anne").device_id
    r = server_cli("device", "revoke", "--data", str(data), device, env={"RELAIS_LANG": "en"})
    assert r.returncode == 0 and device in r.stdout and "revoked" in r.stdout


def test_enroll_names_the_laptop_and_prints_its_id(vault: Path) -> None:
    import platform

    live = LiveServer(scratch("relais-enroll-name-") / "server")
    try:
        r = run_cli("enroll", "--server", live.url, "--user", "demo", "--json", vault=vault,
                    env={"RELAIS_SERVER_PASSWORD": "demo-password"})
        assert r.code == 0, r.err
        info = json.loads(r.out)
        assert info["device_id"] and info["device_name"] == (platform.node() or "relais")
        from server import admin

        listed = {d["device_id"]: d["name"] for d in admin.list_devices(live.settings)}
        assert listed[info["device_id"]] == info["device_name"]
        r = run_cli("enroll", "--server", live.url, "--user", "demo", "--device-name",
                    "Portable Anne", vault=vault, env={"RELAIS_SERVER_PASSWORD": "demo-password"})
        assert r.code == 0 and "Portable Anne" in r.out
    finally:
        live.stop()


@pytest.fixture
def laptops() -> Iterator[tuple[Device, Device]]:
    folder = scratch("relais-keep-")
    server = Server(folder / "server")
    a, b = Device(folder / "a", server, "a"), Device(folder / "b", server, "b")
    yield a, b
    a.close()
    b.close()
    server.close()


def test_keep_this_laptop_keeps_this_laptops_value_on_either_laptop(
        laptops: tuple[Device, Device]) -> None:
    a, b = laptops
    pid = add_shared_patient(a.ctx, "Dupont")
    a.sync()
    b.sync()

    def set_city(city: str):  # type: ignore[no-untyped-def]
        return lambda uow: uow.update(uow.session.get(Patient, pid), {"city": city})

    a.ctx.write(set_city("Namur"))
    b.ctx.write(set_city("Dinant"))
    a.sync()  # a's value reaches the server first
    b.sync()  # b's arrives second: the conflict
    a.sync()
    [on_a] = sync_service.list_conflicts(a.ctx)
    [on_b] = sync_service.list_conflicts(b.ctx)
    assert on_a.id == on_b.id and on_a.mine == "Dinant" and on_a.theirs == "Namur"
    assert conflict_sides.side_of_this_laptop(a.ctx, on_a.id) == "theirs"
    assert conflict_sides.side_of_this_laptop(b.ctx, on_b.id) == "mine"
    # "mine" on a: a's own value (it used to keep the colleague's, the change that came second)
    assert conflict_sides.service_choice(a.ctx, on_a.id, "mine") == "theirs"
    assert conflict_sides.service_choice(a.ctx, on_a.id, "this-laptop") == "theirs"
    assert conflict_sides.service_choice(a.ctx, on_a.id, "other-laptop") == "mine"
    assert conflict_sides.service_choice(b.ctx, on_b.id, "this-laptop") == "mine"
    assert conflict_sides.service_choice(b.ctx, on_b.id, "theirs") == "theirs"
    sync_service.resolve_conflict(a.ctx, on_a.id,
                                  conflict_sides.service_choice(a.ctx, on_a.id, "this-laptop"))
    assert a.ctx.read(lambda s: s.get(Patient, pid).city) == "Namur"


def test_keep_needs_resolve_and_a_known_side(vault: Path) -> None:
    r = run_cli("sync", "--keep", "this-laptop", vault=vault)
    assert r.code == 2 and "--resolve" in r.err
    r = run_cli("sync", "--resolve", "01900000-0000-7000-8000-000000000000", vault=vault)
    assert r.code == 2 and "this-laptop" in r.err
    r = run_cli("sync", "--resolve", "01900000-0000-7000-8000-000000000000", "--keep", "nope",
                vault=vault, env={"RELAIS_LANG": "fr"})
    assert r.code == 2 and "choisissez parmi : this-laptop, other-laptop, value" in r.err
