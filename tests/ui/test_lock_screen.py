"""The locked window: its message stays readable beside the unlock dialog."""

from __future__ import annotations

from PySide6.QtCore import QRect


def test_the_unlock_dialog_does_not_cover_the_locked_message(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(1366, 698)  # a laptop's screen less the title bar and the panel
    main_window.lock()
    dialog = main_window.unlock_dialog
    qtbot.waitUntil(dialog.isVisible)
    label = main_window.locked_view
    assert main_window.centralWidget() is label
    qtbot.waitUntil(lambda: label.width() > 1300)  # laid out across the window
    metrics = label.fontMetrics()
    text = metrics.boundingRect(QRect(label.contentsRect()), int(label.alignment()),
                                label.text())
    on_screen = QRect(label.mapToGlobal(text.topLeft()), text.size())
    assert not on_screen.intersects(dialog.frameGeometry()), (on_screen, dialog.frameGeometry())
