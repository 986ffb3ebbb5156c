"""Sync as a state machine (issues 8, 15): 2–5 devices on real vaults for three users of one
team, the real server in process, a transport that drops, duplicates, replays, cuts and
shortens; grants, withdrawals, case handovers (one or a pair), erasures and edits in any order.
At quiescence every device equals what the server shows its user, each device holds exactly the
patients its user may see, the server holds every record not erased, every op is settled,
nothing applied twice, conflicts exactly where edits were concurrent (model oracle), deletes
stay deleted, cursors never go back."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlalchemy import select

from desktop.services import sync as sync_service
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Case, Conflict, Contact, OutboxOp, Patient
from desktop.storage.wire import to_wire
from desktop.sync import state
from desktop.sync.client import SyncError
from tests.e2e.replay_support import Determinism, log_steps, run_seeded, state_digest
from tests.e2e.sync_support import (
    FAULTS,
    Device,
    Server,
    add_shared_patient,
    assert_device_equals_server,
    assert_outbox_settled,
    device_user,
    quiesce,
    record_consent,
    scratch,
    visible_patients,
)

USERS = ("demo", "anne", "bruno")
PASSWORD = "team-password-1"

VALUES = ("A", "B", "C")
CONTACT_FIELDS = ("organisation", "note")
PATIENT_FIELDS = ("city", "mutualite")
# case fields of the intake outcome and the triage (issue 18 items 1–2), three values each
CASE_VALUES: dict[str, tuple[Any, ...]] = {
    "intake_outcome": ("accepted", "redirected", "waiting"),
    "waiting_since": (dt.date(2026, 11, 2), dt.date(2026, 11, 9), None),
    "first_contact_on": (dt.date(2026, 11, 3), dt.date(2026, 11, 4), None),
    "crisis_triggers": (["housing_loss"], ["carer_collapse", "care_refusal_danger"], []),
}


def _typed_value(table: str, field: str) -> Any:
    """What a person types to settle a conflict by hand: a value of the field's kind (a date
    for a case's dates: "Z" there is refused, as the service must)."""
    if table == "case_record" and isinstance(CASE_VALUES.get(field, ("",))[0], dt.date):
        return dt.date(2026, 11, 16)
    return "Z"


@dataclass
class Edit:
    op_id: str
    device: int
    key: tuple[str, str, str]  # table, record, field
    value: Any
    known: frozenset[str]  # ids of edits of the same field this device had seen
    certain: bool  # the device's knowledge is exact (no half-finished sync since the last one)


@dataclass
class Model:
    edits: list[Edit] = field(default_factory=list)
    knowledge: dict[int, dict[tuple[str, str, str], set[str]]] = field(default_factory=dict)
    uncertain: dict[int, bool] = field(default_factory=dict)
    deleted_records: set[str] = field(default_factory=set)
    restored_records: set[str] = field(default_factory=set)
    withdrawn_patients: set[str] = field(default_factory=set)
    erased_patients: set[str] = field(default_factory=set)
    cursors: dict[int, int] = field(default_factory=dict)


def last_op_id(dev: Device) -> str:
    op_id = dev.ctx.read(lambda s: s.scalars(
        select(OutboxOp.op_id).where(OutboxOp.table_name != "audit_event")
        .order_by(OutboxOp.seq.desc())).first())
    assert op_id is not None, "called after an edit, which queued an op"
    return op_id


