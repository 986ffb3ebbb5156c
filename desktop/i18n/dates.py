"""Dates as the interface and documents write them in figures: the one formatter for screens,
printouts and the command line (instead of `strftime("%d/%m/%Y")` in each file).

    short_date(d)              "07/12/2026"   (fr, nl and en-GB all write day/month/year)
    short_date(d, year=False)  "07/12"
    short_datetime(t)          "07/12/2026 14:05"   (seconds=True: "07/12/2026 14:05:09")

Dates in words take their month and day names from the CLDR through Babel (no Qt: documents and
the command line use them too); Babel is imported on first use, not at start-up:

    month_name(12, "fr")             "décembre"   ("december", "December")
    day_name(0, "fr")                "lundi"      (inside a sentence; capital=True: "Lundi")
    date_in_words(d, "nl")           "7 december 2026"
    long_date(d, "fr")               "lundi 7 décembre 2026"   ("Monday 7 December 2026")

Times of day in words ("14 h 05") are `desktop.i18n.clock`.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

# The CLDR locale behind each language: Belgian French and Dutch, British English. The
# PyInstaller spec (installers/relais.spec) bundles the locale data of these alone.
BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}


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


@cache
def _names(kind: str, lang: str) -> tuple[str, ...]:
    """The 'wide' month (January first) or day (Monday first) names, as Babel writes them:
    French and Dutch in lower case, English capitalised. An unknown language reads French."""
    from babel.dates import get_day_names, get_month_names

    locale = BABEL_LOCALES.get(lang, BABEL_LOCALES["fr"])
    if kind == "month":
        months = get_month_names("wide", locale=locale)
        return tuple(str(months[m]) for m in range(1, 13))
    days = get_day_names("wide", locale=locale)
    return tuple(str(days[d]) for d in range(7))


def month_name(month: int, lang: str) -> str:
    """"décembre", "december", "December" (month 1–12)."""
    return _names("month", lang)[month - 1]


def day_name(weekday: int, lang: str, *, capital: bool = False) -> str:
    """The day of `date.weekday()` (0 = Monday) as written inside a sentence: "lundi",
    "maandag", "Monday"; `capital`: at the start of a line or as a table header ("Lundi")."""
    name = _names("day", lang)[weekday]
    return name[:1].upper() + name[1:] if capital else name


def date_in_words(value: dt.date | None, lang: str) -> str:
    """"7 décembre 2026", "7 december 2026", "7 December 2026"; "" for None."""
    if value is None:
        return ""
    return f"{value.day} {month_name(value.month, lang)} {value.year}"


def long_date(value: dt.date, lang: str) -> str:
    """With the day of the week: "lundi 7 décembre 2026", "Monday 7 December 2026"."""
    return f"{day_name(value.weekday(), lang)} {date_in_words(value, lang)}"
