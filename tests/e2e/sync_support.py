"""Helpers for sync tests: an in-process server, devices on real vaults, a faulty transport, and
the convergence checks shared by the state machine, the crash tests and the e2e tests."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from desktop.domain.consent_policy import PURPOSE_TEAM_SHARING
from desktop.services import sync as sync_service
from desktop.services.account import my_username
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import (
    SYNCED_MODELS,
    ConsentEvent,
    OutboxOp,
    Patient,
    synced_fields,
)
from desktop.storage.wire import to_wire
from desktop.sync import state

PASSPHRASE = "correct horse battery"
TODAY = dt.date(2026, 11, 23)
URL = "http://127.0.0.1:9"  # never dialled: requests go through the in-process transport


_templates: dict[str, Path] = {}
# Many small fsync'd transactions: on tmpfs they cost nothing, so the simulation runs fast.
FAST_DIR = "/dev/shm" if Path("/dev/shm").is_dir() else None


def scratch(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix, dir=FAST_DIR))


def _template(kind: str, make: Callable[[Path], None]) -> Path:
    """A migrated server database or vault made once per process and copied (migrations are
    the slow part of creating either)."""
    if kind not in _templates:
        folder = scratch(f"relais-template-{kind}-") / kind
        make(folder)
        _templates[kind] = folder
    return _templates[kind]


def _make_server_template(folder: Path) -> None:
    from server.app import create_app
    from server.config import ServerSettings

    create_app(ServerSettings(data_dir=folder))


def _make_vault_template(folder: Path) -> None:
    ctx, _ = AppContext.create(folder, PASSPHRASE, today=lambda: TODAY)
    ctx.lock()


def warm_templates() -> None:
    """Make both templates now (the state machine does so before it switches to seeded ids)."""
    _template("server", _make_server_template)
    _template("vault", _make_vault_template)


def copy_template(kind: str, target: Path) -> None:
    import shutil

    maker = _make_server_template if kind == "server" else _make_vault_template
    shutil.copytree(_template(kind, maker), target)


class ServerDB:
    """Reads of the server's own database, for the invariants."""

    engine: Any

    def records(self) -> dict[tuple[str, str], Any]:
        from server.models import Record

        with Session(self.engine) as s:
            return {(r.table_name, r.record_id): r for r in s.scalars(select(Record)).all()}

    def applied_op_ids(self) -> set[str]:
        from server.models import AppliedOp

        with Session(self.engine) as s:
            return set(s.scalars(select(AppliedOp.op_id)).all())

    def access(self, patient_id: str) -> str:
        """The patient's sharing level on the server (no row: shared with the team)."""
        from server.models import PatientAccess

        with Session(self.engine) as s:
            row = s.get(PatientAccess, patient_id)
            return row.level if row is not None else "team"

    def conflicts(self) -> list[Any]:
        from server.models import Conflict

        with Session(self.engine) as s:
            return list(s.scalars(select(Conflict)).all())


class Server(ServerDB):
    """The real FastAPI app on a tmp SQLite file (or the PostgreSQL database at
    `database_url`, already migrated), called in process."""

    def __init__(self, folder: Path, database_url: str | None = None) -> None:
        import warnings

        if database_url is None:
            copy_template("server", folder)
        else:
            folder.mkdir(parents=True)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        from server import admin
        from server.app import create_app
        from server.config import ServerSettings

        self.settings = (ServerSettings(data_dir=folder) if database_url is None
                         else ServerSettings(data_dir=folder, database_url=database_url))
        self.app = create_app(self.settings)
        self.demo = admin.bootstrap_demo(self.settings)
        self.client = TestClient(self.app)
        self.transport: httpx.BaseTransport = self.client._transport
        self.engine = create_engine(self.settings.database_url)

    def close(self) -> None:
        self.client.close()
        self.engine.dispose()


FAULTS = ("ok", "drop_request", "drop_response", "duplicate", "truncate", "short_page",
          "no_page", "replay", "error500")


