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
from desktop.services.instruments import shipped
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
    for inner in ae.DICT_VALUE_CODES.values():
        for prefixes in inner.values():
            for prefix in prefixes:
                assert any(k.startswith(prefix + ".") for k in catalog("nl")), prefix


NEEDS = {"health_status": "unmet", "health_description": "sucre mal équilibré",
         "daily_functioning_status": "met", "cognition_mood_status": "partly_met",
         "carer_strain_status": "no_need", "social_network_status": "no_need",
         "housing_safety_status": "no_need", "money_rights_status": "no_need",
         "administration_status": "no_need"}


def _assessed_patient(ctx: AppContext, marker: str) -> str:
    """A patient with a needs checklist and a saved ecomap (its carer, strong and supportive)."""
    from desktop.services import assessments, ecosystem

    d = make_patient(ctx, marker)
    assessments.record_completed(ctx, d.patient_id, "needs_checklist", NEEDS)
    ecosystem.save_snapshot(ctx, d.patient_id)
    return d.patient_id


def test_french_export_reads_assessment_answers_scores_and_snapshot_in_words(
        ctx: AppContext, tmp_path: Path) -> None:
    pid = _assessed_patient(ctx, "Answerpat")
    text = _pdf_text(gdpr.export_pdf(ctx, pid, tmp_path / "copie.pdf", lang="fr"))

    # the instrument by its title; each answer as "question : answer" under its section
    assert "Liste des besoins" in text
    for words in ("Santé – Situation : Besoin non couvert",
                  "Description du besoin (dans les mots de la personne si possible) : sucre mal "
                  "équilibré", "Vie quotidienne – Situation : Besoin couvert",
                  "Mémoire et moral – Situation : Besoin en partie couvert",
                  "Besoins non couverts : 1 sur 8", "Besoins en partie couverts : 1 sur 8",
                  "Statut terminée"):
        assert words in text, words
    # no item, option or score code, no raw score structure
    for code in ("health_status", "cognition_mood_status", "partly_met", "unmet", "no_need",
                 "needs_checklist", "value:", "complete:"):
        assert code not in text, code
    # the saved ecomap: who was in it, and the tie in words, not the stored JSON
    assert "Personnes et services : 2" in text
    assert "Aidant Answerpatcarer0, Aidant proche (Answerpat daughter) : lien fort, soutenant, " \
           "dans les deux sens" in text
    for code in ("informal_carer", "energy_flow", "is_gp", '"ties"', "patient_label"):
        assert code not in text, code


def test_dutch_export_reads_assessment_answers_in_dutch(ctx: AppContext, tmp_path: Path) -> None:
    pid = _assessed_patient(ctx, "Antwoordpat")
    text = _pdf_text(gdpr.export_pdf(ctx, pid, tmp_path / "kopie.pdf", lang="nl"))
    assert "Lijst van noden" in text
    assert "Gezondheid – Situatie: Nood niet gedekt" in text
    assert "Niet gedekte noden: 1 op 8" in text
    assert "Personen en diensten: 2" in text
    assert "Mantelzorger (Antwoordpat daughter): sterke band, steunend, in beide richtingen" in text
    for code in ("health_status", "partly_met", "unmet", "informal_carer"):
        assert code not in text, code


def test_answers_of_an_unknown_instrument_keep_their_codes() -> None:
    """A deleted custom instrument: nothing to read the codes with, so they print as stored
    (never dropped), and a score of a known instrument in an unexpected shape is kept too."""
    row = {"instrument_id": "gone_custom"}
    answers = ae._field_value("assessment_response", "answers",
                              {"sleep_quality": "poor", "note": "dort mal"}, "fr", row,
                              shipped())
    assert answers == "sleep_quality\u00a0: poor\nnote\u00a0: dort mal"  # French spacing
    assert ae._field_value("assessment_response", "instrument_id", "gone_custom", "fr",
                           row) == "gone_custom"
    scores = ae._field_value("assessment_response", "scores",
                             {"scores": {"total": {"value": 3, "min": 0, "max": 9}},
                              "category": "B"}, "fr", row)
    assert scores == "total\u00a0: 3 sur 9\ncategory\u00a0: B"


