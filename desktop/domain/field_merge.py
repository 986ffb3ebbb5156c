"""The per-field merge of an edit into the server's copy of a record (docs/SYNC.md 5), pure:
values, versions, clocks and writers in, what to write, what conflicts and what to tell the
device out. `merge_policy` says which rule a field follows; the server (server/merge.py) stores
the outcome."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.merge_policy import policy_for


@dataclass(frozen=True)
class Stored:
    """One field of the server's copy: its value, version, hybrid clock and writing device."""

    value: Any
    version: int
    hlc: str = ""
    writer: str | None = None


@dataclass
class Merge:
    applied: dict[str, Any] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    reported: dict[str, Any] = field(default_factory=dict)  # server value ≠ what the device sent


def merge_fields(table: str, stored: Mapping[str, Stored], edit: Mapping[str, Any], *,
                 base_versions: Mapping[str, int], base_values: Mapping[str, Any] | None,
                 hlc: str, device_id: str, record_base: int | None = None,
                 keep_on_conflict: bool = False) -> Merge:
    """`stored`: the fields the server holds (a field it lacks is absent); `edit`: the device's
    new values; `base_versions`: per field, the version the edit was based on (`record_base`
    for all of them: a restore). An edit is concurrent when another device wrote the field
    after that version and left it other than the value the edit started from (`base_values`);
    then the field's policy decides (lww: the later clock; union: both
    lists' additions, the device's removals; conflict: kept for a person, or with
    `keep_on_conflict` the server's value is reported back)."""
    m = Merge()
    for name, mine in edit.items():
        theirs = stored.get(name)
        if theirs is not None and theirs.value == mine:
            continue
        base = record_base if record_base is not None else int(base_versions.get(name, 0) or 0)
        if theirs is None or theirs.version <= base or theirs.writer == device_id:
            m.applied[name] = mine  # not concurrent: the device saw the server's value
            continue
        if record_base is None and base_values is not None and name in base_values \
                and base_values[name] == theirs.value:
            # written since, but back to (or left at) the value the device started from: no
            # value of theirs is lost (a three-way merge's "unchanged on their side")
            m.applied[name] = mine
            continue
        policy = policy_for(table, name)
        if policy == "lww":
            if hlc > theirs.hlc:
                m.applied[name] = mine
            else:
                m.reported[name] = theirs.value
        elif policy == "union" and isinstance(theirs.value, list) and isinstance(mine, list):
            base_value = (base_values or {}).get(name)
            removed = [v for v in base_value if v not in mine] if isinstance(base_value, list) else []
            merged = [v for v in theirs.value if v not in removed] + [
                v for v in mine if v not in theirs.value]
            if merged != theirs.value:
                m.applied[name] = merged
            if merged != mine:
                m.reported[name] = merged
        elif keep_on_conflict:
            m.reported[name] = theirs.value
        else:
            m.conflicts.append(name)
    return m
