"""Rectification history (GDPR art. 16) covers changes made on another laptop: a pulled change
leaves the old and the new value, marked as synchronised, with its author."""

from __future__ import annotations

from desktop.services import gdpr
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Patient
from tests.e2e.sync_support import Device, Server, add_shared_patient, quiesce, scratch


def test_pulled_change_is_in_the_field_history() -> None:
    folder = scratch("relais-history-")
    server = Server(folder / "server")
    a, b = Device(folder / "a", server, "a"), Device(folder / "b", server, "b")
    try:
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
    finally:
        a.close()
        b.close()
        server.close()
