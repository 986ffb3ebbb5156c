"""The vault: encryption at rest, key envelope, damaged files, passphrase change and recovery."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from desktop.services import patients
from desktop.services.context import AppContext
from desktop.storage.errors import VaultError
from desktop.storage.vault import Vault, check_database, last_full_check
from tests.conftest import PASSPHRASE, snapshot_files

SECRET_NAME = "Zénobie"
SECRET_FAMILY = "Vandeputte-Quirynen"
SECRET_NISS = "85073003328"
SECRET_PHONE = "0470123456"


def _store_patient(vault_dir: Path) -> str:
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    pid = patients.add_patient(ctx, patients.PatientFields(
        family_name=SECRET_FAMILY, given_name=SECRET_NAME, niss=SECRET_NISS,
        phones=["0470 12 34 56"], postal_code="5000", city="Namur"))
    ctx.lock()
    return pid


@pytest.fixture
def created(vault_dir: Path) -> str:
    ctx, recovery = AppContext.create(vault_dir, PASSPHRASE)
    ctx.lock()
    return recovery


def test_no_plaintext_on_disk(vault_dir: Path, created: str) -> None:
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    patients.add_patient(ctx, patients.PatientFields(
        family_name=SECRET_FAMILY, given_name=SECRET_NAME, niss=SECRET_NISS,
        phones=["0470 12 34 56"]))
    # look at the files while the vault is still open (WAL and SHM exist) and after closing
    files_open = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    ctx.lock()
    files_closed = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    assert any(name.endswith("-wal") for name in files_open)
    needles = [s.encode() for s in (SECRET_NAME, SECRET_FAMILY, SECRET_NISS, SECRET_PHONE, "+32470123456")]
    needles += [SECRET_NAME.encode("utf-16-le"), SECRET_FAMILY.encode("utf-16-le")]
    for files in (files_open, files_closed):
        for name, data in files.items():
            for needle in needles:
                assert needle not in data, f"{needle!r} found in {name}"


def test_standard_sqlcipher_file(vault_dir: Path, created: str) -> None:
    _store_patient(vault_dir)
    with pytest.raises(sqlite3.DatabaseError):
        plain = sqlite3.connect(vault_dir / "relais.db")
        plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    vault = Vault.open(vault_dir, PASSPHRASE)
    key = vault.raw_key_hex()
    vault.lock()
    conn = sqlcipher3.connect(str(vault_dir / "relais.db"))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    assert conn.execute("SELECT family_name FROM patient").fetchall() == [(SECRET_FAMILY,)]
    conn.close()


def test_wrong_passphrase_changes_nothing(vault_dir: Path, created: str) -> None:
    _store_patient(vault_dir)
    before = snapshot_files(vault_dir)
    with pytest.raises(VaultError) as err:
        Vault.open(vault_dir, "not the passphrase")
    assert err.value.code == "vault.wrong_passphrase"
    assert snapshot_files(vault_dir) == before


@pytest.mark.parametrize("damage", ["truncated", "garbage", "bad_base64", "wrong_format"])
def test_damaged_envelope_changes_nothing(vault_dir: Path, created: str, damage: str) -> None:
    _store_patient(vault_dir)
    env = vault_dir / "vault.json"
    raw = env.read_bytes()
    if damage == "truncated":
        env.write_bytes(raw[: len(raw) // 2])
    elif damage == "garbage":
        env.write_bytes(b"\x00\xff" * 100)
    elif damage == "bad_base64":
        doc = json.loads(raw)
        doc["slots"]["passphrase"]["ciphertext"] = "%%%not base64"
        env.write_text(json.dumps(doc))
    else:
        doc = json.loads(raw)
        doc["format_version"] = 99
        env.write_text(json.dumps(doc))
    before = snapshot_files(vault_dir)
    with pytest.raises(VaultError) as err:
        Vault.open(vault_dir, PASSPHRASE)
    assert err.value.code == "vault.envelope_damaged"
    assert snapshot_files(vault_dir) == before


def _damage_page(vault_dir: Path, page_no: int) -> None:
    db = vault_dir / "relais.db"
    data = bytearray(db.read_bytes())
    page = 4096
    if page_no < 0:
        page_no += len(data) // page + 1
    assert len(data) >= page_no * page
    start = (page_no - 1) * page
    for offset in range(start + 100, start + 164):  # scramble bytes inside the page
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))


def _check_due(vault_dir: Path) -> None:
    """As if the last full check were more than a week old."""
    vault = Vault.open(vault_dir, PASSPHRASE)
    with vault.writer_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE vault_info SET v = '2020-01-01T00:00:00+00:00' "
                             "WHERE k = 'integrity_checked_at'")
    vault.lock()


def test_damaged_database_pages_change_nothing(vault_dir: Path, created: str) -> None:
    _store_patient(vault_dir)
    _check_due(vault_dir)
    _damage_page(vault_dir, 3)
    before = snapshot_files(vault_dir)
    with pytest.raises(VaultError) as err:
        Vault.open(vault_dir, PASSPHRASE)
    assert err.value.code == "vault.database_damaged"
    assert snapshot_files(vault_dir) == before


def test_full_check_is_weekly_not_at_each_open(vault_dir: Path, created: str) -> None:
    _store_patient(vault_dir)
    _check_due(vault_dir)
    v = Vault.open(vault_dir, PASSPHRASE)  # due: the full check runs and is recorded
    key = bytearray(bytes.fromhex(v.raw_key_hex()))
    assert last_full_check(v.writer_engine) > "2020-01-01T00:00:00+00:00"
    v.lock()
    assert check_database(vault_dir / "relais.db", key) is False  # recorded: not due again
    # a page no opening reads is damaged: opening does not see it (its HMAC is checked when
    # the page is read), the on-demand check does
    _damage_page(vault_dir, -1)
    Vault.open(vault_dir, PASSPHRASE).lock()
    before = snapshot_files(vault_dir)
    with pytest.raises(VaultError) as err:
        Vault.check(vault_dir, PASSPHRASE)
    assert err.value.code == "vault.database_damaged"
    assert snapshot_files(vault_dir) == before
    assert check_database(vault_dir / "relais.db", key, full=False) is False
    with pytest.raises(VaultError):
        check_database(vault_dir / "relais.db", key, full=True)


def test_change_passphrase_rewraps_key_only(vault_dir: Path, created: str) -> None:
    pid = _store_patient(vault_dir)
    db_before = (vault_dir / "relais.db").read_bytes()
    Vault.change_passphrase(vault_dir, PASSPHRASE, "a brand new passphrase")
    assert (vault_dir / "relais.db").read_bytes() == db_before
    with pytest.raises(VaultError):
        Vault.open(vault_dir, PASSPHRASE)
    ctx = AppContext.open(vault_dir, "a brand new passphrase")
    assert patients.get_patient(ctx, pid).given_name == SECRET_NAME
    ctx.lock()
    Vault.open_with_recovery_key(vault_dir, created).lock()


def test_change_passphrase_with_wrong_old_changes_nothing(vault_dir: Path, created: str) -> None:
    before = snapshot_files(vault_dir)
    with pytest.raises(VaultError):
        Vault.change_passphrase(vault_dir, "wrong old passphrase", "a brand new passphrase")
    assert snapshot_files(vault_dir) == before


def test_recover_sets_new_passphrase(vault_dir: Path, created: str) -> None:
    pid = _store_patient(vault_dir)
    # the recovery key is accepted in any case and with or without dashes
    Vault.recover(vault_dir, created.lower().replace("-", " "), "recovered passphrase")
    ctx = AppContext.open(vault_dir, "recovered passphrase")
    assert patients.get_patient(ctx, pid).family_name == SECRET_FAMILY
    ctx.lock()
    with pytest.raises(VaultError) as err:
        Vault.recover(vault_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "another passphrase")
    assert err.value.code == "vault.wrong_recovery_key"


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(VaultError) as err:
        Vault.create(tmp_path / "v", "short")
    assert err.value.code == "vault.passphrase_too_short"
    assert not (tmp_path / "v").exists()


def test_create_refuses_existing_vault(vault_dir: Path, created: str) -> None:
    before = snapshot_files(vault_dir)
    with pytest.raises(VaultError) as err:
        Vault.create(vault_dir, PASSPHRASE)
    assert err.value.code == "vault.exists"
    assert snapshot_files(vault_dir) == before


def test_unwritable_folder(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        # root ignores permission bits: use a path under a regular file instead
        blocker = tmp_path / "file"
        blocker.write_text("x")
        with pytest.raises(VaultError):
            Vault.create(blocker / "vault", PASSPHRASE)
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(VaultError) as err:
            Vault.create(folder / "vault", PASSPHRASE)
        assert err.value.code == "vault.not_writable"
    finally:
        folder.chmod(0o700)


def test_lock_overwrites_key_and_refuses_work(ctx: AppContext) -> None:
    vault = ctx.vault
    ctx.lock()
    assert vault.is_locked
    assert not any(vault._key)
    with pytest.raises(VaultError) as err:
        patients.list_patients(ctx)
    assert err.value.code == "vault.locked"


def test_envelope_records_kdf_parameters(vault_dir: Path, created: str) -> None:
    doc = json.loads((vault_dir / "vault.json").read_text())
    kdf = doc["slots"]["passphrase"]["kdf"]
    assert kdf["name"] == "argon2id"
    assert {"salt", "memory_kib", "iterations", "lanes"} <= set(kdf)
    assert doc["cipher"] == "AES-256-GCM"
