"""The team dashboard over HTTP (issue 20, item 3): sign-in, roles, CSRF, cookies, filters,
suppression, CSV and PDF; the indicators of the hand-made team (tests/server/dashboard_data.py).
The same page in a real browser: test_dashboard_browser.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from desktop.domain.indicators import Period
from server import report
from server.app import create_app
from server.config import ServerSettings
from server.dashboard import chosen_period
from server.indicators import HIDDEN, SUPPRESSED, quarter, team_cells
from server.models import Record, Team
from tests.server.conftest import PASSWORD
from tests.server.dashboard_data import seed, signed_in
from tests.server.test_uvicorn import cli

Q4 = {"from": "2026-10-01", "to": "2026-12-31", "lang": "en"}


@pytest.fixture(scope="session")
def seeded_server(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made team's server data, seeded once (about a hundred pushes) and copied for
    each test that reads it."""
    data = tmp_path_factory.mktemp("dashboard") / "server"
    with TestClient(create_app(ServerSettings(data_dir=data))) as c:
        seed(c)
    return data


@pytest.fixture
def team_client(sqlite_settings: ServerSettings, seeded_server: Path) -> Iterator[TestClient]:
    shutil.copytree(seeded_server, sqlite_settings.data_dir)
    with TestClient(create_app(sqlite_settings), base_url="https://testserver") as c:
        yield c


@pytest.fixture
def any_backend(settings: ServerSettings) -> Iterator[TestClient]:
    """The team on SQLite and on PostgreSQL (JSONB fields)."""
    with TestClient(create_app(settings)) as c:
        seed(c)
        yield c


def _cells(client: TestClient, teams: list[str], period: Period | None = None
           ) -> dict[str, str]:
    with client.app.state.db.sessions() as session:  # type: ignore[attr-defined]
        ids = [session.query(Team).filter(Team.name == n).one().id for n in teams]
        _ind, cells = team_cells(session, ids, period or quarter("2026Q4"),
                                 dt.date(2027, 1, 15))
    return {f"{c.indicator}:{c.group}": c.value for c in cells}


def test_team_indicators_hand_computed(any_backend: TestClient) -> None:
    team_client = any_backend
    a = _cells(team_client, ["A équipe"])
    assert a["requests_received:"] == "22"
    assert a["requests_by_outcome:accepted"] == "14"
    assert a["requests_by_outcome:redirected"] == SUPPRESSED  # 3 patients
    assert a["requests_by_outcome:waiting"] == HIDDEN  # else 22 - 14 - 5 gives the 3 away
    assert a["requests_by_outcome:undecided"] == "0"
    assert a["first_contact_median_days:"] == "2.0"
    assert a["active_cases:"] == "14"
    assert (a["caseload_by_manager:Anne"], a["caseload_by_manager:Bruno"],
            a["caseload_by_manager:Chloé"]) == ("6", HIDDEN, SUPPRESSED)
    assert (a["caseload_by_tier:case_management"], a["caseload_by_tier:care_coordination"]) \
        == ("8", "6")
    assert a["patients_followed:"] == "14"
    # 14 patients × 88 days (5 Oct – 31 Dec) = 3.37 patient-years; 6 admissions → 1.78
    assert a["admissions_per_py_since:"] == "1.78"
    assert a["admissions_per_py_before:"] == "0.00"
    # 1 patient readmitted: the count is a small cell, and the rate (1 of the 6 admissions
    # shown) would give it back
    assert a["admissions_in_period:"] == "6" and a["readmissions_30d:"] == SUPPRESSED
    assert a["readmission_rate:"] == SUPPRESSED
    assert a["stability_by_kind:fall"] == "6"
    assert a["stability_by_kind:crisis_call"] == SUPPRESSED
    # 7 events over 14 × 88 days = 40.48 patient-months
    assert a["stability_per_patient_month:"] == "0.17"
    assert a["goals_reviewed:"] == "5" and a["goals_attained:"] == "5"
    assert a["attainment_mean:"] == "0.00"
    assert a["uncovered_needs:health|Namur"] == SUPPRESSED
    assert a["uncovered_needs:health|Jambes"] == "5"
    # the patients' experience: the latest answer of each of 6 patients, 13..18 → 15.5
    assert a["experience_count:"] == "6" and a["experience_mean:"] == "15.50"
    assert a["burden_mean:zarit_12"] == SUPPRESSED  # 3 carers
    # episodes: none closed in team A; relevance reviews: 7 fell due (P1..P5 on time, P6
    # late, P7 not done), 5 on time
    assert (a["episodes_closed:"], a["episode_median_days:"], a["episode_mean_days:"]) \
        == ("0", "—", "—")
    # (7 - 5 would give the 2 late patients away)
    assert a["reviews_due:"] == "7" and a["reviews_on_time:"] == HIDDEN
    both = _cells(team_client, ["A équipe", "B équipe"])
    assert both["active_cases:"] == "20" and both["caseload_by_manager:Carol"] == "6"
    # team B: 5 episodes closed of 102, 112, 132, 162 and 172 days; 1 review due, not done
    b = _cells(team_client, ["B équipe"])
    assert (b["episodes_closed:"], b["episode_median_days:"], b["episode_mean_days:"]) \
        == ("5", "132.0", "136.0")
    assert b["reviews_due:"] == SUPPRESSED and b["reviews_on_time:"] == "0"
    assert both["episodes_closed:"] == "5" and both["reviews_due:"] == "8"
    # December alone: 2 episodes (162 and 172 days) → suppressed
    december = _cells(team_client, ["B équipe"], Period(dt.date(2026, 12, 1),
                                                        dt.date(2026, 12, 31)))
    assert (december["episodes_closed:"], december["episode_median_days:"],
            december["episode_mean_days:"]) == (SUPPRESSED, SUPPRESSED, SUPPRESSED)


