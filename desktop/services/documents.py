"""Printed documents: gather the data in one read, render with reportlab, write atomically, audit.

Every print is audited ("print", document code and language; no names). The PDF is rendered in
memory, written to a temporary file in the destination folder and renamed: an unwritable path
gives a clear message and no half-written file. Consent decides what third parties appear:
a carer's phone and address only with the carer's own agreement (on their contact); a document
to the GP of record or to a provider of the agreed plan unless the patient objected to them, to
any other provider only with PURPOSE_PROVIDER_SHARING for that provider.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import consent_policy as policy
from desktop.domain.care_plan import WeekAction, build_week
from desktop.domain.consent_policy import ConsentFact
from desktop.domain.dates import age_on
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.domain.niss import format_niss
from desktop.domain.phone import display_phone
from desktop.i18n import LANGUAGES
from desktop.i18n.punctuation import colon
from desktop.resources import resource_path
from desktop.services.care_plans import (
    Person,
    PlanView,
    ecosystem,
    person_name,
    plan_in_force,
)
from desktop.services.context import AppContext
from desktop.services.patients import load_patient
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.fsutil import export_mode
from desktop.storage.models import (
    AssessmentResponse,
    Case,
    Concertation,
    ConsentEvent,
    Contact,
    GpFeedback,
    Patient,
    Setting,
    Visit,
)

# settings (in the vault) that the documents print
SETTING_CM_PHONE = "case_manager_phone"
SETTING_ORGANISATION = "organisation_name"
PRIVATE_KINDS = frozenset({"informal_carer", "family", "friend", "neighbour"})


# ---------------------------------------------------------------------------------------------
# Output files
# ---------------------------------------------------------------------------------------------
def check_output(out_path: str | os.PathLike[str]) -> Path:
    """Refuse before any work: a folder, a missing folder, a folder we cannot write into."""
    path = Path(out_path).expanduser()
    if path.is_dir():
        raise ValidationError("document.is_folder", "out", path=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError("document.folder_missing", "out", path=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError("document.not_writable", "out", path=str(folder))
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: the destination is whole or untouched."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, export_mode(path))  # new: 0600 (patient data); replaced: mode kept
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _os_error(exc, folder) from exc


def _os_error(exc: OSError, folder: Path) -> ValidationError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ValidationError("vault.disk_full", "out")
    return ValidationError("document.not_writable", "out", path=str(folder))


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValidationError("document.language_invalid", "lang", value=lang)
    return lang


def _finish(ctx: AppContext, path: Path, data: bytes, *, patient_id: str, document: str,
            lang: str, record_table: str = "patient", record_id: str | None = None,
            **detail: Any) -> Path:
    write_atomic(path, data)

    def audit(uow: UnitOfWork) -> None:
        uow.audit("print", table=record_table, record_id=record_id or patient_id,
                  patient_id=patient_id, document=document, lang=lang, **detail)

    try:
        ctx.write(audit)
    except BaseException:
        # an unaudited print must not stay behind
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return path


# ---------------------------------------------------------------------------------------------
# Gathering
# ---------------------------------------------------------------------------------------------
def _facts(session: Session, patient_id: str) -> list[ConsentFact]:
    rows = session.execute(
        select(ConsentEvent.purpose, ConsentEvent.decision, ConsentEvent.decided_on,
               ConsentEvent.recorded_at, ConsentEvent.contact_id)
        .where(ConsentEvent.patient_id == patient_id, ConsentEvent.deleted.is_(False))).all()
    return [ConsentFact(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def _setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return row.value if row else None


def _address(street: str | None, number: str | None, postal: str | None, city: str | None,
             box: str | None = None) -> str:
    line1 = " ".join(x for x in (street, number) if x)
    if box:
        line1 += f" bte {box}"
    line2 = " ".join(x for x in (postal, city) if x)
    return ", ".join(x for x in (line1, line2) if x)


def _doc_contact(session: Session, patient_id: str, person: Person,
                 facts: list[ConsentFact]) -> Any:
    from desktop.reports.document_data import DocContact
    from desktop.services.consents import carer_details_allowed

    private = person.kind in PRIVATE_KINDS or person.is_informal_carer
    if private and not carer_details_allowed(session, patient_id, person.contact_id, facts):
        return DocContact(person.name, person.role or person.kind, (), None, person.kind)
    address = None
    if private:
        c = session.get(Contact, person.contact_id)
        if c is not None:
            address = _address(c.street, c.house_number, c.postal_code, c.city) or None
    return DocContact(person.name, person.role or person.kind,
                      tuple(display_phone(p) for p in person.phones), address, person.kind)


def _gp(session: Session, p: Patient, people: list[Person]) -> Any:
    from desktop.reports.document_data import DocContact

    gp_id = p.gp_contact_id or next((x.contact_id for x in people if x.is_gp), None)
    c = session.get(Contact, gp_id) if gp_id else None
    if c is None or c.deleted:
        return None
    return DocContact(person_name(c), "gp", tuple(display_phone(x) for x in c.phones or ()),
                      _address(c.street, c.house_number, c.postal_code, c.city) or None, "gp")


def _open_case(session: Session, patient_id: str) -> Case | None:
    rows = list(session.execute(select(Case).where(
        Case.patient_id == patient_id, Case.deleted.is_(False))
        .order_by(Case.opened_on.desc())).scalars())
    return next((c for c in rows if c.status != "closed"), rows[0] if rows else None)


def _case_manager(ctx: AppContext, session: Session, case: Case | None) -> tuple[str, str | None]:
    name = (case.primary_case_manager if case else None) or ctx.user_name or ""
    phone = _setting(session, SETTING_CM_PHONE)
    return name, display_phone(str(phone)) if phone else None


def _doc_plan(view: PlanView | None) -> Any:
    from desktop.reports.document_data import DocAction, DocGoal, DocPlan

    if view is None:
        return None
    goals = []
    for g in view.goals:
        actions = tuple(
            DocAction(a.what, a.responsible_kind, a.responsible_name, a.responsible_role,
                      a.schedule.text, a.start_date, a.end_date, a.status, a.schedule)
            for a in view.actions_of(g.id))
        goals.append(DocGoal(g.text, g.domain, g.target_date, g.status, actions))
    return DocPlan(view.version, view.status, view.agreed_on, view.agreed_with, view.review_date,
                   view.life_project, view.what_matters, view.expectations, view.to_avoid,
                   tuple(goals), agreed_parties=view.agreed_parties)


def _week_actions(view: PlanView | None) -> list[WeekAction]:
    if view is None:
        return []
    return [WeekAction(a.what, a.responsible_short or a.responsible_name, a.responsible_role,
                       a.responsible_kind,
                       a.schedule, a.start_date, a.end_date, a.status, a.responsible_phone)
            for a in view.actions]


def _ecomap(ctx: AppContext, patient_id: str) -> Any:
    from desktop.services.ecosystem import ecomap_data

    return ecomap_data(ctx, patient_id)


def _doc_medication(ctx: AppContext, patient_id: str) -> tuple[Any, ...]:
    from desktop.reports.document_data import DocMedication
    from desktop.services.medication import medication_of

    rows = ctx.read(lambda s: medication_of(s, patient_id))
    return tuple(DocMedication(m.name, m.dose or "", m.schedule or "", m.prescriber_name or "",
                               m.source, m.checked_on, m.review_requested_to,
                               m.review_requested_on) for m in rows)


def handout_data(ctx: AppContext, patient_id: str, *, with_medication: bool = False) -> Any:
    """Everything the handout prints (no audit: `write_handout` audits the print). The
    medication list only when chosen (`with_medication`)."""
    from desktop.reports.document_data import HandoutData

    today = ctx.today()

    def run(s: Session) -> HandoutData:
        p = load_patient(s, patient_id)
        people = ecosystem(s, patient_id)
        facts = _facts(s, patient_id)
        view = plan_in_force(s, patient_id)
        cm_name, cm_phone = _case_manager(ctx, s, _open_case(s, patient_id))
        gp = _gp(s, p, people)
        contacts = tuple(_doc_contact(s, patient_id, x, facts) for x in people)
        return HandoutData(
            patient_name=f"{p.given_name} {p.family_name}", made_on=today, plan=_doc_plan(view),
            week=build_week(_week_actions(view), today), contacts=contacts, gp=gp,
            case_manager_name=cm_name or None, case_manager_phone=cm_phone,
            organisation=_setting(s, SETTING_ORGANISATION))

    data = ctx.read(run)
    from dataclasses import replace

    medication = _doc_medication(ctx, patient_id) if with_medication else ()
    return replace(data, ecomap=_ecomap(ctx, patient_id), medication=medication)


@lru_cache(maxsize=32)
def _instrument_texts(instrument_id: str) -> dict[str, Any]:
    path = resource_path("instruments", f"{instrument_id}.json")
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _assessment_result(row: AssessmentResponse, lang: str) -> tuple[str, str]:
    """("Katz", "Forfait thuisverpleging: forfait B · Zorgcategorie residentiële zorg: Cd (C en
    gedesoriënteerd)"): the instrument's name and each of its results named, in words."""
    defn = _instrument_texts(row.instrument_id)
    title = defn.get("short_title") or defn.get("title") or {}
    name = str(title.get(lang) or title.get("fr") or row.instrument_id)
    score_defs = {s.get("id"): s for s in defn.get("scores") or []}
    parts: list[str] = []
    stored = row.scores or {}
    for sid, s in (stored.get("scores") or {}).items():
        sdef = score_defs.get(sid) or {}
        label = (sdef.get("label") or {}).get(lang) or sid
        value = f"{s.get('value')}/{s.get('max')}" if s.get("max") is not None else \
            str(s.get("value"))
        text = colon(label, value, lang)
        band = s.get("band")
        if band:
            for bs in sdef.get("band_sets") or []:
                if bs.get("id") == s.get("band_set") or s.get("band_set") is None:
                    for b in bs.get("bands") or []:
                        if b.get("code") == band:
                            band = (b.get("label") or {}).get(lang) or band
            text += f" ({band})"
        parts.append(text)
    derived_defs = {d.get("id"): d for d in defn.get("derived") or []}
    for did, d in (stored.get("derived") or {}).items():
        code = d.get("code")
        ddef = derived_defs.get(did) or {}
        label = str(code)
        for c in ddef.get("categories") or []:
            if c.get("code") == code:
                label = str((c.get("label") or {}).get(lang) or code)
        head, sep, rest = label.partition(":")
        if sep and head.strip() == str(code):  # "Cd: C en gedesoriënteerd" → "Cd (C en …)"
            label = f"{head.strip()} ({rest.strip()})"
        what = (ddef.get("label") or {}).get(lang)
        if what and label.lower().startswith(str(what).split()[0].lower()) \
                and label.lower() != str(what).split()[0].lower():
            label = label[0].lower() + label[1:]  # "Forfait B" after its name: "forfait B"
        parts.append(colon(str(what), label, lang) if what else label)
    return name, " · ".join(parts)


