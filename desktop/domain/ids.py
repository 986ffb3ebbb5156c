"""UUIDv7 ids generated on the device: time-ordered, so indexes stay compact."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable

_lock = threading.Lock()
_last_ms = 0
_seq = 0
_source: Callable[[], str] | None = None


def use_id_source(source: Callable[[], str] | None) -> None:
    """Tests only: new ids come from `source` (None: the clock and os.urandom again). The sync
    state machine replays a run exactly with ids it generates from a seed
    (tests/e2e/replay_support.py); nothing in the application calls this."""
    global _source
    _source = source


def uuid7() -> str:
    """RFC 9562 UUIDv7 with a 12-bit monotonic counter within one millisecond."""
    global _last_ms, _seq
    if _source is not None:
        return _source()
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _seq += 1
            if _seq > 0xFFF:
                ms += 1
                _seq = 0
        else:
            _seq = int.from_bytes(os.urandom(2), "big") & 0x7FF
        _last_ms = ms
        seq = _seq
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= seq << 64
    value |= 0b10 << 62
    value |= rand
    return str(uuid.UUID(int=value))


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
