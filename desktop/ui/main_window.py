"""Main window: navigation, pages, status bar, lock on demand (Ctrl+L) and after idle time."""

from __future__ import annotations

import logging
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.ui.bus import DataBus
from desktop.ui.fit import fit_to_screen
from desktop.ui.idle import IdleWatcher
from desktop.ui.pages import PAGE_MODULES

if TYPE_CHECKING:  # the vault's modules are imported after the unlock dialog is on screen
    from desktop.services.context import AppContext

log = logging.getLogger(__name__)

# Widgets added to the status bar after unlock: each module defines create_status_widget(window).
STATUS_WIDGET_MODULES: list[str] = [
    "desktop.ui.sync.status_widget",
]

DEFAULT_AUTOLOCK_MINUTES = 10


class MainWindow(QMainWindow):
    unlocked = Signal()

    def __init__(self, folder: Path, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.ctx: AppContext = ctx  # type: ignore[assignment]
        self.bus = DataBus(self)
        self.dossiers: dict[str, QWidget] = {}
        self.setWindowTitle("Relais")
        fit_to_screen(self, 1280, 760)  # within 1366×700 on a small laptop
        self.setMinimumSize(1024, 600)
        self.idle = IdleWatcher(DEFAULT_AUTOLOCK_MINUTES * 60_000, self)
        self.idle.idle.connect(self.lock)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        menu = self.menuBar().addMenu(self.tr("&Relais"))
        menu.addAction(self.lock_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.locked_view = QLabel(self.tr("Relais is locked. Your data is hidden."))
        self.locked_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages: list[QWidget] = []
        self.page_modules: list[str] = []
        self.stale_pages: set[int] = set()  # touched by a write while hidden: refresh when shown
        self._stop_listening = lambda: None
        self.status_widgets: list[QWidget] = []
        if ctx is not None:
            self._build()
        else:
            self.setCentralWidget(self.locked_view)

    # ---- building and tearing down the unlocked UI --------------------------------------
    def _build(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.addWidget(self.stack)
        layout.addLayout(right, 1)
        self.pages = []
        self.page_modules = []  # PAGE_MODULES less the pages this user may not see
        for name in PAGE_MODULES:
            module = import_module(name)
            visible = getattr(module, "visible", None)
            if visible is None or visible(self.ctx):
                self.page_modules.append(name)
        for i, name in enumerate(self.page_modules):
            page = import_module(name).create_page(self)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.windowTitle())
            self.nav.addItem(item)
            if i < 9:
                action = QAction(self)
                action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
                action.triggered.connect(lambda _=False, i=i: self.nav.setCurrentRow(i))
                self.addAction(action)
        self.nav.currentRowChanged.connect(self._show_page)
        self.setCentralWidget(central)
        for name in STATUS_WIDGET_MODULES:
            widget = import_module(name).create_status_widget(self)
            self.status_widgets.append(widget)
            self.statusBar().addPermanentWidget(widget)
        user = self.ctx.user_name or ""
        self.statusBar().showMessage(user)
        minutes = self.ctx.get_setting("autolock_minutes", DEFAULT_AUTOLOCK_MINUTES)
        self.idle.set_timeout_ms(int(float(minutes) * 60_000))
        self.bus.changed.connect(self._refresh_current)
        # queued: the view that wrote finishes its own update before the others refresh
        self.bus.touched.connect(self._touched, Qt.ConnectionType.QueuedConnection)
        self._stop_listening = self.ctx.on_write(self.bus.touched.emit)
        self.stale_pages = set(range(len(self.pages)))
        self.nav.setCurrentRow(0)
        self._show_page(0)

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.pages[row]
        if hasattr(page, "refresh") and (row in self.stale_pages
                                         or not getattr(page, "REFRESH_WHEN_TOUCHED", False)):
            self.stale_pages.discard(row)
            page.refresh()

    def _refresh_current(self, _area: str) -> None:
        """News from elsewhere (a sync): every page is out of date, the one shown refreshes."""
        if self.ctx is None or self.ctx.is_locked:
            return
        self.stale_pages = set(range(len(self.pages)))
        self._show_page(self.stack.currentIndex())

    def _touched(self, touched: object) -> None:
        """After a write: the pages that show what it touched refresh (the one on screen now,
        the others when next shown)."""
        from desktop.ui.bus import matters

        if self.ctx is None or self.ctx.is_locked or not self.pages:
            return
        current = self.stack.currentIndex()
        for row, page in enumerate(self.pages):
            if matters(touched, tables=getattr(page, "TABLES", None)):
                self.stale_pages.add(row)
        if current in self.stale_pages:
            self._show_page(current)

    def show_page(self, module_name: str) -> None:
        """Navigate to the page created by `module_name`."""
        self.nav.setCurrentRow(self.page_modules.index(module_name))

    def open_dossier(self, patient_id: str) -> QWidget:
        from desktop.ui.dossier.window import DossierWindow

        existing = self.dossiers.get(patient_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        dossier = DossierWindow(self, patient_id)
        self.dossiers[patient_id] = dossier
        dossier.destroyed.connect(lambda _=None, pid=patient_id: self.dossiers.pop(pid, None))
        dossier.show()
        return dossier

    # ---- locking -------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide every piece of patient data, close the vault, ask for the passphrase again."""
        if self.ctx is None or self.ctx.is_locked:
            return
        self.idle.stop()
        # what is being typed goes into the vault first; offered back after the unlock
        self.reopen_after_unlock = list(self.dossiers)
        for dossier in list(self.dossiers.values()):
            dossier.keep_drafts()  # type: ignore[attr-defined]
        self.bus.locked.emit()
        for dossier in list(self.dossiers.values()):
            dossier.close()
        self.dossiers.clear()
        for widget in self.status_widgets:
            self.statusBar().removeWidget(widget)
            widget.deleteLater()
        self.status_widgets = []
        try:
            self.bus.changed.disconnect(self._refresh_current)
            self.bus.touched.disconnect(self._touched)
        except (RuntimeError, TypeError):
            pass
        self._stop_listening()
        old = self.centralWidget()
        self.locked_view = QLabel(self.tr("Relais is locked. Your data is hidden."))
        self.locked_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.locked_view)  # deletes the pages
        if old is not None:
            old.deleteLater()
        self.pages = []
        self.statusBar().clearMessage()
        self.ctx.lock()
        self.ask_unlock()

    def ask_unlock(self) -> None:
        from desktop.ui.dialogs.unlock import UnlockDialog

        dialog = UnlockDialog(self.folder, self)
        self.unlock_dialog = dialog

        def done(result: int) -> None:
            if result and dialog.ctx is not None:
                self.set_context(dialog.ctx)
            elif self.ctx is None or self.ctx.is_locked:
                self.close()

        dialog.finished.connect(done)
        dialog.open()

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._build()
        self.unlocked.emit()
        # the dossiers that had unsaved text at the lock reopen and offer it back
        from desktop.ui.draft_guard import offerable

        for pid in getattr(self, "reopen_after_unlock", []):
            try:
                if offerable(ctx, pid):
                    self.open_dossier(pid)
            except DomainError:  # a patient gone meanwhile (sync): nothing to offer
                log.warning("could not reopen a dossier after the unlock")
        self.reopen_after_unlock = []

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.ctx is not None and not self.ctx.is_locked:
            for dossier in list(self.dossiers.values()):
                dossier.close()
            self.ctx.lock()
        super().closeEvent(event)
