"""Exact replay of the sync state machine (tests/property/test_sync_machine.py).

A run of the machine is a function of its Hypothesis seed alone when nothing else in it varies:
- ids: `desktop.domain.ids.uuid7` takes them from `SeededIds` (time-ordered UUIDv7s from a
  counter and a seeded generator) while a machine runs; the server's own ids (team, enrolled
  devices, conflicts: `uuid.uuid4`) come from a seeded generator too;
- clocks: every laptop's hybrid logical clock reads `SimClock` (milliseconds that move on by one
  every second reading, so ties between laptops and the counter still happen), and so do
  `utcnow()` and `local_time()` of desktop.domain.dates (creation, audit, note and visit times;
  see tests/property/test_replay_sync_machine.py, which replays in another time zone to catch a
  time of day read from the real clock); `ctx.today` is fixed (sync_support.TODAY)
  and consent recording times count from zero for each machine;
- conflicts: the machine sorts the open conflicts by their content before picking one (their
  ids come from the server, their local creation time from the sync code's own clock);
- the vault and server templates are made before the seeded ids are switched on, so the first
  machine of a process draws the same ids as the others;
- threads: the vault writer thread and the in-process server run one call at a time for the
  calling thread, so their order is the program's; temporary folders are never stored.
What still reads the real clock does not change what a run does or its digest: the server's
times (`changed_at`, last seen), the times the sync code stamps on local-only rows (conflicts,
field history), and two timers: the laptop's 15-minute checksum and the server's hourly
tombstone collection, which also run at the first sync of a fresh laptop and server, which is
where an example meets them (an example lasting over 15 minutes would meet them again).

`run_machine` runs a machine class for a seed and gives back every example's step log and state
digest; tools/replay_sync_machine.py is its command line, and the soak prints the command that
replays a failure."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import random
import re
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import Phase, reproduce_failure, seed, settings
from hypothesis.stateful import (
    INITIALIZE_RULE_MARKER,
    RULE_MARKER,
    RuleBasedStateMachine,
    run_state_machine_as_test,
)
from hypothesis.strategies import DataObject

from desktop.domain import dates, ids

# 2026-11-23 07:00 UTC, the morning of the tests' TODAY: in the past, so the server does not
# clamp the laptops' clocks (it clamps those more than a day ahead of its own)
SIM_START_MS = 1_795_417_200_000
_REAL_UUID4 = uuid.uuid4
REPLAY_MODULE = "tools.replay_sync_machine"


class SimClock:
    """Wall milliseconds for the laptops' hybrid clocks: one more every second reading."""

    def __init__(self, start_ms: int = SIM_START_MS) -> None:
        self._start = start_ms
        self._reads = 0
        self._lock = threading.Lock()

    def __call__(self) -> int:
        with self._lock:
            self._reads += 1
            return self._start + self._reads // 2


class SeededIds:
    """UUIDv7s in creation order from a counter and random bits drawn from `seed`."""

    def __init__(self, seed: int = 0, start_ms: int = SIM_START_MS) -> None:
        self._rng = random.Random(seed)
        self._start = start_ms
        self._n = 0
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            self._n += 1
            ms = self._start + self._n
            rand = self._rng.getrandbits(62)
        value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (self._n & 0xFFF) << 64 | 0b10 << 62
        return str(uuid.UUID(int=value | rand))


class Determinism:
    """What one machine switches on for its run and off at its teardown."""

    def __init__(self) -> None:
        from tests.e2e import sync_support

        sync_support.warm_templates()  # with the real ids: made once per process
        sync_support.reset_consent_times()
        self.clock = SimClock()
        ids.use_id_source(SeededIds())
        dates.use_wall_clock(
            lambda: dt.datetime.fromtimestamp(self.clock() / 1000, dt.UTC))
        # The server's own ids (team, devices, conflicts) come from uuid.uuid4: seeded too, so
        # the team id the records carry is the same in every replay.
        rng = random.Random(4)
        uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)

    def close(self) -> None:
        ids.use_id_source(None)
        dates.use_wall_clock(None)
        uuid.uuid4 = _REAL_UUID4


# ---- the step log ------------------------------------------------------------------------------
class _DrawLog:
    """The rule's `data` object, noting each value drawn from it."""

    def __init__(self, data: DataObject, drawn: list[str]) -> None:
        self._data = data
        self._drawn = drawn

    def draw(self, strategy: Any, label: Any = None) -> Any:
        value = self._data.draw(strategy, label=label)
        self._drawn.append(f"{label or 'draw'}={value!r}")
        return value


