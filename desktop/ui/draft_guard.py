"""Nothing typed is lost: one mechanism for every dialog with free text.

A `DraftGuard` watches the text fields of a dialog. Every few seconds (and at lock, and when the
dossier or the application closes) what differs from the record is written as a draft into the
vault — encrypted, never a temp file or QSettings — under the key (kind, patient, record or
"new"). Closing the dialog with unsaved text (Escape, Cancel, the window's close button) asks
Save / Discard / Cancel; saving or discarding removes the draft. A dialog opened again on the
same key gets its draft back; after a lock or a crash the dossier offers each draft in turn
(`offer_drafts`), and Restore reopens the dialog it belongs to.

A dialog takes part by deriving from `GuardedDialog` and defining `DRAFT_KIND`, `draft_fields()`
and, for an existing record or to reopen it later, `draft_record()` and `draft_context()`.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop.i18n.dates import short_datetime
from desktop.services import drafts
from desktop.ui.first_field import focus_first_field

TextWidget = QPlainTextEdit | QLineEdit

# drafts the dossier does not offer: their editor is part of a tab and shows them by itself
INLINE_KINDS = ("journal", "plan_words")


def text_of(widget: TextWidget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def set_text(widget: TextWidget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)


def follow_stored(fields: Mapping[str, TextWidget], stored: Mapping[str, str],
                  loaded: Mapping[str, str]) -> dict[str, str]:
    """Refresh a form that lives in a tab or a page without losing what is typed: a field
    still showing what was `loaded` last takes its `stored` value, one the person changed keeps
    its text. Returns what is now loaded (the next call's `loaded`)."""
    for name, widget in fields.items():
        shown = text_of(widget)
        if shown != stored[name] and shown == loaded.get(name, ""):
            widget.blockSignals(True)  # not a keystroke: nothing to autosave
            set_text(widget, stored[name])
            widget.blockSignals(False)
    return dict(stored)


def confirm_loss(parent: QWidget, title: str, text: str, lose: str, keep: str,
                 then: Callable[[], object], *, detail: str = "",
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
                 ) -> tuple[QMessageBox, QAbstractButton, QAbstractButton]:
    """Ask before a click throws typed text away: `lose` runs `then`, `keep` (the default,
    and Escape) does nothing. Opened, not run: returns the box and its two buttons."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if detail:
        box.setInformativeText(detail)
    lose_button = box.addButton(lose, QMessageBox.ButtonRole.DestructiveRole)
    keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.finished.connect(lambda _r: then() if box.clickedButton() is lose_button else None)
    box.open()
    return box, lose_button, keep_button


def draft_key(kind: str, patient_id: str | None, record_id: str | None) -> str:
    return f"{kind}:{patient_id or '-'}:{record_id or 'new'}"


def encode(values: dict[str, str]) -> str:
    """One field is stored as its text; several as a JSON object."""
    if len(values) == 1:
        return next(iter(values.values()))
    return json.dumps(values, ensure_ascii=False)


def decode(text: str, names: list[str]) -> dict[str, str]:
    if len(names) == 1:
        return {names[0]: text}
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):  # an older single-text draft: it belongs to the first field
        return {names[0]: text}
    return {n: str(data[n]) for n in names if n in data}


def readable(text: str) -> str:
    """A draft as a person reads it: the texts of its fields, not their JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if not isinstance(data, dict):
        return text
    return " · ".join(str(v).strip() for v in data.values() if str(v).strip())


def draft_excerpt(text: str) -> str:
    """A draft's text on one line, at most 160 characters (what a question quotes of it)."""
    line = " ".join(readable(text).split())
    return line if len(line) <= 160 else line[:157] + "…"


class DraftGuard(QObject):
    """Autosaves `fields` of `host` as one draft; see the module docstring."""

    live: ClassVar[weakref.WeakSet[DraftGuard]] = weakref.WeakSet()

    def __init__(self, host: QWidget, ctx: Any, kind: str, patient_id: str | None,
                 record_id: str | None, fields: dict[str, TextWidget], *,
                 key: str | None = None, context: dict[str, Any] | None = None,
                 interval: float = drafts.AUTOSAVE_SECONDS,
                 save: Callable[[], object] | None = None) -> None:
        super().__init__(host)
        self.host, self.ctx, self.kind = host, ctx, kind
        self.patient_id, self.record_id = patient_id, record_id
        self.fields = fields
        self.key = key or draft_key(kind, patient_id, record_id)
        self.save_callback = save
        self.suspended = False
        self.prompt: QMessageBox | None = None
        self.baseline = self.values()
        self.restored = False
        existing = drafts.get_draft(ctx, self.key)
        if existing is not None:
            saved = decode(existing.text, list(fields))
            if saved and any(saved.get(n, v) != v for n, v in self.baseline.items()):
                for name, text in saved.items():
                    set_text(fields[name], text)
                self.restored = True
        self.autosaver = drafts.Autosaver(
            ctx, self.key, kind, patient_id=patient_id, interval=interval,
            context={"record_id": record_id, **(context or {})})
        for widget in fields.values():
            widget.textChanged.connect(self._typed)
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval * 1000))
        self.timer.timeout.connect(self.flush)
        self.timer.start()
        if isinstance(host, QDialog):
            host.accepted.connect(self.saved)
        DraftGuard.live.add(self)

    # ---- state ---------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {name: text_of(w) for name, w in self.fields.items()}

    def dirty(self) -> bool:
        """True when some text differs from what the record holds."""
        return any(v.strip() != self.baseline.get(n, "").strip()
                   for n, v in self.values().items())

    def _typed(self) -> None:
        if self.suspended or self.ctx.is_locked:
            return
        if self.dirty():
            self.autosaver.typed(encode(self.values()))

    def flush(self) -> None:
        """Write the draft now (what the timer does every few seconds)."""
        if self.suspended or self.ctx.is_locked:
            return
        if self.dirty():
            self.autosaver.typed(encode(self.values()))
            self.autosaver.flush()
        elif self.autosaver.saved_text is not None or self.restored:
            self.discard()  # back to what the record holds: no draft to offer

    def discard(self) -> None:
        if not self.ctx.is_locked:
            self.autosaver.discard()
        self.restored = False

    def saved(self) -> None:
        """The dialog saved: the draft has done its job."""
        self.timer.stop()
        self.discard()
        self.suspended = True

    def suspend(self) -> None:
        """Keep the draft and stop (lock, the dossier closing): it is offered back later."""
        self.flush()
        self.timer.stop()
        self.suspended = True

    @classmethod
    def flush_all(cls, under: QObject | None = None) -> None:
        """Write and keep the drafts of every live guard (under `under`, if given)."""
        for guard in list(cls.live):
            try:
                if under is not None and not _is_under(guard.host, under):
                    continue
                guard.suspend()
            except RuntimeError:  # its widgets are already gone
                continue

    # ---- closing -------------------------------------------------------------------------
    def ask_close(self, close: Callable[[], None]) -> QMessageBox:
        """Save / Discard / Cancel for unsaved text; `close` really closes the host."""
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("DraftGuard", "Unsaved text"),
                          QCoreApplication.translate("DraftGuard", "You typed text that is not saved yet. Save it?"),
                          QMessageBox.StandardButton.NoButton, self.host)
        save = box.addButton(QCoreApplication.translate("DraftGuard", "&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("DraftGuard", "Do&n't save"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QCoreApplication.translate("DraftGuard", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.save_button, box.discard_button, box.cancel_button = save, discard, cancel  # type: ignore[attr-defined]
        self.prompt = box

        def done(_result: int) -> None:
            self.prompt = None
            clicked = box.clickedButton()
            if clicked is save and self.save_callback is not None:
                self.save_callback()  # a refused save leaves the dialog open, errors shown
            elif clicked is discard:
                self.timer.stop()
                self.discard()
                self.suspended = True
                close()
            else:  # Cancel: back to the text, the draft stays
                self.flush()

        box.finished.connect(done)
        box.open()
        return box


def _is_under(widget: QObject, ancestor: QObject) -> bool:
    node: QObject | None = widget
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent()
    return False


class GuardedDialog(QDialog):
    """A dialog whose free text is drafted; closing with unsaved text asks first. It opens with
    the keyboard in its first field (`desktop.ui.first_field`)."""

    DRAFT_KIND: ClassVar[str | None] = None
    draft_guard: DraftGuard | None = None

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        super().setVisible(visible)  # QDialog picks its focus field here, after showEvent
        if visible:
            focus_first_field(self)

    def draft_fields(self) -> dict[str, TextWidget]:
        return {}

    def draft_record(self) -> str | None:
        return None

    def draft_context(self) -> dict[str, Any]:
        return {}

    def draft_save(self) -> object:
        """What Save in the close question does (the dialog's own Save button)."""
        raise NotImplementedError

    def attach_drafts(self, ctx: Any, patient_id: str | None, *,
                      interval: float = drafts.AUTOSAVE_SECONDS,
                      key: str | None = None) -> DraftGuard | None:
        if self.DRAFT_KIND is None or not self.draft_fields():
            return None
        self.draft_guard = DraftGuard(self, ctx, self.DRAFT_KIND, patient_id,
                                      self.draft_record(), self.draft_fields(), key=key,
                                      context=self.draft_context(), interval=interval,
                                      save=self.draft_save)
        return self.draft_guard

    def reject(self) -> None:
        guard = self.draft_guard
        if guard is not None and not guard.suspended and not guard.ctx.is_locked:
            if guard.dirty():
                if guard.prompt is None:
                    guard.ask_close(lambda: QDialog.reject(self))
                return
            guard.timer.stop()
            guard.discard()
            guard.suspended = True
        super().reject()


# ---- offering drafts back ------------------------------------------------------------------
class DraftOffer(QObject):
    """Offers the drafts of one patient, one question at a time: Restore reopens the dialog
    (`restore(draft)` returns it, or None when the record is gone), Discard removes the draft;
    closing the question keeps it for later."""

    def __init__(self, parent: QWidget, ctx: Any, pending: list[drafts.DraftView],
                 restore: Callable[[drafts.DraftView], object]) -> None:
        super().__init__(parent)
        self.parent_widget, self.ctx = parent, ctx
        self.pending = list(pending)
        self.restore = restore
        self.box: QMessageBox | None = None
        self.restored: list[object] = []

    def next(self) -> QMessageBox | None:
        if not self.pending or self.ctx.is_locked:
            self.box = None
            return None
        draft = self.pending.pop(0)
        when = short_datetime(draft.updated_at.astimezone())
        excerpt = draft_excerpt(draft.text)
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("DraftGuard", "Unsaved draft"),
                          QCoreApplication.translate("DraftGuard", "An unsaved draft was kept ({what}, {when}). Restore it?").format(
                              what=kind_label(draft.kind), when=when),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setInformativeText(excerpt)
        restore = box.addButton(QCoreApplication.translate("DraftGuard", "&Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("DraftGuard", "&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.restore_button, box.discard_button = restore, discard  # type: ignore[attr-defined]

        def done(_result: int) -> None:
            clicked = box.clickedButton()
            opened = None
            if clicked is restore:
                opened = self.restore(draft)
                if opened is None:  # nothing left to restore it into
                    drafts.discard_draft(self.ctx, draft.key)
                else:
                    self.restored.append(opened)
            elif clicked is discard:
                drafts.discard_draft(self.ctx, draft.key)
            if isinstance(opened, QDialog):  # the next question waits for this dialog
                opened.finished.connect(lambda _r: self.next())
            else:
                self.next()

        box.finished.connect(done)
        self.box = box
        box.open()
        return box


def offerable(ctx: Any, patient_id: str | None, *,
              inline: bool = False) -> list[drafts.DraftView]:
    """The drafts of `patient_id` (None: of forms without a patient) to offer: not those open
    in a dialog now; the inline ones (a journal note, the plan's words, which their tab shows
    restored) only with `inline`."""
    open_keys = set()
    for guard in list(DraftGuard.live):
        try:
            if not guard.suspended:
                open_keys.add(guard.key)
        except RuntimeError:
            continue
    return [d for d in drafts.pending_drafts(ctx)
            if d.patient_id == patient_id and (inline or d.kind not in INLINE_KINDS)
            and d.key not in open_keys]


def kind_label(kind: str) -> str:
    labels = {
        "visit_notes": QCoreApplication.translate("DraftGuard", "notes of a visit"),
        "visit_plan": QCoreApplication.translate("DraftGuard", "a planned visit"),
        "visit_text": QCoreApplication.translate("DraftGuard", "a visit's addendum or cancellation"),
        "journal_correction": QCoreApplication.translate("DraftGuard", "correction of a journal note"),
        "case": QCoreApplication.translate("DraftGuard", "a new case"),
        "case_close": QCoreApplication.translate("DraftGuard", "closing of the case"),
        "goal": QCoreApplication.translate("DraftGuard", "a goal of the plan"),
        "action": QCoreApplication.translate("DraftGuard", "an action of the plan"),
        "concertation": QCoreApplication.translate("DraftGuard", "minutes of a concertation meeting"),
        "gp_letter": QCoreApplication.translate("DraftGuard", "a letter to the GP"),
        "plan_agreement": QCoreApplication.translate("DraftGuard", "the agreement of the plan"),
        "decision_action": QCoreApplication.translate("DraftGuard", "an action from a meeting's decision"),
        "tie": QCoreApplication.translate("DraftGuard", "a note on a tie of the ecomap"),
        "consent": QCoreApplication.translate("DraftGuard", "a consent note"),
        "handover_note": QCoreApplication.translate("DraftGuard", "a handover note"),
        "transfer_note": QCoreApplication.translate("DraftGuard", "a note for a transfer"),
        "medication_letter": QCoreApplication.translate("DraftGuard", "a question for a medication review"),
        "new_patient": QCoreApplication.translate("DraftGuard", "a new patient"),
        "contact": QCoreApplication.translate("DraftGuard", "a contact of the directory"),
        "stay": QCoreApplication.translate("DraftGuard", "a hospital stay"),
        "paperwork": QCoreApplication.translate("DraftGuard", "a procedure"),
        "medication": QCoreApplication.translate("DraftGuard", "a line of the medication list"),
        "intake": QCoreApplication.translate("DraftGuard", "the intake of the request"),
        "identity": QCoreApplication.translate("DraftGuard", "changes to the patient's identity"),
        "journal": QCoreApplication.translate("DraftGuard", "a journal note"),
        "plan_words": QCoreApplication.translate("DraftGuard", "the plan's answers in the patient's words"),
    }
    return labels.get(kind, kind)
