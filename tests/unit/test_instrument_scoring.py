"""Hand-worked cases for every shipped instrument, at every boundary."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain.errors import ValidationErrors
from desktop.domain.instruments import Definition, resolve_options, score, validate_answers
from desktop.services.instruments import shipped

KATZ_ITEMS = ("washing", "dressing", "transfer", "toileting", "continence", "eating",
              "orientation_time", "orientation_space")


def defn(iid: str) -> Definition:
    return shipped()[iid]


def outcome(iid: str, answers: dict[str, Any], **opts: Any) -> Any:
    d = defn(iid)
    kept = validate_answers(d, answers, complete=True)
    return score(d, kept, resolve_options(d, **opts))


def katz(w: int = 1, d: int = 1, t: int = 1, toil: int = 1, cont: int = 1, eat: int = 1,
         time: int = 1, space: int = 1, dementia: bool | None = None,
         variant: str | None = None) -> tuple[str, str]:
    answers: dict[str, Any] = dict(zip(KATZ_ITEMS, (w, d, t, toil, cont, eat, time, space),
                                       strict=True))
    if dementia is not None:
        answers["dementia_diagnosis"] = dementia
    o = outcome("katz_be", answers, variants={"forfait": variant} if variant else None)
    return o.derived["forfait"].code, o.derived["category"].code


# ---- Katz: forfaits ------------------------------------------------------------------------
@pytest.mark.parametrize(("items", "forfait"), [
    ({}, "none"),
    ({"w": 3, "d": 3}, "none"),                               # no transfer/toileting
    ({"w": 3, "d": 3, "t": 3}, "A"),
    ({"w": 3, "d": 3, "toil": 3}, "A"),
    ({"w": 2, "d": 3, "t": 3, "toil": 3}, "none"),            # washing just below
    ({"w": 3, "d": 2, "t": 4, "toil": 4}, "none"),            # dressing just below
    ({"w": 3, "d": 3, "t": 3, "toil": 3}, "A"),               # four dependent, no cont/eat
    ({"w": 3, "d": 3, "t": 3, "toil": 3, "cont": 2, "eat": 2}, "A"),
    ({"w": 3, "d": 3, "t": 3, "toil": 3, "cont": 3}, "B"),
    ({"w": 3, "d": 3, "t": 3, "toil": 3, "eat": 3}, "B"),
    ({"w": 3, "d": 3, "t": 2, "toil": 3, "eat": 4}, "A"),     # transfer below: not B
    ({"w": 4, "d": 4, "t": 4, "toil": 3, "cont": 4, "eat": 4}, "B"),  # toileting not 4: not C
])
def test_katz_forfait_a_b_edges(items: dict[str, int], forfait: str) -> None:
    for variant in ("strict", "either"):
        assert katz(**items, variant=variant)[0] == forfait


@pytest.mark.parametrize(("cont", "eat", "strict", "either"), [
    (2, 2, "A", "A"),
    (3, 2, "B", "C"),   # one dependent: enough for the broad rule only
    (2, 4, "B", "C"),
    (3, 3, "B", "C"),   # both dependent, none at 4: strict rule wants one at 4
    (4, 3, "C", "C"),
    (3, 4, "C", "C"),
    (4, 2, "B", "C"),   # strict rule wants both dependent
    (4, 4, "C", "C"),
])
def test_katz_forfait_c_both_variants(cont: int, eat: int, strict: str, either: str) -> None:
    full = {"w": 4, "d": 4, "t": 4, "toil": 4, "cont": cont, "eat": eat}
    assert katz(**full, variant="strict")[0] == strict
    assert katz(**full, variant="either")[0] == either
    assert katz(**full)[0] == strict  # the stricter rule is the default


def test_katz_default_variant_is_strict_and_recorded() -> None:
    o = outcome("katz_be", dict.fromkeys(KATZ_ITEMS, 4))
    assert o.derived["forfait"].variant == "strict"


# ---- Katz: residential categories ------------------------------------------------------------
@pytest.mark.parametrize(("items", "category"), [
    ({}, "O"),
    ({"w": 2, "d": 2, "t": 4, "toil": 4}, "O"),                  # transfer alone does not count
    ({"w": 3}, "A"),
    ({"d": 3}, "A"),
    ({"time": 3, "space": 3}, "A"),                              # disoriented, independent
    ({"time": 3, "space": 2}, "O"),                              # only one orientation item
    ({"time": 2, "space": 4}, "O"),
    ({"w": 3, "d": 3}, "A"),
    ({"w": 3, "d": 3, "t": 3}, "B"),
    ({"w": 3, "d": 3, "toil": 3}, "B"),
    ({"w": 3, "time": 3, "space": 3}, "B"),                      # disoriented + washing
    ({"d": 4, "time": 4, "space": 3}, "B"),
    ({"w": 3, "d": 3, "t": 3, "toil": 3}, "B"),                  # C needs continence/eating
    ({"w": 3, "d": 3, "t": 3, "toil": 3, "cont": 3}, "C"),
    ({"w": 3, "d": 3, "t": 3, "toil": 3, "eat": 3}, "C"),
    ({"w": 3, "d": 3, "t": 2, "toil": 3, "eat": 3}, "B"),
    ({"w": 3, "d": 3, "t": 3, "toil": 3, "eat": 3, "time": 3, "space": 3}, "Cd"),
    ({"w": 3, "d": 3, "t": 3, "toil": 3, "eat": 3, "time": 3, "space": 2}, "C"),
])
def test_katz_category_edges(items: dict[str, int], category: str) -> None:
    assert katz(**items)[1] == category


def test_katz_category_d_needs_diagnosis_and_disorientation() -> None:
    assert katz(time=3, space=3, dementia=True)[1] == "D"
    assert katz(time=3, space=3, dementia=False)[1] == "A"
    assert katz(time=2, space=3, dementia=True)[1] == "O"
    # D takes precedence even when physically at C level
    assert katz(w=4, d=4, t=4, toil=4, cont=4, eat=4, time=4, space=4, dementia=True)[1] == "D"


# ---- Lawton ---------------------------------------------------------------------------------
def test_lawton_zero_and_eight() -> None:
    d = defn("lawton_iadl")
    best = {i.id: 1 for i in d.items}
    worst = {i.id: len(i.options) for i in d.items}
    assert outcome("lawton_iadl", best).scores["total"].value == 8
    assert outcome("lawton_iadl", worst).scores["total"].value == 0


@pytest.mark.parametrize(("item", "value", "points"), [
    ("telephone", 3, 1), ("telephone", 4, 0), ("shopping", 2, 0), ("food_preparation", 2, 0),
    ("housekeeping", 4, 1), ("housekeeping", 5, 0), ("laundry", 2, 1), ("laundry", 3, 0),
    ("transport", 3, 1), ("transport", 4, 0), ("medication", 2, 0), ("finances", 2, 1),
    ("finances", 3, 0),
])
def test_lawton_item_scoring(item: str, value: int, points: int) -> None:
    d = defn("lawton_iadl")
    answers = {i.id: len(i.options) for i in d.items}  # all 0
    answers[item] = value
    assert outcome("lawton_iadl", answers).scores["total"].value == points


# ---- Edmonton Frail Scale -------------------------------------------------------------------
def efs_answers(total: int) -> dict[str, Any]:
    """Answers adding up to `total` (0–17), filled item by item."""
    left = total
    choice_max = {"clock": [0, 1, 2], "admissions": [0, 1, 2]}
    answers: dict[str, Any] = {}
    for item, values in choice_max.items():
        take = min(left, 2)
        answers[item] = values[take]
        left -= take
    take = min(left, 2)
    answers["health_rating"] = ["good", "fair", "poor"][take]
    left -= take
    take = min(left, 2)
    answers["iadl_help"] = [0, 3, 7][take]
    left -= take
    take = min(left, 2)
    answers["can_count_on"] = ["always", "sometimes", "never"][take]
    left -= take
    for item in ("meds_5plus", "forgets_meds", "weight_loss", "often_sad", "incontinence"):
        answers[item] = left > 0
        left -= 1 if left > 0 else 0
    answers["timed_up_and_go"] = ["up_to_10s", "s11_20", "over_20s"][min(left, 2)]
    left -= min(left, 2)
    assert left == 0
    return answers


@pytest.mark.parametrize(("total", "original", "alternative"), [
    (0, "not_frail", "not_frail"), (4, "not_frail", "not_frail"), (5, "vulnerable", "not_frail"),
    (6, "vulnerable", "vulnerable"), (7, "mild", "vulnerable"), (8, "mild", "mild"),
    (9, "moderate", "mild"), (10, "moderate", "moderate"), (11, "severe", "moderate"),
    (12, "severe", "severe"), (17, "severe", "severe"),
])
def test_efs_band_edges_in_both_band_sets(total: int, original: str, alternative: str) -> None:
    answers = efs_answers(total)
    first = outcome("edmonton_frail", answers)
    assert first.scores["total"].value == total
    assert (first.scores["total"].band, first.scores["total"].band_set) == (original, "original")
    second = outcome("edmonton_frail", answers, band_set="alternative")
    assert (second.scores["total"].band, second.scores["total"].band_set) == (alternative,
                                                                              "alternative")


@pytest.mark.parametrize(("count", "points"), [(0, 0), (1, 0), (2, 1), (4, 1), (5, 2), (8, 2)])
def test_efs_iadl_count_ranges(count: int, points: int) -> None:
    answers = efs_answers(0)
    answers["iadl_help"] = count
    assert outcome("edmonton_frail", answers).scores["total"].value == points


# ---- complexity grid ------------------------------------------------------------------------
def grid(total: int) -> dict[str, int]:
    d = defn("complexity_grid")
    out = {}
    for it in d.items:
        take = min(total, 3)
        out[it.id] = take
        total -= take
    return out


@pytest.mark.parametrize(("total", "band"), [(0, "not_complex"), (20, "not_complex"),
                                             (21, "complex"), (60, "complex")])
def test_complexity_grid_20_vs_21(total: int, band: str) -> None:
    o = outcome("complexity_grid", grid(total))
    assert (o.scores["total"].value, o.scores["total"].band) == (total, band)


# ---- needs checklist ------------------------------------------------------------------------
def test_needs_checklist_counts_and_hides_description_when_no_need() -> None:
    d = defn("needs_checklist")
    answers: dict[str, Any] = {s.id + "_status": "no_need" for s in d.sections}
    answers.update({"health_status": "unmet", "health_description": "Douleurs la nuit",
                    "housing_safety_status": "partly_met", "money_rights_status": "unmet",
                    "administration_description": "ignored: status is no need"})
    kept = validate_answers(d, answers, complete=True)
    assert "administration_description" not in kept
    assert kept["health_description"] == "Douleurs la nuit"
    o = score(d, kept)
    assert o.scores["unmet"].value == 2 and o.scores["partly_met"].value == 1


# ---- triage ---------------------------------------------------------------------------------
FLAG_IDS = ("chronic_status", "maf", "bim", "meds_5plus", "conditions_2plus", "age_over_75",
            "admissions_3plus")
RISK_IDS = ("risk_depression", "risk_medication", "risk_undernutrition", "risk_falls")


# the screening flags are context only (issue 18): on its own the triage instrument suggests
# level 2 from an avoidable-hospitalisation risk; the grid and crisis triggers add level 3
# (desktop.domain.triage, tests/unit/test_triage_rules.py)
@pytest.mark.parametrize(("flags", "risks", "tier"), [
    (0, 0, "self_management"), (1, 0, "self_management"), (2, 0, "self_management"),
    (0, 1, "care_coordination"), (3, 1, "care_coordination"), (3, 2, "care_coordination"),
    (2, 2, "care_coordination"), (4, 0, "self_management"), (5, 0, "self_management"),
    (0, 3, "care_coordination"), (7, 0, "self_management"), (7, 4, "care_coordination"),
])
def test_triage_suggested_tier(flags: int, risks: int, tier: str) -> None:
    answers = {f: i < flags for i, f in enumerate(FLAG_IDS)}
    answers.update({r: i < risks for i, r in enumerate(RISK_IDS)})
    o = outcome("triage", answers)
    assert o.scores["flags"].value == flags and o.scores["risks"].value == risks
    assert o.derived["tier"].code == tier


# ---- licensed instruments (structure and scoring only) --------------------------------------
@pytest.mark.parametrize(("iid", "total", "band"), [
    ("zarit_22", 0, "little"), ("zarit_22", 20, "little"), ("zarit_22", 21, "mild_moderate"),
    ("zarit_22", 40, "mild_moderate"), ("zarit_22", 41, "moderate_severe"),
    ("zarit_22", 60, "moderate_severe"), ("zarit_22", 61, "severe"), ("zarit_22", 88, "severe"),
    ("zarit_12", 16, "lower"), ("zarit_12", 17, "high"), ("zarit_12", 48, "high"),
])
def test_zarit_totals_and_bands(iid: str, total: int, band: str) -> None:
    d = defn(iid)
    answers = {}
    for it in d.items:
        take = min(total, 4)
        answers[it.id] = take
        total -= take
    o = outcome(iid, answers)
    assert o.scores["total"].band == band


def test_belrai_domain_sums() -> None:
    d = defn("belrai_screener")
    answers = {it.id: 1 for it in d.items}
    o = outcome("belrai_screener", answers)
    assert o.scores["adl"].value == 6 and o.scores["cognition"].value == 3
    assert o.scores["total"].value == len(d.items)


# ---- bad answers ----------------------------------------------------------------------------
def test_wrong_types_and_unknown_items_are_each_named() -> None:
    d = defn("edmonton_frail")
    answers: dict[str, Any] = efs_answers(3)
    answers.update({"clock": "2", "meds_5plus": 1, "iadl_help": 9, "nonsense": 1,
                    "health_rating": "superb"})
    with pytest.raises(ValidationErrors) as info:
        validate_answers(d, answers, complete=True)
    named = {(e.field, e.code) for e in info.value.errors}
    assert named == {("clock", "assessment.answer_type"), ("meds_5plus", "assessment.answer_type"),
                     ("iadl_help", "assessment.answer_range"), ("nonsense", "assessment.unknown_item"),
                     ("health_rating", "assessment.answer_option")}


def test_boolean_is_not_accepted_as_a_number_choice() -> None:
    answers: dict[str, Any] = dict.fromkeys(KATZ_ITEMS, 1)
    answers["washing"] = True
    with pytest.raises(ValidationErrors) as info:
        validate_answers(defn("katz_be"), answers, complete=True)
    assert info.value.errors[0].field == "washing"


def test_draft_allows_missing_but_completion_names_them() -> None:
    d = defn("katz_be")
    kept = validate_answers(d, {"washing": 3}, complete=False)
    assert score(d, kept).complete is False
    with pytest.raises(ValidationErrors) as info:
        validate_answers(d, {"washing": 3}, complete=True)
    assert {e.field for e in info.value.errors} == set(KATZ_ITEMS) - {"washing"}
    assert all(e.code == "assessment.answer_missing" for e in info.value.errors)


def test_unknown_band_set_and_variant_refused() -> None:
    from desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        resolve_options(defn("edmonton_frail"), band_set="nope")
    assert info.value.code == "assessment.unknown_band_set"
    with pytest.raises(ValidationError) as info:
        resolve_options(defn("katz_be"), variants={"forfait": "lenient"})
    assert info.value.code == "assessment.unknown_variant"
