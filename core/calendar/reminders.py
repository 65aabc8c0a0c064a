"""When to remind whom about a deadline (rules.md §2 "Reminders", a product choice [U]).

A reminder ``days_before`` working days before the due day, one on the due day, an overdue alert to whoever
owes the duty, and once overdue an escalation to the unit's supervisors. Pure: the sweep in
``core.services.reminders`` asks which slots are due and records each one it sends; :func:`slot_windows`
turns the same rule around (which due dates have a slot due today) so the sweep can select them in SQL, and
:func:`first_reminder_day` / :func:`next_reminder_day` say when a deadline next needs reading at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from core.calendar.workdays import WorkCalendar


class Slot(StrEnum):
    SOON = "soon"
    DUE = "due"
    OVERDUE = "overdue"
    ESCALATED = "escalated"


@dataclass(frozen=True)
class ReminderPolicy:
    days_before: int = 3  # working days before the due day (issue 5: configurable N)
    urgent_repush_minutes: int = 15  # an urgent message nobody acted on is pushed again (issue 12, item 12)


def working_days_before(due: date, n: int, cal: WorkCalendar) -> date:
    day, counted = due, 0
    while counted < n:
        day -= timedelta(days=1)
        if cal.is_workday(day):
            counted += 1
    return day


def slots_due(due: date, today: date, cal: WorkCalendar, policy: ReminderPolicy) -> list[str]:
    """The slots whose time has come ``today``; the sweep sends the ones not sent yet, each exactly once.

    Slots are ``soon`` (from ``days_before`` working days ahead until the due day), ``due`` (on the day),
    ``overdue:<day>`` (each working day after it: a bot that was down sends today's, not one per missed day)
    and ``escalated`` (once, to the supervisors). A later slot supersedes an earlier one that was missed.
    """
    if today > due:
        return ([f"{Slot.OVERDUE}:{today.isoformat()}"] if cal.is_workday(today) else []) + [Slot.ESCALATED.value]
    if today == due:
        return [Slot.DUE.value]
    if policy.days_before > 0 and today >= working_days_before(due, policy.days_before, cal):
        return [Slot.SOON.value]
    return []


@dataclass(frozen=True)
class SlotWindow:
    """The due dates for which ``slot`` is due on ``day``: ``after < due_date <= until`` (no lower bound when
    ``after`` is None)."""

    slot: str
    day: date
    until: date
    after: date | None = None

    def __contains__(self, due: date) -> bool:
        return due <= self.until and (self.after is None or due > self.after)


def last_due_reminded_soon(today: date, cal: WorkCalendar, policy: ReminderPolicy) -> date | None:
    """The latest due date whose ``soon`` reminder is due ``today`` (None when there are none).

    ``working_days_before(due)`` never decreases as ``due`` moves later, so the dues reminded soon today are
    one range ``today < due <= last``; the loop ends after ``days_before`` working days (plus any holidays).
    """
    if policy.days_before <= 0:
        return None
    due = today + timedelta(days=1)  # always in: its n-th working day before is before it
    while working_days_before(due + timedelta(days=1), policy.days_before, cal) <= today:
        due += timedelta(days=1)
    return due


def slot_windows(today: date, cal: WorkCalendar, policy: ReminderPolicy) -> list[SlotWindow]:
    """:func:`slots_due` inverted: for each slot that can be due ``today``, the range of due dates it is due
    for, in the order the slots of one deadline are sent (``due in w`` for the windows ``w`` of this list is
    exactly ``slots_due(due, today, ...)``)."""
    yesterday = today - timedelta(days=1)
    windows = [SlotWindow(f"{Slot.OVERDUE}:{today.isoformat()}", today, yesterday)] if cal.is_workday(today) else []
    windows += [
        SlotWindow(Slot.ESCALATED.value, today, yesterday),
        SlotWindow(Slot.DUE.value, today, today, yesterday),
    ]
    last_soon = last_due_reminded_soon(today, cal, policy)
    if last_soon is not None:
        windows.append(SlotWindow(Slot.SOON.value, today, last_soon, today))
    return windows


def first_reminder_day(due: date, cal: WorkCalendar, policy: ReminderPolicy) -> date:
    """The first day :func:`slots_due` has a slot for a deadline due on ``due``: the sweep reads no deadline
    before that day (``deadlines.next_reminder_on``)."""
    return working_days_before(due, policy.days_before, cal) if policy.days_before > 0 else due


def reading_day(due: date, today: date, sent: set[str], cal: WorkCalendar, policy: ReminderPolicy) -> date:
    """When the sweep must next read a deadline it has not seen since it opened (or since its due day or the
    policy changed), given which of today's slots were ``sent`` already: the first day a slot is due, today if
    one is due and unsent, else the next day one will be."""
    first = first_reminder_day(due, cal, policy)
    if first > today:
        return first
    if any(slot not in sent for slot in slots_due(due, today, cal, policy)):
        return today
    if due > today:
        return due
    return today + timedelta(days=1) if due == today else cal.add_working_days(today, 1)


def next_reminder_day(slot: str, due: date, today: date, cal: WorkCalendar) -> date | None:
    """The next day a slot is due for a deadline whose ``slot`` was sent ``today``, everything due before it
    sent too: the due day after ``soon``, the day after after ``due``, the next working day (its overdue alert)
    after ``escalated``. After today's overdue alert it depends on whether the escalation, sent once, is still
    to come (then today): None, for the caller to tell."""
    if slot == Slot.SOON:
        return due
    if slot == Slot.DUE:
        return today + timedelta(days=1)
    if slot == Slot.ESCALATED:
        return cal.add_working_days(today, 1)
    return None
