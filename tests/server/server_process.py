"""A real `relais-server serve` in a subprocess on loopback, for crash, TLS and load tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx

from desktop.sync.protocol import PROTOCOL_VERSION, SCHEMA_VERSION
from tests import fastkdf

HEADERS = {"Relais-Protocol": str(PROTOCOL_VERSION), "Relais-Schema": str(SCHEMA_VERSION)}
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(fastkdf.argv("server", *args), cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ, **(env or {})}, timeout=120)


class ServerProcess:
    def __init__(self, data_dir: Path, *, tls: bool = False,
                 env: dict[str, str] | None = None, workers: int = 1) -> None:
        self.data_dir = data_dir
        self.workers = workers
        self.port = free_port()
        self.tls = tls
        self.env = env or {}
        self.proc: subprocess.Popen[str] | None = None
        self.output = ""

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ServerProcess:
        args = [*fastkdf.argv("server"), "serve", "--data", str(self.data_dir),
                "--host", "127.0.0.1", "--port", str(self.port)]
        if not self.tls:
            args.append("--no-tls")
        if self.workers > 1:
            args += ["--workers", str(self.workers)]
        self.proc = subprocess.Popen(args, cwd=ROOT, text=True, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT,
                                     env={**os.environ, **self.env}, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + (self.proc.stdout.read()
                                                        if self.proc.stdout else ""))
            try:
                httpx.get(self.url + "/health", verify=False, timeout=1.0)
                return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise TimeoutError("server did not start")

    def kill9(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)  # its own session: workers included
            self.proc.wait(timeout=30)

    def stop(self) -> str:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.kill9()
            if self.proc.stdout is not None:
                self.output += self.proc.stdout.read()
                self.proc.stdout.close()
        return self.output

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
