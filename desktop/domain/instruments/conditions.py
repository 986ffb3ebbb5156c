"""Conditions in definitions: which items are asked, which rules hold.

Grammar (JSON): {"item": ID, "op": OP, "value": V} | {"score": ID, "op": OP, "value": N} |
{"all": [...]} | {"any": [...]} | {"not": {...}}. OP is one of eq, ne, ge, gt, le, lt, in
("values": [...]) or answered. An unanswered item makes every comparison false, so a rule never
holds on missing data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

OPS = ("eq", "ne", "ge", "gt", "le", "lt", "in", "answered")


def _compare(actual: Any, op: str, cond: Mapping[str, Any]) -> bool:
    if op == "answered":
        return actual is not None
    if actual is None:
        return False
    if op == "in":
        return any(actual == v and type(actual) is type(v) for v in cond["values"])
    expected = cond["value"]
    if op == "eq":
        return bool(actual == expected and type(actual) is type(expected))
    if op == "ne":
        return not (actual == expected and type(actual) is type(expected))
    if isinstance(actual, bool) or not isinstance(actual, int | float):
        return False
    if op == "ge":
        return bool(actual >= expected)
    if op == "gt":
        return bool(actual > expected)
    if op == "le":
        return bool(actual <= expected)
    if op == "lt":
        return bool(actual < expected)
    raise ValueError(op)


def evaluate(cond: Mapping[str, Any], answers: Mapping[str, Any],
             scores: Mapping[str, int] | None = None) -> bool:
    if "all" in cond:
        return all(evaluate(c, answers, scores) for c in cond["all"])
    if "any" in cond:
        return any(evaluate(c, answers, scores) for c in cond["any"])
    if "not" in cond:
        return not evaluate(cond["not"], answers, scores)
    if "item" in cond:
        return _compare(answers.get(cond["item"]), cond["op"], cond)
    return _compare((scores or {}).get(cond["score"]), cond["op"], cond)
