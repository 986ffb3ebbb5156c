"""Printed documents on a real vault, checked by their extracted text (pypdf), their fonts,
their rendered pages (pypdfium2) and their font sizes."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.domain.errors import RuleViolation, ValidationError
from desktop.services import care_plans, documents, gp_feedback
from desktop.services.context import AppContext
from desktop.storage.models import AssessmentResponse, AuditEvent
from tests.unit.plan_scenario import build_plan, make_patient, make_scenario

DAYS_FR = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
DAYS_NL = ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"]


def _text(path: Path) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", text)


def _prints(ctx: AppContext) -> list[AuditEvent]:
    return list(ctx.read(lambda s: s.execute(
        select(AuditEvent).where(AuditEvent.action == "print")).scalars().all()))


@pytest.fixture
def planned(ctx: AppContext):  # type: ignore[no-untyped-def]
    ctx.set_setting("case_manager_phone", "+32471203040")
    sc = make_scenario(ctx)
    plan_id = build_plan(ctx, sc, agree=True)
    # a completed assessment with scores: they belong in the summary, never in the handout
    ctx.write(lambda uow: uow.add(
        AssessmentResponse, patient_id=sc.patient_id, instrument_id="edmonton_frail",
        instrument_version="1", status="completed", assessed_on=dt.date(2026, 11, 2),
        answers={}, scores={"scores": {"total": {"value": 11, "min": 0, "max": 17,
                                                 "band": "severe", "band_set": "original"}},
                            "derived": {}, "complete": True}))
    return sc, care_plans.get_plan(ctx, plan_id)


def test_handout_names_every_goal_who_comes_which_day_and_every_phone(
        ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc, plan = planned
    out = documents.write_handout(ctx, sc.patient_id, tmp_path / "fiche.pdf", lang="fr")
    text = _text(out)
    for goal in plan.goals:
        assert goal.text in text
    for action in plan.actions:
        assert action.what in text
        if action.responsible_kind == "contact":
            assert action.responsible_short in text
        for day in action.schedule.days:
            assert DAYS_FR[day] in text
    assert "Moi" in text and "Mon gestionnaire de cas" in text
    # phones in national format; the neighbour gave no consent: his number stays off
    for key in ("gp", "nurse", "daughter", "home_help"):
        assert sc.phones[key] in text
    assert sc.phones["neighbour"] not in text and "Gérard Rousseau" in text
    assert "Chaussée de Louvain 3" in text  # the carer's address: consent given
    assert "112" in text and "1733" in text and "0471 20 30 40" in text
    assert "lundi 15 février 2027" in text  # the next review
    assert "Voir mes petits-enfants le dimanche" in text
    # no internal score, band or instrument in the patient's handout
    for word in ("Edmonton", "11/17", "severe", "sévère", "score", "unmet", "daily_functioning"):
        assert word not in text
    [event] = _prints(ctx)
    assert event.patient_id == sc.patient_id and event.detail["document"] == "handout"


def test_handout_in_dutch_keeps_the_accents(ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc, _plan = planned
    text = _text(documents.write_handout(ctx, sc.patient_id, tmp_path / "nl.pdf", lang="nl"))
    assert "Mijn doelen" in text and "In geval van nood" in text
    assert "Maandag" in text and "Zondag" in text
    assert "Élise Peeters" in text and "Françoise Dubois" in text and "sécurité" in text
    assert "Mes objectifs" not in text


def test_every_font_is_embedded_and_every_page_renders(
        ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc, _ = planned
    files = [documents.write_handout(ctx, sc.patient_id, tmp_path / "h.pdf", large=True),
             documents.write_summary(ctx, sc.patient_id, tmp_path / "s.pdf", lang="en")]
    for path in files:
        reader = PdfReader(str(path))
        fonts = {}
        for page in reader.pages:
            for font in (page["/Resources"].get("/Font") or {}).values():
                font = font.get_object()
                fonts[font["/BaseFont"]] = font
        assert fonts
        for name, font in fonts.items():
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
        pdf = pdfium.PdfDocument(str(path))
        try:
            for page in pdf:
                image = page.render(scale=0.5).to_pil()
                assert image.width > 200 and len(set(image.convert("L").getdata())) > 2
        finally:
            pdf.close()


def _sizes(path: Path) -> list[tuple[str, float]]:
    """(text, effective size) of every text run outside scaled drawings (the ecomap)."""
    runs: list[tuple[str, float]] = []
    for page in PdfReader(str(path)).pages:
        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip() and abs(cm[0] - 1) < 1e-6 and abs(cm[3] - 1) < 1e-6:
                runs.append((text.strip(), size * abs(tm[3])))
        page.extract_text(visitor_text=visit)
    return runs


def test_large_print_body_is_at_least_16_points(ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc, plan = planned
    large = _sizes(documents.write_handout(ctx, sc.patient_id, tmp_path / "l.pdf", large=True))
    assert large and min(size for _, size in large) >= 16
    goal_sizes = [size for text, size in large if plan.goals[0].text in text]
    assert goal_sizes and min(goal_sizes) >= 16
    normal = _sizes(documents.write_handout(ctx, sc.patient_id, tmp_path / "n.pdf"))
    assert min(size for _, size in normal) < 16  # the option really changes something


def test_summary_has_scores_needs_and_who_is_responsible(
        ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc, plan = planned
    text = _text(documents.write_summary(ctx, sc.patient_id, tmp_path / "s.pdf"))
    assert "Synthèse de l'accompagnement" in text and "Confidentiel" in text
    assert "Edmonton" in text and "11/17" in text and "02/11/2026" in text
    assert "Vie quotidienne" in text and "Toilette difficile seule" in text
    for action in plan.actions:
        assert action.what in text
    assert "Françoise Dubois" in text and "gestionnaire de cas" in text
    assert "0486 99 88 77" in text
    assert "Révision du plan : 15/02/2027" in text
    assert _prints(ctx)[0].detail["document"] == "summary"


def test_a_patient_with_no_contacts_and_no_plan_still_gets_a_useful_handout(
        ctx: AppContext, tmp_path: Path) -> None:
    pid = make_patient(ctx, family="Seul", given="René")
    text = _text(documents.write_handout(ctx, pid, tmp_path / "seul.pdf", large=True))
    assert "René Seul" in text and "112" in text and "1733" in text
    assert "Mon gestionnaire de cas complétera cette liste avec moi." in text
    assert "Nous choisirons ensemble mes objectifs." in text


def test_unwritable_output_gives_a_message_and_leaves_nothing(
        ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc, _ = planned
    with pytest.raises(ValidationError) as info:
        documents.write_handout(ctx, sc.patient_id, tmp_path / "missing" / "x.pdf")
    assert info.value.code == "document.folder_missing"
    with pytest.raises(ValidationError) as info:
        documents.write_handout(ctx, sc.patient_id, tmp_path)
    assert info.value.code == "document.is_folder"
    a_file = tmp_path / "note.txt"
    a_file.write_text("x")
    with pytest.raises(ValidationError) as info:
        documents.write_handout(ctx, sc.patient_id, a_file / "x.pdf")
    assert info.value.code == "document.folder_missing"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(ValidationError) as info:
            documents.write_handout(ctx, sc.patient_id, locked / "x.pdf")
        assert info.value.code == "document.not_writable"
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
    assert _prints(ctx) == []


def test_a_failed_rename_leaves_no_temporary_file(ctx: AppContext, planned, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    sc, _ = planned
    target = tmp_path / "fiche.pdf"
    target.write_bytes(b"old")

    def refuse(*args: object) -> None:
        raise PermissionError(13, "denied")

    monkeypatch.setattr(documents.os, "replace", refuse)
    with pytest.raises(ValidationError) as info:
        documents.write_handout(ctx, sc.patient_id, target)
    assert info.value.code == "document.not_writable"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fiche.pdf", "vault"]
    assert target.read_bytes() == b"old" and _prints(ctx) == []


def _physio(ctx: AppContext, patient_id: str) -> str:
    """A provider on the patient's map who acts in no action of the plan."""
    from desktop.storage.models import Contact, Relationship

    def run(uow):  # type: ignore[no-untyped-def]
        c = uow.add(Contact, kind="physio", family_name="Kinet", given_name="Paul")
        uow.add(Relationship, patient_id=patient_id, contact_id=c.id, role="kiné")
        return c.id
    return str(ctx.write(run))


