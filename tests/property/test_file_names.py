"""Default document file names: the patient and the date, safe characters only."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.file_names import document_file_name


def test_names_the_patient_and_the_date() -> None:
    assert document_file_name("Plan", "Dupont", "Marie", dt.date(2026, 12, 6)) \
        == "Plan-Dupont-Marie-2026-12-06.pdf"
    assert document_file_name("Fiche", "Van den Bossche", "Élise-Hélène", dt.date(2026, 1, 2)) \
        == "Fiche-Van-den-Bossche-Elise-Helene-2026-01-02.pdf"
    assert document_file_name("Synthèse", "D'Hondt/..", "", dt.date(2026, 1, 2), "PDF") \
        == "Synthese-D-Hondt-2026-01-02.pdf"


@given(st.text(), st.text(), st.text(), st.dates())
def test_always_a_safe_file_name(kind: str, family: str, given_name: str, on: dt.date) -> None:
    name = document_file_name(kind, family, given_name, on)
    assert re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*\.pdf", name)
    assert name.endswith(f"{on.isoformat()}.pdf") and len(name) <= 3 * 41 + 16
