"""Home concertation funding rules, by region (issue 18, item 5).

Since the sixth state reform the multidisciplinary home concertation is funded by the regions,
not by INAMI: AViQ in Wallonia, Iriscare (bicommunity) or the COCOF (French-speaking services)
in Brussels, the Departement Zorg (formerly Zorg en Gezondheid) in Flanders. Their rules keep the
federal ones (docs/DOMAIN.md "Care plan and concertation"): at least three providers including the
GP, the home nurse when nursing care is given, the patient or a representative, and the
patient's agreement on who takes part. A meeting that misses one is still worth recording: these
are warnings.

**verify**: the German-speaking Community (postal codes 4700-4791) took over part of these
competences in 2019; it is shown under Wallonia (AViQ) until checked.
"""

from __future__ import annotations

from dataclasses import dataclass

REGIONS = ("wallonia", "brussels", "flanders")
FUNDERS_BY_REGION: dict[str, tuple[str, ...]] = {
    "wallonia": ("aviq",),
    "brussels": ("iriscare", "cocof"),
    "flanders": ("departement_zorg",),
}
FUNDERS: tuple[str, ...] = tuple(f for fs in FUNDERS_BY_REGION.values() for f in fs)

# informal carers, family and friends take part but are not "providers"
NON_PROVIDER_KINDS = frozenset({"informal_carer", "family", "friend", "neighbour", "other",
                                "patient_association"})
MIN_PROVIDERS = 3


def region_of(postal_code: str | None) -> str | None:
    """The region of a Belgian postal code; None when unknown."""
    if not postal_code or not postal_code.isdigit() or len(postal_code) != 4:
        return None
    n = int(postal_code)
    if 1000 <= n <= 1299:
        return "brussels"
    if 1300 <= n <= 1499 or 4000 <= n <= 7999:
        return "wallonia"
    if 1500 <= n <= 3999 or 8000 <= n <= 9999:
        return "flanders"
    return None


def default_funder(postal_code: str | None) -> str | None:
    region = region_of(postal_code)
    return FUNDERS_BY_REGION[region][0] if region else None


@dataclass(frozen=True)
class Attendance:
    """Who took part, as far as the funding rules are concerned."""

    provider_kinds: tuple[str, ...]  # contact kinds of the participants
    gp: bool
    patient: bool  # the patient or a representative
    home_nurse: bool
    nursing_care: bool  # a home nurse is in the patient's ecosystem


def funding_warnings(a: Attendance) -> list[str]:
    """Codes of the rules the meeting misses (the funder is named by the message)."""
    out: list[str] = []
    providers = [k for k in a.provider_kinds if k not in NON_PROVIDER_KINDS]
    if len(providers) < MIN_PROVIDERS:
        out.append("concertation.needs_three_providers")
    if not a.gp:
        out.append("concertation.needs_gp")
    if a.nursing_care and not a.home_nurse:
        out.append("concertation.needs_home_nurse")
    if not a.patient:
        out.append("concertation.needs_patient")
    return out
