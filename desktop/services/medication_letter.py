"""The letter asking the GP of record or the pharmacist for a medication review (issue 19,
item 2): the medicines marked "review requested" of that person, the case manager's question,
in the patient's language. Audited as a print; a document to a provider, so the consent gate of
`documents` applies (the GP of record needs no consent unless the patient objected)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain import paperwork as P
from desktop.domain.errors import ValidationError
from desktop.domain.text import clean_text
from desktop.i18n import LANGUAGES
from desktop.services import documents as D
from desktop.services.care_plans import ecosystem, person_name
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.storage.models import Contact

__all__ = ["check_review_letter", "letter_language", "write_review_letter"]


def letter_language(ctx: AppContext, patient_id: str) -> str:
    """The patient's first language we write in (fr, nl, en), else French."""

    def run(s: Session) -> str:
        p = load_patient(s, patient_id)
        return next((x for x in (p.languages or ()) if x in LANGUAGES), "fr")

    return ctx.read(run)


def _addressee(s: Session, patient_id: str, to: str) -> str | None:
    """The GP of record; for the pharmacist, the pharmacy of the ecomap (an organisation of
    kind pharmacist first, else a pharmacist), None when there is none."""
    from desktop.services.consents import gp_of_record

    if to == "gp":
        return gp_of_record(s, patient_id)
    people = [x for x in ecosystem(s, patient_id) if x.kind == "pharmacist"]
    people.sort(key=lambda x: not x.is_organisation)
    return people[0].contact_id if people else None


def _check(ctx: AppContext, patient_id: str, to: str) -> tuple[str | None, tuple[Any, ...]]:
    if to not in P.REVIEWERS:
        raise ValidationError("medication.reviewer_invalid", "to", value=str(to)[:40],
                              names=", ".join(P.REVIEWERS))
    contact_id = ctx.read(lambda s: (load_patient(s, patient_id),
                                     _addressee(s, patient_id, to))[1])
    if to == "gp" and not contact_id:
        raise ValidationError("gp.none", "gp")
    lines = tuple(m for m in D._doc_medication(ctx, patient_id) if m.review_to == to)
    if not lines:
        from desktop.i18n import t

        raise ValidationError("medication.review_none", "to",
                              who=t(f"medication.reviewer.{to}"))
    if contact_id:
        D._check_provider_sharing(ctx, patient_id, contact_id)
    return contact_id, lines


def check_review_letter(ctx: AppContext, patient_id: str, to: str,
                        question: str | None = None) -> None:
    """Refuse before asking where to save: nothing marked for review of `to`, no GP of record,
    the patient objected to sharing with the addressee, or a question too long."""
    clean_text(question, "question", max_len=2000)
    _check(ctx, patient_id, to)


def write_review_letter(ctx: AppContext, patient_id: str, to: str,
                        out_path: str | os.PathLike[str], *, question: str | None = None,
                        lang: str | None = None) -> Path:
    """The review letter as a PDF at `out_path` (audited "print", document
    "medication_review"). Refused when no medicine is marked for review to `to`, when `to` is
    the GP and there is none, or when the patient objected to sharing with the addressee."""
    from desktop.reports.medication_letter import MedicationLetterData, build_medication_letter

    path = D.check_output(out_path)
    lang = D._lang(lang) if lang else letter_language(ctx, patient_id)
    text = clean_text(question, "question", max_len=2000) or ""
    contact_id, lines = _check(ctx, patient_id, to)

    def run(s: Session) -> MedicationLetterData:
        p = load_patient(s, patient_id)
        c = s.get(Contact, contact_id) if contact_id else None
        cm_name, cm_phone = D._case_manager(ctx, s, D._open_case(s, patient_id))
        return MedicationLetterData(
            to=to, addressee=person_name(c) if c is not None else "",
            addressee_address=D._address(c.street, c.house_number, c.postal_code, c.city)
            or None if c is not None else None,
            patient_name=f"{p.given_name} {p.family_name}", birth_date=p.birth_date,
            written_on=ctx.today(), medication=lines, question=text,
            case_manager_name=cm_name, case_manager_phone=cm_phone,
            organisation=D._setting(s, D.SETTING_ORGANISATION))

    data = build_medication_letter(ctx.read(run), lang=lang)
    return D._finish(ctx, path, data, patient_id=patient_id, document="medication_review",
                     lang=lang, to=to, lines=len(lines), to_contact_id=contact_id)
