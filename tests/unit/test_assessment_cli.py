"""`relais instrument list|show|import` and `relais assess` (docs/ARCHITECTURE.md §11)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.test_instrument_definitions import licensed_file


def test_instrument_commands(cli_inproc, tmp_path: Path) -> None:
    cli = cli_inproc
    # without a vault the shipped catalog still shows
    listed = cli("instrument", "list", "--json")
    assert listed.code == 0, listed.err
    ids = {r["id"]: r for r in listed.json()["instruments"]}
    assert {"katz_be", "edmonton_frail", "zarit_22"} <= set(ids)
    assert ids["zarit_22"]["texts_available"] is False
    shown = cli("instrument", "show", "edmonton_frail", env={"RELAIS_LANG": "nl"})
    assert shown.code == 0 and "Oorspronkelijke grenzen" in shown.out and "alternative" in shown.out
    assert cli("instrument", "show", "mmse").code == 2

    assert cli("vault", "init").code == 0
    done = cli("instrument", "import", str(licensed_file(tmp_path)), "--json")
    assert done.code == 0, done.err
    assert done.json()["texts_available"] is True
    shown = cli("instrument", "show", "zarit_12", env={"RELAIS_LANG": "fr"})
    assert "Question 3 (fr)" in shown.out

    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    res = cli("instrument", "import", str(bad))
    assert res.code == 2 and "line 1" in res.err and len(res.err.strip().splitlines()) == 1


def test_assess_command(cli_inproc, tmp_path: Path) -> None:
    cli = cli_inproc
    assert cli("vault", "init").code == 0
    pid = cli("patient", "add", "--family-name", "Peeters", "--given-name", "Jan",
              "--birth-date", "1938-07-12").out.strip()
    answers = tmp_path / "katz.json"
    answers.write_text(json.dumps({"washing": 4, "dressing": 4, "transfer": 4, "toileting": 4,
                                   "continence": 3, "eating": 2, "orientation_time": 3,
                                   "orientation_space": 3}), encoding="utf-8")
    res = cli("assess", "--patient", pid, "--instrument", "katz_be", "--answers", str(answers),
              "--json")
    assert res.code == 0, res.err
    data = res.json()
    assert data["status"] == "completed"
    assert data["scores"]["derived"]["forfait"] == {"code": "B", "rank": 2, "variant": "strict"}
    assert data["scores"]["derived"]["category"]["code"] == "Cd"
    human = cli("assess", "--patient", pid, "--instrument", "katz_be", "--answers",
                str(answers), "--variant", "forfait=either", env={"RELAIS_LANG": "fr"})
    assert human.code == 0 and "Forfait C" in human.out and "Cd : C et désorienté(e)" in human.out

    efs = tmp_path / "efs.json"
    efs.write_text(json.dumps({"clock": 2, "admissions": 2, "health_rating": "poor",
                               "iadl_help": 0, "can_count_on": "always", "meds_5plus": False,
                               "forgets_meds": False, "weight_loss": False, "often_sad": False,
                               "incontinence": False, "timed_up_and_go": "up_to_10s"}))
    res = cli("assess", "--patient", pid, "--instrument", "edmonton_frail", "--answers",
              str(efs), "--band-set", "alternative", "--json")
    assert res.json()["scores"]["scores"]["total"] == {
        "value": 6, "min": 0, "max": 17, "band": "vulnerable", "band_set": "alternative"}

    # bad input: exit 2, one line naming the item; nothing recorded
    answers.write_text(json.dumps({"washing": "4"}), encoding="utf-8")
    res = cli("assess", "--patient", pid, "--instrument", "katz_be", "--answers", str(answers))
    assert res.code == 2 and res.err.startswith("washing:")
    res = cli("assess", "--patient", pid, "--instrument", "nope", "--answers", str(answers))
    assert res.code == 2 and "nope" in res.err
    res = cli("assess", "--patient", pid, "--instrument", "edmonton_frail", "--answers",
              str(efs), "--band-set", "weird")
    assert res.code == 2 and "weird" in res.err
    res = cli("assess", "--patient", pid, "--instrument", "katz_be", "--answers",
              str(tmp_path / "missing.json"))
    assert res.code == 2
