"""`relais carer …` and `relais case close … --agreed-by --handback` (issue 19, items 3-4): happy
path, exit codes, languages, the closure in `case show`."""

from __future__ import annotations

import datetime as dt
import json


def _patient(run) -> str:  # type: ignore[no-untyped-def]
    return run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()


def _carer(run, pid: str, *, carer: bool = True) -> str:  # type: ignore[no-untyped-def]
    code, out, err = run("contact", "add", "--kind", "informal_carer", "--family-name", "Dupont",
                         "--given-name", "Anne", "--patient", pid)
    assert code == 0, err
    cid = out.strip()
    flag = "--carer" if carer else "--no-carer"
    assert run("contact", "link", "--patient", pid, "--contact", cid, flag)[0] == 0
    return cid


def test_carer_assess_and_list(run) -> None:  # type: ignore[no-untyped-def]
    pid = _patient(run)
    cid = _carer(run, pid)
    code, out, err = run("carer", "assess", "--patient", pid, "--contact", cid, "--burden",
                         "high", "--respite", "wanted", "--health", "Dort mal",
                         "--wishes", "Un week-end par mois")
    assert code == 0, err
    aid = out.strip()
    code, out, _ = run("carer", "list", "--patient", pid, lang="fr")
    assert "charge lourde" in out and "répit souhaité" in out and "santé : Dort mal" in out
    code, out, _ = run("carer", "list", "--patient", pid, lang="nl")
    assert "zware belasting" in out and "respijtzorg gewenst" in out
    code, out, _ = run("carer", "list", "--patient", pid, "--json")
    [a] = json.loads(out)["carer_assessments"]
    assert (a["id"], a["burden"], a["respite"], a["current"]) == (aid, "high", "wanted", True)
    review = dt.date.fromisoformat(a["review_on"])
    assert review > dt.date.today()
    code, out, _ = run("carer", "list", "--due", "--json")
    assert json.loads(out)["carer_assessments"] == []
    soon = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    run("carer", "assess", "--patient", pid, "--contact", cid, "--burden", "severe",
        "--respite", "in_place", "--review", soon)
    code, out, _ = run("carer", "list", "--due")
    assert "DUPONT Émile" in out and "REVIEW DUE SOON" in out and "exhausted" in out
    code, out, err = run("carer", "remove", aid)
    assert code == 0, err


def test_carer_bad_input_one_line(run) -> None:  # type: ignore[no-untyped-def]
    pid = _patient(run)
    cid = _carer(run, pid)
    friend = _carer(run, pid, carer=False)
    for args, lang in (
        (("--contact", cid, "--burden", "crushing", "--respite", "wanted"), "fr"),
        (("--contact", cid, "--burden", "low", "--respite", "wanted", "--date", "2026-02-30"),
         "nl"),
        (("--contact", cid, "--burden", "low", "--respite", "wanted", "--date", "2026-01-10",
          "--review", "2026-01-01"), "en"),
        (("--contact", friend, "--burden", "low", "--respite", "wanted"), "fr"),
        (("--contact", "garbage", "--burden", "low", "--respite", "wanted"), "nl"),
    ):
        code, out, err = run("carer", "assess", "--patient", pid, *args, lang=lang)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    code, _, err = run("carer", "assess", "--patient", pid, "--contact", friend, "--burden",
                       "low", "--respite", "wanted", lang="fr")
    assert "aidant proche" in err
    code, out, _ = run("carer", "list", "--patient", pid, "--json")
    assert json.loads(out)["carer_assessments"] == []


def test_case_close_with_agreement_and_handback(run) -> None:  # type: ignore[no-untyped-def]
    pid = _patient(run)
    code, out, err = run("case", "open", "--patient", pid, "--requester-type", "gp",
                         "--reason", "Chutes")
    assert code == 0, err
    case_id = out.strip()
    today = dt.date.today().isoformat()
    code, _, err = run("case", "close", case_id, "--reason", "stabilised", "--date", today,
                       "--agreed-by", "patient,mayor", lang="fr")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "mayor" in err
    code, _, err = run("case", "close", case_id, "--reason", "stabilised", "--date", today,
                       "--handback", "hospital", lang="nl")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, out, _ = run("case", "show", case_id, "--json")
    assert json.loads(out)["status"] != "closed"
    code, _, err = run("case", "close", case_id, "--reason", "stabilised", "--date", today,
                       "--agreed-by", "patient,carer,gp", "--handback",
                       "home_care_coordination")
    assert code == 0, err
    code, out, _ = run("case", "show", case_id, lang="fr")
    assert "en accord avec le patient, l'aidant proche, le médecin traitant" in out
    assert "suivi rendu à la coordination de soins à domicile" in out
    code, out, _ = run("case", "show", case_id, "--json")
    data = json.loads(out)
    assert data["closure_agreed_by"] == ["patient", "carer", "gp"]
    assert data["closure_handback"] == "home_care_coordination"
