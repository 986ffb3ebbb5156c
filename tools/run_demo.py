"""`make run`: create (once) a demo vault in the per-user data folder, then open the app on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.resources import user_data_folder

if TYPE_CHECKING:
    from desktop.services.context import AppContext

DEMO_PASSPHRASE = "demo-relais-2026"
DEMO_PROFILE = {"organisation_name": "Coordination de soins — démonstration",
                "case_manager_phone": "081 22 33 44", "case_manager_email": "demo@relais.example"}
DEMO_PATIENTS = 60


def demo_vault_dir() -> Path:
    return user_data_folder() / "demo-vault"


def ensure_demo_vault(folder: Path, server_url: str | None = None) -> bool:
    """Make the demo vault unless it exists; True when made now. With the demo server's URL it
    is enrolled first, as a case manager's laptop is before her first case: the demo's cases
    then name her as their responsible case manager (who sees a patient without team
    sharing); without a server they name no one."""
    from desktop import demo
    from desktop.services import preferences
    from desktop.services.context import AppContext
    from desktop.services.vault_admin import vault_exists

    if vault_exists(folder):
        return False
    print(f"Creating the demo vault ({DEMO_PATIENTS} patients)…", flush=True)
    ctx, _recovery = AppContext.create(folder, DEMO_PASSPHRASE, user_name="Démo — gestionnaire de cas")
    try:
        if server_url is not None:
            enrol(ctx, server_url)
        demo.generate(ctx, DEMO_PATIENTS, seed=2026)
        # the handouts' "my case manager" line carries a number to call, as a real one would
        preferences.update(ctx, DEMO_PROFILE)
    finally:
        ctx.lock()
    return True


DEMO_SERVER_PORT = 8765


def demo_server_dir() -> Path:
    return user_data_folder() / "demo-server"


def forget_demo_server(data: Path) -> None:
    """A new demo vault starts with a new demo server: the old one still holds the previous
    demo's patients, which the new vault (the same draw) would pull as doubles of its own."""
    if data.is_dir():
        shutil.rmtree(data)


def start_demo_server(data: Path) -> tuple[subprocess.Popen[bytes], str] | None:
    """A local relais-server on loopback with the demo organisation (user demo), so sync works
    out of the box. None if it cannot start (the app then simply works offline)."""
    import socket
    import time

    import httpx

    from server import admin
    from server.config import ServerSettings
    from server.db import Database

    settings = ServerSettings(data_dir=data)
    settings.save()
    Database(settings).dispose()  # migrate before serving
    admin.bootstrap_demo(settings)
    port = DEMO_SERVER_PORT
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", port)) == 0:  # taken: any free port
            with socket.socket() as free:
                free.bind(("127.0.0.1", 0))
                port = free.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "server", "serve", "--data", str(data),
                             "--host", "127.0.0.1", "--port", str(port), "--no-tls"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/openapi.json", timeout=1)
            return proc, url
        except httpx.HTTPError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    proc.terminate()
    print("The demo server did not start: the app works offline.", flush=True)
    return None


def enrol(ctx: AppContext, url: str) -> None:
    """The demo vault enrolled with the demo server at `url` (user demo), unless it is."""
    from desktop.services import sync
    from desktop.services.sync_status import is_enrolled
    from desktop.sync import state

    enrolled = ctx.read(lambda s: state.get(s, state.SERVER_URL))
    if enrolled != url or not is_enrolled(ctx):
        sync.enroll(ctx, url, "demo", "demo-password", device_name="demo laptop")


def enrol_demo_vault(folder: Path, url: str) -> None:
    from desktop.services.context import AppContext

    ctx = AppContext.open(folder, DEMO_PASSPHRASE)
    try:
        enrol(ctx, url)
    finally:
        ctx.lock()


def main() -> int:
    from desktop.services.open_lock import hold

    folder = Path(os.environ.get("RELAIS_DEMO_VAULT") or demo_vault_dir())
    env = {**os.environ, "RELAIS_VAULT": str(folder)}
    held = hold(folder)
    if held is None:
        # the app is open on the demo vault already: touch nothing (no second demo server, no
        # enrolment moved under it); the app started below says so and points to its window
        return open_app(env)
    with held:
        server = prepare(folder)
    try:
        return open_app(env)
    finally:
        if server is not None:  # quitting the app stops the demo server
            server[0].terminate()
            try:
                server[0].wait(timeout=10)
            except subprocess.TimeoutExpired:
                server[0].kill()


def prepare(folder: Path) -> tuple[subprocess.Popen[bytes], str] | None:
    """The demo vault made (once) and enrolled with a demo server started for this run."""
    from desktop.services.vault_admin import vault_exists

    data = demo_server_dir()
    if not vault_exists(folder):
        forget_demo_server(data)
    server = start_demo_server(data)
    url = server[1] if server is not None else None
    if not ensure_demo_vault(folder, url) and url is not None:
        enrol_demo_vault(folder, url)
    print()
    print(f"  Demo vault:       {folder}")
    print(f"  Demo passphrase:  {DEMO_PASSPHRASE}")
    if server is not None:
        print(f"  Demo sync server: {server[1]} (user demo / demo-password)")
    print()
    return server


def open_app(env: dict[str, str]) -> int:
    return subprocess.call([sys.executable, "-m", "desktop"], env=env)


if __name__ == "__main__":
    sys.exit(main())
