"""With whom a plan was agreed (issue 22, item 3): codes (patient, family, carers, GP, others),
so the handout speaks in the patient's voice — "avec moi et ma famille", "met mij en mijn
familie", "with me and my family" — with the words typed beside them as an optional extra."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain import care_plan as rules
from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.services import care_plans, documents
from desktop.services.context import AppContext
from tests.unit.plan_scenario import build_plan, make_scenario

TODAY = dt.date(2026, 11, 23)


def _text(pdf: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages))


def test_codes_and_words_are_kept_in_the_plans_text_column() -> None:
    agreement = rules.Agreement(("patient", "family"), "Mme Dubois")
    stored = rules.encode_agreement(agreement)
    assert stored is not None and rules.decode_agreement(stored) == agreement
    # words typed before codes existed stay words; no codes and no words: nothing
    assert rules.decode_agreement("la patiente et sa fille") == rules.Agreement(
        (), "la patiente et sa fille")
    assert rules.encode_agreement(rules.Agreement((), "sa fille")) == "sa fille"
    assert rules.decode_agreement(None) == rules.Agreement()
    assert rules.clean_parties("gp, patient,family,patient") == ("patient", "family", "gp")
    with pytest.raises(ValidationError) as exc:
        rules.clean_parties("patient,neighbour")
    assert exc.value.code == "plan.agreed_party_invalid" and exc.value.field == "agreed_parties"
    with pytest.raises(ValidationErrors) as many:
        rules.check_agreeable("draft", 1, "  ", None, TODAY, None, parties=[])
    assert [e.code for e in many.value.errors] == ["plan.agreed_with_missing"]


@pytest.mark.parametrize(("lang", "mine", "summary"), [
    ("fr", "Plan convenu le 23 novembre 2026 avec moi et ma famille.",
     "avec le patient et la famille"),
    ("nl", "Plan afgesproken op 23 november 2026 met mij en mijn familie.",
     "met de patiënt en de familie"),
    ("en", "Plan agreed on 23 November 2026 with me and my family.",
     "with the patient and the family"),
])
def test_the_handout_says_who_agreed_in_the_patients_voice(
        ctx: AppContext, tmp_path: Path, lang: str, mine: str, summary: str) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc, agree=False)
    view = care_plans.agree_plan(ctx, plan_id, parties=["family", "patient"])
    assert (view.agreed_parties, view.agreed_with) == (("patient", "family"), None)
    for large in (False, True):
        text = _text(documents.write_handout(ctx, sc.patient_id, tmp_path / f"h{large}.pdf",
                                             lang=lang, large=large))
        assert mine in text, text
    text = _text(documents.write_summary(ctx, sc.patient_id, tmp_path / "s.pdf", lang=lang))
    assert summary in text, text


def test_the_words_typed_beside_the_codes_follow_them(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc, agree=False)
    care_plans.agree_plan(ctx, plan_id, "Mme Lambert du CPAS",
                          parties=["patient", "gp", "others"])
    text = _text(documents.write_handout(ctx, sc.patient_id, tmp_path / "h.pdf", lang="fr"))
    assert ("avec moi, mon médecin traitant et d'autres personnes (Mme Lambert du CPAS)."
            in text), text
    text = _text(documents.write_handout(ctx, sc.patient_id, tmp_path / "h.pdf", lang="nl"))
    assert "met mij, mijn huisarts en andere personen (Mme Lambert du CPAS)." in text, text
    versions = care_plans.list_versions(ctx, sc.patient_id)
    assert versions[0].agreed_parties == ("patient", "gp", "others")


def test_words_written_before_codes_never_speak_for_the_patient(ctx: AppContext,
                                                                tmp_path: Path) -> None:
    sc = make_scenario(ctx)
    build_plan(ctx, sc, agree=True)  # "Élise Peeters et sa fille Hélène": words only
    text = _text(documents.write_handout(ctx, sc.patient_id, tmp_path / "h.pdf", lang="fr"))
    assert "Nous avons convenu de ce plan ensemble le" in text
    assert "sa fille Hélène" not in text  # third person, on the patient's own sheet
    text = _text(documents.write_summary(ctx, sc.patient_id, tmp_path / "s.pdf", lang="fr"))
    assert "Élise Peeters et sa fille Hélène" in text


def test_plan_agree_on_the_command_line(run) -> None:  # type: ignore[no-untyped-def]
    pid = run("patient", "add", "--family-name", "Dupont", "--given-name", "Émile")[1].strip()
    goal = json.loads(run("plan", "add-goal", "--patient", pid, "--text", "Aller au marché",
                          "--json")[1])["id"]
    assert run("plan", "add-action", "--goal", goal, "--what", "M'accompagner",
               "--responsible", "case_manager")[0] == 0
    # bad input: one line in the user's language, exit 2, nothing agreed
    code, out, err = run("plan", "agree", "--patient", pid, "--parties", "patient,voisin",
                         lang="nl")
    assert code == 2 and out == "" and err.count("\n") == 1 and "voisin" in err
    assert "mantelzorgers" in err
    code, out, err = run("plan", "agree", "--patient", pid)
    assert code == 2 and out == "" and "say with whom the plan was agreed" in err
    assert json.loads(run("plan", "show", "--patient", pid, "--json")[1])["status"] == "draft"
    code, out, err = run("plan", "agree", "--patient", pid, "--parties", "patient,carers",
                         "--with", "sa voisine", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["agreed_parties"] == ["patient", "carers"] and data["agreed_with"] == "sa voisine"
    code, out, _ = run("plan", "show", "--patient", pid, lang="fr")
    assert code == 0 and "le patient et les aidants proches (sa voisine)" in out
    assert '"parties"' not in out
