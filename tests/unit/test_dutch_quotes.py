"""One style of quote marks in Dutch (issue 22, item 7).

The documents quote in Dutch with “…” (desktop/reports/handout.py); every other Dutch string —
message catalogs, Qt translations (their JSON sources and the generated .ts), the server's
messages, the instruments' texts — does the same, instead of a mix of „…”, ‘…’, « … », '…' and
"…". Apostrophes (auto's, 's avonds, zo'n) are not quote marks.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from desktop.i18n import messages, quote

ROOT = Path(__file__).resolve().parents[2]
# an apostrophe: between two letters (auto's, zo'n) or before 's / 't / 'n ('s avonds)
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)|(?<!\w)['’](?=[stn]\b)")
_JSON_EXAMPLE = re.compile(r"\{\{.*?\}\}")  # {{"vraag": antwoord}}: JSON syntax, not a quote
_OTHER_QUOTES = re.compile(r"[\"'‘’‚„«»‹›]")


def problem(text: str) -> str | None:
    """Why `text` breaks the Dutch quote style, or None."""
    bare = _APOSTROPHE.sub("", _JSON_EXAMPLE.sub("", text))
    other = _OTHER_QUOTES.search(bare)
    if other:
        return f"quote mark {other.group()!r}: write “…”"
    depth = 0
    for ch in bare:
        if ch == "“":
            depth += 1
            if depth > 1:
                return "“ opened twice"
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return "” without “"
    return "“ not closed" if depth else None


def _nested_nl(data: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "nl" and isinstance(value, str):
                yield where, value
            else:
                yield from _nested_nl(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _nested_nl(value, f"{where}[{i}]")


def dutch_strings() -> Iterator[tuple[str, str]]:
    for info in pkgutil.iter_modules(messages.__path__):
        if info.name.endswith("_nl"):
            module = importlib.import_module(f"desktop.i18n.messages.{info.name}")
            for code, text in module.MESSAGES.items():
                yield f"desktop/i18n/messages/{info.name}.py {code}", text
    for path in sorted((ROOT / "desktop/ui/translations").glob("*.json")):
        yield from _nested_nl(json.loads(path.read_text(encoding="utf-8")),
                              str(path.relative_to(ROOT)))
    ts = ET.parse(ROOT / "resources/translations/relais_nl.ts")
    for msg in ts.iter("message"):
        yield f"relais_nl.ts {msg.findtext('source')}", msg.findtext("translation") or ""
    from server.messages import MESSAGES as SERVER

    for code, texts in SERVER.items():
        yield f"server/messages.py {code}", texts.get("nl", "")
    for path in sorted((ROOT / "resources/instruments").glob("*.json")):
        yield from _nested_nl(json.loads(path.read_text(encoding="utf-8")),
                              str(path.relative_to(ROOT)))
    yield from _nested_nl(json.loads((ROOT / "desktop/i18n/glossary.json").read_text(
        encoding="utf-8")), "glossary.json")


def test_the_rule_itself() -> None:
    assert problem("Kies „Wachtzin vergeten…” en typ de sleutel") is not None
    assert problem("overgang van ‘a’ naar ‘b’") is not None
    assert problem("onbekende verwijzing '{ref}'") is not None
    assert problem('"Wie doet wat" afdrukken') is not None
    assert problem("Ongeldig kwartaal « {value} »") is not None
    assert problem("Aanvraag: “{text}") == "“ not closed"
    assert problem("“Wie doet wat” afdrukken, 's avonds, auto's, zo'n") is None
    assert problem('een JSON-object {{"vraag": antwoord}}') is None


def test_dutch_strings_quote_one_way() -> None:
    seen = 0
    bad = []
    for where, text in dutch_strings():
        seen += 1
        why = problem(text)
        if why:
            bad.append(f"{where}: {why}: {text}")
    assert seen > 1000  # every source was read
    assert not bad, "\n".join(bad)


def test_command_line_quotes_in_the_users_language() -> None:
    assert quote("Rester chez moi", "fr") == "« Rester chez moi »"
    assert quote("Thuis blijven", "nl") == "“Thuis blijven”"
    assert quote("Stay at home", "en") == "“Stay at home”"


def test_case_show_quotes_the_request_in_the_users_language(run) -> None:  # type: ignore[no-untyped-def]
    pid = run("patient", "add", "--family-name", "Peeters", "--given-name", "Jan")[1].strip()
    code, out, err = run("case", "open", "--patient", pid, "--requester-type", "gp",
                         "--reason", "Thuis blijven wonen", "--request-date", "2026-11-20")
    assert code == 0, err
    cid = out.strip()
    code, out, _ = run("case", "show", cid, lang="nl")
    assert code == 0 and "    “Thuis blijven wonen”" in out and "«" not in out
    code, out, _ = run("case", "show", cid, lang="fr")
    assert code == 0 and "    « Thuis blijven wonen »" in out
