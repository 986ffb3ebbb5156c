"""Care plan rules: schedules typed in French, Dutch and English, the week table, agreement
checks, action checks and version comparison (pure domain, no vault)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.care_plan import (
    ItemSnapshot,
    PlanSnapshot,
    Schedule,
    WeekAction,
    build_week,
    check_agreeable,
    check_editable,
    compare_plans,
    parse_schedule,
    validate_action,
)
from desktop.domain.errors import RuleViolation, ValidationError, ValidationErrors

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(("text", "days", "start", "end"), [
    ("Mon, Wed, Fri 8:00–9:00", (0, 2, 4), "08:00", "09:00"),
    ("lun, mer, ven 8h-9h", (0, 2, 4), "08:00", "09:00"),
    ("ma, wo, vr 8u-9u30", (0, 2, 4), "08:00", "09:30"),
    ("lundi au vendredi 8h30–10h", (0, 1, 2, 3, 4), "08:30", "10:00"),
    ("maandag tot vrijdag van 8 tot 9 uur", (0, 1, 2, 3, 4), "08:00", "09:00"),
    ("mer-ven 14:00-15:00", (2, 3, 4), "14:00", "15:00"),
    ("tous les jours 12h", tuple(range(7)), "12:00", None),
    ("elke dag 18u", tuple(range(7)), "18:00", None),
    ("le week-end à 10h", (5, 6), "10:00", None),
    ("vrijdag om 10 uur", (4,), "10:00", None),
    ("Sun-Tue", (0, 1, 6), None, None),
])
def test_schedules_in_three_languages(text: str, days: tuple[int, ...], start: str | None,
                                      end: str | None) -> None:
    s = parse_schedule(text)
    assert (s.days, s.start, s.end, s.text) == (days, start, end, text)


def test_part_of_day_without_hours() -> None:
    assert parse_schedule("le mardi après-midi") == Schedule((1,), None, None, "afternoon",
                                                             "le mardi après-midi")
    assert parse_schedule("dinsdag 's avonds").part == "evening"
    assert parse_schedule("Tue and Thu mornings").days == (1, 3)


def test_frequency_in_words_is_kept_as_text() -> None:
    s = parse_schedule("2 fois par mois")
    assert not s.is_weekly and s.text == "2 fois par mois"


@pytest.mark.parametrize(("text", "code"), [
    ("samedi 9h-8h", "schedule.end_before_start"),
    ("lundi 25h", "schedule.time_invalid"),
    ("lun 2 fois", "schedule.unclear"),
])
def test_bad_schedules_are_refused_with_a_code(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_schedule(text)
    assert info.value.code == code


DAY_NAMES = {"fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
             "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
             "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}
UNIT = {"fr": "h", "nl": "u", "en": ":"}


@settings(max_examples=60, deadline=None)
@given(lang=st.sampled_from(["fr", "nl", "en"]),
       days=st.sets(st.integers(0, 6), min_size=1),
       start=st.integers(6 * 60, 20 * 60), length=st.integers(15, 180))
def test_any_written_schedule_parses_back(lang: str, days: set[int], start: int,
                                          length: int) -> None:
    """Whatever days and hours a case manager writes this way come back as the same days and
    hours (the week table depends on it)."""
    end = min(start + length, 23 * 60 + 59)
    unit = UNIT[lang]

    def hm(m: int) -> str:
        return f"{m // 60}:{m % 60:02d}" if unit == ":" else f"{m // 60}{unit}{m % 60:02d}"

    text = ", ".join(DAY_NAMES[lang][d] for d in sorted(days)) + f" {hm(start)}-{hm(end)}"
    s = parse_schedule(text)
    assert s.days == tuple(sorted(days))
    assert s.start == f"{start // 60:02d}:{start % 60:02d}"
    assert s.end == f"{end // 60:02d}:{end % 60:02d}"


def _wa(what: str, schedule: str, who: str = "Marie", **kw: object) -> WeekAction:
    return WeekAction(what, who, "nurse", "contact", parse_schedule(schedule), **kw)  # type: ignore[arg-type]


def test_week_sorts_each_day_by_hour_and_skips_ended_actions() -> None:
    week = build_week([
        _wa("toilette", "lun, mer 8h-9h"),
        _wa("courses", "lundi 7h", who="Paul"),
        _wa("kiné", "lundi 10h", end_date=TODAY - dt.timedelta(days=1)),  # ended
        _wa("annulé", "lundi 11h", status="cancelled"),
        _wa("visite", "2 fois par mois"),
    ], TODAY)
    assert [e.action.what for e in week.days[0]] == ["courses", "toilette"]
    assert [e.action.what for e in week.days[2]] == ["toilette"]
    assert [a.what for a in week.other] == ["visite"]
    assert not any(week.days[d] for d in (1, 3, 4, 5, 6))


def test_action_needs_a_responsible_and_an_end_after_its_start() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_action("Toilette", None, None, "", dt.date(2026, 12, 10), dt.date(2026, 12, 1))
    assert {e.code for e in info.value.errors} == {"action.no_responsible",
                                                   "action.end_before_start"}
    with pytest.raises(ValidationErrors) as info:
        validate_action("Toilette", "contact", None, "", None, None)
    assert info.value.errors[0].code == "action.no_responsible"
    ok = validate_action("Exercices", "patient", None, "tous les jours 10h", None, None)
    assert ok["schedule"]["days"] == list(range(7)) and ok["responsible_contact_id"] is None


def test_agreement_rules() -> None:
    with pytest.raises(ValidationErrors) as info:
        check_agreeable("draft", 0, "la patiente", None, TODAY, None)
    assert info.value.errors[0].code == "plan.no_goals"
    with pytest.raises(ValidationErrors):
        check_agreeable("draft", 2, "  ", None, TODAY, None)
    with pytest.raises(RuleViolation):
        check_agreeable("agreed", 2, "la patiente", None, TODAY, None)
    assert check_agreeable("draft", 1, " la patiente ", None, TODAY, None) == ("la patiente", TODAY)
    with pytest.raises(RuleViolation):
        check_editable("agreed")


def test_compare_lists_added_removed_and_changed_items() -> None:
    old = PlanSnapshot(1, {"what_matters": "jardin", "review_date": None},
                       [ItemSnapshot(1, "Se laver", {"text": "Se laver"}),
                        ItemSnapshot(2, "Sortir", {"text": "Sortir"})],
                       [ItemSnapshot(1, "Toilette", {"schedule": "lun 8h"})])
    new = PlanSnapshot(2, {"what_matters": "jardin", "review_date": dt.date(2027, 3, 1)},
                       [ItemSnapshot(1, "Se laver seule", {"text": "Se laver seule"}),
                        ItemSnapshot(3, "Voir ses amis", {"text": "Voir ses amis"})],
                       [ItemSnapshot(1, "Toilette", {"schedule": "lun, jeu 8h"})])
    changes = {(c.kind, c.item, c.label, c.field) for c in compare_plans(old, new)}
    assert changes == {
        ("changed", "plan", "review_date", "review_date"),
        ("changed", "goal", "Se laver seule", "text"),
        ("removed", "goal", "Sortir", None),
        ("added", "goal", "Voir ses amis", None),
        ("changed", "action", "Toilette", "schedule"),
    }
    assert compare_plans(new, new) == []


_items = st.lists(st.tuples(st.integers(1, 12), st.sampled_from(["a", "b", "c"])),
                  max_size=8, unique_by=lambda t: t[0])


@settings(max_examples=80, deadline=None)
@given(old=_items, new=_items)
def test_comparison_accounts_for_every_item(old: list[tuple[int, str]],
                                            new: list[tuple[int, str]]) -> None:
    """Every goal key is reported once as added or removed, or as changed only when it did."""
    def snap(items: list[tuple[int, str]]) -> PlanSnapshot:
        return PlanSnapshot(1, {}, [ItemSnapshot(k, v, {"text": v}) for k, v in items], [])

    changes = compare_plans(snap(old), snap(new))
    before, after = dict(old), dict(new)
    assert {c.label for c in changes if c.kind == "removed"} <= set(before.values())
    assert len([c for c in changes if c.kind == "removed"]) == len(before.keys() - after.keys())
    assert len([c for c in changes if c.kind == "added"]) == len(after.keys() - before.keys())
    assert len([c for c in changes if c.kind == "changed"]) == sum(
        1 for k in before.keys() & after.keys() if before[k] != after[k])
    assert compare_plans(snap(new), snap(new)) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sets(st.integers(0, 6), min_size=1), min_size=1, max_size=6))
def test_week_puts_each_action_on_exactly_its_days(day_sets: list[set[int]]) -> None:
    names = DAY_NAMES["fr"]
    actions = [_wa(f"action {i}", ", ".join(names[d] for d in sorted(days)) + " 9h")
               for i, days in enumerate(day_sets)]
    week = build_week(actions, TODAY)
    for i, days in enumerate(day_sets):
        placed = {d for d in range(7) if any(e.action.what == f"action {i}" for e in week.days[d])}
        assert placed == days
