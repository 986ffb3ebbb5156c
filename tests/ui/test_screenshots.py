"""`make screenshots` works offscreen: every registered shot produces a non-blank PNG of the
page or dossier tab its name promises."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tools import screenshots


def _distinct_colours(path: Path, step: int = 7) -> int:
    image = QImage(str(path))
    assert not image.isNull(), path
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) > 20:
                return len(seen)
    return len(seen)


def test_screenshots_are_produced_and_not_blank(qtbot, tmp_path: Path) -> None:
    subjects: dict[str, str] = {}
    files = screenshots.run(tmp_path, lang="fr", patients=10, subjects=subjects)
    names = {p.stem for p in files}
    assert {"today", "caseload", "dossier_overview", "dossier_visits"} <= names
    # each picture shows what its name says (a shot of the wrong tab is not blank either)
    assert {name: subjects[name] for name in ("today", "caseload", "dossier_overview",
                                              "dossier_visits", "dossier_journal")} == {
        "today": "TodayPage", "caseload": "CaseloadPage", "dossier_overview": "OverviewTab",
        "dossier_visits": "VisitsTab", "dossier_journal": "JournalTab"}
    # the case journey's later screens (issue 19), for the user guide
    assert {name: subjects.get(name) for name in (
        "dossier_paperwork", "carer_assessment_dialog", "close_dialog", "handover_dialog",
        "transfer_dialog")} == {
        "dossier_paperwork": "PaperworkTab", "carer_assessment_dialog": "CarerAssessmentDialog",
        "close_dialog": "CloseCaseDialog", "handover_dialog": "HandoverDialog",
        "transfer_dialog": "TransferDialog"}
    assert "handover_banner" in names
    # the case journey's first screens (issue 18): intake, triage, the checklist after a discharge
    assert {name: subjects.get(name) for name in (
        "intake_dialog", "triage_dialog", "discharge_checklist")} == {
        "intake_dialog": "IntakeDialog", "triage_dialog": "TriageDialog",
        "discharge_checklist": "ChecklistDialog"}
    for path in files:
        assert path.stat().st_size > 5_000, path
        assert _distinct_colours(path) > 20, f"{path.name} looks blank"
        image = QImage(str(path))
        if path.stem in ("today", "caseload") or path.stem.startswith("dossier_"):
            assert (image.width(), image.height()) == screenshots.SIZE
