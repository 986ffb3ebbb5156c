"""`relais case intake|first|crisis` and `relais triage` (issue 18 items 1–2): happy path, JSON,
translated one-line errors with exit 2 and nothing changed."""

from __future__ import annotations


def test_intake_and_triage_commands(cli_inproc) -> None:  # type: ignore[no-untyped-def]
    cli = cli_inproc
    assert cli("vault", "init").code == 0
    pid = cli("patient", "add", "--family-name", "Lenoir", "--given-name", "Paul",
              "--birth-date", "1971-05-04").out.strip()
    cid = cli("case", "open", "--patient", pid, "--requester-type", "cpas", "--reason",
              "Expulsion annoncée", "--request-date", "2026-01-05", "--opened-on",
              "2026-01-05").out.strip()
    ssm = cli("contact", "add", "--kind", "mental_health", "--organisation", "SSM Namur",
              "--is-organisation").out.strip()

    # redirected without a target: one translated line, exit 2, nothing stored
    bad = cli("case", "intake", cid, "--outcome", "redirected", env={"RELAIS_LANG": "fr"})
    assert bad.code == 2 and len(bad.err.strip().splitlines()) == 1
    assert "répertoire" in bad.err and "Traceback" not in bad.err
    assert cli("case", "show", cid, "--json").json()["intake_outcome"] is None
    bad = cli("case", "intake", cid, "--outcome", "accepted", "--date", "2026-01-01")
    assert bad.code == 2 and "before the request" in bad.err

    ok = cli("case", "intake", cid, "--outcome", "redirected", "--to", ssm, "--reason",
             "Suivi psychiatrique", "--date", "2026-01-08", "--json")
    assert ok.code == 0, ok.err
    assert ok.json()["redirected_to_contact_id"] == ssm
    assert cli("case", "intake", cid, "--outcome", "waiting", "--date", "2026-01-09").code == 0
    shown = cli("case", "show", cid, "--json").json()
    assert shown["intake_outcome"] == "waiting" and shown["waiting_since"] == "2026-01-09"

    first = cli("case", "first", cid, "--contact", "2026-01-07", "--json").json()
    assert first["days_to_first_contact"] == 2 and first["first_home_visit_on"] is None
    human = cli("case", "first", cid, env={"RELAIS_LANG": "nl"}).out
    assert "Eerste contact: 2026-01-07 (2 d na de aanvraag)" in human

    # the 55-year-old facing eviction and refusing care: case management
    before = cli("triage", "--patient", pid, "--json").json()
    assert before["level"] == "self_management" and before["number"] == 1
    assert cli("case", "crisis", cid, "--trigger", "housing_loss", "--trigger",
               "care_refusal_danger").code == 0
    after = cli("triage", "--patient", pid, "--json").json()
    assert after["level"] == "case_management" and after["number"] == 3
    assert [r["trigger"] for r in after["reasons"] if r["code"] == "crisis"] == [
        "housing_loss", "care_refusal_danger"]
    text = cli("triage", "--patient", pid, env={"RELAIS_LANG": "fr"}).out
    assert "Niveau suggéré : 3 · gestion de cas" in text
    assert "perte imminente du logement" in text
    bad = cli("case", "crisis", cid, "--trigger", "bored")
    assert bad.code == 2 and "unknown crisis trigger" in bad.err
    assert cli("case", "crisis", cid).code == 2  # neither --trigger nor --clear
    assert cli("triage", "--patient", pid, "--json").json()["level"] == "case_management"

    assert cli("settings", "--set", "no_first_contact_days=0").code == 2
    assert cli("settings", "--set", "no_first_contact_days=10", "--json").code == 0
