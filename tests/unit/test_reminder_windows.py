"""The sweep selects deadlines by due-date range per slot (core.calendar.reminders.slot_windows): those ranges must be
exactly :func:`slots_due` turned around, on every day of a year with holidays, make-up days and a fallback
year, for every reminder distance — or the set-based sweep would send other reminders than the rule says."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from core.calendar.reminders import (
    ReminderPolicy,
    Slot,
    last_due_reminded_soon,
    next_reminder_day,
    reading_day,
    slot_windows,
    slots_due,
)
from core.calendar.workdays import WorkCalendar


@pytest.mark.parametrize("days_before", [0, 1, 3, 5])
def test_slot_windows_are_slots_due_inverted(days_before: int) -> None:
    cal, policy = WorkCalendar(), ReminderPolicy(days_before=days_before)
    start = date(2026, 1, 1)
    for offset in range(0, 400, 1 if days_before == 3 else 3):  # into 2027: Monday–Friday by fallback
        today = start + timedelta(days=offset)
        windows = slot_windows(today, cal, policy)
        for d in range(-30, 40):
            due = today + timedelta(days=d)
            assert [w.slot for w in windows if due in w] == slots_due(due, today, cal, policy), (today, due)


def test_the_soon_window_spans_the_national_day_holiday() -> None:
    cal, policy = WorkCalendar(), ReminderPolicy(days_before=3)
    # From Tue 09-29: a deadline due Fri 10-09 has 10-08, 09-30 and 09-29 as its three working days before
    # (the holiday 10-01..07 counts none); one due Sat 10-10 (a make-up day) 10-09, 10-08 and 09-30.
    assert last_due_reminded_soon(date(2026, 9, 29), cal, policy) == date(2026, 10, 9)
    assert last_due_reminded_soon(date(2026, 9, 29), cal, ReminderPolicy(days_before=0)) is None
    soon = next(w for w in slot_windows(date(2026, 9, 29), cal, policy) if w.slot == Slot.SOON)
    assert (soon.after, soon.until) == (date(2026, 9, 29), date(2026, 10, 9))


def test_no_overdue_slot_on_a_rest_day_but_escalation_still_due() -> None:
    cal, policy = WorkCalendar(), ReminderPolicy()
    sunday = date(2026, 10, 11)
    assert [w.slot for w in slot_windows(sunday, cal, policy)] == [Slot.ESCALATED, Slot.DUE, Slot.SOON]
    monday = [w.slot for w in slot_windows(sunday + timedelta(days=1), cal, policy)]
    assert monday[0] == f"{Slot.OVERDUE}:2026-10-12"


def test_the_calendar_asks_the_library_once_per_day(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[date] = []
    real = chinese_calendar.is_workday

    def counted(day: date) -> bool:
        asked.append(day)
        return real(day)

    monkeypatch.setattr(chinese_calendar, "is_workday", counted)
    cal = WorkCalendar()
    for _ in range(3):
        assert cal.is_workday(date(2026, 10, 10)) and not cal.is_workday(date(2026, 10, 1))
        assert cal.is_workday(date(2027, 1, 1))  # the fallback year: asked (and refused) once too
    assert asked == [date(2026, 10, 10), date(2026, 10, 1), date(2027, 1, 1)]


@pytest.mark.parametrize("days_before", [0, 3])
def test_the_reading_day_is_the_next_day_a_slot_is_due(days_before: int) -> None:
    """A deadline the sweep puts aside is read again on the first day :func:`slots_due` has something for it
    that was not sent — never later (a reminder would be late), and not before (the sweep would read it for
    nothing) — whether today's slots were sent or not; and :func:`next_reminder_day` agrees after each slot."""
    cal, policy = WorkCalendar(), ReminderPolicy(days_before=days_before)
    start = date(2026, 9, 20)  # through the National Day holiday and its make-up days
    for offset in range(0, 40):
        today = start + timedelta(days=offset)
        for d in range(-12, 15):
            due = today + timedelta(days=d)
            todays = set(slots_due(due, today, cal, policy))
            assert reading_day(due, today, set(), cal, policy) == (
                today if todays else next(day for day in _days_after(today) if slots_due(due, day, cal, policy))
            ), (today, due)
            done = reading_day(due, today, todays, cal, policy)  # a slot sent once is never due again

            def new(day: date) -> set[str]:
                return set(slots_due(due, day, cal, policy)) - todays  # noqa: B023 (used at once, in the loop)

            assert done > today and new(done), (today, due)
            assert not any(new(day) for day in _days_after(today) if day < done), (today, due)
            if todays:
                last = next_reminder_day(sorted(todays)[0] if len(todays) == 1 else Slot.ESCALATED, due, today, cal)
                assert last == done, (today, due)


def _days_after(day: date) -> list[date]:
    return [day + timedelta(days=i) for i in range(1, 60)]
