"""Issue 21, item 8: the patient search index follows every change a unit of work makes to a
patient (add, update, delete, restore), whichever service makes it."""

from __future__ import annotations

from desktop.services import patients
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Patient


def _found(ctx: AppContext, text: str) -> list[str]:
    return [r.family_name for r in patients.list_patients(ctx, text)]


def test_the_index_follows_a_patient_changed_through_the_unit_of_work(ctx: AppContext) -> None:
    pid = patients.add_patient(ctx, PatientFields(family_name="Gilson", given_name="Anne",
                                                  city="Namur"))
    assert _found(ctx, "namur") == ["Gilson"]

    def move(uow: UnitOfWork) -> None:  # not through edit_patient: any service's update
        uow.update(uow.session.get(Patient, pid), {"city": "Dinant"})
    ctx.write(move)
    assert _found(ctx, "dinant") == ["Gilson"] and _found(ctx, "namur") == []

    ctx.write(lambda uow: uow.delete(uow.session.get(Patient, pid)))
    assert _found(ctx, "dinant") == []
    ctx.write(lambda uow: uow.restore(uow.session.get(Patient, pid)))
    assert _found(ctx, "dinant") == ["Gilson"]
