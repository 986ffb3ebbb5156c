"""Property: a field edit becomes a conflict exactly when another device wrote that field after
the version the edit was based on (docs/ARCHITECTURE.md §7); otherwise it applies. Checked against a
model over random interleavings of edits and pulls by three devices."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync.protocol import Op, PushRequest
from server.auth import Caller
from server.db import Database
from server.push import push
from tests.server.conftest import hlc, op

DEVICES = 3
TEAM = "team-1"

steps = st.lists(
    st.tuples(st.integers(0, DEVICES - 1), st.sampled_from(["edit", "pull"]),
              st.sampled_from(["Namur", "Dinant", "Ciney", "Wépion"])),
    min_size=1, max_size=14)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    from server.config import ServerSettings

    database = Database(ServerSettings(data_dir=Path(tmp_path_factory.mktemp("merge"))))
    yield database  # type: ignore[misc]
    database.dispose()


def caller(i: int) -> Caller:
    return Caller(device_id=f"device-{i}", user_id="u", username="u", display_name="U",
                  team_ids=(TEAM,), teams=((TEAM, "T"),), revoked=False, stolen=False)


def send(db: Database, i: int, one: dict) -> dict:  # type: ignore[type-arg]
    with db.session() as s:
        res = push(s, caller(i), PushRequest(device_id=f"device-{i}",
                                             ops=[Op.model_validate(one)]))
    return res.results[0].model_dump()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=steps)
def test_conflict_exactly_when_concurrent(db: Database, script: list[tuple[int, str, str]]) -> None:
    pid = str(uuid.uuid4())
    first = send(db, 0, op("patient", pid, fields={"family_name": "D", "city": "Namur"}))
    version = first["field_versions"]["city"]
    value = "Namur"
    writes: list[tuple[int, int]] = [(version, 0)]  # (version, device) of applied writes
    seen = [version, 0, 0]  # the field version each device last pulled (device 0 created it)
    for device, action, new in script:
        if action == "pull":
            seen[device] = version
            continue
        base = seen[device]
        res = send(db, device, op("patient", pid, fields={"city": new}, base={"city": base},
                                  hlc=hlc(f"d{device}")))
        concurrent = any(v > base and d != device for v, d in writes)
        if new == value:
            assert res["status"] == "noop"
        elif concurrent:
            assert res["status"] == "conflict", (script, res)
            assert res["conflicts"][0]["mine"] == new and res["conflicts"][0]["theirs"] == value
        else:
            assert res["status"] == "applied", (script, res)
            assert res["server_seq"] > version
            version, value = res["server_seq"], new
            writes.append((version, device))
        assert res["field_versions"]["city"] == version
