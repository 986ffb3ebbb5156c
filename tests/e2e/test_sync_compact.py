"""The compact wire form (desktop/sync/protocol.py, docs/SYNC.md 1): a creation carries its
non-null fields, per-field versions and authors travel only where they differ from the record's,
and a laptop reading it ends with exactly what the full form gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.unit_of_work import UnitOfWork
from desktop.storage.models import Contact, FieldMeta, OutboxOp
from tests.e2e.sync_support import (
    Device,
    FaultyTransport,
    Server,
    assert_device_equals_server,
    assert_outbox_settled,
    quiesce,
    two_laptops,
)


class Recording(FaultyTransport):
    """Keeps every exchange as (path, query, request body, answer body)."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        super().__init__(inner)
        self.exchanges: list[tuple[str, dict[str, str], Any, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        body = json.loads(request.content) if request.content else None
        self.exchanges.append((request.url.path, dict(request.url.params), body,
                               json.loads(response.content)))
        return response

    def answers(self, path: str) -> list[tuple[dict[str, str], Any, Any]]:
        return [(q, b, a) for p, q, b, a in self.exchanges if p.endswith(path)]


@pytest.fixture
def pair() -> Iterator[tuple[Server, Device, Device]]:
    with two_laptops("relais-compact-") as (server, a, b):
        a.transport, b.transport = Recording(server.transport), Recording(server.transport)
        yield server, a, b


def _add_contact(uow: UnitOfWork) -> str:
    return uow.add(Contact, kind="gp", family_name="Lambert", city="Namur").id


def test_a_creation_carries_its_non_null_fields_only(pair: tuple[Server, Device, Device]) -> None:
    _server, a, _b = pair
    cid = a.ctx.write(_add_contact)
    fields = a.ctx.read(lambda s: s.scalars(select(OutboxOp.fields).where(
        OutboxOp.record_id == cid)).one())
    assert {"kind", "family_name", "city"} <= set(fields)
    assert "note" not in fields and "given_name" not in fields
    assert all(v is not None for v in fields.values())


def test_compact_answers_and_the_same_result(pair: tuple[Server, Device, Device]) -> None:
    server, a, b = pair
    cid = a.ctx.write(_add_contact)
    a.sync()
    ((_q, request, answer),) = a.transport.answers("/push")  # type: ignore[attr-defined]
    assert request["compact"] is True
    (op_id,) = [op["op_id"] for op in request["ops"] if op["record_id"] == cid]
    (result,) = [r for r in answer["results"] if r["op_id"] == op_id]
    # a creation: every field has the record's version, so none is named
    assert "field_versions" not in result and result["record_version"] > 0
    version = result["record_version"]
    # the laptop still knows each field's version: the record's
    assert a.ctx.read(lambda s: s.get(Contact, cid).server_version) == version

    b.sync()
    pulls = b.transport.answers("/pull")  # type: ignore[attr-defined]
    assert pulls and all(q.get("compact") == "1" for q, _b, _a in pulls)
    change = next(c for _q, _b, page in pulls for c in page["changes"]
                  if c["record_id"] == cid)
    assert "field_versions" not in change and "authors" not in change
    assert change["author"] == "Gestionnaire démo"  # the display name of a's user
    assert None not in change["fields"].values() and "note" not in change["fields"]
    assert b.ctx.read(lambda s: s.get(Contact, cid).note) is None

    # one field edited: only the other fields' (older) versions travel
    a.ctx.write(lambda uow: uow.update(uow.session.get(Contact, cid), {"note": "le matin"}))
    quiesce([a, b])
    edited = [c for _q, _b, page in b.transport.answers("/pull")  # type: ignore[attr-defined]
              for c in page["changes"] if c["record_id"] == cid][-1]
    assert set(edited["field_versions"]) == set(edited["fields"]) - {"note"}
    assert all(v == version for v in edited["field_versions"].values())
    assert b.ctx.read(lambda s: s.get(Contact, cid).note) == "le matin"
    for d in (a, b):
        assert_device_equals_server(d, server)
        assert_outbox_settled(d)

    # b's next edit is based on the versions it read from the compact form: no false conflict
    b.ctx.write(lambda uow: uow.update(uow.session.get(Contact, cid), {"city": "Dinant"}))
    base = b.ctx.read(lambda s: s.scalars(select(OutboxOp.base_versions).where(
        OutboxOp.record_id == cid, OutboxOp.state == "pending")).one())
    assert base == {"city": edited["record_version"]}
    b.sync()
    assert server.conflicts() == []
    assert server.records()[("contact", cid)].fields["city"] == "Dinant"


def test_compact_and_full_pages_say_the_same(pair: tuple[Server, Device, Device]) -> None:
    """Read back with the rule (a missing version or author is the record's), the compact page
    equals the full one, change by change."""
    from server import pull

    server, a, b = pair
    cid = a.ctx.write(_add_contact)
    a.sync()
    b.sync()
    b.ctx.write(lambda uow: uow.update(uow.session.get(Contact, cid), {"note": "x"}))
    b.sync()
    with Session(server.engine) as session:
        teams = tuple({r.team_id for r in server.records().values()})
        full = pull.changes_page(session, teams, 0, 1000, user="demo")
        compact = pull.changes_page(session, teams, 0, 1000, user="demo", compact=True)
    assert [c.record_id for c in full.changes] == [c.record_id for c in compact.changes]
    for f, c in zip(full.changes, compact.changes, strict=True):
        assert f.fields == c.fields
        assert f.field_versions == {k: c.field_versions.get(k, c.record_version)
                                    for k in f.field_versions}
        assert f.authors == {k: c.authors.get(k, c.author) for k in f.authors}
    assert any(c.field_versions for c in compact.changes)  # the edited contact's
    assert sum(map(len, (c.model_dump_json(exclude_defaults=True) for c in compact.changes))) < \
        sum(map(len, (c.model_dump_json() for c in full.changes))) * 0.8


def test_a_field_left_out_is_null_on_a_laptop_that_held_a_value(
        pair: tuple[Server, Device, Device]) -> None:
    """A record arrives whole: a field its server copy leaves out holds the column's default,
    also on a laptop whose own value was lost (its edit lost against a delete)."""
    server, a, b = pair
    cid = a.ctx.write(_add_contact)
    quiesce([a, b])
    b.ctx.write(lambda uow: uow.update(uow.session.get(Contact, cid), {"note": "C"}))
    a.ctx.write(lambda uow: uow.delete(uow.session.get(Contact, cid)))
    a.sync()
    b.sync()
    quiesce([a, b])
    assert b.ctx.read(lambda s: s.get(Contact, cid).note) is None
    assert b.ctx.read(lambda s: s.get(FieldMeta, ("contact", cid, "note"))) is None
    assert_device_equals_server(b, server)
