"""Times of day as each language writes them in Belgium: the one formatter for documents, the
command line and the demo data.

    fr  "10 h", "10 h 45", "10 h – 10 h 45"
    nl  "10.00 uur", "10.45 uur", "10.00–10.45 uur"
    en  "10:00", "10:45", "10:00–10:45"

The spaces inside a French time and before "uur" are no-break spaces, so a time never wraps.
"""

from __future__ import annotations

import datetime as dt

NBSP = "\u00a0"
DASH = "–"


def _hm(value: str | dt.time) -> tuple[int, int]:
    if isinstance(value, dt.time):
        return value.hour, value.minute
    h, m = (int(x) for x in value.split(":")[:2])
    return h, m


def _bare(h: int, m: int, lang: str) -> str:
    if lang == "fr":
        return f"{h}{NBSP}h{NBSP}{m:02d}" if m else f"{h}{NBSP}h"
    if lang == "nl":
        return f"{h}.{m:02d}"
    return f"{h}:{m:02d}"


def clock(value: str | dt.time | None, lang: str) -> str:
    """One time: "8 h 30", "8.30 uur", "8:30"."""
    if value is None or value == "":
        return ""
    h, m = _hm(value)
    bare = _bare(h, m, lang)
    return f"{bare}{NBSP}uur" if lang == "nl" else bare


def clock_range(start: str | dt.time | None, end: str | dt.time | None, lang: str) -> str:
    """From start to end: "10 h – 10 h 45", "10.00–10.45 uur", "10:00–10:45"."""
    if not start:
        return clock(end, lang) if end else ""
    if not end:
        return clock(start, lang)
    a, b = _bare(*_hm(start), lang), _bare(*_hm(end), lang)
    if lang == "fr":
        return f"{a} {DASH} {b}"
    if lang == "nl":
        return f"{a}{DASH}{b}{NBSP}uur"
    return f"{a}{DASH}{b}"
