"""Column values <-> JSON wire values (ISO dates), used by ops, sync and exports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime

from desktop.storage.models import Base


def to_wire(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_wire(model: type[Base], field: str, value: Any) -> Any:
    if value is None:
        return None
    col = model.__table__.columns[field]  # type: ignore[attr-defined]
    if isinstance(col.type, DateTime) and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    if isinstance(col.type, Date) and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value