def _assessments(s: Session, patient_id: str, lang: str) -> tuple[Any, ...]:
    from desktop.reports.document_data import DocAssessment

    rows = list(s.execute(select(AssessmentResponse).where(
        AssessmentResponse.patient_id == patient_id, AssessmentResponse.deleted.is_(False),
        AssessmentResponse.status == "completed")
        .order_by(AssessmentResponse.assessed_on.desc())).scalars())
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    out = []
    seen: set[str] = set()
    for r in rows:  # the latest valid response per instrument
        if r.id in superseded or r.instrument_id in seen or r.instrument_id == "needs_checklist":
            continue
        seen.add(r.instrument_id)
        name, result = _assessment_result(r, lang)
        out.append(DocAssessment(name, r.assessed_on, result))
    return tuple(out)


def summary_data(ctx: AppContext, patient_id: str, lang: str = "fr") -> Any:
    from desktop.reports.document_data import DocCase, DocNeed, SummaryData

    today = ctx.today()
    needs = _needs_for(ctx, patient_id)

    def run(s: Session) -> SummaryData:
        p = load_patient(s, patient_id)
        people = ecosystem(s, patient_id)
        case = _open_case(s, patient_id)
        cm_name, _ = _case_manager(ctx, s, case)
        doc_case = None
        if case is not None:
            doc_case = DocCase(
                case.status, case.requester_name or "", case.requester_type,
                case.request_date, case.request_reason or "", case.clarified_request or "",
                case.complexity_tier or "", case.primary_case_manager or "", case.opened_on,
                case.closed_on, case.closure_reason, tuple(case.closure_agreed_by or ()),
                case.closure_handback)
        visits = tuple(v for (v,) in s.execute(select(Visit.planned_start).where(
            Visit.patient_id == patient_id, Visit.deleted.is_(False), Visit.status == "planned",
            Visit.planned_start >= dt.datetime.combine(today, dt.time()))
            .order_by(Visit.planned_start).limit(3)).all() if v is not None)
        letters = tuple(d for (d,) in s.execute(select(GpFeedback.due_on).where(
            GpFeedback.patient_id == patient_id, GpFeedback.deleted.is_(False),
            GpFeedback.status == "pending")).all())
        conc = s.execute(select(Concertation).where(
            Concertation.patient_id == patient_id, Concertation.deleted.is_(False))
            .order_by(Concertation.held_on.desc())).scalars().first()
        last_conc = None
        if conc is not None:
            ref = next((x.name for x in people if x.contact_id == conc.reference_contact_id), None)
            last_conc = (conc.held_on, ref)
        statuses = tuple(code for code, on in (("bim", p.bim), ("maf", p.maf),
                                               ("chronic", p.chronic_status)) if on)
        from desktop.reports.document_data import DocContact

        # a professional document: the network with phones (direct care, GDPR art. 9(2)(h))
        contacts = tuple(DocContact(x.name, x.role or x.kind,
                                    tuple(display_phone(ph) for ph in x.phones), None, x.kind)
                         for x in people)
        return SummaryData(
            patient_name=f"{p.given_name} {p.family_name}", birth_date=p.birth_date,
            age=age_on(p.birth_date, today) if p.birth_date else None,
            niss=format_niss(p.niss) if p.niss else None,
            address=_address(p.street, p.house_number, p.postal_code, p.city, p.box),
            phones=tuple(display_phone(x) for x in p.phones or ()), gp=_gp(s, p, people),
            mutualite=p.mutualite, statuses=statuses, case=doc_case,
            assessments=_assessments(s, patient_id, lang),
            needs=tuple(DocNeed(d, desc, st) for d, desc, st in needs),
            plan=_doc_plan(plan_in_force(s, patient_id)), contacts=contacts,
            planned_visits=visits, pending_gp_letters=letters, last_concertation=last_conc,
            printed_on=today, printed_by=cm_name or ctx.user_name or "")

    data = ctx.read(run)
    from dataclasses import replace

    return replace(data, ecomap=_ecomap(ctx, patient_id),
                   medication=_doc_medication(ctx, patient_id))


