"""The server keeps an idle connection longer than any client does: a connection closed by the
server just as a client reused it failed that request ("Server disconnected without sending a
response", `bench sync --only devices`, paced: devices idle between pushes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpcore
import pytest

from server import cli


def test_serve_keeps_idle_connections_longer_than_the_clients(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from desktop.sync.client import pinned_transport

    assert cli.main(["init", "--data", str(tmp_path / "srv")]) == 0
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *_a, **kw: seen.update(kw))
    assert cli.main(["serve", "--data", str(tmp_path / "srv"), "--no-tls"]) == 0
    pool: httpcore.ConnectionPool = pinned_transport("00" * 32)._pool
    laptop = pool._keepalive_expiry
    assert laptop is not None
    assert seen["timeout_keep_alive"] > max(laptop, 5.0)  # 5 s: httpx's default
