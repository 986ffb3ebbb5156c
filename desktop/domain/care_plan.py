"""Care and support plan rules (docs/DOMAIN.md "Care plan and concertation").

A plan version goes draft → agreed → superseded. Only a draft can change; an agreed version is
frozen and the next version starts as a copy. Goals and actions keep their `position` through the
copy, so `position` is the key that pairs items of two versions when they are compared.

Schedules are typed the way case managers write them ("Mon, Wed, Fri 8:00–9:00",
"lun, mer, ven 8h-9h", "ma-vr 8u30-9u"); they are parsed into days and times so the handout can
show a weekly "who comes when" table. A schedule with no day or time ("twice a month") is kept as
a frequency text and listed under the table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors
from desktop.domain.text import clean_line, clean_text, fold

PLAN_STATUSES = ("draft", "agreed", "superseded")
PLAN_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"agreed"}),
    "agreed": frozenset({"superseded"}),
    "superseded": frozenset(),
}
GOAL_STATUSES = ("active", "achieved", "abandoned")
ACTION_STATUSES = ("planned", "ongoing", "done", "cancelled")
RESPONSIBLE_KINDS = ("contact", "patient", "case_manager")
# the needs checklist domains (docs/DOMAIN.md); goal domains outside this list are kept as codes
NEED_DOMAINS = ("health", "daily_functioning", "cognition_mood", "carer_strain",
                "social_network", "housing_safety", "money_rights", "administration")
PARTS_OF_DAY = ("morning", "noon", "afternoon", "evening", "night")

# who agreed the plan (issue 22, item 3): codes, so the handout can say it in the patient's
# voice ("avec moi et ma famille"); the free text beside them is an optional extra
AGREED_PARTIES = ("patient", "family", "carers", "gp", "others")
AGREED_NOTE_MAX = 300

GOAL_MAX = 500
WHAT_MAX = 500
_DOMAIN_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


# ---------------------------------------------------------------------------------------------
# Status rules
# ---------------------------------------------------------------------------------------------
def check_transition(current: str, target: str) -> None:
    if target not in PLAN_TRANSITIONS.get(current, frozenset()):
        raise RuleViolation("plan.illegal_transition", "status", current=current, target=target)


def check_editable(status: str) -> None:
    """Only a draft changes: an agreed plan is what the patient signed up to."""
    if status != "draft":
        raise RuleViolation("plan.not_editable", "plan", status=status)


@dataclass(frozen=True)
class Agreement:
    """With whom a plan was agreed: codes of AGREED_PARTIES, and optional words of one's own."""

    parties: tuple[str, ...] = ()
    note: str = ""


def clean_parties(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """The parties in the order of AGREED_PARTIES, each once; a string is comma-separated."""
    if values is None:
        return ()
    items = values.split(",") if isinstance(values, str) else list(values)
    seen: set[str] = set()
    for raw in items:
        code = str(raw).strip().lower()
        if not code:
            continue
        if code not in AGREED_PARTIES:
            raise ValidationError("plan.agreed_party_invalid", "agreed_parties",
                                  value=code[:40], names=", ".join(AGREED_PARTIES))
        seen.add(code)
    return tuple(p for p in AGREED_PARTIES if p in seen)


def encode_agreement(agreement: Agreement) -> str | None:
    """What `care_plan.agreed_with` (a text column) holds: the note alone when there are no
    codes (as before codes existed), else a JSON object {"parties": [...], "note": "..."}."""
    if not agreement.parties:
        return agreement.note or None
    return json.dumps({"parties": list(agreement.parties), "note": agreement.note},
                      ensure_ascii=False, separators=(",", ":"))


def decode_agreement(stored: str | None) -> Agreement:
    """The inverse of `encode_agreement`; any other text is a note written before codes."""
    text = (stored or "").strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("parties"), list):
            parties = tuple(p for p in AGREED_PARTIES if p in data["parties"])
            note = data.get("note")
            return Agreement(parties, note if isinstance(note, str) else "")
    return Agreement((), text)


def check_agreeable(status: str, goal_count: int, agreed_with: str | None,
                    agreed_on: dt.date | None, today: dt.date, review_date: dt.date | None,
                    parties: Iterable[str] | str | None = None) -> tuple[str | None, dt.date]:
    """Validate the agreement; returns what to store in `agreed_with` (encode_agreement) and
    the date. Who agreed: at least one party code, or (as before codes) words of one's own."""
    check_transition(status, "agreed")
    errors: list[ValidationError] = []
    if goal_count == 0:
        errors.append(ValidationError("plan.no_goals", "goals"))
    who: str | None = None
    try:
        codes = clean_parties(parties)
        note = clean_line(agreed_with, "agreed_with", max_len=AGREED_NOTE_MAX)
        if not codes and not note:
            raise ValidationError("plan.agreed_with_missing", "agreed_parties",
                                  names=", ".join(AGREED_PARTIES))
        who = encode_agreement(Agreement(codes, note))
    except ValidationError as exc:
        errors.append(exc)
    day = agreed_on or today
    if day > today:
        errors.append(ValidationError("plan.agreed_in_future", "agreed_on"))
    if review_date is not None and review_date < day:
        errors.append(ValidationError("plan.review_before_agreement", "review_date"))
    if errors:
        raise ValidationErrors(errors)
    return who, day


