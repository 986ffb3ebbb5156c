"""The vault: a folder with `relais.db` (SQLCipher 4) and `vault.json` (the key envelope)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from desktop.domain.ids import uuid7
from desktop.storage import migrate
from desktop.storage.engine import make_engine
from desktop.storage.envelope import Envelope, KdfParams, new_recovery_key, normalize_recovery_key
from desktop.storage.errors import VaultError
from desktop.storage.fsutil import create_private_file, private_folder, translate_os_error
from desktop.storage.keying import apply_key, wipe

DB_NAME = "relais.db"
ENVELOPE_NAME = "vault.json"
MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise VaultError("vault.passphrase_too_short", "passphrase", min=MIN_PASSPHRASE)


def vault_exists(folder: Path) -> bool:
    return (folder / ENVELOPE_NAME).exists()


class Vault:
    """An unlocked vault. `lock()` closes every connection and overwrites the key bytes."""

    def __init__(self, folder: Path, vault_id: str, key: bytearray | None) -> None:
        self.folder = folder
        self.vault_id = vault_id
        self._key = key
        self.db_path = folder / DB_NAME
        self.writer_engine: Engine = make_engine(self.db_path, self._key, writer=True)
        self.reader_engine: Engine = make_engine(self.db_path, self._key, writer=False)

    # ---- lifecycle ---------------------------------------------------------------------
    @classmethod
    def create(cls, folder: Path, passphrase: str, *, throwaway: bool = False) -> tuple[Vault, str]:
        """Create an empty vault; returns it unlocked and the recovery key (shown once).

        `throwaway=True` (the packaged self-test's temporary vault only) wraps the key with the
        cheap test KDF."""
        check_new_passphrase(passphrase)
        folder = Path(folder)
        if vault_exists(folder) or (folder / DB_NAME).exists():
            raise VaultError("vault.exists", path=str(folder))
        try:
            private_folder(folder)  # 0700: the vault is nobody else's business
            probe = folder / f".write-probe-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise translate_os_error(exc, folder) from exc
        key = bytearray(secrets.token_bytes(32))
        vault_id = uuid7()
        recovery = new_recovery_key()
        created = False
        try:
            create_private_file(folder / DB_NAME)  # 0600 whatever the umask, -wal/-shm too
            conn = sqlcipher3.connect(str(folder / DB_NAME))
            try:
                apply_key(conn, key, folder / DB_NAME)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("CREATE TABLE vault_info (k TEXT PRIMARY KEY, v TEXT)")
                conn.execute("INSERT INTO vault_info VALUES ('vault_id', ?)", (vault_id,))
                conn.commit()
            finally:
                conn.close()
            created = True
            now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
            Envelope.create(vault_id, now, key, passphrase, recovery,
                            throwaway=throwaway).save(folder / ENVELOPE_NAME)
            vault = cls(folder, vault_id, key)
            migrate.upgrade(vault.writer_engine, vault.db_path)
            record_full_check(vault.writer_engine)
        except (OSError, sqlcipher3.Error, VaultError) as exc:
            # a half-created vault must not be left behind
            if created or (folder / DB_NAME).exists():
                for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", ENVELOPE_NAME):
                    with contextlib.suppress(OSError):
                        (folder / name).unlink()
            if isinstance(exc, VaultError):
                raise
            if isinstance(exc, OSError):
                raise translate_os_error(exc, folder) from exc
            raise VaultError("vault.disk_full" if "full" in str(exc) else "vault.database_damaged") from exc
        return vault, recovery

    @classmethod
    def open(cls, folder: Path, passphrase: str, *, throwaway: bool = False) -> Vault:
        """`throwaway=True` (the self-test) keeps a cheap slot as it is instead of re-wrapping."""
        folder = Path(folder)
        env = Envelope.load(folder / ENVELOPE_NAME)
        secret = passphrase.encode("utf-8")
        key = env.open_slot("passphrase", secret)
        vault = cls._open_with_key(folder, env, key)
        if not throwaway:
            _upgrade_slot(folder, env, "passphrase", secret, key)
        return vault

    @classmethod
    def open_with_recovery_key(cls, folder: Path, recovery_key: str) -> Vault:
        folder = Path(folder)
        env = Envelope.load(folder / ENVELOPE_NAME)
        secret = normalize_recovery_key(recovery_key)
        key = env.open_slot("recovery", secret)
        vault = cls._open_with_key(folder, env, key)
        _upgrade_slot(folder, env, "recovery", secret, key)
        return vault

    @classmethod
    def _open_with_key(cls, folder: Path, env: Envelope, key: bytearray) -> Vault:
        db_path = folder / DB_NAME
        try:
            if not db_path.exists():
                raise VaultError("vault.database_damaged")
            full = check_database(db_path, key)
            if not _writable(db_path):
                # SQLite cannot open a WAL database it may not write
                raise VaultError("vault.read_only", path=str(folder))
        except VaultError as exc:
            wipe(key)
            if exc.code == "vault.database_damaged" and db_path.exists() and not _writable(db_path):
                # SQLite cannot open a WAL database it may not write: say so, not "damaged"
                raise VaultError("vault.read_only", path=str(folder)) from exc
            raise
        except BaseException:
            wipe(key)
            raise
        vault = cls(folder, env.vault_id, key)
        try:
            migrate.upgrade(vault.writer_engine, db_path)
        except VaultError:
            vault.lock()
            raise
        if full:
            record_full_check(vault.writer_engine)
        return vault

    @classmethod
    def check(cls, folder: Path, passphrase: str) -> None:
        """The full integrity check on demand (`relais vault check`); raises
        VaultError("vault.database_damaged") on damage, records the date when it passes."""
        folder = Path(folder)
        env = Envelope.load(folder / ENVELOPE_NAME)
        key = env.open_slot("passphrase", passphrase.encode("utf-8"))
        try:
            check_database(folder / DB_NAME, key, full=True)
        except BaseException:
            wipe(key)
            raise
        vault = cls(folder, env.vault_id, key)
        record_full_check(vault.writer_engine)
        vault.lock()

    def lock(self) -> None:
        self.writer_engine.dispose()
        self.reader_engine.dispose()
        if self._key is None:
            return
        for i in range(len(self._key)):
            self._key[i] = 0

    @property
    def is_locked(self) -> bool:
        return self._key is not None and not any(self._key)

    @classmethod
    def plain_for_benchmark(cls, folder: Path) -> Vault:
        """An UNENCRYPTED store with the same schema: only the benchmarks' baseline uses it."""
        folder.mkdir(parents=True, exist_ok=True)
        conn = sqlcipher3.connect(str(folder / DB_NAME))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        vault = cls(folder, "benchmark-baseline", None)
        migrate.upgrade(vault.writer_engine, vault.db_path)
        return vault

    # ---- key management ----------------------------------------------------------------
    @staticmethod
    def change_passphrase(folder: Path, old: str, new: str) -> None:
        """Re-wrap the data key only: relais.db is not touched."""
        check_new_passphrase(new)
        path = Path(folder) / ENVELOPE_NAME
        env = Envelope.load(path)
        key = env.open_slot("passphrase", old.encode("utf-8"))
        try:
            env.set_slot("passphrase", new.encode("utf-8"), key, KdfParams.default())
        finally:
            wipe(key)
        env.save(path)

    @staticmethod
    def recover(folder: Path, recovery_key: str, new: str) -> None:
        """Set a new passphrase with the recovery key (the recovery key stays valid)."""
        check_new_passphrase(new)
        path = Path(folder) / ENVELOPE_NAME
        env = Envelope.load(path)
        key = env.open_slot("recovery", normalize_recovery_key(recovery_key))
        try:
            env.set_slot("passphrase", new.encode("utf-8"), key, KdfParams.default())
        finally:
            wipe(key)
        env.save(path)

    def raw_key_hex(self) -> str:
        """For tests that prove the file is standard SQLCipher 4."""
        assert self._key is not None
        return bytes(self._key).hex()


def _upgrade_slot(folder: Path, env: Envelope, name: str, secret: bytes, key: bytearray) -> None:
    """A slot weaker than today's KDF parameters (an older build, a vault made by the test
    suite) is re-wrapped with them now that the secret is known. Best effort: a read-only
    folder keeps the old slot and the vault still opens."""
    if not env.needs_rewrap(name):
        return
    params = KdfParams.default() if name == "passphrase" else KdfParams.recovery()
    env.set_slot(name, secret, key, params)
    with contextlib.suppress(VaultError):
        env.save(folder / ENVELOPE_NAME)


def _writable(db_path: Path) -> bool:
    """The database file and its folder (for the -wal and -shm files) can be written."""
    return os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK)


