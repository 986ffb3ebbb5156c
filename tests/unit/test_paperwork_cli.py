"""`relais paperwork …` and `relais medication …` (issue 19, items 1-2): happy path, exit codes,
languages, and the medication on the summary / the handout only when chosen."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pypdf import PdfReader


def _patient(run) -> str:  # type: ignore[no-untyped-def]
    return run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()


def test_paperwork_add_list_due_update(run) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    pid = _patient(run)
    code, out, err = run("paperwork", "add", "--patient", pid, "--kind", "bim", "--deadline",
                         (today + dt.timedelta(days=3)).isoformat(), "--follower", "Sa fille",
                         "--document", "Composition de ménage")
    assert code == 0, err
    wid = out.strip()
    code, out, err = run("paperwork", "add", "--patient", pid, "--kind", "housing",
                         "--deadline", (today + dt.timedelta(days=90)).isoformat())
    assert code == 0, err
    code, out, _ = run("paperwork", "list", "--patient", pid, lang="fr")
    assert "Intervention majorée (BIM)" in out and "suivie par Sa fille" in out
    assert "Logement" in out
    code, out, _ = run("paperwork", "list", "--due", "--json")
    rows = json.loads(out)["paperwork"]
    assert [r["id"] for r in rows] == [wid] and rows[0]["due"] == "due"
    code, out, err = run("paperwork", "update", wid, "--status", "granted")
    assert code == 0 and "Changed" in out, err
    code, out, _ = run("paperwork", "list", "--due")
    assert out.strip() == "No procedures."


def test_paperwork_bad_input_one_line(run) -> None:  # type: ignore[no-untyped-def]
    pid = _patient(run)
    code, out, err = run("paperwork", "add", "--patient", pid, "--kind", "passport",
                         "--deadline", "2026-12-01", lang="fr")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, out, err = run("paperwork", "add", "--patient", pid, "--kind", "bim",
                         "--deadline", "2026-02-30", lang="nl")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, out, err = run("paperwork", "update", "not-an-id", "--status", "granted")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, out, _ = run("paperwork", "list", "--patient", pid, "--json")
    assert json.loads(out)["paperwork"] == []


def test_medication_add_list_review_and_documents(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _patient(run)
    code, out, err = run("medication", "add", "--patient", pid, "--name", "Furosémide 40 mg",
                         "--dose", "1 comprimé", "--schedule", "le matin",
                         "--source", "pharmacist")
    assert code == 0, err
    mid = out.strip()
    code, out, err = run("medication", "review", mid, "--to", "gp")
    assert code == 0, err
    code, out, _ = run("medication", "list", "--patient", pid, lang="fr")
    assert "Furosémide 40 mg 1 comprimé le matin" in out
    assert "le pharmacien" in out and "révision demandée le" in out
    assert "à le " not in out  # French: "au médecin", never "à le médecin"
    code, out, _ = run("medication", "list", "--patient", pid, "--json")
    [m] = json.loads(out)["medication"]
    assert m["review_requested_to"] == "gp" and m["source"] == "pharmacist"
    code, _, err = run("medication", "add", "--patient", pid, "--name", "X", "--source", "shop")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = run("medication", "add", "--patient", pid, "--name", "X", "--prescriber",
                       "0190a0a0-0000-7000-8000-000000000000")
    assert code == 2 and len(err.strip().splitlines()) == 1

    def text(pdf: Path) -> str:
        return " ".join(p.extract_text() for p in PdfReader(pdf).pages)

    summary, plain, chosen = tmp_path / "s.pdf", tmp_path / "h.pdf", tmp_path / "hm.pdf"
    assert run("summary", "--patient", pid, "--out", str(summary))[0] == 0
    assert "Furosémide" in text(summary)
    assert run("handout", "--patient", pid, "--out", str(plain))[0] == 0
    assert "Furosémide" not in text(plain)
    assert run("handout", "--patient", pid, "--out", str(chosen), "--with-medication")[0] == 0
    assert "Mes médicaments" in text(chosen) and "Furosémide" in text(chosen)
