"""Passphrase strength feedback: bounded, monotone in the obvious cases, hints translated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.passphrase_strength import LEVELS, MIN_LENGTH, evaluate
from desktop.i18n import catalog

WORDS = ["tartine", "girafe", "escalier", "parapluie", "moulin", "vélo", "bougie", "hamac",
         "kompas", "fiets", "lantaarn", "zeepbel", "olifant", "trompet", "wolk", "tulp"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_bounded_and_short_ones_refused(text: str) -> None:
    result = evaluate(text)
    assert result.level in LEVELS and result.score == LEVELS.index(result.level)
    assert (result.level == "too_short") == (len(text) < MIN_LENGTH)
    assert result.acceptable == (len(text) >= MIN_LENGTH)
    for hint in result.hints:
        for lang in ("fr", "nl", "en"):
            assert catalog(lang).get(hint), f"{hint} not translated in {lang}"
    assert catalog("en").get(f"passphrase.level.{result.level}")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=5, max_size=7, unique=True))
def test_five_unrelated_words_are_at_least_good(words: list[str]) -> None:
    assert evaluate(" ".join(words)).score >= LEVELS.index("good")


@settings(max_examples=100, deadline=None)
@given(st.characters(min_codepoint=33, max_codepoint=0x24F), st.integers(MIN_LENGTH, 64))
def test_one_repeated_character_is_never_good(char: str, n: int) -> None:
    assert evaluate(char * n).score <= LEVELS.index("weak")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=2, max_size=5, unique=True),
       st.sampled_from(WORDS))
def test_adding_a_word_never_lowers_the_level(words: list[str], extra: str) -> None:
    base = " ".join(words)
    assert evaluate(base + " " + extra).score >= evaluate(base).score
