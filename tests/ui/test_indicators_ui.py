"""The Indicateurs page (issue 20) at 1366×768: table and charts for my caseload, the period,
keyboard use, the audited PDF without patient identifiers; the Audit page for coordinators and
administrators only (a laptop not enrolled keeps it)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.services import cases, stability
from desktop.services.access import audit_allowed
from desktop.services.cases import RequestFields
from desktop.storage.models import AuditEvent
from desktop.sync import state
from desktop.ui.indicators_page import IndicatorsPage
from tests.unit.plan_scenario import TODAY, make_scenario

PAGE = "indicators"
AUDIT = "audit"


@pytest.fixture
def fr_window(qtbot, ctx, vault_dir):  # type: ignore[no-untyped-def]
    """The main window in French (the tests run in English unless told otherwise)."""
    from desktop.ui.app import make_app
    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow

    make_app()
    install_language("fr")
    window = MainWindow(vault_dir, ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    install_language("en")


def _page(window, qtbot) -> IndicatorsPage:  # type: ignore[no-untyped-def]
    window.resize(1366, 700)
    window.show_page(PAGE)
    QApplication.processEvents()
    page = window.stack.currentWidget()
    assert isinstance(page, IndicatorsPage)
    _wait(qtbot, page)
    return page


def _wait(qtbot, page: IndicatorsPage) -> None:  # type: ignore[no-untyped-def]
    """Until the page's background job (computation or export) has delivered."""
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)


def _texts(page: IndicatorsPage) -> dict[str, str]:
    out = {}
    for i in range(page.tree.topLevelItemCount()):
        top = page.tree.topLevelItem(i)
        out[top.text(0)] = ""
        for j in range(top.childCount()):
            out[top.child(j).text(0)] = top.child(j).text(1)
    return out


def _caseload(ctx) -> str:  # type: ignore[no-untyped-def]
    sc = make_scenario(ctx)
    case_id = cases.open_case(ctx, sc.patient_id, RequestFields(
        requester_type="gp", request_date=TODAY - dt.timedelta(days=40), request_reason="Chutes"),
        opened_on=TODAY - dt.timedelta(days=30), tier="case_management")
    cases.record_first_dates(ctx, case_id, first_contact=TODAY - dt.timedelta(days=37))
    stability.add_event(ctx, sc.patient_id, "fall", occurred_on=TODAY - dt.timedelta(days=2))
    return sc.patient_id


def test_page_shows_indicators_and_charts_in_french(fr_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    _caseload(ctx)
    assert fr_window.nav.item(fr_window.page_keys.index(PAGE)).text() == "Indicateurs"
    page = _page(fr_window, qtbot)
    texts = _texts(page)
    assert texts["Demandes reçues"] == "1"
    assert texts["Délai jusqu'au premier contact (médiane, jours)"] == "3"
    assert texts["Dossiers actifs en fin de période"] == "1"
    assert texts["Niveau : gestion de cas"] == "1"
    assert texts["Chute"] == "1"
    assert "Besoins qu'aucun service ne couvre" in texts
    assert page.canvas is not None and page.canvas.isVisible()
    titles = [ax.get_title(loc="left") for ax in page.canvas.figure.axes]
    assert titles[0].startswith("Demandes")
    # fits 1366×700: nothing of the page needs more than the window gives it
    assert page.minimumSizeHint().width() <= 1366 - fr_window.nav.width()
    assert page.minimumSizeHint().height() <= 700
    assert page.export_button.geometry().right() <= page.width()
    # a label longer than its column takes more lines instead of ending in "…" (in a window
    # narrower than a laptop's screen: at 1366 px every label now fits its column)
    fr_window.resize(1000, 700)
    QApplication.processEvents()
    tree = page.tree
    room = tree.header().sectionSize(0) - 2 * tree.indentation()
    line = tree.visualItemRect(tree.topLevelItem(0)).height()
    children = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())]
    long = [c for c in children if tree.fontMetrics().horizontalAdvance(c.text(0)) > room]
    assert long, "no label longer than its column at 1000 px: the check says nothing"
    for item in long:
        tree.scrollToItem(item)
        assert tree.visualItemRect(item).height() >= 2 * line - 4, item.text(0)


