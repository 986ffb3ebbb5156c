"""Histories cover what was done on another laptop: a pulled change leaves the old and the new
value in the rectification history (GDPR art. 16), marked as synchronised, with its author; a
carer's own decisions are in the patient's consent history on every laptop."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop.domain.consent_policy import CARER_AGREEMENT
from desktop.services import consents, gdpr
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Contact, Patient, Relationship
from tests.e2e.sync_support import Device, Server, add_shared_patient, quiesce, scratch


@contextmanager
def _two_laptops(prefix: str) -> Iterator[tuple[Device, Device]]:
    """Laptops a and b of one team on a real server, closed after."""
    folder = scratch(prefix)
    server = Server(folder / "server")
    a, b = Device(folder / "a", server, "a"), Device(folder / "b", server, "b")
    try:
        yield a, b
    finally:
        a.close()
        b.close()
        server.close()


def test_pulled_change_is_in_the_field_history() -> None:
    with _two_laptops("relais-history-") as (a, b):
        pid = add_shared_patient(a.ctx, "Dupont")
        quiesce([a, b])

        def move(uow: UnitOfWork) -> None:
            uow.update(uow.session.get(Patient, pid), {"city": "Namur", "postal_code": "5000"})
        a.ctx.write(move)
        quiesce([a, b])

        mine = {c.field: c for c in gdpr.rectification_history(a.ctx, pid)}
        theirs = {c.field: c for c in gdpr.rectification_history(b.ctx, pid)}
        assert mine["city"].actor == "a" and not mine["city"].synced
        for name, new in (("city", "Namur"), ("postal_code", "5000")):
            change = theirs[name]
            assert (change.old_value, change.new_value) == (None, new)
            assert change.synced and change.actor == "Gestionnaire démo"  # the author, from the server
        assert theirs["city"].changed_by("en") == "Gestionnaire démo"
        assert set(theirs) == {"city", "postal_code"}  # unchanged fields leave no entry


def test_a_carers_decisions_are_in_the_consent_history_on_every_laptop() -> None:
    with _two_laptops("relais-carer-history-") as (a, b):
        pid = add_shared_patient(a.ctx, "Dupont")

        def carer(uow: UnitOfWork) -> str:
            c = uow.add(Contact, kind="informal_carer", family_name="Dupont",
                        given_name="Noël", owner_patient_id=pid)
            uow.add(Relationship, patient_id=pid, contact_id=c.id, is_informal_carer=True)
            return str(c.id)
        son = a.ctx.write(carer)
        consents.record_carer_agreement(a.ctx, son, "granted", method="written")
        consents.record_carer_agreement(a.ctx, son, "withdrawn")
        quiesce([a, b])

        def decisions(ctx: AppContext) -> list[tuple[str, str, str | None]]:
            return [(e.decision, e.method, e.recorded_by)
                    for e in consents.history(ctx, pid, CARER_AGREEMENT)]
        assert decisions(b.ctx) == decisions(a.ctx) == [
            ("granted", "written", "a"), ("withdrawn", "oral", "a")]
        assert consents.carer_agreement(b.ctx, son).decision == "withdrawn"
