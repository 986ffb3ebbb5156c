"""vault.json: the data key wrapped under the passphrase and under the recovery key.

Argon2id (from `cryptography`) derives a key-encryption key; AES-256-GCM wraps the 256-bit data
key with the vault id as associated data. Changing the passphrase re-wraps only the data key.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import threading
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


# Bounds a vault.json must respect: outside them the file is damaged (a hand-edited or corrupted
# 10⁹ passes or 64 GiB would otherwise hang every command or end in MemoryError).
MIN_LANES, MAX_LANES = 1, 16
MAX_MEMORY_KIB = 1_048_576  # 1 GiB, four times the production setting
MAX_ITERATIONS = 16
SALT_BYTES = (8, 64)
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = 32 + 16  # the data key and the GCM tag


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = DEFAULT_MEMORY_KIB
    iterations: int = DEFAULT_ITERATIONS
    lanes: int = DEFAULT_LANES

    @classmethod
    def default(cls) -> KdfParams:
        return TEST_KDF if _insecure_test_kdf else cls()

    @classmethod
    def recovery(cls) -> KdfParams:
        if _insecure_test_kdf:
            return TEST_KDF
        return cls(memory_kib=RECOVERY_MEMORY_KIB, iterations=RECOVERY_ITERATIONS)

    def weaker_than(self, other: KdfParams) -> bool:
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations

    @classmethod
    def from_slot(cls, kdf: object) -> KdfParams:
        """The parameters stored in a slot, checked against the bounds (ValueError outside)."""
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise ValueError("kdf")
        values = [kdf.get(k) for k in ("memory_kib", "iterations", "lanes")]
        if not all(type(v) is int for v in values):
            raise ValueError("kdf")
        params = cls(*values)  # type: ignore[arg-type]
        if not (MIN_LANES <= params.lanes <= MAX_LANES
                and 1 <= params.iterations <= MAX_ITERATIONS
                and 8 * params.lanes <= params.memory_kib <= MAX_MEMORY_KIB):
            raise ValueError("kdf bounds")
        return params


# Cheap parameters for the test suite only (hundreds of vaults). There is deliberately no
# environment switch: only code running in the same process (tests/conftest.py, the test
# launcher tests/fastkdf.py, the benchmarks and screenshot tools with their throwaway vaults)
# can turn this on. A vault unlocked later in a normal run re-wraps such a slot.
TEST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
_insecure_test_kdf = False


def use_insecure_test_kdf(enabled: bool = True) -> None:
    """Tests, benchmarks and throwaway demo vaults only: new slots get TEST_KDF."""
    global _insecure_test_kdf
    _insecure_test_kdf = enabled


def insecure_test_kdf_enabled() -> bool:
    return _insecure_test_kdf


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """The key-encryption key; taken from a derivation started ahead when one matches."""
    with _ahead_lock:
        pending = _ahead.pop((secret, salt, params), None)
    if pending is not None:
        pending.join()
        if pending.key is not None:
            return pending.key
    return _derive_now(secret, salt, params)


def _derive_now(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


# ---- deriving ahead -------------------------------------------------------------------------
# A command that will open the vault with the passphrase from the environment starts the KDF
# (about a second, on purpose) on a thread at once, and imports SQLAlchemy and the models while
# it runs: Argon2id runs in OpenSSL without holding the GIL. `derive` takes the result when the
# same secret, salt and parameters are asked for; nothing else changes (a wrong passphrase is
# refused by the unwrap, as before).
class _Derivation(threading.Thread):
    def __init__(self, secret: bytes, salt: bytes, params: KdfParams) -> None:
        super().__init__(name="relais-kdf-ahead", daemon=True)
        self._args = (secret, salt, params)
        self.key: bytes | None = None  # None after a failure: `derive` runs it again, and raises

    def run(self) -> None:
        try:
            self.key = _derive_now(*self._args)
        except Exception:  # reported by the synchronous run in `derive`
            self.key = None
        finally:
            self._args = (b"", b"", self._args[2])


_ahead: dict[tuple[bytes, bytes, KdfParams], _Derivation] = {}
_ahead_lock = threading.Lock()


def derive_ahead(envelope_path: Path, secret: bytes, slot: str = "passphrase") -> bool:
    """Start deriving `slot`'s key of the envelope at `envelope_path` on a thread; False when
    the envelope cannot be read (opening the vault then says why)."""
    try:
        kdf = Envelope.load(envelope_path).slots[slot]["kdf"]
        assert isinstance(kdf, dict)
        salt, params = _unb64(str(kdf["salt"])), KdfParams.from_slot(kdf)
    except (VaultError, KeyError, ValueError, AssertionError):
        return False
    job = _Derivation(secret, salt, params)
    with _ahead_lock:
        if (secret, salt, params) in _ahead:
            return True
        _ahead[(secret, salt, params)] = job
    job.start()
    return True


def settle_ahead() -> None:
    """Wait for derivations started ahead that nobody took, and forget them: a process must not
    exit while OpenSSL is still deriving on another thread."""
    with _ahead_lock:
        pending = list(_ahead.values())
        _ahead.clear()
    for job in pending:
        job.join()


def new_recovery_key() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def normalize_recovery_key(text: str) -> bytes:
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    return cleaned.encode("ascii", "ignore")


def _wrap(kek: bytes, data_key: bytes | bytearray, vault_id: str) -> dict[str, str]:
    nonce = os.urandom(12)
    ct = AESGCM(kek).encrypt(nonce, data_key, vault_id.encode())
    return {"nonce": _b64(nonce), "ciphertext": _b64(ct)}


def _unwrap(kek: bytes, wrapped: dict[str, str], vault_id: str) -> bytearray:
    """Into a bytearray the caller zeroes (lock()): no immutable copy of the data key."""
    ciphertext = _unb64(wrapped["ciphertext"])
    key = bytearray(len(ciphertext) - 16)
    AESGCM(kek).decrypt_into(_unb64(wrapped["nonce"]), ciphertext, vault_id.encode(), key)
    return key


@dataclass
class Envelope:
    vault_id: str
    created_at: str
    slots: dict[str, dict[str, object]]  # "passphrase" and "recovery"

    # ---- creation and (re)wrapping -------------------------------------------------------
    @classmethod
    def create(cls, vault_id: str, created_at: str, data_key: bytes | bytearray, passphrase: str,
               recovery_key: str, *, throwaway: bool = False) -> Envelope:
        """`throwaway=True` (the packaged self-test's temporary vault only) uses TEST_KDF."""
        env = cls(vault_id, created_at, {})
        env.set_slot("passphrase", passphrase.encode("utf-8"), data_key,
                     TEST_KDF if throwaway else KdfParams.default())
        env.set_slot("recovery", normalize_recovery_key(recovery_key), data_key,
                     TEST_KDF if throwaway else KdfParams.recovery())
        return env

    def slot_params(self, name: str) -> KdfParams:
        return KdfParams.from_slot(self.slots[name]["kdf"])

    def needs_rewrap(self, name: str) -> bool:
        """A slot written with weaker parameters than today's (an older build, a test vault)."""
        target = KdfParams.default() if name == "passphrase" else KdfParams.recovery()
        return self.slot_params(name).weaker_than(target)

    def set_slot(self, name: str, secret: bytes, data_key: bytes | bytearray,
                 params: KdfParams) -> None:
        salt = os.urandom(16)
        kek = derive(secret, salt, params)
        self.slots[name] = {
            "kdf": {"name": "argon2id", "salt": _b64(salt), **asdict(params)},
            **_wrap(kek, data_key, self.vault_id),
        }

    def open_slot(self, name: str, secret: bytes) -> bytearray:
        slot = self.slots[name]
        kdf = slot["kdf"]
        assert isinstance(kdf, dict)
        params = self.slot_params(name)  # checked in load()
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
        atomic_write(path, self.to_json(), vault=True)

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
                if len(_unb64(slot["nonce"])) != NONCE_BYTES:
                    raise ValueError("nonce")
                if len(_unb64(slot["ciphertext"])) != WRAPPED_KEY_BYTES:
                    raise ValueError("ciphertext")
                if not SALT_BYTES[0] <= len(_unb64(slot["kdf"]["salt"])) <= SALT_BYTES[1]:
                    raise ValueError("salt")
                KdfParams.from_slot(slot["kdf"])
            return cls(str(doc["vault_id"]), str(doc["created_at"]), slots)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise VaultError("vault.envelope_damaged") from exc
