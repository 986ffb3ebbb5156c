"""Hybrid logical clock. Orders last-writer-wins fields and timelines; never decides concurrency.

A timestamp is a string that sorts lexicographically: 13-digit wall ms, 5-digit counter, device id.
The counter never exceeds MAX_COUNTER: one more tick in the same millisecond moves the wall part on
by 1 ms instead (a 6-digit counter would sort before smaller ones, and the server refuses it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_DRIFT_MS = 24 * 3600 * 1000  # remote clocks further ahead than this are clamped
MAX_COUNTER = 99_999  # the text form has 5 digits for it
MAX_WALL_MS = 10**13 - 1  # and 13 for the wall clock


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        wall, counter, device = text.split("-", 2)
        return cls(int(wall), int(counter), device)


def _next(wall_ms: int, counter: int, device: str) -> Timestamp:
    """(wall, counter) with the counter kept within its 5 digits: past MAX_COUNTER the wall
    part moves on by 1 ms, which still orders after every (wall, n)."""
    if counter > MAX_COUNTER:
        return Timestamp(wall_ms + 1, 0, device)
    return Timestamp(wall_ms, counter, device)


class HybridClock:
    def __init__(
        self,
        device: str,
        last: str | None = None,
        now_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        self.device = device
        self._now = now_ms
        self._last = Timestamp.decode(last) if last else Timestamp(0, 0, device)

    @property
    def last(self) -> str:
        return self._last.encode()

    def tick(self) -> str:
        now = self._now()
        if now > self._last.wall_ms:
            self._last = Timestamp(now, 0, self.device)
        else:
            self._last = _next(self._last.wall_ms, self._last.counter + 1, self.device)
        return self._last.encode()

    def observe(self, remote: str) -> str:
        """Merge a remote timestamp; one far in the future is clamped to now + MAX_DRIFT."""
        now = self._now()
        r = Timestamp.decode(remote)
        r_wall = min(r.wall_ms, now + MAX_DRIFT_MS)
        wall = max(now, self._last.wall_ms, r_wall)
        if wall == self._last.wall_ms and wall == r_wall:
            counter = max(self._last.counter, r.counter) + 1
        elif wall == self._last.wall_ms:
            counter = self._last.counter + 1
        elif wall == r_wall:
            counter = r.counter + 1
        else:
            counter = 0
        self._last = _next(wall, counter, self.device)
        return self._last.encode()
