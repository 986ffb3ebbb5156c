"""The patient dossier: a header and tabs registered in `desktop.ui.dossier.tabs`."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop.services import patients
from desktop.ui.dossier.lazy_tabs import LazyTabs
from desktop.ui.dossier.tabs import TABS, TabKey
from desktop.ui.fit import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.drafts import DraftView
    from desktop.services.unit_of_work import Touched
    from desktop.ui.draft_guard import DraftOffer
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# the drafts a tab shows restored by itself once built (not in a dialog), and that tab
INLINE_TABS: dict[str, TabKey] = {"journal": "journal", "plan_words": "plan"}


class RestoresDrafts(Protocol):
    """A tab that reopens the dialogs of the draft kinds it lists."""

    DRAFT_KINDS: tuple[str, ...]

    def restore_draft(self, draft: DraftView) -> object: ...


class DossierWindow(QMainWindow):
    def __init__(self, main_window: MainWindow, patient_id: str) -> None:
        super().__init__(main_window)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.main_window = main_window
        self.ctx = main_window.ctx
        self.bus = main_window.bus
        self.patient_id = patient_id
        self._cases: list[Any] | None = None  # read once while the dossier opens (header, overview)
        self._opening = True
        fit_to_screen(self, 1200, 720)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.header = self._make_header()
        layout.addWidget(self.header)
        self.tabs = LazyTabs(lambda spec: spec.load()(self))
        self.tabs.setDocumentMode(True)
        self.stale_tabs: set[int] = set()  # touched while hidden: refreshed when next shown
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        # viewing the dossier is audited once per opening, before anything of it is shown
        self.patient = patients.view_patient(self.ctx, patient_id)
        # a handover note addressed to this user, not yet read: above the tabs
        from desktop.ui.dossier.handover_banner import create_banner

        self.handover_banner = create_banner(self)
        layout.insertWidget(1, self.handover_banner)
        self._show_patient(self.patient)
        for spec in TABS:
            self.tabs.add_lazy(spec)  # each built when first shown (the first one now)
        self.tabs.currentChanged.connect(self._tab_shown)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        self.bus.changed.connect(self._on_changed)
        self.bus.touched.connect(self._on_touched, Qt.ConnectionType.QueuedConnection)
        self.draft_offer: DraftOffer | None = None
        QTimer.singleShot(0, self, self.offer_drafts)  # text left by a lock or a crash
        self._opening = False
        self._cases = None

    def list_cases(self) -> list[Any]:
        """The patient's cases (`cases.list_cases`), read once while the dossier opens: the
        header and the overview both show the current one."""
        from desktop.services import cases

        if not self._opening:
            return cases.list_cases(self.ctx, self.patient_id)
        if self._cases is None:
            self._cases = cases.list_cases(self.ctx, self.patient_id)
        return self._cases

    # ---- drafts ------------------------------------------------------------------------------
    def offer_drafts(self) -> QMessageBox | None:
        """Offer each unsaved draft of this patient in turn (Restore reopens its dialog)."""
        from desktop.ui.draft_guard import DraftOffer, offerable

        if self.ctx.is_locked or (self.draft_offer is not None and self.draft_offer.box):
            return None
        # a journal note or the plan's words typed before a lock, a crash or a close: their
        # tab shows them restored, but only once it is opened, and nothing said they were there
        built = {self._tab_key(i) for i, _tab in self.tabs.built()}
        pending = [d for d in offerable(self.ctx, self.patient_id, inline=True)
                   if INLINE_TABS.get(d.kind) not in built]
        if not pending:
            return None
        self.draft_offer = DraftOffer(self, self.ctx, pending, self.restore_draft)
        return self.draft_offer.next()

    def _tab_key(self, index: int) -> str:
        return TABS[index].key if 0 <= index < len(TABS) else ""

    def restore_draft(self, draft: DraftView) -> object:
        """Reopen the dialog a draft belongs to, through the tab that owns that kind; a journal
        note or the plan's words: their tab, which shows them restored."""
        inline = INLINE_TABS.get(draft.kind)
        if inline is not None:
            index = [tab.key for tab in TABS].index(inline)
            self.tabs.setCurrentIndex(index)
            tab = self.tabs.widget(index)
            new_note = getattr(tab, "new_note", None)
            if callable(new_note):  # the journal: the keyboard in the note
                new_note()
            return tab
        built = dict(self.tabs.built())
        for i in sorted(range(self.tabs.count()), key=lambda i: i not in built):
            tab = self.tabs.widget(i)
            if draft.kind in getattr(tab, "DRAFT_KINDS", ()):
                return cast(RestoresDrafts, tab).restore_draft(draft)
        return None

    def keep_drafts(self) -> None:
        """Write what is being typed (open dialogs, journal, plan) into the vault now."""
        from desktop.ui.draft_guard import DraftGuard

        if self.ctx.is_locked:
            return
        DraftGuard.flush_all(under=self)
        for _i, tab in self.tabs.built():  # a tab never shown has nothing typed in it
            flush = getattr(tab, "flush_draft", None)
            if callable(flush):
                flush()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.keep_drafts()  # the text of a dialog still open is offered at the next opening
        super().closeEvent(event)
        if event.isAccepted() and self.main_window.dossiers.get(self.patient_id) is self:
            # deleted later (WA_DeleteOnClose): reopened before that, the patient gets a new window
            del self.main_window.dossiers[self.patient_id]

    def _make_header(self) -> QWidget:
        from desktop.ui.dossier.header import create_header  # it imports this module's type

        return create_header(self)

    def refresh_header(self) -> None:
        self._show_patient(patients.get_patient(self.ctx, self.patient_id))

    def _show_patient(self, p: patients.PatientView) -> None:
        self.patient = p
        self.setWindowTitle(f"{p.family_name.upper()} {p.given_name} — Relais")
        if hasattr(self.header, "update_patient"):
            self.header.update_patient(p)
        elif isinstance(self.header, QLabel):
            parts = [f"{p.family_name.upper()} {p.given_name}"]
            if p.age is not None:
                parts.append(self.tr("{age} years").format(age=p.age))
            if p.niss_formatted:
                parts.append(p.niss_formatted)
            self.header.setText("  ·  ".join(parts))

    def _tab_shown(self, index: int) -> None:
        """A tab built just now shows fresh data; one built before refreshes if a write touched
        what it shows while it was hidden."""
        from desktop.ui.dossier.lazy_tabs import first_showing

        if index < 0:
            return
        widget = self.tabs.widget(index)
        first = first_showing(self.tabs, widget)
        if index in self.stale_tabs or first:
            self.stale_tabs.discard(index)
            if widget is not None and hasattr(widget, "refresh"):
                widget.refresh()

    def _on_changed(self, _area: str) -> None:
        """News from elsewhere (a sync, a conflict resolved): everything may have changed."""
        if self.ctx.is_locked or not self._header_still_there():
            return
        self.stale_tabs = {i for i, _tab in self.tabs.built()}
        self._tab_shown(self.tabs.currentIndex())
        self.handover_banner.refresh()

    def _header_still_there(self) -> bool:
        """Refresh the header; False when the patient is no longer to be shown (restricted or
        erased meanwhile: the tab that did it says so)."""
        from desktop.domain.errors import DomainError

        try:
            self.refresh_header()
        except DomainError:
            log.info("dossier not refreshed: its patient is no longer shown")
            return False
        return True

    def _on_touched(self, touched: Touched) -> None:
        """After a write: nothing happens unless it touched this patient (or a record every
        patient shares, a contact); then the header if the patient row changed, the tab on
        screen if it shows a touched table, the other built tabs when next shown."""
        from desktop.ui.bus import matters
        from desktop.ui.dossier.lazy_tabs import tables_of

        if self.ctx.is_locked or not matters(touched, self.patient_id):
            return
        if ("patient" in touched.tables_for(self.patient_id)
                and not self._header_still_there()):
            return
        for i, tab in self.tabs.built():
            if matters(touched, self.patient_id, tables_of(tab)):
                self.stale_tabs.add(i)
        self._tab_shown(self.tabs.currentIndex())
