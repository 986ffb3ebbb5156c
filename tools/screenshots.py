"""Offscreen screenshots of the app on a demo vault, for reviewers: `make screenshots`
(`python -m tools.screenshots OUT_DIR [--lang fr|nl|en] [--patients N]`).

A registry: each function in SHOTS takes a `Shooter` (main window, context, output) and saves
one or more PNGs with `shooter.save(name, widget)`. Other areas append their own functions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEMO_TODAY = dt.date(2026, 11, 23)  # a Monday: the week has visits ahead
SIZE = (1366, 768)  # the smallest screen the app must be usable on


@dataclass
class Shooter:
    window: Any  # MainWindow
    ctx: Any  # AppContext
    out: Path
    saved: list[Path] = field(default_factory=list)
    subjects: dict[str, str] = field(default_factory=dict)  # shot name → what it shows

    def settle(self) -> None:
        from PySide6.QtWidgets import QApplication

        for _ in range(3):
            QApplication.processEvents()

    def capture(self, widget: Any) -> Any:
        """The widget as a person sees it: on a real X screen (`make screenshots` runs one through
        tools.xsession) the whole screen with the window manager's frame and panel; offscreen the
        widget alone."""
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() != "xcb":
            self.settle()
            return widget.grab()
        widget.show()
        widget.raise_()
        widget.activateWindow()
        deadline = time.monotonic() + 0.8  # the window manager maps and frames the window
        while time.monotonic() < deadline:
            self.settle()
            time.sleep(0.05)
        return QGuiApplication.primaryScreen().grabWindow(0)

    def save(self, name: str, widget: Any) -> Path:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() == "xcb" and widget.isWindow():
            widget.showMaximized()  # as on the laptop: the work area left by title bar and panel
        else:
            if widget.isMaximized():  # offscreen, a maximised window keeps the screen's size
                widget.showNormal()
            widget.resize(*SIZE)
        path = self.out / f"{name}.png"
        self.subjects[name] = _subject(widget)
        if not self.capture(widget).save(str(path)):
            raise OSError(f"cannot write {path}")
        self.saved.append(path)
        return path

    def page(self, module: str) -> Any:
        self.window.show_page(module)
        self.settle()
        return self.window.stack.currentWidget()

    def busiest_patient(self) -> str:
        """A patient with a visit today (richest dossier to show)."""
        from desktop.services import today

        items = today.today_data(self.ctx).visits_today or today.today_data(self.ctx).visits_week
        return items[0].patient_id


def _subject(widget: Any) -> str:
    """The class of what a shot shows: a dossier's current tab, a window's current page."""
    for holder in ("tabs", "stack"):
        inner = getattr(widget, holder, None)
        if inner is not None and hasattr(inner, "currentWidget"):
            return type(inner.currentWidget()).__name__
    return type(widget).__name__


def shot_today(s: Shooter) -> None:
    s.page("today")
    s.save("today", s.window)


def shot_caseload(s: Shooter) -> None:
    page = s.page("caseload")
    page.refresh()
    s.save("caseload", s.window)


def shot_indicators(s: Shooter) -> None:
    page = s.page("indicators")
    page.refresh()
    deadline = time.monotonic() + 60  # computed on the task manager
    while page.is_busy() and time.monotonic() < deadline:
        s.settle()
        time.sleep(0.02)
    s.save("indicators", s.window)


def shot_dossier(s: Shooter) -> None:
    dossier = s.window.open_dossier(s.busiest_patient())
    names = {"OverviewTab": "dossier_overview", "VisitsTab": "dossier_visits",
             "JournalTab": "dossier_journal", "CasesTab": "dossier_cases",
             "IdentityTab": "dossier_identity"}
    for i in range(dossier.tabs.count()):
        tab = dossier.tabs.widget(i)
        name = names.get(type(tab).__name__)
        if name is None:
            continue
        dossier.tabs.setCurrentIndex(i)
        if name == "dossier_visits" and tab.tree.topLevelItemCount():
            tab.tree.setCurrentItem(tab.tree.topLevelItem(min(1, tab.tree.topLevelItemCount() - 1)))
        s.save(name, dossier)


def shot_visit_dialog(s: Shooter) -> None:
    from desktop.ui.dossier.visits_tab import VisitsTab

    dossier = s.window.open_dossier(s.busiest_patient())
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), VisitsTab))
    dossier.tabs.setCurrentWidget(tab)
    planned = next((v for v in tab.rows if v.status == "planned"), None)
    if planned is not None:
        tab.select_visit(planned.id)
        dialog = tab.record()
        if dialog is not None:
            dialog.notes.setPlainText("Visite avec la fille. Deux chutes ce mois-ci ; "
                                      "kiné à organiser, rappeler le médecin traitant.")
            path = s.out / "visit_record_dialog.png"
            s.capture(dialog).save(str(path))
            s.saved.append(path)
            guard = getattr(dialog, "draft_guard", None)
            if guard is not None:  # a screenshot must not leave a draft behind
                guard.saved()
            dialog.done(0)
    dossier.close()


def shot_hospital(s: Shooter) -> None:
    """The Hospital tab of a patient back from hospital (the transition checklist)."""
    from desktop.services import patients, stays, today
    from desktop.ui.dossier.stays_tab import StaysTab

    recent = today.today_data(s.ctx).recent_stays
    # a recent discharge shows its checklist under way; else any patient back from hospital
    pid = recent[0].patient_id if recent else next(
        (p.id for p in patients.list_patients(s.ctx)
         if any(v.discharged_on for v in stays.list_stays(s.ctx, p.id))), None)
    if pid is None:
        print("no hospital stay in the demo: dossier_hospital.png not taken", file=sys.stderr)
        return
    dossier = s.window.open_dossier(pid)
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), StaysTab):
            dossier.tabs.setCurrentIndex(i)
            s.save("dossier_hospital", dossier)
    dossier.close()


SHOTS: list[Callable[[Shooter], None]] = [
    shot_today,
    shot_caseload,
    shot_indicators,
    shot_dossier,
    shot_visit_dialog,
    shot_hospital,
]

from tools.first_run_screenshots import shot_dossier_steps, shot_first_run, shot_settings  # noqa: E402

SHOTS += [shot_first_run, shot_settings, shot_dossier_steps]

from tools.case_journey_screenshots import (  # noqa: E402
    shot_carer_assessment,
    shot_close_and_transfer,
    shot_handover,
    shot_paperwork,
)
from tools.intake_screenshots import (  # noqa: E402
    add_stability_events,
    shot_discharge_checklist,
    shot_intake_and_triage,
)

SHOTS.insert(0, add_stability_events)  # before the dossier shots: the header's trend badge
# the handover stores (then removes) the sync enrolment: keep it last
SHOTS += [shot_paperwork, shot_carer_assessment, shot_close_and_transfer,
          shot_intake_and_triage, shot_discharge_checklist, shot_handover]


def run(out: Path, *, lang: str = "fr", patients: int = 40, seed: int = 7,
        subjects: dict[str, str] | None = None) -> list[Path]:
    """Create a demo vault in a temporary folder, take every shot into `out`, return the files
    (and, into `subjects`, the class of what each shot shows)."""
    previous = os.environ.get("RELAIS_LANG")
    os.environ["RELAIS_LANG"] = lang
    try:
        shooter = _shoot(out, lang, patients, seed)
        if subjects is not None:
            subjects.update(shooter.subjects)
        return shooter.saved
    finally:
        # The language is process-wide: leave it as found so callers (tests) keep theirs.
        if previous is None:
            os.environ.pop("RELAIS_LANG", None)
        else:
            os.environ["RELAIS_LANG"] = previous
        from desktop.i18n import user_language
        from desktop.ui.i18n import install_language

        install_language(user_language())


def _shoot(out: Path, lang: str, patients: int = 40, seed: int = 7) -> Shooter:
    from desktop import demo
    from desktop.services.context import AppContext
    from desktop.ui.app import make_app
    from desktop.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="relais-shots-") as tmp:
        folder = Path(tmp) / "vault"
        ctx, _ = AppContext.create(folder, "demo passphrase", user_name="Anne Lambert",
                                   today=lambda: DEMO_TODAY, throwaway=True)  # cheap KDF
        demo.generate(ctx, patients, seed=seed)
        window = MainWindow(folder, ctx)
        window.resize(*SIZE)
        window.show()
        shooter = Shooter(window, ctx, out)
        try:
            for shot in SHOTS:
                shot(shooter)
        finally:
            window.close()
            app.processEvents()
    return shooter


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots")
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--lang", default="fr", choices=["fr", "nl", "en"])
    parser.add_argument("--patients", type=int, default=40)
    args = parser.parse_args(argv)
    for path in run(Path(args.out), lang=args.lang, patients=args.patients):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
