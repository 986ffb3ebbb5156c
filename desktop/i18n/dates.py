"""Dates as the interface and documents write them in figures: the one formatter for screens,
printouts and the command line (instead of `strftime("%d/%m/%Y")` in each file).

    short_date(d)              "07/12/2026"   (fr, nl and en-GB all write day/month/year)
    short_date(d, year=False)  "07/12"
    short_datetime(t)          "07/12/2026 14:05"   (seconds=True: "07/12/2026 14:05:09")

Dates written out in words ("7 décembre 2026") are `desktop.reports.doc_text.DocText.date`;
times of day in words ("14 h 05") are `desktop.i18n.clock`.
"""

from __future__ import annotations

import datetime as dt


def short_date(value: dt.date | None, *, year: bool = True) -> str:
    """A day in figures; "" for None."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if year \
        else f"{value.day:02d}/{value.month:02d}"


def short_time(value: dt.datetime | dt.time, *, seconds: bool = False) -> str:
    """"14:05" (the 24-hour clock of tables and lists)."""
    text = f"{value.hour:02d}:{value.minute:02d}"
    return f"{text}:{value.second:02d}" if seconds else text


def short_datetime(value: dt.datetime | None, *, year: bool = True, seconds: bool = False) -> str:
    """A day and a time in figures; "" for None. The caller converts to local time first."""
    if value is None:
        return ""
    return f"{short_date(value, year=year)} {short_time(value, seconds=seconds)}"
