"""Create a vault → unlock → caseload shows demo patients → idle → data hidden, unlock asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop import demo
from desktop.ui.app import make_app
from desktop.ui.caseload_page import CaseloadPage
from desktop.ui.dialogs.create_vault import CreateVaultDialog
from desktop.ui.dialogs.unlock import UnlockDialog
from desktop.ui.main_window import MainWindow

PASS = "une phrase assez longue"


def _visible_texts(widget) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractItemView

    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None:
            for r in range(model.rowCount()):
                texts.append(str(model.index(r, 0).data()))
    return "\n".join(texts)


def test_create_unlock_caseload_idle_lock(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_app()
    folder = tmp_path / "vault"
    shown_keys: list[str] = []
    monkeypatch.setattr(CreateVaultDialog, "show_recovery_key", lambda self, key: shown_keys.append(key))

    create = CreateVaultDialog(folder)
    qtbot.addWidget(create)
    qtbot.keyClicks(create.name, "Anne Lambert")
    qtbot.keyClicks(create.passphrase, PASS)
    qtbot.keyClicks(create.repeat, PASS + "x")
    create.create_vault()
    assert create.error.isVisibleTo(create) and create.ctx is None  # mismatch refused
    create.repeat.clear()
    qtbot.keyClicks(create.repeat, PASS)
    create.create_vault()
    assert create.ctx is not None and len(shown_keys) == 1
    demo.generate(create.ctx, 8, seed=3)
    create.ctx.lock()

    window = MainWindow(folder)
    qtbot.addWidget(window)
    QApplication.instance().installEventFilter(window.idle)  # type: ignore[union-attr]
    window.show()
    unlock = UnlockDialog(folder, window)
    unlock.try_unlock()  # Enter before typing: asked to type, no attempt made
    assert unlock.task is None and not unlock.busy.isVisibleTo(unlock)
    assert unlock.error.text() == unlock.tr("Type your passphrase, then press Enter.")
    qtbot.keyClicks(unlock.passphrase, "wrong passphrase")
    unlock.try_unlock()  # the KDF runs in the background: the dialog says so and stays alive
    assert unlock.busy.isVisibleTo(unlock) and not unlock.unlock_button.isEnabled()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: unlock.error.isVisibleTo(unlock), timeout=30_000)
    timer.stop()
    assert ticks  # the GUI thread kept running events while Argon2id worked
    assert unlock.ctx is None and not unlock.busy.isVisibleTo(unlock)
    qtbot.keyClicks(unlock.passphrase, PASS)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: unlock.ctx is not None, timeout=30_000)
    window.set_context(unlock.ctx)

    window.show_page("caseload")
    page = next(p for p in window.pages if isinstance(p, CaseloadPage))
    qtbot.waitUntil(lambda: page.model.rowCount() == 8)
    names = [f"{r.family_name.upper()} {r.given_name}" for r in page.model.rows]
    qtbot.waitUntil(lambda: names[0] in _visible_texts(window))

    window.idle.set_timeout_ms(200)
    qtbot.waitUntil(lambda: window.ctx.is_locked, timeout=5000)
    assert not any(n in _visible_texts(window) for n in names)
    assert window.centralWidget() is window.locked_view
    qtbot.waitUntil(lambda: isinstance(getattr(window, "unlock_dialog", None), UnlockDialog)
                    and window.unlock_dialog.isVisible())
    # unlocking again shows the caseload again
    qtbot.keyClicks(window.unlock_dialog.passphrase, PASS)
    window.unlock_dialog.try_unlock()
    qtbot.waitUntil(lambda: not window.ctx.is_locked and len(window.pages) > 0)
    window.idle.stop()
    window.close()


def test_ctrl_l_locks(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main_window.ctx.is_locked)
    main_window.unlock_dialog.reject()