def test_documents_go_to_the_gp_and_the_plans_providers_others_need_consent(
        ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc, plan = planned
    fid = gp_feedback.create_letter(ctx, sc.patient_id, summary="Chutes répétées cet automne.",
                                    questions="Pourriez-vous prescrire de la kiné ?")
    text = _text(documents.write_gp_letter(ctx, fid, tmp_path / "gp.pdf"))
    assert "Pierre Lemaire" in text and "Pourriez-vous prescrire de la kiné ?" in text
    assert plan.goals[0].text in text
    # the nurse acts in the agreed plan: no consent needed
    assert documents.write_summary(ctx, sc.patient_id, tmp_path / "n.pdf",
                                   to_contact_id=sc.nurse).exists()
    physio = _physio(ctx, sc.patient_id)
    with pytest.raises(RuleViolation) as info:
        documents.write_summary(ctx, sc.patient_id, tmp_path / "s.pdf", to_contact_id=physio)
    assert info.value.code == "consent.provider_sharing_missing"
    assert not (tmp_path / "s.pdf").exists()


def test_a_summary_for_a_provider_without_consent_needs_a_logged_override(
        ctx: AppContext, planned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.storage.models import ConsentEvent

    sc, _ = planned
    physio = _physio(ctx, sc.patient_id)
    out = documents.write_summary(ctx, sc.patient_id, tmp_path / "s.pdf", to_contact_id=physio,
                                  override_reason="Sortie d'hôpital urgente ce soir")
    assert out.exists()
    overrides = ctx.read(lambda s: s.execute(select(ConsentEvent).where(
        ConsentEvent.decision == "override")).scalars().all())
    assert [(o.contact_id, o.purpose) for o in overrides] == [(physio, "provider_sharing")]
    [event] = _prints(ctx)
    assert event.detail == {"document": "summary", "lang": "fr", "to_contact_id": physio}
