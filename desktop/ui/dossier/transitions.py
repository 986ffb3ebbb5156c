"""Hospital transitions and the stability log in the dossier (issue 18, items 3–4): the
discharge dialog, the discharge checklist, who to tell of an admission, and the one-keystroke
stability events with their 90-day trend."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import transitions as T
from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date
from desktop.services import stability, stays
from desktop.services.context import AppContext
from desktop.ui.dossier.case_dialogs import FormDialog
from desktop.ui.fields import DateField
from desktop.ui.fit import scrolled
from desktop.ui.i18n import error_message, message

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from desktop.ui.dossier.window import DossierWindow


def _d(day: dt.date | None) -> str:
    return short_date(day)


def trend_text(tr: T.Trend) -> str:
    """"2 events in 90 days (1 in the 90 days before) — rising", in the UI language."""
    if tr.direction == "none":
        return message("event.trend.none")
    return (message("event.trend", n=tr.total, days=tr.days, previous=tr.previous)
            + " — " + message(f"event.trend.{tr.direction}"))


class DischargeDialog(FormDialog):
    """The discharge date; saving opens the transition (checklist, follow-up call)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, stay: stays.StayView) -> None:
        super().__init__(parent, self.tr("Discharge from hospital"))
        self.ctx, self.stay = ctx, stay
        self.discharge_result: stays.DischargeResult | None = None
        self.date = DateField(ctx.today(), today=ctx.today, field="discharged_on")
        self.date.setAccessibleName(self.tr("Discharge date"))
        self.errors.add("discharged_on", self.date, self.tr("&Discharged on:"))

    def save(self) -> str | None:
        self.discharge_result = stays.discharge_stay(self.ctx, self.stay.id, self.date.value())
        return self.stay.id


