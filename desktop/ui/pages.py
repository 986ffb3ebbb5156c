"""Pages of the main window, in navigation order (`PAGES`).

Each page's module is imported the first time the page is shown (issue 16: the unlock builds
Today only), so a page is listed by a small loader holding a direct import of its module's
`create_page(window)`, which mypy and a reader can follow. The returned widget has
`windowTitle()` and may define `refresh()`. `key` names the page for `MainWindow.show_page`;
the navigation's title of each key is in `desktop.ui.main_window.page_titles`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.services.context import AppContext
    from desktop.ui.main_window import MainWindow

PageKey = Literal["today", "caseload", "indicators", "audit", "directory", "conflicts",
                  "attention", "settings"]
PageFactory = Callable[["MainWindow"], "QWidget"]  # create_page(main_window)


@dataclass(frozen=True)
class Page:
    key: PageKey
    load: Callable[[], PageFactory]  # imports the page's module, gives its create_page
    # None: listed for everyone; else listed when it says so (asked on the task manager)
    visible: Callable[[AppContext], bool] | None = None


def _today() -> PageFactory:
    from desktop.ui.today_page import create_page

    return create_page


def _caseload() -> PageFactory:
    from desktop.ui.caseload_page import create_page

    return create_page


def _indicators() -> PageFactory:
    from desktop.ui.indicators_page import create_page

    return create_page


def _audit() -> PageFactory:
    from desktop.ui.consent.audit_page import create_page

    return create_page


def _audit_visible(ctx: AppContext) -> bool:
    from desktop.ui.consent.audit_page import visible

    return visible(ctx)


def _directory() -> PageFactory:
    from desktop.ui.ecomap.directory_page import create_page

    return create_page


def _conflicts() -> PageFactory:
    from desktop.ui.sync.conflicts_page import create_page

    return create_page


def _attention() -> PageFactory:
    from desktop.ui.sync.attention_page import create_page

    return create_page


def _settings() -> PageFactory:
    from desktop.ui.settings_page import create_page

    return create_page


PAGES: tuple[Page, ...] = (
    Page("today", _today),
    Page("caseload", _caseload),
    Page("indicators", _indicators),
    Page("audit", _audit, visible=_audit_visible),
    Page("directory", _directory),
    Page("conflicts", _conflicts),
    Page("attention", _attention),
    Page("settings", _settings),
)

PAGE_KEYS: tuple[PageKey, ...] = tuple(page.key for page in PAGES)


def page_of(key: PageKey) -> Page:
    """The page of `key` (KeyError: no such page)."""
    for p in PAGES:
        if p.key == key:
            return p
    raise KeyError(key)
