"""A search keystroke repaints the list without fitting the columns again (issue 16, item 4):
fitting measures every row; it is done when the filters change or the window is resized."""

from __future__ import annotations

from desktop.services import cases, patients
from desktop.services.cases import RequestFields


def test_typing_in_the_search_keeps_the_column_widths(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    for family in ("Aerts", "Bosmans", "Claes"):
        pid = patients.add_patient(ctx, patients.PatientFields(
            family_name=family, given_name="Anne", birth_date="1940-03-02", city="Namur"))
        cases.open_case(ctx, pid, RequestFields(requester_type="gp", request_reason="Aide",
                                                request_date="2026-06-01"), opened_on="2026-06-01")
    main_window.show_page("caseload")
    page = main_window.stack.currentWidget()
    page.refresh()
    header = page.table.horizontalHeader()
    header.resizeSection(2, 333)  # the person widened the town column
    for text in ("B", "Bo", "Bos"):
        page.search.setText(text)
        page.refresh()
        assert header.sectionSize(2) == 333
    assert [r.family_name for r in page.model.rows] == ["Bosmans"]
    page.sort.setCurrentIndex((page.sort.currentIndex() + 1) % page.sort.count())
    page.refresh()  # another filter: the columns are fitted to the rows again
    assert header.sectionSize(2) != 333
