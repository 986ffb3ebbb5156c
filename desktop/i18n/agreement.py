"""With whom a care plan was agreed, in words: "le patient, la famille et le médecin traitant
(Mme Dubois)" — the party codes (desktop/domain/care_plan.py AGREED_PARTIES) in the third
person, then the words typed beside them. Shared by the plan screen, the copy of the record
and the FHIR export; the handout says it in the patient's own voice (desktop/reports/doc_text)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.i18n import t


def agreed_with_text(parties: Iterable[str], note: str | None, lang: str) -> str:
    words = [t(f"plan.party.{p}", lang) for p in parties]
    text = ", ".join(words[:-1]) + t("doc.and", lang) + words[-1] if len(words) > 1 else \
        "".join(words)
    if note:
        text = f"{text} ({note})" if text else note
    return text
