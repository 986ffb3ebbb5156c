"""Hybrid logical clock: the text form sorts like the clock's logical order, always (also when
the counter would pass its 5 digits), and the server accepts every text the clock produces."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.hlc import MAX_COUNTER, MAX_DRIFT_MS, HybridClock, Timestamp
from server.push import clamp_hlc

START_MS = 1_700_000_000_000
DEVICES = st.sampled_from(["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "laptop-b", "a", "z-9"])

# one step: let the wall clock move (also backwards), tick a few times, or observe a remote
# timestamp (up to two days ahead, counters close to the limit)
STEPS = st.one_of(
    st.tuples(st.just("wall"), st.integers(-5_000, 5_000)),
    st.tuples(st.just("tick"), st.integers(1, 30)),
    st.tuples(st.just("observe"), st.tuples(
        st.integers(-10, 2 * MAX_DRIFT_MS),
        st.one_of(st.integers(0, MAX_COUNTER), st.integers(MAX_COUNTER - 20, MAX_COUNTER)),
        DEVICES)),
)


def logical(text: str) -> tuple[int, int, str]:
    ts = Timestamp.decode(text)
    return ts.wall_ms, ts.counter, ts.device


@settings(max_examples=300, deadline=None)
@given(device=DEVICES, start_counter=st.integers(MAX_COUNTER - 40, MAX_COUNTER),
       steps=st.lists(STEPS, min_size=1, max_size=40))
def test_text_order_is_logical_order_and_the_server_accepts_it(
        device: str, start_counter: int, steps: list[tuple[str, object]]) -> None:
    now = [START_MS]
    clock = HybridClock(device, Timestamp(START_MS, start_counter, device).encode(),
                        now_ms=lambda: now[0])
    produced: list[str] = [clock.last]
    seen: list[str] = []
    for kind, arg in steps:
        if kind == "wall":
            assert isinstance(arg, int)
            now[0] += arg
        elif kind == "tick":
            assert isinstance(arg, int)
            for _ in range(arg):
                produced.append(clock.tick())
        else:
            offset, counter, remote_device = arg  # type: ignore[misc]
            remote = Timestamp(now[0] + offset, counter, remote_device).encode()
            seen.append(remote)
            mine = clock.observe(remote)
            produced.append(mine)
            if offset <= MAX_DRIFT_MS:  # not clamped: the clock is now past the remote one
                assert mine > remote and logical(mine) > logical(remote)
    # strictly increasing, in text and in logic
    for before, after in itertools.pairwise(produced):
        assert before < after and logical(before) < logical(after)
    # any two texts compare as their logical values do
    everything = produced + seen
    for a in everything:
        for b in everything[:12]:
            assert (a < b) == (logical(a) < logical(b))
    for text in produced:
        ts = Timestamp.decode(text)
        assert 0 <= ts.counter <= MAX_COUNTER
        assert clamp_hlc(text, now[0]).startswith(f"{min(ts.wall_ms, now[0] + MAX_DRIFT_MS):013d}")


def test_a_full_millisecond_moves_the_wall_part_on() -> None:
    clock = HybridClock("d", Timestamp(START_MS, MAX_COUNTER - 1, "d").encode(),
                        now_ms=lambda: START_MS)
    assert clock.tick() == f"{START_MS:013d}-{MAX_COUNTER:05d}-d"
    assert clock.tick() == f"{START_MS + 1:013d}-00000-d"
    assert clock.tick() == f"{START_MS + 1:013d}-00001-d"
    # a remote clock at the limit in the same millisecond
    other = HybridClock("e", None, now_ms=lambda: START_MS)
    assert other.observe(f"{START_MS:013d}-{MAX_COUNTER:05d}-x") == f"{START_MS + 1:013d}-00000-e"


def test_a_vault_saved_with_a_six_digit_counter_recovers() -> None:
    """Vaults written before the bound may hold a counter past 99,999: the next tick is valid
    and still after it."""
    legacy = f"{START_MS:013d}-100003-d"
    clock = HybridClock("d", legacy, now_ms=lambda: START_MS)
    nxt = clock.tick()
    assert logical(nxt) > logical(legacy) and Timestamp.decode(nxt).counter == 0
    assert clamp_hlc(nxt, START_MS) == nxt