def test_nothing_identifies_a_patient(team_client: TestClient) -> None:
    assert signed_in(team_client, "cora").status_code == 303
    page = team_client.get("/dashboard", params=Q4).text
    with team_client.app.state.db.sessions() as session:  # type: ignore[attr-defined]
        ids = {r.patient_id for r in session.query(Record) if r.patient_id}
    assert len(ids) == 33
    for leak in ("Dupont", "Marie", "patient_id", *ids):
        assert leak not in page


def test_sign_in_roles_and_cookie(team_client: TestClient) -> None:
    assert team_client.get("/dashboard", follow_redirects=False).status_code == 303
    refused = signed_in(team_client, "alice")  # a case manager, right password
    assert refused.status_code == 403 and "coordinateurs" in refused.text
    assert "relais_dashboard" not in refused.headers.get("set-cookie", "")
    assert team_client.get("/dashboard", follow_redirects=False).status_code == 303
    wrong = signed_in(team_client, "cora", "wrong-password")
    assert wrong.status_code == 401
    ok = signed_in(team_client, "cora")
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"]
    assert "relais_dashboard=" in cookie and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie and "Secure" in cookie and "Path=/dashboard" in cookie
    page = team_client.get("/dashboard", params=Q4)
    assert page.status_code == 200 and "Cora Coordinatrice" in page.text
    assert "script" not in page.text.lower()
    assert "default-src 'none'" in page.headers["content-security-policy"]
    # a coordinator sees their teams only
    assert "A équipe" in page.text and "B équipe" not in page.text