def _needs_for(ctx: AppContext, patient_id: str) -> list[tuple[str, str, str]]:
    from desktop.services.care_plans import _unmet_needs

    return _unmet_needs(ctx, patient_id)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
def render_handout(ctx: AppContext, patient_id: str, *, lang: str = "fr",
                   large: bool = False, with_medication: bool = False) -> bytes:
    from desktop.reports.handout import build_handout

    return build_handout(handout_data(ctx, patient_id, with_medication=with_medication),
                         lang=_lang(lang), large=large)


def write_handout(ctx: AppContext, patient_id: str, out_path: str | os.PathLike[str], *,
                  lang: str = "fr", large: bool = False, with_medication: bool = False) -> Path:
    """The patient's handout as a PDF at `out_path` (audited "print"); the medication list on
    it only when chosen."""
    path = check_output(out_path)
    data = render_handout(ctx, patient_id, lang=lang, large=large,
                          with_medication=with_medication)
    extra: dict[str, Any] = {"with_medication": True} if with_medication else {}
    return _finish(ctx, path, data, patient_id=patient_id, document="handout", lang=lang,
                   large=large, **extra)


def write_summary(ctx: AppContext, patient_id: str, out_path: str | os.PathLike[str], *,
                  lang: str = "fr", to_contact_id: str | None = None,
                  override_reason: str | None = None) -> Path:
    """The professional summary (audited "print"). Addressed to an external provider
    (`to_contact_id`), it needs the patient's consent to share with that provider, or an
    override with its reason (logged in the consent log, where the law allows one)."""
    from desktop.reports.summary import build_summary

    path = check_output(out_path)
    lang = _lang(lang)
    if to_contact_id:
        _check_provider_sharing(ctx, patient_id, to_contact_id, override_reason)
    data = build_summary(summary_data(ctx, patient_id, lang), lang=lang)
    detail = {"to_contact_id": to_contact_id} if to_contact_id else {}
    return _finish(ctx, path, data, patient_id=patient_id, document="summary", lang=lang,
                   **detail)


