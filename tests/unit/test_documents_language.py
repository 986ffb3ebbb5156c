"""The printed documents of the demo vault, read as a bilingual reviewer reads them: a Dutch
handout or summary holds no phrase of the French catalog, glossary or demo text (and the other
way round); every phone number printed is a valid Belgian number in national format, and a
demo fixed line carries its town's telephone zone; the handout never leaves a page holding one
sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop import demo
from desktop.demo import cases as demo_cases
from desktop.demo import data as demo_data
from desktop.demo import ecosystem as demo_ecosystem
from desktop.demo import plans as demo_plans
from desktop.i18n import catalog
from desktop.i18n.clock import clock, clock_range
from desktop.i18n.glossary import glossary
from desktop.services import documents
from desktop.services.context import AppContext
from desktop.storage.models import CarePlan, Contact, Patient
from tests.conftest import PASSPHRASE

TODAY = dt.date(2026, 11, 23)
OTHER = {"fr": "nl", "nl": "fr"}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(data: bytes, tmp: Path) -> list[str]:
    tmp.write_bytes(data)
    return [_words(p.extract_text() or "") for p in PdfReader(str(tmp)).pages]


def _fragments(text: str) -> Iterator[str]:
    for part in PLACEHOLDER.split(text):
        part = part.strip(" .:;,()«»“”\"'—–-")
        if (len(part) >= 8 and " " in part) or len(part) >= 12:
            yield part


def _demo_texts(lang: str) -> Iterator[str]:
    """What the demo generator writes in `lang`, with both genders."""
    def both(text: str) -> Iterator[str]:
        yield demo_cases.said(text, True)
        yield demo_cases.said(text, False)

    for _kind, _name, reason, _fact in demo_cases.REQUESTS[lang]:
        yield from both(reason)
    yield demo_cases.CLARIFIED[lang]
    words = demo_plans.WORDS[lang]
    for key in ("life", "matters", "expect", "avoid"):
        yield from (text for text, _needs in words[key])
    for goal_fr, goal_nl in demo_plans.CARER_GOALS.values():
        yield goal_nl if lang == "nl" else goal_fr
    for (goal_fr, goal_nl), actions in demo_plans.GOALS.values():
        yield goal_nl if lang == "nl" else goal_fr
        for _kind, what_fr, what_nl, _when in actions:
            yield what_nl if lang == "nl" else what_fr
    for _kind, _org, role, _avail in (demo_ecosystem.SERVICES_NL if lang == "nl"
                                      else demo_ecosystem.SERVICES_FR):
        yield role


def foreign_phrases(lang: str) -> set[str]:
    """Phrases of the other language's document catalog, glossary and demo text that this
    language does not share (names like "Instrument" or "Solidaris" are left out)."""
    other = OTHER[lang]
    mine = catalog(lang)
    own = " | ".join(v for k, v in mine.items() if k.startswith("doc.")).lower()
    found: set[str] = set()
    for key, value in catalog(other).items():
        if key.startswith("doc."):
            found.update(_fragments(value))
    for entry in glossary().values():
        if entry[other].lower() != entry[lang].lower():
            found.add(entry[other])
    for text in _demo_texts(other):
        found.update(_fragments(text))
    return {p for p in found if p.lower() not in own}


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    ctx, _ = AppContext.create(folder, PASSPHRASE, user_name="Anne Lambert",
                               today=lambda: TODAY)
    demo.generate(ctx, 16, seed=7)
    yield ctx
    ctx.lock()


def _patients(ctx: AppContext, lang: str, limit: int = 3) -> list[str]:
    """Patients of that language with a care plan (the fullest documents)."""
    def run(s):  # type: ignore[no-untyped-def]
        planned = set(s.execute(select(CarePlan.patient_id)).scalars())
        return [p.id for p in s.execute(select(Patient).order_by(Patient.family_name)).scalars()
                if (p.languages or ["fr"])[0] == lang and p.id in planned]
    ids = ctx.read(run)
    assert ids, f"the demo has no {lang} patient with a plan"
    return ids[:limit]


def rendered(ctx: AppContext, pid: str, lang: str, tmp: Path) -> dict[str, list[str]]:
    return {
        "handout": pdf_pages(documents.render_handout(ctx, pid, lang=lang), tmp),
        "handout large": pdf_pages(documents.render_handout(ctx, pid, lang=lang, large=True),
                                   tmp),
        "summary": pdf_pages(documents.render_for_printer(ctx, pid, "summary", lang=lang), tmp),
    }


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_documents_hold_no_phrase_of_the_other_language(demo_vault: AppContext, lang: str,
                                                        tmp_path: Path) -> None:
    phrases = foreign_phrases(lang)
    assert {"médecin traitant", "Verduidelijkte vraag", "huisarts"} & phrases
    leaks = []
    for pid in _patients(demo_vault, lang):
        for doc, pages in rendered(demo_vault, pid, lang, tmp_path / "d.pdf").items():
            text = " ".join(pages).lower()
            leaks += [f"{doc}: {p!r}" for p in sorted(phrases) if p.lower() in text]
    assert not leaks, "\n".join(leaks)


def test_the_leak_check_sees_a_french_phrase_in_a_dutch_summary() -> None:
    # what the reviewer saw: the demo's French clarified request on a Dutch summary
    phrases = foreign_phrases("nl")
    text = "Verduidelijkte vraag Rester à domicile en sécurité, soulager l'aidant.".lower()
    assert any(p.lower() in text for p in phrases)
    assert any(p.lower() in "mijn huisarts: médecin traitant" for p in phrases)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_no_handout_page_holds_a_lone_sentence(demo_vault: AppContext, lang: str,
                                               tmp_path: Path) -> None:
    footer = catalog(lang)["doc.handout.footer"].format(name="Anne Lambert")
    for pid in _patients(demo_vault, lang):
        docs = rendered(demo_vault, pid, lang, tmp_path / "d.pdf")
        for doc in ("handout", "handout large"):
            for n, page in enumerate(docs[doc], 1):
                # what the page says beyond the footer and its number: more than a lone
                # heading and its sentence ("Mon prochain bilan. Nous referons le point…")
                body = page.replace(footer, "").replace(
                    catalog(lang)["doc.handout.page"].format(page=n), "")
                assert len(body.split()) >= 15, f"{doc} page {n}: {page!r}"


PHONE = re.compile(r"(?<![\d.])(?:0\d{1,3}(?: \d{2,3}){2,3})(?![\d.])")


def _document_phones(ctx: AppContext, pid: str) -> Iterator[str]:
    h = documents.handout_data(ctx, pid)
    s = documents.summary_data(ctx, pid, "fr")
    people = [*h.contacts, *s.contacts] + [x for x in (h.gp, s.gp) if x is not None]
    for person in people:
        yield from person.phones
    yield from s.phones
    if h.case_manager_phone:
        yield h.case_manager_phone


def test_every_phone_on_a_document_is_a_valid_belgian_number(demo_vault: AppContext,
                                                            tmp_path: Path) -> None:
    ids = demo_vault.read(lambda s: list(s.execute(select(Patient.id)).scalars()))
    seen = 0
    for pid in ids:
        for phone in _document_phones(demo_vault, pid):
            parsed = phonenumbers.parse(phone, "BE")
            assert phonenumbers.is_valid_number(parsed), phone
            assert parsed.country_code == 32 and phone.startswith("0"), phone
            assert phone == phonenumbers.format_number(
                parsed, phonenumbers.PhoneNumberFormat.NATIONAL), phone
            seen += 1
    assert seen > 50
    # and what is printed: every number-looking run of a rendered handout and summary
    for lang in ("nl", "fr"):
        for pid in _patients(demo_vault, lang, limit=2):
            for doc, pages in rendered(demo_vault, pid, lang, tmp_path / "d.pdf").items():
                for number in PHONE.findall(" ".join(pages)):
                    if number.replace(" ", "") in ("112", "1733"):
                        continue
                    assert phonenumbers.is_valid_number(phonenumbers.parse(number, "BE")), \
                        f"{doc}: {number}"


def test_demo_fixed_lines_carry_the_zone_of_their_town(demo_vault: AppContext) -> None:
    rows = demo_vault.read(lambda s: [(c.postal_code, list(c.phones or [])) for c in
                                      s.execute(select(Contact)).scalars()] +
                           [(p.postal_code, list(p.phones or [])) for p in
                            s.execute(select(Patient)).scalars()])
    fixed = 0
    for postal, phones in rows:
        for phone in phones:
            parsed = phonenumbers.parse(phone, None)
            assert phonenumbers.is_valid_number(parsed), phone
            if phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.FIXED_LINE:
                zone = demo_data.ZONE_BY_POSTAL[str(postal)]
                assert str(parsed.national_number).startswith(zone), (postal, phone)
                fixed += 1
    assert fixed > 20


def test_a_womans_spouse_is_her_husband(demo_vault: AppContext) -> None:
    from desktop.storage.models import Relationship

    rows = demo_vault.read(lambda s: s.execute(
        select(Patient.gender, Relationship.role).join(
            Relationship, Relationship.patient_id == Patient.id)).all())
    assert rows
    for gender, role in rows:
        if gender == "female":
            assert role not in ("épouse", "echtgenote"), role
        else:
            assert role not in ("époux", "echtgenoot"), role


def test_the_invalid_number_of_the_review_keeps_its_leading_zero() -> None:
    from desktop.domain.phone import display_phone

    assert display_phone("+3244332926").startswith("0")


def test_demo_text_speaks_of_the_patient_in_her_gender() -> None:
    assert demo_cases.said("[Haar|Zijn] zoon", True) == "Haar zoon"
    assert demo_cases.said("[Haar|Zijn] zoon", False) == "Zijn zoon"
    rows = [r for _pid, rows in demo_cases.case_rows(
        __import__("random").Random(1), TODAY, ["a", "b"], "Anne",
        people={"a": ("nl", True, 80), "b": ("fr", False, 80)}) for r in rows[demo_cases.CASE]]
    for row in rows:
        text = f"{row['requester_name']} {row['request_reason']}"
        if row["patient_id"] == "a":
            assert "Zijn " not in text and "Rester" not in (row["clarified_request"] or "")


@pytest.mark.parametrize(("lang", "one", "span"), [
    ("fr", "8 h 30", "10 h – 10 h 45"),
    ("nl", "8.30 uur", "10.00–10.45 uur"),
    ("en", "8:30", "10:00–10:45"),
])
def test_one_time_format_per_language(lang: str, one: str, span: str) -> None:
    nbsp = "\u00a0"
    assert clock("08:30", lang).replace(nbsp, " ") == one
    assert clock_range("10:00", "10:45", lang).replace(nbsp, " ") == span
    assert clock(dt.time(14, 0), lang).replace(nbsp, " ") == {"fr": "14 h", "nl": "14.00 uur",
                                                              "en": "14:00"}[lang]


def test_french_elides_de_before_a_vowel() -> None:
    from desktop.reports.ecomap_render import elide

    assert elide("Écocarte de Hélène Dubois — 01/02/2026", "Hélène Dubois", "fr") == \
        "Écocarte d'Hélène Dubois — 01/02/2026"
    assert elide("Écocarte de Marie — x", "Marie", "fr") == "Écocarte de Marie — x"
    assert elide("Ecomap van Els", "Els", "nl") == "Ecomap van Els"