def test_login_form_needs_its_csrf_token_and_same_origin(team_client: TestClient) -> None:
    team_client.get("/dashboard/login")
    r = team_client.post("/dashboard/login", data={"csrf": "forged", "username": "cora",
                                                   "password": PASSWORD},
                         follow_redirects=False)
    assert r.status_code == 403
    page = team_client.get("/dashboard/login")
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = team_client.post("/dashboard/login", data={"csrf": token, "username": "cora",
                                                   "password": PASSWORD},
                         headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert r.status_code == 403


def test_sign_out_needs_the_session_token(team_client: TestClient) -> None:
    signed_in(team_client, "cora")
    r = team_client.post("/dashboard/logout", data={"csrf": "forged"}, follow_redirects=False)
    assert r.status_code == 303
    # the cookie was dropped by the browser but the session stays: a forged form ends nothing
    page = team_client.get("/dashboard", params=Q4)
    assert "Cora" not in page.text  # the browser dropped the cookie
    signed_in(team_client, "cora")
    page = team_client.get("/dashboard", params=Q4).text
    csrf = page.split('action="/dashboard/logout')[1].split('name="csrf" value="')[1].split('"')[0]
    cookie = team_client.cookies.get("relais_dashboard")
    team_client.post("/dashboard/logout", data={"csrf": csrf}, follow_redirects=False)
    team_client.cookies.set("relais_dashboard", str(cookie), path="/dashboard")
    assert team_client.get("/dashboard", follow_redirects=False).status_code == 303


def test_login_backoff_is_shared(team_client: TestClient) -> None:
    statuses = [signed_in(team_client, "cora", "wrong-password").status_code for _ in range(8)]
    assert statuses[-1] == 429
    assert signed_in(team_client, "cora").status_code == 429  # even the right password waits


def test_filters_team_and_period(team_client: TestClient) -> None:
    signed_in(team_client, "adam")
    with team_client.app.state.db.sessions() as session:  # type: ignore[attr-defined]
        team_b = session.query(Team).filter(Team.name == "B équipe").one().id
    page = team_client.get("/dashboard", params={**Q4, "team": team_b}).text
    assert 'data-cell="active_cases:"><td>Active cases at the end of the period</td>' \
           '<td class="v">6</td>' in page
    everything = team_client.get("/dashboard", params=Q4).text
    assert '<td class="v">20</td>' in everything
    before = team_client.get("/dashboard", params={**Q4, "from": "2026-01-01",
                                                   "to": "2026-03-31"}).text
    assert 'data-cell="requests_received:"><td>Requests received</td><td class="v">0</td>' \
        in before
    bad = team_client.get("/dashboard", params={**Q4, "from": "2026-13-01"}).text
    assert "Invalid date" in bad


def test_csv_and_pdf_downloads(team_client: TestClient) -> None:
    assert team_client.get("/dashboard/indicators.csv", params=Q4).status_code == 401
    signed_in(team_client, "cora")
    r = team_client.get("/dashboard/indicators.csv", params=Q4)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    values = {(row["indicator"], row["group"]): row["value"] for row in rows}
    assert values[("requests_by_outcome", "redirected")] == SUPPRESSED
    assert values[("uncovered_needs", "health|Namur")] == SUPPRESSED
    assert values[("active_cases", "")] == "14"
    assert values[("reviews_due", "")] == "7" and values[("reviews_on_time", "")] == HIDDEN
    assert values[("episodes_closed", "")] == "0"
    pdf = team_client.get("/dashboard/report.pdf", params=Q4)
    assert pdf.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Case management quarterly report" in text
    assert "2026-10-01" in text and "A équipe" in text
    assert values[("experience_mean", "")] == "15.50"
    assert "The patients' experience and the carers' burden" in text
    fr = team_client.get("/dashboard/report.pdf", params={**Q4, "lang": "fr"})
    fr_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(fr.content)).pages)
    assert "Avis des patients et fardeau des aidants" in fr_text and "Zarit 12" in fr_text
    assert "Requests received" in text and "<5" in text and "Dupont" not in text
    assert "Relevance reviews done on time" in text and "Episodes closed during" in text


def test_report_command(team_client: TestClient, sqlite_settings: ServerSettings,
                        tmp_path: Path) -> None:
    data = str(sqlite_settings.data_dir)
    sqlite_settings.save()
    out = tmp_path / "report.pdf"
    r = cli("report", "--data", data, "--quarter", "2026Q4", "--out", str(out),
            env={"RELAIS_LANG": "fr"})
    assert r.returncode == 0, r.stderr
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Rapport trimestriel de la gestion de cas" in text
    assert "A équipe" in text and "B équipe" in text
    assert "Demandes reçues" in text and "<5" in text
    assert "du 2026-10-01 au 2026-12-31" in text
    csv_out = tmp_path / "report.csv"
    r = cli("report", "--data", data, "--quarter", "2026Q4", "--out", str(csv_out),
            "--team", "A équipe")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8-sig"))))
    assert {(row["indicator"], row["group"]): row["value"] for row in rows}[
        ("caseload_by_manager", "Chloé")] == SUPPRESSED
    bad = cli("report", "--data", data, "--quarter", "2026Q5", "--out", str(out),
              env={"RELAIS_LANG": "en"})
    assert bad.returncode == 2
    assert bad.stderr.strip() == 'quarter: Invalid quarter "2026Q5": write e.g. 2026Q4.' \
        or bad.stderr.strip() == 'Invalid quarter "2026Q5": write e.g. 2026Q4.'
    bad = cli("report", "--data", data, "--quarter", "2026Q4", "--out",
              str(tmp_path / "r.txt"), env={"RELAIS_LANG": "en"})
    assert bad.returncode == 2 and "must end in .pdf or .csv" in bad.stderr
    missing = tmp_path / "no-such-folder" / "report.pdf"
    bad = cli("report", "--data", data, "--quarter", "2026Q4", "--out", str(missing),
              env={"RELAIS_LANG": "fr"})
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().splitlines() == [f"Le dossier {missing.parent} n'existe pas."]


def test_a_part_beside_its_whole_hides_a_small_rest() -> None:
    from server.indicators import _part

    shown, whole = ("5", False), ("7", False)
    assert _part(shown, whole, rest=2) == (HIDDEN, True)  # 7 - 5: 2 patients
    assert _part(shown, whole, rest=0) == shown  # nobody to identify
    assert _part(shown, whole, rest=5) == shown
    assert _part(shown, (SUPPRESSED, True), rest=2) == shown  # no exact whole to subtract from
    assert _part((SUPPRESSED, True), whole, rest=2) == (SUPPRESSED, True)


