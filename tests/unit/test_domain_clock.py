"""desktop.domain.dates: the one UTC clock of the laptop code, and its test-only seam (the sync
state machine replays a seed on a simulated clock: tests/e2e/replay_support.py)."""

from __future__ import annotations

import datetime as dt

from desktop.domain import dates


def test_utcnow_is_naive_utc_to_the_second_unless_precise() -> None:
    now = dates.utcnow()
    assert now.tzinfo is None and now.microsecond == 0
    assert abs(now - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(minutes=1)


def test_the_test_clock_drives_utcnow_and_local_time() -> None:
    at = dt.datetime(2026, 11, 23, 8, 0, 5, 123456, tzinfo=dt.UTC)
    dates.use_wall_clock(lambda: at)
    try:
        assert dates.utcnow() == dt.datetime(2026, 11, 23, 8, 0, 5)
        assert dates.utcnow(precise=True) == dt.datetime(2026, 11, 23, 8, 0, 5, 123456)
        assert dates.local_time() == dt.datetime(2026, 11, 23, 8, 0, 5, 123456)
    finally:
        dates.use_wall_clock(None)
    assert dates.utcnow().year >= 2025 and dates.utcnow() != dt.datetime(2026, 11, 23, 8, 0, 5)
