"""The dashboard in a real browser (issue 20): Debian's Chromium driven by Playwright against a
real `relais-server serve` over HTTPS on loopback. Sign-in, roles, filters, suppression, CSV and
PDF downloads. `make test` installs chromium (best effort, as root); without it these tests are
skipped and say why.

RELAIS_DASHBOARD_SCREENSHOT=docs/screenshots/dashboard.png also saves the page as a picture."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from server.app import create_app
from server.config import ServerSettings
from tests.server.conftest import PASSWORD
from tests.server.dashboard_data import seed
from tests.server.server_process import ServerProcess
from tests.server.test_uvicorn import cli

CHROMIUM = os.environ.get("RELAIS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (make test installs it)")
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(f"no Chromium at {CHROMIUM}: `make test` installs Debian's chromium as root "
                "(apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    data = tmp_path_factory.mktemp("dash") / "srv"
    assert cli("init", "--data", str(data), "--organisation", "Relais test",
               "--self-signed-cert", "--hostname", "localhost").returncode == 0
    with TestClient(create_app(ServerSettings.load(data))) as client:
        seed(client)
    with ServerProcess(data, tls=True) as proc:
        yield proc


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists()
                               else shutil.which("chromium"), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(ignore_https_errors=True, accept_downloads=True,
                                  locale="en-GB", viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()


def _sign_in(page: Any, server: ServerProcess, username: str) -> None:
    page.goto(server.url + "/dashboard?lang=en")
    assert "/dashboard/login" in page.url  # not signed in: sent to the form
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def _q4(page: Any, team: str | None = None) -> None:
    if team is not None:
        page.select_option("#team", label=team)
    page.fill("#from", "2026-10-01")
    page.fill("#to", "2026-12-31")
    page.click("#apply")


def _cell(page: Any, key: str) -> str:
    return str(page.locator(f'tr[data-cell="{key}"] td.v').inner_text()).strip()


def test_case_manager_is_refused(page: Any, server: ServerProcess) -> None:
    _sign_in(page, server, "alice")
    assert "coordinators and administrators" in page.locator(".error").inner_text()
    assert not [c for c in page.context.cookies() if c["name"] == "relais_dashboard"]
    page.goto(server.url + "/dashboard?lang=en")
    assert "/dashboard/login" in page.url


def test_coordinator_sees_suppressed_team_indicators(page: Any, server: ServerProcess) -> None:
    _sign_in(page, server, "cora")
    assert page.url.startswith(server.url + "/dashboard")
    cookie = next(c for c in page.context.cookies() if c["name"] == "relais_dashboard")
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
    _q4(page)
    assert "Period: 2026-10-01 to 2026-12-31" in page.locator("#period").inner_text()
    assert _cell(page, "requests_received:") == "22"
    assert _cell(page, "requests_by_outcome:redirected") == "<5"  # 3 patients
    assert _cell(page, "caseload_by_manager:Chloé") == "<5"
    assert _cell(page, "caseload_by_manager:Anne") == "6"
    assert _cell(page, "uncovered_needs:health|Namur") == "<5"
    assert _cell(page, "uncovered_needs:health|Jambes") == "5"
    # the coordinator of team A does not see team B
    options = page.locator("#team option").all_inner_texts()
    assert "A équipe" in options and "B équipe" not in options
    shot = os.environ.get("RELAIS_DASHBOARD_SCREENSHOT")
    if shot:
        page.screenshot(path=shot, full_page=True)


def test_filters_as_administrator(page: Any, server: ServerProcess) -> None:
    _sign_in(page, server, "adam")
    _q4(page)
    assert _cell(page, "active_cases:") == "20"
    _q4(page, team="B équipe")
    assert _cell(page, "active_cases:") == "6"
    assert _cell(page, "caseload_by_manager:Carol") == "6"
    page.fill("#from", "2026-01-01")
    page.fill("#to", "2026-03-31")
    page.click("#apply")
    assert _cell(page, "requests_received:") == "0"


def test_csv_and_pdf_downloads(page: Any, server: ServerProcess, tmp_path: Path) -> None:
    _sign_in(page, server, "cora")
    _q4(page)
    with page.expect_download() as got:
        page.click("#csv")
    csv_file = tmp_path / "indicators.csv"
    got.value.save_as(csv_file)
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    values = {(r["indicator"], r["group"]): r["value"] for r in rows}
    assert values[("requests_by_outcome", "redirected")] == "<5"
    assert values[("active_cases", "")] == "14"
    with page.expect_download() as got:
        page.click("#pdf")
    pdf_file = tmp_path / "report.pdf"
    got.value.save_as(pdf_file)
    text = "\n".join(p.extract_text() for p in PdfReader(pdf_file).pages)
    assert "Case management quarterly report" in text and "A équipe" in text
    assert "Requests received" in text and "<5" in text


def test_sign_out(page: Any, server: ServerProcess) -> None:
    _sign_in(page, server, "cora")
    page.click("text=Sign out")
    assert "/dashboard/login" in page.url
    page.goto(server.url + "/dashboard?lang=en")
    assert "/dashboard/login" in page.url
