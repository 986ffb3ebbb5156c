"""HTTP client of the sync protocol (docs/ARCHITECTURE.md §7): httpx, gzip, TLS pinning, clear
errors.

Every failure becomes a `SyncError` with a message code; nothing here knows about the vault.
A self-signed server certificate is trusted by its SHA-256 fingerprint, pinned at enrolment: the
check runs right after the TLS handshake, before any byte of the request (and its token) is sent.
Certificate dates are not checked, so a laptop whose clock is days off still syncs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import socket
import ssl
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend
from pydantic import BaseModel, ValidationError

from desktop.domain.errors import DomainError
from desktop.sync.protocol import (
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    ChecksumResponse,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)

M = TypeVar("M", bound=BaseModel)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
GZIP_MIN_BYTES = 1024  # small bodies are cheaper uncompressed


class SyncError(DomainError):
    """A sync failure with a message code (sync.unreachable, sync.fingerprint_changed, ...).

    `retry` tells the engine whether trying again later may help (network, 5xx) or whether a
    person must act (revoked device, unsupported version, wrong password)."""

    def __init__(self, code: str, *, retry: bool = True, status: int | None = None,
                 **params: Any) -> None:
        super().__init__(code, None, **params)
        self.retry = retry
        self.status = status


class GoneError(SyncError):
    """410: the cursor is behind the tombstone horizon, or the user's teams changed: rebuild
    from a snapshot."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail or "sync.cursor_too_old", retry=True, status=410)


class RevokedError(SyncError):
    def __init__(self, stolen: bool) -> None:
        super().__init__("sync.device_stolen" if stolen else "sync.device_revoked", retry=False,
                         status=403)
        self.stolen = stolen


def normalize_fingerprint(text: str) -> str:
    return text.replace(":", "").replace(" ", "").strip().lower()


def format_fingerprint(fp: str) -> str:
    fp = normalize_fingerprint(fp)
    return ":".join(fp[i:i + 2] for i in range(0, len(fp), 2)).upper()


def _insecure_context() -> ssl.SSLContext:
    """Encryption without CA validation: trust comes from the pinned fingerprint instead."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def fetch_fingerprint(url: str, timeout: float = CONNECT_TIMEOUT) -> str:
    """SHA-256 of the certificate the server presents now (shown and pinned at enrolment)."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw, \
                _insecure_context().wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as exc:
        raise SyncError("sync.unreachable") from exc
    if not der:
        raise SyncError("sync.tls_error")
    return hashlib.sha256(der).hexdigest()


class _FingerprintMismatch(Exception):
    pass


class _PinnedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, fingerprint: str) -> None:
        self._inner = inner
        self._fingerprint = fingerprint

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = self._inner.start_tls(ssl_context, server_hostname, timeout)
        ssl_object = stream.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if not der or hashlib.sha256(der).hexdigest() != self._fingerprint:
            stream.close()
            raise _FingerprintMismatch()
        return stream


class _PinnedBackend(SyncBackend):
    def __init__(self, fingerprint: str) -> None:
        self._fingerprint = fingerprint

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = super().connect_tcp(host, port, timeout, local_address, socket_options)
        return _PinnedStream(stream, self._fingerprint)


def pinned_transport(fingerprint: str) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(verify=_insecure_context())
    # httpx exposes no hook for the network backend: replace its pool
    transport._pool = httpcore.ConnectionPool(
        ssl_context=_insecure_context(), network_backend=_PinnedBackend(fingerprint),
        max_connections=4, keepalive_expiry=30.0)
    return transport


@dataclass
class WireStats:
    """What went over the wire (request bodies as sent, response bodies as received)."""

    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0


