"""The Audit page (administrators): every audited action, filtered by date range, actor, action
and patient; double-click opens the patient's dossier."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_date, short_datetime
from desktop.services import audit_log, gdpr
from desktop.ui.consent import labels
from desktop.ui.fields import DateField
from desktop.ui.i18n import error_message
from desktop.ui.sync.labels import table_label

if TYPE_CHECKING:
    from desktop.services.context import AppContext
    from desktop.ui.main_window import MainWindow


def _date_edit(day: dt.date) -> DateField:
    edit = DateField(day)
    edit.setEnabled(False)
    return edit


class AuditPage(QWidget):
    LIMIT = 1000

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Audit"))
        self.rows: list[audit_log.AuditRow] = []
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        today = window.ctx.today()
        self.use_from = QCheckBox(self.tr("From"))
        self.date_from = _date_edit(today - dt.timedelta(days=30))
        self.use_to = QCheckBox(self.tr("To"))
        self.date_to = _date_edit(today)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        self.actor = QComboBox()
        self.actor.setEditable(True)
        self.actor.setAccessibleName(self.tr("Actor"))
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.patient = QLineEdit()
        self.patient.setPlaceholderText(self.tr("Patient id"))
        self.patient.setAccessibleName(self.tr("Patient id"))
        self.apply_button = QPushButton(self.tr("&Show"))
        for w in (self.use_from, self.date_from, self.use_to, self.date_to):
            filters.addWidget(w)
        filters.addWidget(QLabel(self.tr("Who")))
        filters.addWidget(self.actor, 1)
        filters.addWidget(QLabel(self.tr("Action")))
        filters.addWidget(self.action)
        filters.addWidget(self.patient, 1)
        filters.addWidget(self.apply_button)
        layout.addLayout(filters)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("When (UTC)"), self.tr("Who"), self.tr("Action"),
                                   self.tr("Patient"), self.tr("Record"), self.tr("Device")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Audit events"))
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 3)
        retention_bar = QHBoxLayout()
        retention_bar.addWidget(QLabel(self.tr("Records past the retention period, to review")))
        retention_bar.addStretch(1)
        self.retention_button = QPushButton(self.tr("&Review retention"))
        retention_bar.addWidget(self.retention_button)
        layout.addLayout(retention_bar)
        self.retention = QTreeWidget()
        self.retention.setHeaderLabels([self.tr("Patient"), self.tr("Last contact"),
                                        self.tr("Kept until"), self.tr("Restricted")])
        self.retention.setRootIsDecorated(False)
        # its headers read whole ("Conservé jusqu'" was cut), the patient's name taking the rest
        head = self.retention.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.retention.setAccessibleName(self.tr("Records past the retention period"))
        layout.addWidget(self.retention, 1)
        self.retention_button.clicked.connect(self.review_retention)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.apply_button.clicked.connect(self.refresh)
        self.patient.returnPressed.connect(self.refresh)
        self.tree.itemActivated.connect(self._open)
        self._fill_choices()

    def _fill_choices(self) -> None:
        ctx = self.window_.ctx
        actor, action = self.actor.currentText(), self.action.currentData()
        self.actor.clear()
        self.actor.addItem("")
        self.actor.addItems(audit_log.actors(ctx))
        self.actor.setCurrentText(actor)
        self.action.clear()
        self.action.addItem(self.tr("All"), None)
        for code in audit_log.actions(ctx):
            self.action.addItem(labels.action(code), code)
        if action is not None and self.action.findData(action) >= 0:
            self.action.setCurrentIndex(self.action.findData(action))

    def _filter(self) -> audit_log.AuditFilter:
        def day(edit: DateField) -> dt.date | None:
            try:
                return edit.value()  # an unreadable date is said, not ignored
            except DomainError:
                edit.setFocus()
                raise

        return audit_log.AuditFilter.parse(
            date_from=day(self.date_from) if self.use_from.isChecked() else None,
            date_to=day(self.date_to) if self.use_to.isChecked() else None,
            actor=self.actor.currentText() or None, action=self.action.currentData(),
            patient_id=self.patient.text().strip() or None)

    def refresh(self) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        try:
            flt = self._filter()
            self.rows = audit_log.search(ctx, flt, limit=self.LIMIT)
        except DomainError as exc:
            self.status.setText(error_message(exc))
            return
        self.tree.clear()
        for r in self.rows:
            item = QTreeWidgetItem([short_datetime(r.at, seconds=True), r.actor or "",
                                    labels.action(r.action), r.patient_name or "",
                                    # the kind of record in words ("relationship" read
                                    # as a code), its id for the one who checks
                                    f"{table_label(r.table) if r.table else ''} "
                                    f"{r.record_id or ''}".strip(),
                                    (r.device_id or "")[:13]])
            item.setData(0, Qt.ItemDataRole.UserRole, r.patient_id)
            self.tree.addTopLevelItem(item)
        self.status.setText(self.tr("%n event(s)", "", len(self.rows)))

    def review_retention(self) -> None:
        rows = gdpr.retention_review(self.window_.ctx)
        self.retention.clear()
        for r in rows:
            self.retention.addTopLevelItem(QTreeWidgetItem([
                f"{r.family_name.upper()} {r.given_name}", short_date(r.last_contact),
                short_date(r.retention_until), self.tr("yes") if r.restricted else ""]))
        if not rows:
            self.retention.addTopLevelItem(QTreeWidgetItem(
                [self.tr("No record is past the retention period.")]))

    def _open(self, item: QTreeWidgetItem) -> None:
        pid = item.data(0, Qt.ItemDataRole.UserRole)
        if pid:
            try:
                self.window_.open_dossier(pid)
            except DomainError as exc:  # restricted or erased
                self.status.setText(error_message(exc))


def create_page(window: MainWindow) -> QWidget:
    return AuditPage(window)


def visible(ctx: AppContext) -> bool:
    """Coordinators and administrators, or the single user of a laptop not enrolled (issue 20)."""
    from desktop.services.access import may_see_audit

    return may_see_audit(ctx)
