"""Document wording per language: message lookup, dates, times, days and code labels.

Strings live in `desktop/i18n/messages/documents_{fr,nl,en}.py` (reports have no Qt); month and
day names come from the CLDR (`desktop.i18n.dates`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.i18n import LANGUAGES, t
from desktop.i18n import catalog as _catalog
from desktop.i18n.clock import clock, clock_range
from desktop.i18n.dates import date_in_words, day_name, long_date, short_date
from desktop.i18n.punctuation import colon


class DocText:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "fr"

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
        return date_in_words(d, self.lang)

    def long_date(self, d: dt.date) -> str:
        """With the day of the week, for the patient: "lundi 7 décembre 2026"."""
        return long_date(d, self.lang)

    def day(self, weekday: int, *, capital: bool = False) -> str:
        """"lundi" (0 = Monday) inside a sentence; `capital` for a table header: "Lundi"."""
        return day_name(weekday, self.lang, capital=capital)

    def short_date(self, d: dt.date | None) -> str:
        return short_date(d)

    def time(self, hhmm: str | dt.time | None) -> str:
        """"8 h 30" / "8.30 uur" / "8:30": one formatter (`desktop.i18n.clock`)."""
        return clock(hhmm, self.lang)

    def time_range(self, start: str | None, end: str | None, part: str | None) -> str:
        if start:
            return clock_range(start, end, self.lang)
        if part:
            return self(f"part.{part}")
        return ""

    def schedule(self, sched: Any, typed: str = "") -> str:
        """A schedule in this language's words ("lundi, jeudi 10 h – 10 h 45"), from its parsed
        days and times; what the case manager typed when it says no day and no time."""
        days = tuple(getattr(sched, "days", ()) or ())
        when = self.time_range(getattr(sched, "start", None), getattr(sched, "end", None),
                               getattr(sched, "part", None))
        if not days and not when:
            return typed or str(getattr(sched, "text", "") or "")
        if len(days) == 7:
            names = self("handout.every_day").lower()
        else:
            names = ", ".join(self.day(d) for d in days)
        return " ".join(x for x in (names, when) if x)

    def datetime(self, when: dt.datetime) -> str:
        return f"{self.short_date(when.date())} {self.time(when.time())}"

    def colon(self, label: str, value: str) -> str:
        """"Label : valeur" in French (a space before the colon), "Label: value" otherwise."""
        return colon(label, value, self.lang)

    def period(self, start: dt.date | None, end: dt.date | None) -> str:
        if start and end:
            return self("from_to", start=self.short_date(start), end=self.short_date(end))
        if start:
            return self("from", start=self.short_date(start))
        if end:
            return self("until", end=self.short_date(end))
        return ""

    def join(self, items: list[str]) -> str:
        """"a, b et c" / "a, b en c" / "a, b and c"."""
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + self("and") + items[-1]

    def agreed_with(self, parties: tuple[str, ...] | list[str], note: str | None, *,
                    patient_voice: bool = False) -> str:
        """With whom a plan was agreed: the codes in words ("moi et ma famille" in the patient's
        voice, "le patient et la famille" otherwise), then the words typed beside them."""
        if patient_voice:
            words = [self(f"handout.party.{p}") for p in parties]
        else:
            words = [t(f"plan.party.{p}", self.lang) for p in parties]
        text = self.join(words)
        if note:
            text = f"{text} ({note})" if text else note
        return text
