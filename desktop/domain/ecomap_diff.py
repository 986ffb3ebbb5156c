"""Compare two ecomaps (dated snapshots, or a snapshot and today's map): what changed.

A snapshot holds its ties as plain dicts (see `desktop.services.ecosystem.snapshot_data`),
keyed here by contact id: the same person drawn twice is the same tie.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# the tie properties whose change is worth showing (positions and labels are not)
COMPARED = (
    "role",
    "strength",
    "quality",
    "energy_flow",
    "is_gp",
    "is_informal_carer",
    "is_reference_person",
)

Tie = Mapping[str, Any]


@dataclass(frozen=True)
class TieChange:
    contact_id: str
    before: Tie
    after: Tie
    fields: tuple[str, ...]  # which of COMPARED differ


@dataclass(frozen=True)
class EcomapDiff:
    added: tuple[Tie, ...]  # in the newer map only
    removed: tuple[Tie, ...]  # in the older map only
    changed: tuple[TieChange, ...]
    unchanged: tuple[str, ...]  # contact ids

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def status_of(self, contact_id: str) -> str:
        """ "added", "removed", "changed" or "same" (for highlighting a node)."""
        if any(t["contact_id"] == contact_id for t in self.added):
            return "added"
        if any(t["contact_id"] == contact_id for t in self.removed):
            return "removed"
        if any(c.contact_id == contact_id for c in self.changed):
            return "changed"
        return "same"


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def compare_ties(older: Sequence[Tie], newer: Sequence[Tie]) -> EcomapDiff:
    old = {str(t["contact_id"]): t for t in older}
    new = {str(t["contact_id"]): t for t in newer}
    added = tuple(
        new[k]
        for k in sorted(new.keys() - old.keys(), key=lambda k: (str(new[k].get("label", "")), k))
    )
    removed = tuple(
        old[k]
        for k in sorted(old.keys() - new.keys(), key=lambda k: (str(old[k].get("label", "")), k))
    )
    changed: list[TieChange] = []
    unchanged: list[str] = []
    for k in sorted(old.keys() & new.keys(), key=lambda k: (str(new[k].get("label", "")), k)):
        fields = tuple(f for f in COMPARED if _norm(old[k].get(f)) != _norm(new[k].get(f)))
        if fields:
            changed.append(TieChange(k, old[k], new[k], fields))
        else:
            unchanged.append(k)
    return EcomapDiff(added, removed, tuple(changed), tuple(unchanged))
