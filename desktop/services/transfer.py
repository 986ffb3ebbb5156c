"""Transfer to another organisation (issue 19, item 6): with the patient's consent, a transfer
pack addressed to the receiving organisation, and the case closed with the reason "transfer".

The receiving organisation is a service of the directory (a contact that is not a patient's
relative). Sending it the record is sharing documents with a named provider, so the transfer
goes through the same gate as the summary addressed to a provider
(`documents._check_provider_sharing`, `desktop/domain/consent_policy.py`): the patient's
`provider_sharing` consent for that contact, or an override with its typed reason, logged in the
consent log, where the law allows one.

The pack is one zip file:
- `00-cover-letter.pdf`: to the receiving organisation, from whom, about whom, what is enclosed
  and on which basis (consent of the date, or the override);
- `01-summary.pdf`: the professional summary (`desktop/reports/summary.py`);
- `02-record.fhir.json`: the record as a FHIR R4 Bundle, built like the access export
  (`desktop/interop/fhir_export.py`);
- `manifest.json`: addressee, sender, patient and case ids, the files with their SHA-256.

One "export" audit event (kind "transfer", codes and ids only) is written in the transaction
that closes the case; the file is written last in it, so a pack that could not be written
leaves the case open and no event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import case_lifecycle as L
from desktop.domain.consent_policy import PURPOSE_PROVIDER_SHARING, current_decision
from desktop.domain.dates import utcnow
from desktop.domain.errors import NotFound, RuleViolation, ValidationError
from desktop.domain.ids import is_uuid
from desktop.domain.text import clean_line, clean_text
from desktop.i18n import LANGUAGES
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import ConsentEvent, Contact

PACK_FORMAT = "relais-transfer-pack"
PACK_VERSION = 1
COVER, SUMMARY, BUNDLE, MANIFEST = ("00-cover-letter.pdf", "01-summary.pdf",
                                    "02-record.fhir.json", "manifest.json")
CLOSURE_REASON = "transfer"
HANDBACK = "other_service"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Organisation:
    contact_id: str
    name: str
    address: str | None


@dataclass(frozen=True)
class TransferResult:
    path: Path
    case_id: str
    patient_id: str
    organisation: Organisation
    basis: str  # "consent" | "care" (allowed without a consent of its own) | "override"
    files: tuple[str, ...]


def _contact_name(c: Contact) -> str:
    from desktop.services.contacts import contact_name

    return contact_name(c)


def _address(c: Contact) -> str | None:
    street = " ".join(x for x in (c.street, c.house_number) if x)
    town = " ".join(x for x in (c.postal_code, c.city) if x)
    return ", ".join(x for x in (street, town) if x) or None


def organisations(ctx: AppContext) -> list[Organisation]:
    """The services of the directory a case can be transferred to, by name."""

    def run(s: Session) -> list[Organisation]:
        rows = s.scalars(select(Contact).where(
            Contact.deleted.is_(False), Contact.owner_patient_id.is_(None),
            Contact.merged_into_id.is_(None)))
        out = [Organisation(c.id, _contact_name(c), _address(c)) for c in rows]
        return sorted(out, key=lambda o: o.name.casefold())

    return ctx.read(run)


def resolve_organisation(session: Session, value: str) -> Organisation:
    """The receiving organisation: a directory contact by id, or by its exact name (letter case
    aside). Raises ValidationError when none or several match."""
    text = clean_line(value, "organisation", required=True)
    base = (Contact.deleted.is_(False), Contact.owner_patient_id.is_(None),
            Contact.merged_into_id.is_(None))
    if is_uuid(text):
        c = session.scalars(select(Contact).where(Contact.id == text, *base)).first()
        if c is None:
            raise ValidationError("transfer.organisation_unknown", "organisation", name=text)
        return Organisation(c.id, _contact_name(c), _address(c))
    wanted = text.casefold()
    found = [c for c in session.scalars(select(Contact).where(*base))
             if wanted in {_contact_name(c).casefold(), (c.organisation or "").casefold()}]
    if not found:
        raise ValidationError("transfer.organisation_unknown", "organisation", name=text)
    if len(found) > 1:
        raise ValidationError("transfer.organisation_ambiguous", "organisation", name=text,
                              n=len(found))
    c = found[0]
    return Organisation(c.id, _contact_name(c), _address(c))


def check_output(out: str | os.PathLike[str]) -> Path:
    from desktop.services.documents import check_output as check_folder

    path = Path(out).expanduser()
    if path.suffix.lower() != ".zip":
        raise ValidationError("transfer.output_suffix", "out")
    return check_folder(path)


def _consent_day(session: Session, patient_id: str, contact_id: str) -> dt.date | None:
    """The date of the consent in force to share with this provider, None without one."""
    from desktop.services.consents import _facts

    facts = _facts(session, patient_id)
    if current_decision(facts, PURPOSE_PROVIDER_SHARING, contact_id) != "granted":
        return None
    grants = session.scalars(select(ConsentEvent.decided_on).where(
        ConsentEvent.patient_id == patient_id, ConsentEvent.deleted.is_(False),
        ConsentEvent.purpose == PURPOSE_PROVIDER_SHARING, ConsentEvent.contact_id == contact_id,
        ConsentEvent.decision == "granted")).all()
    return max(grants) if grants else None


@dataclass(frozen=True)
class _Plan:
    case_id: str
    patient_id: str
    opened_on: dt.date | None
    organisation: Organisation
    consent_on: dt.date | None


def _plan(ctx: AppContext, case_id: str, organisation: str) -> _Plan:
    def run(s: Session) -> _Plan:
        from desktop.services.cases import load_case

        case = load_case(s, case_id)
        if not L.is_open(case.status):
            raise RuleViolation("case.closed", "status")
        org = resolve_organisation(s, organisation)
        return _Plan(case.id, case.patient_id, case.opened_on, org,
                     _consent_day(s, case.patient_id, org.contact_id))

    return ctx.read(run)


def check_transfer(ctx: AppContext, case_id: str, organisation: str) -> Organisation:
    """What the dialog asks before the long work: the case is open, the organisation known.
    Returns it; raises the same errors as `transfer_case`."""
    return _plan(ctx, case_id, organisation).organisation


def _allowed(ctx: AppContext, patient_id: str, contact_id: str) -> bool:
    """May the record go to this provider without an override? The documents' gate, read only
    (it writes nothing when no override reason is given)."""
    from desktop.services.documents import _check_provider_sharing

    try:
        _check_provider_sharing(ctx, patient_id, contact_id)
    except RuleViolation:
        return False
    return True


def has_consent(ctx: AppContext, case_id: str, organisation: str) -> bool:
    """Whether the transfer to this organisation needs no override (for the dialog)."""
    plan = _plan(ctx, case_id, organisation)
    return _allowed(ctx, plan.patient_id, plan.organisation.contact_id)


def transfer_case(ctx: AppContext, case_id: str, organisation: str,
                  out: str | os.PathLike[str], *, lang: str = "fr", note: str | None = None,
                  closed_on: str | dt.date | None = None, override_reason: str | None = None,
                  progress: Progress | None = None) -> TransferResult:
    """Write the transfer pack for the receiving organisation to `out` (a .zip) and close the
    case with the reason "transfer". Needs the patient's consent to share with that
    organisation (or an override with its reason, logged). Nothing is written on an error."""
    step = progress or (lambda _done, _total: None)
    total = 5
    path = check_output(out)
    if lang not in LANGUAGES:
        raise ValidationError("document.language_invalid", "lang", value=lang)
    clean_note = clean_text(note, "note", max_len=4000) or None
    today = ctx.today()
    plan = _plan(ctx, case_id, organisation)
    # the closure is checked now, before anything is built or logged
    _why, day, _ = L.validate_closure(CLOSURE_REASON, closed_on or today, plan.opened_on, today,
                                      None)
    from desktop.services.documents import _check_provider_sharing

    basis = "consent" if plan.consent_on is not None else "care"
    if not _allowed(ctx, plan.patient_id, plan.organisation.contact_id):
        try:  # with a reason, the gate logs the override (and refuses a short reason)
            _check_provider_sharing(ctx, plan.patient_id, plan.organisation.contact_id,
                                    override_reason)
        except RuleViolation as exc:  # a missing consent says how to go on; others as they are
            if exc.code == "consent.provider_sharing_missing":
                raise RuleViolation("transfer.consent_missing", "consent") from exc
            raise
        basis = "override"
    step(1, total)

    from desktop.reports.summary import build_summary
    from desktop.services import documents

    summary = build_summary(documents.summary_data(ctx, plan.patient_id, lang), lang=lang)
    step(2, total)
    bundle = _bundle(ctx, plan.patient_id, lang)
    bundle_bytes = json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")
    step(3, total)
    cover = _cover(ctx, plan, lang, basis, clean_note, today)
    files = {COVER: cover, SUMMARY: summary, BUNDLE: bundle_bytes}
    manifest = _manifest(ctx, plan, files, basis, lang)
    pack = _zip({**files, MANIFEST: json.dumps(manifest, ensure_ascii=False, indent=1)
                 .encode("utf-8")})
    step(4, total)

    def run(uow: UnitOfWork) -> None:
        from desktop.services.cases import _log_change, load_case
        from desktop.storage.fsutil import atomic_write

        case = load_case(uow.session, plan.case_id)
        L.check_transition(case.status, "closed")
        from_status = case.status
        # the follow-up goes to another service (desktop/domain/closure.py HANDBACK_TARGETS)
        uow.update(case, {"status": "closed", "closed_on": day,
                          "closure_reason": CLOSURE_REASON, "closure_note": clean_note,
                          "closure_handback": HANDBACK})
        _log_change(uow, case, from_status, "closed", day, clean_note)
        uow.audit("close", table="case_record", record_id=case.id, patient_id=case.patient_id,
                  reason=CLOSURE_REASON, handback=HANDBACK)
        uow.audit("export", table="patient", record_id=case.patient_id,
                  patient_id=case.patient_id, format="zip", kind="transfer",
                  to_contact_id=plan.organisation.contact_id, case_id=case.id, basis=basis)
        atomic_write(path, pack)  # last: a failure rolls the closure and the events back

    ctx.write(run)
    step(total, total)
    return TransferResult(path, plan.case_id, plan.patient_id, plan.organisation, basis,
                          (COVER, SUMMARY, BUNDLE, MANIFEST))


def _bundle(ctx: AppContext, patient_id: str, lang: str) -> dict[str, Any]:
    """The FHIR R4 Bundle of the access export (art. 20), not audited on its own: the pack's
    export event covers it. Its notes are in the pack's language, like the cover and summary."""
    from desktop.services import gdpr
    from desktop.services.patient_data import collect

    record = ctx.read(lambda s: collect(s, gdpr._patient(s, patient_id)))
    return gdpr._bundle(ctx, record, lang)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    stamp = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _sender(ctx: AppContext, s: Session, patient_id: str) -> tuple[str, str | None, str | None]:
    """(case manager, their phone, organisation) as the documents print them."""
    from desktop.services.documents import (
        SETTING_ORGANISATION,
        _case_manager,
        _open_case,
        _setting,
    )

    name, phone = _case_manager(ctx, s, _open_case(s, patient_id))
    org = _setting(s, SETTING_ORGANISATION)
    return name, phone, str(org) if org else None


