"""Autosave of long text into the vault's local `draft` table, offered for restore after a crash.

Drafts are local-only (never synced, no outbox op): they are the unsent state of a form. They live
inside the encrypted vault, never in temp files or QSettings.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import utcnow
from desktop.domain.errors import ValidationError
from desktop.domain.text import clean_text
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Draft

AUTOSAVE_SECONDS = 3.0


def visit_notes_key(visit_id: str) -> str:
    return f"visit_notes:{visit_id}"


def journal_key(patient_id: str) -> str:
    return f"journal:{patient_id}"


@dataclass(frozen=True)
class DraftView:
    key: str
    kind: str
    patient_id: str | None
    context: dict[str, Any]
    text: str
    updated_at: dt.datetime


def _view(d: Draft) -> DraftView:
    return DraftView(d.key, d.kind, d.patient_id, dict(d.context or {}), d.text, d.updated_at)


def save_draft(ctx: AppContext, key: str, kind: str, text: str, *, patient_id: str | None = None,
               context: dict[str, Any] | None = None) -> None:
    """Upsert the draft; empty text removes it. Control characters are dropped, not refused:
    a draft must never fail while the person is typing (the save validates later)."""
    try:
        body = clean_text(text, "text")
    except ValidationError:  # keep the printable part rather than lose the draft
        body = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()

    def run(uow: UnitOfWork) -> None:
        row = uow.session.get(Draft, key)
        if not body:
            if row is not None:
                uow.session.delete(row)
            return
        if row is None:
            uow.session.add(Draft(key=key, kind=kind, patient_id=patient_id,
                                  context=context or {}, text=body, updated_at=utcnow()))
        else:
            row.text, row.updated_at = body, utcnow()
            if context is not None:
                row.context = context

    ctx.write(run)


def get_draft(ctx: AppContext, key: str) -> DraftView | None:
    row = ctx.read(lambda s: s.get(Draft, key))
    return _view(row) if row is not None else None


def discard_draft(ctx: AppContext, key: str) -> None:
    def run(uow: UnitOfWork) -> None:
        row = uow.session.get(Draft, key)
        if row is not None:
            uow.session.delete(row)

    ctx.write(run)


def pending_drafts(ctx: AppContext, kind: str | None = None) -> list[DraftView]:
    """Drafts left by an earlier session (after a crash): the UI offers them on unlock."""

    def run(s: Session) -> list[DraftView]:
        q = select(Draft).order_by(Draft.updated_at.desc())
        if kind:
            q = q.where(Draft.kind == kind)
        return [_view(d) for d in s.execute(q).scalars()]

    return ctx.read(run)


class Autosaver:
    """Saves a text field's draft at most every `interval` seconds while it changes.

    Qt-free: the UI calls `typed(text)` on each edit and `flush()` from a timer and on close;
    a test or a script can drive it the same way."""

    def __init__(self, ctx: AppContext, key: str, kind: str, *, patient_id: str | None = None,
                 context: dict[str, Any] | None = None, interval: float = AUTOSAVE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ctx, self.key, self.kind = ctx, key, kind
        self.patient_id, self.context = patient_id, context
        self.interval, self._clock = interval, clock
        self._pending: str | None = None
        self._saved: str | None = None
        self._last = clock()

    def typed(self, text: str) -> bool:
        """Note the new text; save when the interval has passed. True when it saved."""
        self._pending = text
        if self._clock() - self._last >= self.interval:
            return self.flush()
        return False

    def flush(self) -> bool:
        if self._pending is None or self._pending == self._saved:
            return False
        save_draft(self.ctx, self.key, self.kind, self._pending, patient_id=self.patient_id,
                   context=self.context)
        self._saved, self._last = self._pending, self._clock()
        return True

    @property
    def saved_text(self) -> str | None:
        """What the last flush wrote (None when nothing is saved)."""
        return self._saved

    def discard(self) -> None:
        self._pending = self._saved = None
        discard_draft(self.ctx, self.key)
