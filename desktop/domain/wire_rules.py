"""What a synced change may hold: ONE set of rules, used by the server when it validates a push
(server/push.py) and by the laptop's write path (services/unit_of_work.py), so the laptop refuses
at entry what the server would refuse on every sync.

Pure Python (the server imports it without PySide6). Every check returns a code or None:
  "wire.nul"          U+0000 in a string (PostgreSQL text and JSONB cannot hold it)
  "wire.too_long"     a string longer than MAX_STRING_CHARS (an op must fit in a request body)
  "wire.not_finite"   NaN or ±Infinity (not JSON)
  "wire.number_range" an integer beyond 64 bits
  "wire.too_deep"     lists/objects nested deeper than MAX_DEPTH
  "wire.field_name"   a field name that is not a string, starts with "_", or is too long
  "wire.key"          a record, patient or op id that is empty, too long or holds U+0000
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.domain.errors import ValidationError

MAX_DEPTH = 64
MAX_STRING_CHARS = 1_000_000
MAX_INT = 2**63 - 1
MAX_FIELD_NAME = 80
MAX_KEY = 64


def value_problem(value: Any, depth: int = 0) -> str | None:
    """The first reason a JSON value cannot travel, or None."""
    if isinstance(value, str):
        if "\x00" in value:
            return "wire.nul"
        return "wire.too_long" if len(value) > MAX_STRING_CHARS else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return None if -MAX_INT - 1 <= value <= MAX_INT else "wire.number_range"
    if isinstance(value, float):
        return None if math.isfinite(value) else "wire.not_finite"
    if depth > MAX_DEPTH:
        return "wire.too_deep"
    if isinstance(value, Mapping):
        for k, v in value.items():
            problem = value_problem(k, depth + 1) or value_problem(v, depth + 1)
            if problem:
                return problem
        return None
    if isinstance(value, list | tuple):
        for v in value:
            problem = value_problem(v, depth + 1)
            if problem:
                return problem
        return None
    return None  # anything else is not JSON: the wire model refuses it before us


def key_problem(value: str | None, *, optional: bool = False) -> str | None:
    if value is None:
        return None if optional else "wire.key"
    if not isinstance(value, str) or not 0 < len(value) <= MAX_KEY or "\x00" in value:
        return "wire.key"
    return None


def field_name_problem(name: Any) -> str | None:
    if not isinstance(name, str) or name.startswith("_") or len(name) > MAX_FIELD_NAME \
            or "\x00" in name:
        return "wire.field_name"
    return None


def fields_problem(fields: Mapping[str, Any]) -> tuple[str, str] | None:
    """(field, code) of the first field that cannot travel, or None."""
    for name, value in fields.items():
        problem = field_name_problem(name)
        if problem is None:
            problem = value_problem(value, 1)
        if problem:
            return str(name), problem
    return None


def op_problem(record_id: str, patient_id: str | None, fields: Mapping[str, Any],
               base_values: Mapping[str, Any] | None = None,
               keys: Iterable[str | None] = ()) -> tuple[str | None, str] | None:
    """(field or None, code) of the first reason a change cannot travel, or None.

    `keys` are further ids of the op (its op id, a conflict id) checked like record ids."""
    for key, optional in ((record_id, False), (patient_id, True)):
        problem = key_problem(key, optional=optional)
        if problem:
            return None, problem
    for key in keys:
        problem = key_problem(key, optional=True)
        if problem:
            return None, problem
    found = fields_problem(fields)
    if found:
        return found
    if base_values:
        problem = value_problem(dict(base_values))
        if problem:
            return None, problem
    return None


def as_error(field: str | None, code: str) -> ValidationError:
    """The laptop's refusal at entry, in words the user knows."""
    if code == "wire.nul":
        return ValidationError("text.control_characters", field)
    if code == "wire.too_long":
        return ValidationError("text.too_long", field, max=MAX_STRING_CHARS)
    return ValidationError("wire.invalid_value", field)


def check_fields(fields: Mapping[str, Any]) -> None:
    """Raise the ValidationError for the first field the server would refuse."""
    found = fields_problem(fields)
    if found:
        raise as_error(*found)
