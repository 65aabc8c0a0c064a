"""What became of every duty: read back from the deadlines the services opened, the reminders the sweep recorded,
the case history, and the notifications the outbox delivered.

A duty *fell due* when its due day is within the period and it was not cancelled before then (a repeat, a case
archived). For each: met on time (met on or before the due day, office days), or missed. A duty still open on the
first day of its reminders (:func:`core.calendar.reminders.first_reminder_day`) needed a reminder: it was
*reminded before due* when a ``soon`` or ``due`` reminder was recorded on or before the due day, *too late to
remind* when it was opened on or after its due day (nothing could come before), and otherwise it is a failure. A
missed duty must have been escalated (the ``escalated`` reminder to the unit's leaders) by the next working day
after its due day. A notification delivered twice to one chat with the same template and parameters is a duplicate.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar.reminders import ReminderPolicy, first_reminder_day
from core.calendar.workdays import WorkCalendar
from core.model import Action, CaseState, DeadlineState, OutboxStatus
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, OutboxRow, ReminderSentRow
from core.stats.timeliness import OPEN_CASE_STATES
from qingfeng.app import App
from qingfeng.simulation.clockwork import RESULTS, TICKS, Sent

BEFORE = ("soon", "due")  # the reminders that come in time to act
CONCLUDED = {Action.CONCLUDE.value, Action.DECIDE_APPEAL.value, Action.ANSWER_SUGGESTION.value}
IDLE_DAYS = 30  # working days without a step after which an open case with no duty is reported idle
TELEGRAM_PER_SECOND = 30  # messages a bot may send in a second, to all chats together (Telegram's bot FAQ)


@dataclass
class KindFigures:
    due: int = 0
    met_on_time: int = 0
    met_before_reminders: int = 0  # met before its first reminder day: nothing to remind
    reminded_before_due: int = 0
    too_late_to_remind: int = 0
    not_reminded: int = 0  # a failure: needed a reminder and got none in time
    missed: int = 0
    escalated_next_working_day: int = 0
    not_escalated: int = 0  # a failure: missed and not escalated by the next working day
    days_before: Counter[int] = field(default_factory=Counter)  # working days between the first reminder and due

    def row(self) -> dict[str, Any]:
        return {
            "due": self.due, "met_on_time": self.met_on_time, "met_before_reminders": self.met_before_reminders,
            "reminded_before_due": self.reminded_before_due, "too_late_to_remind": self.too_late_to_remind,
            "not_reminded": self.not_reminded, "missed": self.missed,
            "escalated_next_working_day": self.escalated_next_working_day, "not_escalated": self.not_escalated,
            "reminded_working_days_before": {str(k): v for k, v in sorted(self.days_before.items())},
        }  # fmt: skip

    def add(self, other: KindFigures) -> None:
        for name in ("due", "met_on_time", "met_before_reminders", "reminded_before_due", "too_late_to_remind",
                     "not_reminded", "missed", "escalated_next_working_day", "not_escalated"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.days_before.update(other.days_before)


@dataclass
class Accounting:
    kinds: dict[str, KindFigures]
    total: KindFigures
    not_yet_due: int  # open duties due after the period
    duplicates: int
    duplicate_examples: list[str]
    notifications: Counter[str]  # by template family
    peak_per_run: int  # the most notifications one outbox run sent
    peak_seconds: float  # what that run takes at Telegram's rate
    peak_to_one_chat: int  # the most one chat got in one run
    results_owed: int  # named cases concluded (a result owed to the reporter)
    results_given: int  # ... whose feedback was given
    ended_without_feedback: list[str]  # archived named cases concluded with no feedback: a failure
    idle: list[str]  # cases not yet concluded, no duty open, no step for IDLE_DAYS working days
    failures: list[str]  # one line per failed duty, for the report

    @property
    def ok(self) -> bool:
        t = self.total
        return not (t.not_reminded or t.not_escalated or self.duplicates or self.ended_without_feedback)


async def account(app: App, sent: list[Sent], first: date, last: date, policy: ReminderPolicy) -> Accounting:
    cal, tz = app.ctx.calendar, app.ctx.tz
    async with app.ctx.uow() as uow:
        s = uow.session
        rows = (await s.execute(
            select(DeadlineRow.id, DeadlineRow.kind, DeadlineRow.due_date, DeadlineRow.state, DeadlineRow.created_at,
                   DeadlineRow.closed_at, CaseRow.number)
            .join(CaseRow, CaseRow.id == DeadlineRow.case_id)
        )).all()  # fmt: skip
        reminders: dict[int, dict[str, datetime]] = defaultdict(dict)
        for deadline_id, slot, at in await s.execute(select(ReminderSentRow.deadline_id, ReminderSentRow.slot,
                                                            ReminderSentRow.sent_at)):  # fmt: skip
            reminders[deadline_id][slot] = at
        rows_sent = (await s.execute(select(func.count()).select_from(OutboxRow)
                                     .where(OutboxRow.status == OutboxStatus.SENT.value))).scalar_one()  # fmt: skip
        idle = await _idle(s, last, cal)
        events = (await s.execute(
            select(CaseRow.number, CaseRow.named, CaseRow.state, CaseEventRow.action)
            .join(CaseEventRow, CaseEventRow.case_id == CaseRow.id)
        )).all()  # fmt: skip

    def day(moment: datetime | None) -> date | None:
        return moment.astimezone(tz).date() if moment is not None else None

    kinds: dict[str, KindFigures] = defaultdict(KindFigures)
    failures: list[str] = []
    not_yet = 0
    for deadline_id, kind, due, state, created, closed, number in rows:
        closed_on = day(closed)
        if due > last:
            not_yet += state == DeadlineState.OPEN.value
            continue
        if state == DeadlineState.CANCELLED.value and closed_on is not None and closed_on <= due:
            continue  # no longer a duty when it fell due
        f = kinds[kind]
        f.due += 1
        met = state == DeadlineState.MET.value and closed_on is not None and closed_on <= due
        f.met_on_time += met
        sent_slots = reminders.get(deadline_id, {})
        first_day = first_reminder_day(due, cal, policy)
        if closed_on is not None and closed_on < first_day and state == DeadlineState.MET.value:
            f.met_before_reminders += 1
        else:
            before = [day(at) for slot, at in sent_slots.items() if slot in BEFORE]
            in_time = [d for d in before if d is not None and d <= due]
            if in_time:
                f.reminded_before_due += 1
                f.days_before[_working_days(min(in_time), due, cal)] += 1
            elif (day(created) or due) >= due:
                f.too_late_to_remind += 1
            elif closed is not None and closed < _first_sweep(first_day, created, tz):
                f.met_before_reminders += 1  # met before the first sweep that could remind of it
            else:
                f.not_reminded += 1
                failures.append(f"{number} {kind} due {due}: no reminder before it fell due")
        if not met:
            f.missed += 1
            escalated = day(sent_slots.get("escalated"))
            if escalated is not None and escalated <= next_working_day(due, cal):
                f.escalated_next_working_day += 1
            else:
                f.not_escalated += 1
                failures.append(f"{number} {kind} due {due}: missed, escalated {escalated or 'never'}")
    total = KindFigures()
    for f in kinds.values():
        total.add(f)

    owed, given, ended = _feedback(events)
    duplicates, examples = _duplicates(sent, int(rows_sent))
    per_run = Counter(m.run for m in sent)
    per_chat = Counter((m.run, m.chat) for m in sent)
    peak = max(per_run.values(), default=0)
    return Accounting(
        kinds=dict(sorted(kinds.items())), total=total, not_yet_due=not_yet, duplicates=duplicates,
        duplicate_examples=examples, notifications=Counter(_family(m.template) for m in sent), peak_per_run=peak,
        peak_seconds=peak / TELEGRAM_PER_SECOND, peak_to_one_chat=max(per_chat.values(), default=0),
        results_owed=owed, results_given=given, ended_without_feedback=ended, idle=idle, failures=failures,
    )  # fmt: skip


async def _idle(s: AsyncSession, last: date, cal: WorkCalendar) -> list[str]:
    """Cases not yet concluded with no duty open whose last step is :data:`IDLE_DAYS` working days old: nothing
    will remind anybody of them (the rules set no period for handling an accusation: rules.md §2)."""
    cutoff = last
    for _ in range(IDLE_DAYS):
        cutoff -= timedelta(days=1)
        while not cal.is_workday(cutoff):
            cutoff -= timedelta(days=1)
    open_duty = select(DeadlineRow.id).where(DeadlineRow.case_id == CaseRow.id,
                                             DeadlineRow.state == DeadlineState.OPEN.value).exists()  # fmt: skip
    last_step = func.max(CaseEventRow.at)
    rows = await s.execute(
        select(CaseRow.number, CaseRow.state, last_step).join(CaseEventRow, CaseEventRow.case_id == CaseRow.id)
        .where(CaseRow.state.in_([x.value for x in OPEN_CASE_STATES]), ~open_duty)
        .group_by(CaseRow.number, CaseRow.state).order_by(CaseRow.number)
    )  # fmt: skip
    limit = datetime.combine(cutoff, time(0), UTC)
    return [f"{number} ({state})" for number, state, at in rows if at is not None and _aware(at) < limit]


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _first_sweep(first_day: date, created: datetime, tz: Any) -> datetime:
    """The first tick (:data:`TICKS`) after the duty was opened and its reminders had begun."""
    start = max(datetime.combine(first_day, time(0), tz), created)
    local = start.astimezone(tz)
    for offset in range(3):
        for t in TICKS:
            tick = datetime.combine(local.date() + timedelta(days=offset), t, tz)
            if tick >= start:
                return tick
    raise AssertionError("unreachable: a tick every day")


def _working_days(start: date, end: date, cal: WorkCalendar) -> int:
    n, d = 0, start
    while d < end:
        d += timedelta(days=1)
        n += cal.is_workday(d)
    return n


def next_working_day(day: date, cal: WorkCalendar) -> date:
    day += timedelta(days=1)
    while not cal.is_workday(day):
        day += timedelta(days=1)
    return day


def _feedback(events: Sequence[Any]) -> tuple[int, int, list[str]]:
    """Named cases concluded, those whose feedback was given, and archived ones concluded with none given."""
    actions: dict[str, set[str]] = defaultdict(set)
    named: dict[str, bool] = {}
    state: dict[str, str] = {}
    for number, is_named, case_state, action in events:
        actions[number].add(action)
        named[number], state[number] = is_named, case_state
    concluded = [n for n, acts in actions.items() if named[n] and acts & CONCLUDED]
    given = [n for n in concluded if Action.GIVE_FEEDBACK.value in actions[n]]
    ended = sorted(n for n in concluded if state[n] == CaseState.ARCHIVED.value and n not in given)
    return len(concluded), len(given), ended


#: The notices the scheduler's jobs queue, whose parameters name their occasion (a deadline's slot and day, a
#: digest's day, a report's month, an urgent message's push): one of them twice is a job that sent twice. A case's
#: notices may repeat rightly (a case concluded again after a leader sent it back says "concluded" again).
SCHEDULED = ("reminder.", "digest", "stats_", "urgent_")  # after "notify.officer."


def _duplicates(sent: list[Sent], rows_sent: int) -> tuple[int, list[str]]:
    """Deliveries beyond the outbox rows marked sent (a row sent twice), and a scheduled notice delivered to one
    chat more than once."""
    seen: Counter[tuple[int, str, str]] = Counter()
    for m in sent:
        if m.template.startswith("notify.officer.") and m.template.removeprefix("notify.officer.").startswith(
            SCHEDULED
        ):
            seen[(m.chat, m.template, json.dumps(m.params, sort_keys=True, default=str))] += 1
    twice = [(k, n) for k, n in seen.items() if n > 1]
    extra = max(0, len(sent) - rows_sent)
    examples = [f"{k[1]} {k[2]} ×{n}" for k, n in twice[:5]] + ([f"{extra} deliveries beyond the rows sent"]
                                                                  if extra else [])  # fmt: skip
    return sum(n - 1 for _, n in twice) + extra, examples


def _family(template: str) -> str:
    """``notify.officer.reminder.overdue`` → ``officer.reminder.overdue``; reporters' by their template."""
    return template.removeprefix("notify.")


def results_delivered(sent: list[Sent]) -> int:
    return sum(m.template in RESULTS for m in sent)
