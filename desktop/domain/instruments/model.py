"""Typed instrument definitions (docs/ARCHITECTURE.md §9), parsed from the JSON files in
`resources/instruments`. The loader validates the JSON Schema first; `parse_definition` then
checks what a schema cannot: unique ids, references in conditions, band coverage, ranges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.domain.errors import ValidationError

LANGS = ("fr", "nl", "en")
ItemType = Literal["choice", "boolean", "number", "text"]
Value = int | str | bool
Text = dict[str, str]


def text_in(text: Text | None, lang: str) -> str:
    """The text in `lang`, else French, else English, else empty (callers show a fallback)."""
    if not text:
        return ""
    return text.get(lang) or text.get("fr") or text.get("en") or ""


@dataclass(frozen=True)
class Option:
    value: Value
    score: int | None
    label: Text


@dataclass(frozen=True)
class ScoreRange:
    """Number answers: a score for each closed interval of values."""

    min: int
    max: int
    score: int


@dataclass(frozen=True)
class Item:
    id: str
    type: ItemType
    text: Text | None
    section: str | None
    required: bool
    options: tuple[Option, ...] = ()
    min: int | None = None
    max: int | None = None
    score_ranges: tuple[ScoreRange, ...] = ()
    max_length: int = 2000
    condition: dict[str, Any] | None = None
    help: Text | None = None
    unit: Text | None = None

    @property
    def scored(self) -> bool:
        if self.type == "choice":
            return any(o.score is not None for o in self.options)
        if self.type == "boolean":
            return any(o.score is not None for o in self.options)
        if self.type == "number":
            return bool(self.score_ranges)
        return False

    def option(self, value: Value) -> Option | None:
        for o in self.options:
            if o.value == value and type(o.value) is type(value):
                return o
        return None

    def score_of(self, value: Value) -> int:
        if self.type in ("choice", "boolean"):
            opt = self.option(value)
            return (opt.score or 0) if opt is not None else 0
        if self.type == "number" and isinstance(value, int):
            for r in self.score_ranges:
                if r.min <= value <= r.max:
                    return r.score
        return 0

    def score_bounds(self) -> tuple[int, int]:
        if self.type in ("choice", "boolean"):
            scores = [o.score or 0 for o in self.options]
        elif self.type == "number":
            scores = [r.score for r in self.score_ranges] or [0]
        else:
            scores = [0]
        return min(scores), max(scores)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text


@dataclass(frozen=True)
class Band:
    code: str
    min: int
    max: int
    label: Text


@dataclass(frozen=True)
class BandSet:
    id: str
    label: Text
    bands: tuple[Band, ...]
    note: Text | None = None

    def band_for(self, value: int) -> Band | None:
        for b in self.bands:
            if b.min <= value <= b.max:
                return b
        return None


@dataclass(frozen=True)
class Score:
    """`sum` adds item scores; `count` counts items whose answer is one of `values`."""

    id: str
    kind: Literal["sum", "count"]
    label: Text
    items: tuple[str, ...]
    range: tuple[int, int]
    values: tuple[Value, ...] = ()
    band_sets: tuple[BandSet, ...] = ()
    default_band_set: str | None = None

    def band_set(self, band_set_id: str | None) -> BandSet | None:
        wanted = band_set_id or self.default_band_set
        for bs in self.band_sets:
            if bs.id == wanted:
                return bs
        return None


@dataclass(frozen=True)
class Category:
    code: str
    rank: int
    label: Text


@dataclass(frozen=True)
class Variant:
    id: str
    label: Text
    note: Text | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    when: dict[str, Any]
    variants: tuple[str, ...] = ()  # empty: the rule applies in every variant


@dataclass(frozen=True)
class Derived:
    """A rule-based category: the first rule that holds gives the code, else `otherwise`."""

    id: str
    label: Text
    categories: tuple[Category, ...]
    rules: tuple[Rule, ...]
    otherwise: str
    variants: tuple[Variant, ...] = ()
    default_variant: str | None = None
    note: Text | None = None

    def category(self, code: str) -> Category:
        for c in self.categories:
            if c.code == code:
                return c
        raise KeyError(code)


@dataclass(frozen=True)
class Licence:
    kind: Literal["free", "own", "licensed"]
    holder: str | None
    note: Text


@dataclass(frozen=True)
class Definition:
    id: str
    version: str
    kind: str  # scale | checklist | triage
    title: Text
    short_title: Text
    description: Text | None
    source: str
    licence: Licence
    texts_included: bool
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    scores: tuple[Score, ...]
    derived: tuple[Derived, ...]
    primary: str | None = None  # score or derived id shown in history trends
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def score(self, score_id: str) -> Score:
        for s in self.scores:
            if s.id == score_id:
                return s
        raise KeyError(score_id)

    def derived_rule(self, derived_id: str) -> Derived:
        for d in self.derived:
            if d.id == derived_id:
                return d
        raise KeyError(derived_id)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)


# ------------------------------------------------------------------------------------------
# parsing
# ------------------------------------------------------------------------------------------
def _bad(place: str, reason: str, **params: Any) -> ValidationError:
    return ValidationError(f"instrument.{reason}", "definition", place=place, **params)


def _text(value: Any) -> Text | None:
    return {k: str(v) for k, v in value.items()} if isinstance(value, dict) else None


def _options(raw: dict[str, Any], place: str) -> tuple[Option, ...]:
    if raw["type"] == "boolean":
        scores = raw.get("scores", {})
        return (Option(True, scores.get("true"), _text(raw.get("yes_label")) or {}),
                Option(False, scores.get("false"), _text(raw.get("no_label")) or {}))
    opts = []
    seen: set[tuple[type, Value]] = set()
    for j, o in enumerate(raw.get("options", [])):
        key = (type(o["value"]), o["value"])
        if key in seen:
            raise _bad(f"{place}.options[{j}]", "duplicate_id", id=str(o["value"]))
        seen.add(key)
        opts.append(Option(o["value"], o.get("score"), _text(o.get("label")) or {}))
    if raw["type"] == "choice" and len(opts) < 2:
        raise _bad(place, "too_few_options")
    return tuple(opts)


def _item(raw: dict[str, Any], place: str) -> Item:
    kind: ItemType = raw["type"]
    required = raw.get("required", kind != "text")
    ranges = tuple(ScoreRange(r["min"], r["max"], r["score"]) for r in raw.get("score_ranges", []))
    item = Item(
        id=raw["id"], type=kind, text=_text(raw.get("text")), section=raw.get("section"),
        required=bool(required),
        options=_options(raw, place) if kind in ("choice", "boolean") else (),
        min=raw.get("min"), max=raw.get("max"), score_ranges=ranges,
        max_length=int(raw.get("max_length", 2000)), condition=raw.get("condition"),
        help=_text(raw.get("help")), unit=_text(raw.get("unit")),
    )
    if kind == "number":
        if item.min is None or item.max is None or item.min > item.max:
            raise _bad(place, "number_bounds")
        if ranges:
            # every allowed value must fall in exactly one range, so a score is always defined
            for v in range(item.min, item.max + 1):
                hits = sum(1 for r in ranges if r.min <= v <= r.max)
                if hits != 1:
                    raise _bad(f"{place}.score_ranges", "ranges_cover", value=v)
    return item


def _bands(raw: dict[str, Any], place: str, lo: int, hi: int) -> BandSet:
    bands = tuple(Band(b["code"], b["min"], b["max"], _text(b.get("label")) or {})
                  for b in raw["bands"])
    expected = lo
    for j, b in enumerate(sorted(bands, key=lambda b: b.min)):
        if b.min != expected or b.max < b.min:
            raise _bad(f"{place}.bands[{j}]", "bands_cover", value=expected)
        expected = b.max + 1
    if expected != hi + 1:
        raise _bad(place, "bands_cover", value=expected)
    return BandSet(raw["id"], _text(raw.get("label")) or {}, bands, _text(raw.get("note")))


def _score(raw: dict[str, Any], place: str, items: dict[str, Item]) -> Score:
    ids = tuple(raw.get("items") or [i.id for i in items.values() if i.scored])
    for j, ref in enumerate(ids):
        if ref not in items:
            raise _bad(f"{place}.items[{j}]", "unknown_ref", ref=ref)
    lo, hi = raw["range"]
    kind = raw["kind"]
    if kind == "sum":
        bounds = [items[i].score_bounds() for i in ids]
        real = (sum(b[0] for b in bounds), sum(b[1] for b in bounds))
    else:
        real = (0, len(ids))
    if real[0] < lo or real[1] > hi:
        raise _bad(f"{place}.range", "range_mismatch", low=real[0], high=real[1])
    sets = tuple(_bands(bs, f"{place}.band_sets[{j}]", lo, hi)
                 for j, bs in enumerate(raw.get("band_sets", [])))
    default = raw.get("default_band_set") or (sets[0].id if sets else None)
    if sets and default not in {s.id for s in sets}:
        raise _bad(f"{place}.default_band_set", "unknown_ref", ref=str(default))
    return Score(raw["id"], kind, _text(raw.get("label")) or {}, ids, (lo, hi),
                 tuple(raw.get("values", [])), sets, default)


def condition_refs(cond: dict[str, Any]) -> list[tuple[str, str]]:
    """[(kind, id)] referenced by a condition: ("item", id) or ("score", id)."""
    if "all" in cond or "any" in cond:
        out: list[tuple[str, str]] = []
        for c in cond.get("all", cond.get("any", [])):
            out += condition_refs(c)
        return out
    if "not" in cond:
        return condition_refs(cond["not"])
    if "item" in cond:
        return [("item", cond["item"])]
    return [("score", cond["score"])]


def _check_refs(cond: dict[str, Any], place: str, items: set[str], scores: set[str]) -> None:
    for kind, ref in condition_refs(cond):
        if ref not in (items if kind == "item" else scores):
            raise _bad(place, "unknown_ref", ref=ref)


def _derived(raw: dict[str, Any], place: str, items: set[str], scores: set[str]) -> Derived:
    cats = tuple(Category(c["code"], c["rank"], _text(c.get("label")) or {})
                 for c in raw["categories"])
    codes = {c.code for c in cats}
    variants = tuple(Variant(v["id"], _text(v.get("label")) or {}, _text(v.get("note")))
                     for v in raw.get("variants", []))
    vids = {v.id for v in variants}
    rules = []
    for j, r in enumerate(raw["rules"]):
        if r["code"] not in codes:
            raise _bad(f"{place}.rules[{j}].code", "unknown_ref", ref=r["code"])
        for v in r.get("variants", []):
            if v not in vids:
                raise _bad(f"{place}.rules[{j}].variants", "unknown_ref", ref=v)
        _check_refs(r["when"], f"{place}.rules[{j}].when", items, scores)
        rules.append(Rule(r["code"], r["when"], tuple(r.get("variants", []))))
    if raw["otherwise"] not in codes:
        raise _bad(f"{place}.otherwise", "unknown_ref", ref=raw["otherwise"])
    default = raw.get("default_variant") or (variants[0].id if variants else None)
    if variants and default not in vids:
        raise _bad(f"{place}.default_variant", "unknown_ref", ref=str(default))
    return Derived(raw["id"], _text(raw.get("label")) or {}, cats, tuple(rules), raw["otherwise"],
                   variants, default, _text(raw.get("note")))


def _unique(ids: list[str], place: str) -> None:
    seen: set[str] = set()
    for j, i in enumerate(ids):
        if i in seen:
            raise _bad(f"{place}[{j}]", "duplicate_id", id=i)
        seen.add(i)


def parse_definition(raw: dict[str, Any]) -> Definition:
    """Build a Definition from schema-valid JSON; raise ValidationError naming the place."""
    _unique([s["id"] for s in raw.get("sections", [])], "sections")
    _unique([i["id"] for i in raw["items"]], "items")
    sections = tuple(Section(s["id"], _text(s.get("title")) or {}) for s in raw.get("sections", []))
    section_ids = {s.id for s in sections}
    items: dict[str, Item] = {}
    for j, r in enumerate(raw["items"]):
        it = _item(r, f"items[{j}]")
        if it.section is not None and it.section not in section_ids:
            raise _bad(f"items[{j}].section", "unknown_ref", ref=it.section)
        items[it.id] = it
    _unique([s["id"] for s in raw.get("scores", [])], "scores")
    scores = tuple(_score(s, f"scores[{j}]", items) for j, s in enumerate(raw.get("scores", [])))
    score_ids = {s.id for s in scores}
    for j, r in enumerate(raw["items"]):
        if r.get("condition"):
            _check_refs(r["condition"], f"items[{j}].condition", set(items), set())
    _unique([d["id"] for d in raw.get("derived", [])], "derived")
    derived = tuple(_derived(d, f"derived[{j}]", set(items), score_ids)
                    for j, d in enumerate(raw.get("derived", [])))
    primary = raw.get("primary")
    if primary is not None and primary not in score_ids | {d.id for d in derived}:
        raise _bad("primary", "unknown_ref", ref=primary)
    lic = raw["licence"]
    return Definition(
        id=raw["id"], version=str(raw["version"]), kind=raw.get("kind", "scale"),
        title=_text(raw["title"]) or {},
        short_title=_text(raw.get("short_title") or raw["title"]) or {},
        description=_text(raw.get("description")), source=raw.get("source", ""),
        licence=Licence(lic["kind"], lic.get("holder"), _text(lic.get("note")) or {}),
        texts_included=bool(raw.get("texts_included", True)), sections=sections,
        items=tuple(items.values()), scores=scores, derived=derived, primary=primary, raw=raw,
    )


def missing_texts(defn: Definition, langs: tuple[str, ...] = LANGS) -> list[str]:
    """Places where a user-visible text lacks a language. Item texts of a licensed instrument
    shipped without them are expected to be absent."""
    missing: list[str] = []

    def need(text: Text | None, place: str) -> None:
        for lang in langs:
            if not text or not str(text.get(lang, "")).strip():
                missing.append(f"{place}.{lang}")

    need(defn.title, "title")
    need(defn.licence.note, "licence.note")
    for s in defn.sections:
        need(s.title, f"sections.{s.id}.title")
    for it in defn.items:
        if defn.texts_included:
            need(it.text, f"items.{it.id}.text")
        if it.type == "choice" and (defn.texts_included or any(o.label for o in it.options)):
            for o in it.options:
                need(o.label, f"items.{it.id}.options.{o.value}")
        for opt_text, where in ((it.help, "help"), (it.unit, "unit")):
            if opt_text is not None:
                need(opt_text, f"items.{it.id}.{where}")
    for sc in defn.scores:
        need(sc.label, f"scores.{sc.id}.label")
        for bs in sc.band_sets:
            need(bs.label, f"scores.{sc.id}.band_sets.{bs.id}.label")
            for b in bs.bands:
                need(b.label, f"scores.{sc.id}.band_sets.{bs.id}.{b.code}")
    for d in defn.derived:
        need(d.label, f"derived.{d.id}.label")
        for c in d.categories:
            need(c.label, f"derived.{d.id}.categories.{c.code}")
        for v in d.variants:
            need(v.label, f"derived.{d.id}.variants.{v.id}")
    return missing


def structure_of(defn: Definition) -> dict[str, Any]:
    """Everything that scoring depends on, without any text: two definitions with the same
    structure score every answer set identically (used to check imported licensed texts)."""
    return {
        "id": defn.id,
        "items": {i.id: {"type": i.type, "required": i.required, "section": i.section,
                   "options": [[o.value, o.score] for o in i.options], "min": i.min, "max": i.max,
                   "score_ranges": [[r.min, r.max, r.score] for r in i.score_ranges],
                   "condition": i.condition} for i in defn.items},
        "scores": {s.id: {"kind": s.kind, "items": list(s.items), "range": list(s.range),
                    "values": list(s.values),
                    "band_sets": [[bs.id, [[b.code, b.min, b.max] for b in bs.bands]]
                                  for bs in s.band_sets]} for s in defn.scores},
        "derived": {d.id: {"categories": [[c.code, c.rank] for c in d.categories],
                     "rules": [[r.code, r.when, list(r.variants)] for r in d.rules],
                     "otherwise": d.otherwise, "variants": [v.id for v in d.variants]}
                    for d in defn.derived},
    }


def first_difference(a: Any, b: Any, place: str = "") -> str | None:
    """The first place where two JSON-like structures differ, e.g. `items[3].options`."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return f"{place}.{key}".lstrip(".")
            found = first_difference(a[key], b[key], f"{place}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for j, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{place}[{j}]")
            if found:
                return found
        return None if len(a) == len(b) else f"{place.lstrip('.')} (count {len(a)} ≠ {len(b)})"
    if a != b or type(a) is not type(b):
        return place.lstrip(".") or "(root)"
    return None
