"""One rule set for what a change may hold: whatever the laptop's write path accepts, the
server's push validation accepts too (a change the server refuses on every sync never reaches
the team), and what the laptop refuses leaves nothing behind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.domain.wire_rules import MAX_DEPTH, MAX_INT
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient
from desktop.storage.models import AssessmentResponse, OutboxOp
from desktop.sync.outbox import to_op
from server.push import Rejected, check_shape
from tests.conftest import PASSPHRASE

TEXT = st.one_of(st.text(max_size=20),
                 st.text(alphabet=st.sampled_from("ab\x00\x01\n\t\u200b é"), max_size=8))
NUMBERS = st.one_of(st.integers(-MAX_INT - 10, MAX_INT + 10), st.integers(),
                    st.floats(allow_nan=True, allow_infinity=True))
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)
JSON_VALUES = st.recursive(
    SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                     st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=12)


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


VALUES = st.one_of(JSON_VALUES, st.integers(MAX_DEPTH - 2, MAX_DEPTH + 3).map(nested))


def outbox_size(ctx: AppContext) -> int:
    return int(ctx.read(lambda s: s.scalar(select(func.count()).select_from(OutboxOp))))


@pytest.fixture
def patient(ctx: AppContext) -> str:
    return add_patient(ctx, PatientFields(family_name="Dupont", given_name="Marie",
                                          birth_date="1944-03-02"))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=VALUES, key=TEXT)
def test_what_the_laptop_accepts_the_server_accepts(ctx: AppContext, patient: str,
                                                     value: Any, key: str) -> None:
    before = outbox_size(ctx)
    try:
        rid = ctx.write(lambda uow: uow.add(
            AssessmentResponse, patient_id=patient, instrument_id="needs_checklist",
            instrument_version="1", answers={key: value}, status="draft").id)
    except ValidationError:
        assert outbox_size(ctx) == before  # refused at entry: nothing written
        return
    row = ctx.read(lambda s: s.scalars(select(OutboxOp).where(OutboxOp.record_id == rid)).one())
    op = to_op(row)
    # the op as it travels (JSON) and as the server reads it
    wire = type(op).model_validate_json(op.model_dump_json())
    try:
        check_shape(wire)
    except Rejected as exc:  # pragma: no cover - the failure this test exists for
        pytest.fail(f"the server refuses what the laptop accepted: {exc.reason} {value!r}")


def test_nul_is_refused_at_entry_in_every_field(ctx: AppContext, patient: str) -> None:
    with pytest.raises(ValidationError) as err:
        ctx.write(lambda uow: uow.add(AssessmentResponse, patient_id=patient,
                                      instrument_id="needs_checklist", instrument_version="1",
                                      answers={"health_description": "a\x00b"}))
    assert (err.value.code, err.value.field) == ("text.control_characters", "answers")


def recorded(vault_dir: Path) -> tuple[int, int]:
    """(assessment responses, outbox ops) in the vault."""
    ctx = AppContext.open(vault_dir, PASSPHRASE)
    try:
        return ctx.read(lambda s: (
            int(s.scalar(select(func.count()).select_from(AssessmentResponse)) or 0),
            int(s.scalar(select(func.count()).select_from(OutboxOp)) or 0)))
    finally:
        ctx.lock()


def test_assess_with_nul_in_the_answers_file_exits_2_and_changes_nothing(
        cli, tmp_path: Path, vault_dir: Path) -> None:
    assert cli("vault", "init").code == 0
    pid = cli("patient", "add", "--family-name", "Peeters", "--given-name", "Jan",
              "--birth-date", "1938-07-12").out.strip()
    domains = ("health", "daily_functioning", "cognition_mood", "carer_strain",
               "social_network", "housing_safety", "money_rights", "administration")
    answers: dict[str, Any] = {f"{d}_status": "met" for d in domains}
    answers["health_description"] = "Douleurs\x00 de dos"
    path = tmp_path / "needs.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    before = recorded(vault_dir)
    res = cli("assess", "--patient", pid, "--instrument", "needs_checklist", "--answers",
              str(path), env={"RELAIS_LANG": "fr"})
    assert res.code == 2, res.err
    assert res.err.strip() == ("health_description\u00a0: contient des caractères invisibles "
                               "non autorisés"), res.err
    assert "Traceback" not in res.err
    assert recorded(vault_dir) == before  # nothing recorded
    answers["health_description"] = "Douleurs de dos"
    path.write_text(json.dumps(answers), encoding="utf-8")
    ok = cli("assess", "--patient", pid, "--instrument", "needs_checklist", "--answers", str(path))
    assert ok.code == 0, ok.err
