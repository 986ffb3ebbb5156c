"""A seed of the sync state machine replays exactly (tools/replay_sync_machine.py): the same seed
twice gives the same step log and the same digest of every laptop's and the server's records, even
in another time zone (whose half hour would show any time of day read from the real clock); an
other seed gives another program. Tiny runs: two examples of four steps."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tools import replay_sync_machine

ARGS = ["--examples", "2", "--steps", "4", "--all"]


def replay(seed: int, capsys: pytest.CaptureFixture[str]) -> str:
    assert replay_sync_machine.main(["--seed", str(seed), *ARGS]) == 0
    return capsys.readouterr().out


@contextmanager
def time_zone(name: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", name)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.timeout(600)
def test_the_same_seed_replays_the_same_steps_and_state(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    first = replay(5, capsys)
    with time_zone("Asia/Kolkata", monkeypatch):  # UTC+05:30
        again = replay(5, capsys)
    other = replay(6, capsys)
    assert first == again
    digests = re.findall(r"digest ([0-9a-f]{64})", first)
    assert len(digests) >= 2, first  # each example reached quiescence and was digested
    steps = [line for line in first.splitlines() if re.match(r"\s*\d+\. ", line)]
    assert any(line.split(". ", 1)[1].startswith("setup(n=") for line in steps), first
    assert any(" device=" in line for line in steps), first  # the values drawn are logged
    assert other != first
    assert [line for line in other.splitlines() if re.match(r"\s*\d+\. ", line)] != steps
