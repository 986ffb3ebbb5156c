"""`relais plan …`, `relais handout` and `relais summary` as a script would run them: the plan
commands in-process (fast), the documents through the real `relais` subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from tests.conftest import PASSPHRASE


def test_plan_commands_build_agree_and_print(cli, vault_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_PASSPHRASE", PASSPHRASE)

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--vault", str(vault_dir)])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("vault", "init")[0] == 0
    pid = run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()
    goal = json.loads(run("plan", "add-goal", "--patient", pid, "--text",
                          "Aller au marché le samedi", "--json")[1])["id"]
    code, out, err = run("plan", "add-action", "--goal", goal, "--what", "Accompagner",
                         "--schedule", "samedi")
    assert code == 2 and out == "" and err.count("\n") == 1  # no one responsible
    code, out, err = run("plan", "add-action", "--goal", goal, "--what", "M'accompagner",
                         "--responsible", "case_manager", "--schedule", "samedi 10h-11h")
    assert code == 0
    shown = json.loads(run("plan", "show", "--patient", pid, "--json")[1])
    assert shown["status"] == "draft" and shown["goals"][0]["text"] == "Aller au marché le samedi"
    assert shown["actions"][0]["schedule"]["days"] == [5]
    code, out, _ = run("plan", "agree", "--patient", pid, "--with", "Émile Dupont", "--json")
    assert code == 0 and json.loads(out)["version"] == 1
    assert run("plan", "add-goal", "--patient", pid, "--text", "Autre")[0] == 2  # agreed: frozen
    assert run("plan", "new-version", "--patient", pid)[0] == 0
    assert run("plan", "add-goal", "--patient", pid, "--text", "Voir mes amis")[0] == 0
    changes = json.loads(run("plan", "compare", "--patient", pid, "--json")[1])["changes"]
    assert {"kind": "added", "item": "goal", "label": "Voir mes amis", "field": None,
            "old": None, "new": None} in changes

    # the documents through the real command line
    out_pdf = tmp_path / "fiche.pdf"
    res = cli("handout", "--patient", pid, "--out", str(out_pdf), "--large")
    assert res.code == 0 and out_pdf.exists()
    text = "".join(p.extract_text() for p in PdfReader(str(out_pdf)).pages)
    assert "Aller au marché le samedi" in text and "Samedi" in text
    missing = cli("summary", "--patient", pid, "--out", str(tmp_path / "nope" / "x.pdf"))
    assert missing.code == 2 and "nope" in missing.err and not (tmp_path / "nope").exists()
    code, _, _ = run("summary", "--patient", pid, "--out", str(tmp_path / "s.pdf"), "--lang",
                     "nl")
    assert code == 0
    assert "Samenvatting" in PdfReader(str(tmp_path / "s.pdf")).pages[0].extract_text()
