"""A label placed mid-sentence loses its capital, an acronym keeps its own."""

from __future__ import annotations

import pytest

from desktop.ui.dossier.cases_tab import mid_sentence


@pytest.mark.parametrize(("label", "inside"), [
    ("Le médecin traitant", "le médecin traitant"), ("A relative", "a relative"),
    ("Een naaste", "een naaste"), ("CPAS de Malmedy", "CPAS de Malmedy"), ("OCMW", "OCMW"),
    ("", "")])
def test_mid_sentence(label: str, inside: str) -> None:
    assert mid_sentence(label) == inside
