"""Main window: navigation, pages, status bar, lock on demand (Ctrl+L) and after idle time.

At the unlock only Today is built (issue 16): its frame paints at once and its sections fill in
from the task manager. Every other page is listed in the navigation under its title and built
the first time it is shown (or when code asks for `pages`); whether the Audit page is listed
(`visible(ctx)`) is decided on the task manager; the status-bar widgets are made once Today's
sections are in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.ui.bus import DataBus
from desktop.ui.fit import fit_to_screen, show_main
from desktop.ui.idle import IdleWatcher
from desktop.ui.pages import PAGES, PageKey, page_of

if TYPE_CHECKING:  # the vault's modules are imported after the unlock dialog is on screen
    from desktop.services.context import AppContext
    from desktop.services.drafts import DraftView
    from desktop.services.unit_of_work import Touched
    from desktop.ui.dossier.window import DossierWindow
    from desktop.ui.draft_guard import DraftOffer
    from desktop.ui.workers import Task

log = logging.getLogger(__name__)


def status_widgets_of(window: MainWindow) -> list[QWidget]:
    """The widgets added to the status bar once Today's sections are in."""
    from desktop.ui.sync.status_widget import create_status_widget

    return [create_status_widget(window)]


DEFAULT_AUTOLOCK_MINUTES = 10


def page_titles() -> dict[PageKey, str]:
    """The navigation's title of each page, so it is listed before it is built. A page not
    named here is built at the unlock, under its own `windowTitle()`."""
    tr = QCoreApplication.translate
    return {
        "today": tr("TodayPage", "Today"),
        "caseload": tr("CaseloadPage", "Caseload"),
        "indicators": tr("IndicatorsPage", "Indicators"),
        "audit": tr("AuditPage", "Audit"),
        "directory": tr("DirectoryPage", "Directory"),
        "conflicts": tr("ConflictsPage", "Conflicts"),
        "attention": tr("AttentionPage", "Needs attention"),
        "settings": tr("SettingsPage", "Settings"),
    }


def preload() -> None:
    """Import what the unlocked window shows first, on the task manager while the passphrase
    is typed (the rest is imported when first shown)."""
    import desktop.services.context  # noqa: F401
    import desktop.services.today  # noqa: F401
    import desktop.ui.today_page  # noqa: F401


def _maybe_hidden() -> list[PageKey]:
    """The pages listed only when their `visible(ctx)` says so (decided off the GUI thread)."""
    return [page.key for page in PAGES if page.visible is not None]


def _hidden_pages(ctx: AppContext, keys: list[PageKey]) -> set[PageKey]:
    """The pages among `keys` whose `visible(ctx)` is False (runs on the task manager)."""
    hidden = set()
    for key in keys:
        visible = page_of(key).visible
        if visible is not None and not visible(ctx):
            hidden.add(key)
    return hidden


