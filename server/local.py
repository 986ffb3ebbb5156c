"""A server on loopback for `make run`: demo organisation (team "Équipe Namur", user demo /
demo-password), plain HTTP on 127.0.0.1, stopped with the app.

    with LocalServer(data_dir) as server:
        ... enrol the demo vault at server.url, run the app ...
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

PORT_FILE = "local-port"
DEFAULT_PORT = 8765


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _choose_port(data_dir: Path) -> int:
    """The same port as last time when possible: an enrolled vault remembers the server URL."""
    path = data_dir / PORT_FILE
    try:
        remembered = int(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        remembered = DEFAULT_PORT
    if _port_free(remembered):
        return remembered
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalServer:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> str:
        from server import admin
        from server.config import SETTINGS_FILE, ServerSettings
        from server.db import Database

        self.data_dir.mkdir(parents=True, exist_ok=True)
        settings = ServerSettings.load(self.data_dir)
        if not (self.data_dir / SETTINGS_FILE).exists():
            settings.save()
        Database(settings).dispose()  # create or migrate
        if not admin.has_organisation(settings):
            admin.create_organisation(settings, "Relais démo")
        admin.bootstrap_demo(settings)
        self.port = _choose_port(self.data_dir)
        (self.data_dir / PORT_FILE).write_text(str(self.port), encoding="utf-8")
        log = (self.data_dir / "server.log").open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--data", str(self.data_dir),
             "--host", "127.0.0.1", "--port", str(self.port), "--no-tls"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"local server exited (see {self.data_dir / 'server.log'})")
            try:
                if httpx.get(self.url + "/health", timeout=1.0).status_code == 200:
                    return self.url
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise TimeoutError("local server did not start")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
