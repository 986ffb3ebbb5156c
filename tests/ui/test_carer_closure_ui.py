"""Screens of issue 19 items 3-4 at 1366×768: the carer's assessment from the carer's node on the
ecomap (dialog fit, inline errors, the mark painted on the node and its details line), Today's
carer reviews, and the close dialog's agreement and handback shown in the case history."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from desktop.domain import carer as K
from desktop.domain.contacts import ContactFields
from desktop.domain.ecomap import TieFields
from desktop.services import carer, cases, ecosystem
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from desktop.ui.dossier.case_dialogs import CloseCaseDialog
from desktop.ui.dossier.cases_tab import CasesTab
from desktop.ui.ecomap.carer_dialog import CarerAssessmentDialog
from desktop.ui.fit import MAX_HEIGHT
from desktop.ui.today_page import TodayPage


def _patient(ctx: AppContext) -> tuple[str, str, str]:
    pid = add_patient(ctx, PatientFields(family_name="Lenoir", given_name="Paul",
                                         birth_date="1941-05-04"))
    cases.open_case(ctx, pid, cases.RequestFields(requester_type="gp",
                                                  request_reason="Isolement"), status="active")
    cid, tie = ecosystem.add_contact_and_link(
        ctx, pid, ContactFields(kind="informal_carer", family_name="Lenoir", given_name="Marthe"),
        TieFields(role="épouse", is_informal_carer=True))
    return pid, cid, tie


def _ecomap(qtbot, ctx: AppContext, pid: str):  # type: ignore[no-untyped-def]
    from desktop.ui.app import make_app
    from desktop.ui.bus import DataBus
    from desktop.ui.ecomap.tab import create_tab

    make_app()
    tab = create_tab(SimpleNamespace(ctx=ctx, patient_id=pid, bus=DataBus()))
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    return tab


def _fits(widget) -> None:  # type: ignore[no-untyped-def]
    widget.adjustSize()
    assert widget.height() <= MAX_HEIGHT and widget.width() <= 1366


def _colours(node) -> set[str]:  # type: ignore[no-untyped-def]
    rect = node.boundingRect()
    image = QImage(int(rect.width()) + 1, int(rect.height()) + 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(-rect.topLeft())
    node.paint(painter, None)  # type: ignore[arg-type]
    painter.end()
    return {QColor(image.pixel(x, y)).name() for x in range(image.width())
            for y in range(image.height())}


def test_carer_assessment_from_the_ecomap(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = QGuiApplication.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    pid, _cid, tie_id = _patient(ctx)
    gp, gp_tie = ecosystem.add_contact_and_link(ctx, pid, ContactFields(
        kind="gp", family_name="Claes", given_name="Anne"), TieFields(is_gp=True))
    tab = _ecomap(qtbot, ctx, pid)
    assert K.BURDEN_COLOUR["high"] not in _colours(tab.map.scene.nodes[tie_id])

    # a tie that is not a carer: said on the status line, no dialog
    tab.map.scene.setFocusItem(tab.map.scene.nodes[gp_tie])
    assert not tab.map.assess_carer()
    assert "informal carer" in tab.map.status.text()

    seen: list[CarerAssessmentDialog] = []

    def fill_and_save(dialog: CarerAssessmentDialog) -> int:
        seen.append(dialog)
        _fits(dialog)
        assert "First assessment" in dialog.previous.text()
        dialog.burden.setCurrentIndex(dialog.burden.findData("high"))
        dialog.respite.setCurrentIndex(dialog.respite.findData("wanted"))
        dialog.health.setPlainText("Mal de dos, dort mal")
        dialog.wishes.setPlainText("Un week-end de répit par mois")
        dialog.review_on.setText("31/02/2027")
        assert not dialog.try_save()  # an impossible date: said inline, nothing saved
        assert carer.list_carer_assessments(ctx, pid) == []
        dialog.review_on.setDate(ctx.today() + dt.timedelta(days=5))
        assert dialog.try_save()
        return 1

    monkeypatch.setattr(CarerAssessmentDialog, "exec", fill_and_save)
    tab.map.scene.setFocusItem(tab.map.scene.nodes[tie_id])
    tab.map.carer_action.trigger()
    assert seen
    [a] = carer.list_carer_assessments(ctx, pid)
    assert (a.burden, a.respite, a.health, a.review) == ("high", "wanted",
                                                         "Mal de dos, dort mal", "due")
    # the mark is painted on the carer's node in the burden's colour; its details say it
    node = tab.map.scene.nodes[tie_id]
    assert node.tie.carer_burden == "high"
    assert K.BURDEN_COLOUR["high"] in _colours(node)
    assert K.BURDEN_COLOUR["high"] not in _colours(tab.map.scene.nodes[gp_tie])
    tab.map.scene.node_focused.emit(tie_id)  # what Tab onto the node says
    assert "Carer's assessment: heavy burden, respite wanted" in tab.map.status.text()
    assert "review due soon" in tab.map.status.text()
    assert "heavy burden" in node.toolTip()

    # the next assessment starts from the last one
    def look(dialog: CarerAssessmentDialog) -> int:
        assert "Last assessment: heavy burden" in dialog.previous.text()
        assert dialog.burden.currentData() == "high"
        return 0
    monkeypatch.setattr(CarerAssessmentDialog, "exec", look)
    assert tab.map.assess_carer(tie_id)
    del gp


def test_carer_review_on_today(main_window, ctx) -> None:  # type: ignore[no-untyped-def]
    pid, cid, _tie = _patient(ctx)
    carer.assess_carer(ctx, pid, cid, burden="severe", respite="wanted",
                       assessed_on=ctx.today() - dt.timedelta(days=45))
    page = next(p for p in main_window.pages if isinstance(p, TodayPage))
    page.refresh()
    [item] = page.items("carer_reviews")
    _when, what = page._describe(item)
    assert "Marthe" in what and "exhausted" in what and "review late" in what


def test_close_dialog_records_agreement_and_handback(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid, _cid, _tie = _patient(ctx)
    dossier = main_window.open_dossier(pid)
    for i in range(dossier.tabs.count()):
        if isinstance(dossier.tabs.widget(i), CasesTab):
            dossier.tabs.setCurrentIndex(i)
            tab = dossier.tabs.widget(i)
    tab.list.setCurrentRow(0)
    dialog = tab.close_case()
    assert isinstance(dialog, CloseCaseDialog)
    qtbot.waitUntil(dialog.isVisible)
    _fits(dialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData("stabilised"))
    for code in ("patient", "carer", "gp"):
        dialog.agreed_by.boxes[code].setChecked(True)
    dialog.handback.setCurrentIndex(dialog.handback.findData("home_care_coordination"))
    assert dialog.try_save()
    [c] = cases.list_cases(ctx, pid)
    assert c.closure_agreed_by == ("patient", "carer", "gp")
    assert c.closure_handback == "home_care_coordination"
    qtbot.waitUntil(lambda: "agreed with" in tab.detail.toPlainText())
    text = tab.detail.toPlainText()
    history = text[text.index("History:"):]
    assert "agreed with the patient, the informal carer, the GP" in history
    assert "follow-up handed back to home-care coordination" in history
