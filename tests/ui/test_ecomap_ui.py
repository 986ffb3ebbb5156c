"""The ecomap editor (pytest-qt): drag a node and find it where it was left after locking and
reopening the vault; add a stressful tie from the map and see it hatched; keyboard access."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop.domain.contacts import ContactFields
from desktop.domain.ecomap import TieFields
from desktop.services import contacts, ecosystem
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from tests.conftest import PASSPHRASE, TODAY


def _tab(qtbot, ctx: AppContext, pid: str):  # type: ignore[no-untyped-def]
    from desktop.ui.app import make_app
    from desktop.ui.bus import DataBus
    from desktop.ui.ecomap.tab import create_tab

    make_app()
    dossier = SimpleNamespace(ctx=ctx, patient_id=pid, bus=DataBus())
    tab = create_tab(dossier)
    qtbot.addWidget(tab)
    tab.resize(1100, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    return tab


def _ecosystem(ctx: AppContext) -> str:
    pid = add_patient(ctx, PatientFields(family_name="Dupont", given_name="Jeanne"))
    gp = contacts.add_contact(ctx, ContactFields(kind="gp", family_name="Claes",
                                                 given_name="Anne", phones=["081 22 33 44"]))
    ecosystem.link(ctx, pid, gp, TieFields(is_gp=True, strength="strong"))
    for name, kind in (("Thomas", "family"), ("Léa", "informal_carer"), ("Robert", "friend")):
        ecosystem.add_contact_and_link(ctx, pid, ContactFields(kind=kind, given_name=name,
                                                               family_name="Dupont"))
    ecosystem.add_contact_and_link(ctx, pid, ContactFields(kind="cpas", organisation="CPAS",
                                                           is_organisation=True))
    return pid


def _drag(view, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 6
    for i in range(1, steps + 1):
        p = start + (end - start) * i / steps
        QTest.mouseMove(viewport, p)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_dragged_node_stays_after_lock_and_reopen(qtbot, ctx: AppContext, vault_dir) -> None:  # type: ignore[no-untyped-def]
    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    scene, view = tab.map.scene, tab.map.view
    tie_id = next(t.id for t in tab.map.data.ties if t.label == "Robert Dupont")
    node = scene.nodes[tie_id]
    before = node.offset()
    start = view.mapFromScene(node.scenePos())
    _drag(view, start, start + QPoint(-90, 70))
    qtbot.waitUntil(lambda: ecosystem.ecomap_data(ctx, pid).tie(tie_id).pinned is not None)
    stored = ecosystem.ecomap_data(ctx, pid).tie(tie_id).pinned
    assert stored is not None and stored != before
    tab.close()

    ctx.lock()
    reopened = AppContext.open(vault_dir, PASSPHRASE, today=lambda: TODAY)
    try:
        again = _tab(qtbot, reopened, pid)
        assert again.map.scene.nodes[tie_id].offset() == stored
        again.close()
    finally:
        reopened.lock()


def test_keyboard_reaches_and_moves_every_node(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    scene, view = tab.map.scene, tab.map.view
    view.setFocus()
    seen = []
    for _ in scene.nodes:
        QTest.keyClick(view, Qt.Key.Key_Tab)
        seen.append(scene.focusItem().tie_id)
    assert sorted(seen) == sorted(scene.nodes)
    node = scene.focusItem()
    before = node.offset()
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: ecosystem.ecomap_data(ctx, pid).tie(node.tie_id).pinned
                    == (before[0] + 20, before[1]))


def test_add_a_stressful_tie_from_the_map(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.ecomap import dialogs

    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    before = set(tab.map.scene.nodes)

    def fill_and_save(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.new.setChecked(True)
        form = dialog.contact_form
        form.kind.setCurrentIndex(form.kind.findData("neighbour"))
        form.given_name.setText("Mme Renard")
        form.phones.setText("0470 12 34 56")
        tie = dialog.tie_form
        tie.quality.setCurrentIndex(tie.quality.findData("stressful"))
        tie.strength.setCurrentIndex(tie.strength.findData("tenuous"))
        tie.role.setText("voisine")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.TieDialog, "exec", fill_and_save)
    tab.map.add_action.trigger()
    (new_id,) = set(tab.map.scene.nodes) - before
    edge = tab.map.scene.edges[new_id]
    assert edge.tie.quality == "stressful" and edge.marks() > 3  # drawn crossed (hatched)
    assert all(edge.marks() == 0 for tid, edge in tab.map.scene.edges.items() if tid != new_id)
    # the hatching is really painted: crossing strokes in the tie's red across the line
    from PySide6.QtGui import QImage, QPainter

    rect = edge.boundingRect()
    image = QImage(int(rect.width()) + 1, int(rect.height()) + 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(-rect.topLeft())
    edge.paint(painter, None)  # type: ignore[arg-type]
    painter.end()
    assert edge.hatch_count == edge.marks()
    reds = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).red() > 150 and image.pixelColor(x, y).green() < 90)
    assert reds > 40


def test_invalid_phone_shows_inline_and_saves_nothing(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.ecomap import dialogs

    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    count = len(tab.map.data.ties)
    seen = {}

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.new.setChecked(True)
        dialog.contact_form.given_name.setText("Marc")
        dialog.contact_form.phones.setText("12")
        dialog._accept()
        seen["error"] = dialog.contact_form.form.errors["phones"]
        return dialog.result()

    monkeypatch.setattr(dialogs.TieDialog, "exec", fill)
    tab.map.add_action.trigger()
    assert not seen["error"].isHidden() and seen["error"].text()
    assert len(ecosystem.ecomap_data(ctx, pid).ties) == count


def test_compare_and_who_does_what(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    pid = _ecosystem(ctx)
    ecosystem.save_snapshot(ctx, pid)
    tie = ecosystem.ecomap_data(ctx, pid).ties[0]
    ecosystem.edit_tie(ctx, tie.id, TieFields(quality="stressful"))
    tab = _tab(qtbot, ctx, pid)
    tab.pages.setCurrentWidget(tab.compare)
    # the last saved map and today's are compared as the page opens, without a click
    qtbot.waitUntil(lambda: tab.compare.changes.count() > 0, timeout=5_000)
    texts = [tab.compare.changes.item(i).text() for i in range(tab.compare.changes.count())]
    assert any(tie.label in t for t in texts)
    assert tab.compare.right_scene.nodes[tie.id].mark == "changed"
    # the list as tall as its lines: the maps keep the rest (it took 130 pixels for one line)
    changes = tab.compare.changes
    qtbot.wait(10)
    assert changes.verticalScrollBar().maximum() == 0
    assert changes.height() < 3 * changes.sizeHintForRow(0) + 2 * changes.frameWidth() + 8
    tab.pages.setCurrentWidget(tab.who)
    names = {tab.who.table.item(r, 0).text() for r in range(tab.who.table.rowCount())}
    assert any(n.startswith("Anne Claes") for n in names) and len(names) == 5
    shown = [tab.who.table.item(r, 0).text() for r in range(tab.who.table.rowCount())]
    assert shown == sorted(names)  # A to Z before any click (Qt's first sort went Z to A)


def test_directory_finds_and_merges_duplicates(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.app import make_app
    from desktop.ui.bus import DataBus
    from desktop.ui.ecomap.directory_page import create_page

    pid = _ecosystem(ctx)
    dup = contacts.add_contact(ctx, ContactFields(kind="gp", family_name="CLAES",
                                                  given_name="Anne", phones=["+3281223344"]))
    other_patient = add_patient(ctx, PatientFields(family_name="Martin", given_name="Paul"))
    ecosystem.link(ctx, other_patient, dup, TieFields(is_gp=True))
    make_app()
    page = create_page(SimpleNamespace(ctx=ctx, bus=DataBus()))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.table.rowCount() == 3  # two GP entries and the CPAS; no private persons
    shown = [page.table.item(r, 0).text() for r in range(3)]
    assert shown == sorted(shown, key=str.casefold) and shown != sorted(shown, reverse=True)
    page.find_duplicates()
    assert page.dups.rowCount() == 1
    page.dups.selectRow(0)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[0].click() or 0)
    page.merge_selected()
    assert page.table.rowCount() == 2
    gp_rows = [c for c in contacts.list_contacts(ctx) if c.kind == "gp"]
    assert len(gp_rows) == 1 and gp_rows[0].links == 2
    for patient in (pid, other_patient):
        assert [t.contact_id for t in ecosystem.ecomap_data(ctx, patient).ties
                if t.is_gp] == [gp_rows[0].id]


def test_tab_and_page_are_registered_in_the_shell(qtbot, main_window, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.ecomap.directory_page import DirectoryPage
    from desktop.ui.ecomap.tab import EcosystemTab

    pid = _ecosystem(ctx)
    assert any(isinstance(p, DirectoryPage) for p in main_window.pages)
    dossier = main_window.open_dossier(pid)
    tabs = dossier.tabs
    index = next(i for i in range(tabs.count()) if isinstance(tabs.widget(i), EcosystemTab))
    tabs.setCurrentIndex(index)
    tab = tabs.widget(index)
    assert len(tab.map.scene.nodes) == 5
    dossier.close()


def test_edit_the_contact_from_the_map(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.ecomap import dialogs

    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    tie = next(t for t in tab.map.data.ties if t.kind == "gp")
    tab.map.scene.setFocusItem(tab.map.scene.nodes[tie.id])

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.contact.availability.setText("pas le mercredi")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.ContactDialog, "exec", fill)
    tab.map.contact_action.trigger()
    assert contacts.get_contact(ctx, tie.contact_id).availability == "pas le mercredi"
    assert ecosystem.ecomap_data(ctx, pid).tie(tie.id).availability == "pas le mercredi"


def test_directory_refuses_to_delete_a_linked_contact(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.app import make_app
    from desktop.ui.bus import DataBus
    from desktop.ui.ecomap.directory_page import create_page

    _ecosystem(ctx)
    unused = contacts.add_contact(ctx, ContactFields(kind="meals", organisation="Repas",
                                                     is_organisation=True))
    make_app()
    page = create_page(SimpleNamespace(ctx=ctx, bus=DataBus()))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    rows = {page.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r
            for r in range(page.table.rowCount())}
    linked = next(c.id for c in contacts.list_contacts(ctx) if c.links)
    page.table.selectRow(rows[linked])
    page.delete_contact()
    assert page.status.text() and contacts.get_contact(ctx, linked)
    page.table.selectRow(rows[unused])
    page.delete_contact()
    assert unused not in {c.id for c in contacts.list_contacts(ctx)}


def test_an_action_on_nobody_says_how_to_choose_someone(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """"Modifier le lien", "Retirer de l'écocarte"… clicked with nobody chosen did nothing at
    all; they now say how to choose a person, and act once one is chosen."""
    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    page = tab.map
    page.scene.clearFocus()
    page.scene.clearSelection()
    hint = page.tr("Select a person on the map first (a click, or Tab).")
    for action in (page.edit_action, page.contact_action, page.remove_action,
                   page.consent_action):
        page.status.setText("")
        action.trigger()
        assert page.status.text() == hint, action.text()
    assert len(ecosystem.ecomap_data(ctx, pid).ties) == 5  # nothing removed


def test_adding_a_person_opens_where_the_person_is_named(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """The dialog opened in the tie's "Rôle", at the top of the right-hand column: a hurried
    case manager typed the neighbour's name as her role. It opens on the directory's list, or
    on the new contact's name; switching between the two follows."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.ecomap.dialogs import TieDialog

    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    for choices in ([], contacts.list_contacts(ctx)):
        dialog = TieDialog(tab, lambda *_: None, choices=choices)
        dialog.show()
        QApplication.processEvents()
        expected = dialog.existing if choices else dialog.contact_form.family_name
        assert dialog.focusWidget() is expected, dialog.focusWidget()
        if choices:
            dialog.new.setChecked(True)
            QApplication.processEvents()
            assert dialog.focusWidget() is dialog.contact_form.family_name
        dialog.done(0)


