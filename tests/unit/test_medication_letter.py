"""The letter asking for a medication review (issue 19, item 2), on a real vault: its text in
French and Dutch (pypdf), the addressee, the print audit, the consent gate."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.domain.consent_policy import PURPOSE_PROVIDER_SHARING
from desktop.domain.dates import utcnow
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.services import medication
from desktop.services.context import AppContext
from desktop.services.medication_letter import write_review_letter
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import AuditEvent, ConsentEvent, Contact, Relationship
from tests.unit.plan_scenario import TODAY, make_scenario


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(path)).pages)


def _medicines(ctx: AppContext, pid: str, gp: str) -> None:
    a = medication.add_medication(ctx, pid, "Bisoprolol", dose="2,5 mg", schedule="le matin",
                                  prescriber_id=gp, source="pharmacist")
    b = medication.add_medication(ctx, pid, "Lorazépam", dose="1 mg", schedule="le soir",
                                  source="patient")
    medication.add_medication(ctx, pid, "Paracétamol", dose="1 g", source="patient")
    medication.request_review(ctx, a, "gp")
    medication.request_review(ctx, b, "gp")


def test_letter_to_the_gp_in_french_and_dutch(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_scenario(ctx, with_needs=False)
    _medicines(ctx, sc.patient_id, sc.gp)
    out = write_review_letter(ctx, sc.patient_id, "gp", tmp_path / "fr.pdf",
                              question="Le lorazépam est-il encore utile ? Elle tombe la nuit.",
                              lang="fr")
    fr = _text(out)
    for phrase in ("Demande de révision des médicaments", "Dr Pierre Lemaire", "Élise Peeters",
                   "02/04/1939", "Bisoprolol", "2,5 mg", "le matin", "Lorazépam", "Ma question",
                   "Le lorazépam est-il encore utile", "pharmacien",
                   TODAY.strftime("%d/%m/%Y")):
        assert phrase in fr, phrase
    assert "Paracétamol" not in fr  # not marked for review
    for dutch in ("Betreft", "Geachte", "Mijn vraag", "Te herzien"):
        assert dutch not in fr
    nl = _text(write_review_letter(ctx, sc.patient_id, "gp", tmp_path / "nl.pdf", lang="nl"))
    for phrase in ("Vraag om herziening van de geneesmiddelen", "Betreft", "Geachte dokter",
                   "Bisoprolol", "Te herzien geneesmiddelen"):
        assert phrase in nl, phrase
    for french in ("Concerne", "Docteur", "Médicaments à revoir", "Ma question", "né(e)"):
        assert french not in nl
    assert "Mijn vraag" not in nl  # no question asked: no heading

    def events(s):  # type: ignore[no-untyped-def]
        return list(s.execute(select(AuditEvent).where(AuditEvent.action == "print")).scalars())

    printed = ctx.read(events)
    assert [(e.detail["document"], e.detail["lang"], e.detail["to"], e.detail["lines"])
            for e in printed] == [("medication_review", "fr", "gp", 2),
                                  ("medication_review", "nl", "gp", 2)]
    assert all(e.patient_id == sc.patient_id and e.detail["to_contact_id"] == sc.gp
               for e in printed)
    assert "lorazépam" not in repr([e.detail for e in printed]).lower()


def test_pharmacist_letter_names_the_pharmacy_or_leaves_a_blank(ctx: AppContext,
                                                                   tmp_path: Path) -> None:
    sc = make_scenario(ctx, with_needs=False)
    mid = medication.add_medication(ctx, sc.patient_id, "Metformine", dose="500 mg")
    medication.request_review(ctx, mid, "pharmacist")
    with pytest.raises(ValidationError) as exc:  # nothing marked for the GP
        write_review_letter(ctx, sc.patient_id, "gp", tmp_path / "x.pdf")
    assert exc.value.code == "medication.review_none"
    assert not (tmp_path / "x.pdf").exists()
    blank = _text(write_review_letter(ctx, sc.patient_id, "pharmacist", tmp_path / "a.pdf",
                                      lang="fr"))
    assert "la pharmacie ……" in blank and "Metformine" in blank

    def run(uow: UnitOfWork) -> str:
        c = uow.add(Contact, kind="pharmacist", is_organisation=True,
                    organisation="Pharmacie du Parc", phones=[])
        uow.add(Relationship, patient_id=sc.patient_id, contact_id=c.id, role="pharmacie")
        uow.add(ConsentEvent, patient_id=sc.patient_id, purpose=PURPOSE_PROVIDER_SHARING,
                contact_id=c.id, decision="granted", decided_on=TODAY, method="oral",
                recorded_at=utcnow())
        return str(c.id)

    ctx.write(run)
    named = _text(write_review_letter(ctx, sc.patient_id, "pharmacist", tmp_path / "b.pdf",
                                      lang="en"))
    assert "For the attention of Pharmacie du Parc" in named
    assert "Dear Pharmacist" in named


def test_objection_blocks_the_letter_to_the_gp(ctx: AppContext, tmp_path: Path) -> None:
    sc = make_scenario(ctx, with_needs=False)
    _medicines(ctx, sc.patient_id, sc.gp)

    def refuse(uow: UnitOfWork) -> None:
        uow.add(ConsentEvent, patient_id=sc.patient_id, purpose=PURPOSE_PROVIDER_SHARING,
                contact_id=sc.gp, decision="refused", decided_on=TODAY, method="oral",
                recorded_at=utcnow())

    ctx.write(refuse)
    with pytest.raises(RuleViolation) as exc:
        write_review_letter(ctx, sc.patient_id, "gp", tmp_path / "no.pdf")
    assert exc.value.code == "consent.provider_objected"
    assert not (tmp_path / "no.pdf").exists()
    assert ctx.read(lambda s: s.execute(select(AuditEvent).where(
        AuditEvent.action == "print")).first()) is None