def _manifest(ctx: AppContext, plan: _Plan, files: dict[str, bytes], basis: str,
              lang: str) -> dict[str, Any]:
    def run(s: Session) -> dict[str, Any]:
        name, phone, org = _sender(ctx, s, plan.patient_id)
        return {
            "format": PACK_FORMAT, "version": PACK_VERSION,
            "generated_at": utcnow().isoformat(timespec="seconds") + "Z", "language": lang,
            "to": {"organisation": plan.organisation.name,
                   "address": plan.organisation.address,
                   "directory_id": plan.organisation.contact_id},
            "from": {"organisation": org, "case_manager": name, "phone": phone},
            "patient_id": plan.patient_id, "case_id": plan.case_id,
            "basis": {"kind": basis, "purpose": PURPOSE_PROVIDER_SHARING,
                      "consent_on": plan.consent_on.isoformat() if plan.consent_on else None},
            "files": [{"name": n, "bytes": len(b), "sha256": hashlib.sha256(b).hexdigest(),
                       "media_type": "application/pdf" if n.endswith(".pdf")
                       else "application/fhir+json"} for n, b in files.items()],
        }

    return ctx.read(run)


def _cover(ctx: AppContext, plan: _Plan, lang: str, basis: str, note: str | None,
           today: dt.date) -> bytes:
    from desktop.reports.transfer_cover import TransferCover, build_transfer_cover
    from desktop.services.patients import load_patient

    def run(s: Session) -> TransferCover:
        p = load_patient(s, plan.patient_id)
        name, phone, org = _sender(ctx, s, plan.patient_id)
        return TransferCover(
            to_name=plan.organisation.name, to_address=plan.organisation.address,
            case_manager=name, phone=phone, organisation=org, written_on=today,
            patient_name=f"{p.given_name} {p.family_name}", birth_date=p.birth_date,
            opened_on=plan.opened_on, basis=basis, consent_on=plan.consent_on, note=note,
            files=(SUMMARY, BUNDLE, MANIFEST))

    return build_transfer_cover(ctx.read(run), lang=lang)


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of a pack (for the receiving side and the tests)."""
    try:
        with zipfile.ZipFile(path) as zf:
            data: dict[str, Any] = json.loads(zf.read(MANIFEST))
            return data
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as exc:
        raise NotFound("transfer.pack_unreadable", "path") from exc
