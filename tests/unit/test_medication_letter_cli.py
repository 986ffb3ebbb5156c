"""`relais medication review-letter` (issue 19, item 2): the PDF, and bad inputs in one line."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def test_review_letter_command(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()
    code, out, err = run("medication", "add", "--patient", pid, "--name", "Furosémide",
                         "--dose", "40 mg", "--schedule", "le matin", "--source", "patient")
    mid = out.strip()
    out_pdf = tmp_path / "revue.pdf"
    # nothing marked for review yet: one line, exit 2, no file
    code, out, err = run("medication", "review-letter", "--patient", pid, "--to", "pharmacist",
                         "--out", str(out_pdf), lang="fr")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "révision" in err, err
    assert not out_pdf.exists()
    assert run("medication", "review", mid, "--to", "pharmacist")[0] == 0
    code, out, err = run("medication", "review-letter", "--patient", pid, "--to", "pharmacist",
                         "--question", "Peut-on le prendre plus tôt ?", "--lang", "fr",
                         "--out", str(out_pdf))
    assert code == 0, err
    text = " ".join((p.extract_text() or "") for p in PdfReader(str(out_pdf)).pages)
    assert "Furosémide" in text and "Peut-on le prendre plus tôt ?" in text
    assert "Émile Dupont" in text and "la pharmacie ……" in text
    # no GP of record
    code, out, err = run("medication", "review-letter", "--patient", pid, "--to", "gp",
                         "--out", str(tmp_path / "gp.pdf"), lang="nl")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "gp.pdf").exists()
