"""Dossier tabs built when first shown (issue 16): the header and the first tab paint at once;
each other tab is made the first time it is shown, or asked for by code (`widget(i)`).

A tab whose key is named in `_titles` gets a placeholder page under its title until then; a tab
not named there (one added later) is built at once, under its own title."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.dossier.tabs import Tab, TabKey


def _titles() -> dict[TabKey, str]:
    tr = QCoreApplication.translate
    return {
        "overview": tr("OverviewTab", "Overview"),
        "visits": tr("VisitsTab", "Visits"),
        "journal": tr("JournalTab", "Journal"),
        "cases": tr("CasesTab", "Cases"),
        "identity": tr("IdentityTab", "Identity"),
        "stays": tr("StaysTab", "Hospital"),
        # "&&": a tab's "&" marks a shortcut letter; this one is the English "and"
        "paperwork": tr("PaperworkTab", "Procedures & medication").replace("&", "&&"),
        "assessments": tr("AssessmentTab", "Assessments"),
        "ecosystem": tr("EcosystemTab", "Ecosystem"),
        "consents": tr("ConsentsTab", "Consents"),
        "plan": tr("PlanTab", "Plan"),
    }


class _Slot(QWidget):
    """The page a tab has in the QTabWidget: empty until the real tab is built into it."""

    def __init__(self, spec: Tab) -> None:
        super().__init__()
        self.spec = spec
        self.tab: QWidget | None = None

    def hold(self, tab: QWidget) -> None:
        """Put the real tab in (its layout made then: ten empty pages open with each dossier)."""
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(tab)
        self.tab = tab


class LazyTabs(QTabWidget):
    """A QTabWidget whose pages are made on demand. `widget(i)` and `currentWidget()` return the
    real tab (building it if needed), so code that looks for a tab by type keeps working;
    `built()` lists only the tabs that exist."""

    def __init__(self, make: Callable[[Tab], QWidget]) -> None:
        super().__init__()
        self._make = make
        self.never_shown: set[QWidget] = set()  # built (by code) but not yet on screen
        self.currentChanged.connect(self._shown)

    def add_lazy(self, spec: Tab) -> None:
        """A tab for `spec`, built when first shown (at once if its title is not known)."""
        title = _titles().get(spec.key)
        if title is None:  # unknown to us: built now, under its own title
            tab = self._make(spec)
            self.addTab(tab, tab.windowTitle())
            return
        self.addTab(_Slot(spec), title)

    def _build(self, slot: _Slot) -> QWidget:
        if slot.tab is not None:
            return slot.tab
        tab = self._make(slot.spec)
        self.never_shown.add(tab)
        slot.hold(tab)
        return tab

    def _shown(self, index: int) -> None:
        page = super().widget(index)
        if isinstance(page, _Slot) and page.tab is None:
            self._build(page)

    def widget(self, index: int) -> QWidget:
        page = super().widget(index)
        if isinstance(page, _Slot):
            return self._build(page)
        return page  # type: ignore[return-value]  # None past the last tab, as Qt's

    def currentWidget(self) -> QWidget:  # noqa: N802  # Qt API
        return self.widget(self.currentIndex())

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802
        for i in range(self.count()):
            page = super().widget(i)
            if page is widget or (isinstance(page, _Slot) and page.tab is widget):
                return i
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)

    def built(self) -> Iterator[tuple[int, QWidget]]:
        """(index, tab) for each tab that exists."""
        for i in range(self.count()):
            page = super().widget(i)
            tab = page.tab if isinstance(page, _Slot) else page
            if tab is not None:
                yield i, tab

    def is_built(self, index: int) -> bool:
        page = super().widget(index)
        return not isinstance(page, _Slot) or page.tab is not None



# Tabs whose constructor loads their data: shown the first time, they need no refresh.
LOAD_WHEN_BUILT = {"CasesTab", "IdentityTab", "JournalTab", "OverviewTab", "StaysTab", "VisitsTab",
                   "ConsentsTab", "PlanTab", "AssessmentTab", "PaperworkTab"}


def first_showing(tabs: LazyTabs, tab: QWidget) -> bool:
    """True the first time `tab` is on screen, if it must load its data then."""
    if tab not in tabs.never_shown:
        return False
    tabs.never_shown.discard(tab)
    return type(tab).__name__ not in LOAD_WHEN_BUILT


# Tabs that show the audit trail (who looked at the dossier): any touched table matters to them.
_SHOW_AUDIT = {"ConsentsTab"}


def tables_of(tab: QWidget) -> frozenset[str] | None:
    """The tables `tab` shows: its `TABLES` attribute if it has one; every table for a tab
    that shows the audit trail; None ("any table but the quiet ones") otherwise."""
    own = getattr(tab, "TABLES", None)
    if own is not None:
        return frozenset(own)
    if type(tab).__name__ in _SHOW_AUDIT:
        return ALL_TABLES
    return None


class _All(frozenset[str]):
    """Intersects with any non-empty set."""

    def __and__(self, other: object) -> frozenset[str]:
        return frozenset(other) if isinstance(other, (set, frozenset)) else frozenset()

    __rand__ = __and__


ALL_TABLES: frozenset[str] = _All()
