"""Background jobs: a result for a widget that is gone is dropped (closing a dossier while its
handout prints raised "Internal C++ object (QLabel) already deleted")."""

from __future__ import annotations

import threading
from pathlib import Path

import shiboken6

from desktop.services import documents
from desktop.ui import workers
from desktop.ui.plan.tab import PlanTab
from tests.unit.plan_scenario import make_scenario


def _plan_tab(dossier) -> PlanTab:  # type: ignore[no-untyped-def]
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), PlanTab):
            return dossier.tabs.widget(i)
    raise AssertionError("no Plan tab")


def test_closing_the_dossier_while_the_handout_prints_drops_the_result(
        main_window, qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    dossier = main_window.open_dossier(sc.patient_id)
    tab = _plan_tab(dossier)
    tab.open_after_print = False
    release, started = threading.Event(), threading.Event()
    out = tmp_path / "fiche.pdf"

    def slow_handout(path: str) -> Path:
        started.set()
        release.wait()  # the job is still running when the dossier closes
        return documents.write_handout(ctx, sc.patient_id, path)

    before = set(workers._jobs)
    tab._print(slow_handout, str(out), "fiche.pdf")  # the Plan tab's own printing path
    job_ids = set(workers._jobs) - before
    assert len(job_ids) == 1
    qtbot.waitUntil(started.is_set, timeout=10_000)

    dossier.close()  # WA_DeleteOnClose: the tab and its status label go
    qtbot.waitUntil(lambda: not shiboken6.isValid(tab), timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not job_ids & set(workers._jobs), timeout=30_000)
    # no exception reached Qt (pytest-qt fails the test otherwise); the PDF was still written
    assert out.exists()


def test_every_job_checks_its_receiver(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Not only printing: any job whose parent widget died before the end delivers nothing,
    errors included; a living parent gets its result."""
    from PySide6.QtWidgets import QWidget

    got: list[object] = []
    gone, kept = QWidget(), QWidget()
    qtbot.addWidget(kept)
    release = threading.Event()

    def boom() -> None:
        release.wait()
        raise ValueError("late")

    before = set(workers._jobs)
    cancel_gone = workers.run_in_background(gone, boom, got.append, got.append)
    workers.run_in_background(kept, lambda: (release.wait(), 42)[1], got.append)
    ids = set(workers._jobs) - before
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone), timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not ids & set(workers._jobs), timeout=10_000)
    assert got == [42]
    assert cancel_gone.is_set()