# ---------------------------------------------------------------------------------------------
# Goals and actions
# ---------------------------------------------------------------------------------------------
def validate_goal(text: str | None, domain: str | None, target_date: dt.date | None,
                  status: str = "active", today: dt.date | None = None) -> dict[str, Any]:
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    try:
        values["text"] = clean_text(text, "text", required=True, max_len=GOAL_MAX)
    except ValidationError as exc:
        errors.append(exc)
    dom = (domain or "").strip() or None
    if dom is not None and not _DOMAIN_CODE.match(dom):
        errors.append(ValidationError("goal.domain_invalid", "domain"))
    values["domain"] = dom
    if status not in GOAL_STATUSES:
        errors.append(ValidationError("goal.status_invalid", "status"))
    values["status"] = status
    if target_date is not None and today is not None and target_date < today and status == "active":
        errors.append(ValidationError("goal.target_in_past", "target_date"))
    values["target_date"] = target_date
    if errors:
        raise ValidationErrors(errors)
    return values


def validate_action(what: str | None, responsible_kind: str | None, contact_id: str | None,
                    schedule: str | None, start: dt.date | None, end: dt.date | None,
                    status: str = "planned") -> dict[str, Any]:
    """Check an action; returns the values to store (schedule parsed into its JSON form)."""
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    try:
        values["what"] = clean_text(what, "what", required=True, max_len=WHAT_MAX)
    except ValidationError as exc:
        errors.append(exc)
    kind = (responsible_kind or "").strip()
    if not kind:
        errors.append(ValidationError("action.no_responsible", "responsible"))
    elif kind not in RESPONSIBLE_KINDS:
        errors.append(ValidationError("action.responsible_invalid", "responsible"))
    elif kind == "contact" and not contact_id:
        errors.append(ValidationError("action.no_responsible", "responsible"))
    values["responsible_kind"] = kind
    values["responsible_contact_id"] = contact_id if kind == "contact" else None
    try:
        values["schedule"] = parse_schedule(schedule or "").to_json()
    except ValidationError as exc:
        errors.append(exc)
    if start is not None and end is not None and end < start:
        errors.append(ValidationError("action.end_before_start", "end_date"))
    values["start_date"], values["end_date"] = start, end
    if status not in ACTION_STATUSES:
        errors.append(ValidationError("action.status_invalid", "status"))
    values["status"] = status
    if errors:
        raise ValidationErrors(errors)
    return values


