"""The FastAPI application: enrolment, push, pull, snapshot, checksum, blobs, device status."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import inspect
import logging
import os
import signal
import sys
import time
import uuid
from collections.abc import Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, Header, Path, Query, Request, Response, Security
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware

from desktop.sync.protocol import (
    DEVICE_STATUS_HEADER,
    MAX_PULL_LIMIT,
    ChecksumResponse,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
)
from server import blobs
from server import pull as pull_mod
from server.auth import (
    ApiError,
    Caller,
    authenticate,
    check_password,
    team_members,
    user_teams,
    utcnow,
)
from server.config import ServerSettings
from server.db import Database, is_sqlite
from server.login_limits import LoginLimiter, parse_networks
from server.middleware import RelaisMiddleware
from server.models import BlobRow, Device, Organisation
from server.push import catch_up
from server.push import push as push_batch
from server.request_log import RequestLogWriter
from server.security import new_token, token_hash
from server.sync_lane import SyncLane

log = logging.getLogger("relais.server")

SHA256_PATTERN = r"^[0-9a-f]{64}$"
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 410, 413, 426, 429)
}


# module level: FastAPI resolves these string annotations in the module's namespace
bearer = HTTPBearer(auto_error=False, description="device token from POST /v1/devices")
Auth = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
Sha = Annotated[str, Path(pattern=SHA256_PATTERN)]
Cursor = Annotated[int, Query(ge=0, le=2**62)]
Limit = Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)]


def bearer_header(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    """The Authorization header back from FastAPI's parsed bearer credentials, as the lane
    passes it on (server/auth.py authenticate reads it)."""
    return f"Bearer {credentials.credentials}" if credentials is not None else None


# FastAPI's own OpenTelemetry hooks (recent versions) off: a tracer, meter or logger that the
# environment configures would otherwise get every request and the text of every unhandled
# exception, which may quote a patient's data; asking on each request whether one is
# configured also cost about 1.5 % of the server's CPU.
NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters else {})


# Pushes a serving process runs at once; the others wait their turn without holding a thread
# or a connection. Pushes commit one after the other anyway (the seq counter row, docs/SYNC.md
# 4): more of them at once only compete for the CPU and the interpreter's lock with the one
# holding the counter, and every other push waits for that one (`bench sync --only devices`,
# 500 devices paced at 2,000 ops/s: push p95 193–335 ms with 2 (median 230), 384–418 with 4,
# 728 with 6; with 1 a process no longer keeps up: 1,859–1,895 ops/s served).
PUSH_SLOTS = 2


def tune_gc() -> None:
    """For a serving process, once the app is built: what was loaded so far is frozen out of
    the collector's sight and the young generation made larger. A push or pull allocates
    many short-lived objects (ORM rows, JSON, models); with the default thresholds they kept
    triggering full collections of the whole heap, about a quarter of a worker's CPU under
    load (`bench sync --only devices`)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 10)
    # a thread back from the database (the push holding the counter lock, waiting on each of
    # its round trips) waits for the interpreter's lock at most this long, not 5 ms, while
    # other requests of the process run. Measured on a shared machine, within its noise: lock
    # hold p50 57 → 36 ms at 400 ops/s paced, 628 → 662 ops/s in a burst, CPU per op the same
    sys.setswitchinterval(0.001)


async def version_headers(
    relais_protocol: Annotated[str, Header(alias="Relais-Protocol")],
    relais_schema: Annotated[str, Header(alias="Relais-Schema")],
) -> None:
    """Documents the headers in the OpenAPI schema; RelaisMiddleware enforces them (426).
    A coroutine: FastAPI runs a plain function dependency on a worker thread, a hand-off
    per request for nothing."""


