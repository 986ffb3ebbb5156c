"""A real uvicorn server: the admin CLI, TLS with a pinned fingerprint, kill -9 mid-push."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import re
import socket
import ssl
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from server.cli import main
from tests.server.conftest import PASSWORD, consent, op
from tests.server.server_process import HEADERS, ServerProcess, run_cli


def cli(*args: str, env: dict[str, str] | None = None) -> Result:
    """`relais-server …` in-process (a subprocess costs seconds of imports; `serve` and one
    smoke call below do run as real subprocesses)."""
    out, err = io.StringIO(), io.StringIO()
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return Result(code, out.getvalue(), err.getvalue())


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def _init(data: Path, *extra: str) -> str:
    r = cli("init", "--data", str(data), "--organisation", "Relais test", *extra)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _enroll(url: str, user: str, password: str = PASSWORD, **kw: Any) -> dict[str, Any]:
    r = httpx.post(url + "/v1/devices", headers=HEADERS, timeout=30,
                   json={"username": user, "password": password}, **kw)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_cli_admin_and_tls_fingerprint(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    out = _init(data, "--self-signed-cert", "--demo")
    printed = re.search(r"SHA-256 fingerprint: ([0-9A-F:]{95})", out)
    assert printed, out
    env = {"RELAIS_SERVER_PASSWORD": PASSWORD}
    assert cli("team", "add", "--data", str(data), "--name", "Équipe Dinant").returncode == 0
    r = cli("user", "add", "--data", str(data), "--username", "anne",
                "--display-name", "Anne", env=env)
    assert r.returncode == 0, r.stderr
    assert cli("member", "add", "--data", str(data), "--username", "anne",
                   "--team", "Équipe Dinant").returncode == 0
    bad = cli("member", "add", "--data", str(data), "--username", "anne", "--team", "Nope",
                  env={"RELAIS_LANG": "fr"})
    assert bad.returncode == 2 and bad.stderr.strip() == "Équipe inconnue."
    short = cli("user", "add", "--data", str(data), "--username", "x",
                    env={"RELAIS_SERVER_PASSWORD": "short", "RELAIS_LANG": "en"})
    assert short.returncode == 2 and "at least 8" in short.stderr

    with ServerProcess(data, tls=True) as server:
        # the certificate the server presents is the one whose fingerprint init printed
        ctx = ssl.create_default_context()
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
        with socket.create_connection(("127.0.0.1", server.port)) as raw, \
                ctx.wrap_socket(raw, server_hostname="localhost") as tls:
            der = tls.getpeercert(binary_form=True)
        assert der is not None
        fingerprint = hashlib.sha256(der).hexdigest()
        assert fingerprint == printed.group(1).replace(":", "").lower()
        anne = _enroll(server.url, "anne", verify=False)
        assert [t["name"] for t in anne["teams"]] == ["Équipe Dinant"]
        demo = _enroll(server.url, "demo", "demo-password", verify=False)
        assert demo["teams"][0]["name"] == "Équipe Namur"
        # a client that checks certificates against CAs refuses the self-signed one
        try:
            httpx.get(server.url + "/health", timeout=5)
            raise AssertionError("self-signed certificate accepted without pinning")
        except httpx.ConnectError:
            pass
    assert "SHA-256 fingerprint: " + printed.group(1) in server.output

    listed = run_cli("device", "list", "--data", str(data), "--json")  # the real entry point
    devices = json.loads(listed.stdout)["devices"]
    assert {d["user"] for d in devices} == {"anne", "demo"}
    assert cli("device", "revoke", "--data", str(data), anne["device_id"],
                   "--stolen").returncode == 0
    listed = json.loads(cli("device", "list", "--data", str(data), "--json").stdout)
    assert next(d for d in listed["devices"] if d["device_id"] == anne["device_id"])["stolen"]
    export = tmp_path / "audit.jsonl"
    r = cli("audit", "export", "--data", str(data), "--out", str(export))
    assert r.returncode == 0
    lines = [json.loads(x) for x in export.read_text(encoding="utf-8").splitlines()]
    assert int(r.stdout) == len(lines)
    assert sum(1 for x in lines if x["path"] == "/v1/devices" and x["status"] == 200) == 2


def _setup_server(data: Path) -> None:
    _init(data)
    env = {"RELAIS_SERVER_PASSWORD": PASSWORD}
    assert cli("team", "add", "--data", str(data), "--name", "A").returncode == 0
    assert cli("user", "add", "--data", str(data), "--username", "alice", "--team", "A",
                   env=env).returncode == 0


def _batch(n: int) -> list[dict[str, Any]]:
    pid = str(uuid.uuid4())
    ops = [op("patient", pid, fields={"family_name": "Dupont", "given_name": "Marie"}),
           consent(pid)]
    ops += [op("note", str(uuid.uuid4()), "append",
               fields={"patient_id": pid, "text": "x" * 2000}, patient_id=pid)
            for _ in range(n - 2)]
    return ops


def _check_exactly_once(url: str, auth: dict[str, str], ops: list[dict[str, Any]],
                        results: list[dict[str, Any]]) -> None:
    assert [r["op_id"] for r in results] == [o["op_id"] for o in ops]
    assert {r["status"] for r in results} == {"applied"}
    seqs = [r["server_seq"] for r in results]
    assert len(set(seqs)) == len(seqs)
    changes: list[dict[str, Any]] = []
    cursor = 0
    while True:
        body = httpx.get(url + "/v1/sync/pull", headers=auth, timeout=30,
                         params={"cursor": cursor, "limit": 1000}).json()
        changes += body["changes"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            break
    ids = [c["record_id"] for c in changes]
    assert sorted(ids) == sorted(o["record_id"] for o in ops)  # each record exactly once
    assert cursor == max(seqs)  # no op left a second change behind


def test_kill9_after_commit_then_retry_gives_exactly_once(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    _setup_server(data)
    ops = _batch(40)
    crashing = ServerProcess(data, env={"RELAIS_SERVER_CRASH_POINT": "push_committed"}).start()
    device = _enroll(crashing.url, "alice")
    auth = {**HEADERS, "Authorization": f"Bearer {device['token']}"}
    try:
        httpx.post(crashing.url + "/v1/sync/push", headers=auth, timeout=60,
                   json={"device_id": device["device_id"], "ops": ops})
        raise AssertionError("the server answered although it was killed")
    except httpx.TransportError:
        pass  # committed, answer lost
    crashing.proc.wait(timeout=30)  # type: ignore[union-attr]
    crashing.stop()
    with ServerProcess(data) as server:
        r = httpx.post(server.url + "/v1/sync/push", headers=auth, timeout=60,
                       json={"device_id": device["device_id"], "ops": ops})
        assert r.status_code == 200
        _check_exactly_once(server.url, auth, ops, r.json()["results"])


def test_kill9_at_a_random_moment_mid_push_then_retry(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    _setup_server(data)
    server = ServerProcess(data).start()
    device = _enroll(server.url, "alice")
    auth = {**HEADERS, "Authorization": f"Bearer {device['token']}"}
    all_ops: list[dict[str, Any]] = []
    try:
        for delay in (random.uniform(0.02, 0.4),):  # a random moment inside the push
            ops = _batch(300)
            all_ops += ops
            outcome: dict[str, Any] = {}

            def send(batch: list[dict[str, Any]] = ops, box: dict[str, Any] = outcome,
                     url: str = server.url) -> None:
                try:
                    box["response"] = httpx.post(
                        url + "/v1/sync/push", headers=auth, timeout=60,
                        json={"device_id": device["device_id"], "ops": batch})
                except httpx.TransportError as exc:
                    box["error"] = exc

            thread = threading.Thread(target=send)
            thread.start()
            time.sleep(delay)
            server.kill9()
            thread.join(timeout=60)
            server.stop()
            server = ServerProcess(data).start()
            # the client retries the same batch until it gets an answer
            r = httpx.post(server.url + "/v1/sync/push", headers=auth, timeout=60,
                           json={"device_id": device["device_id"], "ops": ops})
            assert r.status_code == 200
            results = r.json()["results"]
            assert {x["status"] for x in results} == {"applied"}
        # every op of both batches took effect exactly once
        r = httpx.post(server.url + "/v1/sync/push", headers=auth, timeout=60,
                       json={"device_id": device["device_id"], "ops": all_ops[:500]})
        results = r.json()["results"]
        r2 = httpx.post(server.url + "/v1/sync/push", headers=auth, timeout=60,
                        json={"device_id": device["device_id"], "ops": all_ops[500:]})
        results += r2.json()["results"]
        _check_exactly_once(server.url, auth, all_ops, results)
    finally:
        server.stop()


def test_local_server_for_make_run(tmp_path: Path) -> None:
    from server.local import LocalServer

    with LocalServer(tmp_path / "local") as server:
        demo = _enroll(server.url, "demo", "demo-password")
        assert demo["teams"][0]["name"] == "Équipe Namur"
        port = server.port
    assert server.proc is not None and server.proc.poll() is not None  # stopped with the app
    # the same port next time (an enrolled vault remembers the URL), demo data kept
    again = LocalServer(tmp_path / "local")
    again.start()
    try:
        assert again.port == port
        assert _enroll(again.url, "demo", "demo-password")["user"] == demo["user"]
    finally:
        again.stop()
