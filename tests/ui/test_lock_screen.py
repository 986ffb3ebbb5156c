"""The locked window: its message stays readable beside the unlock dialog."""

from __future__ import annotations

from PySide6.QtCore import QRect


def test_the_unlock_dialog_does_not_cover_the_locked_message(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(1366, 698)  # a laptop's screen less the title bar and the panel
    main_window.lock()
    dialog = main_window.unlock_dialog
    qtbot.waitUntil(dialog.isVisible)
    label = main_window.locked_label
    assert main_window.centralWidget() is main_window.locked_view
    qtbot.waitUntil(lambda: label.width() > 1300)  # laid out across the window
    metrics = label.fontMetrics()
    text = metrics.boundingRect(QRect(label.contentsRect()), int(label.alignment()),
                                label.text())
    on_screen = QRect(label.mapToGlobal(text.topLeft()), text.size())
    assert not on_screen.intersects(dialog.frameGeometry()), (on_screen, dialog.frameGeometry())


def test_escape_on_the_lock_screen_keeps_relais_open_and_locked(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Locked while the case manager was away, the unlock dialog's Escape closed Relais; at
    start-up it still means "do not open"."""
    main_window.show()
    main_window.lock()
    dialog = main_window.unlock_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()  # Escape
    qtbot.waitUntil(lambda: main_window.unlock_button.isVisible())
    assert main_window.isVisible() and main_window.ctx.is_locked
    assert main_window.centralWidget() is main_window.locked_view
    main_window.unlock_button.click()  # asks again
    again = main_window.unlock_dialog
    assert again is not dialog
    qtbot.waitUntil(again.isVisible)
    assert not main_window.unlock_button.isVisible()
    from tests.conftest import PASSPHRASE

    qtbot.keyClicks(again.passphrase, PASSPHRASE)
    again.try_unlock()
    qtbot.waitUntil(lambda: not main_window.ctx.is_locked and len(main_window.pages) > 0)
