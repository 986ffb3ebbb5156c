"""`relais case|visit|note` subcommands: happy path and exit codes (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations


def test_case_visit_note_commands(cli_inproc) -> None:
    cli = cli_inproc
    assert cli("vault", "init").code == 0
    pid = cli("patient", "add", "--family-name", "Dubois", "--given-name", "Ève",
              "--birth-date", "1939-04-01", "--city", "Namur").out.strip()
    res = cli("case", "open", "--patient", pid, "--requester-type", "gp", "--requester-name",
              "Dr Piette", "--reason", "Situation bloquée à domicile", "--request-date",
              "2026-01-05", "--opened-on", "2026-01-06", "--json")
    assert res.code == 0, res.err
    cid = res.json()["id"]
    assert cli("case", "status", cid, "--to", "assessing").code == 0
    vid = cli("visit", "add", "--case", cid, "--start", "2026-01-07T10:00", "--end",
              "2026-01-07T11:00", "--participant", "Fille", "--done", "--notes", "Bilan").out.strip()
    assert len(vid) == 36
    nid = cli("note", "add", "--patient", pid, "--case", cid, "--text", "Appel du MG").out.strip()
    assert len(nid) == 36
    shown = cli("case", "show", cid, "--json").json()
    assert shown["status"] == "assessing" and shown["visits_done"] == 1
    assert shown["request_reason"] == "Situation bloquée à domicile"
    human = cli("case", "show", "--patient", pid, env={"RELAIS_LANG": "fr"})
    assert human.code == 0 and "évaluation" in human.out and "Dr Piette" in human.out
    visits = cli("visit", "list", "--patient", pid, "--json").json()["visits"]
    assert [v["id"] for v in visits] == [vid]
    assert cli("note", "list", "--patient", pid, "--json").json()["notes"][0]["id"] == nid

    # invalid input: exit 2, one line on stderr, nothing changed
    bad = cli("case", "close", cid, "--reason", "moved", "--date", "2026-01-01")
    assert bad.code == 2 and len(bad.err.strip().splitlines()) == 1
    assert "opening" in bad.err
    bad = cli("visit", "add", "--case", cid, "--start", "2026-01-08T10:00", "--end",
              "2026-01-08T09:00")
    assert bad.code == 2 and "after the start" in bad.err
    bad = cli("case", "status", cid, "--to", "stabilised")
    assert bad.code == 2 and "cannot go from" in bad.err
    assert cli("case", "close", cid, "--date", "2026-02-01").code == 2  # no reason: argparse
    assert cli("note", "add", "--patient", pid, "--text", "   ").code == 2
    assert cli("case", "show", "--json", cid).json()["status"] == "assessing"
    assert cli("case", "close", cid, "--reason", "stabilised", "--date", "2026-02-01").code == 0
    assert cli("case", "show", cid, "--json").json()["closure_reason"] == "stabilised"
    missing = cli("case", "show", "0190a0a0-0000-7000-8000-000000000000")
    assert missing.code == 2 and "not found" in missing.err
