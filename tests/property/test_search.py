"""Search property: any stored patient is found by any accent-stripped, case-folded prefix of
its family name, given name or town, and by its NISS in any common format (caseload and
patient list, both through the vault's FTS5 index)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.domain.niss import make_niss
from desktop.domain.text import fold
from desktop.services import caseload, cases
from desktop.services.cases import RequestFields
from desktop.services.context import AppContext
from desktop.services.patients import PatientFields, add_patient, list_patients
from tests.conftest import PASSPHRASE, TODAY

# Letters of Belgian (French, Dutch, German) names, with accents that Unicode decomposes, and
# letters of Polish and Scandinavian names that it does not (folded by hand).
LETTERS = "abcdefghijklmnopqrstuvwxyzéèêëàâäçîïôöûüùñÿłøæœ"
word = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=9)
SEPARATORS = [" ", "-", "'"]
name = st.builds(
    lambda words, seps: "".join(w + s for w, s in zip(words, seps, strict=False)) + words[-1],
    st.lists(word, min_size=1, max_size=3), st.lists(st.sampled_from(SEPARATORS), max_size=2),
).filter(lambda n: len(n) <= 40)


def niss_formats(n: str) -> list[str]:
    return [n, f"{n[0:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:11]}", f"{n[:6]} {n[6:9]} {n[9:]}",
            f"{n[0:2]}.{n[2:4]}.{n[4:6]} {n[6:9]}-{n[9:11]}", f"{n[:6]}-{n[6:9]}-{n[9:]}",
            f"{n[0:2]} {n[2:4]} {n[4:6]} {n[6:9]} {n[9:]}"]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    context, _ = AppContext.create(tmp_path_factory.mktemp("search") / "vault", PASSPHRASE,
                                   user_name="Anne Lambert", today=lambda: TODAY)
    yield context
    context.lock()


serials = itertools.count(1)
used_niss: set[str] = set()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(family=name, given_name=name, town=name, data=st.data(),
       birth=st.dates(dt.date(1910, 1, 1), dt.date(2020, 12, 31)))
def test_found_by_prefix_and_niss(vault: AppContext, family: str, given_name: str, town: str,
                                  birth: dt.date, data: st.DataObject) -> None:
    niss = make_niss(birth, next(serials) % 997 + 1)
    assume(niss not in used_niss)
    used_niss.add(niss)
    pid = add_patient(vault, PatientFields(family_name=family, given_name=given_name, city=town,
                                           niss=niss))
    cases.open_case(vault, pid, RequestFields(requester_type="patient", request_reason="Aide"))

    def found(query: str) -> bool:
        in_caseload = pid in {r.patient_id for r in caseload.list_caseload(vault, query)}
        in_list = pid in {r.id for r in list_patients(vault, query)}
        return in_caseload and in_list

    for field in (family, given_name, town):
        folded = fold(field)
        cut = data.draw(st.integers(1, len(folded)), label="prefix length")
        prefix = folded[:cut]
        assume(prefix.strip(" -'"))
        assert found(prefix), (field, prefix)
        assert found(prefix.upper())
    assert found(fold(family).replace(" ", "").replace("-", "").replace("'", ""))
    for form in niss_formats(niss):
        assert found(form), form
