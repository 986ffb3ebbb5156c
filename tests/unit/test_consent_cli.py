"""`relais consent`, `relais export`, `relais gdpr` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle


def test_consent_export_and_gdpr_commands(cli, cli_inproc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("vault", "init").code == 0  # the real executable, once
    cli_subprocess, cli = cli, cli_inproc
    pid = cli("patient", "add", "--family-name", "Dubois", "--given-name", "Jeanne",
              "--gender", "female").out.strip()

    # bad input: exit 2, one clear line, nothing recorded
    r = cli("consent", "grant", "--patient", pid, "--purpose", "marketing")
    assert r.code == 2 and "unknown consent purpose" in r.err
    r = cli("consent", "withdraw", "--patient", pid, "--purpose", "statistics")
    assert r.code == 2 and "no consent in force" in r.err
    (tmp_path / "scan.docx").write_bytes(b"PK\x03\x04 not an image")
    r = cli("consent", "grant", "--patient", pid, "--purpose", "statistics", "--evidence",
            str(tmp_path / "scan.docx"))
    assert r.code == 2 and "scanned image" in r.err
    r = cli("consent", "override", "--patient", pid, "--purpose", "team_sharing", "--reason",
            "the team needs it today")
    assert r.code == 2 and "no override" in r.err
    assert cli("consent", "show", "--patient", pid, "--json").json()["history"] == []

    # grant with evidence, then withdraw: one action each
    (tmp_path / "form.pdf").write_bytes(b"%PDF-1.4\n% signed form\n")
    r = cli("consent", "grant", "--patient", pid, "--purpose", "team_sharing", "--method",
            "written", "--notice-version", "2026-01", "--evidence", str(tmp_path / "form.pdf"),
            "--json")
    assert r.code == 0 and r.json()["local_only"] is False
    r = cli("consent", "withdraw", "--patient", pid, "--purpose", "team_sharing")
    assert r.code == 0 and "Not shared with the team" in r.out and "Local only" not in r.out
    # a computer connected to no server keeps it here only: not "backed up on the server"
    assert "this computer only" in r.out and "backed up" not in r.out
    shown = cli("consent", "show", "--patient", pid, "--json").json()
    assert shown["local_only"] is True
    assert [e["decision"] for e in shown["history"]] == ["granted", "withdrawn"]

    # exports
    r = cli("export", "fhir", "--patient", pid, "--out", str(tmp_path / "b.json"))
    assert r.code == 0
    Bundle.model_validate(json.loads((tmp_path / "b.json").read_text()))
    r = cli("export", "pdf", "--patient", pid, "--out", str(tmp_path / "copy.pdf"), "--lang",
            "fr")
    assert r.code == 0 and (tmp_path / "copy.pdf").read_bytes().startswith(b"%PDF")
    r = cli("export", "pdf", "--patient", pid, "--out", str(tmp_path / "copy.txt"))
    assert r.code == 2

    # audit: the show, two exports
    events = cli("gdpr", "audit", "--patient", pid, "--json").json()["events"]
    assert [e["action"] for e in events if e["action"] in ("view", "export")] == \
        ["export", "export", "view", "view"]

    # register, settings (a bad value saves nothing)
    r = cli("gdpr", "settings", "--set", "controller_name=ASBL Relais", "--set",
            "retention_years=12")
    assert r.code == 2
    assert cli("gdpr", "settings", "--json").json()["settings"]["controller_name"] is None
    assert cli("gdpr", "settings", "--set", "controller_name=ASBL Relais").code == 0
    r = cli("gdpr", "register", "--out", str(tmp_path / "reg.json"), "--lang", "fr")
    assert r.code == 0
    assert json.loads((tmp_path / "reg.json").read_text())["controller"]["name"] == "ASBL Relais"

    # statistics and retention
    r = cli("gdpr", "stats", "--out", str(tmp_path / "s.csv"), "--json")
    # aggregate counts, cells under 5 suppressed: every patient counted, no consent needed
    assert r.code == 0 and r.json()["included"] == 1 and r.json()["excluded"] == 0
    r = cli("gdpr", "extract", "--out", str(tmp_path / "x.csv"), "--json")  # needs the consent
    assert r.code == 0 and r.json()["included"] == 0 and r.json()["excluded"] == 1
    assert cli("gdpr", "retention", "--json").json() == {"records": []}

    # restriction, then erasure (no care given yet: lawful)
    assert cli("gdpr", "restrict", "--patient", pid, "--reason", "asked").code == 0
    assert cli("patient", "list", "--json").json()["patients"] == []
    r = cli_subprocess("gdpr", "erase", "--patient", pid, "--reason", "registered by mistake")
    assert r.code == 0 and "Erased" in r.out
    r = cli("export", "fhir", "--patient", pid, "--out", str(tmp_path / "c.json"))
    assert r.code == 2
