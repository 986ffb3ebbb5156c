"""The Qt binding itself: PySide6 6.12.0's processEvents released one reference to None per call,
so a long test worker (pytest-qt's waits call it constantly) or a screenshot run died with
"Fatal Python error: none_dealloc". requirements.lock pins a release without that bug."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from desktop.ui.app import make_app


def test_process_events_leaves_none_refcount_alone() -> None:
    make_app()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        QApplication.processEvents()
    # a faulty binding loses exactly one reference per call (-2,000); other code moves it little
    assert sys.getrefcount(None) - before > -500