def _logged(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def step(machine: Any, **kwargs: Any) -> Any:
        drawn: list[str] = []
        args = {k: _DrawLog(v, drawn) if isinstance(v, DataObject) else v
                for k, v in kwargs.items()}
        shown = ", ".join(f"{k}={v!r}" for k, v in kwargs.items() if not isinstance(v, DataObject))
        line = f"{fn.__name__}({shown})"
        try:
            result = fn(machine, **args)
        except BaseException as exc:
            machine.__dict__.setdefault("steps", []).append(
                f"{line} {' '.join(drawn)} !! {type(exc).__name__}".replace("  ", " "))
            raise
        tail = f" -> {result!r}" if result is not None else ""
        machine.__dict__.setdefault("steps", []).append(
            f"{line} {' '.join(drawn)}{tail}".replace("  ", " ").rstrip())
        return result

    step.__dict__["_replay_logged"] = True
    return step


def log_steps(cls: type[RuleBasedStateMachine]) -> type[RuleBasedStateMachine]:
    """Every rule of `cls` appends one line to `machine.steps`: its name, its arguments, the
    values it drew and what it returned. Generated values only (fake names, ids, choices)."""
    for member in vars(cls).values():
        for marker in (RULE_MARKER, INITIALIZE_RULE_MARKER):
            rule = getattr(member, marker, None)
            if rule is not None and not getattr(rule.function, "_replay_logged", False):
                rule.function = _logged(rule.function)
    return cls


# ---- the state digest --------------------------------------------------------------------------
def state_digest(devices: Iterable[Any], server: Any) -> str:
    """SHA-256 over every laptop's synced records (fields, version, deleted flag) and the server's
    records and conflicts (fields, sequence, status): the same run gives the same digest."""
    from tests.e2e.sync_support import local_records

    parts: list[Any] = []
    for d in devices:
        parts.append([d.name, sorted([list(k), v] for k, v in local_records(d.ctx).items())])
    parts.append(sorted([k[0], k[1], r.seq, bool(r.deleted), r.patient_id, r.fields]
                        for k, r in server.records().items()))
    parts.append(sorted([c.table_name, c.record_id, c.field, c.seq, c.status, c.mine, c.theirs]
                        for c in server.conflicts()))
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


# ---- running a machine for a seed --------------------------------------------------------------
@dataclass
class Example:
    steps: list[str]
    digest: str | None


@dataclass
class Run:
    seed: int
    examples: list[Example] = field(default_factory=list)
    error: BaseException | None = None


def machine_settings(max_examples: int, steps: int, *, shrink: bool = True) -> settings:
    from hypothesis import HealthCheck

    # No "explain" phase: it re-runs a failing program under a line tracer, which takes a
    # three-laptop sync run past the test timeout and hides the failure behind a timeout.
    phases = [Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if shrink else [])
    return settings(max_examples=max_examples, stateful_step_count=steps, deadline=None,
                    suppress_health_check=list(HealthCheck), database=None, phases=phases,
                    print_blob=True)


def run_machine(cls: type[RuleBasedStateMachine], seed_value: int, max_examples: int,
                steps: int, *, shrink: bool = True, blob: str | None = None,
                version: str | None = None) -> Run:
    """Run `cls` as Hypothesis would in the test, from `seed_value` (or the `@reproduce_failure`
    blob), keeping each example's step log and digest; a failure is kept in `Run.error`."""
    import hypothesis

    run = Run(seed_value)
    machines: list[RuleBasedStateMachine] = []

    def factory() -> RuleBasedStateMachine:
        machines.append(cls())
        return machines[-1]

    seed(seed_value)(factory)
    if blob:
        reproduce_failure(version or hypothesis.__version__, blob.encode())(factory)
    try:
        # a factory function is documented to do as well as the class
        run_state_machine_as_test(factory, settings=machine_settings(  # type: ignore[arg-type]
            max_examples, steps, shrink=shrink))
    except BaseException as exc:  # noqa: BLE001 - the failure is what a replay is for
        if isinstance(exc, KeyboardInterrupt):
            raise
        run.error = exc
    run.examples = [Example(list(m.__dict__.get("steps", [])), m.__dict__.get("digest"))
                    for m in machines]
    return run


_BLOB = re.compile(r"@reproduce_failure\('([^']+)', b'([^']+)'\)")


def replay_command(seed_value: int, max_examples: int, steps: int,
                   error: BaseException | None = None) -> str:
    """The one line that replays this run (and, when Hypothesis printed it, its shrunk
    failure)."""
    line = (f"python -m {REPLAY_MODULE} --seed {seed_value} --examples {max_examples} "
            f"--steps {steps}")
    for note in getattr(error, "__notes__", []) or []:
        m = _BLOB.search(note)
        if m:
            line += f" --blob {m.group(2)} --hypothesis-version {m.group(1)}"
    return line


def run_seeded(cls: type[RuleBasedStateMachine], seed_value: int, max_examples: int,
               steps: int) -> None:
    """The test's run: on a failure, the exception carries the line that replays it (printed
    first too, for a run stopped by a timeout)."""
    print("Seed:", replay_command(seed_value, max_examples, steps), flush=True)
    run = run_machine(cls, seed_value, max_examples, steps)
    if run.error is not None:
        line = "Replay: " + replay_command(seed_value, max_examples, steps, run.error)
        print(line, flush=True)
        run.error.add_note(line)
        raise run.error