def _shortened(page: dict[str, Any], cursor: int) -> dict[str, Any]:
    """A valid shorter pull page: the cursor covers only what the kept half fully holds."""
    changes = page["changes"]
    kept = changes[: len(changes) // 2]
    kept_seqs = {c["seq"] for c in kept}
    covered = cursor
    for seq in sorted({c["seq"] for c in changes}):
        if seq not in kept_seqs:
            break
        covered = seq
    if not kept or covered <= cursor:
        return page
    return {**page, "changes": kept, "has_more": True, "next_cursor": covered}


class FaultyTransport(httpx.BaseTransport):
    """Drops requests, drops responses after the server committed, duplicates, replays an older
    request first (reordering), cuts bodies, shortens pull pages (a push answer's too), takes
    the pull page out of a push answer (as an older server), answers 500."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.plan: list[str] = []
        self.history: list[httpx.Request] = []
        self.log: list[str] = []

    def _forward(self, request: httpx.Request) -> httpx.Response:
        copy = httpx.Request(request.method, request.url, headers=request.headers,
                             content=request.content)
        response = self.inner.handle_request(copy)
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        fault = self.plan.pop(0) if self.plan else "ok"
        self.log.append(f"{fault} {request.method} {request.url.path}")
        if fault == "drop_request":
            raise httpx.ConnectError("dropped", request=request)
        if fault == "error500":
            return httpx.Response(500, json={"detail": "boom"}, request=request)
        if fault == "replay" and self.history:
            old = self.history[-1]
            self._forward(old)
        self.history = ([*self.history, request])[-5:]
        response = self._forward(request)
        if fault == "duplicate":
            response = self._forward(request)
        if fault == "drop_response":
            raise httpx.ReadError("connection reset", request=request)
        if fault == "truncate" and len(response.content) > 10:
            return httpx.Response(response.status_code, content=response.content[:len(
                response.content) // 2], headers={"Content-Type": "application/json"},
                request=request)
        if fault in ("short_page", "no_page") and response.status_code == 200 \
                and request.url.path.endswith(("/pull", "/push")):
            data = json.loads(response.content)
            if request.url.path.endswith("/pull"):
                cursor = int(request.url.params.get("cursor", "0"))
                data = _shortened(data, cursor) if fault == "short_page" else None
            elif data.get("page") is not None:  # the pull page a push answer carries
                sent = json.loads(gunzip_if_needed(request.content)).get("cursor") or 0
                data["page"] = _shortened(data["page"], sent) if fault == "short_page" else None
            if data is not None:
                return httpx.Response(200, content=json.dumps(data).encode(),
                                      headers={"Content-Type": "application/json"},
                                      request=request)
        return response


class Device:
    """One laptop: a vault, a transport into the server, enrolment."""

    def __init__(self, folder: Path, server: Server, name: str,
                 user: tuple[str, str] = ("demo", "demo-password"),
                 clock: Callable[[], int] | None = None) -> None:
        """`clock`: wall milliseconds for the laptop's hybrid clock (default: the real one)."""
        self.folder = folder
        self.wall_ms = clock
        self.name = name
        self.server = server
        self.transport = FaultyTransport(server.transport)
        copy_template("vault", folder)
        self.ctx = AppContext.open(folder, PASSPHRASE, today=lambda: TODAY)
        from desktop.domain.ids import uuid7

        device_id = uuid7()  # a copied vault must not share its device id
        self.ctx.write(lambda uow: state.put(uow.session, "device_id", device_id))
        self.ctx.device_id, self.ctx.clock = device_id, self._clock(device_id)
        self.ctx.set_setting("user_name", name)
        self.ctx.user_name = name
        sync_service.enroll(self.ctx, URL, user[0], user[1], transport=lambda: self.transport)

    def _clock(self, device_id: str, last: str | None = None) -> Any:
        from desktop.domain.hlc import HybridClock

        if self.wall_ms is None:
            return HybridClock(device_id, last)
        return HybridClock(device_id, last, now_ms=self.wall_ms)

    def factory(self) -> httpx.BaseTransport:
        return self.transport

    def sync(self, faults: list[str] | None = None) -> sync_service.SyncReport:
        self.transport.plan = list(faults or [])
        try:
            return sync_service.sync_now(self.ctx, transport=self.factory)
        finally:
            self.transport.plan = []

    def reopen(self) -> None:
        """A crash between transactions: everything in memory is gone, the vault stays."""
        self.ctx.lock()
        self.ctx = AppContext.open(self.folder, PASSPHRASE, today=lambda: TODAY)
        if self.wall_ms is not None:
            self.ctx.clock = self._clock(self.ctx.device_id, self.ctx.clock.last)

    def cursor(self) -> int:
        return int(self.ctx.read(lambda s: state.get(s, state.CURSOR, 0)))

    def close(self) -> None:
        if not self.ctx.is_locked:
            self.ctx.lock()


_recorded = [0]


def reset_consent_times() -> None:
    """Recording times of `record_consent` count from zero again (one state machine run)."""
    _recorded[0] = 0


def record_consent(ctx: AppContext, patient_id: str, decision: str) -> str:
    """A consent event with strictly increasing recording times (no ties within a second)."""
    _recorded[0] += 1
    at = dt.datetime(2026, 11, 23, 8, 0) + dt.timedelta(seconds=_recorded[0])

    def run(uow: UnitOfWork) -> str:
        ev = uow.add(ConsentEvent, patient_id=patient_id, purpose=PURPOSE_TEAM_SHARING,
                     decision=decision, decided_on=TODAY, method="oral", recorded_at=at)
        return ev.id
    return ctx.write(run)


def add_shared_patient(ctx: AppContext, family: str, given: str = "Marie") -> str:
    from desktop.storage import search

    def run(uow: UnitOfWork) -> str:
        p = uow.add(Patient, family_name=family, given_name=given)
        search.index_patient(uow.session, p)
        return p.id
    pid = ctx.write(run)
    record_consent(ctx, pid, "granted")
    return pid


# ---- invariants ------------------------------------------------------------------------------
def local_records(ctx: AppContext) -> dict[tuple[str, str], dict[str, Any]]:
    def read(s: Session) -> dict[tuple[str, str], dict[str, Any]]:
        out = {}
        for name, model in SYNCED_MODELS.items():
            for obj in s.scalars(select(model)).all():
                row = {f: to_wire(getattr(obj, f)) for f in synced_fields(model)}
                row["_deleted"] = bool(obj.deleted)  # type: ignore[attr-defined]
                row["_version"] = int(obj.server_version or 0)  # type: ignore[attr-defined]
                out[(name, obj.id)] = row  # type: ignore[attr-defined]
        return out
    return ctx.read(read)


def local_only_patients(ctx: AppContext) -> set[str]:
    def read(s: Session) -> set[str]:
        allowed = sync_service.allowed_ids(s)
        return set(s.scalars(select(Patient.id)).all()) - allowed
    return ctx.read(read)


def device_user(device: Any) -> str:
    return str(device.ctx.read(my_username) or "")


def hidden_from(server: ServerDB, user: str) -> set[str]:
    """Patients the server does not show to this user (desktop/domain/sharing.py)."""
    from server.sharing import hidden_patients

    with Session(server.engine) as s:
        return set(s.scalars(hidden_patients(user)).all())


def visible_patients(server: ServerDB, user: str) -> set[str]:
    hidden = hidden_from(server, user)
    return {k[1] for k, r in server.records().items()
            if k[0] == "patient" and not r.deleted and k[1] not in hidden}


def left_out(table: str) -> dict[str, Any]:
    """Per synced field: what its absence from a record means (desktop/sync/apply.py)."""
    from desktop.sync.apply import _left_out, table_of

    return {k: to_wire(v) for k, v in _left_out(table_of(SYNCED_MODELS[table]))}


def assert_device_equals_server(device: Any, server: ServerDB) -> None:
    """Every record the server shows this device's user is here with the same values, version
    and deleted flag; every record here that the server saw (version > 0) is on the server;
    nothing here is unknown to the server (no patient stays local-only), except the audit events
    the server refused because their patient was erased or hidden meanwhile: those stay in the
    local audit by design (docs/SYNC.md §7)."""
    hidden = hidden_from(server, device_user(device))
    remote = {k: r for k, r in server.records().items() if r.patient_id not in hidden}
    local = local_records(device.ctx)
    for key, rec in remote.items():
        assert key in local, f"{device.name}: missing {key}"
        row = local[key]
        assert row["_deleted"] == bool(rec.deleted), f"{device.name}: deleted differs {key}"
        assert row["_version"] == rec.seq, f"{device.name}: version differs {key}"
        for name, value in rec.fields.items():
            if name in row:
                assert row[name] == value, f"{device.name}: {key}.{name} {row[name]!r} != {value!r}"
        for name, default in left_out(key[0]).items():
            # a field the server's record leaves out (a creation travels without its nulls)
            if name not in rec.fields and name in row:
                assert row[name] == default, f"{device.name}: {key}.{name} {row[name]!r} left out"
    visible = visible_patients(server, device_user(device))
    for key, row in local.items():
        if key in remote or (row["_deleted"] and row["_version"] > 0):
            continue  # known to the server, or a tombstone the server has since collected
        if key[0] == "audit_event" and row.get("patient_id") not in visible:
            continue  # refused after an erasure or a narrowing: kept in the local audit only
        raise AssertionError(f"{device.name}: {key} not on the server (version "
                             f"{row['_version']})")


def assert_outbox_settled(device: Any) -> None:
    """Every op ever queued is applied, a conflict, or listed (rejected / a person's decision);
    none still waits (every patient's records go up)."""
    def read(s: Session) -> list[OutboxOp]:
        return list(s.scalars(select(OutboxOp)).all())
    for op in device.ctx.read(read):
        if op.state == "pending":
            raise AssertionError(f"{device.name}: op {op.kind} {op.table_name} still pending")
        elif op.state == "sent":
            assert (op.result or {}).get("status") in ("applied", "noop", "conflict")
        else:
            assert op.state in ("rejected", "discarded", "superseded"), op.state


@contextmanager
def two_laptops(prefix: str) -> Iterator[tuple[Server, Device, Device]]:
    """A server and laptops a and b enrolled with it, in a scratch folder; closed afterwards."""
    folder = scratch(prefix)
    server = Server(folder / "server")
    a, b = Device(folder / "a", server, "a"), Device(folder / "b", server, "b")
    try:
        yield server, a, b
    finally:
        a.close()
        b.close()
        server.close()


def quiesce(devices: list[Device], max_rounds: int = 5) -> None:
    """Fault-free syncs until a whole round moves nothing (two rounds at least: the first
    device must also see what the last one pushed)."""
    for n in range(max_rounds):
        moved = 0
        for d in devices:
            report = d.sync()
            moved += report.pushed + report.pulled
        if n >= 1 and moved == 0:
            return


@contextmanager
def tmp_folder() -> Iterator[Path]:
    import shutil

    folder = scratch("relais-sync-")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class LiveServer(ServerDB):
    """The server app on a real uvicorn (loopback, free port) in a thread: for the CLI and the
    benchmark, which talk HTTP for real."""

    def __init__(self, folder: Path, *, tls: bool = False, port: int | None = None) -> None:
        import socket

        import uvicorn

        from server import admin
        from server.app import create_app
        from server.config import ServerSettings
        from server.security import create_self_signed_cert

        if not folder.exists():
            copy_template("server", folder)
        self.settings = ServerSettings(data_dir=folder)
        app = create_app(self.settings)
        self.demo = admin.bootstrap_demo(self.settings)
        if port is None:
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                port = sock.getsockname()[1]
        self.port = port
        ssl: dict[str, Any] = {}
        self.fingerprint: str | None = None
        if tls:  # a new self-signed certificate each time: a restart "changes" it
            self.settings.tls_dir.mkdir(parents=True, exist_ok=True)
            self.fingerprint = create_self_signed_cert(self.settings.cert_file,
                                                       self.settings.key_file)
            ssl = {"ssl_certfile": str(self.settings.cert_file),
                   "ssl_keyfile": str(self.settings.key_file)}
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on", **ssl)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.engine = create_engine(self.settings.database_url)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.engine.dispose()


def gunzip_if_needed(data: bytes) -> bytes:
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def seeded(seed: int) -> random.Random:
    return random.Random(seed)


Factory = Callable[[], httpx.BaseTransport]