# ---------------------------------------------------------------------------------------------
# Schedules
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Schedule:
    days: tuple[int, ...] = ()  # 0 = Monday … 6 = Sunday
    start: str | None = None  # "08:00"
    end: str | None = None
    part: str | None = None  # a part of the day when no time is given
    text: str = ""  # as typed

    @property
    def is_weekly(self) -> bool:
        return bool(self.days)

    def to_json(self) -> dict[str, Any]:
        return {"days": list(self.days), "start": self.start, "end": self.end,
                "part": self.part, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Schedule:
        data = data or {}
        return cls(days=tuple(int(d) for d in data.get("days") or ()), start=data.get("start"),
                   end=data.get("end"), part=data.get("part"), text=str(data.get("text") or ""))


_DAY_WORDS: dict[str, int] = {}
for _i, _names in enumerate((
    ("mon", "monday", "lun", "lundi", "ma", "maa", "maandag", "mo"),
    ("tue", "tues", "tuesday", "mar", "mardi", "di", "din", "dinsdag", "tu"),
    ("wed", "wednesday", "mer", "mercredi", "wo", "woe", "woensdag", "we"),
    ("thu", "thur", "thurs", "thursday", "jeu", "jeudi", "do", "don", "donderdag", "th"),
    ("fri", "friday", "ven", "vendredi", "vr", "vri", "vrijdag", "fr"),
    ("sat", "saturday", "sam", "samedi", "za", "zat", "zaterdag", "sa"),
    ("sun", "sunday", "dim", "dimanche", "zo", "zon", "zondag", "su"),
)):
    for _n in _names:
        _DAY_WORDS[_n] = _i
# plural day names: "les lundis", "mondays", "maandagen"
for _n, _i in list(_DAY_WORDS.items()):
    if len(_n) > 4:
        _DAY_WORDS.setdefault(_n + "s", _i)
        _DAY_WORDS.setdefault(_n + "en", _i)

_PART_WORDS = {
    "morning": "morning", "mornings": "morning", "matin": "morning", "matinee": "morning",
    "ochtend": "morning", "voormiddag": "morning", "morgens": "morning",
    "noon": "noon", "midi": "noon", "middag": "noon", "middags": "noon", "lunchtime": "noon",
    "afternoon": "afternoon", "_afternoon": "afternoon", "namiddag": "afternoon",
    "evening": "evening", "soir": "evening", "soiree": "evening", "avond": "evening",
    "avonds": "evening",
    "night": "night", "nuit": "night", "nacht": "night", "nachts": "night",
}
# phrases replaced before splitting into words (already accent-folded, lower case)
_PHRASES = (
    (r"\b(tous les jours|chaque jour|7 ?j ?/ ?7|7 ?/ ?7|every ?day|daily|dagelijks|elke dag"
     r"|iedere dag)\b", " _all "),
    (r"\b(en semaine|jours ouvrables|weekdays|on weekdays|weekdagen|werkdagen|in de week)\b",
     " _weekdays "),
    (r"\b(le week-?end|les week-?ends|week-?ends?|weekends?|in het weekend)\b", " _weekend "),
    (r"\b(apres-midi|apres midi|in de namiddag)\b", " _afternoon "),
    (r"'s ?(morgens|middags|avonds|nachts)\b", r" \1 "),
)
_RANGE_WORDS = {"-", "au", "a", "to", "tot", "through", "thru", "till", "until", "t/m", "jusqu'au"}
_FILLER = {"et", "and", "en", "le", "les", "la", "de", "du", "des", "from", "on", "the", "at",
           "om", "van", "op", "every", "each", "chaque", "tous", "elke", "iedere", "in",
           "het", "vers", "around", "rond", "h", "u", "uur", "heures", "heure", "o'clock",
           "&", "+", "/", "s"}

_UNIT = r"[hu](?![a-z])"  # "8h", "8u30" but not the start of "9 uur", "10 heures"
_TIME = r"(\d{1,2})(?:\s*(?:[:.]\s*(\d{2})|" + _UNIT + r"\s*(\d{2})?))?"
_TIME_RANGE = re.compile(
    _TIME + r"\s*(?:-|a|to|tot|until|till|jusqu'a)\s*" + _TIME + r"(?![0-9])")
_TIME_SINGLE = re.compile(r"(\d{1,2})(?:\s*(?:[:.]\s*(\d{2})|" + _UNIT + r"\s*(\d{2})?))(?![0-9])")


_TIME_WORD = re.compile(r"\b(\d{1,2})\s*(?:uur|heures?|o'clock)\b")


def _hhmm(hour: str, minute_a: str | None, minute_b: str | None) -> str:
    h = int(hour)
    m = int(minute_a or minute_b or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        raise ValidationError("schedule.time_invalid", "schedule")
    return f"{h:02d}:{m:02d}"


def parse_schedule(text: str) -> Schedule:
    """Parse days and times; raise `schedule.unclear` on words it cannot place when the text
    does name days or times (a half-understood schedule would put a wrong line in the week)."""
    raw = clean_line(text, "schedule", max_len=200)
    if not raw:
        return Schedule()
    s = fold(raw).replace("–", "-").replace("—", "-").replace("’", "'")
    for pattern, repl in _PHRASES:
        s = re.sub(pattern, repl, s)
    start = end = None
    m = _TIME_RANGE.search(s)
    if m:
        start = _hhmm(m.group(1), m.group(2), m.group(3))
        end = _hhmm(m.group(4), m.group(5), m.group(6))
        if end <= start:
            raise ValidationError("schedule.end_before_start", "schedule")
        s = s[:m.start()] + " " + s[m.end():]
    else:
        m = _TIME_SINGLE.search(s)
        if m:
            start = _hhmm(m.group(1), m.group(2), m.group(3))
            s = s[:m.start()] + " " + s[m.end():]
        elif (w := _TIME_WORD.search(s)) is not None:
            start = _hhmm(w.group(1), None, None)
            s = s[:w.start()] + " " + s[w.end():]
    s = s.replace("-", " - ")
    tokens = [tok for tok in re.split(r"[\s,;/+&().]+", s) if tok]
    days: set[int] = set()
    part: str | None = None
    unknown: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "_all":
            days.update(range(7))
        elif tok == "_weekdays":
            days.update(range(5))
        elif tok == "_weekend":
            days.update((5, 6))
        elif tok in _DAY_WORDS:
            first = _DAY_WORDS[tok]
            # "lun au ven", "ma-vr", "Mon to Fri": a range of days
            j = i + 1
            if j < len(tokens) - 1 and tokens[j] in _RANGE_WORDS and tokens[j + 1] in _DAY_WORDS:
                last = _DAY_WORDS[tokens[j + 1]]
                k = first
                while True:
                    days.add(k)
                    if k == last:
                        break
                    k = (k + 1) % 7
                i = j + 1
            else:
                days.add(first)
        elif tok in _PART_WORDS:
            part = _PART_WORDS[tok]
        elif tok in _FILLER or tok in _RANGE_WORDS:
            pass
        else:
            unknown.append(tok)
        i += 1
    if not days and start is None and part is None:
        return Schedule(text=raw)  # a frequency in words ("twice a month")
    if unknown:
        raise ValidationError("schedule.unclear", "schedule", words=" ".join(unknown[:3]))
    return Schedule(days=tuple(sorted(days)), start=start, end=end,
                    part=None if start else part, text=raw)


# ---------------------------------------------------------------------------------------------
# The week: who comes when
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekAction:
    """What the week table needs of an action (names resolved by the caller)."""

    what: str
    who: str  # display name, e.g. "Marie Dubois"
    role: str  # e.g. "infirmière"; may be empty
    responsible_kind: str
    schedule: Schedule
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: str = "planned"
    phone: str | None = None


@dataclass(frozen=True)
class WeekEntry:
    day: int
    start: str | None
    end: str | None
    part: str | None
    action: WeekAction


@dataclass(frozen=True)
class Week:
    days: tuple[tuple[WeekEntry, ...], ...]  # 7 lists, Monday first
    other: tuple[WeekAction, ...] = field(default=())  # frequency-only actions

    @property
    def is_empty(self) -> bool:
        return not any(self.days) and not self.other


_PART_ORDER = {p: i for i, p in enumerate(PARTS_OF_DAY)}
_PART_CLOCK = {"morning": "08:00", "noon": "12:00", "afternoon": "14:00", "evening": "18:00",
               "night": "22:00"}


def is_current(a: WeekAction, on: dt.date) -> bool:
    if a.status in ("done", "cancelled"):
        return False
    if a.end_date is not None and a.end_date < on:
        return False
    return True


def build_week(actions: Iterable[WeekAction], on: dt.date) -> Week:
    """The actions that still run on `on` (or start later), by day and hour."""
    per_day: list[list[WeekEntry]] = [[] for _ in range(7)]
    other: list[WeekAction] = []
    for a in actions:
        if not is_current(a, on):
            continue
        if not a.schedule.is_weekly:
            other.append(a)
            continue
        for d in a.schedule.days:
            per_day[d].append(WeekEntry(d, a.schedule.start, a.schedule.end, a.schedule.part, a))

    def key(e: WeekEntry) -> tuple[str, str]:
        return (e.start or _PART_CLOCK.get(e.part or "", "99:99"), e.action.who)

    return Week(days=tuple(tuple(sorted(d, key=key)) for d in per_day), other=tuple(other))


# ---------------------------------------------------------------------------------------------
# Comparing two versions
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemSnapshot:
    """A goal or an action as compared: `key` pairs items of two versions (their position)."""

    key: int
    label: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class PlanSnapshot:
    version: int
    fields: dict[str, Any]  # life project, the three questions, review date
    goals: Sequence[ItemSnapshot]
    actions: Sequence[ItemSnapshot]


@dataclass(frozen=True)
class Change:
    kind: str  # added | removed | changed
    item: str  # plan | goal | action
    label: str  # goal text or action "what" (for plan fields: the field name)
    field: str | None = None
    old: Any = None
    new: Any = None


def _compare_items(item: str, old: Sequence[ItemSnapshot],
                   new: Sequence[ItemSnapshot]) -> list[Change]:
    changes: list[Change] = []
    before = {i.key: i for i in old}
    after = {i.key: i for i in new}
    for k in sorted(before.keys() | after.keys()):
        a, b = before.get(k), after.get(k)
        if a is None and b is not None:
            changes.append(Change("added", item, b.label))
        elif b is None and a is not None:
            changes.append(Change("removed", item, a.label))
        elif a is not None and b is not None:
            for name in sorted(a.fields.keys() | b.fields.keys()):
                if a.fields.get(name) != b.fields.get(name):
                    changes.append(Change("changed", item, b.label, name, a.fields.get(name),
                                          b.fields.get(name)))
    return changes


def compare_plans(old: PlanSnapshot, new: PlanSnapshot) -> list[Change]:
    """What changed from `old` to `new`: plan fields, then goals, then actions."""
    changes = [Change("changed", "plan", name, name, old.fields.get(name), new.fields.get(name))
               for name in sorted(old.fields.keys() | new.fields.keys())
               if old.fields.get(name) != new.fields.get(name)]
    changes += _compare_items("goal", old.goals, new.goals)
    changes += _compare_items("action", old.actions, new.actions)
    return changes
