"""Push and pull, the requests every laptop makes over and over, served straight from ASGI.

FastAPI's part of such a request (the Request object, routing, dependency solving, the body
decoded to Python objects and then validated) cost about a tenth of the server's CPU under
load (docs/PERFORMANCE.md). The lane reads the body in one step (`model_validate_json`) and the
query with a plain parser, then calls the same functions the FastAPI routes call. What it
cannot read as valid (a body that fails validation, a query value it does not parse, another
content type) goes on to the FastAPI route, which answers as it always did (422 and its
details), so the two paths cannot answer a request differently.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from desktop.sync.protocol import MAX_PULL_LIMIT, PushRequest
from server.auth import ApiError
from server.middleware import ASGIApp, Receive, Scope, Send, header, replayed

State = MutableMapping[str, Any]
Push = Callable[[PushRequest, State, str | None], Awaitable[Response]]
Pull = Callable[[State, str | None, int, int, bool], Response]

PUSH_PATH = "/v1/sync/push"
PULL_PATH = "/v1/sync/pull"
MAX_CURSOR = 2**62
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def pull_query(query_string: bytes) -> tuple[int, int, bool] | None:
    """cursor, limit and compact as FastAPI would read them (the last of a repeated name
    counts, unknown names are ignored), or None for anything less plain: the route decides."""
    values = dict(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))
    cursor = _whole(values.get("cursor", "0"), 0, MAX_CURSOR)
    limit = _whole(values.get("limit", "500"), 1, MAX_PULL_LIMIT)
    compact = _BOOLEANS.get(values.get("compact", "false"))
    if cursor is None or limit is None or compact is None:
        return None
    return cursor, limit, compact


def _whole(text: str, low: int, high: int) -> int | None:
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    value = int(text)
    return value if low <= value <= high else None


def _json(content_type: str | None) -> bool:
    """A body FastAPI reads as JSON: no content type, or application/json or …+json."""
    if content_type is None:
        return True
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind == "application/json" or (kind.startswith("application/")
                                          and kind.endswith("+json"))


class SyncLane:
    def __init__(self, app: ASGIApp, push: Push, pull: Pull) -> None:
        self.app = app
        self.push = push
        self.pull = pull

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path, method = scope.get("path"), scope.get("method")
            if path == PUSH_PATH and method == "POST":
                await self._push(scope, receive, send)
                return
            if path == PULL_PATH and method == "GET":
                query = pull_query(scope.get("query_string", b""))
                if query is not None:
                    state = scope.setdefault("state", {})
                    await self._answer(scope, receive, send, run_in_threadpool(
                        self.pull, state, header(scope, b"authorization"), *query))
                    return
        await self.app(scope, receive, send)

    async def _push(self, scope: Scope, receive: Receive, send: Send) -> None:
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        request: PushRequest | None = None
        if _json(header(scope, b"content-type")):
            try:
                request = PushRequest.model_validate_json(body)
            except ValidationError:
                request = None
        if request is None:  # the route answers it, from the same body
            await self.app(scope, replayed(body, receive), send)
            return
        state = scope.setdefault("state", {})
        await self._answer(scope, receive, send,
                           self.push(request, state, header(scope, b"authorization")))

    async def _answer(self, scope: Scope, receive: Receive, send: Send,
                      work: Awaitable[Response]) -> None:
        try:
            response = await work
        except ApiError as exc:  # what the app's exception handler answers for the routes
            response = JSONResponse({"detail": exc.detail}, status_code=exc.status,
                                    headers=exc.headers)
        await response(scope, receive, send)

