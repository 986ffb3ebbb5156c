"""ASGI middleware: protocol headers (426), body size limit (413), gzip request bodies, and the
audit of every request (who, which endpoint, outcome; never bodies or query values)."""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from desktop.sync.protocol import PROTOCOL_HEADER, SCHEMA_HEADER
from server.auth import utcnow
from server.login_limits import Network, client_address
from server.request_log import RequestLogWriter

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SUPPORTED_PROTOCOLS = frozenset({1})
SUPPORTED_SCHEMAS = frozenset({1})


async def _send_json(send: Send, status: int, detail: str,
                     headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


def header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


def _supported(value: str | None, allowed: frozenset[int]) -> bool:
    try:
        return value is not None and int(value.strip()) in allowed
    except ValueError:
        return False


def replayed(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the whole body (already read) as one message, then `receive`'s."""
    delivered = False

    async def again() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


class RelaisMiddleware:
    def __init__(self, app: ASGIApp, log: RequestLogWriter, max_body_bytes: int,
                 trusted_proxies: list[Network] | None = None) -> None:
        self.app = app
        self.log = log
        self.max_body = max_body_bytes
        self.trusted = trusted_proxies or []
        # anonymous rows are pruned every tenth of their maximum
        self.prune_every = max(1, log.anonymous_max // 10)
        self._anonymous_writes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        peer = scope.get("client")
        state["client_address"] = client_address(
            peer[0] if peer else None, header(scope, b"x-forwarded-for"), self.trusted)
        status_box = {"status": 500}
        started = time.monotonic()

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_box["status"] = int(message["status"])
            await send(message)

        try:
            await self._handle(scope, receive, send_wrapper)
        finally:
            await self._audit(scope, status_box["status"], time.monotonic() - started)

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if path.startswith("/v1/") and not (
                _supported(header(scope, b"relais-protocol"), SUPPORTED_PROTOCOLS)
                and _supported(header(scope, b"relais-schema"), SUPPORTED_SCHEMAS)):
            await _send_json(send, 426, "sync.protocol_unsupported",
                             [(b"upgrade", f"{PROTOCOL_HEADER}/1, {SCHEMA_HEADER}/1".encode())])
            return
        length = header(scope, b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await _send_json(send, 400, "sync.bad_request")
                return
            if declared > self.max_body:
                await _send_json(send, 413, "sync.too_large")
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _send_json(send, 413, "sync.too_large")
                return
            chunks.append(chunk)
            more = bool(message.get("more_body"))
        body = b"".join(chunks)
        encoding = (header(scope, b"content-encoding") or "").strip().lower()
        if encoding == "gzip" and body:
            try:
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                body = inflater.decompress(body, self.max_body + 1)
                if len(body) > self.max_body or inflater.unconsumed_tail:
                    await _send_json(send, 413, "sync.too_large")
                    return
                if not inflater.eof:
                    raise zlib.error("truncated")
            except zlib.error:
                await _send_json(send, 400, "sync.bad_request")
                return
        elif encoding not in ("", "identity"):
            await _send_json(send, 400, "sync.bad_request")
            return
        headers = [(k, v) for k, v in scope.get("headers", [])
                   if k.lower() not in (b"content-encoding", b"content-length")]
        headers.append((b"content-length", str(len(body)).encode()))
        scope["headers"] = headers
        await self.app(scope, replayed(body, receive), send)

    async def _audit(self, scope: Scope, status: int, _elapsed: float) -> None:
        state = scope.get("state", {})
        route = scope.get("route")
        path = getattr(route, "path", None) or scope.get("path", "")[:200]
        client = state.get("client_address")
        row = {
            "at": utcnow(), "device_id": state.get("device_id"), "user_id": state.get("user_id"),
            "method": str(scope.get("method", ""))[:10], "path": str(path)[:200],
            "status": status, "client": (str(client)[:100] if client else None),
            "detail": state.get("audit_detail"),
        }
        prune = False
        if row["device_id"] is None and row["user_id"] is None:
            self._anonymous_writes += 1
            prune = self._anonymous_writes % self.prune_every == 0

        try:
            await self.log.write(row, prune)
        except Exception:  # noqa: BLE001 - an audit write failure must not hide the response
            import logging

            logging.getLogger("relais.server").exception("request audit failed")