class ChecklistDialog(FormDialog):
    """The discharge checklist, the follow-up call due within two working days, the readmission
    flag and the re-assessment the settings propose."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, stay_id: str) -> None:
        super().__init__(parent, self.tr("After the discharge"))
        self.ctx = ctx
        self.stay = stays.get_stay(ctx, stay_id)
        s = self.stay
        info = QLabel(self.tr("Discharged on {date}").format(date=_d(s.discharged_on))
                      + (f" — {s.hospital}" if s.hospital else ""))
        info.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(info)
        if s.readmission:
            flag = QLabel("⚠ " + message("transition.readmission"))
            flag.setStyleSheet("color: #b00020; font-weight: 600;")
            self.form.addRow(flag)
        self.boxes: dict[str, QCheckBox] = {}
        for item in T.CHECKLIST_ITEMS:
            done = s.checklist.get(item)
            box = QCheckBox(message(f"transition.item.{item}")
                            + (f" ({_d(done)})" if done else ""))
            box.setChecked(bool(done))
            self.boxes[item] = box
            self.form.addRow(box)
        due = (message("transition.follow_up", date=_d(s.follow_up_due))
               if s.follow_up_due else "")
        self.call = QCheckBox(self.tr("Follow-up call made"))
        self.call.setChecked(bool(s.follow_up_done_on))
        self.call.setToolTip(due)
        if due:
            self.form.addRow(QLabel(due))
        self.form.addRow(self.call)
        names = stays_reassess(ctx) if s.kind == "admission" else []
        if names:
            reassess = QLabel(message("transition.reassess", names=", ".join(names)))
            reassess.setWordWrap(True)
            self.form.addRow(reassess)

    def save(self) -> str | None:
        s = self.stay
        tick = [i for i, b in self.boxes.items() if b.isChecked() and not s.checklist.get(i)]
        untick = [i for i, b in self.boxes.items() if not b.isChecked() and s.checklist.get(i)]
        if tick:
            stays.set_checklist(self.ctx, s.id, tick)
        if untick:
            stays.set_checklist(self.ctx, s.id, untick, done=False)
        if self.call.isChecked() != bool(s.follow_up_done_on):
            stays.set_follow_up_done(self.ctx, s.id, done=self.call.isChecked())
        return s.id


def stays_reassess(ctx: AppContext) -> list[str]:
    from desktop.services.instruments import catalog
    from desktop.services.preferences import reassess_instruments
    from desktop.ui.i18n import current_language

    known = catalog(ctx)
    lang = current_language()
    out = []
    for i in reassess_instruments(ctx):
        defn = known.get(i)
        out.append(defn.title.get(lang) or defn.title.get("fr") or i if defn else i)
    return out


class PeopleToTellDialog(QDialog):
    """Who to tell of an admission (GP and carers first), with their home actions on hold;
    the list can be copied for a printed note."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, stay: stays.StayView) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who to tell of the admission"))
        self.ctx, self.stay = ctx, stay
        self.people = stays.people_to_tell(ctx, stay.patient_id, stay.id)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Person"), self.tr("Phone"),
                                   self.tr("Actions on hold")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("People to tell"))
        for p in self.people:
            self.tree.addTopLevelItem(QTreeWidgetItem([f"{p.name} ({p.role or p.kind})",
                                                       p.phone or "", "; ".join(p.actions)]))
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        layout.addWidget(scrolled(self.tree), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Cop&y as a note"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_note)
        self.print_button = buttons.addButton(self.tr("&Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setToolTip(self.tr("Print the list, to call from or to hand over"))
        self.print_button.clicked.connect(self.print_note)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def note_text(self) -> str:
        lines = [message("transition.to_tell")] if self.people else [
            message("transition.no_one_to_tell")]
        for p in self.people:
            lines.append(f"- {p.name} ({p.role or p.kind})" + (f"  {p.phone}" if p.phone else ""))
            if p.actions:
                lines.append("    " + message("transition.on_hold", actions="; ".join(p.actions)))
        return "\n".join(lines)

    def copy_note(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.clipboard().setText(self.note_text())

    def printed_text(self) -> str:
        """The note on paper says whose admission it is, when and where."""
        from desktop.services.patients import get_patient

        p = get_patient(self.ctx, self.stay.patient_id)
        head = self.tr("{name} — admitted on {date}").format(
            name=f"{p.family_name.upper()} {p.given_name}", date=_d(self.stay.admitted_on))
        if self.stay.hospital:
            head += f" ({self.stay.hospital})"
        return head + "\n\n" + self.note_text()

    def print_note(self) -> QPrintDialog:
        """The system's print dialog; OK prints the note (see `print_on`)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_on(printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def print_on(self, printer: QPrinter) -> None:
        """Print the note on `printer`; a print of the record, audited first."""
        from PySide6.QtGui import QTextDocument

        from desktop.services.audit_log import record_access

        record_access(self.ctx, self.stay.patient_id, "print", table="hospital_stay",
                      record_id=self.stay.id, document="people_to_tell")
        doc = QTextDocument()
        doc.setPlainText(self.printed_text())
        doc.print_(printer)


class StabilityPanel(QWidget):
    """One button (and one key, 1 to 7) per kind of event; who reported it; the 90-day trend
    and the latest events."""

    def __init__(self, dossier: DossierWindow) -> None:
        super().__init__()
        self.dossier = dossier
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.trend = QLabel()
        self.trend.setTextFormat(Qt.TextFormat.PlainText)
        self.trend.setAccessibleName(self.tr("Stability over 90 days"))
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Stability log:")))
        head.addWidget(self.trend, 1)
        self.reported_by = QLineEdit()
        self.reported_by.setPlaceholderText(self.tr("reported by (optional)"))
        self.reported_by.setAccessibleName(self.tr("Reported by"))
        self.reported_by.setMaximumWidth(260)
        # the trend beside it is long: its hint must not be cut to "signalé par (facul…"
        self.reported_by.setMinimumWidth(min(260, self.reported_by.fontMetrics().horizontalAdvance(
            self.reported_by.placeholderText()) + 24))
        head.addWidget(self.reported_by)
        layout.addLayout(head)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, kind in enumerate(T.EVENT_KINDS):
            key = T.EVENT_KEYS[kind]
            button = QPushButton(f"{key}  {message(f'event.kind.{kind}')}")
            button.setToolTip(self.tr("Key {key}").format(key=key))
            button.clicked.connect(lambda _=False, k=kind: self.record(k))
            self.buttons[kind] = button
            grid.addWidget(button, i // 4, i % 4)
        layout.addLayout(grid)
        # a digit typed on the panel or one of its buttons records (the "reported by" field
        # keeps its digits: a line edit takes the key before it reaches the panel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._by_key = {key: kind for kind, key in T.EVENT_KEYS.items()}
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self.refresh()

    # the panel itself takes the focus (for its digit keys): show where it is
    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        kind = self._by_key.get(event.text())
        if kind is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.record(kind)
            event.accept()
            return
        super().keyPressEvent(event)

    def record(self, kind: str) -> str | None:
        try:
            eid = stability.add_event(self.dossier.ctx, self.dossier.patient_id, kind,
                                      reported_by=self.reported_by.text())
        except DomainError as exc:
            self.error.setText(error_message(exc))
            self.error.show()
            return None
        self.error.hide()
        self.refresh()
        refresh_header = getattr(self.dossier, "refresh_header", None)
        if refresh_header is not None:  # the header's trend badge
            refresh_header()
        return eid

    def refresh(self) -> None:
        tr = stability.trend_of(self.dossier.ctx, self.dossier.patient_id)
        parts = [trend_text(tr)]
        if tr.by_kind:
            parts.append(", ".join(f"{message(f'event.kind.{k}').lower()} ×{n}"
                                   for k, n in tr.by_kind.items()))
        self.trend.setText(" · ".join(parts))
