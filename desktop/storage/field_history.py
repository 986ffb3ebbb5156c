"""Rectification history (GDPR art. 16): every edited field with its old and new value.

Kept in the local `field_change` table, inside the encrypted vault; never logged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from desktop.storage.models import FieldChange
from desktop.storage.wire import to_wire


def record_changes(session: Session, *, table: str, record_id: str, patient_id: str | None,
                   changed: dict[str, tuple[Any, Any]], at: dt.datetime, actor: str | None,
                   device_id: str | None) -> None:
    for name, (old, new) in changed.items():
        session.add(FieldChange(
            patient_id=patient_id, table_name=table, record_id=record_id, field=name,
            old_value=to_wire(old), new_value=to_wire(new), changed_at=at, actor=actor,
            device_id=device_id,
        ))
