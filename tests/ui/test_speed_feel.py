"""What a person feels at the unlock and when a dossier opens (issue 16): Today paints its frame,
then its sections as the task manager delivers them; the other pages are built when first shown
and the Audit page is listed once its check ran off the GUI thread; the status bar follows
Today; a dossier's header paints its text first and the badges that need their own reads just
after."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.services import today
from desktop.services.context import AppContext
from desktop.ui.caseload_page import CaseloadPage
from desktop.ui.main_window import page_titles
from desktop.ui.pages import PAGE_KEYS
from desktop.ui.today_page import TodayPage
from tests.gdpr_data import make_patient

AUDIT = "audit"


def _window(ctx: AppContext, vault_dir, qtbot):  # type: ignore[no-untyped-def]
    """A window made here, not by the fixture: pytest-qt runs the event loop once after the
    fixtures are set up, and what must not have happened yet could have by then."""
    from desktop.ui.app import make_app
    from desktop.ui.main_window import MainWindow

    make_app()
    window = MainWindow(vault_dir, ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _titles(page: TodayPage) -> list[str]:
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]


def test_today_data_tells_each_section_as_it_is_read(ctx: AppContext) -> None:
    make_patient(ctx, "Sections")
    heard: list[tuple[str, tuple[today.TodayItem, ...]]] = []
    data = today.today_data(ctx, on_section=lambda key, items: heard.append((key, items)))
    keys = [key for key, _items in heard]
    assert keys[:2] == ["visits_today", "visits_week"]  # what the day starts with, first
    assert len(keys) == len(set(keys))
    for key, items in heard:  # each told once, the same as the result
        assert data.sections[key] == items
    assert any(items for _key, items in heard)


def test_today_paints_its_frame_then_its_sections(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    d = make_patient(ctx, "Progressive")  # no contact for 30 days: an overdue follow-up
    page = main_window.page(0)
    assert isinstance(page, TodayPage)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
        # the frame at once: the day and every section's title, their counts to come
        assert page.is_loading()
        assert page.title.text()
        titles = _titles(page)
        assert len(titles) == len(page.section_titles())
        assert all(t.endswith("(…)") for t in titles)
    assert not page.is_loading()
    assert not any(t.endswith("(…)") for t in _titles(page))
    overdue = page.tops["overdue"]
    assert overdue.text(0).endswith(f"({len(page.items('overdue'))})")
    assert d.patient_id in [overdue.child(i).data(0, 0x0100) for i in range(overdue.childCount())]


def test_today_keeps_its_rows_and_the_selection_while_it_reads_again(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    d = make_patient(ctx, "Keeprow")
    page = main_window.page(0)
    page.refresh()
    assert page.wait_loaded()
    overdue = page.tops["overdue"]
    mine = [overdue.child(i) for i in range(overdue.childCount())
            if overdue.child(i).data(0, 0x0100) == d.patient_id]
    page.tree.setCurrentItem(mine[0])
    count = overdue.childCount()
    page.refresh()
    assert overdue.text(0).endswith("(…)") and overdue.childCount() == count  # no blank page
    assert page.wait_loaded()
    assert page.tree.currentItem().data(0, 0x0100) == d.patient_id  # chosen again


def test_a_newer_refresh_replaces_the_read_in_progress(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = main_window.page(0)
    page.refresh()
    first = page.task
    page.refresh()
    assert first.cancelled and page.task is not first
    assert page.wait_loaded()
    assert not any(t.endswith("(…)") for t in _titles(page))


def test_only_today_is_built_at_the_unlock(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = main_window
    assert [window.page_keys[row] for row, _page in window.built_pages()] == [PAGE_KEYS[0]]
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    titles = page_titles()
    assert texts == [titles[name] for name in window.page_keys]  # listed under their titles
    window.show_page("caseload")
    assert isinstance(window.stack.currentWidget(), CaseloadPage)
    assert [window.page_keys[row] for row, _page in window.built_pages()] == \
        [PAGE_KEYS[0], "caseload"]
    assert len(window.pages) == window.nav.count() == window.stack.count()  # code asking: all


def test_the_audit_page_is_listed_once_its_check_ran(ctx, vault_dir, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window(ctx, vault_dir, qtbot)
    title = page_titles()[AUDIT]

    def texts() -> list[str]:
        return [window.nav.item(i).text() for i in range(window.nav.count())]

    assert title not in texts()  # decided off the GUI thread (a laptop not enrolled: shown)
    qtbot.waitUntil(lambda: title in texts(), timeout=10_000)
    row = texts().index(title)
    assert row == PAGE_KEYS.index(AUDIT)
    assert window.nav.currentRow() == 0 and isinstance(window.stack.currentWidget(), TodayPage)
    window.nav.setCurrentRow(row)
    assert type(window.stack.currentWidget()).__name__ == "AuditPage"


def test_the_status_bar_follows_today(ctx, vault_dir, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.sync.status_widget import SyncStatusWidget

    window = _window(ctx, vault_dir, qtbot)
    assert not window.statusBar().findChildren(SyncStatusWidget)
    qtbot.waitUntil(lambda: bool(window.statusBar().findChildren(SyncStatusWidget)),
                    timeout=10_000)
    assert not window.page(0).is_loading()


def test_the_header_paints_its_text_then_the_badges_that_need_reads(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    d = make_patient(ctx, "Header")
    dossier = main_window.open_dossier(d.patient_id)
    header = dossier.header
    assert "HEADER" in header.name.text() and header.identity.text()
    assert header.findChild(QLabel, "visibility") is None  # not before the first paint
    qtbot.waitUntil(lambda: header.findChild(QLabel, "visibility") is not None, timeout=5_000)
    badges = [header.badges.itemAt(i).widget() for i in range(header.badges.count())]
    assert badges.index(header.visibility) > 0  # after the case status, made with the text


def test_code_asking_for_the_badges_gets_them_at_once(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    d = make_patient(ctx, "Asking")
    header = main_window.open_dossier(d.patient_id).header
    assert header.visibility is not None  # made now for whoever asks
    assert header.findChild(QLabel, "visibility") is header.visibility
    count = header.badges.count()
    header.update()
    qtbot.wait(50)
    assert header.badges.count() == count  # not made twice


def test_the_overview_names_the_earliest_planned_visit(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import cases, visits

    d = make_patient(ctx, "Nextvisit")
    cid = cases.list_cases(ctx, d.patient_id)[0].id
    visits.plan_visit(ctx, cid, kind="phone", start="2026-12-04T10:00")
    visits.plan_visit(ctx, cid, kind="home_visit", start="2026-11-30T14:30")
    overview = main_window.open_dossier(d.patient_id).tabs.currentWidget()
    assert "30/11/2026 14:30" in overview.summary.text()
    assert "04/12/2026" not in overview.summary.text()


def test_the_overview_dates_the_status_from_its_change_not_the_opening(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    """"Dossier stabilisé depuis le 21/02/2026" named the day the case was opened; it was
    stabilised in November."""
    from desktop.services import cases
    from desktop.services.cases import RequestFields
    from desktop.services.patients import PatientFields, add_patient

    pid = add_patient(ctx, PatientFields(family_name="Stable", given_name="Rita"))
    cid = cases.open_case(ctx, pid, RequestFields(requester_type="gp", request_reason="Chutes",
                                                  request_date="2026-02-20"),
                          opened_on="2026-02-21")
    cases.change_status(ctx, cid, "assessing", on="2026-03-02")
    cases.change_status(ctx, cid, "active", on="2026-04-10")
    cases.change_status(ctx, cid, "stabilised", on="2026-11-18")
    overview = main_window.open_dossier(pid).tabs.currentWidget()
    first = overview.summary.text().splitlines()[0]
    assert "stabilised since 18/11/2026 (opened on 21/02/2026)" in first, first


def test_the_header_says_when_another_record_has_the_same_niss(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    """Two laptops registered the same person; once synced, each dossier says so."""
    import datetime as dt

    from PySide6.QtCore import QCoreApplication

    from desktop.domain.niss import make_niss
    from desktop.storage.models import Patient

    niss = make_niss(dt.date(1941, 2, 3), 12)
    ids = ctx.write(lambda uow: [uow.add(Patient, family_name="Dupont", given_name=given,
                                         niss=niss, city="Namur").id
                                 for given in ("Marie", "Maria")])  # as a pull stores them
    header = main_window.open_dossier(ids[0]).header
    badges = [header.badges.itemAt(i).widget() for i in range(header.badges.count())]
    label = QCoreApplication.translate("CaseLabels", "Same NISS as another record")
    same = [b for b in badges if b.text() == label]
    assert len(same) == 1 and "DUPONT Maria (Namur)" in same[0].toolTip()
