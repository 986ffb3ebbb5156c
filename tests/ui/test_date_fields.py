"""Dates and times as typed: 31/03/2027, 1/4/27, 31/03 and 10, 1030, 10h30 are read and shown
dd/mm/yyyy and HH:MM; what cannot be read is said next to the field and nothing is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.services import care_plans, cases, patients, stays, visits
from desktop.ui.dossier.case_dialogs import (
    CloseCaseDialog,
    NewCaseDialog,
    StayDialog,
    VisitDialog,
    hour_after,
    just_ended,
)
from desktop.ui.fields import DateField, TimeField
from desktop.ui.plan.dialogs import ActionDialog, ConcertationDialog, GoalDialog


def _patient(ctx) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    pid = patients.add_patient(ctx, patients.PatientFields(family_name="Dethier",
                                                           given_name="Renée"))
    cid = cases.open_case(ctx, pid, cases.RequestFields(requester_type="relative",
                                                        request_reason="Chutes"))
    return pid, cid


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)
    field.editingFinished.emit()  # what leaving the field does


def test_goal_deadline_typed_into_empty_field_is_saved(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid, _cid = _patient(ctx)
    plan_id = care_plans.start_plan(ctx, pid, what_matters="Rester chez elle")
    dialog = GoalDialog(main_window, ctx, plan_id, text="Marcher")
    qtbot.addWidget(dialog)
    assert dialog.target.text() == ""
    _type(qtbot, dialog.target, "31/03/2027")
    assert dialog.target.text() == "31/03/2027"
    dialog._ok()
    [goal] = care_plans.get_plan(ctx, plan_id).goals
    assert goal.target_date == dt.date(2027, 3, 31)


def test_unreadable_deadline_is_refused_inline_with_focus(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid, _cid = _patient(ctx)
    plan_id = care_plans.start_plan(ctx, pid, what_matters="Rester chez elle")
    dialog = GoalDialog(main_window, ctx, plan_id, text="Marcher")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _type(qtbot, dialog.target, "31/02/2027")
    dialog.buttons.setFocus()
    dialog._ok()
    assert dialog.isVisible() and care_plans.get_plan(ctx, plan_id).goals == []
    assert dialog.target.text() == "31/02/2027"  # kept, not dropped
    assert any("31/03/2027" in m for m in dialog.errors.visible_messages())
    assert dialog.focusWidget() is dialog.target


@pytest.mark.parametrize("typed, shown", [("1/4/27", "01/04/2027"), ("31032027", "31/03/2027"),
                                          ("5/12", "05/12/2026"), ("2027-03-31", "31/03/2027")])
def test_date_field_reads_short_forms(qtbot, typed: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    field = DateField(today=lambda: dt.date(2026, 11, 23))
    qtbot.addWidget(field)
    _type(qtbot, field, typed)
    assert field.text() == shown and field.is_valid()


def test_visit_times_typed_at_once_and_end_follows_start(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pid, cid = _patient(ctx)
    dialog = VisitDialog(main_window, ctx, case_id=cid, patient_id=pid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.date.text() == "24/11/2026"  # dd/mm/yyyy, not ISO
    assert (dialog.start.text(), dialog.end.text()) == ("10:00", "11:00")
    for typed, shown in (("1030", "10:30"), ("9", "09:00"), ("14h15", "14:15"),
                         ("10:30", "10:30")):
        _type(qtbot, dialog.start, typed)
        assert dialog.start.text() == shown
    assert dialog.end.text() == "11:30"  # the hour's duration kept
    # Tab leaves the field at once (no walking through hours and minutes)
    dialog.start.setFocus()
    qtbot.keyClick(dialog.start, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.end
    _type(qtbot, dialog.end, "25h")
    assert not dialog.try_save()
    assert any("10h30" in m for m in dialog.errors.visible_messages())
    assert visits.list_visits(ctx, pid) == []
    _type(qtbot, dialog.end, "1145")
    assert dialog.try_save()
    [visit] = visits.list_visits(ctx, pid)
    assert visit.start == dt.datetime(2026, 11, 24, 10, 30)
    assert visit.end == dt.datetime(2026, 11, 24, 11, 45)


def _dialogs(main_window, ctx):  # type: ignore[no-untyped-def]
    pid, cid = _patient(ctx)
    plan_id = care_plans.start_plan(ctx, pid, what_matters="Rester chez elle")
    goal_id = care_plans.add_goal(ctx, plan_id, "Marcher")
    from desktop.ui.consent.dialogs import DecisionDialog
    from desktop.ui.ecomap.dialogs import TieDialog

    return [
        (NewCaseDialog(main_window, ctx, pid), "request_date"),
        (CloseCaseDialog(main_window, ctx, cid), "closed_on"),
        (StayDialog(main_window, ctx, pid), "admitted"),
        (ActionDialog(main_window, ctx, goal_id, [], "fr"), "start"),
        (ConcertationDialog(main_window, ctx, pid, [], "fr"), "held_on"),
        (DecisionDialog(main_window, ctx, pid, "granted"), "date"),
        (TieDialog(main_window, lambda *_a: "x"), None),
    ], pid


def test_every_date_input_refuses_what_it_cannot_read(main_window, qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    dialogs, pid = _dialogs(main_window, ctx)
    for dialog, name in dialogs:
        qtbot.addWidget(dialog)
        field = getattr(dialog, name) if name else dialog.tie_form.since
        assert isinstance(field, DateField), type(dialog).__name__
        assert field.text() in ("", "23/11/2026"), field.text()  # shown dd/mm/yyyy
        _type(qtbot, field, "32/13/2026")
        assert not field.is_valid() and field.text() == "32/13/2026"
        save = getattr(dialog, "try_save", None) or getattr(dialog, "_ok", None) \
            or getattr(dialog, "save", None) or dialog._accept
        if hasattr(dialog, "_accept") and not hasattr(dialog, "try_save"):
            save = dialog._accept
        save()
        assert dialog.result() == 0, type(dialog).__name__
    assert stays.list_stays(ctx, pid) == []
    assert isinstance(TimeField(), TimeField)


@pytest.mark.parametrize(("start", "end"), [(dt.time(10, 0), dt.time(11, 0)),
                                            (dt.time(22, 30), dt.time(23, 30)),
                                            (dt.time(23, 0), dt.time(23, 59)),
                                            (dt.time(23, 45), dt.time(23, 59))])
def test_a_visits_default_end_comes_after_its_start_late_in_the_day(
        start: dt.time, end: dt.time) -> None:
    # a visit recorded at 23:xx starts at 23:00: its end used to be 23:00 too, refused at save
    assert hour_after(start) == end and hour_after(start) > start


@pytest.mark.parametrize(("now", "start", "end"), [(dt.time(1, 51), dt.time(0, 50), dt.time(1, 50)),
                                                   (dt.time(14, 7), dt.time(13, 5), dt.time(14, 5)),
                                                   (dt.time(0, 20), dt.time(0, 0), dt.time(0, 20)),
                                                   (dt.time(0, 2), dt.time(0, 0), dt.time(0, 5)),
                                                   (dt.time(23, 59), dt.time(22, 55),
                                                    dt.time(23, 55))])
def test_a_visit_being_recorded_has_just_ended_by_default(
        now: dt.time, start: dt.time, end: dt.time) -> None:
    # at 01:51 the form offered 01:00–02:00: an end still ahead for a visit being recorded
    assert just_ended(now) == (start, end)
    assert start < end
