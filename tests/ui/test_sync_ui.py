"""Sync in the UI: status bar widget, Conflicts page (before / this laptop / the other laptop;
keep this laptop's), Needs attention page."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.services import sync as sync_service
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Patient
from desktop.ui.i18n import message
from tests.e2e.sync_support import URL, Device, Server, add_shared_patient


def _conflict(ctx: AppContext, tmp_path) -> tuple[Server, Device, str]:  # type: ignore[no-untyped-def]
    """The test vault and another device edit the same field concurrently."""
    server = Server(tmp_path / "server")
    other = Device(tmp_path / "other", server, "other")
    sync_service.enroll(ctx, URL, "demo", "demo-password", transport=lambda: server.transport)
    pid = add_shared_patient(ctx, "Dupont")

    def edit(c: AppContext, city: str) -> None:
        def run(uow: UnitOfWork) -> None:
            uow.update(uow.session.get(Patient, pid), {"city": city})
        c.write(run)
    edit(ctx, "Mons")  # what both laptops start from
    sync_service.sync_now(ctx, transport=lambda: server.transport)
    other.sync()
    edit(other.ctx, "Namur")
    other.sync()
    edit(ctx, "Liège")
    sync_service.sync_now(ctx, transport=lambda: server.transport)
    return server, other, pid


def test_conflicts_page_keep_mine_queues_the_choice(main_window, ctx, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    server, other, pid = _conflict(ctx, tmp_path)
    try:
        main_window.show_page("conflicts")
        page = main_window.stack.currentWidget()
        page.refresh()
        assert page.table.rowCount() == 1
        assert page.mine.text() == "Liège" and page.theirs.text() == "Namur"
        assert page.base.text() == "Mons"  # before both changes (the README's promise)
        # named by laptop, as `relais sync --keep this-laptop|other-laptop`
        assert page.mine_label.text() == page.tr("This laptop:")
        assert page.keep_mine.text() == page.tr("Keep &this laptop's")
        assert [page.table.item(0, j).text() for j in (3, 4, 5)] == ["Mons", "Liège", "Namur"]
        page.keep_mine.click()
        assert sync_service.list_conflicts(ctx) == []
        assert ctx.read(lambda s: s.get(Patient, pid).city) == "Liège"
        assert sync_service.status(ctx).pending >= 1  # the choice goes up as an op
        sync_service.sync_now(ctx, transport=lambda: server.transport)
        other.sync()
        assert other.ctx.read(lambda s: s.get(Patient, pid).city) == "Liège"
    finally:
        other.close()
        server.close()


def test_status_widget_shows_offline_when_server_unreachable(main_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    # enrolled (state written directly), the server address does not answer
    from desktop.sync import state

    ctx.write(lambda uow: (state.put(uow.session, state.SERVER_URL, URL),
                           state.put(uow.session, state.TOKEN, "t")))
    widget = main_window.status_widgets[0]
    controller = main_window.sync_controller
    with qtbot.waitSignal(controller.finished, timeout=20_000):
        controller.sync_now()
    QApplication.processEvents()
    assert not controller.running and controller.failures == 1
    assert controller.timer.isActive()  # backoff: tried again later
    # whatever UI language an earlier test installed
    assert widget.tr("● Offline") in widget.state.text()
    assert widget.state.toolTip() == message("sync.unreachable")


def test_attention_page_lists_nothing_then_a_refused_change(main_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.storage.models import OutboxOp

    main_window.show_page("attention")
    page = main_window.stack.currentWidget()
    page.refresh()
    assert page.table.rowCount() == 0 and not page.empty.isHidden()
    # nothing to act on: no buttons, the sentence at the top of the page
    assert page.retry.isHidden() and page.discard.isHidden()
    assert page.empty.mapTo(page, page.empty.rect().topLeft()).y() < 40
    pid = add_shared_patient(ctx, "Dupont")

    def reject(uow: UnitOfWork) -> None:
        op = uow.session.query(OutboxOp).filter(OutboxOp.table_name == "patient").one()
        op.state, op.result = "rejected", {"status": "rejected", "reason": "sync.forbidden"}
    ctx.write(reject)
    page.refresh()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 4).text() == message("sync.forbidden")
    assert not page.retry.isHidden() and not page.discard.isHidden()
    page.retry.click()
    assert sync_service.needs_attention(ctx) == []
    assert pid


def test_conflicts_page_without_a_conflict_shows_no_empty_form(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    """It showed "Before both changes:", "This laptop:", an input and three greyed buttons
    around the sentence that there is no conflict."""
    main_window.resize(1366, 700)
    main_window.show_page("conflicts")
    page = main_window.stack.currentWidget()
    page.refresh()
    assert page.table.rowCount() == 0 and not page.empty.isHidden()
    assert page.detail.isHidden() and not page.edit.isVisible()
    assert page.empty.mapTo(page, page.empty.rect().topLeft()).y() < 40


def test_status_widget_names_an_unexpected_error_by_its_type(main_window) -> None:  # type: ignore[no-untyped-def]
    """A sync ending on a database error raised in the status bar (TypeError: the error's
    `params` are the statement's values, a list) and left the tooltip stale."""
    from sqlalchemy.exc import IntegrityError

    from desktop.sync import state

    ctx = main_window.ctx
    ctx.write(lambda uow: (state.put(uow.session, state.SERVER_URL, URL),
                           state.put(uow.session, state.TOKEN, "t")))
    widget = main_window.status_widgets[0]
    error = IntegrityError("INSERT INTO patient (family_name) VALUES (?)", [("Wilmotte",)],
                           Exception("UNIQUE constraint failed: patient.niss"))
    widget.refresh(error)
    assert widget.state.toolTip() == message("cli.unexpected_error", detail="IntegrityError")


def test_attention_page_shows_nothing_before_it_has_read(main_window) -> None:  # type: ignore[no-untyped-def]
    """Built, not yet refreshed: its two buttons and an empty table showed, as if there were
    refused changes to act on."""
    from desktop.ui.sync.attention_page import AttentionPage

    page = AttentionPage(main_window)
    assert all(w.isHidden() for w in (page.retry, page.discard, page.table, page.empty))


def test_a_laptop_without_a_server_connects_from_the_status_bar_and_the_settings(
        main_window, ctx, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A laptop whose first-run assistant skipped the server page had no way to a server but
    the command line: its caseload was kept nowhere else. The status bar and the settings now
    open the same enrolment as the assistant, and the first sync starts once it is done."""
    from desktop.ui.sync.enrol_dialog import EnrolDialog
    from desktop.ui.sync.labels import not_connected_text
    from server.local import LocalServer
    from tests.ui.test_first_run import check_server

    widget = main_window.status_widgets[0]
    assert widget.button.isEnabled() and widget.button.text() == widget.tr("Connect to a server…")
    for key in ("conflicts", "attention"):  # not "the server accepted every change"
        main_window.show_page(key)
        page = main_window.stack.currentWidget()
        page.refresh()
        assert page.empty.isVisibleTo(page) and page.empty.text() == not_connected_text()
    main_window.show_page("settings")
    settings = main_window.stack.currentWidget()
    settings.refresh()
    assert settings.connect_button.isVisibleTo(settings)
    assert "Not connected" in settings.server_state.text()
    widget.button.click()
    dialog = next(d for d in main_window.findChildren(EnrolDialog) if d.isVisible())
    form = dialog.form
    with LocalServer(tmp_path / "server") as server:
        check_server(qtbot, form, server.url, "demo", "demo-password")
        with qtbot.waitSignal(main_window.sync_controller.finished, timeout=30_000):
            form.matches.click()  # enrolled, then the first sync at once
        assert form.enrolled and sync_service.is_enrolled(ctx)
        assert sync_service.status(ctx).last_sync_at is not None
    dialog.reject()
    QApplication.processEvents()
    assert widget.button.text() == widget.tr("Sync now")
    assert widget.button.shortcut().toString() == "F5"
    settings.refresh()
    assert server.url in settings.server_state.text()
    assert not settings.connect_button.isVisibleTo(settings)
    main_window.show_page("conflicts")
    page = main_window.stack.currentWidget()
    page.refresh()
    assert page.empty.text() == page.tr("No conflicts: every change was merged.")