def _check_provider_sharing(ctx: AppContext, patient_id: str, contact_id: str,
                            override_reason: str | None = None) -> None:
    """The GP of record and the providers of the agreed plan, unless the patient objected to
    them; any other provider with the patient's consent for that provider. Otherwise an
    override with its reason (logged in the consent log), or RuleViolation."""
    from desktop.services import consents

    def run(s: Session) -> str:
        load_patient(s, patient_id)
        return consents.provider_document(s, patient_id, contact_id)
    code = ctx.read(run)
    if code in policy.PROVIDER_ALLOWED:
        return
    if override_reason is None:
        raise RuleViolation("consent.provider_objected" if code == policy.PROVIDER_OBJECTED
                            else "consent.provider_sharing_missing", "consent")
    # the consent feature logs the override with its reason (and refuses a short one)
    consents.record_override(ctx, patient_id, policy.PURPOSE_PROVIDER_SHARING, override_reason,
                             contact_id=contact_id)


def write_gp_letter(ctx: AppContext, feedback_id: str, out_path: str | os.PathLike[str], *,
                    lang: str = "fr", override_reason: str | None = None) -> Path:
    """The letter of a GP feedback record (audited "print"); needs the patient's consent to
    share documents with that GP."""
    from desktop.reports.document_data import GpLetterData
    from desktop.reports.gp_letter import build_gp_letter
    from desktop.services import gp_feedback

    path = check_output(out_path)
    lang = _lang(lang)
    fb = gp_feedback.get_letter(ctx, feedback_id)
    if not fb.gp_contact_id:
        raise ValidationError("gp.none", "gp")
    _check_provider_sharing(ctx, fb.patient_id, fb.gp_contact_id, override_reason)

    def run(s: Session) -> GpLetterData:
        p = load_patient(s, fb.patient_id)
        gp = s.get(Contact, fb.gp_contact_id)
        cm_name, cm_phone = _case_manager(ctx, s, _open_case(s, fb.patient_id))
        return GpLetterData(
            gp_name=person_name(gp) if gp is not None else "",
            gp_address=_address(gp.street, gp.house_number, gp.postal_code, gp.city) or None
            if gp is not None else None,
            patient_name=f"{p.given_name} {p.family_name}", birth_date=p.birth_date,
            written_on=ctx.today(), summary=fb.summary, questions=fb.questions,
            plan=_doc_plan(plan_in_force(s, fb.patient_id)), case_manager_name=cm_name,
            case_manager_phone=cm_phone, organisation=_setting(s, SETTING_ORGANISATION))

    data = build_gp_letter(ctx.read(run), lang=lang)
    return _finish(ctx, path, data, patient_id=fb.patient_id, document="gp_letter", lang=lang,
                   record_table="gp_feedback", record_id=feedback_id)


def render_for_printer(ctx: AppContext, patient_id: str, document: str, *, lang: str = "fr",
                       large: bool = False, with_medication: bool = False) -> bytes:
    """The handout or the summary as PDF bytes for the system print dialog: rendered in
    memory, never written to a file (no patient data in temp files), audited "print" like a
    saved copy (to="printer")."""
    lang = _lang(lang)
    if document == "handout":
        data = render_handout(ctx, patient_id, lang=lang, large=large,
                              with_medication=with_medication)
        detail: dict[str, Any] = {"large": large}
        if with_medication:
            detail["with_medication"] = True
    elif document == "summary":
        from desktop.reports.summary import build_summary

        data = build_summary(summary_data(ctx, patient_id, lang), lang=lang)
        detail = {}
    else:
        raise ValueError(f"no printer rendering for {document!r}")

    def audit(uow: UnitOfWork) -> None:
        uow.audit("print", table="patient", record_id=patient_id, patient_id=patient_id,
                  document=document, lang=lang, to="printer", **detail)

    ctx.write(audit)
    return data
