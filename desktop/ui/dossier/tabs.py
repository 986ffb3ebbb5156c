"""Tabs of the patient dossier, in order (`TABS`).

Each tab's module is imported the first time the tab is shown (issue 16: a dossier opens on its
first tab), so a tab is listed by a small loader holding a direct import of its module's
`create_tab(dossier) -> QWidget`, which mypy and a reader can follow. The widget's
`windowTitle()` is the tab label and it may define `refresh()`; the label shown before the tab
is built is in `desktop.ui.dossier.lazy_tabs` under the tab's `key`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.dossier.window import DossierWindow

TabKey = Literal["overview", "visits", "journal", "cases", "identity", "stays", "paperwork",
                 "assessments", "ecosystem", "consents", "plan"]
TabFactory = Callable[["DossierWindow"], "QWidget"]  # create_tab(dossier)


@dataclass(frozen=True)
class Tab:
    key: TabKey
    load: Callable[[], TabFactory]  # imports the tab's module, gives its create_tab


def _overview() -> TabFactory:
    from desktop.ui.dossier.overview_tab import create_tab

    return create_tab


def _visits() -> TabFactory:
    from desktop.ui.dossier.visits_tab import create_tab

    return create_tab


def _journal() -> TabFactory:
    from desktop.ui.dossier.journal_tab import create_tab

    return create_tab


def _cases() -> TabFactory:
    from desktop.ui.dossier.cases_tab import create_tab

    return create_tab


def _identity() -> TabFactory:
    from desktop.ui.dossier.identity_tab import create_tab

    return create_tab


def _stays() -> TabFactory:
    from desktop.ui.dossier.stays_tab import create_tab

    return create_tab


def _paperwork() -> TabFactory:
    from desktop.ui.dossier.paperwork_tab import create_tab

    return create_tab


def _assessments() -> TabFactory:
    from desktop.ui.assessment.tab import create_tab

    return create_tab


def _ecosystem() -> TabFactory:
    from desktop.ui.ecomap.tab import create_tab

    return create_tab


def _consents() -> TabFactory:
    from desktop.ui.consent.tab import create_tab

    return create_tab


def _plan() -> TabFactory:
    from desktop.ui.plan.tab import create_tab

    return create_tab


TABS: tuple[Tab, ...] = (
    Tab("overview", _overview),
    Tab("visits", _visits),
    Tab("journal", _journal),
    Tab("cases", _cases),
    Tab("identity", _identity),
    Tab("stays", _stays),
    Tab("paperwork", _paperwork),
    Tab("assessments", _assessments),
    Tab("ecosystem", _ecosystem),
    Tab("consents", _consents),
    Tab("plan", _plan),
)
