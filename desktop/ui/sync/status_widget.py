"""Status-bar widget: online or offline, last sync, changes waiting, conflicts; a button to sync
now. It owns the window's background sync controller."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QToolButton, QWidget

from desktop.domain.errors import DomainError
from desktop.i18n.dates import short_datetime, short_time
from desktop.services import sync_status
from desktop.ui.i18n import error_message, message
from desktop.ui.sync.controller import SyncController


def _local_time(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        at = dt.datetime.fromisoformat(iso).replace(tzinfo=dt.UTC).astimezone()
    except ValueError:
        return ""
    if at.date() == dt.date.today():
        return short_time(at)
    return short_datetime(at, year=False)


class SyncStatusWidget(QWidget):
    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel()
        self.state.setAccessibleName(self.tr("Sync status"))
        self.conflicts = QToolButton()
        self.conflicts.setAutoRaise(True)
        self.conflicts.clicked.connect(self._show_conflicts)
        self.conflicts.setAccessibleName(self.tr("Open conflicts"))
        self.button = QToolButton()
        self._button(True)
        self.button.clicked.connect(self._sync_now)
        layout.addWidget(self.state)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.button)
        self.controller = SyncController(window)
        window.sync_controller = self.controller
        self.controller.started.connect(self._started)
        self.controller.finished.connect(self._finished)
        # a bound slot: disconnected when this widget goes with a lock (a lambda would outlive it)
        window.bus.changed.connect(self._bus_changed)
        window.bus.touched.connect(self._bus_changed)
        self.refresh()

    def _button(self, enrolled: bool) -> None:
        """Sync now (F5) on an enrolled laptop, else the way to a server."""
        if enrolled:
            self.button.setText(self.tr("Sync now"))
            self.button.setToolTip(self.tr("Send and receive changes now (F5)"))
        else:
            self.button.setText(self.tr("Connect to a server…"))
            self.button.setToolTip(self.tr("Keep a copy of your caseload on your organisation's "
                                           "server and share it with your team"))
        self.button.setShortcut("F5")  # after the text, which resets a button's shortcut

    def _bus_changed(self, _area: object) -> None:
        self.refresh()

    def _sync_now(self) -> None:
        if not self.controller.enrolled and not sync_status.is_enrolled(self.window_.ctx):
            from desktop.ui.sync.enrol_dialog import connect_to_server

            connect_to_server(self.window_)  # a laptop that skipped the assistant's server page
            return
        self.controller.failures = 0
        self.controller.sync_now()

    def _started(self) -> None:
        self.state.setText(self.tr("Syncing…"))
        self.button.setEnabled(False)

    def _finished(self, _report: Any, error: BaseException | None) -> None:
        self.button.setEnabled(True)
        if error is not None and getattr(error, "code", "") in ("sync.device_revoked",
                                                                  "sync.device_stolen"):
            if self.window_.ctx.is_locked:
                QMessageBox.information(self.window_, self.tr("Device revoked"),
                                        error_message(error))  # type: ignore[arg-type]
                self.window_.close()
                return
        self.refresh(error)

    def refresh(self, error: BaseException | None = None) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        try:
            st = sync_status.status(ctx)
        except DomainError:
            return
        self._button(st.enrolled)
        if not st.enrolled:  # nothing is kept anywhere but here: the way to a server
            self.state.setText(self.tr("Not connected to a server"))
            self.button.setEnabled(True)
            self.conflicts.hide()
            return
        if st.revoked:
            head = self.tr("Device revoked")
        elif st.online is False:
            head = self.tr("● Offline")
        elif st.online:
            head = self.tr("● Online")
        else:
            head = self.tr("● Not synced yet")
        parts = [head]
        when = _local_time(st.last_sync_at)
        if when:
            parts.append(self.tr("synced {time}").format(time=when))
        if st.pending:
            parts.append(self.tr("{n} waiting").format(n=st.pending))
        if st.needs_attention:
            parts.append(self.tr("{n} need attention").format(n=st.needs_attention))
        self.state.setText(" · ".join(parts))
        if isinstance(error, DomainError):
            tip = error_message(error)
        elif st.last_error:
            tip = message(st.last_error)
        elif isinstance(error, Exception):  # its text may quote a statement's values: its type
            tip = message("cli.unexpected_error", detail=type(error).__name__)
        else:
            tip = ""
        self.state.setToolTip(tip)
        color = "#b00020" if st.online is False or st.revoked else "#1b5e20"
        self.state.setStyleSheet(f"color: {color};")
        if st.open_conflicts:
            self.conflicts.setText(self.tr("%n conflict(s)", "", st.open_conflicts))
            self.conflicts.show()
        else:
            self.conflicts.hide()

    def _show_conflicts(self) -> None:
        self.window_.show_page("conflicts")


def create_status_widget(window: Any) -> QWidget:
    widget = SyncStatusWidget(window)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return widget
