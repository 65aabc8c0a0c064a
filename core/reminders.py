"""When to remind whom about a deadline (rules.md §2 "Reminders", a product choice [U]).

A reminder ``days_before`` working days before the due day, one on the due day, an overdue alert to whoever
owes the duty, and once overdue an escalation to the unit's supervisors. Pure: the sweep in
``core.services.reminders`` asks which slots are due and records each one it sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from core.workcalendar import WorkCalendar


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
