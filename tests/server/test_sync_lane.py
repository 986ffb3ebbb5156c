"""Push and pull straight from ASGI (server/sync_lane.py): what the lane reads as valid it serves
with the app's own functions; anything else reaches the FastAPI route unchanged, body included,
so both paths answer alike (FastAPI's 422 with its details stays the route's)."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlencode

from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, Field, ValidationError
from starlette.responses import Response

from desktop.sync.protocol import MAX_PULL_LIMIT, PushRequest
from server.auth import ApiError
from server.sync_lane import MAX_CURSOR, SyncLane, pull_query


class Served:
    """What reached the lane's functions and the app behind it."""

    def __init__(self, error: ApiError | None = None) -> None:
        self.pushes: list[tuple[PushRequest, str | None]] = []
        self.pulls: list[tuple[str | None, int, int, bool]] = []
        self.route: list[bytes] = []  # bodies the FastAPI route would have read
        self.error = error

    async def push(self, body: PushRequest, state: Any, auth: str | None) -> Response:
        if self.error:
            raise self.error
        self.pushes.append((body, auth))
        state["device_id"] = body.device_id
        return Response(b'{"results": []}', media_type="application/json")

    def pull(self, _state: Any, auth: str | None, cursor: int, limit: int,
             compact: bool) -> Response:
        self.pulls.append((auth, cursor, limit, compact))
        return Response(b"{}", media_type="application/json")

    async def app(self, _scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        self.route.append(message.get("body", b""))
        await send({"type": "http.response.start", "status": 422, "headers": []})
        await send({"type": "http.response.body", "body": b"route"})


def call(served: Served, method: str, path: str, body: bytes = b"", query: str = "",
         headers: list[tuple[bytes, bytes]] | None = None) -> tuple[int, bytes, dict[bytes, bytes]]:
    lane = SyncLane(served.app, push=served.push, pull=served.pull)
    scope = {"type": "http", "method": method, "path": path, "query_string": query.encode(),
             "headers": headers if headers is not None else [
                 (b"authorization", b"Bearer tok"), (b"content-type", b"application/json")]}
    parts = [body[:5], body[5:]]  # a body in two messages
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        chunk = parts.pop(0) if parts else b""
        return {"type": "http.request", "body": chunk, "more_body": bool(parts)}

    async def send(message: Any) -> None:
        sent.append(message)

    asyncio.run(lane(scope, receive, send))
    start = sent[0]
    return (start["status"], b"".join(m.get("body", b"") for m in sent[1:]),
            dict(start["headers"]))


PUSH = json.dumps({"device_id": "d1", "ops": [], "cursor": 5, "compact": True}).encode()


def test_a_valid_push_is_served_by_the_lane_with_its_token() -> None:
    served = Served()
    status, body, _ = call(served, "POST", "/v1/sync/push", PUSH)
    assert (status, body) == (200, b'{"results": []}')
    assert served.route == []
    [(request, auth)] = served.pushes
    assert (request.device_id, request.cursor, request.compact, auth) == ("d1", 5, True,
                                                                          "Bearer tok")


def test_a_push_the_lane_cannot_read_reaches_the_route_with_its_whole_body() -> None:
    for body, headers in ((b'{"device_id": 3}', None), (b"not json", None), (b"", None),
                          (PUSH, [(b"content-type", b"text/plain")])):
        served = Served()
        status, answer, _ = call(served, "POST", "/v1/sync/push", body, headers=headers)
        assert (status, answer) == (422, b"route")
        assert served.route == [body] and served.pushes == []


def test_an_api_error_is_answered_as_the_app_answers_it() -> None:
    served = Served(ApiError(401, "sync.unauthorized", {"WWW-Authenticate": "Bearer"}))
    status, body, headers = call(served, "POST", "/v1/sync/push", PUSH)
    assert status == 401 and json.loads(body) == {"detail": "sync.unauthorized"}
    assert headers[b"www-authenticate"] == b"Bearer"


def test_pull_queries_plain_enough_are_served_the_others_go_to_the_route() -> None:
    served = Served()
    assert call(served, "GET", "/v1/sync/pull", query="cursor=12&limit=1000&compact=1")[0] == 200
    assert call(served, "GET", "/v1/sync/pull")[0] == 200  # the defaults
    assert served.pulls == [("Bearer tok", 12, 1000, True), ("Bearer tok", 0, 500, False)]
    for query in ("cursor=-1", f"limit={MAX_PULL_LIMIT + 1}", "limit=0", "compact=yes",
                  "cursor=", "cursor=%201"):
        assert call(served, "GET", "/v1/sync/pull", query=query)[0] == 422, query
    assert len(served.route) == 6 and len(served.pulls) == 2
    # another path or method is none of the lane's business
    assert call(served, "GET", "/v1/sync/snapshot")[0] == 422
    assert call(served, "PUT", "/v1/sync/push", PUSH)[0] == 422


class RouteQuery(BaseModel):
    """The pull route's query parameters as FastAPI declares them (server/app.py)."""

    cursor: int = Field(0, ge=0, le=2**62)
    limit: int = Field(500, ge=1, le=MAX_PULL_LIMIT)
    compact: bool = False


values = st.one_of(st.integers(-5, 2**63).map(str), st.sampled_from(
    ["", " 1", "1.0", "true", "false", "0", "1", "yes", "TRUE", "٣", "+3", "1e3", "07"]))


@given(st.lists(st.tuples(st.sampled_from(["cursor", "limit", "compact", "other"]), values),
                max_size=5))
def test_the_lane_reads_a_pull_query_as_the_route_would(params: list[tuple[str, str]]) -> None:
    query = urlencode(params).encode()
    read = pull_query(query)
    if read is None:
        return  # the route decides
    last = {k: v for k, v in params if k != "other"}
    try:
        route = RouteQuery.model_validate(last)
    except ValidationError:
        raise AssertionError(f"the lane served {params}, which the route refuses") from None
    assert read == (route.cursor, route.limit, route.compact)
    assert 0 <= read[0] <= MAX_CURSOR


def test_the_app_serves_push_and_pull_through_the_lane_inside_gzip_and_the_request_log(
        tmp_path: Any) -> None:
    from starlette.middleware.gzip import GZipMiddleware

    from server.app import create_app
    from server.config import ServerSettings
    from server.middleware import RelaisMiddleware

    app = create_app(ServerSettings(data_dir=tmp_path / "server"))
    order: list[Any] = [m.cls for m in app.user_middleware]  # outermost first
    assert order == [RelaisMiddleware, GZipMiddleware, SyncLane]
