"""The demo draws a patient's notes like cards: each round uses every note once."""

from __future__ import annotations

import itertools
import random

from hypothesis import given
from hypothesis import strategies as st

from desktop.demo.cases import _Deck


@given(st.integers(1, 12), st.integers(0, 60), st.integers(0, 2**32))
def test_a_deck_uses_every_text_before_any_comes_back(size: int, draws: int, seed: int) -> None:
    pool = [f"note {i}" for i in range(size)]
    deck = _Deck(random.Random(seed))
    drawn = [deck.draw(pool) for _ in range(draws)]
    for n in range(1, draws + 1):  # at every point, no text drawn twice more than another
        counts = [drawn[:n].count(t) for t in pool]
        assert max(counts) - min(counts) <= 1, drawn[:n]
    if size > 1:
        assert all(a != b for a, b in itertools.pairwise(drawn)), drawn