class SyncMachine(RuleBasedStateMachine):
    contacts = Bundle("contacts")

    def __init__(self) -> None:
        super().__init__()
        self.determinism = Determinism()  # seeded ids, simulated clocks: a seed replays exactly
        self.folder = scratch("relais-machine-")
        self.server = self._make_server()
        self.devices: list[Device] = []
        self.patients: list[str] = []
        self.cases: dict[str, str] = {}  # case id → patient id
        self.model = Model()

    def _make_server(self) -> Server:
        return Server(self.folder / "server")

    @initialize(n=st.integers(min_value=2, max_value=5))
    def setup(self, n: int) -> None:
        from server import admin

        for name in USERS[1:]:
            admin.create_user(self.server.settings, name, PASSWORD, name.title())
            admin.add_member(self.server.settings, name, self.server.demo["team"])
        for i in range(n):
            user = USERS[i % len(USERS)]  # dev0 and dev3: one user on two laptops
            login = ("demo", "demo-password") if user == "demo" else (user, PASSWORD)
            self.devices.append(Device(self.folder / f"dev{i}", self.server, f"dev{i}",
                                       user=login, clock=self.determinism.clock))
            self.model.knowledge[i] = {}
            self.model.uncertain[i] = False
            self.model.cursors[i] = 0
        self.patients.append(add_shared_patient(self.devices[0].ctx, "Dupont"))
        for d in self.devices:
            d.sync()
        self._clean_sync_knowledge(range(n))

    # ---- helpers ----------------------------------------------------------------------------
    def _clean_sync_knowledge(self, which: Any) -> None:
        received = self.server.applied_op_ids()
        for i in which:
            know: dict[tuple[str, str, str], set[str]] = {}
            for e in self.model.edits:
                if e.op_id in received or e.device == i:
                    know.setdefault(e.key, set()).add(e.op_id)
            self.model.knowledge[i] = know
            self.model.uncertain[i] = False

    def _record_edit(self, i: int, key: tuple[str, str, str], value: Any,
                     op_id: str | None = None) -> None:
        op_id = op_id or last_op_id(self.devices[i])
        known = frozenset(self.model.knowledge[i].get(key, set()))
        self.model.edits.append(Edit(op_id, i, key, value, known, not self.model.uncertain[i]))
        self.model.knowledge[i].setdefault(key, set()).add(op_id)

    def _case_op(self, i: int, cid: str) -> str | None:
        """The latest op of this laptop on the case (None: none yet)."""
        return self.devices[i].ctx.read(lambda s: s.scalars(
            select(OutboxOp.op_id).where(OutboxOp.table_name == "case_record",
                                         OutboxOp.record_id == cid)
            .order_by(OutboxOp.seq.desc())).first())

    def _record_handover(self, i: int, cid: str, before: str | None,
                         fields: tuple[str, ...]) -> None:
        """A hand-over edits the case's responsible users (and its case manager): edits like
        any other, which a concurrent edit of the same field meets as a conflict."""
        op_id = self._case_op(i, cid)
        if op_id is None or op_id == before:
            return  # nothing changed (already theirs)
        case = self.devices[i].ctx.read(lambda s: s.get(Case, cid))
        for name in fields:
            self._record_edit(i, ("case_record", cid, name), getattr(case, name), op_id)

    def _dev(self, data: st.DataObject) -> tuple[int, Device]:
        # draws never depend on the run's state (ids, timings): Hypothesis replays them
        i = data.draw(st.integers(0, 4), label="device") % len(self.devices)
        return i, self.devices[i]

    def _pick(self, data: st.DataObject, items: list[Any], label: str) -> Any:
        return items[data.draw(st.integers(0, 7), label=label) % len(items)]

    # ---- rules ------------------------------------------------------------------------------
    @rule(target=contacts, data=st.data(), name=st.sampled_from(["Lambert", "Peeters", "Simon"]))
    def create_contact(self, data: st.DataObject, name: str) -> str:
        _i, dev = self._dev(data)

        def run(uow: UnitOfWork) -> str:
            return uow.add(Contact, kind="gp", family_name=name, organisation="X").id
        return dev.ctx.write(run)

    @rule(contact=contacts, data=st.data(), fld=st.sampled_from(CONTACT_FIELDS),
          value=st.sampled_from(VALUES))
    def edit_contact(self, contact: str, data: st.DataObject, fld: str, value: str) -> None:
        i, dev = self._dev(data)

        def run(uow: UnitOfWork) -> bool:
            c = uow.session.get(Contact, contact)
            if c is None or c.deleted:  # services refuse edits of deleted records
                return False
            return bool(uow.update(c, {fld: value}))
        if dev.ctx.write(run):
            self._record_edit(i, ("contact", contact, fld), value)

    @rule(data=st.data(), fld=st.sampled_from(PATIENT_FIELDS), value=st.sampled_from(VALUES))
    def edit_patient(self, data: st.DataObject, fld: str, value: str) -> None:
        i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")

        def run(uow: UnitOfWork) -> bool:
            p = uow.session.get(Patient, pid)
            if p is None or p.deleted:
                return False
            return bool(uow.update(p, {fld: value}))
        if dev.ctx.write(run):
            self._record_edit(i, ("patient", pid, fld), value)

    @rule(contact=contacts, data=st.data(), restore=st.booleans())
    def delete_or_restore(self, contact: str, data: st.DataObject, restore: bool) -> None:
        _i, dev = self._dev(data)

        def run(uow: UnitOfWork) -> bool:
            c = uow.session.get(Contact, contact)
            if c is None or bool(c.deleted) == (not restore):
                return False
            if restore:
                uow.restore(c)
            else:
                uow.delete(c)
            return True
        if dev.ctx.write(run):
            (self.model.restored_records if restore else self.model.deleted_records).add(contact)

    @rule(data=st.data())
    def open_case(self, data: st.DataObject) -> None:
        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        if len(self.cases) >= 2:
            return

        def run(uow: UnitOfWork) -> str | None:
            p = uow.session.get(Patient, pid)
            if p is None or p.deleted:
                return None
            return uow.add(Case, patient_id=pid, status="referred",
                           opened_on=dt.date(2026, 11, 1)).id
        cid = dev.ctx.write(run)
        if cid:
            self.cases[cid] = pid

    @rule(data=st.data(), fld=st.sampled_from(sorted(CASE_VALUES)), n=st.integers(0, 2))
    def edit_case(self, data: st.DataObject, fld: str, n: int) -> None:
        i, dev = self._dev(data)
        if not self.cases:
            return
        cid = self._pick(data, sorted(self.cases), "case")
        value = CASE_VALUES[fld][n]

        def run(uow: UnitOfWork) -> bool:
            c = uow.session.get(Case, cid)
            if c is None or c.deleted:
                return False
            return bool(uow.update(c, {fld: value}))
        if dev.ctx.write(run):
            self._record_edit(i, ("case_record", cid, fld), value)

    @rule(data=st.data())
    def append_note(self, data: st.DataObject) -> None:
        from desktop.services import journal

        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        exists = dev.ctx.read(lambda s: s.get(Patient, pid) is not None)
        if exists:
            try:
                journal.add_note(dev.ctx, pid, "Visite à domicile")
            except Exception as exc:  # noqa: BLE001 - a hidden patient: nothing to append
                assert getattr(exc, "code", None), exc

    @rule(data=st.data(), kind=st.sampled_from(["fall", "crisis_call", "carer_exhausted"]))
    def stability_event(self, data: st.DataObject, kind: str) -> None:
        """A new record type of issue 18: the stability log (written once, synced like a note)."""
        from desktop.services import stability

        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        if dev.ctx.read(lambda s: s.get(Patient, pid) is not None):
            try:
                stability.add_event(dev.ctx, pid, kind, reported_by="Sa fille")
            except Exception as exc:  # noqa: BLE001 - a hidden patient: nothing to add
                assert getattr(exc, "code", None), exc

    @rule(data=st.data(), discharge=st.booleans(), item=st.sampled_from(
        ["letter_received", "gp_informed", "aids_in_place"]))
    def hospital_transition(self, data: st.DataObject, discharge: bool, item: str) -> None:
        """Issue 18's transitions: an admission, its discharge, checklist ticks (lww fields)
        on any device, concurrently with the others."""
        from desktop.services import stays

        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        try:
            if not dev.ctx.read(lambda s: s.get(Patient, pid) is not None):
                return
            rows = stays.list_stays(dev.ctx, pid)
            if not rows:
                stays.add_stay(dev.ctx, pid, admitted_on=dev.ctx.today())
            elif rows[0].is_open and discharge:
                stays.discharge_stay(dev.ctx, rows[0].id, dev.ctx.today())
            elif rows[0].discharged_on is not None:
                stays.set_checklist(dev.ctx, rows[0].id, [item])
        except Exception as exc:  # noqa: BLE001 - a hidden patient, a stay discharged meanwhile
            assert getattr(exc, "code", None), exc

    @rule(data=st.data(), doc=st.sampled_from(["Composition de ménage", "Certificat médical",
                                               "Avertissement-extrait de rôle"]),
          medicine=st.booleans())
    def paperwork_and_medication(self, data: st.DataObject, doc: str, medicine: bool) -> None:
        """Issue 19's record types: a procedure whose documents asked for are added on any
        device concurrently (merged as a union), and a medication line with a review mark."""
        from desktop.services import medication, paperwork

        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        try:
            if not dev.ctx.read(lambda s: s.get(Patient, pid) is not None):
                return
            if medicine:
                mid = medication.add_medication(dev.ctx, pid, "Furosémide", dose="40 mg",
                                                source="pharmacist")
                medication.request_review(dev.ctx, mid, "gp")
                return
            rows = paperwork.list_paperwork(dev.ctx, pid)
            if not rows:
                paperwork.add_paperwork(dev.ctx, pid, "bim", deadline=dev.ctx.today(),
                                        documents=[doc])
            else:
                paperwork.update_paperwork(dev.ctx, rows[0].id,
                                           documents=[*rows[0].documents, doc])
        except Exception as exc:  # noqa: BLE001 - a hidden patient: nothing to add
            assert getattr(exc, "code", None), exc

    @rule(data=st.data(), burden=st.sampled_from(["low", "high", "severe"]))
    def carer_assessment(self, data: st.DataObject, burden: str) -> None:
        """Issue 19 item 3: a carer tied to the patient, then carers' assessments on it from
        any laptop (each a new synced record; the latest is the current one)."""
        from desktop.domain.contacts import ContactFields
        from desktop.services import carer, ecosystem
        from desktop.services.ecosystem import TieFields

        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        try:
            if not dev.ctx.read(lambda s: s.get(Patient, pid) is not None):
                return
            ties = [t for t in ecosystem.ecomap_data(dev.ctx, pid).ties if t.is_informal_carer]
            if not ties:
                ecosystem.add_contact_and_link(
                    dev.ctx, pid, ContactFields(kind="informal_carer", family_name="Aidant"),
                    TieFields(is_informal_carer=True))
            else:
                carer.assess_carer(dev.ctx, pid, ties[0].contact_id, burden=burden,
                                   respite="wanted")
        except Exception as exc:  # noqa: BLE001 - a hidden patient: nothing to add
            assert getattr(exc, "code", None), exc

    @rule(data=st.data(), choice=st.sampled_from(["mine", "theirs", "edit"]))
    def resolve_conflict(self, data: st.DataObject, choice: str) -> None:
        i, dev = self._dev(data)
        pick = data.draw(st.integers(0, 7), label="conflict")
        open_ = sorted((c for c in sync_service.list_conflicts(dev.ctx) if c.field != "_record"),
                       key=lambda c: (c.table, c.record_id, c.field, c.server_version,
                                      repr(c.mine), repr(c.theirs), repr(c.base)))  # not by id
        if not open_:
            return
        c = open_[pick % len(open_)]
        exists = dev.ctx.read(lambda s: s.get(Conflict, c.id) is not None)
        if not exists:
            return
        typed = _typed_value(c.table, c.field)
        value = typed if choice == "edit" else (c.mine if choice == "mine" else c.theirs)
        sync_service.resolve_conflict(dev.ctx, c.id, choice,
                                      to_wire(typed) if choice == "edit" else None)
        self._record_edit(i, (c.table, c.record_id, c.field), value)

    @precondition(lambda self: len(self.devices) >= 2)
    @rule(data=st.data(), grant=st.booleans())
    def consent(self, data: st.DataObject, grant: bool) -> None:
        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        if not dev.ctx.read(lambda s: s.get(Patient, pid) is not None):
            return
        allowed = dev.ctx.read(lambda s: pid in sync_service.allowed_ids(s))
        if grant == allowed:
            return
        record_consent(dev.ctx, pid, "granted" if grant else "withdrawn")
        self.model.withdrawn_patients.add(pid)

    @rule(data=st.data(), pair=st.booleans())
    def hand_over(self, data: st.DataObject, pair: bool) -> None:
        """Open the patient's case (responsible: this laptop's user), or hand it over to one
        or two users of the team."""
        from desktop.domain.case_lifecycle import RequestFields
        from desktop.services import cases

        i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        to = self._pick(data, list(USERS), "to")
        co = self._pick(data, [u for u in USERS if u != to], "co") if pair else None
        def present(s: Any) -> bool:  # a restricted patient (art. 18) takes no new case
            patient = s.get(Patient, pid)
            return patient is not None and not patient.restricted

        if not dev.ctx.read(present):
            return
        case_id = cases.open_case_of(dev.ctx, pid)
        if case_id is None:
            cases.open_case(dev.ctx, pid, RequestFields(requester_type="gp",
                                                        request_reason="Soutien"))
        else:
            before = self._case_op(i, case_id)
            cases.assign_case(dev.ctx, case_id, to, co)
            self.cases.setdefault(case_id, pid)
            self._record_handover(i, case_id, before, ("responsible_users",))

    @precondition(lambda self: len(self.devices) >= 2)
    @rule(data=st.data(), fld=st.sampled_from(sorted(CASE_VALUES)), n=st.integers(0, 2),
          ack=st.booleans())
    def handover_during_edit(self, data: st.DataObject, fld: str, n: int, ack: bool) -> None:
        """Issue 19, item 5: the case handed over with a note on one laptop while the old case
        manager's laptop edits the same case, neither having the other's change. At quiescence
        both are everywhere the patient may be seen (the edit is in the conflict oracle), the
        note too (`handover_note` is a synced record); the new case manager may acknowledge
        it (acknowledgements merge as a union)."""
        from desktop.domain.case_lifecycle import RequestFields
        from desktop.domain.errors import DomainError
        from desktop.services import cases, handover

        i, dev = self._dev(data)
        j = (i + 1 + data.draw(st.integers(0, 3), label="old")) % len(self.devices)
        old = self.devices[j]
        pid = self._pick(data, self.patients, "patient")
        to = self._pick(data, list(USERS), "to")
        if i == j:
            return
        cid = cases.open_case_of(dev.ctx, pid)
        if cid is None:
            try:
                cid = cases.open_case(dev.ctx, pid, RequestFields(requester_type="gp",
                                                                  request_reason="Soutien"))
            except DomainError:  # not on this laptop, or restricted (art. 18)
                return
        # both laptops have the case, then neither hears of the other's change; each knows
        # what the server had when it synced (the first did not hear of what the second pushed)
        dev.sync()
        self._clean_sync_knowledge([i])
        old.sync()
        self._clean_sync_knowledge([j])

        def edit(uow: UnitOfWork) -> bool:
            c = uow.session.get(Case, cid)
            if c is None or c.deleted:
                return False
            return bool(uow.update(c, {fld: CASE_VALUES[fld][n]}))
        self.cases.setdefault(cid, pid)
        if old.ctx.write(edit):
            self._record_edit(j, ("case_record", cid, fld), CASE_VALUES[fld][n])
        before = self._case_op(i, cid)
        try:
            note_id = handover.hand_over(dev.ctx, cid, to,
                                         note="Passation : visites le matin.").note_id
        except DomainError as exc:  # already theirs, or the patient restricted meanwhile
            assert exc.code in ("handover.same_responsible", "gdpr.patient_restricted",
                                "record.not_found", "case.closed"), exc.code
            return
        self._record_handover(i, cid, before, ("responsible_users", "primary_case_manager"))
        if ack and device_user(dev) == to:
            assert handover.acknowledge(dev.ctx, note_id)

    @rule(data=st.data())
    def erase(self, data: st.DataObject) -> None:
        from desktop.services import gdpr

        _i, dev = self._dev(data)
        pid = self._pick(data, self.patients, "patient")
        if pid in self.model.erased_patients or not dev.ctx.read(
                lambda s: s.get(Patient, pid) is not None):
            return
        if gdpr.erase(dev.ctx, pid, "Demande du patient", vacuum=False).erased:
            self.model.erased_patients.add(pid)

    @rule(data=st.data(), faults=st.lists(st.sampled_from(FAULTS), max_size=5))
    def sync_step(self, data: st.DataObject, faults: list[str]) -> None:
        i, dev = self._dev(data)
        try:
            dev.sync(faults)
        except SyncError as exc:
            assert exc.retry, exc.code  # transport trouble only: always worth retrying
            self.model.uncertain[i] = True
        else:
            self._clean_sync_knowledge([i])

    @rule(data=st.data())
    def rebuild_next_sync(self, data: st.DataObject) -> None:
        """What a 410 or a failed sanity check leads to: the next sync rebuilds from a snapshot
        (a long run also reaches it through the periodic checksum, but not reproducibly)."""
        _i, dev = self._dev(data)
        dev.ctx.write(lambda uow: state.put(uow.session, state.REBUILD, True))

    @rule(data=st.data())
    def crash_and_reopen(self, data: st.DataObject) -> None:
        _i, dev = self._dev(data)
        dev.reopen()

    @rule(data=st.data())
    def new_patient(self, data: st.DataObject) -> None:
        if len(self.patients) >= 3:
            return
        _i, dev = self._dev(data)
        self.patients.append(add_shared_patient(dev.ctx, "Janssens"))

    # ---- invariants -------------------------------------------------------------------------
    @invariant()
    def cursors_never_go_back(self) -> None:
        for i, dev in enumerate(self.devices):
            if dev.ctx.is_locked:
                continue
            now = dev.cursor()
            assert now >= self.model.cursors.get(i, 0)
            self.model.cursors[i] = now

    def teardown(self) -> None:
        try:
            if self.devices and not any(d.ctx.is_locked for d in self.devices):
                self.check_quiescence()
                self.digest = state_digest(self.devices, self.server)
        finally:
            self.determinism.close()
            for d in self.devices:
                d.close()
            self.server.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def check_quiescence(self) -> None:
        quiesce(self.devices)
        self._clean_sync_knowledge(range(len(self.devices)))
        for d in self.devices:
            assert_device_equals_server(d, self.server)
            assert_outbox_settled(d)
        self.check_no_op_applied_twice()
        self.check_conflict_oracle()
        self.check_deletes_stay_deleted()
        self.check_each_laptop_holds_what_it_may_see()

    def check_each_laptop_holds_what_it_may_see(self) -> None:
        remote = self.server.records()
        for pid in self.model.erased_patients:
            assert not any(r.patient_id == pid and k[0] != "audit_event"
                           for k, r in remote.items()), f"erased {pid} still on the server"
        for pid in set(self.patients) - self.model.erased_patients:
            assert ("patient", pid) in remote, f"{pid} not backed up"
        for d in self.devices:
            user = device_user(d)
            here = set(d.ctx.read(lambda s: s.scalars(select(Patient.id)).all()))
            assert here == visible_patients(self.server, user), f"{d.name} ({user})"

    def check_no_op_applied_twice(self) -> None:
        seqs: list[int] = []
        for d in self.devices:
            for op in d.ctx.read(lambda s: list(s.scalars(select(OutboxOp)).all())):
                seq = (op.result or {}).get("server_seq")
                if op.state == "sent" and seq:
                    seqs.append(seq)
        assert len(seqs) == len(set(seqs)), "a server sequence number was given to two ops"

    def _results(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for d in self.devices:
            for op in d.ctx.read(lambda s: list(s.scalars(select(OutboxOp)).all())):
                if op.state == "sent":
                    out[op.op_id] = op.result or {}
        return out

    def check_conflict_oracle(self) -> None:
        results = self._results()

        def conflicted(e: Edit) -> bool:
            r = results.get(e.op_id, {})
            return any(c.get("field") == e.key[2] for c in r.get("conflicts", []))

        def counted(e: Edit) -> bool:
            # a case goes with its patient: an erasure on one laptop takes the case's sent ops
            # (and the results the oracle reads) with it, so its edits say nothing any more
            patient = self.cases.get(e.key[1])
            return (e.key[1] not in self.model.deleted_records
                    and e.key[1] not in self.model.withdrawn_patients
                    and e.key[1] not in self.model.erased_patients
                    and patient not in self.model.withdrawn_patients
                    and patient not in self.model.erased_patients
                    and results.get(e.op_id, {}).get("status") in ("applied", "conflict"))

        def changed(e: Edit) -> bool:
            # an edit that left the server's value as it was (a resolution choosing the value
            # the server already had) changed nothing another edit could conflict with
            r = results.get(e.op_id, {})
            return conflicted(e) or (r.get("field_versions") or {}).get(e.key[2]) == r.get(
                "server_seq")

        edits = [e for e in self.model.edits if counted(e)]
        for e in edits:
            if not e.certain:
                continue
            unseen = [x for x in edits if x.key == e.key and x.device != e.device
                      and x.op_id not in e.known]
            if not unseen:
                assert not conflicted(e), f"conflict without a concurrent edit: {e}"
            for x in unseen:
                if x.certain and e.op_id not in x.known and x.value != e.value \
                        and changed(e) and changed(x):
                    assert conflicted(e) or conflicted(x), f"concurrent, no conflict: {e} {x}"

    def check_deletes_stay_deleted(self) -> None:
        remote = self.server.records()
        for rid in self.model.deleted_records - self.model.restored_records:
            rec = remote.get(("contact", rid))
            if rec is None:
                continue
            conflicts = [c for c in self.server.conflicts() if c.record_id == rid]
            if not conflicts:  # a delete that lost to a concurrent edit is a listed conflict
                assert rec.deleted, f"deleted contact {rid} came back"


log_steps(SyncMachine)  # every example keeps its step log for the replayer

SOAK = bool(os.environ.get("RELAIS_SOAK"))
MAX_EXAMPLES, STEPS = (200, 60) if SOAK else (8, 20)
LONG_EXAMPLES, LONG_STEPS = 150, 80


def run_seed() -> int:
    """A new seed each run, or RELAIS_SYNC_SEED's; a failing run prints the command that replays
    it (`python -m tools.replay_sync_machine --seed ...`)."""
    return int(os.environ.get("RELAIS_SYNC_SEED") or secrets.randbits(32))


# Eight three-laptop programs take about a minute alone; on a loaded 2-core machine several times
# that, more than the suite's default 300 s per test.
@pytest.mark.timeout(900)
def test_sync_machine() -> None:
    run_seeded(SyncMachine, run_seed(), MAX_EXAMPLES, STEPS)


@pytest.mark.slow
def test_sync_machine_long() -> None:
    run_seeded(SyncMachine, run_seed(), LONG_EXAMPLES, LONG_STEPS)


class PostgresSyncMachine(SyncMachine):
    """The same programs against a server on PostgreSQL (a fresh database per example, cloned
    from a migrated template), as an organisation runs it."""

    def __init__(self) -> None:
        from tests.server.conftest import fresh_pg_database

        self._database = contextlib.ExitStack()
        url = self._database.enter_context(fresh_pg_database())  # before the seeded ids
        self._pg_url = url
        super().__init__()

    def _make_server(self) -> Server:
        server = Server(self.folder / "server", database_url=self._pg_url)
        assert server.engine.url.get_backend_name() == "postgresql"
        return server

    def teardown(self) -> None:
        try:
            super().teardown()
        finally:
            self._database.close()


log_steps(PostgresSyncMachine)
PG_EXAMPLES, PG_STEPS = (60, 60) if SOAK else (3, 20)


def _postgres_or_skip() -> None:
    from tests.server.conftest import postgres_url

    if not postgres_url():
        pytest.skip("RELAIS_TEST_POSTGRES_URL not set (.ci/run sets it)")


@pytest.mark.postgres
@pytest.mark.timeout(900)
def test_sync_machine_postgres() -> None:
    _postgres_or_skip()
    run_seeded(PostgresSyncMachine, run_seed(), PG_EXAMPLES, PG_STEPS)
