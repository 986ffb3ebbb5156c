"""The pages and dossier tabs are listed by loaders (built when first shown, issue 16): each
loader must import its module and give its factory, or a broken import would only show when a
person clicks; the tables themselves import no page or tab module (the unlock stays fast)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.ui.dossier.lazy_tabs import _titles as tab_titles
from desktop.ui.dossier.tabs import TABS, Tab
from desktop.ui.main_window import page_titles
from desktop.ui.pages import PAGES, Page


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.key)
def test_every_page_loader_gives_its_page_factory(page: Page) -> None:
    assert callable(page.load()), page.key


@pytest.mark.parametrize("tab", TABS, ids=lambda t: t.key)
def test_every_tab_loader_gives_its_tab_factory(tab: Tab) -> None:
    assert callable(tab.load()), tab.key


def test_keys_are_unique_and_every_one_is_listed_under_a_title_before_it_is_built() -> None:
    assert len({p.key for p in PAGES}) == len(PAGES)
    assert len({t.key for t in TABS}) == len(TABS)
    assert set(page_titles()) == {p.key for p in PAGES}
    assert set(tab_titles()) == {t.key for t in TABS}


def test_the_tables_import_no_page_or_tab() -> None:
    code = ("import sys\n"
            "import desktop.ui.pages, desktop.ui.dossier.tabs\n"
            "from desktop.ui.pages import PAGES\n"
            "from desktop.ui.dossier.tabs import TABS\n"
            "loaded = [m for m in sys.modules if m.endswith(('_page', '_tab', '.tab'))]\n"
            "print(loaded)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
