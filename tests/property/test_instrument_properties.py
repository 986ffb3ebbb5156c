"""Properties of the scoring engine over the shipped definitions."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.domain.errors import ValidationErrors
from desktop.domain.instruments import (
    Definition,
    Item,
    resolve_options,
    score,
    validate_answers,
    visible_items,
)
from desktop.domain.text import has_control_characters
from desktop.services.instruments import shipped

KATZ_ITEMS = ("washing", "dressing", "transfer", "toileting", "continence", "eating",
              "orientation_time", "orientation_space")
SHIPPED = sorted(shipped())


def value_for(item: Item) -> st.SearchStrategy[Any]:
    if item.type in ("choice", "boolean"):
        return st.sampled_from([o.value for o in item.options])
    if item.type == "number":
        assert item.min is not None and item.max is not None
        return st.integers(item.min, item.max)
    # A valid answer: text without the control characters every text field refuses.
    return st.text(max_size=20).filter(lambda v: not has_control_characters(v))


@st.composite
def answer_sets(draw: st.DrawFn, defn: Definition) -> dict[str, Any]:
    """A complete valid answer set: every item answered (hidden ones are dropped later)."""
    return {it.id: draw(value_for(it)) for it in defn.items}


katz_answers = st.fixed_dictionaries({i: st.integers(1, 4) for i in KATZ_ITEMS})


@settings(max_examples=300, deadline=None)
@given(answers=katz_answers, dementia=st.booleans(), item=st.sampled_from(KATZ_ITEMS),
       step=st.integers(1, 3), variant=st.sampled_from(["strict", "either"]))
def test_raising_a_katz_item_never_lowers_forfait_or_category(
        answers: dict[str, int], dementia: bool, item: str, step: int, variant: str) -> None:
    d = shipped()["katz_be"]
    opts = resolve_options(d, variants={"forfait": variant})
    before = score(d, {**answers, "dementia_diagnosis": dementia}, opts)
    raised = {**answers, item: min(4, answers[item] + step), "dementia_diagnosis": dementia}
    after = score(d, raised, opts)
    for key in ("forfait", "category"):
        assert after.derived[key].rank >= before.derived[key].rank


@settings(max_examples=200, deadline=None)
@given(answers=katz_answers)
def test_broad_forfait_c_is_never_below_the_strict_one(answers: dict[str, int]) -> None:
    d = shipped()["katz_be"]
    strict = score(d, answers, resolve_options(d, variants={"forfait": "strict"}))
    broad = score(d, answers, resolve_options(d, variants={"forfait": "either"}))
    assert broad.derived["forfait"].rank >= strict.derived["forfait"].rank


@pytest.mark.parametrize("iid", SHIPPED)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_scores_stay_in_the_declared_range(iid: str, data: st.DataObject) -> None:
    d = shipped()[iid]
    kept = validate_answers(d, data.draw(answer_sets(d)), complete=True)
    band_set = data.draw(st.sampled_from(
        [None] + [bs.id for sc in d.scores for bs in sc.band_sets]))
    out = score(d, kept, resolve_options(d, band_set=band_set))
    assert out.complete
    for sc in d.scores:
        res = out.scores[sc.id]
        assert sc.range[0] <= res.value <= sc.range[1]
        assert (res.band is None) == (not sc.band_sets)
    for der in d.derived:
        assert out.derived[der.id].code in {c.code for c in der.categories}


@pytest.mark.parametrize("iid", SHIPPED)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_missing_required_item_is_refused_and_named(iid: str, data: st.DataObject) -> None:
    d = shipped()[iid]
    answers = data.draw(answer_sets(d))
    required = [it.id for it in visible_items(d, answers) if it.required]
    assume(required)  # every shipped instrument has some (checked below)
    gone = data.draw(st.sampled_from(required))
    del answers[gone]
    # no item's visibility hangs on its own answer: removing it leaves it asked
    assert any(it.id == gone for it in visible_items(d, answers))
    with pytest.raises(ValidationErrors) as info:
        validate_answers(d, answers, complete=True)
    assert (gone, "assessment.answer_missing") in {(e.field, e.code) for e in info.value.errors}


@pytest.mark.parametrize("iid", SHIPPED)
def test_every_shipped_instrument_has_required_items(iid: str) -> None:
    assert any(it.required for it in shipped()[iid].items)


WITH_OPTIONS = [i for i in SHIPPED
                if any(it.type in ("choice", "number") for it in shipped()[i].items)]


@pytest.mark.parametrize("iid", WITH_OPTIONS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_out_of_range_option_is_refused_and_named(iid: str, data: st.DataObject) -> None:
    d = shipped()[iid]
    answers = data.draw(answer_sets(d))
    candidates = [it for it in d.items if it.type in ("choice", "number")]
    item = data.draw(st.sampled_from(candidates))
    if item.type == "number":
        assert item.max is not None
        bad: Any = item.max + data.draw(st.integers(1, 100))
    else:
        same_type = type(item.options[0].value)
        pool = st.integers(-100, 100) if same_type is int else st.text(min_size=1, max_size=8)
        bad = data.draw(pool.filter(lambda v: item.option(v) is None))
    answers[item.id] = bad
    with pytest.raises(ValidationErrors) as info:
        validate_answers(d, answers, complete=True)
    assert item.id in {e.field for e in info.value.errors}
