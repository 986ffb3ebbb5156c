"""Assessment instruments as data: typed definitions, conditions, validation and scoring.

Pure (no I/O): `desktop.services.instruments` loads and schema-checks the JSON files.
"""

from desktop.domain.instruments.conditions import evaluate
from desktop.domain.instruments.model import (
    LANGS,
    Definition,
    Derived,
    Item,
    Score,
    first_difference,
    missing_texts,
    parse_definition,
    structure_of,
    text_in,
)
from desktop.domain.instruments.scoring import (
    DerivedResult,
    Outcome,
    ScoreResult,
    ScoringOptions,
    is_complete,
    resolve_options,
    score,
    validate_answers,
    visible_items,
)

__all__ = [
    "LANGS", "Definition", "Derived", "DerivedResult", "Item", "Outcome", "Score", "ScoreResult",
    "ScoringOptions", "evaluate", "first_difference", "is_complete", "missing_texts",
    "parse_definition", "resolve_options", "score", "structure_of", "text_in",
    "validate_answers", "visible_items",
]
