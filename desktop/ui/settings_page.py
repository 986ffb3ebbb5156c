"""Settings: the organisation and the case manager's phone and e-mail (printed on the patient's
handout), the passphrase, auto-lock minutes (all in the vault) and the interface language
(QSettings, applied at the next start)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError
from desktop.i18n import LANGUAGES
from desktop.services import preferences, sync_status, vault_admin
from desktop.ui.draft_guard import follow_stored
from desktop.ui.first_run.language_page import AUTONYMS
from desktop.ui.i18n import current_language, error_message, saved_language, settings
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

ERROR_STYLE = "color: #a4000f"


class SettingsPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._profile_box())
        layout.addWidget(self._follow_up_box())
        layout.addWidget(self._server_box())
        form = QFormLayout()
        self.language = QComboBox()
        for lang in LANGUAGES:
            self.language.addItem(AUTONYMS[lang], lang)  # each language named in itself
        self.language.setProperty("relais_autonym", True)
        self.language.setAccessibleName(self.tr("Interface language"))
        language_label = QLabel(self.tr("Interface &language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.autolock = QSpinBox()
        self.autolock.setRange(preferences.AUTOLOCK_MIN, preferences.AUTOLOCK_MAX)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setAccessibleName(self.tr("Lock automatically after this many minutes "
                                                "without activity"))
        autolock_label = QLabel(self.tr("&Auto-lock after:"))
        autolock_label.setBuddy(self.autolock)
        form.addRow(autolock_label, self.autolock)
        self.passphrase_button = QPushButton(self.tr("Change the &passphrase…"))
        self.passphrase_button.clicked.connect(lambda: self.change_passphrase())
        form.addRow("", self.passphrase_button)
        layout.addLayout(form)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.restart = QPushButton(self.tr("&Restart Relais now"))
        self.restart.clicked.connect(self.restart_app)
        self.restart.hide()
        layout.addWidget(self.restart)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self.language_changed)
        self.autolock.editingFinished.connect(self.save_autolock)
        self.autolock.valueChanged.connect(self.save_autolock)
        self.refresh()

    def _profile_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Printed on the patient's handout"))
        form = QFormLayout(box)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(120)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 0470 12 34 56"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("e.g. name@organisation.be"))
        self.profile_errors: dict[str, QLabel] = {}
        self.profile_loaded: dict[str, str] = {}  # the stored values, when last shown
        for key, edit, text in (
                (preferences.ORGANISATION_KEY, self.organisation, self.tr("&Organisation:")),
                (preferences.CM_PHONE_KEY, self.phone, self.tr("Case manager's p&hone:")),
                (preferences.CM_EMAIL_KEY, self.email, self.tr("Case manager's &e-mail:"))):
            label = QLabel(text)
            label.setBuddy(edit)
            edit.setAccessibleName(label.text().replace("&", "").rstrip(" :"))
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.profile_errors[key] = error
            column = QVBoxLayout()
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(label, column)
        row = QHBoxLayout()
        self.save_profile_button = QPushButton(self.tr("&Save"))
        self.save_profile_button.clicked.connect(lambda: self.save_profile())
        self.profile_notice = QLabel()
        row.addWidget(self.save_profile_button)
        row.addWidget(self.profile_notice, 1)
        form.addRow("", row)
        return box

    def _profile_edits(self) -> dict[str, QLineEdit]:
        return {"organisation": self.organisation, "phone": self.phone, "email": self.email}

    def _server_box(self) -> QGroupBox:
        """Which server this laptop syncs with; a laptop that skipped the assistant's server
        page connects here (its caseload is kept nowhere else until then)."""
        box = QGroupBox(self.tr("Organisation's server"))
        row = QHBoxLayout(box)
        self.server_state = QLabel()
        self.server_state.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("Co&nnect to a server…"))
        self.connect_button.clicked.connect(lambda: self.connect_server())
        row.addWidget(self.server_state, 1)
        row.addWidget(self.connect_button)
        return box

    def connect_server(self) -> QDialog:
        from desktop.ui.sync.enrol_dialog import connect_to_server

        return connect_to_server(self.window_)

    def _follow_up_box(self) -> QGroupBox:
        """Today's warning for requests without a first contact, and the instruments proposed
        for a re-assessment after a hospital discharge (both in the vault)."""
        from desktop.services.instruments import catalog

        box = QGroupBox(self.tr("Follow-up"))
        form = QFormLayout(box)
        self.first_contact = QSpinBox()
        self.first_contact.setRange(preferences.FIRST_CONTACT_MIN, preferences.FIRST_CONTACT_MAX)
        self.first_contact.setSuffix(self.tr(" days"))
        self.first_contact.setAccessibleName(self.tr("Today flags a request still without a "
                                                     "first contact after this many days"))
        label = QLabel(self.tr("No first &contact, flag after:"))
        label.setBuddy(self.first_contact)
        form.addRow(label, self.first_contact)
        self.reassess = QListWidget()
        self.reassess.setAccessibleName(self.tr("Instruments proposed after a hospital "
                                                "discharge"))
        lang = current_language()
        for iid, defn in sorted(catalog(None).items()):
            title = defn.title.get(lang) or defn.title.get("en") or iid
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, iid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.reassess.addItem(item)
        # every instrument in view (it showed seven and a half of ten), up to twelve
        rows = min(self.reassess.count(), 12)
        self.reassess.setFixedHeight(rows * max(1, self.reassess.sizeHintForRow(0))
                                     + 2 * self.reassess.frameWidth() + 2)
        label = QLabel(self.tr("Re-assess after a hospital &discharge:"))
        label.setBuddy(self.reassess)  # one line: wrapped, its colon fell alone on a third one
        form.addRow(label, self.reassess)
        self.follow_up_notice = QLabel()
        self.follow_up_notice.setWordWrap(True)
        form.addRow("", self.follow_up_notice)
        self.first_contact.valueChanged.connect(lambda _v: self.save_follow_up())
        self.reassess.itemChanged.connect(lambda _i: self.save_follow_up())
        return box

    def reassess_checked(self) -> list[str]:
        return [str(self.reassess.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.reassess.count())
                if self.reassess.item(i).checkState() == Qt.CheckState.Checked]

    def save_follow_up(self) -> bool:
        """Store both settings (validated by the service); an invalid value changes nothing."""
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return False
        try:
            preferences.update(ctx, {
                preferences.FIRST_CONTACT_KEY: self.first_contact.value(),
                preferences.REASSESS_KEY: ",".join(self.reassess_checked())})
        except DomainError as exc:
            self.follow_up_notice.setStyleSheet(ERROR_STYLE)
            self.follow_up_notice.setText(error_message(exc))
            return False
        self.follow_up_notice.setStyleSheet("")
        self.follow_up_notice.setText(self.tr("Saved."))
        return True

    def refresh(self) -> None:
        ctx = self.window_.ctx
        self.language.blockSignals(True)
        self.language.setCurrentIndex(LANGUAGES.index(saved_language()))
        self.language.blockSignals(False)
        if ctx is not None and not ctx.is_locked:
            self.autolock.blockSignals(True)
            self.autolock.setValue(preferences.autolock_minutes(ctx))
            self.autolock.blockSignals(False)
            st = sync_status.status(ctx)
            self.server_state.setText(
                self.tr("Connected to {server} as {user}.").format(server=st.server_url or "",
                                                                    user=st.user or "")
                if st.enrolled else self.tr("Not connected: your caseload is kept on this "
                                            "computer only, and shared with no one."))
            self.connect_button.setVisible(not st.enrolled)
            p = preferences.profile(ctx)
            # typed and not saved: a refresh (a sync) leaves it on screen
            self.profile_loaded = follow_stored(
                self._profile_edits(), {"organisation": p.organisation_name or "",
                                        "phone": p.phone_display or "",
                                        "email": p.case_manager_email or ""},
                self.profile_loaded)
            for error in self.profile_errors.values():
                error.hide()
            self.first_contact.blockSignals(True)
            self.first_contact.setValue(preferences.no_first_contact_days(ctx))
            self.first_contact.blockSignals(False)
            chosen = set(preferences.reassess_instruments(ctx))
            self.reassess.blockSignals(True)
            for i in range(self.reassess.count()):
                item = self.reassess.item(i)
                item.setCheckState(Qt.CheckState.Checked
                                   if item.data(Qt.ItemDataRole.UserRole) in chosen
                                   else Qt.CheckState.Unchecked)
            self.reassess.blockSignals(False)
            self.follow_up_notice.setText("")

    def save_profile(self) -> bool:
        """Store the three fields; an invalid one is shown under its field, nothing stored."""
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return False
        for error in self.profile_errors.values():
            error.hide()
        try:
            preferences.update(ctx, {preferences.ORGANISATION_KEY: self.organisation.text(),
                                     preferences.CM_PHONE_KEY: self.phone.text(),
                                     preferences.CM_EMAIL_KEY: self.email.text()})
        except DomainError as exc:
            for err in getattr(exc, "errors", [exc]):
                label = self.profile_errors.get(err.field or "")
                if label is not None:
                    label.setText(error_message(err))
                    label.show()
            self.profile_notice.setText("")
            return False
        # saved: what is on screen is loaded, so the stored form (a phone number as it is
        # written) replaces it
        self.profile_loaded = {n: e.text() for n, e in self._profile_edits().items()}
        self.refresh()
        self.profile_notice.setText(self.tr("Saved."))
        return True

    def change_passphrase(self) -> QDialog:
        dialog = PassphraseDialog(self, self.window_.folder)
        dialog.open()
        return dialog

    def language_changed(self) -> None:
        lang = self.language.currentData()
        settings().setValue("ui/language", lang)
        if lang == current_language():
            self.notice.setText("")
            self.restart.hide()
            return
        # Every window is built in one language; the new one applies from the next start.
        self.notice.setText(self.tr("Relais will use %1 from its next start.")
                            .replace("%1", AUTONYMS[lang]))
        self.restart.show()

    def save_autolock(self) -> None:
        ctx = self.window_.ctx
        if ctx is None or ctx.is_locked:
            return
        try:
            minutes = preferences.set_autolock_minutes(ctx, self.autolock.value())
        except DomainError as exc:
            self.notice.setText(error_message(exc))
            return
        self.window_.idle.set_timeout_ms(minutes * 60_000)

    def restart_app(self) -> None:
        """Lock (nothing unsaved stays open), start a new Relais, quit this one."""
        program = sys.executable
        args = [] if getattr(sys, "frozen", False) else ["-m", "desktop"]
        self.window_.close()  # closing locks the vault
        QProcess.startDetached(program, args)
        QApplication.quit()


class PassphraseDialog(QDialog):
    """Current passphrase, new one twice; the vault's key is re-wrapped on a worker (slow KDF)."""

    def __init__(self, parent: QWidget, folder: Path) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Change the passphrase"))
        form = QFormLayout(self)
        self.old, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, text in ((self.old, self.tr("&Current passphrase:")),
                           (self.new, self.tr("&New passphrase:")),
                           (self.repeat, self.tr("&Repeat the new passphrase:"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel(text)
            label.setBuddy(edit)
            edit.setAccessibleName(label.text().replace("&", "").rstrip(" :"))
            form.addRow(label, edit)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.done_ok = False

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.buttons.setEnabled(True)

    def _ok(self) -> None:
        old, new = self.old.text(), self.new.text()
        if new != self.repeat.text():
            self._show_error(self.tr("The two new passphrases differ."))
            return
        try:
            vault_admin.check_new_passphrase(new)
        except DomainError as exc:
            self._show_error(error_message(exc))
            return
        self.buttons.setEnabled(False)
        self.error.hide()

        def failed(exc: BaseException) -> None:
            self._show_error(error_message(exc) if isinstance(exc, DomainError)
                             else type(exc).__name__)

        run_in_background(self, lambda: vault_admin.change_passphrase(self.folder, old, new),
                          lambda _r: self._changed(), failed)

    def _changed(self) -> None:
        self.done_ok = True
        self.accept()


def create_page(window: MainWindow) -> QWidget:
    return SettingsPage(window)
