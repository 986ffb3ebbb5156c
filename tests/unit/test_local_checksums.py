"""The laptop's checksum (desktop/sync/engine.py local_checksums) is the server's reading
(server/pull.py checksum): the lines `id:version` sorted as Python sorts (id, version), hashed.
SQLite sorts them now; ids that are prefixes of others, or not ASCII, must sort the same."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import insert

from desktop.services.context import AppContext
from desktop.storage.models import Contact
from desktop.sync.engine import local_checksums


def test_local_checksums_sort_ids_as_the_server_does(ctx: AppContext) -> None:
    ids = ["ab", "ab1", "ab:", "a-b", "aB", "ab\u00e9", "\u00e9t\u00e9", "Z", "0", "ab0"]
    rows = [(rid, 3 + n * 7) for n, rid in enumerate(ids)]

    def fill(uow: object) -> None:
        session = uow.session  # type: ignore[attr-defined]
        values = [(rid, version, False) for rid, version in rows]
        values += [("gone", 9, True), ("local", 0, False)]  # deleted; never seen by the server
        session.execute(insert(Contact.__table__), [  # type: ignore[arg-type]
            {"id": rid, "kind": "gp", "family_name": "X", "server_version": version,
             "deleted": deleted, "updated_hlc": "", "created_at": dt.datetime(2026, 11, 1)}
            for rid, version, deleted in values])
    ctx.write(fill)
    expected = hashlib.sha256("".join(f"{i}:{v}\n" for i, v in sorted(rows)).encode())
    sums = ctx.read(local_checksums)
    assert sums["contact"] == {"count": len(rows), "checksum": expected.hexdigest()}
    assert "note" not in sums  # empty tables are left out, as on the server
