"""desktop/domain/field_merge.py: the per-field merge the server applies to every edit, as
properties over random stored states and edits (docs/SYNC.md 5)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.field_merge import Stored, merge_fields
from desktop.domain.merge_policy import policy_for

ME, OTHER = "device-me", "device-other"
values = st.one_of(st.none(), st.integers(0, 3), st.sampled_from(["Namur", "Dinant", "Ciney"]))
hlcs = st.integers(0, 9).map(lambda n: f"17965572938{n:02d}-00000-x")
items = st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True, max_size=4)


@given(st.sampled_from(["patient", "contact", "goal"]), values, values, st.integers(0, 9),
       st.integers(0, 9), hlcs, hlcs, st.booleans())
def test_conflict_fields(table: str, theirs: Any, mine: Any, version: int, base: int,
                         their_hlc: str, my_hlc: str, keep: bool) -> None:
    """A field under the conflict rule: applied when the device saw the server's value (its
    base is that version, or it wrote it last), a conflict when another device wrote after the
    base (or, for a restore, the server's value told back), nothing when the values agree."""
    stored = {"city": Stored(theirs, version, their_hlc, OTHER)} if table != "contact" else {
        "note": Stored(theirs, version, their_hlc, OTHER)}
    name = next(iter(stored))
    m = merge_fields(table, stored, {name: mine}, base_versions={name: base}, base_values=None,
                     hlc=my_hlc, device_id=ME, keep_on_conflict=keep)
    if theirs == mine:
        assert (m.applied, m.conflicts, m.reported) == ({}, [], {})
    elif version <= base:
        assert (m.applied, m.conflicts, m.reported) == ({name: mine}, [], {})
    elif keep:
        assert (m.applied, m.conflicts, m.reported) == ({}, [], {name: theirs})
    else:
        assert (m.applied, m.conflicts, m.reported) == ({}, [name], {})


@given(st.sampled_from(["patient", "goal"]), values, values, values, st.integers(1, 9),
       st.integers(0, 9), hlcs, hlcs)
def test_a_field_written_since_but_left_at_the_base_value_takes_the_edit(
        table: str, theirs: Any, mine: Any, other_base: Any, version: int, base: int,
        their_hlc: str, my_hlc: str) -> None:
    """Another device wrote the field after the edit's base version, but the server's value is
    still the one the edit started from (written back, or the same value written again): no
    value of theirs is lost, so the edit applies, with no conflict for a person (the sync
    machine found such a conflict: base 'B', theirs 'B', mine 'A'). A different base value
    is a conflict as before."""
    version = base + version  # after the base: concurrent by version
    stored = {"city": Stored(theirs, version, their_hlc, OTHER)}
    for base_value in (theirs, other_base):
        m = merge_fields(table, stored, {"city": mine}, base_versions={"city": base},
                         base_values={"city": base_value}, hlc=my_hlc, device_id=ME)
        if theirs == mine:
            assert (m.applied, m.conflicts) == ({}, [])
        elif base_value == theirs:
            assert (m.applied, m.conflicts, m.reported) == ({"city": mine}, [], {})
        elif table == "goal" or policy_for(table, "city") == "conflict":
            assert m.applied == {} and (m.conflicts or m.reported)


@given(values, values, st.integers(1, 9), hlcs)
def test_the_last_writer_of_a_field_edits_it_freely(theirs: Any, mine: Any, version: int,
                                                     my_hlc: str) -> None:
    m = merge_fields("patient", {"city": Stored(theirs, version, "", ME)}, {"city": mine},
                     base_versions={"city": 0}, base_values=None, hlc=my_hlc, device_id=ME)
    assert m.conflicts == [] and m.applied == ({} if theirs == mine else {"city": mine})


@given(values, st.integers(0, 9))
def test_a_field_the_server_lacks_is_written(mine: Any, base: int) -> None:
    """A creation travels without its nulls: the server's copy may lack a field."""
    m = merge_fields("patient", {}, {"city": mine}, base_versions={"city": base},
                     base_values=None, hlc="", device_id=ME)
    assert (m.applied, m.conflicts) == ({"city": mine}, [])


@given(st.integers(0, 3), st.integers(0, 3), st.integers(1, 9), hlcs, hlcs)
def test_last_writer_wins_by_clock(theirs: int, mine: int, version: int, their_hlc: str,
                                   my_hlc: str) -> None:
    m = merge_fields("relationship", {"pos_x": Stored(theirs, version, their_hlc, OTHER)},
                     {"pos_x": mine}, base_versions={"pos_x": 0}, base_values=None,
                     hlc=my_hlc, device_id=ME)
    assert m.conflicts == []
    if theirs == mine:
        assert m.applied == m.reported == {}
    elif my_hlc > their_hlc:
        assert m.applied == {"pos_x": mine} and m.reported == {}
    else:
        assert m.applied == {} and m.reported == {"pos_x": theirs}


@given(items, items, items)
def test_union_keeps_both_sides_additions_and_the_device_removals(theirs: list[str],
                                                                  mine: list[str],
                                                                  base: list[str]) -> None:
    m = merge_fields("patient", {"phones": Stored(theirs, 5, "", OTHER)}, {"phones": mine},
                     base_versions={"phones": 1}, base_values={"phones": base}, hlc="",
                     device_id=ME)
    assert m.conflicts == []
    if theirs == mine:
        return
    merged = m.applied.get("phones", theirs)
    removed = {v for v in base if v not in mine}
    assert set(merged) == (set(theirs) - removed) | set(mine)
    assert len(merged) == len(set(merged))
    # what the device must store is told back when it differs from what it sent
    assert m.reported == ({} if merged == mine else {"phones": merged})
    # merging the result again changes nothing (a retried op)
    again = merge_fields("patient", {"phones": Stored(merged, 6, "", ME)}, {"phones": merged},
                         base_versions={"phones": 1}, base_values={"phones": base}, hlc="",
                         device_id=ME)
    assert (again.applied, again.conflicts, again.reported) == ({}, [], {})
