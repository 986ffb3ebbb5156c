"""Forms of the case area: inline validation messages, visit, case, closure and stay dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTimer, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import case_lifecycle as L
from desktop.domain import visits as V
from desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from desktop.services import cases, drafts, stays, visits
from desktop.services.context import AppContext
from desktop.ui import labels_case as labels
from desktop.ui.draft_guard import GuardedDialog, TextWidget
from desktop.ui.fields import DateField, KeepDuration, TimeField, _TypedField, first_unreadable
from desktop.ui.fit import grow_to_content, scrolled
from desktop.ui.i18n import error_message

ERROR_STYLE = "color: #b00020;"


def to_qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


def from_qdate(q: QDate) -> dt.date | None:
    return dt.date(q.year(), q.month(), q.day()) if q.isValid() else None


def _edited_signal(widget: QWidget) -> SignalInstance | None:
    """The signal a user's change of `widget` emits, where there is one."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.activated
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return None


class InlineErrors:
    """One hidden red label under each field; `show(exc)` fills those named by the error(s)."""

    def __init__(self, form: QFormLayout, general: QLabel) -> None:
        self.form = form
        self.general = general
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[QLabel, QWidget] = {}  # message → its field, in the form's order
        self.typed: dict[QWidget, QLabel] = {}
        general.setStyleSheet(ERROR_STYLE)
        general.setWordWrap(True)
        general.hide()

    def add(self, field: str, widget: QWidget, label: str, aliases: tuple[str, ...] = ()) -> None:
        self.form.addRow(label, widget)
        msg = QLabel()
        msg.setStyleSheet(ERROR_STYLE)
        msg.setWordWrap(True)
        msg.setAccessibleName(field + "_error")
        msg.hide()
        self.form.addRow("", msg)
        for name in (field, *aliases):
            self.labels[name] = msg
        self.fields[msg] = widget
        if isinstance(widget, _TypedField):  # an unreadable date or time is said at once
            widget.problem.connect(lambda text, m=msg: self._say(m, text))
            self.typed[widget] = msg
        else:  # a message about a field goes once the user changes it
            edited = _edited_signal(widget)
            if edited is not None:
                edited.connect(lambda *_args, m=msg: (m.clear(), m.hide()))

    def _say(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        if text:
            self._grow()

    def _grow(self) -> None:
        """Room for the messages just shown, where the screen has it: in a dialog only (the
        Identity tab's form lives in the dossier's own window, which keeps its size)."""
        dialog = self.general.window()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            grow_to_content(dialog)

    def refuse_unreadable(self, root: QWidget) -> bool:
        """True (and the message under the field, the focus in it) when a date or time field
        cannot be read: saving is refused rather than the value dropped."""
        bad = first_unreadable(root)
        if bad is None:
            return False
        err = bad.error()
        from desktop.ui.i18n import message

        text = message(err.code, **err.params) if err is not None else ""
        target = self.typed.get(bad, self.general)
        target.setText(text)
        target.show()
        self._grow()
        return True

    def clear(self) -> None:
        for label in {id(x): x for x in self.labels.values()}.values():
            label.clear()
            label.hide()
        self.general.clear()
        self.general.hide()

    def show(self, exc: BaseException) -> None:
        self.clear()
        errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
        for err in errors:
            field = (getattr(err, "field", None) or "").split(".")[0]
            text = error_message(err) if isinstance(err, DomainError) else str(err)
            target = self.labels.get(field, self.general)
            if target is not self.general and isinstance(err, DomainError):
                from desktop.ui.i18n import message

                text = message(err.code, **err.params)  # the field is right above
            target.setText(text if not target.text() else target.text() + "\n" + text)
            target.show()
        self._grow()
        self._focus_first()

    def _focus_first(self) -> None:
        """The keyboard to the first field in error (a hurried person types on), unless it is
        already in one of them."""
        wrong = [w for msg, w in self.fields.items() if not msg.isHidden() and msg.text()]
        focus = self.general.window().focusWidget()
        if not wrong or any(focus is w or (focus is not None and w.isAncestorOf(focus))
                            for w in wrong):
            return
        wrong[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def visible_messages(self) -> list[str]:
        out = [lab.text() for lab in {id(x): x for x in self.labels.values()}.values()
               if not lab.isHidden() and lab.text()]
        if not self.general.isHidden() and self.general.text():
            out.append(self.general.text())
        return out


class FormDialog(GuardedDialog):
    """A dialog with a form, inline errors and OK = Ctrl+S / Enter. Subclasses implement save().
    Free text declared by `draft_fields()` is drafted (see `desktop.ui.draft_guard`)."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addWidget(scrolled(self.form), 1)  # a long form scrolls, buttons stay
        self.general_error = QLabel()
        self.errors = InlineErrors(self.form, self.general_error)
        self.layout_.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.try_save)
        self.result_id: str | None = None
        self._shown = False

    def save(self) -> str | None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # Qt API
        super().showEvent(event)
        if not self._shown:  # Qt opened it at most two thirds of the screen high
            self._shown = True
            self.grow_to_form()

    def grow_to_form(self) -> None:
        """After a line appeared in the form, or on opening: grow the dialog by what its
        scrolled part lacks (within the smallest screen), so the form shows whole instead of
        scrolling."""
        item = self.layout_.itemAt(0)
        area = item.widget() if item is not None else None
        if area is None or not self.isVisible():
            return
        lack = area.sizeHint().height() - area.height()
        if lack > 0:
            from desktop.ui.fit import MAX_HEIGHT

            self.resize(self.width(), min(self.height() + lack, MAX_HEIGHT))

    def draft_save(self) -> object:
        return self.try_save()

    def try_save(self) -> bool:
        if self.errors.refuse_unreadable(self):
            return False
        try:
            self.result_id = self.save()
        except DomainError as exc:
            self.errors.show(exc)
            return False
        self.errors.clear()
        self.accept()
        return True


def hour_after(start: dt.time) -> dt.time:
    """A visit's default end: an hour after its start, within the day (a visit recorded at
    23:xx starts at 23:00 and must still end after it)."""
    if start.hour < 23:
        return dt.time(start.hour + 1, start.minute)
    return dt.time(23, 59)


def just_ended(now: dt.time) -> tuple[dt.time, dt.time]:
    """A visit being recorded has usually just ended: by default it ends now (to five minutes
    below) and started an hour earlier, never before midnight, so neither bound lies ahead."""
    end_minutes = now.hour * 60 + now.minute // 5 * 5
    start_minutes = max(0, end_minutes - 60)
    if end_minutes == start_minutes:  # a few minutes past midnight: a five-minute visit
        end_minutes += 5
    return (dt.time(start_minutes // 60, start_minutes % 60),
            dt.time(end_minutes // 60, end_minutes % 60))


class VisitDialog(FormDialog):
    """Plan a visit, or record one (planned or not). Notes autosave every few seconds."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, *, case_id: str | None,
                 patient_id: str, visit: visits.VisitView | None = None, record: bool = False,
                 autosave_seconds: float = drafts.AUTOSAVE_SECONDS) -> None:
        title = (self.tr("Record a visit") if record else self.tr("Plan a visit"))
        super().__init__(parent, title)
        self.ctx, self.case_id, self.patient_id = ctx, case_id, patient_id
        self.visit, self.record = visit, record
        self.kind = QComboBox()
        for code in V.KINDS:
            self.kind.addItem(labels.visit_kind(code), code)
        self.kind.setAccessibleName(self.tr("Kind"))
        start = visit.planned_start if visit and visit.planned_start else None
        self.date = DateField(start.date() if start else ctx.today() if record
                              else ctx.today() + dt.timedelta(days=1), today=ctx.today,
                              field="date")
        self.date.setAccessibleName(self.tr("Date"))
        if start is not None:
            start_time, end_time = start.time(), hour_after(start.time())
        elif record:
            start_time, end_time = just_ended(dt.datetime.now().time())
        else:
            start_time, end_time = dt.time(10, 0), dt.time(11, 0)
        if visit is not None and visit.planned_end is not None:
            end_time = visit.planned_end.time()
        self.start = TimeField(start_time, field="start")
        self.start.setAccessibleName(self.tr("Start"))
        self.end = TimeField(end_time, field="end")
        self.end.setAccessibleName(self.tr("End"))
        self.keep_duration = KeepDuration(self.start, self.end)
        self.place = QLineEdit(visit.place or "" if visit else labels.home_place())
        self.place.setAccessibleName(self.tr("Place"))
        self.participants = QLineEdit(", ".join(visit.participants) if visit else "")
        self.participants.setPlaceholderText(self.tr("Names, separated by commas"))
        self.participants.setAccessibleName(self.tr("Participants"))
        self.notes = QPlainTextEdit(visit.notes or "" if visit else "")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMinimumHeight(160)
        if visit:
            self.kind.setCurrentIndex(max(0, V.KINDS.index(visit.kind)))
        self.errors.add("kind", self.kind, self.tr("&Kind:"))
        self.errors.add("date", self.date, self.tr("&Date:"))
        self.errors.add("start", self.start, self.tr("&Start:"))
        self.errors.add("end", self.end, self.tr("&End:"))
        self.errors.add("place", self.place, self.tr("&Place:"))
        self.errors.add("participants", self.participants, self.tr("Pa&rticipants:"))
        self.errors.add("notes", self.notes, self.tr("&Notes:"))
        self.restored = QLabel()
        self.restored.hide()
        self.layout_.insertWidget(1, self.restored)
        self.autosaver: drafts.Autosaver | None = None
        if record or visit is None:
            # the notes autosave into the vault (offered back after a lock or a crash); a
            # planned visit keeps the key its drafts always had
            guard = self.attach_drafts(
                ctx, patient_id, interval=autosave_seconds,
                key=drafts.visit_notes_key(visit.id) if record and visit is not None else None)
            if guard is not None:
                self.autosaver = guard.autosaver
                if guard.restored:
                    self.restored.setText(self.tr("Text restored from the automatic save."))
                    self.restored.show()
        if record:  # a future visit cannot be recorded as done: say so before the form is filled
            self.date.dateChanged.connect(self._refuse_future)
            self._refuse_future()
        # recording a planned visit is writing its notes: its kind and time are known
        (self.notes if record and visit is not None else self.kind).setFocus()

    def _refuse_future(self, *_args: object) -> None:
        day = self.date.date_or_none()
        label = self.errors.labels["date"]
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        try:
            if day is not None:
                V.validate_done_not_future(dt.datetime.combine(day, dt.time()), self.ctx.today(),
                                           "date")
        except ValidationError as exc:
            from desktop.ui.i18n import message

            label.setText(message(exc.code, **exc.params))
            label.show()
            save.setEnabled(False)
            self.future_refused = True
            return
        if getattr(self, "future_refused", False):
            label.clear()
            label.hide()
        self.future_refused = False
        save.setEnabled(True)

    @property
    def DRAFT_KIND(self) -> str:  # type: ignore[override]  # noqa: N802
        return "visit_notes" if self.record else "visit_plan"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"notes": self.notes}

    def draft_record(self) -> str | None:
        return self.visit.id if self.visit is not None else None

    def draft_context(self) -> dict[str, object]:
        return {"visit_id": self.visit.id} if self.visit is not None else {}

    def flush_draft(self) -> None:
        if self.draft_guard is not None:
            self.draft_guard.flush()

    def _times(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        day = self.date.value()
        if day is None:
            return None, None
        s, e = self.start.value(), self.end.value()
        start = dt.datetime.combine(day, s) if s is not None else None
        end = dt.datetime.combine(day, e) if e is not None else None
        return start, end

    def save(self) -> str | None:
        start, end = self._times()
        people = [p.strip() for p in self.participants.text().split(",") if p.strip()]
        kind = self.kind.currentData()
        if self.record:
            return visits.record_visit(
                self.ctx, self.visit.id if self.visit else None,
                case_id=None if self.visit else self.case_id, kind=kind, start=start, end=end,
                place=self.place.text(), participants=people, notes=self.notes.toPlainText())
        if self.visit is not None:
            visits.reschedule_visit(self.ctx, self.visit.id, kind=kind, start=start, end=end,
                                    place=self.place.text(), participants=people)
            return self.visit.id
        return visits.plan_visit(self.ctx, str(self.case_id), kind=kind, start=start, end=end,
                                 place=self.place.text(), participants=people,
                                 notes=self.notes.toPlainText())


class TextDialog(FormDialog):
    """One multi-line text (an addendum, a cancellation reason, a correction)."""

    def __init__(self, parent: QWidget | None, title: str, label: str,
                 save: Callable[[str], str | None], initial: str = "") -> None:
        super().__init__(parent, title)
        self.text = QPlainTextEdit(initial)
        self.text.setAccessibleName(label)
        self.errors.add("text", self.text, label, aliases=("cancel_reason", "note"))
        self._save = save

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"text": self.text}

    def guard_text(self, ctx: AppContext, kind: str, patient_id: str,
                   record_id: str | None) -> None:
        """Draft the text under (kind, patient, record): a caller-chosen kind, as this dialog
        serves several purposes (an addendum, a cancellation, a correction)."""
        self.DRAFT_KIND = kind  # type: ignore[misc]
        self.draft_record = lambda: record_id  # type: ignore[method-assign]
        self.attach_drafts(ctx, patient_id)

    def save(self) -> str | None:
        return self._save(self.text.toPlainText())