def test_quarter() -> None:
    assert quarter("2026q1") == Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quarter("2026Q4") == Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))


def test_pages_keep_the_origin_of_their_forms(team_client: TestClient) -> None:
    """With "no-referrer" Chromium posts the forms with "Origin: null" and without the Strict
    cookie: sign-in never worked in a real browser (found by test_dashboard_browser.py)."""
    page = team_client.get("/dashboard/login")
    assert page.headers["referrer-policy"] == "same-origin"
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = team_client.post("/dashboard/login", data={"csrf": token, "username": "cora",
                                                   "password": PASSWORD},
                         headers={"Origin": "null"}, follow_redirects=False)
    assert r.status_code == 403


def test_a_bad_filter_shows_the_default_period_and_says_so() -> None:
    default = quarter("2026Q4")
    for params in ({"from": "2026-13-01"}, {"to": "31/12/2026"}, {"quarter": "2026Q5"},
                   {"quarter": "²⁰²⁶Q1"}, {"from": "2026-12-01", "to": "2026-11-01"}):
        assert chosen_period(params, default) == (default, True), params
    wrong_type: Any = {"from": 20261001}
    assert chosen_period(wrong_type, default) == (default, True)
    assert chosen_period({"from": "2026-11-01"}, default) == (
        Period(dt.date(2026, 11, 1), dt.date(2026, 12, 31)), False)
    assert chosen_period({"quarter": "2026q1"}, default) == (quarter("2026Q1"), False)


class _BrokenParams(dict[str, str]):
    """Query parameters that fail for a reason other than a bad date."""

    def get(self, key: str, default: Any = None) -> Any:
        if key == "from":
            raise RuntimeError("not a date problem")
        return super().get(key, default)


def test_a_bad_filter_hides_no_other_error() -> None:
    with pytest.raises(RuntimeError, match="not a date problem"):
        chosen_period(_BrokenParams(), quarter("2026Q4"))


def test_a_bad_quarter_on_the_page_says_so(team_client: TestClient) -> None:
    signed_in(team_client, "adam")
    page = team_client.get("/dashboard", params={"quarter": "2026Q5", "lang": "fr"})
    assert page.status_code == 200
    assert "Date invalide (AAAA-MM-JJ) : la période par défaut est affichée." in page.text


@pytest.fixture
def instrument_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped instruments the server reads instead (to damage it)."""
    import shutil

    folder = tmp_path / "instruments"
    shutil.copytree(report.instruments_dir(), folder)
    monkeypatch.setenv("RELAIS_INSTRUMENTS_DIR", str(folder))
    report._need_titles.cache_clear()
    yield folder
    report._need_titles.cache_clear()


BROKEN = {"fr": "L'instrument livré needs_checklist est absent ou endommagé : réinstallez "
                "relais-server.",
          "nl": "Het meegeleverde instrument needs_checklist ontbreekt of is beschadigd: "
                "installeer relais-server opnieuw.",
          "en": "The shipped instrument needs_checklist is missing or damaged: reinstall "
                "relais-server."}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("damage", ["missing", "not_json", "no_sections"])
def test_report_command_says_a_broken_needs_instrument(
        team_client: TestClient, sqlite_settings: ServerSettings, tmp_path: Path,
        instrument_folder: Path, lang: str, damage: str) -> None:
    """The funder's report never shows bare need codes: one line, exit 2, nothing written."""
    needs = instrument_folder / "needs_checklist.json"
    if damage == "missing":
        needs.unlink()
    elif damage == "not_json":
        needs.write_text("{", encoding="utf-8")
    else:
        needs.write_text('{"id": "needs_checklist"}', encoding="utf-8")
    sqlite_settings.save()
    for name in ("report.pdf", "report.csv"):
        out = tmp_path / name
        r = cli("report", "--data", str(sqlite_settings.data_dir), "--quarter", "2026Q4",
                "--out", str(out), env={"RELAIS_LANG": lang})
        assert r.returncode == 2 and r.stdout == ""
        assert r.stderr.strip().splitlines() == [BROKEN[lang]]
        assert not out.exists()


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_dashboard_says_a_broken_needs_instrument(team_client: TestClient,
                                                  instrument_folder: Path, lang: str) -> None:
    (instrument_folder / "needs_checklist.json").unlink()
    signed_in(team_client, "adam")
    params = {**Q4, "lang": lang}
    for path in ("/dashboard", "/dashboard/indicators.csv", "/dashboard/report.pdf"):
        r = team_client.get(path, params=params)
        assert r.status_code == 500 and r.headers["content-type"].startswith("text/html"), path
        assert f'<p class="error" role="alert" id="error">{escape(BROKEN[lang])}</p>' in r.text
        assert "health" not in r.text
