"""Tabs of the patient dossier, in order. Each module defines `create_tab(dossier) -> QWidget`;
the widget's `windowTitle()` is the tab label and it may define `refresh()`."""

TAB_MODULES: list[str] = [
    "desktop.ui.dossier.overview_tab", "desktop.ui.dossier.visits_tab",
    "desktop.ui.dossier.journal_tab", "desktop.ui.dossier.cases_tab",
    "desktop.ui.dossier.identity_tab", "desktop.ui.dossier.stays_tab",
    "desktop.ui.dossier.paperwork_tab",
    "desktop.ui.assessment.tab",
    "desktop.ui.ecomap.tab",
    "desktop.ui.consent.tab",
    "desktop.ui.plan.tab",
]
