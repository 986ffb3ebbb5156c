"""Export completeness (GDPR art. 15): for random patient datasets, every record id of the
patient is in the PDF text and in the FHIR bundle, and nothing of another patient is."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop.services import gdpr
from desktop.services.context import AppContext
from tests.gdpr_data import Sizes, fhir_ids, make_patient

sizes = st.builds(
    Sizes, cases=st.integers(0, 2), visits=st.integers(0, 2), notes=st.integers(0, 2),
    stays=st.integers(0, 1), assessments=st.integers(0, 2), carers=st.integers(0, 2),
    professionals=st.integers(0, 2), plans=st.integers(0, 1), goals=st.integers(0, 2),
    actions=st.integers(0, 1), consents=st.integers(0, 2))

_serial = itertools.count()


@pytest.mark.timeout(600)
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mine=sizes, theirs=sizes)
def test_every_record_of_the_patient_and_nothing_else(ctx: AppContext, tmp_path: Path,
                                                      mine: Sizes, theirs: Sizes) -> None:
    n = next(_serial)
    me = make_patient(ctx, f"Mine{n}x", mine)
    other = make_patient(ctx, f"Other{n}y", theirs)

    bundle = gdpr.fhir_bundle(ctx, me.patient_id)
    Bundle.model_validate(bundle)
    ids = fhir_ids(bundle)
    assert me.ids <= ids
    assert not (other.ids & ids)
    assert f"Other{n}y" not in str(bundle)

    pdf = gdpr.export_pdf(ctx, me.patient_id, tmp_path / f"copy{n}.pdf")
    text = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    flat = "".join(text.split())  # a line break may fall anywhere; ids have no spaces
    missing = {i for i in me.ids if i not in flat}
    assert not missing
    assert not {i for i in other.ids if i in flat}
    assert f"Other{n}y" not in flat
