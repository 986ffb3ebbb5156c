"""vault.json's KDF parameters are bounded, and cheap Argon2 exists for the test suite only.

Issue 13, items 3 and 4: out-of-bounds parameters are a damaged vault (one line, at once); the
old RELAIS_INSECURE_FAST_KDF environment switch has no effect on a real `relais` run; a slot
weaker than the production parameters is re-wrapped at the next unlock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.context import AppContext
from desktop.storage import envelope
from desktop.storage.envelope import TEST_KDF, KdfParams
from desktop.storage.errors import VaultError
from desktop.storage.vault import Vault
from server import security
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _slots(folder: Path) -> dict[str, dict[str, object]]:
    return json.loads((folder / "vault.json").read_text())["slots"]  # type: ignore[no-any-return]


def _kdf(folder: Path, slot: str) -> dict[str, object]:
    kdf = _slots(folder)[slot]["kdf"]
    assert isinstance(kdf, dict)
    return kdf


@pytest.fixture
def locked_vault(ctx: AppContext, vault_dir: Path) -> Path:
    ctx.lock()
    return vault_dir


@pytest.fixture
def production_kdf() -> Iterator[None]:
    """What a real (non-test) process uses: the cheap switch off, for this test only."""
    envelope.use_insecure_test_kdf(False)
    security.use_insecure_test_hashes(False)
    try:
        yield
    finally:
        envelope.use_insecure_test_kdf()
        security.use_insecure_test_hashes()


# ---- item 3: bounds ---------------------------------------------------------------------------
BAD_PARAMS = [
    ("iterations", 10**9),
    ("memory_kib", 64 * 1024 * 1024),  # 64 GiB
    ("lanes", 0),
    ("lanes", 10**6),
    ("memory_kib", 0),
    ("memory_kib", -1),
    ("iterations", 0),
    ("iterations", "2"),
    ("memory_kib", 8192.5),
    ("lanes", True),
    ("name", "scrypt"),
    ("salt", "AAAA"),  # 3 bytes: Argon2 needs 8
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("field", "value"), BAD_PARAMS)
@pytest.mark.parametrize("slot", ["passphrase", "recovery"])
def test_out_of_bounds_kdf_parameters_are_a_damaged_vault(locked_vault: Path, slot: str,
                                                          field: str, value: object) -> None:
    doc = json.loads((locked_vault / "vault.json").read_text())
    doc["slots"][slot]["kdf"][field] = value
    (locked_vault / "vault.json").write_text(json.dumps(doc))
    before = (locked_vault / "vault.json").read_bytes()
    with pytest.raises(VaultError) as err:
        Vault.open(locked_vault, PASSPHRASE)
    assert err.value.code == "vault.envelope_damaged"
    with pytest.raises(VaultError) as err:
        Vault.open_with_recovery_key(locked_vault, "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789")
    assert err.value.code == "vault.envelope_damaged"
    assert (locked_vault / "vault.json").read_bytes() == before


@pytest.mark.timeout(120)
@pytest.mark.parametrize("field", ["nonce", "ciphertext"])
def test_wrong_sized_nonce_or_ciphertext_is_a_damaged_vault(locked_vault: Path, field: str) -> None:
    doc = json.loads((locked_vault / "vault.json").read_text())
    doc["slots"]["passphrase"][field] = "AAAA"
    (locked_vault / "vault.json").write_text(json.dumps(doc))
    with pytest.raises(VaultError) as err:
        Vault.open(locked_vault, PASSPHRASE)
    assert err.value.code == "vault.envelope_damaged"


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("lang", "words"), [("en", "damaged"), ("fr", "endommagé"),
                                            ("nl", "beschadigd")])
def test_cli_says_damaged_in_one_line(locked_vault: Path, cli, lang: str, words: str) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads((locked_vault / "vault.json").read_text())
    doc["slots"]["passphrase"]["kdf"]["iterations"] = 10**9
    doc["slots"]["recovery"]["kdf"]["memory_kib"] = 64 * 1024 * 1024
    (locked_vault / "vault.json").write_text(json.dumps(doc))
    r = cli("vault", "unlock-check", env={"RELAIS_LANG": lang})
    assert r.code == 1
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "vault.json" in lines[0], r.err
    assert "Unexpected" not in r.err and "MemoryError" not in r.err


def test_production_and_test_parameters_are_within_bounds() -> None:
    for params in (KdfParams(), KdfParams(memory_kib=envelope.RECOVERY_MEMORY_KIB,
                                          iterations=envelope.RECOVERY_ITERATIONS), TEST_KDF):
        doc = {"name": "argon2id", "memory_kib": params.memory_kib,
               "iterations": params.iterations, "lanes": params.lanes}
        assert KdfParams.from_slot(doc) == params


# ---- item 4: no environment switch; weak slots re-wrapped ------------------------------------
def test_the_old_environment_switch_has_no_effect_on_a_real_relais(locked_vault: Path) -> None:
    """A real `relais` (not the test launcher) with RELAIS_INSECURE_FAST_KDF=1: the passphrase
    slot it writes has the production parameters (one slow slot, the old one is cheap)."""
    env = {**os.environ, "RELAIS_INSECURE_FAST_KDF": "1", "RELAIS_PASSPHRASE": PASSPHRASE,
           "RELAIS_NEW_PASSPHRASE": "another good passphrase", "RELAIS_LANG": "en"}
    proc = subprocess.run([sys.executable, "-m", "desktop", "vault", "change-passphrase",
                           "--vault", str(locked_vault)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    kdf = _kdf(locked_vault, "passphrase")
    prod = KdfParams()
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (
        prod.memory_kib, prod.iterations, prod.lanes)


def test_a_weak_slot_is_rewrapped_at_the_next_unlock(locked_vault: Path,
                                                     production_kdf: None) -> None:
    assert _kdf(locked_vault, "passphrase")["memory_kib"] == TEST_KDF.memory_kib
    recovery_before = _slots(locked_vault)["recovery"]
    vault = Vault.open(locked_vault, PASSPHRASE)
    vault.lock()
    kdf = _kdf(locked_vault, "passphrase")
    assert (kdf["memory_kib"], kdf["iterations"]) == (KdfParams().memory_kib, KdfParams().iterations)
    assert _slots(locked_vault)["recovery"] == recovery_before  # its secret was not given
    # the new slot opens the same vault; a strong slot is left alone
    before = (locked_vault / "vault.json").read_bytes()
    Vault.open(locked_vault, PASSPHRASE).lock()
    assert (locked_vault / "vault.json").read_bytes() == before


def test_a_throwaway_vault_keeps_its_cheap_slots(tmp_path: Path, production_kdf: None) -> None:
    """The packaged self-test's temporary vault asks for the cheap KDF explicitly."""
    ctx, _ = AppContext.create(tmp_path / "v", "self-test-passphrase", throwaway=True)
    ctx.lock()
    assert _kdf(tmp_path / "v", "passphrase")["memory_kib"] == TEST_KDF.memory_kib
    assert _kdf(tmp_path / "v", "recovery")["memory_kib"] == TEST_KDF.memory_kib
    AppContext.open(tmp_path / "v", "self-test-passphrase", throwaway=True).lock()
    assert _kdf(tmp_path / "v", "passphrase")["memory_kib"] == TEST_KDF.memory_kib


def test_server_password_hashes_ignore_the_old_switch(monkeypatch: pytest.MonkeyPatch,
                                                      production_kdf: None) -> None:
    monkeypatch.setenv("RELAIS_INSECURE_FAST_KDF", "1")
    phc = security.hash_password("a password")
    iterations, lanes, memory = security.PRODUCTION_ARGON2
    assert f"m={memory},t={iterations},p={lanes}" in phc
    assert security.verify_password("a password", phc)
