"""The patient's handout read as an 85-year-old reads it: the size of every printed character on
every page (pypdf, the text matrix times the drawing transform), the map of the people around
her, and none of the case manager's judgements about a tie (they stay in the summary)."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from desktop.domain.care_plan import Week
from desktop.domain.contacts import ContactFields
from desktop.domain.ecomap import TieFields
from desktop.reports.document_data import DocContact, HandoutData
from desktop.reports.handout import build_handout
from desktop.reports.handout_map import LARGE_MAP, NORMAL_MAP, MapPerson, PeopleMap
from desktop.reports.layout import FRAME_W
from desktop.services import documents, ecosystem
from desktop.services.context import AppContext
from tests.unit.plan_scenario import Scenario, build_plan, make_scenario

NOTE = "voisin, conflit de mitoyenneté"
# the words of the tie legend, in the handout's language: the case manager's reading of a tie
JUDGEMENTS = ("lien fort", "lien moyen", "lien ténu", "soutenant", "neutre", "source de stress",
              "stress", "vers le patient", "du patient", "dans les deux sens")
KINDS = ("family", "friend", "nurse", "physio", "pharmacist", "cpas", "meals", "neighbour",
         "home_help", "specialist")


def char_sizes(pdf: Path) -> list[list[tuple[float, str]]]:
    """Per page, (printed size in points, text) of every text run: the font size times the
    vertical scale of the text matrix and of the current transformation (a scaled drawing)."""
    pages = []
    for page in PdfReader(str(pdf)).pages:
        runs: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  runs: list[tuple[float, str]] = runs) -> None:
            if text.strip():
                scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
                runs.append((size * scale, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def page_texts(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(str(pdf)).pages]


def _scenario(ctx: AppContext, extra: int = 0) -> Scenario:
    ctx.set_setting("case_manager_phone", "+32471203040")
    sc = make_scenario(ctx)
    build_plan(ctx, sc, agree=True)
    neighbour = next(t for t in ecosystem.ecomap_data(ctx, sc.patient_id).ties
                     if t.contact_id == sc.neighbour)
    ecosystem.edit_tie(ctx, neighbour.id, TieFields(quality="stressful", strength="tenuous",
                                                    note=NOTE))
    for i in range(extra):
        ecosystem.add_contact_and_link(
            ctx, sc.patient_id,
            ContactFields(kind=KINDS[i % len(KINDS)], given_name=f"Prénom{i}",
                          family_name=f"Vandenberghe-{i}"),
            TieFields(role=f"rôle {i}", quality="stressful" if i % 3 == 0 else "supportive",
                      note=f"note privée {i}"))
    return sc


@pytest.fixture
def crowded(ctx: AppContext) -> Scenario:
    """25 people around the patient."""
    return _scenario(ctx, extra=20)


@pytest.mark.parametrize(("large", "smallest"), [(True, 16.0), (False, 9.0)])
def test_every_character_on_every_page_is_readable(ctx: AppContext, crowded: Scenario,
                                                   tmp_path: Path, large: bool,
                                                   smallest: float) -> None:
    pdf = documents.write_handout(ctx, crowded.patient_id, tmp_path / "h.pdf", large=large)
    pages = char_sizes(pdf)
    texts = page_texts(pdf)
    [map_page] = [i for i, text in enumerate(texts) if "Les personnes autour de moi" in text]
    assert any("Vandenberghe" in text for _, text in pages[map_page])  # the people are drawn
    for number, runs in enumerate(pages, 1):
        assert runs, number
        small = [(round(size, 2), text) for size, text in runs if size < smallest - 1e-6]
        assert not small, (number, small[:5])


def test_the_map_holds_at_most_twelve_people_in_large_print_and_lists_the_others(
        ctx: AppContext, crowded: Scenario, tmp_path: Path) -> None:
    pdf = documents.write_handout(ctx, crowded.patient_id, tmp_path / "h.pdf", large=True)
    texts = page_texts(pdf)
    start = next(i for i, text in enumerate(texts) if "Les personnes autour de moi" in text)
    around = " ".join(texts[start:]).split("Les personnes autour de moi", 1)[1]
    around = around.split("Mon prochain bilan", 1)[0]
    names = [f"Prénom{i} Vandenberghe-{i}" for i in range(20)]
    names += ["Pierre Lemaire", "Hélène Peeters", "Gérard Rousseau", "Aide & Soins Jambes"]
    for name in names:  # whole names, never cut: on the map or in the list under it
        assert name in around, name
    assert "Et aussi autour de moi" in around
    listed = around.split("Et aussi autour de moi", 1)[1]
    on_map = [n for n in names if n not in listed]
    assert 0 < len(on_map) <= LARGE_MAP.max_people
    assert "Soins de santé :" in listed  # the others, by sector


def test_the_handout_shows_who_never_how_the_case_manager_judges_the_tie(
        ctx: AppContext, tmp_path: Path) -> None:
    sc = _scenario(ctx)
    for large in (False, True):
        pdf = documents.write_handout(ctx, sc.patient_id, tmp_path / f"h{large}.pdf",
                                      large=large)
        text = " ".join(page_texts(pdf))
        assert "Gérard Rousseau" in text and "voisin" in text  # who, and their role
        assert "mitoyenneté" not in text and NOTE not in text
        for word in JUDGEMENTS:
            assert word not in text.lower(), word
        # no stress marks either: the map page has no red (the stressful tie's colour)
        [map_page] = [i for i, t in enumerate(page_texts(pdf))
                      if "Les personnes autour de moi" in t]
        doc = pdfium.PdfDocument(str(pdf))
        try:
            image = doc[map_page].render(scale=1).to_pil().convert("RGB")
        finally:
            doc.close()
        red = [px for px in image.getdata() if px[0] > 150 and px[1] < 90 and px[2] < 90]
        assert not red, len(red)
    summary = " ".join(page_texts(documents.write_summary(ctx, sc.patient_id,
                                                          tmp_path / "s.pdf")))
    assert NOTE in summary and "source de stress" in summary and "lien ténu" in summary


def test_long_names_never_push_the_map_off_its_page() -> None:
    """Twelve people with three-line names and two-line roles: the map gives way to the list
    rather than overflow the page (reportlab would refuse to lay it out)."""
    people = tuple(DocContact(f"Marie-Christine Vandenberghe-Van Den Abeele {i} de la Roche",
                              "infirmière de liaison du service de soins palliatifs à domicile",
                              ("0475 11 22 33",), None, "nurse") for i in range(14))
    data = HandoutData(patient_name="Élise Peeters", made_on=dt.date(2026, 11, 23), plan=None,
                       week=Week(days=((),) * 7, other=()), contacts=people, gp=None,
                       case_manager_name="Anne Lambert", case_manager_phone=None,
                       organisation=None)
    for large in (True, False):
        pdf = build_handout(data, large=large)
        assert pdf.startswith(b"%PDF")
    tall = PeopleMap("Moi", [MapPerson(c.name, c.role, "health") for c in people[:12]],
                     FRAME_W, LARGE_MAP)
    assert len(tall.boxes) == 12 and all(len(b.name_lines) <= 3 for b in tall.boxes)


def test_the_map_keeps_whole_words_of_long_belgian_names() -> None:
    for sizes in (LARGE_MAP, NORMAL_MAP):
        picture = PeopleMap("Moi", [MapPerson("Hélène Vandenberghe-Vanderlinden", "fille",
                                              "family")], FRAME_W, sizes)
        [box] = picture.boxes
        assert " ".join(box.name_lines).replace("- ", "-") == "Hélène Vandenberghe-Vanderlinden"


def test_a_contacts_table_split_across_pages_carries_three_rows_over() -> None:
    """Two contacts alone on a page before the map's own page looked like a page forgotten
    there: a split that would leave fewer than three rows for the next page leaves three."""
    from reportlab.platypus import PageBreak

    from desktop.reports.handout import _TailedTable

    table = _TailedTable([[f"Personne {i}", "081 22 33 44"] for i in range(10)],
                         rowHeights=[20.0] * 10)
    table.wrap(400, 1000)
    head, gap, tail = table.split(400, 8.5 * 20)  # room for eight rows: two would go over
    assert isinstance(gap, PageBreak)
    assert (len(head._cellvalues), len(tail._cellvalues)) == (7, 3)
    assert len(table.split(400, 5.5 * 20)) == 2  # five go over: a plain split


def test_my_contacts_lists_who_can_be_called_and_the_map_everyone(tmp_path: Path) -> None:
    """Half of a demo handout's "Mes contacts" was family without a number (a wife, three
    brothers, two sons): two pages more to turn for nothing. The list holds who has a phone or
    an address; the others are on the map that ends the handout, and the list says so."""
    people = (DocContact("Brigitte Goffin", "gp", ("080 34 36 05",), None, "gp"),
              DocContact("Andrée Remy", "épouse", (), None, "family"),
              DocContact("Maison médicale du Centre", "nurse", (), "Rue Haute 3, 6830 Bouillon",
                         "nurse"),
              DocContact("Léon Remy", "fils", (), None, "family"))
    data = HandoutData(patient_name="Marcel Remy", made_on=dt.date(2026, 12, 7), plan=None,
                       week=Week(days=((),) * 7, other=()), contacts=people, gp=None,
                       case_manager_name="Anne Lambert", case_manager_phone=None,
                       organisation=None)
    pdf = tmp_path / "h.pdf"
    pdf.write_bytes(build_handout(data, large=False))
    text = " ".join(page_texts(pdf))
    listed = text[text.index("Mes contacts"):text.index("Les personnes autour de moi")]
    assert "Brigitte Goffin" in listed and "Maison médicale du Centre" in listed
    assert "Andrée Remy" not in listed and "Léon Remy" not in listed
    assert "sur la carte" in listed
    on_map = text[text.index("Les personnes autour de moi"):]
    assert all(name in on_map for name in ("Andrée Remy", "Léon Remy", "Brigitte Goffin"))
