"""The patient's copy of the record (GDPR art. 15) speaks the patient's language: every column it
prints and every section of it has a label of its own in French, Dutch and English (no English
fallback, no "Pos x" made of a column name), and coded values read as words.

The columns are taken from the tables themselves, as the record builder reads them
(`patient_data.patient_tables`, `row_dict`): a column added later fails here until it has a
label or is left out on purpose (`access_export.SKIP_FIELDS`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.domain.care_plan import Agreement, encode_agreement
from desktop.i18n import LANGUAGES, catalog
from desktop.reports import access_export as ae
from desktop.services import gdpr
from desktop.services.context import AppContext
from desktop.services.patient_data import patient_tables
from desktop.storage.models import SYNCED_MODELS, CarePlan, Contact, Draft, Patient, Relationship
from tests.gdpr_data import make_patient


def printed_tables() -> dict[str, list[str]]:
    """Every table whose rows the export prints as labelled lines, with the columns shown."""
    models = {"patient": Patient, "contact": Contact, "draft": Draft,
              **{name: SYNCED_MODELS[name] for name in patient_tables()}}
    shown = {name: ae.shown_columns(c.key for c in model.__table__.columns)
             for name, model in models.items()}
    shown["draft"].remove("key")  # a draft's key is printed as its record id
    return shown


def test_the_tables_are_found() -> None:
    tables = printed_tables()
    assert {"care_plan", "medication", "hospital_stay", "gp_feedback"} <= set(tables)
    assert "expectations" in tables["care_plan"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_shown_column_has_a_label_in_every_language(lang: str) -> None:
    missing = [f"{table}.{column}" for table, columns in printed_tables().items()
               for column in columns if ae.label_code(table, column, lang) is None]
    assert not missing, f"{lang}: no label for {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_section_has_a_title_in_every_language(lang: str) -> None:
    sections = [*patient_tables(), "patient", "contact", "contacts", "history", "audit",
                "drafts"]
    missing = [s for s in sections if ae.section_code(s, lang) is None]
    assert not missing, f"{lang}: no section title for {missing}"


def test_left_out_columns_are_bookkeeping_only() -> None:
    """A column is left out only when it tells the patient nothing: never a date, a name or a
    free text (those are the patient's information)."""
    from sqlalchemy import Date, DateTime, Text

    for name in ["patient", *patient_tables()]:
        model = SYNCED_MODELS[name]
        for column in model.__table__.columns:
            if column.key in ae.SKIP_FIELDS:
                assert not isinstance(column.type, (Date, DateTime, Text)), \
                    f"{name}.{column.key} is the patient's information"
    assert {"pos_x", "pos_y", "position", "supersedes_id"} <= ae.SKIP_FIELDS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_value_codes_point_to_existing_words(lang: str) -> None:
    """Each (table, column) → prefix of the value map names a real column and a prefix the
    catalog of `lang` holds words under."""
    tables = printed_tables()
    for (table, column), prefix in ae.VALUE_CODES.items():
        assert column in tables[table], f"{table}.{column}"
        assert any(k.startswith(prefix + ".") for k in catalog(lang)), prefix


def _pdf_text(pdf: Path) -> str:
    """The words of the PDF, one space between them (a label may wrap in its cell)."""
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(pdf).pages)


def test_french_export_has_no_english_label_and_reads_codes_as_words(
        ctx: AppContext, tmp_path: Path) -> None:
    d = make_patient(ctx, "Labelpat")

    def enrich(uow):  # type: ignore[no-untyped-def]
        s = uow.session
        plan = s.execute(select(CarePlan).where(CarePlan.patient_id == d.patient_id)).scalar_one()
        uow.update(plan, {"expectations": "rester chez moi", "to_avoid": "la maison de repos",
                          "agreed_with": encode_agreement(Agreement(("patient", "family"),
                                                                    "Mme Dubois"))})
        tie = s.execute(select(Relationship).where(
            Relationship.patient_id == d.patient_id)).scalars().first()
        uow.update(tie, {"pos_x": 12.5, "pos_y": 40.0})

    ctx.write(enrich)
    out = gdpr.export_pdf(ctx, d.patient_id, tmp_path / "copie.pdf", lang="fr")
    text = _pdf_text(out)

    # the labels of the columns that had none, in French
    for label in ("Attentes", "À éviter", "Convenu avec", "Version de l'instrument",
                  "Date de l'écocarte", "Ancien statut", "Nouveau statut", "Préparé le"):
        assert label in text, label
    # no label made of a column name, no English fallback, no layout bookkeeping
    for english in ("Expectations", "To avoid", "Instrument version", "Taken on",
                    "From status", "To status", "Created on", "Pos x", "Pos y",
                    "Supersedes id", "Position"):
        assert english not in text, english
    # coded values in words: the plan's parties, the ecomap tie, the visit, the case status
    assert "le patient et la famille (Mme Dubois)" in text
    assert '"parties"' not in text
    for words in ("lien fort", "soutenant", "visite à domicile", "signalé"):
        assert words in text, words
    for code in ("home_visit", "supportive", "to_patient", "case_management"):
        assert code not in text, code
    # section titles in French (the history and audit columns name the record's kind too)
    assert "Plans de soins et d'aide" in text and "Écocartes datées" in text
    assert "care_plan" not in text and "ecomap_snapshot" not in text


def test_labels_do_not_fall_back_for_a_dutch_export(ctx: AppContext, tmp_path: Path) -> None:
    d = make_patient(ctx, "Nlpat")
    text = _pdf_text(gdpr.export_pdf(ctx, d.patient_id, tmp_path / "kopie.pdf", lang="nl"))
    assert "Datum van de ecomap" in text and "Versie van het instrument" in text
    assert "Taken on" not in text and "Instrument version" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_gender_language_and_responsible_code_reads_as_words(lang: str) -> None:
    from desktop.domain.care_plan import RESPONSIBLE_KINDS
    from desktop.domain.patient import GENDERS
    from desktop.domain.patient import LANGUAGES as SPOKEN

    for prefix, codes in (("gdpr.value.gender", GENDERS), ("gdpr.value.lang", SPOKEN),
                          ("gdpr.value.responsible", RESPONSIBLE_KINDS)):
        for code in codes:
            assert f"{prefix}.{code}" in catalog(lang), f"{prefix}.{code}"
    assert ae._field_value("patient", "gender", "female", "fr") == "femme"
    assert ae._field_value("patient", "languages", ["fr", "nl"], "fr") == "français; néerlandais"


def test_a_tier_decision_reads_as_words() -> None:
    decision = {"suggested": "care_coordination", "tier": "case_management",
                "overridden": True, "reason": "", "decided_on": "2026-11-23"}
    text = ae._field_value("assessment_response", "decision", decision, "fr")
    assert "gestion de la maladie et des soins" in text and "gestion de cas" in text
    assert "care_coordination" not in text and "case_management" not in text
    for key in ae.DICT_VALUE_CODES[("assessment_response", "decision")].values():
        assert any(k.startswith(key + ".") for k in catalog("nl"))
