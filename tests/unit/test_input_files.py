"""Files the user names are read only when regular and small enough (one helper for all), and
names refuse bidirectional controls (issue 13, items 12 and 17)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.domain.errors import ValidationError
from desktop.services import consents, instruments, patients
from desktop.services.context import AppContext
from desktop.services.user_files import (
    MAX_ANSWERS_BYTES,
    MAX_JSON_DEPTH,
    parse_json,
    read_user_file,
)


def code(fn, *args, **kw) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        fn(*args, **kw)
    return exc.value.code


def test_devices_folders_and_pipes_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it to read would wait forever for a writer
    for path in ("/dev/zero", "/dev/urandom", str(tmp_path), str(fifo)):
        assert code(read_user_file, path, max_bytes=10) == "file.not_regular"
        assert code(instruments.load_file, Path(path)) == "file.not_regular"
        assert code(consents.load_evidence, path) == "file.not_regular"


def test_at_most_the_limit_is_read_even_when_the_size_lies(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as fh:  # sparse: cheap
        fh.truncate(MAX_ANSWERS_BYTES + 1)
    assert code(read_user_file, big, max_bytes=MAX_ANSWERS_BYTES) == "file.too_large"
    assert read_user_file(big, max_bytes=MAX_ANSWERS_BYTES + 1) == b"\0" * (MAX_ANSWERS_BYTES + 1)
    # /proc files say size 0 and can be longer than the limit
    assert code(read_user_file, "/proc/self/maps", max_bytes=4) == "file.too_large"
    assert code(read_user_file, tmp_path / "missing", max_bytes=4) == "file.unreadable"


def test_json_nested_too_deeply_is_refused_not_a_crash(tmp_path: Path) -> None:
    assert code(parse_json, b"[" * 100_000 + b"]" * 100_000) == "file.too_deep"
    deep = json.dumps(json.loads("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)))
    assert code(parse_json, deep.encode()) == "file.too_deep"
    assert parse_json(b'{"a": [[1]]}') == {"a": [[1]]}
    assert code(parse_json, b'{"a": "\xff"}') == "file.not_utf8"
    f = tmp_path / "nested.json"
    f.write_text("[" * 5000 + "]" * 5000)
    assert code(instruments.load_file, f) == "file.too_deep"


@pytest.mark.parametrize("mark", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
                                  "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
                                  "\u200b"])
def test_bidirectional_controls_are_refused_in_names(ctx: AppContext, mark: str) -> None:
    before = patients.list_patients(ctx, None)
    assert code(patients.add_patient, ctx, patients.PatientFields(
        family_name=f"Dupont{mark}", given_name="Anne")) == "text.control_characters"
    assert code(patients.add_patient, ctx, patients.PatientFields(
        family_name="Dupont", given_name=f"{mark}Anne")) == "text.control_characters"
    assert patients.list_patients(ctx, None) == before


def test_names_in_any_script_are_still_accepted(ctx: AppContext) -> None:
    for family, given in (("Łukasz-Ørsted", "Hélène"), ("محمد", "علي"), ("Ben-Ḥayyim", "אברהם")):
        pid = patients.add_patient(ctx, patients.PatientFields(family_name=family, given_name=given))
        assert patients.get_patient(ctx, pid).family_name == family
