"""`relais enroll` over https never sends the password to an unconfirmed certificate (issue 13,
item 13): without --fingerprint it shows the fingerprint and asks on a terminal, and refuses
without one; a malformed --fingerprint is an input error (exit 2, one line).
"""

from __future__ import annotations

import os
import pty
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import sync as sync_service
from desktop.services.context import AppContext
from server import admin
from tests import fastkdf
from tests.e2e.sync_support import PASSPHRASE, LiveServer, copy_template, scratch


@pytest.fixture(scope="module")
def tls_server() -> Iterator[LiveServer]:
    live = LiveServer(scratch("relais-enroll-fp-") / "server", tls=True)
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "v"
    copy_template("vault", folder)
    return folder


def _enroll(live: LiveServer, folder: Path, *extra: str, lang: str = "en",
            tty_answer: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RELAIS_PASSPHRASE": PASSPHRASE, "RELAIS_LANG": lang,
           "RELAIS_SERVER_PASSWORD": "demo-password"}
    argv = fastkdf.argv("desktop", "enroll", "--server", live.url, "--user", "demo",
                        "--vault", str(folder), *extra)
    if tty_answer is None:
        return subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=120)
    master, slave = pty.openpty()
    try:
        os.write(master, tty_answer.encode() + b"\n")
        return subprocess.run(argv, env=env, stdin=slave, capture_output=True, text=True,
                              timeout=120)
    finally:
        os.close(slave)
        os.close(master)


def _enrolled(folder: Path) -> bool:
    ctx = AppContext.open(folder, PASSPHRASE)
    try:
        return sync_service.is_enrolled(ctx)
    finally:
        ctx.lock()


def _devices(live: LiveServer) -> int:
    return len(admin.list_devices(live.settings))


def test_without_a_terminal_https_needs_the_fingerprint(tls_server: LiveServer,
                                                        vault: Path) -> None:
    before = _devices(tls_server)
    for lang, word in (("en", "--fingerprint"), ("fr", "empreinte"), ("nl", "vingerafdruk")):
        r = _enroll(tls_server, vault, lang=lang)
        assert r.returncode == 2, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and word in lines[0].lower(), r.stderr
        assert "Traceback" not in r.stderr and "Unexpected" not in r.stderr
    assert not _enrolled(vault)
    assert _devices(tls_server) == before  # the password never left


@pytest.mark.parametrize("bad", ["abc", "zz" * 32, "ab" * 31, "ab" * 33, ""])
def test_a_malformed_fingerprint_is_an_input_error(tls_server: LiveServer, vault: Path,
                                                   bad: str) -> None:
    r = _enroll(tls_server, vault, "--fingerprint", bad)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "64 hexadecimal" in lines[0], r.stderr
    assert "does not match" not in r.stderr
    assert not _enrolled(vault)


def test_the_right_fingerprint_enrolls_and_a_wrong_one_is_refused(tls_server: LiveServer,
                                                                  vault: Path) -> None:
    assert tls_server.fingerprint
    other = "ab" * 32
    r = _enroll(tls_server, vault, "--fingerprint", other)
    assert r.returncode == 1 and "does not match" in r.stderr
    assert not _enrolled(vault)
    pretty = ":".join(tls_server.fingerprint[i:i + 2]
                      for i in range(0, 64, 2)).upper()
    r = _enroll(tls_server, vault, "--fingerprint", pretty)
    assert r.returncode == 0, r.stderr
    assert _enrolled(vault)


def test_on_a_terminal_the_fingerprint_is_shown_and_asked(tls_server: LiveServer,
                                                          vault: Path) -> None:
    assert tls_server.fingerprint
    shown = ":".join(tls_server.fingerprint[i:i + 2] for i in range(0, 64, 2)).upper()
    before = _devices(tls_server)
    no = _enroll(tls_server, vault, tty_answer="n")
    assert no.returncode == 1, no.stderr
    assert shown in no.stderr and "not confirmed" in no.stderr
    assert not _enrolled(vault) and _devices(tls_server) == before
    yes = _enroll(tls_server, vault, lang="fr", tty_answer="oui")
    assert yes.returncode == 0, yes.stderr
    assert shown in yes.stderr and "Est-ce la même" in yes.stderr
    assert _enrolled(vault) and _devices(tls_server) == before + 1
