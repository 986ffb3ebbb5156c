"""Answer validation and scoring of a response against its definition. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.errors import ValidationError, ValidationErrors
from desktop.domain.instruments.conditions import evaluate
from desktop.domain.instruments.model import Definition, Item, Value
from desktop.domain.text import has_control_characters


@dataclass(frozen=True)
class ScoringOptions:
    """Choices a definition leaves open: band set per score, rule variant per derived category."""

    band_sets: Mapping[str, str] = field(default_factory=dict)
    variants: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, dict[str, str]]:
        return {"band_sets": dict(self.band_sets), "variants": dict(self.variants)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ScoringOptions:
        data = data or {}
        return cls(dict(data.get("band_sets") or {}), dict(data.get("variants") or {}))


@dataclass(frozen=True)
class ScoreResult:
    id: str
    value: int
    min: int
    max: int
    band: str | None
    band_set: str | None


@dataclass(frozen=True)
class DerivedResult:
    id: str
    code: str
    rank: int
    variant: str | None


@dataclass(frozen=True)
class Outcome:
    scores: dict[str, ScoreResult]
    derived: dict[str, DerivedResult]
    complete: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "scores": {k: {"value": s.value, "min": s.min, "max": s.max, "band": s.band,
                           "band_set": s.band_set} for k, s in self.scores.items()},
            "derived": {k: {"code": d.code, "rank": d.rank, "variant": d.variant}
                        for k, d in self.derived.items()},
            "complete": self.complete,
        }


def resolve_options(defn: Definition, band_set: str | None = None,
                    band_sets: Mapping[str, str] | None = None,
                    variants: Mapping[str, str] | None = None) -> ScoringOptions:
    """Check and complete the options. `band_set` applies to every score that offers it."""
    chosen: dict[str, str] = {}
    for sc in defn.scores:
        if sc.band_sets and sc.default_band_set:
            chosen[sc.id] = sc.default_band_set
    if band_set is not None:
        hits = [sc.id for sc in defn.scores if any(bs.id == band_set for bs in sc.band_sets)]
        if not hits:
            raise ValidationError("assessment.unknown_band_set", "band_set", value=band_set,
                                  known=", ".join(_all_band_sets(defn)) or "-")
        for sid in hits:
            chosen[sid] = band_set
    for sid, bs_id in (band_sets or {}).items():
        found = next((s for s in defn.scores if s.id == sid), None)
        if found is None or not any(bs.id == bs_id for bs in found.band_sets):
            raise ValidationError("assessment.unknown_band_set", "band_set", value=str(bs_id),
                                  known=", ".join(_all_band_sets(defn)) or "-")
        chosen[sid] = bs_id
    picked: dict[str, str] = {}
    for d in defn.derived:
        if d.variants and d.default_variant:
            picked[d.id] = d.default_variant
    for did, vid in (variants or {}).items():
        rule = next((x for x in defn.derived if x.id == did), None)
        if rule is None or not any(v.id == vid for v in rule.variants):
            known = ", ".join(f"{x.id}={v.id}" for x in defn.derived for v in x.variants)
            raise ValidationError("assessment.unknown_variant", "variant", value=f"{did}={vid}",
                                  known=known or "-")
        picked[did] = vid
    return ScoringOptions(chosen, picked)


def _all_band_sets(defn: Definition) -> list[str]:
    out: list[str] = []
    for sc in defn.scores:
        out += [bs.id for bs in sc.band_sets if bs.id not in out]
    return out


def visible_items(defn: Definition, answers: Mapping[str, Any]) -> list[Item]:
    """Items asked given the answers so far (an item with a false condition is skipped)."""
    return [it for it in defn.items if not it.condition or evaluate(it.condition, answers)]


def _check_value(item: Item, value: Any) -> ValidationError | None:
    if item.type == "boolean":
        if not isinstance(value, bool):
            return ValidationError("assessment.answer_type", item.id, item=item.id,
                                   expected="true/false")
        return None
    if item.type == "choice":
        if not any(type(value) is type(o.value) for o in item.options):
            return ValidationError("assessment.answer_type", item.id, item=item.id,
                                   expected=_choices(item))
        if item.option(value) is None:
            return ValidationError("assessment.answer_option", item.id, item=item.id,
                                   value=str(value), expected=_choices(item))
        return None
    if item.type == "number":
        if not isinstance(value, int) or isinstance(value, bool):
            return ValidationError("assessment.answer_type", item.id, item=item.id,
                                   expected=f"{item.min}–{item.max}")
        assert item.min is not None and item.max is not None
        if not item.min <= value <= item.max:
            return ValidationError("assessment.answer_range", item.id, item=item.id,
                                   value=str(value), min=item.min, max=item.max)
        return None
    if not isinstance(value, str):
        return ValidationError("assessment.answer_type", item.id, item=item.id, expected="text")
    if has_control_characters(value):  # like every other text field (and U+0000 never syncs)
        return ValidationError("text.control_characters", item.id)
    if len(value) > item.max_length:
        return ValidationError("text.too_long", item.id, max=item.max_length)
    return None


def _choices(item: Item) -> str:
    return ", ".join(str(o.value) for o in item.options)


def validate_answers(defn: Definition, answers: Any, *, complete: bool) -> dict[str, Value]:
    """Return the answers to keep (hidden items dropped, empty text dropped). Every problem is
    reported, each naming its item; `complete` also requires every asked required item."""
    if not isinstance(answers, Mapping):
        raise ValidationError("assessment.answers_not_object", "answers")
    errors: list[ValidationError] = []
    known = set(defn.item_ids)
    for key in answers:
        if key not in known:
            errors.append(ValidationError("assessment.unknown_item", str(key), item=str(key)))
    given = {k: v for k, v in answers.items()
             if k in known and v is not None and not (isinstance(v, str) and not v.strip())}
    for key, value in given.items():
        err = _check_value(defn.item(key), value)
        if err is not None:
            errors.append(err)
    if errors:
        raise ValidationErrors(errors)
    kept: dict[str, Value] = {}
    for it in visible_items(defn, given):
        if it.id in given:
            v = given[it.id]
            kept[it.id] = v.strip() if isinstance(v, str) and it.type == "text" else v
        elif complete and it.required:
            errors.append(ValidationError("assessment.answer_missing", it.id, item=it.id))
    if errors:
        raise ValidationErrors(errors)
    return kept


def is_complete(defn: Definition, answers: Mapping[str, Any]) -> bool:
    return all(it.id in answers for it in visible_items(defn, answers) if it.required)


def score(defn: Definition, answers: Mapping[str, Value],
          options: ScoringOptions | None = None) -> Outcome:
    """Score validated answers. Unanswered items add nothing (drafts get partial scores)."""
    options = options or resolve_options(defn)
    shown = {it.id for it in visible_items(defn, answers)}
    values: dict[str, int] = {}
    results: dict[str, ScoreResult] = {}
    for sc in defn.scores:
        answered = [i for i in sc.items if i in answers and i in shown]
        if sc.kind == "sum":
            total = sum(defn.item(i).score_of(answers[i]) for i in answered)
        else:
            total = sum(1 for i in answered
                        if any(answers[i] == v and type(answers[i]) is type(v) for v in sc.values))
        values[sc.id] = total
        bs = sc.band_set(options.band_sets.get(sc.id))
        band = bs.band_for(total) if bs else None
        results[sc.id] = ScoreResult(sc.id, total, sc.range[0], sc.range[1],
                                     band.code if band else None, bs.id if bs else None)
    derived: dict[str, DerivedResult] = {}
    for d in defn.derived:
        variant = options.variants.get(d.id, d.default_variant)
        code = d.otherwise
        for rule in d.rules:
            if rule.variants and variant not in rule.variants:
                continue
            if evaluate(rule.when, answers, values):
                code = rule.code
                break
        derived[d.id] = DerivedResult(d.id, code, d.category(code).rank, variant)
    return Outcome(results, derived, is_complete(defn, answers))
