"""A conflict names its three values — before both changes, this laptop's, the other laptop's —
on both laptops, in `relais sync --conflicts` and on the Conflicts page (issue 15, item 9):
the laptop sends the value each edit started from (Op.base_values) and the server keeps it with
the conflict. A real server (in-process app), real vaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import sync as sync_service
from desktop.services.context import AppContext
from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Patient
from tests.e2e.sync_support import URL, Device, Server, add_shared_patient, scratch


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server(scratch("relais-sides-") / "server")
    yield srv
    srv.close()


def edit_city(ctx: AppContext, pid: str, city: str) -> None:
    def run(uow: UnitOfWork) -> None:
        uow.update(uow.session.get(Patient, pid), {"city": city})
    ctx.write(run)


def make_conflict(ctx: AppContext, server: Server, other: Device) -> str:
    """Both laptops start from "Mons"; the other laptop says Namur first, this one Liège."""
    sync_service.enroll(ctx, URL, "demo", "demo-password", transport=lambda: server.transport)
    pid = add_shared_patient(ctx, "Dupont")
    edit_city(ctx, pid, "Mons")
    sync_service.sync_now(ctx, transport=lambda: server.transport)
    other.sync()
    edit_city(other.ctx, pid, "Namur")
    other.sync()
    edit_city(ctx, pid, "Liège")
    sync_service.sync_now(ctx, transport=lambda: server.transport)
    other.sync()
    return pid


def test_conflict_shows_before_this_laptop_and_other_laptop(ctx: AppContext, server: Server,
                                                           cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = Device(tmp_path / "other", server, "other")
    try:
        make_conflict(ctx, server, other)
        [here] = sync_service.list_conflicts(ctx)
        assert (here.base, here.mine, here.theirs) == ("Mons", "Liège", "Namur")
        [there] = sync_service.list_conflicts(other.ctx)  # the pulled conflict has it too
        assert there.base == "Mons"
        assert [c.base_value for c in server.conflicts()] == ["Mons"]

        shown = cli("sync", "--conflicts", "--json")
        assert shown.code == 0, shown.err
        [row] = shown.json()["conflicts"]
        assert (row["base"], row["this_laptop"], row["other_laptop"]) == ("Mons", "Liège", "Namur")
        text = cli("sync", "--conflicts")
        assert "before: Mons · this laptop: Liège · other laptop: Namur" in text.out
        fr = cli("sync", "--conflicts", env={"RELAIS_LANG": "fr"})
        assert "avant : Mons · cet ordinateur : Liège · l'autre ordinateur : Namur" in fr.out
    finally:
        other.close()


def test_pulled_change_names_its_author_in_the_history(server: Server, tmp_path: Path) -> None:
    """Anne's edit reaches Bruno's laptop with her display name: Bruno's rectification history
    says who changed the field, not "another laptop" (actor was null before)."""
    from desktop.services import gdpr
    from server import admin

    for name, display in (("anne", "Anne Lambert"), ("bruno", "Bruno Peeters")):
        admin.create_user(server.settings, name, "team-password-1", display)
        admin.add_member(server.settings, name, server.demo["team"])
    anne = Device(tmp_path / "anne", server, "anne", user=("anne", "team-password-1"))
    bruno = Device(tmp_path / "bruno", server, "bruno", user=("bruno", "team-password-1"))
    try:
        pid = add_shared_patient(anne.ctx, "Dupont")
        edit_city(anne.ctx, pid, "Mons")
        anne.sync()
        bruno.sync()
        edit_city(anne.ctx, pid, "Namur")
        anne.sync()
        bruno.sync()
        [change] = [c for c in gdpr.rectification_history(bruno.ctx, pid)
                    if c.field == "city" and c.new_value == "Namur"]
        assert change.synced and change.actor == "Anne Lambert"
        assert change.changed_by() == "Anne Lambert"
        # and an older client (no `authors` in the change) still reads the page
        from desktop.sync.protocol import Change

        old = Change.model_validate({"seq": 1, "table": "patient", "record_id": pid,
                                     "kind": "upsert"})
        assert old.authors == {}
    finally:
        anne.close()
        bruno.close()
