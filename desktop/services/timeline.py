"""The dossier overview: the patient, their cases, and one timeline of visits, notes, hospital
stays and case status changes, newest first. Opening it is a view of the record: audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.cases import CaseView, case_view
from desktop.services.context import AppContext
from desktop.services.journal import notes_of
from desktop.services.patients import PatientView, get_patient, load_patient
from desktop.services.stays import stays_of
from desktop.services.unit_of_work import UnitOfWork
from desktop.services.visits import VisitView, visits_of
from desktop.storage.models import Case, CaseStatusChange

SNIPPET = 160

__all__ = ["DossierOverview", "TimelineEntry", "open_dossier", "timeline"]


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    kind: str  # visit | note | stay | status
    record_id: str
    code: str  # visit kind, stay kind, new case status; "" for notes
    status: str  # visit status, "corrected"/"correction" for notes, from-status for changes
    text: str  # first characters of the free text (notes, visit notes, stay reason)
    case_id: str | None = None


@dataclass(frozen=True)
class DossierOverview:
    patient: PatientView
    cases: tuple[CaseView, ...]
    timeline: tuple[TimelineEntry, ...]
    next_visit: VisitView | None
    visits: tuple[VisitView, ...]


def _snippet(text: str | None) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= SNIPPET else t[: SNIPPET - 1] + "…"


def _timeline(session: Session, patient_id: str, visits: list[VisitView]) -> list[TimelineEntry]:
    out: list[TimelineEntry] = []
    for v in visits:
        if v.start is not None:
            out.append(TimelineEntry(v.start, "visit", v.id, v.kind, v.status,
                                     _snippet(v.notes or v.cancel_reason), v.case_id))
    for n in notes_of(session, patient_id):
        status = "correction" if n.corrects_note_id else ("corrected" if n.corrected_by_id else "")
        out.append(TimelineEntry(n.written_at, "note", n.id, "", status, _snippet(n.text),
                                 n.case_id))
    for h in stays_of(session, patient_id):
        out.append(TimelineEntry(dt.datetime.combine(h.admitted_on, dt.time()), "stay", h.id,
                                 h.kind, "planned" if h.planned else "unplanned",
                                 _snippet(" — ".join(x for x in (h.hospital, h.reason) if x)),
                                 h.case_id))
    changes = session.execute(select(CaseStatusChange).where(
        CaseStatusChange.patient_id == patient_id, CaseStatusChange.deleted.is_(False))).scalars()
    for c in changes:
        out.append(TimelineEntry(dt.datetime.combine(c.changed_on, dt.time()), "status", c.id,
                                 c.to_status, c.from_status or "", _snippet(c.note), c.case_id))
    # newest first; on the same day, the more precise time wins, ids keep the order stable
    out.sort(key=lambda e: (e.at, e.record_id), reverse=True)
    return out


def timeline(ctx: AppContext, patient_id: str) -> list[TimelineEntry]:
    def run(s: Session) -> list[TimelineEntry]:
        load_patient(s, patient_id)
        return _timeline(s, patient_id, visits_of(s, patient_id))

    return ctx.read(run)


def open_dossier(ctx: AppContext, patient_id: str) -> DossierOverview:
    """Everything the dossier's header and overview show, in one read after the audit event."""

    def audit(uow: UnitOfWork) -> None:
        load_patient(uow.session, patient_id)
        uow.audit("view", table="patient", record_id=patient_id, patient_id=patient_id,
                  purpose="dossier")

    ctx.write(audit)
    patient = get_patient(ctx, patient_id)
    today = ctx.today()

    def run(s: Session) -> DossierOverview:
        visits = visits_of(s, patient_id)
        cases = s.execute(select(Case).where(Case.patient_id == patient_id, Case.deleted.is_(False))
                          .order_by(Case.opened_on.desc(), Case.id.desc())).scalars().all()
        now = dt.datetime.combine(today, dt.time())
        upcoming = [v for v in visits if v.status == "planned" and v.planned_start
                    and v.planned_start >= now]
        return DossierOverview(
            patient=patient, cases=tuple(case_view(s, c, today) for c in cases),
            timeline=tuple(_timeline(s, patient_id, visits)),
            next_visit=min(upcoming, key=lambda v: v.planned_start or now) if upcoming else None,
            visits=tuple(visits))

    return ctx.read(run)
