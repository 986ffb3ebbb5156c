"""Handover inside the team (issue 19, item 5): a case moves to another case manager of the team
(or a pair of them) with a note they read first.

One transaction, offline as well as online (the records go up at the next sync):
- the case's responsible case managers become the new ones (`desktop/domain/sharing.py`: when
  the patient has not agreed to team sharing, only they see the record; the old case manager's
  laptop drops it at its next sync), and its case manager (the name documents print) the first
  of them;
- what was on the old case manager's Today for this case moves with it: Today lists the cases
  whose responsible case managers include its user (`desktop/services/today.py`), so planned
  visits, reviews, discharge calls and procedures follow the case; a procedure the old case
  manager followed in person names the new one;
- a handover note (a synced record) that each new case manager sees first, on Today ("handover
  to read") and at the top of the dossier, until they acknowledge it.

`relais case assign` stays the bare change of responsible case managers (no note, no move).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.domain import case_lifecycle as L
from desktop.domain.errors import RuleViolation, ValidationError
from desktop.domain.ids import is_uuid
from desktop.domain.sharing import check_responsible
from desktop.domain.text import clean_text
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork, load
from desktop.storage.models import HandoverNote, Paperwork, Patient, Visit

NOTE_MAX = 4000
CLOSED_PAPERWORK = ("granted", "refused", "withdrawn")


@dataclass(frozen=True)
class HandoverView:
    id: str
    patient_id: str
    patient_name: str
    case_id: str
    from_user: str | None
    from_name: str  # display name of who handed the case over
    to_users: tuple[str, ...]
    to_names: tuple[str, ...]
    handed_over_on: dt.date
    note: str
    acknowledged_by: tuple[str, ...]

    def unread_by(self, user: str | None) -> bool:
        return user is not None and user in self.to_users and user not in self.acknowledged_by


@dataclass(frozen=True)
class HandoverResult:
    note_id: str
    case_id: str
    responsible: tuple[str, ...]
    case_manager: str  # display name of the first new case manager
    planned_visits: int  # planned visits of the case, now on the new case manager's Today
    paperwork: int  # open procedures of the case, now on theirs
    followers_changed: int  # procedures the old case manager followed in person


def me(session: Session, ctx: AppContext) -> str | None:
    """Who this laptop's user is for handovers: the server user, or (not enrolled) the name
    typed at the vault's creation."""
    from desktop.services.account import my_username

    return my_username(session) or ctx.user_name or None


def _names(session: Session) -> dict[str, str]:
    from desktop.services.account import team_members

    return {str(m["username"]): str(m.get("name") or m["username"])
            for m in team_members(session) if m.get("username")}


def _patient_name(p: Patient) -> str:
    return f"{p.family_name.upper()} {p.given_name}"


def _view(n: HandoverNote, p: Patient, names: dict[str, str]) -> HandoverView:
    to = tuple(n.to_users or ())
    return HandoverView(
        id=n.id, patient_id=n.patient_id, patient_name=_patient_name(p), case_id=n.case_id,
        from_user=n.from_user, from_name=n.from_name or names.get(n.from_user or "", "")
        or (n.from_user or ""), to_users=to, to_names=tuple(names.get(u, u) for u in to),
        handed_over_on=n.handed_over_on, note=n.note,
        acknowledged_by=tuple(n.acknowledged_by or ()))


def hand_over(ctx: AppContext, case_id: str, to: str, co: str | None = None, *,
              note: str | None) -> HandoverResult:
    """Hand the open case over to `to` (and `co`, working as a pair) with a note they read
    first. Raises ValidationError for a missing note or an unknown user (nothing written),
    RuleViolation for a closed case or a handover to the same case managers."""
    text = clean_text(note, "handover_note", required=True, max_len=NOTE_MAX)
    today = ctx.today()

    def run(uow: UnitOfWork) -> HandoverResult:
        from desktop.services.account import my_username, team_members
        from desktop.services.cases import load_case

        s = uow.session
        case = load_case(s, case_id)
        if not L.is_open(case.status):
            raise RuleViolation("case.closed", "status")
        members = [m.get("username", "") for m in team_members(s)]
        names_ = _names(s)
        new = check_responsible([to] + ([co] if co else []), members)
        old = list(case.responsible_users or [])
        if sorted(old) == sorted(new):
            raise RuleViolation("handover.same_responsible", "responsible")
        new_manager = names_.get(new[0], new[0])
        old_manager = case.primary_case_manager
        # a procedure the old case manager followed in person goes to the new one
        old_people = {x.casefold() for x in [*old, *(names_.get(u, "") for u in old),
                                             old_manager or ""] if x}
        papers = list(s.scalars(select(Paperwork).where(
            Paperwork.patient_id == case.patient_id, Paperwork.deleted.is_(False),
            Paperwork.status.not_in(CLOSED_PAPERWORK),
            (Paperwork.case_id == case.id) | Paperwork.case_id.is_(None))))
        followers = 0
        for w in papers:
            if w.follower and w.follower.casefold() in old_people:
                followers += bool(uow.update(w, {"follower": new_manager}))
        planned = len(s.scalars(select(Visit.id).where(
            Visit.case_id == case.id, Visit.deleted.is_(False),
            Visit.status == "planned")).all())
        uow.update(case, {"responsible_users": new, "primary_case_manager": new_manager})
        me_ = my_username(s)
        record = uow.add(HandoverNote, patient_id=case.patient_id, case_id=case.id,
                         from_user=me_, from_name=ctx.user_name or names_.get(me_ or "") or me_,
                         to_users=new, handed_over_on=today, note=text, acknowledged_by=[])
        # codes and ids only: the note is patient data, it stays in the (encrypted) record
        uow.audit("handover", table="case_record", record_id=case.id,
                  patient_id=case.patient_id, responsible=new, note_id=record.id,
                  moved_visits=planned, moved_paperwork=len(papers))
        return HandoverResult(record.id, case.id, tuple(new), new_manager, planned, len(papers),
                              followers)

    return ctx.write(run)


