"""Document wording per language: message lookup, dates, times, days and code labels.

Strings live in `desktop/i18n/messages/documents_{fr,nl,en}.py` (reports have no Qt)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.i18n import LANGUAGES, t
from desktop.i18n import catalog as _catalog


class DocText:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "fr"
        self._months = t("doc.months", self.lang).split()

    def __call__(self, key: str, **params: Any) -> str:
        return t(f"doc.{key}", self.lang, **params)

    def has(self, key: str) -> bool:
        return f"doc.{key}" in _catalog(self.lang)

    def label(self, group: str, code: str | None) -> str:
        """A code translated ("doc.kind.nurse"), else the code itself made readable."""
        if not code:
            return ""
        key = f"{group}.{code}"
        return self(key) if self.has(key) else code.replace("_", " ")

    def date(self, d: dt.date | None) -> str:
        """"7 décembre 2026", "7 december 2026", "7 December 2026"."""
        if d is None:
            return ""
        return f"{d.day} {self._months[d.month - 1]} {d.year}"

    def long_date(self, d: dt.date) -> str:
        """With the day of the week, for the patient: "lundi 7 décembre 2026"."""
        day = self(f"day.{d.weekday()}")
        return f"{day.lower() if self.lang != 'en' else day} {self.date(d)}"

    def short_date(self, d: dt.date | None) -> str:
        return d.strftime("%d/%m/%Y") if d else ""

    def time(self, hhmm: str | None) -> str:
        """"8h30" / "8.30 u" / "8:30": how each language writes the time in Belgium."""
        if not hhmm:
            return ""
        h, m = (int(x) for x in hhmm.split(":"))
        if self.lang == "fr":
            return f"{h}h{m:02d}" if m else f"{h}h"
        if self.lang == "nl":
            return f"{h}.{m:02d} u" if m else f"{h} u"
        return f"{h}:{m:02d}"

    def time_range(self, start: str | None, end: str | None, part: str | None) -> str:
        if start and end:
            return f"{self.time(start)} – {self.time(end)}"
        if start:
            return self.time(start)
        if part:
            return self(f"part.{part}")
        return ""

    def period(self, start: dt.date | None, end: dt.date | None) -> str:
        if start and end:
            return self("from_to", start=self.short_date(start), end=self.short_date(end))
        if start:
            return self("from", start=self.short_date(start))
        if end:
            return self("until", end=self.short_date(end))
        return ""
