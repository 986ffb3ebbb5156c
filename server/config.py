"""Server settings. `relais-server init` writes them to DATA/server.json; `serve` reads them back."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

SETTINGS_FILE = "server.json"
DB_FILE = "relais-server.db"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    if not url.startswith("sqlite"):
        return None
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def _with_sqlite_path(url: str, path: Path) -> str:
    return make_url(url).set(database=str(path)).render_as_string(hide_password=False)


def private_dir(folder: Path) -> None:
    """Create FOLDER (and its parents) if needed; a folder created here is 0700 whatever the
    umask. An existing folder keeps its mode (the administrator chose it)."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by its owner only (0600 whatever the umask, also when it existed)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class ServerSettings:
    data_dir: Path
    # SQLAlchemy URL; empty → SQLite file DATA/relais-server.db. PostgreSQL:
    # "postgresql+psycopg://user@host:5432/dbname"
    database_url: str = ""
    max_body_bytes: int = 16 * 1024 * 1024
    # failed logins of one user name from one address (server/login_limits.py): the first
    # login_rate_limit are free, then each waits login_backoff_seconds, doubling up to
    # login_backoff_max_seconds; failures older than login_forget_seconds no longer count
    login_rate_limit: int = 5
    login_backoff_seconds: int = 1
    login_backoff_max_seconds: int = 900
    login_forget_seconds: int = 86400
    login_state_max_entries: int = 100_000  # failed-login rows kept at most (oldest go first)
    # request-log rows of unauthenticated requests kept at most (oldest go first): a flood of
    # anonymous requests must not fill the disk; authenticated requests are all kept
    request_log_anonymous_max: int = 100_000
    # addresses (or networks, "10.0.0.0/8") of reverse proxies whose X-Forwarded-For is believed;
    # from anyone else the header is ignored
    trusted_proxies: list[str] = field(default_factory=list)
    tombstone_max_age_days: int = 90
    token_lifetime_days: int = 365
    tombstone_gc_interval_seconds: int = 3600
    pool_size: int = 20

    def __post_init__(self) -> None:
        # absolute: `init --data srv` run from one folder, `device revoke` from another must
        # open the same database (a relative path would open, or create, another one)
        self.data_dir = Path(self.data_dir).expanduser().resolve()
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / DB_FILE}"
        db_file = sqlite_path(self.database_url)
        if db_file is not None and not db_file.is_absolute():
            self.database_url = _with_sqlite_path(self.database_url, db_file.resolve())
        for prefix in ("postgresql://", "postgres://"):  # psycopg 3 is the installed driver
            if self.database_url.startswith(prefix):
                self.database_url = "postgresql+psycopg://" + self.database_url[len(prefix):]

    @property
    def tls_dir(self) -> Path:
        return self.data_dir / "tls"

    @property
    def cert_file(self) -> Path:
        return self.tls_dir / "cert.pem"

    @property
    def key_file(self) -> Path:
        return self.tls_dir / "key.pem"

    @property
    def sqlite_file(self) -> Path | None:
        return sqlite_path(self.database_url)

    def save(self) -> None:
        """Write DATA/server.json, 0600 in a 0700 folder: it can hold a database password."""
        private_dir(self.data_dir)
        data = asdict(self)
        data["data_dir"] = str(self.data_dir)
        write_private(self.data_dir / SETTINGS_FILE, json.dumps(data, indent=2).encode("utf-8"))

    @classmethod
    def load(cls, data_dir: Path) -> ServerSettings:
        """Settings saved by `init`, or the defaults for that directory."""
        path = Path(data_dir) / SETTINGS_FILE
        if not path.exists():
            return cls(data_dir=Path(data_dir))
        data = json.loads(path.read_text(encoding="utf-8"))
        data["data_dir"] = Path(data_dir)
        db_file = sqlite_path(str(data.get("database_url") or ""))
        if db_file is not None and not db_file.is_absolute():
            # written by an older `init` relative to the folder it ran in: the default database
            # lives in the data directory
            data["database_url"] = _with_sqlite_path(data["database_url"],
                                                     Path(data_dir).resolve() / db_file.name)
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})