class NewCaseDialog(FormDialog):
    """Open a case: who asked, their contact, when, and the request in their own words."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, patient_id: str) -> None:
        super().__init__(parent, self.tr("New case"))
        self.ctx, self.patient_id = ctx, patient_id
        self.requester = QComboBox()
        self.requester.addItem(self.tr("— choose —"), None)
        for code in L.REQUESTER_TYPES:
            self.requester.addItem(labels.requester(code), code)
        self.requester.setAccessibleName(self.tr("Requester"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Requester's name"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Requester's phone"))
        self.request_date = DateField(ctx.today(), today=ctx.today, field="request_date")
        self.opened_on = DateField(ctx.today(), today=ctx.today, field="opened_on")
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Request in their own words"))
        self.reason.setPlaceholderText(self.tr("What they said, in their own words"))
        self.clarified = QPlainTextEdit()
        self.clarified.setAccessibleName(self.tr("Clarified request"))
        self.clarified.setMaximumHeight(80)
        self.tier = QComboBox()
        self.tier.addItem(self.tr("— not yet —"), None)
        for code in L.TIERS:
            self.tier.addItem(labels.tier(code), code)
        self.errors.add("requester_type", self.requester, self.tr("Re&quested by:"))
        self.errors.add("requester_name", self.name, self.tr("&Name:"))
        self.errors.add("requester_phone", self.phone, self.tr("&Phone:"))
        self.errors.add("request_date", self.request_date, self.tr("Request &date:"))
        self.errors.add("request_reason", self.reason, self.tr("&Request:"))
        self.errors.add("clarified_request", self.clarified, self.tr("&Clarified request:"))
        self.errors.add("opened_on", self.opened_on, self.tr("&Opened on:"))
        self.errors.add("complexity_tier", self.tier, self.tr("&Tier:"))
        self.attach_drafts(ctx, patient_id)

    DRAFT_KIND = "case"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"reason": self.reason, "clarified": self.clarified}

    def save(self) -> str | None:
        request = cases.RequestFields(
            requester_type=self.requester.currentData(), requester_name=self.name.text(),
            requester_phone=self.phone.text(), request_date=self.request_date.value(),
            request_reason=self.reason.toPlainText(),
            clarified_request=self.clarified.toPlainText())
        return cases.open_case(self.ctx, self.patient_id, request,
                               opened_on=self.opened_on.value(),
                               tier=self.tier.currentData())


class CloseCaseDialog(FormDialog):
    """Close a case: the reason and the date are required."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, case_id: str) -> None:
        super().__init__(parent, self.tr("Close the case"))
        self.ctx, self.case_id = ctx, case_id
        self.reason = QComboBox()
        self.reason.addItem(self.tr("— choose a reason —"), None)
        for code in L.CLOSURE_REASONS:
            self.reason.addItem(labels.closure_reason(code), code)
        self.reason.setAccessibleName(self.tr("Closure reason"))
        self.closed_on = DateField(ctx.today(), today=ctx.today, field="closed_on")
        self.closed_on.setAccessibleName(self.tr("Closing date"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.errors.add("closure_reason", self.reason, self.tr("&Reason:"))
        self.errors.add("closed_on", self.closed_on, self.tr("&Date:"))
        self.errors.add("closure_note", self.note, self.tr("&Note:"))
        from desktop.ui.dossier.closure_fields import AgreementBoxes, handback_combo

        self.agreed_by, self.handback = AgreementBoxes(), handback_combo()  # issue 19, item 4
        self.errors.add("closure_agreed_by", self.agreed_by, self.tr("Agreed with:"))
        self.errors.add("closure_handback", self.handback, self.tr("&Follow-up goes back to:"))
        patient_id = cases.get_case(ctx, case_id).patient_id
        self.attach_drafts(ctx, patient_id)
        # closing as "stabilised": the stability log's 90 days say whether it is
        from desktop.services import stability
        from desktop.ui.dossier.transitions import trend_text

        self.stability = QLabel(self.tr("Stability log: {trend}").format(
            trend=trend_text(stability.trend_of(ctx, patient_id))))
        self.stability.setWordWrap(True)
        self.stability.setVisible(False)
        self.form.addRow(self.stability)
        self.reason.currentIndexChanged.connect(self._show_stability)

    def _show_stability(self, _index: int = 0) -> None:
        self.stability.setVisible(self.reason.currentData() == "stabilised")
        QTimer.singleShot(0, self.grow_to_form)  # once the layout knows the line

    DRAFT_KIND = "case_close"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"note": self.note}

    def draft_record(self) -> str | None:
        return self.case_id

    def save(self) -> str | None:
        cases.close_case(self.ctx, self.case_id, self.reason.currentData(),
                         self.closed_on.value(), self.note.toPlainText(),
                         agreed_by=self.agreed_by.value(), handback=self.handback.currentData())
        return self.case_id


class StayDialog(FormDialog):
    """Add or edit a hospital stay."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, patient_id: str,
                 stay: stays.StayView | None = None, case_id: str | None = None) -> None:
        super().__init__(parent, self.tr("Hospital stay"))
        self.ctx, self.patient_id, self.stay, self.case_id = ctx, patient_id, stay, case_id
        self.kind = QComboBox()
        for code in stays.STAY_KINDS:
            self.kind.addItem(labels.stay_kind(code), code)
        self.admitted = DateField(stay.admitted_on if stay else ctx.today(), today=ctx.today,
                                  field="admitted_on")
        self.still_in = QCheckBox(self.tr("Still in hospital"))
        self.discharged = DateField(stay.discharged_on if stay and stay.discharged_on
                                    else ctx.today(), today=ctx.today, field="discharged_on")
        self.still_in.toggled.connect(lambda on: self.discharged.setEnabled(not on))
        self.still_in.setChecked(bool(stay and stay.discharged_on is None))
        self.hospital = QLineEdit(stay.hospital or "" if stay else "")
        self.reason = QLineEdit(stay.reason or "" if stay else "")
        self.planned = QCheckBox(self.tr("Planned (not an emergency)"))
        if stay:
            self.kind.setCurrentIndex(stays.STAY_KINDS.index(stay.kind))
            self.planned.setChecked(stay.planned)
        self.errors.add("kind", self.kind, self.tr("&Kind:"))
        self.errors.add("admitted_on", self.admitted, self.tr("&Admitted on:"))
        self.errors.add("still_in", self.still_in, "")
        self.errors.add("discharged_on", self.discharged, self.tr("&Discharged on:"))
        self.errors.add("hospital", self.hospital, self.tr("&Hospital:"))
        self.errors.add("reason", self.reason, self.tr("&Reason:"))
        self.errors.add("planned", self.planned, "")
        self.attach_drafts(ctx, patient_id)

    DRAFT_KIND = "stay"

    def draft_fields(self) -> dict[str, TextWidget]:
        return {"hospital": self.hospital, "reason": self.reason}

    def draft_record(self) -> str | None:
        return self.stay.id if self.stay else None

    def save(self) -> str | None:
        values = dict(kind=self.kind.currentData(), admitted_on=self.admitted.value(),
                      discharged_on=None if self.still_in.isChecked()
                      else self.discharged.value(),
                      hospital=self.hospital.text(), reason=self.reason.text(),
                      planned=self.planned.isChecked())
        if self.stay is not None:
            stays.edit_stay(self.ctx, self.stay.id, **values)
            return self.stay.id
        return stays.add_stay(self.ctx, self.patient_id, case_id=self.case_id,
                              **values)
