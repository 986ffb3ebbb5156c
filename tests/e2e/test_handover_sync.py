"""Issue 19, item 5 end to end, real server app, real vaults: the coordinator hands Anne's case
over to Bruno with a note while Anne's laptop, offline, edits the same case and writes in the
journal. After the syncs both changes are everywhere, no conflict; the note waits on Bruno's
Today until he reads it (his acknowledgement reaches the other laptops); the case's planned
visit has moved from Anne's Today to Bruno's; and when team sharing is then withdrawn, Anne's
laptop drops the record (the sharing rules follow the new responsible case manager)."""

from __future__ import annotations

import datetime as dt

from desktop.services import cases, handover, journal, today
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Case, HandoverNote, Note, Patient, Visit
from tests.conftest import TODAY
from tests.e2e.sync_support import Device, Server, add_shared_patient, quiesce, record_consent
from tests.e2e.test_sync_visibility import open_case, team  # noqa: F401 - the fixture


def _today_pids(dev: Device, section: str) -> set[str]:
    return {i.patient_id for i in getattr(today.today_data(dev.ctx), section)}


def test_handover_during_a_concurrent_edit_on_the_old_laptop(
        team: tuple[Server, dict[str, Device]]) -> None:  # noqa: F811
    server, d = team
    anne, bruno, chloe = d["anne"], d["bruno"], d["chloe"]
    pid = add_shared_patient(anne.ctx, "Dupont")
    cid = open_case(anne, pid)

    def plan(uow: UnitOfWork) -> None:
        uow.add(Visit, case_id=cid, patient_id=pid, kind="home_visit", status="planned",
                planned_start=dt.datetime.combine(TODAY, dt.time(14)))
    anne.ctx.write(plan)
    quiesce([anne, bruno, chloe])
    assert pid in _today_pids(anne, "visits_today") and pid not in _today_pids(bruno,
                                                                              "visits_today")

    # offline on the old laptop: Anne edits the case and writes in the journal
    cases.update_case(anne.ctx, cid, clarified_request="Soutien de l'aidante")
    journal.add_note(anne.ctx, pid, "Appel de la fille")
    # meanwhile the coordinator hands the case over to Bruno, with the note
    r = handover.hand_over(chloe.ctx, cid, "bruno", note="Visites le matin. La fille appelle "
                                                          "le jeudi.")
    chloe.sync()
    bruno.sync()
    [note] = handover.to_read(bruno.ctx)
    assert note.id == r.note_id and note.from_name == "chloe" and note.case_id == cid
    assert [i.record_id for i in today.today_data(bruno.ctx).handovers] == [r.note_id]
    assert pid in _today_pids(bruno, "visits_today")

    anne.sync()  # pushes her edit, pulls the handover
    quiesce([anne, bruno, chloe])
    for dev in (anne, bruno, chloe):
        case = dev.ctx.read(lambda s: s.get(Case, cid))
        assert case.responsible_users == ["bruno"] and case.primary_case_manager == "Bruno Peeters"
        assert case.clarified_request == "Soutien de l'aidante"
        assert dev.ctx.read(lambda s: s.query(Note).filter_by(patient_id=pid).count()) == 1
    assert not [c for c in server.conflicts() if c.record_id == cid]
    assert pid not in _today_pids(anne, "visits_today")  # the visit left Anne's Today
    assert handover.to_read(anne.ctx) == []  # not addressed to her

    # Bruno reads the note: the acknowledgement reaches the other laptops
    handover.open_note(bruno.ctx, r.note_id)
    quiesce([anne, bruno, chloe])
    assert chloe.ctx.read(lambda s: s.get(HandoverNote, r.note_id).acknowledged_by) == ["bruno"]
    assert handover.to_read(bruno.ctx) == []

    # team sharing withdrawn: only Bruno, the responsible case manager now, keeps the record
    record_consent(bruno.ctx, pid, "withdrawn")
    quiesce([anne, bruno, chloe])
    assert bruno.ctx.read(lambda s: s.get(Patient, pid) is not None)
    assert anne.ctx.read(lambda s: s.get(Patient, pid) is None)
    assert chloe.ctx.read(lambda s: s.get(Patient, pid) is None)
