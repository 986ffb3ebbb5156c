"""The ecomap on screen with 25 people: at "Fit" (Tout voir) and at the furthest zoom out, every
name and role stays at 9 pt or more on screen (the map scrolls instead), and the count of people
follows an addition."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolButton

from desktop.domain.contacts import ContactFields
from desktop.domain.ecomap import TieFields
from desktop.domain.ecomap_layout import NAME_SIZE, ROLE_SIZE
from desktop.services import ecosystem
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from tests.ui.test_ecomap_ui import _tab

KINDS = ("family", "friend", "nurse", "physio", "pharmacist", "cpas", "meals", "neighbour",
         "home_help", "specialist", "informal_carer", "social_worker")


def _crowded(ctx: AppContext, people: int = 25) -> str:
    pid = add_patient(ctx, PatientFields(family_name="Dupont", given_name="Jeanne"))
    for i in range(people):
        ecosystem.add_contact_and_link(
            ctx, pid, ContactFields(kind=KINDS[i % len(KINDS)], given_name=f"Prénom{i}",
                                    family_name=f"Vandenberghe-{i}"),
            TieFields(role=f"rôle {i}"))
    return pid


def _points_on_screen(view, size: float) -> float:  # type: ignore[no-untyped-def]
    """How tall `size` scene units of text are on the screen, in points."""
    pixels = view.viewportTransform().mapRect(QRectF(0, 0, size, size)).height()
    return float(pixels * 72.0 / view.screen().logicalDotsPerInchY())


def _action(page, shortcut: str):  # type: ignore[no-untyped-def]
    return next(a for a in page.actions() if a.shortcut() == QKeySequence(shortcut))


def test_names_stay_readable_at_fit_and_when_zooming_out(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    pid = _crowded(ctx)
    tab = _tab(qtbot, ctx, pid)
    tab.resize(1366, 700)  # the smallest laptop screen Relais is used on
    page, view = tab.map, tab.map.view
    assert len(page.scene.nodes) == 25
    _action(page, "Ctrl+0").trigger()  # "Tout voir"
    smallest = min(NAME_SIZE, ROLE_SIZE)
    assert _points_on_screen(view, NAME_SIZE) >= 9.0
    assert _points_on_screen(view, smallest) >= 9.0 - 1e-6
    # the map scrolls rather than shrink; it opens on the patient
    assert view.horizontalScrollBar().maximum() > 0 or view.verticalScrollBar().maximum() > 0
    lay = page.scene.lay
    assert view.viewport().rect().contains(view.mapFromScene(lay.cx, lay.cy))
    for _ in range(12):
        _action(page, "Ctrl+-").trigger()
    assert _points_on_screen(view, smallest) >= 9.0 - 1e-6
    _action(page, "Ctrl++").trigger()
    assert _points_on_screen(view, smallest) > 9.0  # zooming in still works


def test_a_small_map_fits_whole_and_readable(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    pid = _crowded(ctx, people=4)
    tab = _tab(qtbot, ctx, pid)
    tab.resize(1366, 700)
    view = tab.map.view
    view.fit()
    assert _points_on_screen(view, min(NAME_SIZE, ROLE_SIZE)) >= 9.0 - 1e-6
    port = view.viewport().rect()
    for node in tab.map.scene.nodes.values():
        assert port.contains(view.mapFromScene(node.sceneBoundingRect()).boundingRect())


def test_the_count_of_people_follows_an_addition(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.ecomap import dialogs

    pid = _crowded(ctx, people=6)
    tab = _tab(qtbot, ctx, pid)
    assert tab.map.count_label.text().endswith(": 6")

    def fill_and_save(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.new.setChecked(True)
        form = dialog.contact_form
        form.kind.setCurrentIndex(form.kind.findData("neighbour"))
        form.given_name.setText("Mme Renard")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.TieDialog, "exec", fill_and_save)
    tab.map.add_action.trigger()
    assert len(tab.map.scene.nodes) == 7
    assert tab.map.count_label.text().endswith(": 7")


def test_the_map_opens_centred_on_the_patient_in_the_dossier(main_window, qtbot,  # type: ignore[no-untyped-def]
                                                             ctx: AppContext) -> None:
    """Opened from the dossier's tab on a small laptop, the first fit is made at the size the
    view ends up with: the patient in the middle, not at the edge of a map cut in half."""
    from desktop.ui.ecomap.tab import EcosystemTab

    pid = _crowded(ctx, people=12)
    dossier = main_window.open_dossier(pid)
    dossier.show()
    qtbot.waitExposed(dossier)
    dossier.resize(1366, 700)  # as a window manager sizes it once shown
    qtbot.wait(50)
    index = next(i for i in range(dossier.tabs.count())
                 if isinstance(dossier.tabs.widget(i), EcosystemTab))
    ecosystem_tab = dossier.tabs.widget(index)
    tab = ecosystem_tab.map
    view = tab.view
    ecosystem_tab.refresh()  # its data ready while hidden, as the dossier loads it
    view.resize(1541, 59)  # what a view not laid out yet measured on an X screen
    dossier.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: tab.data is not None and view.isVisible(), timeout=5_000)
    for _ in range(5):
        qtbot.wait(20)
    lay = tab.scene.lay
    centre, port = view.mapFromScene(lay.cx, lay.cy), view.viewport().rect()
    assert abs(centre.x() - port.center().x()) < port.width() * 0.2, (centre, port)
    assert abs(centre.y() - port.center().y()) < port.height() * 0.2, (centre, port)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_small_map_fits_whole_in_the_dossier_on_a_small_laptop(
        main_window, qtbot, ctx: AppContext, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A dossier maximised on a 1366×768 laptop (about 700 pixels under the title bar and the
    panel): a map of six people, as most are, shows whole at "Tout voir" with its names at 9 pt
    or more — the actions on one row, the legend beside the map rather than under it."""
    from desktop.ui.ecomap.tab import EcosystemTab
    from desktop.ui.i18n import install_language

    install_language(lang)
    try:
        pid = _crowded(ctx, people=6)
        dossier = main_window.open_dossier(pid)
        dossier.show()
        qtbot.waitExposed(dossier)
        dossier.resize(1366, 700)
        index = next(i for i in range(dossier.tabs.count())
                     if isinstance(dossier.tabs.widget(i), EcosystemTab))
        dossier.tabs.setCurrentIndex(index)
        page = dossier.tabs.widget(index).map
        qtbot.waitUntil(lambda: page.data is not None and page.view.isVisible(), timeout=5_000)
        qtbot.wait(50)
        toolbar_row = {w.geometry().top() for w in page.toolbar.findChildren(QToolButton)
                       if w.isVisibleTo(page.toolbar)}
        assert len(toolbar_row) == 1, "the map's actions wrap onto a second row"
        view = page.view
        view.fit()
        assert _points_on_screen(view, min(NAME_SIZE, ROLE_SIZE)) >= 9.0 - 1e-6
        port = view.viewport().rect()
        for node in page.scene.nodes.values():
            assert port.contains(view.mapFromScene(node.sceneBoundingRect()).boundingRect()), \
                node.tie_id
    finally:
        install_language("fr")
