"""Pages of the main window, in navigation order. Each module defines `create_page(window)`;
the returned widget has `windowTitle()` used in the navigation and may define `refresh()`."""

PAGE_MODULES: list[str] = [
    "desktop.ui.today_page",
    "desktop.ui.caseload_page",
    "desktop.ui.indicators_page",
    "desktop.ui.consent.audit_page",
    "desktop.ui.ecomap.directory_page",
    "desktop.ui.sync.conflicts_page",
    "desktop.ui.sync.attention_page",
    "desktop.ui.settings_page",
]