class SyncClient:
    """One server, one device token. `transport` lets tests route requests into the app."""

    def __init__(self, base_url: str, *, token: str | None = None,
                 fingerprint: str | None = None, transport: httpx.BaseTransport | None = None,
                 timeout: float = READ_TIMEOUT) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.fingerprint = normalize_fingerprint(fingerprint) if fingerprint else None
        self.stats = WireStats()
        self.revoked_seen = False  # a push answered with Relais-Device-Status: revoked
        if transport is None and self.base_url.startswith("https://"):
            if self.fingerprint:
                transport = pinned_transport(self.fingerprint)
            else:
                transport = httpx.HTTPTransport()  # a CA-signed certificate, verified normally
        self._http = httpx.Client(
            base_url=self.base_url, transport=transport, follow_redirects=False,
            timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT),
            headers={"Relais-Protocol": str(PROTOCOL_VERSION),
                     "Relais-Schema": str(SCHEMA_VERSION),
                     "Accept-Encoding": "gzip", "User-Agent": "relais-desktop"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- endpoints -------------------------------------------------------------------------
    def enroll(self, username: str, password: str, device_name: str = "") -> EnrollResponse:
        body = EnrollRequest(username=username, password=password, device_name=device_name)
        return self._call("POST", "/v1/devices", EnrollResponse, body=body, auth=False)

    def push(self, request: PushRequest) -> PushResponse:
        # the compact answer: versions only where they differ from the record's (protocol.py)
        request = request.model_copy(update={"compact": True})
        return self._call("POST", "/v1/sync/push", PushResponse, body=request)

    def pull(self, cursor: int, limit: int) -> PullResponse:
        return self._call("GET", "/v1/sync/pull", PullResponse,
                          params={"cursor": cursor, "limit": limit, "compact": 1})

    def snapshot(self, cursor: int, limit: int) -> PullResponse:
        return self._call("GET", "/v1/sync/snapshot", PullResponse,
                          params={"cursor": cursor, "limit": limit, "compact": 1})

    def checksum(self) -> ChecksumResponse:
        return self._call("GET", "/v1/sync/checksum", ChecksumResponse)

    def device_status(self) -> DeviceStatus:
        return self._call("GET", "/v1/device", DeviceStatus)

    def put_blob(self, sha256: str, data: bytes) -> None:
        self._send("PUT", f"/v1/blobs/{sha256}", content=data,
                   headers={"Content-Type": "application/octet-stream"})

    def get_blob(self, sha256: str) -> bytes:
        response = self._send("GET", f"/v1/blobs/{sha256}")
        data = response.content
        if hashlib.sha256(data).hexdigest() != sha256:
            raise SyncError("sync.bad_response")
        return data

    # ---- plumbing --------------------------------------------------------------------------
    def _call(self, method: str, path: str, model: type[M], *, body: BaseModel | None = None,
              params: dict[str, Any] | None = None, auth: bool = True) -> M:
        content = None
        headers: dict[str, str] = {"Content-Type": "application/json"} if body else {}
        if body is not None:
            content = body.model_dump_json().encode("utf-8")
            if len(content) >= GZIP_MIN_BYTES:
                content = gzip.compress(content, compresslevel=6)
                headers["Content-Encoding"] = "gzip"
        response = self._send(method, path, content=content, params=params, headers=headers,
                              auth=auth)
        try:
            return model.model_validate_json(response.content)
        except (ValidationError, ValueError, UnicodeDecodeError) as exc:
            # a truncated or garbled body: nothing is applied from it
            raise SyncError("sync.bad_response") from exc

    def _send(self, method: str, path: str, *, content: bytes | None = None,
              params: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
              auth: bool = True) -> httpx.Response:
        all_headers = dict(headers or {})
        if auth:
            if not self.token:
                raise SyncError("sync.not_enrolled", retry=False)
            all_headers["Authorization"] = f"Bearer {self.token}"
        self.stats.requests += 1
        self.stats.bytes_sent += len(content or b"")
        try:
            response = self._http.request(method, path, content=content, params=params,
                                          headers=all_headers)
            response.read()
        except _FingerprintMismatch as exc:
            raise SyncError("sync.fingerprint_changed", retry=False) from exc
        except httpx.TimeoutException as exc:
            raise SyncError("sync.timeout") from exc
        except httpx.DecodingError as exc:
            raise SyncError("sync.bad_response") from exc
        except (httpx.TransportError, ssl.SSLError, OSError) as exc:
            cause: BaseException | None = exc
            while cause is not None:  # httpcore wraps the pinning failure
                if isinstance(cause, _FingerprintMismatch):
                    raise SyncError("sync.fingerprint_changed", retry=False) from exc
                cause = cause.__cause__ or cause.__context__
            raise SyncError("sync.unreachable") from exc
        self.stats.bytes_received += response.num_bytes_downloaded
        self._check_status(response)
        return response

    @staticmethod
    def _detail(response: httpx.Response) -> str:
        try:
            data = json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            return ""
        detail = data.get("detail") if isinstance(data, dict) else None
        return detail if isinstance(detail, str) else ""

    def _check_status(self, response: httpx.Response) -> None:
        if response.headers.get("Relais-Device-Status") == "revoked":
            self.revoked_seen = True
        status = response.status_code
        if status < 300:
            return
        detail = self._detail(response)
        if status == 410:
            raise GoneError(detail)
        if status == 426:
            raise SyncError("sync.protocol_unsupported", retry=False, status=status)
        if status == 403 and detail in ("sync.device_revoked", "sync.device_stolen"):
            raise RevokedError(detail == "sync.device_stolen")
        if status == 401:
            code = detail if detail in ("sync.login_failed", "sync.token_expired") \
                else "sync.unauthorized"
            raise SyncError(code, retry=False, status=status)
        if status == 403:
            raise SyncError("sync.forbidden", retry=False, status=status)
        if status == 429:
            raise SyncError("sync.rate_limited", status=status)
        if status == 413:
            raise SyncError("sync.too_large", retry=False, status=status)
        if status >= 500:
            raise SyncError("sync.server_error", status=status)
        raise SyncError("sync.request_refused", retry=False, status=status)