class MainWindow(QMainWindow):
    unlocked = Signal()

    def __init__(self, folder: Path, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.ctx: AppContext = ctx  # type: ignore[assignment]
        self.bus = DataBus(self)
        self.dossiers: dict[str, DossierWindow] = {}
        self.draft_offer: DraftOffer | None = None
        self.reopen_after_unlock: list[str] | None = None  # the dossiers open at the lock
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
        self.locked_view = self._locked_view()
        self._pages: list[QWidget | None] = []  # by navigation row; None until first shown
        self._keys: list[PageKey] = []  # by navigation row: PAGES less those not seen
        self._row_actions: list[QAction] = []  # Alt+1…9
        self.stale_pages: set[int] = set()  # touched by a write while hidden: refresh when shown
        self._stop_listening: Callable[[], None] = lambda: None
        self._status_widgets: list[QWidget] | None = None  # made once Today is in
        self._visibility: Task | None = None  # the task deciding which pages are listed
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
        self._fit_nav()
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.addWidget(self.stack)
        layout.addLayout(right, 1)
        self._pages = []
        self._keys = []
        self._status_widgets = None
        titles = page_titles()
        unsure = _maybe_hidden()
        for page in PAGES:
            if page.key in unsure:
                continue  # listed when the task manager says it may be seen
            self._add_row(page.key, titles.get(page.key))
        self.nav.currentRowChanged.connect(self._show_page)
        self.setCentralWidget(central)
        user = self.ctx.user_name or ""
        self.statusBar().showMessage(user)
        minutes = self.ctx.get_setting("autolock_minutes", DEFAULT_AUTOLOCK_MINUTES)
        self.idle.set_timeout_ms(int(float(minutes) * 60_000))
        self.bus.changed.connect(self._refresh_current)
        # queued: the view that wrote finishes its own update before the others refresh
        self.bus.touched.connect(self._touched, Qt.ConnectionType.QueuedConnection)
        self._stop_listening = self.ctx.on_write(self.bus.touched.emit)
        self.stale_pages = set(range(len(self._pages)))
        self.nav.setCurrentRow(0)
        self._show_page(0)
        first = self._pages[0] if self._pages else None
        if first is not None and hasattr(first, "loaded"):
            first.loaded.connect(self._make_status_widgets, Qt.ConnectionType.SingleShotConnection)
        else:
            QTimer.singleShot(0, self._make_status_widgets)
        if unsure:
            from desktop.ui.workers import manager

            ctx = self.ctx

            def check() -> set[PageKey]:
                return _hidden_pages(ctx, unsure)

            def checked(hidden: set[PageKey]) -> None:
                self._list_pages(unsure, hidden)

            def failed(exc: BaseException) -> None:  # not known: not listed
                log.warning("page visibility not known: %s", type(exc).__name__)
                self._list_pages(unsure, set(unsure))

            self._visibility = manager().submit(check, checked, failed, owners=(self, central))

    def _fit_nav(self) -> None:
        """The navigation as wide as its longest title, listed or still to come (a fixed 200
        pixels took a small laptop's patients' table the end of its statuses)."""
        titles = [*page_titles().values(),
                  *(self.nav.item(i).text() for i in range(self.nav.count()))]
        widest = max(self.nav.fontMetrics().horizontalAdvance(t) for t in titles)
        self.nav.setFixedWidth(max(120, widest + 2 * self.nav.frameWidth() + 24))

    def _add_row(self, key: PageKey, title: str | None, row: int | None = None) -> None:
        """A navigation row and a place in the stack for the page of `key` (built now if its
        title is not known beforehand, else when first shown)."""
        row = len(self._pages) if row is None else row
        page: QWidget | None = None
        if title is None:
            page = page_of(key).load()(self)
            title = page.windowTitle()
        self._keys.insert(row, key)
        self._pages.insert(row, page)
        self.stack.insertWidget(row, page if page is not None else QWidget())
        self.nav.insertItem(row, QListWidgetItem(title))
        self._fit_nav()
        self._shortcuts()

    def _shortcuts(self) -> None:
        for action in self._row_actions:
            self.removeAction(action)
            action.deleteLater()
        self._row_actions = []
        for i in range(min(9, len(self._pages))):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.nav.setCurrentRow(i))
            self.addAction(action)
            self._row_actions.append(action)

    def _list_pages(self, unsure: list[PageKey], hidden: set[PageKey]) -> None:
        """List, at their place in PAGES, the pages whose visibility was pending."""
        if self._visibility is None or self.ctx is None or self.ctx.is_locked:
            return
        self._visibility = None
        titles = page_titles()
        order = [page.key for page in PAGES]
        for key in unsure:
            if key in hidden:
                continue
            before = order[:order.index(key)]
            row = sum(1 for k in self._keys if k in before)
            self.stale_pages = {i + 1 if i >= row else i for i in self.stale_pages} | {row}
            current = self.nav.currentRow()
            self.nav.blockSignals(True)
            self._add_row(key, titles.get(key), row)
            self.nav.blockSignals(False)
            if current >= row:
                self.nav.setCurrentRow(current + 1)  # the page on screen stays on screen

    def _settle_pages(self) -> None:
        """Decide now which pages are listed (code that needs the whole list)."""
        task = self._visibility
        if task is None or self.ctx is None:
            return
        task.cancel()
        unsure = _maybe_hidden()
        self._list_pages(unsure, _hidden_pages(self.ctx, unsure))

    def page(self, row: int) -> QWidget:
        """The page at navigation row `row`, built now if it never was."""
        page = self._pages[row]
        if page is None:
            page = page_of(self._keys[row]).load()(self)
            placeholder = self.stack.widget(row)
            current = self.stack.currentIndex()
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._pages[row] = page
        return page

    @property
    def pages(self) -> list[QWidget]:
        """Every page, each built if it was not yet (tests, code looking for a page by type)."""
        if self.ctx is None or self.ctx.is_locked or not self._pages:
            return []
        self._settle_pages()
        return [self.page(row) for row in range(len(self._pages))]

    @property
    def page_keys(self) -> list[PageKey]:
        """The key of each listed page, in navigation order (PAGES less the pages this user
        may not see)."""
        self._settle_pages()
        return list(self._keys)

    def built_pages(self) -> list[tuple[int, QWidget]]:
        return [(row, page) for row, page in enumerate(self._pages) if page is not None]

    @property
    def status_widgets(self) -> list[QWidget]:
        if self._status_widgets is None and self.ctx is not None and not self.ctx.is_locked:
            self._make_status_widgets()
        return self._status_widgets or []

    def _make_status_widgets(self) -> None:
        if self._status_widgets is not None or self.ctx is None or self.ctx.is_locked:
            return
        self._status_widgets = []
        for widget in status_widgets_of(self):
            self._status_widgets.append(widget)
            self.statusBar().addPermanentWidget(widget)
        # Today is in: what the unlock allocated and freed goes back to the system
        from desktop.ui.memory import release_free_memory

        QTimer.singleShot(0, release_free_memory)

    def _show_page(self, row: int) -> None:
        if row < 0 or row >= len(self._pages):
            return
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        if hasattr(page, "refresh") and (row in self.stale_pages
                                         or not getattr(page, "REFRESH_WHEN_TOUCHED", False)):
            self.stale_pages.discard(row)
            page.refresh()

    def _refresh_current(self, _area: str) -> None:
        """News from elsewhere (a sync): every page is out of date, the one shown refreshes."""
        if self.ctx is None or self.ctx.is_locked:
            return
        self.stale_pages = set(range(len(self._pages)))
        self._show_page(self.stack.currentIndex())

    def _touched(self, touched: Touched) -> None:
        """After a write: the pages that show what it touched refresh (the one on screen now,
        the others when next shown)."""
        from desktop.ui.bus import matters

        if self.ctx is None or self.ctx.is_locked or not self._pages:
            return
        current = self.stack.currentIndex()
        for row, page in self.built_pages():  # one never built reads fresh data when first shown
            if matters(touched, tables=getattr(page, "TABLES", None)):
                self.stale_pages.add(row)
        if current in self.stale_pages:
            self._show_page(current)

    def show_page(self, key: PageKey) -> None:
        """Navigate to the page of `key` (ValueError: not listed for this user)."""
        self.nav.setCurrentRow(self.page_keys.index(key))

    def open_dossier(self, patient_id: str) -> DossierWindow:
        from desktop.ui.dossier.window import DossierWindow

        existing = self.dossiers.get(patient_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        dossier = DossierWindow(self, patient_id)
        self.dossiers[patient_id] = dossier
        dossier.destroyed.connect(lambda _=None, pid=patient_id, gone=dossier: self._forget(pid, gone))
        show_main(dossier)  # maximised on a laptop: no strip of the main window beside it
        return dossier

    def _forget(self, patient_id: str, gone: DossierWindow) -> None:
        if self.dossiers.get(patient_id) is gone:  # not the window reopened since its closing
            del self.dossiers[patient_id]

    # ---- locking -------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide every piece of patient data, close the vault, ask for the passphrase again."""
        if self.ctx is None or self.ctx.is_locked:
            return
        self.idle.stop()
        # what is being typed goes into the vault first; offered back after the unlock
        self.reopen_after_unlock = list(self.dossiers)
        for dossier in list(self.dossiers.values()):
            dossier.keep_drafts()
        from desktop.ui.draft_guard import DraftGuard

        DraftGuard.flush_all(under=self)  # the forms of the pages too (a new patient…)
        self.bus.locked.emit()
        for dossier in list(self.dossiers.values()):
            dossier.close()
        self.dossiers.clear()
        if self._visibility is not None:
            self._visibility.cancel()
            self._visibility = None
        for widget in self._status_widgets or []:
            self.statusBar().removeWidget(widget)
            widget.deleteLater()
        self._status_widgets = None
        try:
            self.bus.changed.disconnect(self._refresh_current)
            self.bus.touched.disconnect(self._touched)
        except (RuntimeError, TypeError):
            pass
        self._stop_listening()
        old = self.centralWidget()
        self.locked_view = self._locked_view()
        self.setCentralWidget(self.locked_view)  # deletes the pages
        if old is not None:
            old.deleteLater()
        self._pages = []
        self._keys = []
        self.statusBar().clearMessage()
        self.ctx.lock()
        self.ask_unlock()

    def _locked_view(self) -> QWidget:
        """What the window shows while locked: a message at the top, where the unlock dialog
        (centred on the window) does not cover it; and, once that dialog is dismissed, a
        button that asks again (Escape on the lock screen closed Relais)."""
        view = QWidget()
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 48, 0, 0)
        self.locked_label = QLabel(self.tr("Relais is locked. Your data is hidden."))
        self.locked_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.unlock_button = QPushButton(self.tr("&Unlock…"))
        self.unlock_button.hide()
        self.unlock_button.clicked.connect(self.ask_unlock)
        layout.addWidget(self.locked_label)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return view

    def ask_unlock(self) -> None:
        from desktop.ui.dialogs.unlock import UnlockDialog

        dialog = UnlockDialog(self.folder, self)
        self.unlock_dialog = dialog
        self.unlock_button.hide()

        def done(result: int) -> None:
            if result and dialog.ctx is not None:
                self.set_context(dialog.ctx)
            elif self.ctx is None:  # at start-up: not opening it is leaving
                self.close()
            elif self.ctx.is_locked:  # locked while at work: it stays open, locked
                self.unlock_button.show()
                self.unlock_button.setFocus()

        dialog.finished.connect(done)
        dialog.open()
        from desktop.ui.workers import run_in_background

        # what Today needs loads while the passphrase is typed (nothing to do at a re-unlock)
        run_in_background(dialog, preload, lambda _r: None, lambda _e: None)

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._build()
        self.unlocked.emit()
        # the dossiers that had unsaved text at the lock reopen and offer it back
        from desktop.ui.draft_guard import offerable

        for pid in self.reopen_after_unlock or []:
            try:
                if offerable(ctx, pid, inline=True):
                    self.open_dossier(pid)
            except DomainError:  # a patient gone meanwhile (sync): nothing to offer
                log.warning("could not reopen a dossier after the unlock")
        # after a lock, the forms that had no dossier; at start-up Today's banner offers them
        if self.reopen_after_unlock is not None:
            QTimer.singleShot(0, self.offer_drafts)
        self.reopen_after_unlock = None

    # forms that belong to no patient: their drafts are offered here, not by a dossier
    DRAFT_KINDS = ("new_patient", "contact")

    def offer_drafts(self) -> QMessageBox | None:
        """After an unlock (a lock or a crash closed the form), offer the drafts of a new
        patient or a directory contact in turn; Restore reopens the form with the text."""
        from desktop.ui.draft_guard import DraftOffer, offerable

        if self.ctx is None or self.ctx.is_locked or (
                self.draft_offer is not None and self.draft_offer.box is not None):
            return None
        pending = [d for d in offerable(self.ctx, None) if d.kind in self.DRAFT_KINDS]
        if not pending:
            return None
        self.draft_offer = DraftOffer(self, self.ctx, pending, self.restore_draft)
        return self.draft_offer.next()

    def restore_draft(self, draft: DraftView) -> object:
        if draft.kind == "new_patient":
            self.show_page("caseload")
            return cast(Any, self.stack.currentWidget()).new_patient()
        if draft.kind == "contact":
            self.show_page("directory")
            page = cast(Any, self.stack.currentWidget())
            record = draft.context.get("record_id")
            return page.edit_contact(str(record)) if record else page.new_contact()
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx is not None and not self.ctx.is_locked:
            for dossier in list(self.dossiers.values()):
                dossier.close()
            self.ctx.lock()
        super().closeEvent(event)