def _load(session: Session, note_id: str) -> HandoverNote:
    if not is_uuid(note_id):
        raise ValidationError("id.invalid", "note_id")
    n = load(session, HandoverNote, note_id, "handover_note")
    from desktop.services.patients import load_patient

    load_patient(session, n.patient_id)  # a restricted or deleted patient hides it
    return n


def acknowledge(ctx: AppContext, note_id: str) -> bool:
    """This laptop's user has read the handover note addressed to them: it leaves their Today
    and the top of the dossier. False when already acknowledged."""

    def run(uow: UnitOfWork) -> bool:
        n = _load(uow.session, note_id)
        user = me(uow.session, ctx)
        if user is None or user not in (n.to_users or []):
            raise RuleViolation("handover.not_addressed", "note_id")
        if user in (n.acknowledged_by or []):
            return False
        uow.update(n, {"acknowledged_by": [*(n.acknowledged_by or []), user]})
        uow.audit("acknowledge", table="handover_note", record_id=n.id, patient_id=n.patient_id)
        return True

    return ctx.write(run)


def _visible_notes(session: Session,
                   *cond: ColumnElement[bool]) -> list[tuple[HandoverNote, Patient]]:
    return [(n, p) for n, p in session.execute(
        select(HandoverNote, Patient).join(Patient, Patient.id == HandoverNote.patient_id)
        .where(HandoverNote.deleted.is_(False), Patient.deleted.is_(False),
               Patient.restricted.is_(False), *cond)
        .order_by(HandoverNote.handed_over_on.desc(), HandoverNote.created_at.desc()))]


def to_read(ctx: AppContext, patient_id: str | None = None) -> list[HandoverView]:
    """The handover notes addressed to this laptop's user and not yet acknowledged (of one
    patient, or all), newest first."""

    def run(s: Session) -> list[HandoverView]:
        if patient_id is not None:
            from desktop.services.patients import load_patient

            load_patient(s, patient_id)  # an unknown, restricted or malformed id says so
        return unread_in(s, me(s, ctx), patient_id)

    return ctx.read(run)


def unread_in(session: Session, user: str | None,
              patient_id: str | None = None) -> list[HandoverView]:
    if user is None:
        return []
    cond = [HandoverNote.patient_id == patient_id] if patient_id else []
    names = _names(session)
    views = [_view(n, p, names) for n, p in _visible_notes(session, *cond)]
    return [v for v in views if v.unread_by(user)]


def history(ctx: AppContext, patient_id: str) -> list[HandoverView]:
    """Every handover of the patient's cases, newest first."""

    def run(s: Session) -> list[HandoverView]:
        from desktop.services.patients import load_patient

        load_patient(s, patient_id)
        names = _names(s)
        return [_view(n, p, names) for n, p in _visible_notes(
            s, HandoverNote.patient_id == patient_id)]

    return ctx.read(run)



def open_note(ctx: AppContext, note_id: str, *, mark_read: bool = True) -> tuple[HandoverView, bool]:
    """Show a handover note (audited as a view of the record); when it is addressed to this
    laptop's user and `mark_read`, it is acknowledged at the same time. Returns the note and
    whether it was acknowledged now."""

    def run(uow: UnitOfWork) -> tuple[HandoverView, bool]:
        n = _load(uow.session, note_id)
        p = uow.session.get(Patient, n.patient_id)
        assert p is not None  # _load checked it
        uow.audit("view", table="handover_note", record_id=n.id, patient_id=n.patient_id)
        user = me(uow.session, ctx)
        now = False
        if mark_read and user is not None and user in (n.to_users or []) \
                and user not in (n.acknowledged_by or []):
            uow.update(n, {"acknowledged_by": [*(n.acknowledged_by or []), user]})
            uow.audit("acknowledge", table="handover_note", record_id=n.id,
                      patient_id=n.patient_id)
            now = True
        return _view(n, p, _names(uow.session)), now

    return ctx.write(run)