def test_scores_and_options_of_a_known_instrument_read_as_words() -> None:
    row = {"instrument_id": "edmonton_frail"}
    known = shipped()  # what the app knows (imported instruments too: instruments.catalog)
    scores = {"scores": {"total": {"value": 7, "min": 0, "max": 17, "band": "mild",
                                   "band_set": "original"}}, "derived": {}, "complete": False}
    text = ae._field_value("assessment_response", "scores", scores, "fr", row, known)
    assert text.startswith("Score de fragilité (0–17)\u00a0: 7 sur 17 — Fragilité légère (Seuils "
                           "originaux")
    assert "Évaluation incomplète" in text and "mild" not in text
    options = ae._field_value("assessment_response", "options",
                              {"band_sets": {"total": "alternative"}, "variants": {}}, "nl", row,
                              known)
    assert options == ("Kwetsbaarheidsscore (0–17): Alternatieve grenzen (0–5, 6–7, 8–9, "
                       "10–11, 12+)")
    answers = ae._field_value("assessment_response", "answers",
                              {"health_rating": "fair", "meds_5plus": True}, "en", row,
                              known)
    assert "– In general, how would you describe your health?: Fair" in answers
    assert "– Do you take 5 or more prescription medicines every day?: yes" in answers
    assert "health_rating" not in answers and "meds_5plus" not in answers


def test_answers_of_an_imported_instrument_read_with_its_imported_texts(
        ctx: AppContext, tmp_path: Path) -> None:
    """Licensed texts imported into the vault (Zarit ships without them): the export reads the
    answers with what the app knows, `instruments.catalog(ctx)`, as gdpr.export_pdf passes it."""
    from desktop.services import instruments
    from tests.unit.test_instrument_definitions import licensed_file

    row = {"instrument_id": "zarit_12"}
    answers = {"q03": 2}
    assert "q03" in ae._field_value("assessment_response", "answers", answers, "fr", row,
                                    shipped())
    instruments.import_definition(ctx, licensed_file(tmp_path))
    text = ae._field_value("assessment_response", "answers", answers, "fr", row,
                           instruments.catalog(ctx))
    assert "Question 3 (fr)" in text and "q03" not in text


def test_concertation_people_read_as_names_not_record_ids() -> None:
    anne = "c0ffee00-0000-4000-8000-000000000001"
    names = {anne: "Anne Lambert"}
    participants = [{"contact_id": anne, "name": "Anne Lambert", "role": "", "kind": "nurse",
                     "is_gp": False}]
    text = ae._field_value("concertation", "participants", participants, "fr",
                           names=names)
    assert "Anne Lambert" in text and anne not in text
    decisions = [{"text": "Toilette le matin", "responsible_kind": "contact",
                  "contact_id": anne, "schedule": "", "action_id": "a-1"}]
    text = ae._field_value("concertation", "decisions", decisions, "fr", names=names)
    assert "Anne Lambert" in text and anne not in text and "a-1" not in text
    # a contact the copy does not hold keeps its id: something is still said
    assert "c-9" in ae._field_value("concertation", "decisions",
                                    [{"text": "x", "contact_id": "c-9"}], "fr")


def test_each_concertation_participant_is_one_line_saying_who_they_are() -> None:
    people = [
        {"contact_id": "c1", "name": "Guy Renard", "role": "médecin généraliste",
         "kind": "gp", "is_gp": True},
        {"contact_id": "c2", "name": "Élise Peeters", "role": "", "kind": "patient",
         "is_gp": False},
        {"contact_id": "c3", "name": "Paul Mertens", "role": "Cardiologue", "kind": "specialist",
         "is_gp": False},
        {"contact_id": "c4", "kind": "family"},  # an older row: its name from the contacts
        {"contact_id": None, "kind": "patient"},  # how a meeting stores the patient present
    ]
    text = ae._field_value("concertation", "participants", people, "fr",
                           names={"c4": "Hélène Peeters", ae.SELF: "Élise Peeters"})
    assert text.splitlines() == [
        "Guy Renard — Médecin généraliste, médecin traitant du patient",  # role said by kind
        "Élise Peeters — Patient(e)",
        "Paul Mertens — Médecin spécialiste, Cardiologue",
        "Hélène Peeters — Famille",
        "Élise Peeters — Patient(e)",
    ]
    # no "Type :" nor a "no" for whoever is not the patient's GP
    assert ":" not in text
    nl = ae._field_value("concertation", "participants", people[:1], "nl")
    assert nl == "Guy Renard — Huisarts, médecin généraliste, huisarts van de patiënt"