def test_ctrl_s_saves_a_person_added_to_the_map(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+S saved the case forms and did nothing in the ecomap's person (the dialog stayed
    open on what was typed): it presses a dialog's Save button wherever it has one."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.ecomap.dialogs import TieDialog

    pid = _ecosystem(ctx)
    tab = _tab(qtbot, ctx, pid)
    saved: list[object] = []
    dialog = TieDialog(tab, lambda who, tie: saved.append((who, tie)) or "tie-id", choices=[])
    dialog.show()
    QApplication.processEvents()
    qtbot.keyClicks(dialog.contact_form.family_name, "Dethier")
    qtbot.keyClick(dialog.contact_form.family_name, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert len(saved) == 1 and not dialog.isVisible()


def test_the_first_person_added_is_in_sight(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """The empty map was fitted to the patient alone; the first person added went below the
    view's edge, cut in half, and the case manager had to find "Tout voir"."""
    from PySide6.QtWidgets import QApplication, QWidget

    pid = add_patient(ctx, PatientFields(family_name="Dethier", given_name="Marie"))
    tab = _tab(qtbot, ctx, pid)
    tab.resize(1340, 470)  # a map's room on a small laptop with large fonts
    tab.map.view.fit()
    qtbot.wait(50)  # the first fit
    v = tab.map.view
    print("DBG0", v.sceneRect(), v.verticalScrollBar().value(), v.verticalScrollBar().maximum(), v.viewport().rect(), v.transform().m11())
    _, tie_id = ecosystem.add_contact_and_link(ctx, pid, ContactFields(
        kind="family", family_name="Dethier", given_name="Sophie"), TieFields(role="fille"))
    other = QWidget()  # the dialog just closed: the map's window is not the active one yet
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    QApplication.processEvents()
    tab.changed(focus=tie_id)
    qtbot.wait(50)
    QApplication.processEvents()
    view = tab.map.view
    node = tab.map.scene.nodes[tie_id]
    shown = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
    print("DBG1", view.sceneRect(), view.verticalScrollBar().value(), view.verticalScrollBar().maximum(), shown)
    assert view.viewport().rect().contains(shown), (shown, view.viewport().rect())


def test_the_maps_keys_work_as_soon_as_its_tab_is_chosen(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+A (add a person) did nothing after a click on the Ecosystem tab: the
    keyboard was still elsewhere and the map's keys work only inside it."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    pid = add_patient(ctx, PatientFields(family_name="Dethier", given_name="Marie"))
    holder = QWidget()
    qtbot.addWidget(holder)
    box = QVBoxLayout(holder)
    elsewhere = QLineEdit()
    box.addWidget(elsewhere)
    tab = _tab(qtbot, ctx, pid)
    tab.hide()
    box.addWidget(tab)
    holder.show()
    elsewhere.setFocus()
    QApplication.processEvents()
    tab.show()  # its tab chosen
    QApplication.processEvents()
    assert tab.map.isAncestorOf(holder.focusWidget()), holder.focusWidget()
    tab.setParent(None)  # qtbot closes it on its own


def test_an_empty_directory_says_what_it_holds(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """A daughter added on a patient's map, then the Directory: an empty table and no word of
    why (family is private to the patient's map), nor of a search that matched nobody."""
    from desktop.ui.app import make_app
    from desktop.ui.bus import DataBus
    from desktop.ui.ecomap.directory_page import create_page

    pid = add_patient(ctx, PatientFields(family_name="Dethier", given_name="Marie"))
    ecosystem.add_contact_and_link(ctx, pid, ContactFields(
        kind="family", family_name="Dethier", given_name="Sophie"), TieFields(role="fille"))
    make_app()
    page = create_page(SimpleNamespace(ctx=ctx, bus=DataBus()))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.table.rowCount() == 0 and page.empty.isVisible()
    assert "ecomap" in page.empty.text()
    contacts.add_contact(ctx, ContactFields(kind="gp", family_name="Goffin",
                                            given_name="Brigitte"))
    page.refresh()
    assert page.table.rowCount() == 1 and not page.empty.isVisible()
    page.search.setText("zzz")
    page.refresh()
    assert page.empty.isVisible() and "zzz" in page.empty.text()
