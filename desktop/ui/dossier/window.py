"""The patient dossier: a header and tabs registered in `desktop.ui.dossier.tabs`."""

from __future__ import annotations

import logging
from importlib import import_module

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from desktop.services import patients
from desktop.ui.dossier.tabs import TAB_MODULES
from desktop.ui.fit import fit_to_screen

log = logging.getLogger(__name__)


class DossierWindow(QMainWindow):
    def __init__(self, main_window, patient_id: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(main_window)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.main_window = main_window
        self.ctx = main_window.ctx
        self.bus = main_window.bus
        self.patient_id = patient_id
        fit_to_screen(self, 1200, 720)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.header = self._make_header()
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        # viewing the dossier is audited once per opening
        self.patient = patients.view_patient(self.ctx, patient_id)
        self.refresh_header()
        for name in TAB_MODULES:
            widget = import_module(name).create_tab(self)
            self.tabs.addTab(widget, widget.windowTitle())
        self.tabs.currentChanged.connect(self._tab_shown)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        self.bus.changed.connect(self._on_changed)
        self.draft_offer: object = None
        QTimer.singleShot(0, self.offer_drafts)  # text left by a lock or a crash

    # ---- drafts ------------------------------------------------------------------------------
    def offer_drafts(self):  # type: ignore[no-untyped-def]
        """Offer each unsaved draft of this patient in turn (Restore reopens its dialog)."""
        from desktop.ui.draft_guard import DraftOffer, offerable

        if self.ctx.is_locked or (self.draft_offer is not None and self.draft_offer.box):  # type: ignore[attr-defined]
            return None
        pending = offerable(self.ctx, self.patient_id)
        if not pending:
            return None
        self.draft_offer = DraftOffer(self, self.ctx, pending, self.restore_draft)
        return self.draft_offer.next()  # type: ignore[attr-defined]

    def restore_draft(self, draft) -> object:  # type: ignore[no-untyped-def]
        """Reopen the dialog a draft belongs to, through the tab that owns that kind."""
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if draft.kind in getattr(tab, "DRAFT_KINDS", ()):
                return tab.restore_draft(draft)  # type: ignore[union-attr]
        return None

    def keep_drafts(self) -> None:
        """Write what is being typed (open dialogs, journal, plan) into the vault now."""
        from desktop.ui.draft_guard import DraftGuard

        if self.ctx.is_locked:
            return
        DraftGuard.flush_all(under=self)
        for i in range(self.tabs.count()):
            flush = getattr(self.tabs.widget(i), "flush_draft", None)
            if callable(flush):
                flush()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.keep_drafts()  # the text of a dialog still open is offered at the next opening
        super().closeEvent(event)

    def _make_header(self) -> QWidget:
        try:
            module = import_module("desktop.ui.dossier.header")
        except ModuleNotFoundError:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)
            return label
        return module.create_header(self)  # type: ignore[no-any-return]

    def refresh_header(self) -> None:
        self.patient = patients.get_patient(self.ctx, self.patient_id)
        p = self.patient
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
        widget = self.tabs.widget(index)
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()

    def _on_changed(self, area: str) -> None:
        if self.ctx.is_locked:
            return
        if area in ("patient", "*"):
            self.refresh_header()
        widget = self.tabs.currentWidget()
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()