def test_contacts_statuses_and_schedules_read_as_words() -> None:
    gp = "c0ffee00-0000-4000-8000-000000000002"
    names = {gp: "Guy Renard"}
    for column in ("gp_contact_id", "reference_contact_id", "responsible_contact_id"):
        assert ae._field_value("gp_feedback", column, gp, "fr", names=names) \
            == "Guy Renard"
    assert ae._field_value("gp_feedback", "status", "pending", "fr") == "à envoyer"
    assert ae._field_value("gp_feedback", "status", "sent", "nl") == "verstuurd"
    schedule = {"days": [0, 3], "start": "10:00", "end": "10:45",
                "text": "lun, jeu 10 h – 10 h 45"}
    assert ae._field_value("plan_action", "schedule", schedule, "fr") \
        == "lundi, jeudi 10\u00a0h – 10\u00a0h\u00a045"
    # in the reader's language, whatever language it was typed in
    assert ae._field_value("plan_action", "schedule", schedule, "nl") \
        == "maandag, donderdag 10.00–10.45\u00a0uur"
    assert ae._field_value("plan_action", "schedule", {"text": "quand il pleut"}, "nl") \
        == "quand il pleut"
    assert ae._field_value("consent_event", "recorded_at", "2026-12-06T23:17:23.835539",
                           "fr") == "2026-12-06 23:17 UTC"


def test_records_pointed_to_read_as_their_section_number_and_words() -> None:
    from types import SimpleNamespace

    record = SimpleNamespace(
        patient={"id": "p0", "given_name": "Élise", "family_name": "Peeters"},
        owned_contacts=[{"id": "k1", "given_name": "Guy", "family_name": "Renard"}],
        linked_contacts=[],
        tables={"goal": [{"id": "g1", "text": "Rester à la maison"},
                         {"id": "g2", "text": "Marcher jusqu'au jardin"}],
                "care_plan": [{"id": "p1", "agreed_on": "2026-08-20"}]})
    names = ae.reference_names(record, "fr")  # type: ignore[arg-type]
    assert names["k1"] == "Guy Renard"
    assert names[ae.SELF] == "Élise Peeters"  # for the patient among a meeting's people
    assert names["g2"] == "Objectifs, n° 2 — Marcher jusqu'au jardin"
    assert names["p1"].endswith("n° 1 — 2026-08-20")
    assert ae._field_value("plan_action", "goal_id", "g2", "fr", names=names) == names["g2"]
    # an id the copy does not hold stays as it is
    assert ae._field_value("plan_action", "goal_id", "g9", "fr", names=names) == "g9"


def test_a_section_heading_never_ends_a_page_alone() -> None:
    """Whatever comes before it, a section's heading is on the page of its first record: a
    note of 1 to 40 lines moves the next section's heading down the page through every spot,
    the foot of the page included."""
    import datetime as dt
    import io
    from types import SimpleNamespace

    goal = "Rester à la maison avec de l'aide"
    for lines in range(1, 41):
        record = SimpleNamespace(
            patient={"id": "p", "given_name": "Élise", "family_name": "Peeters"},
            owned_contacts=[], linked_contacts=[], audit=[], drafts=[],
            tables={"note": [{"id": "n1", "text": "\n".join(["Visite à domicile."] * lines)},
                             {"id": "n2", "text": "\n".join(["Appel."] * 30)}],
                    "goal": [{"id": "g1", "text": goal}]})
        pdf = ae.render_access_export(record, [], lang="fr",  # type: ignore[arg-type]
                                      generated_at=dt.datetime(2026, 12, 7), generated_by="A",
                                      retention_years=5)
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
        heading = ae._section("goal", "fr")
        where = [n for n, text in enumerate(pages) if heading in text.splitlines()]
        assert where, lines
        assert goal in pages[where[0]], (lines, pages[where[0]][-200:])