def test_period_by_keyboard_and_bad_period(fr_window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    _caseload(ctx)
    page = _page(fr_window, qtbot)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # &Du
    assert page.date_from.hasFocus()
    page.date_from.selectAll()
    qtbot.keyClicks(page.date_from, (TODAY - dt.timedelta(days=10)).strftime("%d/%m/%Y"))
    qtbot.keyClick(page.date_from, Qt.Key.Key_Return)
    _wait(qtbot, page)
    assert page.current.start == TODAY - dt.timedelta(days=10)
    assert _texts(page)["Demandes reçues"] == "0"  # the request came 40 days ago
    assert _texts(page)["Chute"] == "1"
    # the end before the start: one line, the table as it was
    page.date_to.setText((TODAY - dt.timedelta(days=20)).strftime("%d/%m/%Y"))
    page.show_button.click()
    _wait(qtbot, page)
    assert page.message.isVisible()
    assert "précède" in page.message.text()
    assert page.current.start == TODAY - dt.timedelta(days=10)


def test_pdf_export_is_audited_and_names_no_patient(fr_window, ctx, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _caseload(ctx)
    page = _page(fr_window, qtbot)
    out = tmp_path / "indicateurs.pdf"
    assert page.export_to(str(out))
    _wait(qtbot, page)
    assert page.message.text() == f"Enregistré : {out}"
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "Indicateurs de mon portefeuille" in text and "Demandes reçues" in text
    for word in ("Peeters", "Élise", "Églantines", "Lemaire"):
        assert word not in text
    kinds = ctx.read(lambda s: [a.detail.get("kind") for a in s.scalars(
        select(AuditEvent).where(AuditEvent.action == "export"))])
    assert "indicators" in kinds
    assert page.export_to(str(tmp_path / "indicateurs.txt"))
    _wait(qtbot, page)  # refused, said on the page
    assert page.message.isVisible() and "Enregistré" not in page.message.text()
    assert not (tmp_path / "indicateurs.txt").exists()


def test_a_missing_instrument_is_said_on_the_page(fr_window, ctx, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch) -> None:
    """A damaged installation (a shipped instrument file missing) is said on the page, in the
    user's language, instead of showing its codes untitled or raising out of the page."""
    import shutil

    from desktop.services import instruments

    _caseload(ctx)
    folder = tmp_path / "instruments"
    shutil.copytree(instruments.instruments_dir(), folder)
    (folder / "zarit_12.json").unlink()
    monkeypatch.setenv("RELAIS_INSTRUMENTS_DIR", str(folder))
    monkeypatch.setenv("RELAIS_CACHE_DIR", str(tmp_path / "cache"))
    instruments.shipped.cache_clear()
    try:
        page = _page(fr_window, qtbot)
        assert page.message.isVisible()
        assert "instrument inconnu : zarit_12" in page.message.text()
        assert page.tree.topLevelItemCount() == 0
    finally:
        instruments.shipped.cache_clear()


def test_audit_rule() -> None:
    assert audit_allowed(False, None)  # standalone: its single user
    assert audit_allowed(True, "coordinator") and audit_allowed(True, "administrator")
    assert not audit_allowed(True, "case_manager") and not audit_allowed(True, None)


def _enrol(ctx, role: str | None) -> None:  # type: ignore[no-untyped-def]
    def run(uow) -> None:  # type: ignore[no-untyped-def]
        state.put(uow.session, state.TOKEN, "token")
        state.put(uow.session, state.ACCOUNT, {"user": "anne", "role": role})
    ctx.write(run)


def _window(ctx, vault_dir, qtbot):  # type: ignore[no-untyped-def]
    from desktop.ui.main_window import MainWindow

    window = MainWindow(vault_dir, ctx)
    qtbot.addWidget(window)
    return window


def test_audit_page_hidden_from_an_enrolled_case_manager(ctx, vault_dir, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.app import make_app

    make_app()
    assert AUDIT in _window(ctx, vault_dir, qtbot).page_keys  # standalone
    _enrol(ctx, "case_manager")
    window = _window(ctx, vault_dir, qtbot)
    assert AUDIT not in window.page_keys
    assert "Audit" not in [window.nav.item(i).text() for i in range(window.nav.count())]
    assert len(window.pages) == window.nav.count() == window.stack.count()
    window.show_page(PAGE)  # navigation by module still right without the page
    assert isinstance(window.stack.currentWidget(), IndicatorsPage)
    _enrol(ctx, "coordinator")
    assert AUDIT in _window(ctx, vault_dir, qtbot).page_keys


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_no_alt_letter_twice_on_the_page(ctx, vault_dir, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from desktop.ui.app import make_app
    from desktop.ui.i18n import install_language

    make_app()
    install_language(lang)
    try:
        window = _window(ctx, vault_dir, qtbot)
        window.show_page(PAGE)
        page = window.stack.currentWidget()
        texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)]
        letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(letters) == len(set(letters)) == 4, texts
    finally:
        install_language("en")


class _Spy:
    """Wraps the real `indicators.indicators`: notes the thread of each call and how many run at
    once, and holds the job (its result computed) until `gate` opens."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        from desktop.services import indicators

        self.real = indicators.indicators
        self.threads: list[threading.Thread] = []
        self.running = self.most = 0
        self.lock = threading.Lock()
        self.computed = threading.Event()
        self.gate = threading.Event()
        monkeypatch.setattr(indicators, "indicators", self)

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        with self.lock:
            self.threads.append(threading.current_thread())
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            result = self.real(*args, **kwargs)
            self.computed.set()
            assert self.gate.wait(60)
            return result
        finally:
            with self.lock:
                self.running -= 1


def test_computed_off_the_gui_thread_one_at_a_time(fr_window, ctx, qtbot,  # type: ignore[no-untyped-def]
                                                   monkeypatch) -> None:
    _caseload(ctx)
    spy = _Spy(monkeypatch)
    fr_window.show_page(PAGE)
    page = fr_window.stack.currentWidget()
    assert isinstance(page, IndicatorsPage)
    # the page says what it does while the task manager computes
    assert page.is_busy() and page.current is None
    assert page.message.isVisible() and page.message.text() == "Calcul des indicateurs…"
    assert not page.show_button.isEnabled() and not page.export_button.isEnabled()
    qtbot.waitUntil(spy.computed.is_set, timeout=60_000)
    # a new period asked meanwhile: no second computation now, one once the first is in
    page.date_from.setText((TODAY - dt.timedelta(days=10)).strftime("%d/%m/%Y"))
    page.refresh()
    assert not page.export_to("ignored.pdf")  # one job at a time
    assert len(spy.threads) == 1
    spy.gate.set()
    _wait(qtbot, page)
    assert len(spy.threads) == 2 and spy.most == 1
    assert threading.main_thread() not in spy.threads
    assert page.current.start == TODAY - dt.timedelta(days=10)
    assert not page.message.isVisible() and page.show_button.isEnabled()
    assert _texts(page)["Chute"] == "1"


def test_a_page_gone_while_it_computes_drops_the_result(ctx, vault_dir, qtbot,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    import shiboken6

    from desktop.ui.app import make_app
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workers import manager

    make_app()
    _caseload(ctx)
    spy = _Spy(monkeypatch)
    window = MainWindow(vault_dir, ctx)
    window.show_page(PAGE)
    page = window.stack.currentWidget()
    assert isinstance(page, IndicatorsPage)
    task = page.task
    assert task is not None
    qtbot.waitUntil(spy.computed.is_set, timeout=60_000)  # the result is there, not delivered
    window.close()
    shiboken6.delete(window)
    assert not shiboken6.isValid(page)
    spy.gate.set()
    assert manager().wait_idle(60)
    QApplication.processEvents()  # the delivery: dropped, nothing raised in a slot
    assert task.state == "dropped" and task.outcome is not None and task.outcome[0]
