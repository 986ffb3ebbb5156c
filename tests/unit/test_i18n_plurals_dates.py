"""Counts in the message catalogs take each language's plural form (`tn`, and `t` with `n=`),
and dates in figures come from one formatter (`desktop.i18n.dates`)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import RuleViolation
from desktop.i18n import error_text, plural_category, t, tn
from desktop.i18n.dates import short_date, short_datetime, short_time


@pytest.mark.parametrize("lang, forms", [
    ("fr", ["0 conflit", "1 conflit", "2 conflits"]),
    ("nl", ["0 conflicten", "1 conflict", "2 conflicten"]),
    ("en", ["0 conflicts", "1 conflict", "2 conflicts"]),
])
def test_counts_take_the_plural_form_of_the_language(lang: str, forms: list[str]) -> None:
    assert [tn("sync.conflicts", n, lang) for n in (0, 1, 2)] == forms
    assert [t("sync.conflicts", lang, n=n) for n in (0, 1, 2)] == forms


def test_plural_categories() -> None:
    assert [plural_category(n, "fr") for n in (0, 1, 2, 11)] == ["one", "one", "other", "other"]
    assert [plural_category(n, "nl") for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_category(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]


def test_an_error_with_a_count_reads_in_the_right_form() -> None:
    one, many = RuleViolation("contact.in_use", "id", n=1), RuleViolation("contact.in_use", "id", n=3)
    assert "lié à 1 patient ;" in error_text(one, "fr")
    assert "lié à 3 patients ;" in error_text(many, "fr")
    assert "aan 1 patiënt gekoppeld" in error_text(one, "nl")
    assert "linked to 3 patients;" in error_text(many, "en")


def test_composed_counts() -> None:
    text = t("ecosystem.merged", "fr", moved=tn("ecosystem.ties_moved", 1, "fr"),
             combined=tn("ecosystem.ties_combined", 2, "fr"))
    assert text == "Fusion faite : 1 lien déplacé, 2 liens combinés."
    text = tn("event.trend", 1, "nl", days=90, previous=0)
    assert text.startswith("1 gebeurtenis in 90 dagen")


def test_dates_in_figures() -> None:
    day = dt.date(2026, 3, 7)
    when = dt.datetime(2026, 3, 7, 9, 5, 4)
    assert short_date(day) == "07/03/2026" == day.strftime("%d/%m/%Y")
    assert short_date(when) == "07/03/2026"
    assert short_date(day, year=False) == "07/03"
    assert short_date(None) == ""
    assert short_time(when) == "09:05" and short_time(when, seconds=True) == "09:05:04"
    assert short_datetime(when) == "07/03/2026 09:05" == when.strftime("%d/%m/%Y %H:%M")
    assert short_datetime(when, year=False) == "07/03 09:05"
    assert short_datetime(when, seconds=True) == "07/03/2026 09:05:04"
    assert short_datetime(None) == ""
    assert short_date(dt.date(987, 1, 2)) == "02/01/0987"


def test_screens_and_documents_write_dates_through_the_one_formatter() -> None:
    """No `strftime("%d/%m/%Y…")` of their own in desktop/ui, desktop/reports, desktop/commands."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(r"strftime\(\s*['\"]%d/%m")
    found = [f"{path.relative_to(root)}:{n}"
             for folder in ("desktop/ui", "desktop/reports", "desktop/commands")
             for path in sorted((root / folder).rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert not found, found
