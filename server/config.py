"""Server settings. `relais-server init` writes them to DATA/server.json; `serve` reads them back."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

SETTINGS_FILE = "server.json"


@dataclass
class ServerSettings:
    data_dir: Path
    # SQLAlchemy URL; empty → SQLite file DATA/relais-server.db. PostgreSQL:
    # "postgresql+psycopg://user@host:5432/dbname"
    database_url: str = ""
    max_body_bytes: int = 16 * 1024 * 1024
    login_rate_limit: int = 5  # failed logins per user name or client address per window
    login_window_seconds: int = 60
    tombstone_max_age_days: int = 90
    token_lifetime_days: int = 365
    tombstone_gc_interval_seconds: int = 3600
    pool_size: int = 20

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'relais-server.db'}"
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

    def save(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        data = asdict(self)
        data["data_dir"] = str(self.data_dir)
        (self.data_dir / SETTINGS_FILE).write_text(json.dumps(data, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, data_dir: Path) -> ServerSettings:
        """Settings saved by `init`, or the defaults for that directory."""
        path = Path(data_dir) / SETTINGS_FILE
        if not path.exists():
            return cls(data_dir=Path(data_dir))
        data = json.loads(path.read_text(encoding="utf-8"))
        data["data_dir"] = Path(data_dir)
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})
