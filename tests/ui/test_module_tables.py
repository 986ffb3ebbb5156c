"""The pages and dossier tabs are listed by module name (built when first shown, issue 16): each
name must import and give its factory, or a typo would only show when a person clicks."""

from __future__ import annotations

from importlib import import_module

import pytest

from desktop.ui.dossier.tabs import TAB_MODULES
from desktop.ui.pages import PAGE_MODULES


@pytest.mark.parametrize("name", PAGE_MODULES)
def test_every_page_module_gives_its_page(name: str) -> None:
    assert callable(getattr(import_module(name), "create_page", None)), name


@pytest.mark.parametrize("name", TAB_MODULES)
def test_every_tab_module_gives_its_tab(name: str) -> None:
    assert callable(getattr(import_module(name), "create_tab", None)), name
