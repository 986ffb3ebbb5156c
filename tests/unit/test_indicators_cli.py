"""`relais indicators` (issue 20): text in three languages, --json, the audited PDF, bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import PASSPHRASE


def _caseload(run) -> str:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    pid = run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile",
              "--city", "Namur")[1].strip()
    code, _out, err = run("case", "open", "--patient", pid, "--requester-type", "gp",
                         "--reason", "Chutes", "--request-date",
                         (today - dt.timedelta(days=20)).isoformat(),
                         "--opened", (today - dt.timedelta(days=15)).isoformat())
    assert code == 0, err
    assert run("event", "add", "--patient", pid, "--kind", "fall", "--date",
               (today - dt.timedelta(days=3)).isoformat())[0] == 0
    return pid


def test_indicators_text_json_and_pdf(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _caseload(run)
    code, out, err = run("indicators")
    assert code == 0, err
    assert "Indicators of my caseload" in out and "Requests received" in out
    assert "Dupont" not in out
    code, out, err = run("indicators", lang="fr")
    assert code == 0 and "Demandes reçues" in out and "Chute" in out
    code, out, err = run("indicators", lang="nl")
    assert code == 0 and "Ontvangen aanvragen" in out
    code, out, err = run("indicators", "--json")
    data = json.loads(out)
    assert data["requests_received"] == 1 and data["active_cases"] == 1
    assert data["stability_events"] == 1
    pdf = tmp_path / "ind.pdf"
    code, out, err = run("indicators", "--pdf", str(pdf), "--json", lang="fr")
    assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Indicateurs de mon portefeuille" in text and "Demandes reçues" in text
    assert "Dupont" not in text and "Émile" not in text and "Namur" not in text.split(
        "Besoins")[0]


def test_indicators_pdf_is_audited(run, tmp_path: Path, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.context import AppContext
    from desktop.storage.models import AuditEvent

    _caseload(run)
    pdf = tmp_path / "ind.pdf"
    assert run("indicators", "--pdf", str(pdf))[0] == 0
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        rows = ctx.read(lambda s: [(a.action, a.detail) for a in s.query(AuditEvent).all()
                                   if a.action == "export"])
    finally:
        ctx.lock()
    assert rows and rows[-1][1]["kind"] == "indicators"


@pytest.mark.parametrize("args,code_word", [
    (("--from", "2026-05-01", "--to", "2026-04-01"), "before its start"),
    (("--from", "31/02/2026"), ""),
    (("--to", "2999-01-01"), ""),
    (("--pdf", "out.txt"), ""),
])
def test_indicators_bad_input(run, args, code_word, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = tuple(str(tmp_path / a) if a.endswith(".txt") else a for a in args)
    code, _out, err = run("indicators", *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert code_word in err
    assert not list(tmp_path.glob("*.pdf"))


def test_plan_review_goal(run) -> None:  # type: ignore[no-untyped-def]
    pid = _caseload(run)
    goal = json.loads(run("plan", "add-goal", "--patient", pid, "--text", "Sortir au marché",
                          "--json")[1])["id"]
    code, _out, err = run("plan", "review-goal", "--goal", goal, "--score", "1")
    assert code == 2 and "agree it first" in err, err  # a draft: refused, one line (as every rule)
    assert run("plan", "agree", "--patient", pid, "--with", "Émile")[0] == 0
    code, out, err = run("plan", "review-goal", "--goal", goal, "--score", "3", lang="fr")
    assert code == 2 and "-2 à +2" in err and len(err.strip().splitlines()) == 1
    code, out, err = run("plan", "review-goal", "--goal", goal, "--score", "+1", "--json")
    assert code == 0 and json.loads(out)["attainment"] == 1
    data = json.loads(run("indicators", "--json")[1])
    assert data["goals_reviewed"] == 1 and data["goals_attained"] == 1


@pytest.mark.parametrize("lang,words", [("fr", "instrument inconnu : zarit_12"),
                                        ("nl", "onbekend instrument: zarit_12"),
                                        ("en", "unknown instrument: zarit_12")])
def test_indicators_say_a_missing_instrument(run, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                             lang: str, words: str) -> None:
    """A damaged installation (a shipped instrument missing) is said in one line, not hidden
    behind untitled codes."""
    import shutil

    from desktop.services import instruments

    folder = tmp_path / "instruments"
    shutil.copytree(instruments.instruments_dir(), folder)
    (folder / "zarit_12.json").unlink()
    monkeypatch.setenv("RELAIS_INSTRUMENTS_DIR", str(folder))
    monkeypatch.setenv("RELAIS_CACHE_DIR", str(tmp_path / "cache"))
    instruments.shipped.cache_clear()
    try:
        code, out, err = run("indicators", lang=lang)
    finally:
        instruments.shipped.cache_clear()
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [err.strip()] and words in err and "Traceback" not in err
