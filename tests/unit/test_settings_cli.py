"""`relais settings`: the organisation and the case manager's contact details, kept in the
vault, set from the command line (laptop preparation) and printed on the patient's handout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop.domain.errors import ValidationError
from desktop.services import documents, preferences
from desktop.services.context import AppContext
from tests.unit.plan_scenario import make_scenario


def test_set_then_print_settings(run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("settings", "--set", "case_manager_phone=0470 12 34 56",
                         "--set", "case_manager_email=anne@asbl-relais.be",
                         "--set", "organisation_name=ASBL Relais Namur", "--json")
    assert code == 0 and err == ""
    code, out, _ = run("settings")
    assert code == 0
    assert "case_manager_phone = 0470 12 34 56" in out
    assert "case_manager_email = anne@asbl-relais.be" in out
    assert "organisation_name = ASBL Relais Namur" in out
    code, out, _ = run("settings", "--json")
    assert '"case_manager_phone": "+32470123456"' in out
    # an empty value clears
    assert run("settings", "--set", "case_manager_email=")[0] == 0
    assert "case_manager_email = (not set)" in run("settings")[1]


@pytest.mark.parametrize("assign, lang, words", [
    ("case_manager_phone=12", "fr", "n'est pas valide"),
    ("case_manager_phone=0470 12 34 5", "nl", "niet geldig"),
    ("case_manager_email=anne@", "fr", "e-mail"),
    ("favourite_colour=blue", "fr", "réglage inconnu"),
    ("organisation_name", "nl", "NAAM=WAARDE"),
    ("autolock_minutes=0", "en", "between 1 and 120"),
])
def test_invalid_value_one_translated_line_exit_2_nothing_changed(  # type: ignore[no-untyped-def]
        run, assign: str, lang: str, words: str) -> None:
    assert run("settings", "--set", "organisation_name=ASBL Relais",
               "--set", "case_manager_phone=+32 81 22 33 44")[0] == 0
    before = run("settings", "--json")[1]
    code, out, err = run("settings", "--set", "organisation_name=Autre", "--set", assign,
                         lang=lang)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert run("settings", "--json")[1] == before


def test_the_handout_prints_the_case_managers_phone(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_scenario(ctx)
    preferences.update(ctx, {"case_manager_phone": "0471 20 30 40"})
    out = documents.write_handout(ctx, sc.patient_id, tmp_path / "fiche.pdf", lang="fr")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(str(out)).pages))
    assert "0471 20 30 40" in text


@given(st.text(max_size=30))
def test_a_phone_is_stored_only_when_valid(value: str) -> None:
    """Whatever is typed, the stored value is a valid E.164 number, None, or an error."""
    try:
        stored = preferences._clean(preferences.CM_PHONE_KEY, value)
    except ValidationError as exc:
        assert exc.code == "phone.invalid"
        return
    assert stored is None or (isinstance(stored, str) and re.fullmatch(r"\+\d{8,15}", stored))
