"""Settings page: the interface language (QSettings, next start) and the auto-lock delay (vault)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.domain.errors import ValidationError
from desktop.i18n import t
from desktop.services import preferences
from desktop.ui import i18n
from desktop.ui.settings_page import SettingsPage


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """QSettings go to a temporary folder, never to the developer's own settings."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


def _page(window) -> SettingsPage:  # type: ignore[no-untyped-def]
    window.show_page("settings")
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    return page


def test_language_switch_is_saved_for_next_start(main_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    assert not page.restart.isVisibleTo(page)
    page.language.setCurrentIndex(page.language.findData("nl"))
    assert i18n.settings().value("ui/language") == "nl"
    assert i18n.saved_language() == "nl"
    assert "Nederlands" in page.notice.text() and page.restart.isVisibleTo(page)
    page.language.setCurrentIndex(page.language.findData(i18n.current_language()))
    assert not page.restart.isVisibleTo(page)


def test_autolock_minutes_stored_in_vault_and_applied(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    assert page.autolock.value() == preferences.AUTOLOCK_DEFAULT
    page.autolock.setValue(25)
    assert ctx.get_setting("autolock_minutes") == 25
    assert main_window.idle.timer.interval() == 25 * 60_000
    page.autolock.setValue(500)  # the spin box keeps it within range
    assert ctx.get_setting("autolock_minutes") == preferences.AUTOLOCK_MAX


@pytest.mark.parametrize("value", [0, 121, "ten", ""])
def test_invalid_autolock_changes_nothing(ctx, value) -> None:  # type: ignore[no-untyped-def]
    preferences.set_autolock_minutes(ctx, 15)
    with pytest.raises(ValidationError) as err:
        preferences.set_autolock_minutes(ctx, value)
    assert err.value.code == "autolock.range"
    assert preferences.autolock_minutes(ctx) == 15


def test_case_manager_phone_email_and_organisation_saved_in_vault(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    page.organisation.setText("ASBL Relais Namur")
    page.phone.setText("0470/12.34.56")
    page.email.setText("anne@relais.be")
    assert page.save_profile()
    assert ctx.get_setting("case_manager_phone") == "+32470123456"
    assert ctx.get_setting("organisation_name") == "ASBL Relais Namur"
    assert page.phone.text() == "0470 12 34 56"  # shown back in the national format
    # an invalid phone: the message under the field, in the UI's language, nothing stored
    page.phone.setText("12")
    page.organisation.setText("Autre")
    assert not page.save_profile()
    error = page.profile_errors["case_manager_phone"]
    assert error.isVisibleTo(page)
    assert t("phone.invalid", i18n.current_language()) in error.text()
    assert ctx.get_setting("case_manager_phone") == "+32470123456"
    assert ctx.get_setting("organisation_name") == "ASBL Relais Namur"
    # typed and not saved: a refresh of the page (a sync) leaves it; the untouched field
    # takes the stored value
    page.phone.setText("0470 12 34 56")
    page.organisation.setText("ASBL Relais Dinant")
    page.email.setText("anne@relais.be")
    page.refresh()
    assert page.organisation.text() == "ASBL Relais Dinant"
    preferences.update(ctx, {preferences.CM_EMAIL_KEY: "anne.lambert@relais.be"})
    page.refresh()
    assert page.email.text() == "anne.lambert@relais.be"
    assert page.organisation.text() == "ASBL Relais Dinant"


def test_passphrase_change_from_the_settings(main_window, qtbot, ctx, vault_dir) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.context import AppContext
    from tests.conftest import PASSPHRASE

    page = _page(main_window)
    dialog = page.change_passphrase()
    dialog.old.setText(PASSPHRASE)
    dialog.new.setText("une toute nouvelle phrase")
    dialog.repeat.setText("une autre phrase")
    dialog._ok()
    assert dialog.error.isVisibleTo(dialog) and not dialog.done_ok
    dialog.repeat.setText("une toute nouvelle phrase")
    dialog._ok()
    qtbot.waitUntil(lambda: dialog.done_ok, timeout=30_000)
    AppContext.open(vault_dir, "une toute nouvelle phrase").lock()


def test_first_contact_days_and_reassessment_after_discharge(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    """Both were only settable with `relais settings --set`: now on the page, in the vault."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLabel, QListWidgetItem

    from desktop.domain.intake import NO_FIRST_CONTACT_DAYS
    from desktop.domain.transitions import DEFAULT_REASSESS_INSTRUMENTS
    from tests.ui.test_dialog_fit import _keys_and_literals

    page = _page(main_window)
    assert page.first_contact.value() == NO_FIRST_CONTACT_DAYS
    assert page.reassess_checked() == sorted(DEFAULT_REASSESS_INSTRUMENTS)
    page.first_contact.setValue(14)
    assert preferences.no_first_contact_days(ctx) == 14
    page.first_contact.setValue(500)  # the spin box keeps it within 1..90
    assert ctx.get_setting(preferences.FIRST_CONTACT_KEY) == preferences.FIRST_CONTACT_MAX

    rows = {page.reassess.item(i).data(Qt.ItemDataRole.UserRole): page.reassess.item(i)
            for i in range(page.reassess.count())}
    assert "katz_be" in rows and rows["katz_be"].text() != "katz_be"  # named, not an id
    rows["katz_be"].setCheckState(Qt.CheckState.Unchecked)
    assert preferences.reassess_instruments(ctx) == ["complexity_grid"]
    assert page.follow_up_notice.text() == page.tr("Saved.")

    # an unknown instrument is refused by the service: said on the page, nothing stored
    bogus = QListWidgetItem("?")
    bogus.setData(Qt.ItemDataRole.UserRole, "no_such_instrument")
    bogus.setFlags(bogus.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    page.reassess.addItem(bogus)
    bogus.setCheckState(Qt.CheckState.Checked)
    assert "no_such_instrument" in page.follow_up_notice.text()
    assert preferences.reassess_instruments(ctx) == ["complexity_grid"]
    page.reassess.takeItem(page.reassess.row(bogus))

    # shown again as stored when the page comes back
    page.refresh()
    assert page.first_contact.value() == preferences.FIRST_CONTACT_MAX
    assert page.reassess_checked() == ["complexity_grid"]

    # the page still fits a small laptop
    from desktop.ui.fit import MAX_HEIGHT, MAX_WIDTH

    hint = main_window.minimumSizeHint()
    assert hint.height() <= MAX_HEIGHT and hint.width() <= MAX_WIDTH
    # its Alt+letters are its own in the window
    main_window.show()
    QApplication.processEvents()
    keys, bare = _keys_and_literals(main_window)
    assert not bare and keys, keys
    for label in page.findChildren(QLabel):
        if label.buddy() in (page.first_contact, page.reassess):
            letter = label.text()[label.text().index("&") + 1].casefold()
            assert len(keys[letter]) == 1, keys[letter]


def test_every_instrument_to_reassess_is_in_view(main_window) -> None:  # type: ignore[no-untyped-def]
    """The list showed seven and a half of its ten instruments, the page empty below it."""
    lst = _page(main_window).reassess
    assert lst.count() >= 8
    last = lst.visualItemRect(lst.item(lst.count() - 1))
    assert lst.viewport().rect().contains(last), (last, lst.viewport().rect())
    assert lst.verticalScrollBar().maximum() == 0
