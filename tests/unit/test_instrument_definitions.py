"""Shipped definitions validate and are fully translated; bad definition files are refused
with the place named; licensed texts import only onto a matching structure."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.instruments import LANGS, missing_texts, parse_definition, text_in
from desktop.services import instruments
from desktop.services.context import AppContext
from desktop.storage.models import Setting

SHIPPED = ("katz_be", "lawton_iadl", "edmonton_frail", "complexity_grid", "needs_checklist",
           "triage", "zarit_22", "zarit_12", "belrai_screener", "patient_experience")
LICENSED = ("zarit_22", "zarit_12", "belrai_screener")


def raw(iid: str) -> dict[str, Any]:
    return copy.deepcopy(instruments.shipped()[iid].raw)


def test_every_instrument_is_shipped() -> None:
    assert set(instruments.shipped()) == set(SHIPPED)


@pytest.mark.parametrize("iid", SHIPPED)
def test_shipped_definition_validates_against_the_schema(iid: str) -> None:
    folder = instruments.instruments_dir()
    schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
    data = json.loads((folder / f"{iid}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert parse_definition(data).id == iid


@pytest.mark.parametrize("iid", SHIPPED)
@pytest.mark.parametrize("lang", LANGS)
def test_no_missing_text_in_any_language(iid: str, lang: str) -> None:
    d = instruments.shipped()[iid]
    assert missing_texts(d, (lang,)) == []
    assert text_in(d.title, lang)
    for it in d.items:
        if d.texts_included:
            assert text_in(it.text, lang), it.id
        for o in it.options:
            if it.type == "choice":
                assert text_in(o.label, lang), (it.id, o.value)


@pytest.mark.parametrize("iid", LICENSED)
def test_licensed_instruments_ship_without_item_text(iid: str) -> None:
    d = instruments.shipped()[iid]
    assert d.licence.kind == "licensed" and not d.texts_included
    assert all(it.text is None for it in d.items)


# ---- malformed definitions ------------------------------------------------------------------
def refused(data: Any) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        instruments.validate_data(data)
    assert info.value.field == "definition"
    return info.value


def test_schema_violation_names_the_place() -> None:
    data = raw("lawton_iadl")
    data["items"][2]["type"] = "slider"
    err = refused(data)
    assert err.code == "instrument.invalid" and err.params["place"].startswith("items[2]")
    data = raw("lawton_iadl")
    del data["items"]
    assert refused(data).code == "instrument.invalid"
    assert refused(["not", "an", "object"]).params["place"] == "(root)"


def test_bad_operator_in_a_condition_names_the_operator() -> None:
    data = raw("katz_be")
    data["derived"][0]["rules"][2]["when"]["all"][0]["op"] = "gte"
    err = refused(data)
    assert err.params["place"] == "derived[0].rules[2].when.all[0].op"
    assert "gte" in err.params["detail"]


def test_unknown_reference_in_a_rule_names_the_place() -> None:
    data = raw("katz_be")
    data["derived"][1]["rules"][0]["when"]["all"][0]["item"] = "bathing"
    err = refused(data)
    assert err.code == "instrument.unknown_ref"
    assert err.params == {"place": "derived[1].rules[0].when", "ref": "bathing"}


def test_bands_with_a_gap_are_refused() -> None:
    data = raw("edmonton_frail")
    data["scores"][0]["band_sets"][1]["bands"][1]["min"] = 7
    err = refused(data)
    assert err.code == "instrument.bands_cover"
    assert err.params["place"].startswith("scores[0].band_sets[1]")


def test_duplicate_item_and_bad_ranges_are_refused() -> None:
    data = raw("lawton_iadl")
    data["items"][1]["id"] = data["items"][0]["id"]
    assert refused(data).code == "instrument.duplicate_id"
    data = raw("edmonton_frail")
    data["items"][3]["score_ranges"][1]["min"] = 3  # value 2 has no score
    err = refused(data)
    assert err.code == "instrument.ranges_cover" and err.params["value"] == 2
    data = raw("lawton_iadl")
    data["scores"][0]["range"] = [0, 7]
    assert refused(data).code == "instrument.range_mismatch"


def test_not_json_file_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x",\n  "version": }', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        instruments.load_file(bad)
    assert info.value.code == "instrument.not_json" and info.value.params["line"] == 2
    with pytest.raises(ValidationError) as info:
        instruments.load_file(tmp_path / "missing.json")
    assert info.value.code == "instrument.file_unreadable"


def test_unknown_instrument_id(ctx: AppContext) -> None:
    with pytest.raises(NotFound) as info:
        instruments.get_definition(ctx, "mmse")
    assert info.value.code == "instrument.unknown"


# ---- importing licensed texts ---------------------------------------------------------------
def licensed_file(tmp_path: Path, iid: str = "zarit_12",
                  change: Any = None) -> Path:
    data = raw(iid)
    data["texts_included"] = True
    for n, item in enumerate(data["items"], 1):
        item["text"] = {"fr": f"Question {n} (fr)", "nl": f"Vraag {n} (nl)",
                        "en": f"Question {n} (en)"}
    if change:
        change(data)
    path = tmp_path / f"{iid}-licensed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def imported_keys(ctx: AppContext) -> list[str]:
    return ctx.read(lambda s: [r.key for r in s.query(Setting).all()
                               if r.key.startswith(instruments.SETTING_PREFIX)])


def test_import_licensed_texts(ctx: AppContext, tmp_path: Path) -> None:
    assert not instruments.get_definition(ctx, "zarit_12").texts_included
    result = instruments.import_definition(ctx, licensed_file(tmp_path))
    assert result.imported and result.texts_available
    d = instruments.get_definition(ctx, "zarit_12")
    assert text_in(d.item("q03").text, "nl") == "Vraag 3 (nl)"
    assert next(i for i in instruments.list_instruments(ctx) if i.id == "zarit_12").imported
    # the shipped catalog (no vault) is untouched
    assert not instruments.get_definition(None, "zarit_12").texts_included


def mutate_score(data: dict[str, Any]) -> None:
    data["items"][4]["options"][2]["score"] = 3


@pytest.mark.parametrize(("change", "code", "place"), [
    (mutate_score, "instrument.structure_mismatch", "items.q05.options[2]"),
    (lambda d: d["items"].pop(), "instrument.structure_mismatch", "items.q12"),
    (lambda d: d["items"][0]["text"].pop("nl"), "instrument.texts_missing", "items.q01.text.nl"),
    (lambda d: d.update(texts_included=False), "instrument.texts_missing", "texts_included"),
])
def test_import_refused_with_the_place_and_nothing_stored(
        ctx: AppContext, tmp_path: Path, change: Any, code: str, place: str) -> None:
    path = licensed_file(tmp_path, change=change)
    with pytest.raises(ValidationError) as info:
        instruments.import_definition(ctx, path)
    assert info.value.code == code
    assert info.value.params["place"].startswith(place)
    assert imported_keys(ctx) == []


def test_free_instrument_cannot_be_overridden(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "katz.json"
    path.write_text(json.dumps(raw("katz_be")), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        instruments.import_definition(ctx, path)
    assert info.value.code == "instrument.not_licensed"
    assert imported_keys(ctx) == []


def test_whole_new_licensed_instrument_can_be_imported(ctx: AppContext, tmp_path: Path) -> None:
    def rename(d: dict[str, Any]) -> None:
        d["id"] = "org_scale"
    instruments.import_definition(ctx, licensed_file(tmp_path, change=rename))
    assert instruments.get_definition(ctx, "org_scale").texts_included