def create_app(settings: ServerSettings,
               clock: Callable[[], dt.datetime] | None = None) -> FastAPI:
    """`clock` (UTC, naive) drives the login backoff; tests pass their own."""
    db = Database(settings)
    limiter = LoginLimiter(settings, clock or utcnow)
    trusted_proxies = parse_networks(settings.trusted_proxies)
    request_log = RequestLogWriter(db, settings.request_log_anonymous_max)

    @asynccontextmanager
    async def lifespan(served: FastAPI) -> Any:
        if PUSH_SLOTS:
            served.state.push_slots = anyio.Semaphore(PUSH_SLOTS)
        yield
        request_log.close()
        db.dispose()

    app = FastAPI(title="Relais sync server", version="1", lifespan=lifespan,
                  dependencies=[], responses=ERRORS, **NO_TELEMETRY)
    app.state.db = db
    app.state.settings = settings

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=exc.headers)

    # PostgreSQL: a request checks its token in the transaction that then serves it (one
    # connection checkout instead of two). SQLite: in a transaction of its own, since a
    # transaction there that read first cannot take the write lock later by waiting for it.
    share_session = not is_sqlite(settings.database_url)

    def identify(state: MutableMapping[str, Any], authorization: str | None,
                 session: Session | None = None, **allow: bool) -> Caller:
        """The caller of a request from its Authorization header; `state` (the request's)
        keeps who it was for the request log."""
        if session is not None and share_session:
            caller = authenticate(session, authorization, **allow)
        else:
            with db.session() as own:
                caller = authenticate(own, authorization, **allow)
        state["device_id"] = caller.device_id
        state["user_id"] = caller.user_id
        return caller

    def caller_for(request: Request, credentials: HTTPAuthorizationCredentials | None,
                   session: Session | None = None, **allow: bool) -> Caller:
        return identify(request.scope.setdefault("state", {}), bearer_header(credentials),
                        session, **allow)

    v1 = [Depends(version_headers)]

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/devices", response_model=EnrollResponse, dependencies=v1)
    def enroll(body: EnrollRequest, request: Request) -> EnrollResponse:
        # the TCP peer, or X-Forwarded-For from a trusted proxy (RelaisMiddleware decides)
        client = getattr(request.state, "client_address", None)
        if any("\x00" in v for v in (body.username, body.password, body.device_name)):
            raise ApiError(401, "sync.login_failed")  # never a valid name; PostgreSQL refuses it
        with db.session() as session:
            limiter.check(session, body.username, client)
            user = check_password(session, body.username, body.password)
            if user is not None:
                limiter.succeeded(session, body.username, client)
                token = new_token()
                now = utcnow()
                device = Device(
                    id=str(uuid.uuid4()), user_id=user.id, name=body.device_name[:200],
                    token_hash=token_hash(token), created_at=now,
                    expires_at=now + dt.timedelta(days=settings.token_lifetime_days),
                    last_seen_at=now, revoked=False, stolen=False, cursor=0, scope=None,
                )
                session.add(device)
                teams = user_teams(session, user.id)
                org = session.get(Organisation, user.organisation_id)
                request.state.device_id, request.state.user_id = device.id, user.id
                return EnrollResponse(
                    device_id=device.id, token=token, user=user.display_name,
                    organisation=org.name if org else "",
                    teams=[{"id": t[0], "name": t[1]} for t in teams],
                    default_team_id=teams[0][0] if teams else None, role=user.role,
                    username=user.username,
                    members=team_members(session, [t[0] for t in teams]),
                )
        with db.session() as session:
            limiter.failed(session, body.username, client)
        raise ApiError(401, "sync.login_failed")

    @app.get("/v1/device", response_model=DeviceStatus, dependencies=v1)
    def device_status(request: Request, authorization: Auth = None) -> DeviceStatus:
        caller = caller_for(request, authorization, allow_stolen=True)
        with db.session() as session:
            members = [] if caller.stolen else team_members(session, list(caller.team_ids))
        return DeviceStatus(device_id=caller.device_id, revoked=caller.revoked or caller.stolen,
                            stolen=caller.stolen,
                            teams=[{"id": t[0], "name": t[1]} for t in caller.teams],
                            username=caller.username, members=members,
                            role=caller.role)

    # Push and pull are served by SyncLane (server/sync_lane.py) before FastAPI sees them;
    # these two routes document them and answer what the lane leaves to them (a body or query
    # that does not validate: FastAPI's 422).
    @app.post("/v1/sync/push", response_model=PushResponse, dependencies=v1)
    async def push(body: PushRequest, request: Request, authorization: Auth = None) -> Response:
        return await push_served(body, request.scope.setdefault("state", {}),
                                 bearer_header(authorization))

    async def push_served(body: PushRequest, state: MutableMapping[str, Any],
                          authorization: str | None) -> Response:
        slots = getattr(app.state, "push_slots", None)
        if slots is None:
            return await run_in_threadpool(push_now, body, state, authorization)
        async with slots:
            return await run_in_threadpool(push_now, body, state, authorization)

    def push_now(body: PushRequest, state: MutableMapping[str, Any],
                 authorization: str | None) -> Response:
        with db.session() as session:
            caller = identify(state, authorization, session, allow_revoked=True)
            result = push_batch(session, caller, body)
            page = catch_up(session, caller, body, result)
        if os.environ.get("RELAIS_SERVER_CRASH_POINT") == "push_committed":
            os.kill(os.getpid(), signal.SIGKILL)  # crash tests: committed, answer never sent
        state["audit_detail"] = f"ops={len(body.ops)}"
        _maybe_collect()
        # in one step: FastAPI would validate the model again and encode it through dicts;
        # compact: the values equal to their defaults left out (the device fills them in)
        answer = result.model_dump_json(exclude_defaults=body.compact,
                                        exclude={"page"}).encode()
        if page is not None:  # the page as pull writes it, not decoded and encoded again
            answer = answer[:-1] + b',"page":' + page.json() + b"}"
        response = Response(answer, media_type="application/json")
        if caller.revoked:
            response.headers[DEVICE_STATUS_HEADER] = "revoked"
        return response

    @app.get("/v1/sync/pull", response_model=PullResponse, dependencies=v1)
    def pull(request: Request, authorization: Auth = None,
             cursor: Cursor = 0, limit: Limit = 500, compact: bool = False) -> Response:
        return pull_now(request.scope.setdefault("state", {}), bearer_header(authorization),
                        cursor, limit, compact)

    def pull_now(state: MutableMapping[str, Any], authorization: str | None, cursor: int,
                 limit: int, compact: bool) -> Response:
        with db.session() as session:
            caller = identify(state, authorization, session)
            body = pull_mod.pull_page(session, caller, cursor, limit, compact=compact).json()
        return Response(body, media_type="application/json")

    @app.get("/v1/sync/snapshot", response_model=PullResponse, dependencies=v1)
    def snapshot(request: Request, authorization: Auth = None,
                 cursor: Cursor = 0, limit: Limit = 500, compact: bool = False) -> Response:
        caller = caller_for(request, authorization)
        with db.session() as session:
            body = pull_mod.snapshot_page(session, caller, cursor, limit,
                                          compact=compact).json()
        return Response(body, media_type="application/json")

    @app.get("/v1/sync/checksum", response_model=ChecksumResponse, dependencies=v1)
    def checksum(request: Request, authorization: Auth = None) -> ChecksumResponse:
        caller = caller_for(request, authorization)
        with db.session() as session:
            return pull_mod.checksum(session, caller)

    @app.put("/v1/blobs/{sha256}", status_code=204, dependencies=v1,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
    async def put_blob(sha256: Sha, request: Request, authorization: Auth = None) -> Response:
        data = await request.body()
        caller = await run_in_threadpool(caller_for, request, authorization, allow_revoked=True)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ApiError(400, "sync.bad_request")

        def store() -> None:
            with db.session() as session:
                blobs.store(session, caller, sha256, data)

        await run_in_threadpool(store)
        return Response(status_code=204)

    @app.get("/v1/blobs/{sha256}", dependencies=v1, response_class=Response,
             responses={200: {"content": {"application/octet-stream": {}}}})
    def get_blob(sha256: Sha, request: Request, authorization: Auth = None) -> Response:
        caller = caller_for(request, authorization)
        with db.session() as session:
            blob = session.get(BlobRow, sha256)
            # only through an attachment record the caller may see, written by someone who
            # held the bytes (server/blobs.py); unknown and unreadable look the same
            if blob is None or not blobs.readable(session, caller, sha256):
                raise ApiError(404, "sync.not_found")
            return Response(content=blob.data, media_type="application/octet-stream")

    # when this process next asks the database whether a collection is due: not on every push
    # (a collection by another process only moves the due time later)
    next_gc_check = [0.0]

    def _maybe_collect() -> None:
        if time.monotonic() < next_gc_check[0]:
            return
        try:
            with db.session() as session:
                due = pull_mod.gc_due(session, settings)
            if due:
                with db.session() as session:
                    pull_mod.collect_tombstones(session, settings)
            next_gc_check[0] = time.monotonic() + min(
                60.0, settings.tombstone_gc_interval_seconds / 10)
        except Exception:  # noqa: BLE001 - collection is housekeeping; the push succeeded
            log.exception("tombstone collection failed")

    from server import dashboard

    dashboard.install(app, db, limiter, trusted_proxies)

    # level 1: pages of JSON records compress about as well as at level 6 (repetitive keys)
    # for a fraction of the server's CPU, which a pull spends mostly on compression otherwise
    app.add_middleware(SyncLane, push=push_served, pull=pull_now)  # inside the two below
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=1)
    app.add_middleware(RelaisMiddleware, log=request_log, max_body_bytes=settings.max_body_bytes,
                       trusted_proxies=trusted_proxies)
    return app
