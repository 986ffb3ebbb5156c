"""Views refresh only what a write touched (issue 16, item 7): the write path reports the tables
and patients it touched, the data bus carries it, and each open view refreshes only when its
patient or table is in it; a refresh keeps the selection."""

from __future__ import annotations

from desktop.services import journal, patients
from desktop.services.context import AppContext
from desktop.services.unit_of_work import Touched


def _patient(ctx: AppContext, family: str) -> str:
    return patients.add_patient(ctx, patients.PatientFields(
        family_name=family, given_name="Anne", birth_date="1940-03-02"))


def _count_refreshes(widget, name: str = "refresh") -> list[int]:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    original = getattr(widget, name)

    def counting(*args, **kw):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(*args, **kw)

    setattr(widget, name, counting)
    return calls


def test_a_write_returns_the_tables_and_patients_it_touched(ctx: AppContext) -> None:
    a = _patient(ctx, "Aerts")
    heard: list[Touched] = []
    stop = ctx.on_write(heard.append)
    result, touched = ctx.write_touched(lambda uow: 42)
    assert result == 42 and not touched  # nothing written: nothing touched, nobody told
    assert heard == []
    journal.add_note(ctx, a, "Appel de la fille.")
    assert len(heard) == 1
    assert "note" in heard[0].tables and heard[0].patients == {a}
    assert "note" in heard[0].tables_for(a) and not heard[0].tables_for("someone-else")
    stop()
    journal.add_note(ctx, a, "Deuxième appel.")
    assert len(heard) == 1  # the listener is gone


def test_a_write_to_patient_a_does_not_rebuild_patient_b_dossier(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    a, b = _patient(ctx, "Aerts"), _patient(ctx, "Bosmans")
    dossier_b = main_window.open_dossier(b)
    dossier_a = main_window.open_dossier(a)
    qtbot.wait(20)  # the audit of each opening is a write too: let its news pass
    b_tab = dossier_b.tabs.currentWidget()
    a_tab = dossier_a.tabs.currentWidget()
    b_calls, b_header = _count_refreshes(b_tab), _count_refreshes(dossier_b, "refresh_header")
    a_calls = _count_refreshes(a_tab)
    a_hidden_index = 2
    a_hidden = dossier_a.tabs.widget(a_hidden_index)  # built now, not shown
    a_hidden_calls = _count_refreshes(a_hidden)

    journal.add_note(ctx, a, "Appel du médecin traitant.")
    qtbot.waitUntil(lambda: bool(a_calls), timeout=5_000)  # A's tab on screen refreshes
    qtbot.wait(50)
    assert b_calls == [] and b_header == []  # B's dossier: untouched, not rebuilt
    assert a_hidden_calls == []  # A's hidden tab waits until it is shown
    assert a_hidden_index in dossier_a.stale_tabs
    dossier_a.tabs.setCurrentIndex(a_hidden_index)
    assert a_hidden_calls == [1]
    dossier_a.tabs.setCurrentIndex(0)
    dossier_a.tabs.setCurrentIndex(a_hidden_index)
    assert a_hidden_calls == [1]  # shown again with nothing new: no reload

    patients.edit_patient(ctx, b, patients.PatientFields(given_name="Berthe"))
    qtbot.waitUntil(lambda: bool(b_header), timeout=5_000)
    assert "Berthe" in dossier_b.windowTitle()


def test_only_the_tab_on_screen_is_built_when_a_dossier_opens(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    a = _patient(ctx, "Aerts")
    dossier = main_window.open_dossier(a)
    built = [i for i, _tab in dossier.tabs.built()]
    assert built == [0]
    assert dossier.tabs.count() > 5 and dossier.tabs.tabText(1)  # every tab has its title
    dossier.tabs.setCurrentIndex(3)
    assert [i for i, _tab in dossier.tabs.built()] == [0, 3]


def test_the_caseload_selection_survives_a_refresh(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ids = {name: _patient(ctx, name) for name in ("Aerts", "Bosmans", "Claes")}
    main_window.show_page("caseload")
    page = main_window.stack.currentWidget()
    page.refresh()
    row = next(i for i, r in enumerate(page.model.rows) if r.patient_id == ids["Bosmans"])
    page.table.selectRow(row)
    assert page.selected_patient() == ids["Bosmans"]
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    patients.add_patient(ctx, patients.PatientFields(family_name="Aaron", given_name="Zoé",
                                                     birth_date="1938-01-01"))
    qtbot.waitUntil(lambda: bool(resets), timeout=5_000)  # the list reloaded: a new row first
    assert page.model.rows[0].family_name == "Aaron"
    assert page.selected_patient() == ids["Bosmans"]
