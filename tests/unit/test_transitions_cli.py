"""`relais stay …` and `relais event …` (issue 18, items 3–4): happy path, exit codes, languages."""

from __future__ import annotations

import datetime as dt
import json

from desktop.domain.transitions import follow_up_due


def test_stay_add_discharge_checklist(run) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    pid = run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()
    code, out, err = run("stay", "add", "--patient", pid, "--admitted",
                         (today - dt.timedelta(days=6)).isoformat(), "--hospital-name", "CHR Namur")
    assert code == 0, err
    sid = out.splitlines()[0]
    assert "Admission recorded" in out and "No one in the ecosystem to tell" in out
    day = today - dt.timedelta(days=1)
    code, out, err = run("stay", "discharge", sid, "--date", day.isoformat())
    assert code == 0, err
    assert "[ ] Discharge letter received — to do" in out
    assert f"Follow-up call due by {follow_up_due(day):%d/%m/%Y}" in out
    assert "Re-assessment proposed: Katz scale (Belgian INAMI version), Complexity grid" in out
    for code_name in ("letter_received", "medication_reconciled", "services_restarted",
                      "gp_informed", "aids_in_place", "katz_be", "complexity_grid"):
        assert code_name not in out  # labels only, never the codes (issue 22, item 7)
    code, out, err = run("stay", "checklist", sid, "--done", "letter_received,gp_informed",
                         "--json")
    assert code == 0, err
    checklist = json.loads(out)["stay"]["checklist"]
    assert checklist["letter_received"] == today.isoformat() and checklist["aids_in_place"] is None
    code, out, _ = run("stay", "checklist", sid, "--call-done", lang="fr")
    assert code == 0 and "[x] Lettre de sortie reçue — fait le" in out
    assert "[ ] Aides techniques en place — à faire" in out and "Appel de suivi fait le" in out
    assert "letter_received" not in out and "aids_in_place" not in out

    # input errors: one line, exit 2, nothing changed
    code, out, err = run("stay", "checklist", sid, "--done", "letter_received,coffee")
    assert code == 2 and out == "" and err.count("\n") == 1 and "coffee" in err
    code, _, err = run("stay", "discharge", sid, "--date", today.isoformat())
    assert code == 2 and "already has a discharge date" in err  # rules: exit 2 here
    code, _, err = run("stay", "add", "--patient", pid, "--admitted", "2026-02-30")
    assert code == 2 and err.count("\n") == 1
    code, _, err = run("stay", "add", "--patient", pid, "--admitted", today.isoformat(),
                       "--planned", "--emergency")
    assert code == 2 and err.count("\n") == 1
    # a readmission within 30 days is flagged
    code, out, _ = run("stay", "add", "--patient", pid, "--admitted", today.isoformat(), "--json")
    assert code == 0 and json.loads(out)["stay"]["readmission"] is True
    code, out, _ = run("stay", "list", "--patient", pid, lang="nl")
    assert code == 0 and "Heropname binnen 30 dagen" in out and "nog opgenomen" in out
    assert "  Opname" in out and "admission" not in out  # the kind in words, not its code


def test_event_add_and_list(run) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    pid = run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()
    code, out, err = run("event", "add", "--patient", pid, "--kind", "fall",
                         "--reported-by", "Sa fille")
    assert code == 0 and len(out.strip()) == 36, err
    assert run("event", "add", "--patient", pid, "--kind", "crisis_call", "--date",
               (today - dt.timedelta(days=100)).isoformat())[0] == 0
    code, out, _ = run("event", "list", "--patient", pid, "--json")
    data = json.loads(out)
    assert [e["kind"] for e in data["events"]] == ["fall"]
    assert data["trend"] == {"days": 90, "total": 1, "previous": 1, "direction": "steady",
                             "by_kind": {"fall": 1}}
    code, out, _ = run("event", "list", "--patient", pid, "--days", "365", lang="fr")
    assert code == 0 and "Chute  (Sa fille)" in out and "Appel de crise" in out
    code, out, err = run("event", "add", "--patient", pid, "--kind", "earthquake")
    assert code == 2 and out == "" and err.count("\n") == 1
    code, _, err = run("event", "add", "--patient", pid, "--kind", "fall", "--date",
                       (today + dt.timedelta(days=2)).isoformat())
    assert code == 2 and err.count("\n") == 1
    code, _, err = run("event", "list", "--patient", pid, "--days", "0")
    assert code == 2 and err.count("\n") == 1
