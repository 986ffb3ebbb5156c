"""Column values <-> JSON wire values (ISO dates), used by ops, sync and exports."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, DateTime

from desktop.storage.models import Base


def to_wire(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@functools.cache
def wire_parsers(model: type[Base]) -> dict[str, Callable[[str], Any]]:
    """ISO-string parsers of the model's date and datetime columns (looked up once per model:
    a pull converts tens of thousands of values)."""
    out: dict[str, Callable[[str], Any]] = {}
    for col in model.__table__.columns:
        if isinstance(col.type, DateTime):
            out[col.key] = dt.datetime.fromisoformat
        elif isinstance(col.type, Date):
            out[col.key] = dt.date.fromisoformat
    return out


def from_wire(model: type[Base], field: str, value: Any) -> Any:
    if value is None:
        return None
    if field not in model.__table__.columns:
        raise KeyError(field)
    parse = wire_parsers(model).get(field)
    return parse(value) if parse is not None and isinstance(value, str) else value


def fields_from_wire(model: type[Base], fields: dict[str, Any],
                     keep: frozenset[str]) -> dict[str, Any]:
    """`from_wire` over the fields named in `keep`, in one pass (a pull converts thousands)."""
    parsers = wire_parsers(model)
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if k in keep:
            parse = parsers.get(k)
            out[k] = parse(v) if parse is not None and isinstance(v, str) else v
    return out
