"""vault.json: the data key wrapped under the passphrase and under the recovery key.

Argon2id (from `cryptography`) derives a key-encryption key; AES-256-GCM wraps the 256-bit data
key with the vault id as associated data. Changing the passphrase re-wraps only the data key.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from desktop.storage.errors import VaultError
from desktop.storage.fsutil import atomic_write

FORMAT = "relais-vault"
FORMAT_VERSION = 1
# Tuned to ~0.5 s on a 2-core laptop-class machine (256 MiB, 2 passes, 4 lanes).
DEFAULT_MEMORY_KIB = 262_144
DEFAULT_ITERATIONS = 2
DEFAULT_LANES = 4
# Recovery keys carry 160 random bits; a lighter KDF is enough for them.
RECOVERY_MEMORY_KIB = 65_536
RECOVERY_ITERATIONS = 1
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = DEFAULT_MEMORY_KIB
    iterations: int = DEFAULT_ITERATIONS
    lanes: int = DEFAULT_LANES

    @classmethod
    def default(cls) -> KdfParams:
        # Test suites create hundreds of vaults; this switch exists for them only.
        if os.environ.get("RELAIS_INSECURE_FAST_KDF") == "1":
            return cls(memory_kib=8192, iterations=1, lanes=1)
        return cls()

    @classmethod
    def recovery(cls) -> KdfParams:
        if os.environ.get("RELAIS_INSECURE_FAST_KDF") == "1":
            return cls(memory_kib=8192, iterations=1, lanes=1)
        return cls(memory_kib=RECOVERY_MEMORY_KIB, iterations=RECOVERY_ITERATIONS)


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def new_recovery_key() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def normalize_recovery_key(text: str) -> bytes:
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    return cleaned.encode("ascii", "ignore")


def _wrap(kek: bytes, data_key: bytes, vault_id: str) -> dict[str, str]:
    nonce = os.urandom(12)
    ct = AESGCM(kek).encrypt(nonce, data_key, vault_id.encode())
    return {"nonce": _b64(nonce), "ciphertext": _b64(ct)}


def _unwrap(kek: bytes, wrapped: dict[str, str], vault_id: str) -> bytes:
    return AESGCM(kek).decrypt(_unb64(wrapped["nonce"]), _unb64(wrapped["ciphertext"]), vault_id.encode())


@dataclass
class Envelope:
    vault_id: str
    created_at: str
    slots: dict[str, dict[str, object]]  # "passphrase" and "recovery"

    # ---- creation and (re)wrapping -------------------------------------------------------
    @classmethod
    def create(cls, vault_id: str, created_at: str, data_key: bytes, passphrase: str,
               recovery_key: str) -> Envelope:
        env = cls(vault_id, created_at, {})
        env.set_slot("passphrase", passphrase.encode("utf-8"), data_key, KdfParams.default())
        env.set_slot("recovery", normalize_recovery_key(recovery_key), data_key, KdfParams.recovery())
        return env

    def set_slot(self, name: str, secret: bytes, data_key: bytes, params: KdfParams) -> None:
        salt = os.urandom(16)
        kek = derive(secret, salt, params)
        self.slots[name] = {
            "kdf": {"name": "argon2id", "salt": _b64(salt), **asdict(params)},
            **_wrap(kek, data_key, self.vault_id),
        }

    def open_slot(self, name: str, secret: bytes) -> bytes:
        slot = self.slots[name]
        kdf = slot["kdf"]
        assert isinstance(kdf, dict)
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
        kek = derive(secret, _unb64(str(kdf["salt"])), params)
        try:
            return _unwrap(kek, slot, self.vault_id)  # type: ignore[arg-type]
        except InvalidTag as exc:
            code = "vault.wrong_passphrase" if name == "passphrase" else "vault.wrong_recovery_key"
            raise VaultError(code) from exc

    # ---- file I/O ------------------------------------------------------------------------
    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "cipher": "AES-256-GCM",
            "slots": self.slots,
        }
        return json.dumps(doc, indent=2, sort_keys=True).encode()

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> Envelope:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise VaultError("vault.not_found", path=str(path.parent)) from exc
        try:
            doc = json.loads(raw)
            if doc.get("format") != FORMAT or doc.get("format_version") != FORMAT_VERSION:
                raise ValueError("format")
            slots = doc["slots"]
            for name in ("passphrase", "recovery"):
                slot = slots[name]
                _unb64(slot["nonce"])
                _unb64(slot["ciphertext"])
                _unb64(slot["kdf"]["salt"])
                int(slot["kdf"]["memory_kib"])
            return cls(str(doc["vault_id"]), str(doc["created_at"]), slots)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultError("vault.envelope_damaged") from exc
