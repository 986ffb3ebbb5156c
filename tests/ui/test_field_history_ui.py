"""Consents → "Changes to the record" in French and Dutch: field names, values and authors in
the UI's language; no English field name, no code, no record or device id."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from desktop.i18n import t
from desktop.services import assessments, gdpr, patients
from desktop.services.patients import PatientFields
from desktop.ui import i18n
from desktop.ui.consent.tab import ConsentsTab
from tests.unit.plan_scenario import make_scenario

KATZ = {"washing": 3, "dressing": 3, "transfer": 2, "toileting": 2, "continence": 1,
        "eating": 1, "orientation_time": 1, "orientation_space": 1}
RAW_ID = re.compile(r"\b[0-9a-f]{8}\b|[0-9a-f]{8}-[0-9a-f]{4}-", re.I)
ENGLISH = {"completed at", "completed_at", "draft", "completed", "answers", "city",
           "birth date", "birth_date", "washing", "dressing", "gp contact id", "scores",
           "assessed on", "assessor"}


@pytest.fixture
def language(qapp) -> Iterator:  # type: ignore[no-untyped-def]
    before = i18n.current_language()
    yield i18n.install_language
    i18n.install_language(before)


def _cells(tree) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


def _headers(tree) -> list[str]:  # type: ignore[no-untyped-def]
    return [tree.headerItem().text(c) for c in range(tree.columnCount())]


@pytest.mark.parametrize("lang, washing, completed, city", [
    ("fr", "Se laver", "terminée", "Localité"),
    ("nl", "Zich wassen", "afgerond", "Gemeente"),
])
def test_changes_to_the_record_speak_the_ui_language(  # type: ignore[no-untyped-def]
        main_window, ctx, language, lang: str, washing: str, completed: str, city: str) -> None:
    sc = make_scenario(ctx)
    draft = assessments.save_draft(ctx, sc.patient_id, "katz_be", {"washing": 3})
    draft = assessments.save_draft(ctx, sc.patient_id, "katz_be", KATZ, response_id=draft.id)
    assessments.complete(ctx, draft.id)
    patients.edit_patient(ctx, sc.patient_id, PatientFields(city="Namur",
                                                            birth_date="1941-03-02"))
    assert any(c.field == "gp_contact_id" for c in gdpr.rectification_history(ctx, sc.patient_id))

    assert language(lang) == lang
    dossier = main_window.open_dossier(sc.patient_id)
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), ConsentsTab))
    rows = _cells(tab.changes)
    assert rows
    for row in rows + _cells(tab.looked):
        for cell in row:
            assert not RAW_ID.search(cell), f"raw id shown: {cell!r}"
    for when, _record, field, before, after, by in rows:
        assert field.lower() not in ENGLISH and "_" not in field, field
        for value in (before, after):
            assert value.lower() not in ENGLISH, value
        assert by == "Anne Lambert"
        assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", when)
    answers = [r for r in rows if washing in r[4]]
    assert answers and "Katz" in answers[0][1]
    assert any(r[4] == completed for r in rows)
    assert [r for r in rows if r[2] == city] and any(r[4] == "02/03/1941" for r in rows)
    # the GP chosen: the person's name, not the contact's id
    gp = [r for r in rows if r[2] == t("gdpr.field.gp_contact_id", lang)]
    assert gp and gp[0][4] not in ("", "—")
    # distinct column names (the history had two called "Note" in French)
    for tree in (tab.history, tab.changes, tab.looked, tab.state):
        headers = _headers(tree)
        assert len(set(headers)) == len(headers), headers
