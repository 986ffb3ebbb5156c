"""Patient search inside the vault (SQLite FTS5): accent- and case-insensitive prefixes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from types import SimpleNamespace

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.domain.text import digits, fold
from desktop.storage.models import Patient

_TOKEN = re.compile(r"[^\W_]+")  # letters and digits of any script, as FTS5 unicode61 sees them


def _body(p: Patient | SimpleNamespace) -> str:
    parts = [p.family_name, p.given_name, p.city or "", p.postal_code or "", p.street or ""]
    words = " ".join(parts)
    # "Vanden Broucke" also findable as "vandenbroucke"
    joined = [re.sub(r"[\s\-']", "", n) for n in (p.family_name, p.given_name, p.city or "") if n]
    numbers: list[str] = []
    if p.niss:
        numbers.append(p.niss)
    for phone in p.phones or []:
        d = digits(phone)
        numbers.append(d)  # 32470123456
        if d.startswith("32"):
            numbers.append("0" + d[2:])  # 0470123456
    return fold(" ".join([words, *joined, *numbers]))


def index_new(session: Session, patients: Iterable[Patient | SimpleNamespace]) -> None:
    """Add patients not indexed yet, in one statement (deleted ones are left out)."""
    rows = [{"id": p.id, "body": _body(p)} for p in patients if not p.deleted]
    if rows:
        session.execute(
            text("INSERT INTO patient_search (patient_id, body) VALUES (:id, :body)"), rows)


def index_patient(session: Session, patient: Patient) -> None:
    session.execute(text("DELETE FROM patient_search WHERE patient_id = :id"), {"id": patient.id})
    index_new(session, [patient])


def rebuild_index(session: Session) -> int:
    """Re-index every patient (after a change of the folding rules); returns how many.

    Reads named columns with plain SQL, not the ORM model, so that it runs inside a migration
    whatever columns later migrations add to `patient`."""
    session.execute(text("DELETE FROM patient_search"))
    rows = session.execute(text(
        "SELECT id, family_name, given_name, city, postal_code, street, niss, phones, deleted "
        "FROM patient WHERE deleted = 0")).all()
    index_new(session, [SimpleNamespace(**{
        **row._asdict(),
        "phones": (json.loads(row.phones) if isinstance(row.phones, str) else row.phones) or [],
    }) for row in rows])
    return len(rows)


def unindex_patient(session: Session, patient_id: str) -> None:
    session.execute(text("DELETE FROM patient_search WHERE patient_id = :id"), {"id": patient_id})


def fts_query(query: str) -> str | None:
    """Build an FTS5 MATCH expression; None when the query has nothing to search for."""
    q = fold(query)
    d = digits(q)
    # A query that is mostly digits is a NISS or phone in any format: search the digit string.
    if len(d) >= 4 and len(d) >= len(re.sub(r"[\s.\-/+()]", "", q)) - 0:
        if d.startswith("32") and len(d) >= 10:
            return f'"{d}"* OR "0{d[2:]}"*'
        return f'"{d}"*'
    tokens = _TOKEN.findall(q)
    if not tokens:
        return None
    return " AND ".join(f'"{t}"*' for t in tokens)


def search_ids(session: Session, query: str, limit: int = 200) -> list[str]:
    expr = fts_query(query)
    if expr is None:
        return []
    rows = session.execute(
        text("SELECT patient_id FROM patient_search WHERE patient_search MATCH :q ORDER BY rank LIMIT :n"),
        {"q": expr, "n": limit},
    )
    return [r[0] for r in rows]
