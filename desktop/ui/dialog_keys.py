"""Ctrl+Enter saves any dialog, from any field (a notes box keeps plain Enter for new lines);
Ctrl+S presses a dialog's Save button.

One application-wide event filter (installed by `desktop.ui.accessibility`) rather than a
shortcut in each dialog, so a new dialog has it too: Ctrl+Enter presses the dialog's Save/OK
(accept-role) button, or else its default button, or a wizard's Next/Finish; Ctrl+S only a
button that says Save (a "Yes" is not pressed by it). Ctrl+S worked in the case forms, which
have their own shortcut, and did nothing in the others (the ecomap's person, a contact…). A
disabled button stays unpressed (a form that cannot be saved yet says why). A window with its
own shortcut (the assessment form's "Complete") keeps it: shortcuts are served before this
filter sees the key."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QWidget,
    QWizard,
)

ACCEPT_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole,
                QDialogButtonBox.ButtonRole.ApplyRole)


def accept_button(dialog: QDialog) -> QAbstractButton | None:
    """The button Ctrl+Enter presses in `dialog` (None when it has nothing to save)."""
    if isinstance(dialog, QWizard):
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.CommitButton,
                      QWizard.WizardButton.NextButton):
            button = dialog.button(which)
            if button is not None and button.isVisible():
                return button
        return None
    for box in dialog.findChildren(QDialogButtonBox):
        if box.window() is not dialog or not box.isVisibleTo(dialog):
            continue
        for role in ACCEPT_ROLES:
            for button in box.buttons():
                if box.buttonRole(button) == role and button.isVisibleTo(dialog):
                    return button
    for push in dialog.findChildren(QPushButton):  # a dialog without a button box
        if push.isDefault() and push.isVisibleTo(dialog) and push.window() is dialog:
            return push
    return None


def save_button(dialog: QDialog) -> QAbstractButton | None:
    """The Save button Ctrl+S presses in `dialog` (None: it has none)."""
    for box in dialog.findChildren(QDialogButtonBox):
        button = box.button(QDialogButtonBox.StandardButton.Save)
        if button is not None and box.window() is dialog and button.isVisibleTo(dialog):
            return button
    return None


class CtrlEnterAccepts(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        dialog = watched.window()
        if not isinstance(dialog, QDialog):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Save):
            button = save_button(dialog)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and mods == Qt.KeyboardModifier.ControlModifier:
            button = accept_button(dialog)
        else:
            return False
        if button is None:
            return False
        if button.isEnabled():
            button.click()
        return True


_filter = CtrlEnterAccepts()
_installed: set[int] = set()


def install(app: QApplication) -> None:
    if id(app) not in _installed:
        app.installEventFilter(_filter)
        _installed.add(id(app))
