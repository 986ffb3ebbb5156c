"""Counts in the message catalogs take each language's plural form (`tn`, and `t` with `n=`),
and dates in figures come from one formatter (`desktop.i18n.dates`), month and day names from
the CLDR through Babel."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import RuleViolation
from desktop.i18n import error_text, plural_category, t, tn
from desktop.i18n.dates import (
    date_in_words,
    day_name,
    long_date,
    month_name,
    short_date,
    short_datetime,
    short_time,
)


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


@pytest.mark.parametrize(("lang", "months", "days"), [
    ("fr", "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
     "lundi mardi mercredi jeudi vendredi samedi dimanche"),
    ("nl", "januari februari maart april mei juni juli augustus september oktober november "
           "december", "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"),
    ("en", "January February March April May June July August September October November "
           "December", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
])
def test_month_and_day_names_come_from_the_locale(lang: str, months: str, days: str) -> None:
    """The words the message catalogs held before (doc.months, doc.day.N), now from the CLDR:
    French and Dutch names in lower case inside a sentence, capitalised at a line's start."""
    assert [month_name(m, lang) for m in range(1, 13)] == months.split()
    assert [day_name(d, lang) for d in range(7)] == days.split()
    capitals = [day_name(d, lang, capital=True) for d in range(7)]
    assert capitals == [d[0].upper() + d[1:] for d in days.split()]


def test_dates_in_words() -> None:
    day = dt.date(2026, 12, 7)
    assert date_in_words(day, "fr") == "7 décembre 2026"
    assert date_in_words(day, "nl") == "7 december 2026"
    assert date_in_words(day, "en") == "7 December 2026"
    assert date_in_words(None, "fr") == ""
    assert long_date(dt.date(2027, 3, 1), "fr") == "lundi 1 mars 2027"
    assert long_date(dt.date(2027, 8, 15), "nl") == "zondag 15 augustus 2027"
    assert long_date(dt.date(2027, 2, 3), "en") == "Wednesday 3 February 2027"


def test_babel_is_imported_only_when_a_name_is_needed() -> None:
    """The command line starts without Babel (issue 16): it loads on the first month name."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys\nfrom desktop.cli import build_parser\nbuild_parser()\n"
            "from desktop.i18n import dates\nfrom desktop.reports import doc_text\n"
            "print('babel' in sys.modules)\ndates.month_name(3, 'nl')\n"
            "print('babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]


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


def test_the_sync_report_reads_right_for_one_change_in_french() -> None:
    from desktop.i18n import t

    text = t("sync.report", "fr", pushed=1, pulled=1, conflicts="0 conflit", rejected=0,
             pending=0)
    assert "1 envoyées" not in text and "1 reçues" not in text
    assert "envoyées : 1" in text and "reçues : 1" in text


def test_a_database_error_is_named_by_its_type_never_its_values() -> None:
    """A sync that met a database error crashed the status bar (its `params`, the statement's
    values, are a list) and would have shown a patient's name in a tooltip."""
    from sqlalchemy.exc import IntegrityError

    exc = IntegrityError("INSERT INTO patient (family_name) VALUES (?)", [("Wilmotte",)],
                         Exception("UNIQUE constraint failed: patient.niss"))
    assert exc.code  # SQLAlchemy's own code, like a DomainError's
    for lang in ("fr", "nl", "en"):
        text = error_text(exc, lang)
        assert "IntegrityError" in text and "Wilmotte" not in text and "INSERT" not in text
    assert error_text(exc, "fr") == "Erreur inattendue : IntegrityError"
