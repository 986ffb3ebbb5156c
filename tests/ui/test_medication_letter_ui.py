"""The "Letter for the review…" button of the medication list (issue 19, item 2) at 1366×768:
enabled once a medicine is marked for review, the dialog (fit, the question, a refusal said
inline), and the PDF saved in the background and audited."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from desktop.services import cases, medication
from desktop.services.patients import PatientFields, add_patient
from desktop.storage.models import AuditEvent
from desktop.ui.dossier.paperwork_dialogs import ReviewLetterDialog
from desktop.ui.dossier.paperwork_tab import PaperworkTab
from desktop.ui.fit import MAX_HEIGHT


def test_review_letter_button(main_window, qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = add_patient(ctx, PatientFields(family_name="Lenoir", given_name="Paul",
                                         birth_date="1941-05-04"))
    cases.open_case(ctx, pid, cases.RequestFields(requester_type="gp",
                                                  request_reason="Isolement"), status="active")
    a = medication.add_medication(ctx, pid, "Furosémide", dose="40 mg", schedule="le matin",
                                  source="patient")
    b = medication.add_medication(ctx, pid, "Zolpidem", dose="10 mg", source="patient")
    dossier = main_window.open_dossier(pid)
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), PaperworkTab))
    dossier.tabs.setCurrentWidget(tab)
    assert not tab.letter_button.isEnabled()  # nothing marked for review
    medication.request_review(ctx, a, "pharmacist")
    medication.request_review(ctx, b, "gp")
    tab.refresh()
    assert tab.letter_button.isEnabled()

    dialog = tab.review_letter()
    assert isinstance(dialog, ReviewLetterDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.adjustSize()
    assert dialog.height() <= MAX_HEIGHT and dialog.width() <= 1366
    assert dialog.draft_guard is not None  # the question is drafted
    # no GP of record: refused inline, the dialog stays open with the question
    dialog.to.setCurrentIndex(dialog.to.findData("gp"))
    dialog.question.setPlainText("Peut-on avancer la prise du matin ?")
    assert not dialog.try_save()
    assert dialog.isVisible()
    dialog.to.setCurrentIndex(dialog.to.findData("pharmacist"))
    out = tmp_path / "revue.pdf"
    tab.letter_path = str(out)
    assert dialog.try_save()
    qtbot.waitUntil(lambda: tab.last_letter is not None, timeout=20000)
    text = " ".join((p.extract_text() or "") for p in PdfReader(str(out)).pages)
    assert "Furosémide" in text and "Peut-on avancer la prise du matin ?" in text
    assert "Zolpidem" not in text  # marked for the GP, not the pharmacist
    printed = ctx.read(lambda s: list(s.execute(select(AuditEvent).where(
        AuditEvent.action == "print")).scalars()))
    assert [(e.patient_id, e.detail["document"], e.detail["to"]) for e in printed] == \
        [(pid, "medication_review", "pharmacist")]


def test_the_tab_reads_its_lists_once_when_first_shown(main_window, ctx,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    """Built when first shown, the tab loaded its lists, then was refreshed at once again."""
    from desktop.services import paperwork

    pid = add_patient(ctx, PatientFields(family_name="Lenoir", given_name="Paul"))
    reads: list[str] = []
    real = paperwork.list_paperwork
    monkeypatch.setattr(paperwork, "list_paperwork",
                        lambda *a, **k: (reads.append("paperwork"), real(*a, **k))[1])
    dossier = main_window.open_dossier(pid)
    tab = next(dossier.tabs.widget(i) for i in range(dossier.tabs.count())
               if isinstance(dossier.tabs.widget(i), PaperworkTab))
    dossier.tabs.setCurrentWidget(tab)
    assert reads == ["paperwork"]
