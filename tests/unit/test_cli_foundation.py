"""The command-line contract for vaults and patients: exit codes, --json, nothing written on error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import snapshot_files


@pytest.fixture
def vault(cli, vault_dir: Path) -> Path:  # type: ignore[no-untyped-def]
    res = cli("vault", "init", "--json", "--user", "Anne")
    assert res.code == 0, res.err
    assert len(res.json()["recovery_key"]) == 39
    return vault_dir


def test_add_list_show_json(cli, vault: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("patient", "add", "--family-name", "Lejeune", "--given-name", "Hélène",
              "--niss", "85.07.30-033.28", "--phone", "0470 12 34 56", "--postal-code", "6900",
              "--city", "Marche-en-Famenne", "--json")
    assert res.code == 0, res.err
    pid = res.json()["id"]
    listed = cli("patient", "list", "--search", "helene", "--json").json()["patients"]
    assert [p["id"] for p in listed] == [pid]
    shown = cli("patient", "show", pid, "--json").json()
    assert shown["given_name"] == "Hélène" and shown["phones"] == ["+32470123456"]
    human = cli("patient", "show", pid)
    assert "LEJEUNE Hélène" in human.out and "0470 12 34 56" in human.out
    gp = cli("contact", "add", "--kind", "gp", "--family-name", "Renard", "--given-name", "Guy",
             "--json").json()["id"]
    assert cli("patient", "edit", pid, "--gp", gp).code == 0
    # labels in the user's language, French with its space before the colon
    lines = cli("patient", "show", pid, env={"RELAIS_LANG": "fr"}).out.splitlines()
    assert "  Médecin traitant\u00a0: Guy Renard" in lines, lines
    assert "  Téléphone\u00a0: 0470 12 34 56" in lines, lines
    lines = cli("patient", "show", pid, env={"RELAIS_LANG": "nl"}).out.splitlines()
    assert "  Huisarts: Guy Renard" in lines, lines


@pytest.mark.parametrize(("option", "value", "fragment"), [
    ("--niss", "85.07.30-033.29", "NISS"),
    ("--postal-code", "12345", "Postal code"),
    ("--phone", "12", "Phone"),
    ("--birth-date", "2026-13-01", "Birth date"),
])
def test_bad_input_exits_2_and_changes_nothing(cli, vault: Path, option: str, value: str,  # type: ignore[no-untyped-def]
                                               fragment: str) -> None:
    before = snapshot_files(vault)
    res = cli("patient", "add", "--family-name", "X", "--given-name", "Y", option, value)
    assert res.code == 2
    assert len(res.err.strip().splitlines()) == 1 and fragment in res.err
    assert snapshot_files(vault) == before


def test_messages_follow_the_language(cli, vault: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("patient", "add", "--family-name", "X", "--given-name", "Y", "--postal-code", "12",
              env={"RELAIS_LANG": "fr"})
    assert res.code == 2 and "Code postal" in res.err and "4 chiffres" in res.err
    res = cli("patient", "add", "--family-name", "X", "--given-name", "Y", "--postal-code", "12",
              env={"RELAIS_LANG": "nl"})
    assert res.code == 2 and "Postcode" in res.err


def test_wrong_passphrase_exits_2(cli, vault: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot_files(vault)
    res = cli("patient", "list", env={"RELAIS_PASSPHRASE": "wrong passphrase"})
    assert res.code == 2 and "passphrase" in res.err.lower()
    assert snapshot_files(vault) == before


def test_unknown_id_exits_2(cli, vault: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("patient", "show", "01900000-0000-7000-8000-000000000000").code == 2
    assert cli("patient", "show", "garbage").code == 2


def test_change_passphrase_and_recover(cli, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    recovery = cli("vault", "init", "--json").json()["recovery_key"]
    res = cli("vault", "change-passphrase", env={"RELAIS_NEW_PASSPHRASE": "second passphrase"})
    assert res.code == 0, res.err
    assert cli("vault", "unlock-check").code == 2
    assert cli("vault", "unlock-check", env={"RELAIS_PASSPHRASE": "second passphrase"}).code == 0
    res = cli("vault", "recover", env={"RELAIS_RECOVERY_KEY": recovery,
                                       "RELAIS_NEW_PASSPHRASE": "third passphrase"})
    assert res.code == 0, res.err
    assert cli("vault", "unlock-check", env={"RELAIS_PASSPHRASE": "third passphrase"}).code == 0


def test_demo_creates_patients(cli, vault: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("demo", "--patients", "12", "--json")
    assert res.code == 0, res.err
    listed = cli("patient", "list", "--json").json()["patients"]
    assert len(listed) == 12
    assert all(p["family_name"] and p["city"] for p in listed)


def test_no_vault_is_a_clear_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("patient", "list", "--vault", str(tmp_path / "nowhere"), vault=False)
    assert res.code == 2 and "nowhere" in res.err
