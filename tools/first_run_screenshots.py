"""Screenshots of the first-run assistant and the settings page, for the user guide. Registered
in tools.screenshots.SHOTS (`make screenshots`)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any


def _wait(condition: Any, seconds: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("screenshot: the assistant did not move on")
        QApplication.processEvents()
        time.sleep(0.01)


def shot_first_run(s: Any) -> None:
    from PySide6.QtGui import QDesktopServices

    from desktop.services import first_run
    from desktop.ui.first_run.wizard import FirstRunWizard

    with tempfile.TemporaryDirectory(prefix="relais-shots-first-run-") as tmp:
        wiz = FirstRunWizard(Path(tmp) / "vault")
        wiz.resize(760, 600)
        wiz.show()
        s.settle()

        def save(name: str) -> None:
            path = s.out / f"{name}.png"
            s.capture(wiz).save(str(path))
            s.saved.append(path)

        try:
            save("first_run_language")
            wiz.next()
            page = wiz.vault_page
            page.name.setText("Anne Lambert")
            page.passphrase.setText("le chat dort sur la chaise bleue")
            page.repeat.setText("le chat dort sur la chaise bleue")
            save("first_run_vault")
            wiz.next()
            _wait(lambda: wiz.currentPage() is wiz.recovery_page)
            save("first_run_recovery")
            opened = QDesktopServices.openUrl
            QDesktopServices.openUrl = lambda url: True  # type: ignore[method-assign]
            try:
                wiz.recovery_page.confirm.setChecked(True)
                wiz.next()
                wiz.enrol_page.wanted.setChecked(True)
                wiz.enrol_page.form.server.setText("https://relais.example.org:8443")
                wiz.enrol_page.form.user.setText("alambert")
                save("first_run_enrol")
                wiz.enrol_page.wanted.setChecked(False)
                wiz.next()
                save("first_run_tour")
            finally:
                QDesktopServices.openUrl = opened  # type: ignore[method-assign]
        finally:
            wiz.reject()  # the screenshot vault is thrown away like a cancelled first run
            first_run.abandon_vault(wiz.ctx, wiz.pending)


def shot_settings(s: Any) -> None:
    s.page("settings")
    s.save("settings", s.window)


def shot_dossier_steps(s: Any) -> None:
    """The dossier tabs the user guide walks through after the first visit."""
    dossier = s.window.open_dossier(s.busiest_patient())
    names = {"AssessmentTab": "dossier_assessments", "EcosystemTab": "dossier_ecosystem",
             "ConsentsTab": "dossier_consents", "PlanTab": "dossier_plan"}
    try:
        for i in range(dossier.tabs.count()):
            name = names.get(type(dossier.tabs.widget(i)).__name__)
            if name is not None:
                dossier.tabs.setCurrentIndex(i)
                s.save(name, dossier)
    finally:
        dossier.close()