INTEGRITY_EVERY = dt.timedelta(days=7)
_CHECKED_KEY = "integrity_checked_at"


def check_database(db_path: Path, key: bytearray, *, full: bool | None = None) -> bool:
    """Check the database on a read-only connection; nothing is written. Returns whether the
    full check ran.

    Every open reads the header and the schema (their HMACs are checked: a wrong key or a
    damaged start of file is caught here); every other page has its HMAC checked whenever it is
    read. The full check (every page's HMAC, then `PRAGMA quick_check`) grows with the vault:
    it runs when `full` is True, or, when `full` is None, if the last one recorded in the vault
    is older than INTEGRITY_EVERY (or never ran). `relais vault check` runs it on demand."""
    # the cheap part reads the main file only (immutable: no -wal/-shm is created, so a refused
    # open leaves the folder as it was)
    if full is not True:
        conn = _connect_ro(db_path, key, immutable=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            full = _full_check_due(conn)
        except sqlcipher3.Error as exc:
            raise VaultError("vault.database_damaged") from exc
        finally:
            conn.close()
    if not full:
        return False
    conn = _connect_ro(db_path, key, immutable=False)
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if rows:
            raise VaultError("vault.database_damaged")
        ok = conn.execute("PRAGMA quick_check").fetchone()
        if not ok or ok[0] != "ok":
            raise VaultError("vault.database_damaged")
    except sqlcipher3.Error as exc:
        raise VaultError("vault.database_damaged") from exc
    finally:
        conn.close()
    return True


def _connect_ro(db_path: Path, key: bytearray, *, immutable: bool) -> sqlcipher3.Connection:
    uri = f"file:{db_path}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlcipher3.connect(uri, uri=True)
    except sqlcipher3.Error as exc:
        raise VaultError("vault.database_damaged") from exc
    try:
        apply_key(conn, key, db_path)
    except BaseException:
        conn.close()
        raise
    return conn


def _full_check_due(conn: sqlcipher3.Connection) -> bool:
    try:
        row = conn.execute("SELECT v FROM vault_info WHERE k = ?", (_CHECKED_KEY,)).fetchone()
    except sqlcipher3.OperationalError:  # no vault_info table (the benchmarks' baseline)
        return True
    if row is None or not row[0]:
        return True
    try:
        last = dt.datetime.fromisoformat(row[0])
    except ValueError:
        return True
    now = dt.datetime.now(dt.UTC)
    return not (now - INTEGRITY_EVERY < last <= now + dt.timedelta(days=1))


def record_full_check(engine: Engine) -> None:
    """Remember in the vault that the full check passed now (best effort: a read-only vault
    simply checks again at its next open)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    with contextlib.suppress(Exception), engine.begin() as conn:
        conn.exec_driver_sql("INSERT OR REPLACE INTO vault_info (k, v) VALUES (?, ?)",
                             (_CHECKED_KEY, now))


def last_full_check(engine: Engine) -> str | None:
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT v FROM vault_info WHERE k = ?", (_CHECKED_KEY,)).fetchone()
    return row[0] if row else None
