"""The request log's writer (server/request_log.py): rows of requests that end while a write is
under way share the next transaction, every waiter learns when its row is committed, and one
bad row neither loses the others nor is reported as written."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import event, func, select

from server.config import ServerSettings
from server.db import Database
from server.models import RequestLog
from server.request_log import RequestLogWriter


def _row(n: int, status: Any = 200) -> dict[str, Any]:
    return {"at": dt.datetime(2026, 12, 6, 12, 0), "device_id": f"dev-{n}", "user_id": "u",
            "method": "POST", "path": "/v1/sync/push", "status": status, "client": None,
            "detail": None}


def _count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(RequestLog)) or 0)


def test_rows_waiting_during_a_write_share_one_commit(sqlite_settings: ServerSettings) -> None:
    db = Database(sqlite_settings)
    writer = RequestLogWriter(db, anonymous_max=1000)
    commits: list[int] = []
    release = threading.Event()

    @event.listens_for(db.engine, "commit")
    def _commit(_conn: Any) -> None:
        commits.append(1)
        if len(commits) == 1:
            release.wait(10)  # the first write is slow: the others queue up meanwhile

    async def main() -> None:
        first = asyncio.create_task(writer.write(_row(0), False))
        while not commits:
            await asyncio.sleep(0.01)
        rest = [asyncio.create_task(writer.write(_row(n), False)) for n in range(1, 40)]
        await asyncio.sleep(0.05)
        assert not any(task.done() for task in rest)  # nobody hears "written" early
        release.set()
        await asyncio.gather(first, *rest)

    try:
        asyncio.run(main())
    finally:
        release.set()
        writer.close()
    assert len(commits) == 2  # the 39 rows queued behind the first went in one transaction
    assert _count(db) == 40
    db.dispose()


def test_a_bad_row_fails_alone(sqlite_settings: ServerSettings) -> None:
    db = Database(sqlite_settings)
    writer = RequestLogWriter(db, anonymous_max=1000)
    release = threading.Event()
    started = threading.Event()

    @event.listens_for(db.engine, "commit")
    def _commit(_conn: Any) -> None:
        started.set()
        release.wait(10)

    async def main() -> list[Any]:
        first = asyncio.create_task(writer.write(_row(0), False))
        while not started.is_set():
            await asyncio.sleep(0.01)
        batch = [writer.write(_row(1), False), writer.write(_row(2, status=None), False),
                 writer.write(_row(3), False)]
        tasks = [asyncio.create_task(one) for one in batch]
        await asyncio.sleep(0.05)
        release.set()
        return await asyncio.gather(first, *tasks, return_exceptions=True)

    try:
        outcomes = asyncio.run(main())
    finally:
        release.set()
        writer.close()
    assert outcomes[0] is None and outcomes[1] is None and outcomes[3] is None
    assert isinstance(outcomes[2], Exception)  # status is NOT NULL
    with db.session() as session:
        assert sorted(session.scalars(select(RequestLog.device_id))) == [
            "dev-0", "dev-1", "dev-3"]
    db.dispose()


def test_close_writes_what_is_queued_and_anonymous_rows_stay_bounded(
        sqlite_settings: ServerSettings) -> None:
    db = Database(sqlite_settings)
    writer = RequestLogWriter(db, anonymous_max=5)

    def anonymous() -> dict[str, Any]:
        return {**_row(0), "device_id": None, "user_id": None}

    async def main() -> None:
        await asyncio.gather(*(writer.write(anonymous(), n % 3 == 2) for n in range(30)))

    asyncio.run(main())
    writer.close()
    assert writer._thread is None
    assert _count(db) <= 5 + 3  # pruned to the maximum, give or take the rows since
    db.dispose()


@pytest.mark.parametrize("rows", [0, 3])
def test_close_is_safe_whatever_was_written(sqlite_settings: ServerSettings, rows: int) -> None:
    db = Database(sqlite_settings)
    writer = RequestLogWriter(db, anonymous_max=100)

    async def main() -> None:
        await asyncio.gather(*(writer.write(_row(n), False) for n in range(rows)))

    asyncio.run(main())
    writer.close()
    writer.close()
    assert _count(db) == rows
    db.dispose()
