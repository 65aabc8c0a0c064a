"""The deadline sweep and the morning digest, run periodically by the scheduler with the injected clock.

Each reminder is recorded in ``reminders_sent`` in the same transaction that puts it in the outbox, so a bot
that was down sends what fell due exactly once — neither lost nor repeated.

Set-based, so a sweep costs what is due, not what is stored (issue 13): for each slot that can be due today
(:func:`core.calendar.reminders.slot_windows`) one query selects the open deadlines in that slot's due-date range that
have no ``reminders_sent`` row for it (``NOT EXISTS``: no list of ids, which PostgreSQL refuses past 32,767),
reading only the columns a reminder needs. Pages of :data:`CHUNK` reminders are written and committed one unit
of work at a time, so SQLite's single connection is never held for long; a page that collides with a
concurrent sweep (the unique ``deadline_id, slot``) is rolled back and read again, without the ones the other
sweep sent. Recipients are read once per sweep.

Every window reads only the deadlines whose ``next_reminder_on`` has come (the index ``ix_deadlines_open_next``):
a sweep first sets it for deadlines opened or moved since the last one
(:func:`core.calendar.reminders.first_reminder_day`), and each chunk moves it on for the reminders it sends
(:func:`core.calendar.reminders.next_reminder_day`). A sweep with nothing new to send reads an empty range of an
index, however many deadlines are open or were ever missed.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    func,
    insert,
    literal,
    literal_column,
    select,
    tuple_,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar.deadlines import DeadlineKind
from core.calendar.reminders import (
    ReminderPolicy,
    Slot,
    SlotWindow,
    first_reminder_day,
    next_reminder_day,
    reading_day,
    slot_windows,
    slots_due,
)
from core.model import CaseState, DeadlineState, RecipientKind
from core.permissions import INTAKE_DESK, LEADERS, counts_own_cases
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, DeadlineRow, DigestSentRow, OfficerRow, ReminderSentRow, SettingRow
from core.persistence.setting_rows import put_setting
from core.services.context import CoreContext
from core.services.urgent import UrgentService

log = logging.getLogger(__name__)

#: Duties that rest with the handler once a case is assigned; the others are intake's (rules.md §1, §2).
HANDLER_DUTIES = frozenset({DeadlineKind.RESULT_FEEDBACK, DeadlineKind.LETTER_REPLY, DeadlineKind.ASSIGNED_BY_HIGHER,
                            DeadlineKind.WRITTEN_OPINION, DeadlineKind.SUPERVISION_APPEAL,
                            DeadlineKind.REVIEW_ANSWER, DeadlineKind.PARK_REVIEW,
                            DeadlineKind.DISPOSAL_PROPOSAL})  # fmt: skip
DIGEST_AT = time(8, 30)
DIGEST_SOON_DAYS = 3  # "due soon" in the digest: within this many calendar days
#: Reminders (or digests) per unit of work: a few milliseconds of SQLite's one connection each.
CHUNK = 250
#: Pages refused by a concurrent sweep and read again before the run gives up (the next run goes on). Each
#: refusal means the other sweep committed that page first: a sweep following another one page behind loses
#: every race until the other ends, so the bound is generous; it only guards against a bug looping forever.
RETRIES = 1000
#: Reminders recorded by one sweep past which the planner's statistics are refreshed (PostgreSQL): the first
#: sweep of a day, not the few that fall due between two sweeps (ANALYZE reads ~30 k rows of a million).
ANALYZE_AFTER = 2_000

#: The reminder policy the deadlines' ``next_reminder_on`` were worked out with (settings table).
POLICY_KEY = "reminder_days_before"

# A literal, not a bound parameter: SQLite and PostgreSQL's generic plans use the partial index
# ``ix_deadlines_open_due`` (WHERE state = 'open') only when the query says so in its text.
OPEN: ColumnElement[str] = literal_column(f"'{DeadlineState.OPEN.value}'")


@dataclass(frozen=True)
class _Due:
    """What a reminder needs of a deadline and its case: no encrypted columns, no persons."""

    deadline_id: int
    kind: str
    due_date: date
    number: str
    unit_id: int
    assignee_id: int | None
    recused: list[int] | None  # officers named in the report: never reminded of it (core.recusal)
    next_reminder_on: date | None  # the page's first sort key (today at the latest: never None)
    state: str  # the case's: a challenge waiting in leader_review is its leaders' to answer (§10.4)


Cursor = tuple[date | None, int]  # the last (next reminder day, id) of a page
Officers = dict[tuple[int, str], list[int]]  # (unit id, role) → active officers' ids
Counts = dict[tuple[str, int], tuple[int, int]]  # ("unit" | "assignee", id) → (overdue, due soon)
T = TypeVar("T")


@dataclass
class _Run:
    """One sweep or digest run: its moment, and what it reads once, at its first page with work to do."""

    today: date
    now: datetime
    officers: Officers | None = None
    counts: Counts | None = None


class ReminderService:
    def __init__(self, ctx: CoreContext, urgent: UrgentService, policy: ReminderPolicy | None = None, *,
                 chunk: int = CHUNK) -> None:  # fmt: skip
        self.ctx, self.urgent = ctx, urgent
        self.policy = policy or ReminderPolicy()
        self.chunk = chunk

    async def sweep(self) -> int:
        """Queue every reminder whose time has come and was not sent, and push again urgent messages nobody
        acted on (core.services.urgent); return how many were queued."""
        repushed = await self.urgent.repush_due(timedelta(minutes=self.policy.urgent_repush_minutes))
        return repushed + await self._deadlines()

    async def _deadlines(self) -> int:
        run, queued, recorded = _Run(self.ctx.today(), self.ctx.now()), 0, 0
        await self._in_chunk(partial(self._check_policy, run))
        while len(await self._in_chunk(partial(self._schedule, run))) == self.chunk:
            pass
        for window in slot_windows(run.today, self.ctx.calendar, self.policy):
            after: Cursor | None = None
            while True:
                page, n = await self._in_chunk(partial(self._remind, run, window, after))
                queued, recorded = queued + n, recorded + len(page)
                if len(page) < self.chunk:
                    break
                after = (page[-1].next_reminder_on, page[-1].deadline_id)
        if recorded >= ANALYZE_AFTER:  # the first sweep of a day, or after a stop: the day's new slot, many rows
            await self._refresh_statistics()
        return queued

    async def _refresh_statistics(self) -> None:
        """Best effort: the reminders are committed; at worst the next sweeps are planned on older numbers."""
        try:
            async with self.ctx.uow() as uow:
                for table in (ReminderSentRow.__tablename__, DeadlineRow.__tablename__):
                    await repo.refresh_statistics(uow.session, table)
                await uow.commit()
        except DBAPIError as exc:
            log.warning("reminders: the planner's statistics were not refreshed (%s)", type(exc).__name__)

    async def _remind(self, run: _Run, window: SlotWindow, after: Cursor | None,
                      s: AsyncSession) -> tuple[list[_Due], int]:  # fmt: skip
        """One chunk: the next page of deadlines due for the window's slot, and their reminders queued."""
        page = await self._due_page(s, window, after)
        if not page:
            return page, 0
        queued = await self._queue(s, run, window.slot, page)
        await self._move_on(s, run, window.slot, [d.deadline_id for d in page])
        return page, queued

    async def _due_page(self, s: AsyncSession, window: SlotWindow, after: Cursor | None) -> list[_Due]:
        return [_Due(*row) for row in (await s.execute(_page(window, after, self.chunk))).all()]

    async def _check_policy(self, run: _Run, s: AsyncSession) -> None:
        """With another number of days for the ``soon`` reminder, deadlines not yet due are worked out again."""
        value, stored = str(self.policy.days_before), await s.get(SettingRow, POLICY_KEY)
        if stored is None:
            await put_setting(s, POLICY_KEY, value)
        elif stored.value != value:
            d = DeadlineRow
            stmt = update(d).where(d.state == OPEN, d.due_date > run.today).values(next_reminder_on=None)
            await s.execute(stmt.execution_options(synchronize_session=False))
            stored.value = value

    async def _schedule(self, run: _Run, s: AsyncSession) -> list[int]:
        """The next chunk of open deadlines the sweep has not seen since they opened or moved: the day it must
        read each (:func:`core.calendar.reminders.reading_day`; today when a reminder is due and unsent). Their ids."""
        d, r, cal, policy = DeadlineRow, ReminderSentRow, self.ctx.calendar, self.policy
        rows = (await s.execute(
            # ordered as the index is (all None), or PostgreSQL walks the whole primary key looking for them
            select(d.id, d.due_date).where(d.state == OPEN, d.next_reminder_on.is_(None))
            .order_by(d.next_reminder_on, d.id).limit(_inline(self.chunk))
        )).all()  # fmt: skip
        if not rows:
            return []
        sent: dict[int, set[str]] = {}
        started = [i for i, due in rows if first_reminder_day(due, cal, policy) <= run.today]
        if started:  # today's slots already sent to those whose reminders have begun (a chunk's ids at most)
            slots = {slot for _, due in rows for slot in slots_due(due, run.today, cal, policy)}
            for i, slot in await s.execute(select(r.deadline_id, r.slot).where(r.deadline_id.in_(started),
                                                                              r.slot.in_(sorted(slots)))):  # fmt: skip
                sent.setdefault(i, set()).add(slot)
        days = [{"id": i, "next_reminder_on": reading_day(due, run.today, sent.get(i, set()), cal, policy)}
                for i, due in rows]  # fmt: skip
        await s.execute(update(DeadlineRow), days)  # by primary key, one statement
        return [i for i, _ in rows]

    async def _move_on(self, s: AsyncSession, run: _Run, slot: str, ids: list[int]) -> None:
        """The next reminder day of deadlines just reminded of ``slot`` (a chunk of ids). After today's overdue
        alert it is today again while the escalation (sent once, in the window after) is still to come."""
        d, r, cal = DeadlineRow, ReminderSentRow, self.ctx.calendar
        moved: Any = next_reminder_day(slot, run.today, run.today, cal)
        if slot == Slot.SOON:
            moved = d.due_date  # the due day of each
        elif moved is None:
            escalated = select(r.deadline_id).where(r.deadline_id == d.id, r.slot == Slot.ESCALATED.value).exists()
            moved = case((escalated, next_reminder_day(Slot.ESCALATED, run.today, run.today, cal)), else_=run.today)
        stmt = update(d).where(d.id.in_(ids)).values(next_reminder_on=moved)
        await s.execute(stmt.execution_options(synchronize_session=False))

    async def _queue(self, s: AsyncSession, run: _Run, slot: str, page: list[_Due]) -> int:
        """Record the slot of each deadline on the page (one statement: a concurrent sweep that sent one of them
        fails it here, before anything else) and put their reminders in the outbox (one statement too)."""
        if run.officers is None:
            run.officers = await repo.officer_ids_by_unit_role(s)
        now = run.now
        await s.execute(insert(ReminderSentRow), [{"deadline_id": d.deadline_id, "slot": slot, "sent_at": now}
                                                  for d in page])  # fmt: skip
        template = "notify.officer.reminder." + slot.split(":")[0]
        notices = []
        for due in page:
            params = {"number": due.number, "kind": due.kind, "due": due.due_date.isoformat(),
                      "days": (run.today - due.due_date).days}  # fmt: skip
            notices += [repo.outbox_values(self.ctx.vault, kind=RecipientKind.OFFICER, recipient_id=officer_id,
                                           template=template, params=params, now=now)
                        for officer_id in _recipients(run.officers, due, slot)]  # fmt: skip
        await repo.enqueue_many(s, notices)
        return len(notices)

    async def _in_chunk(self, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """One unit of work: ``work`` reads its page and writes its rows, all committed together. A concurrent
        sweep that committed some of the same rows first fails it on a unique key: the page is rolled back and
        read again (without those) — the chunks already committed stay, nothing is sent twice.

        Then it yields to the event loop: SQLAlchemy's pool hands a returned connection to whoever asks first,
        so without it the next chunk would take SQLite's one connection again before a waiting citizen's
        update could (the whole sweep would still block them)."""
        for attempt in range(RETRIES):
            try:
                async with self.ctx.uow() as uow:
                    done = await work(uow.session)
                    await uow.commit()
            except IntegrityError:
                if attempt == RETRIES - 1:
                    raise
            else:
                await asyncio.sleep(0)
                return done
        raise AssertionError("unreachable")

    async def upcoming(self, days: int = 7) -> list[tuple[date, str, str, str]]:
        """(day, case number, deadline kind, slot) of the reminders the sweep will send in the next ``days``."""
        today, cal, policy = self.ctx.today(), self.ctx.calendar, self.policy
        horizon = today + timedelta(days=days + policy.days_before * 2 + 7)
        slots = [Slot.SOON.value, Slot.DUE.value, Slot.ESCALATED.value]
        slots += [f"{Slot.OVERDUE}:{(today + timedelta(days=i)).isoformat()}" for i in range(days + 1)]
        d, r = DeadlineRow, ReminderSentRow
        in_window = (d.state == OPEN, d.due_date <= horizon)
        async with self.ctx.uow() as uow:
            rows = (await uow.session.execute(
                select(d.id, d.due_date, d.kind, CaseRow.number).join(CaseRow, CaseRow.id == d.case_id)
                .where(*in_window).order_by(d.due_date, d.id)
            )).all()  # fmt: skip
            sent = {(deadline_id, slot) for deadline_id, slot in await uow.session.execute(
                # only the slots asked about below: a list as long as ``days``, whatever the data
                select(r.deadline_id, r.slot).join(d, d.id == r.deadline_id).where(*in_window, r.slot.in_(slots))
            )}  # fmt: skip
        dues = [row.due_date for row in rows]
        out: list[tuple[date, str, str, str]] = []
        seen: set[tuple[str, str, str]] = set()
        for offset in range(days + 1):
            day = today + timedelta(days=offset)
            found: list[tuple[int, int, str]] = []  # (row index, slot rank, slot): deadline order, then slot order
            for rank, window in enumerate(slot_windows(day, cal, policy)):
                lo = 0 if window.after is None else bisect.bisect_right(dues, window.after)
                for i in range(lo, bisect.bisect_right(dues, window.until)):
                    found.append((i, rank, window.slot))
            for i, _, slot in sorted(found):
                deadline_id, _, kind, number = rows[i]
                if (deadline_id, slot) not in sent and (number, kind, slot) not in seen:
                    seen.add((number, kind, slot))
                    out.append((day, number, kind, slot))
        return out

    async def digests(self) -> int:
        """On a working day after 08:30 (office time), each officer's digest once; a missed one is caught up.

        One grouped count of the open deadlines overdue or due within three days per unit and assignee (bounded
        by due date), shared out to the officers in Python; written in chunks like the reminders."""
        ctx, now, today = self.ctx, self.ctx.now(), self.ctx.today()
        if not ctx.calendar.is_workday(today) or now.astimezone(ctx.tz).time() < DIGEST_AT:
            return 0
        run, queued, after = _Run(today, now), 0, 0
        while True:
            page = await self._in_chunk(partial(self._digest, run, after))
            queued += len(page)
            if len(page) < self.chunk:
                return queued
            after = page[-1]

    async def _digest(self, run: _Run, after: int, s: AsyncSession) -> list[int]:
        """The digests of the next page of officers who have none today; their ids."""
        page = (await s.execute(_digest_page(run.today, after, self.chunk))).all()
        if page and run.counts is None:
            run.counts = await _digest_counts(s, run.today)
        notices = []
        for officer_id, unit_id, roles in page:
            overdue, soon = _share(run.counts or {}, officer_id, unit_id, roles)
            params = {"day": run.today.isoformat(), "overdue": overdue, "soon": soon}
            notices.append(repo.outbox_values(self.ctx.vault, kind=RecipientKind.OFFICER, recipient_id=officer_id,
                                              template="notify.officer.digest", params=params,
                                              now=run.now))  # fmt: skip
        if page:  # the digest rows first: a concurrent run that sent one fails here, before anything else
            await s.execute(insert(DigestSentRow), [{"officer_id": o, "day": run.today, "sent_at": run.now}
                                                    for o, _, _ in page])  # fmt: skip
        await repo.enqueue_many(s, notices)
        return [row[0] for row in page]


def _page(
    window: SlotWindow, after: Cursor | None, limit: int
) -> Select[int, str, date, str, int, int | None, list[int] | None, date | None, str]:
    """The next ``limit`` open deadlines in the window without a reminder for its slot, of those whose next
    reminder day has come (by that day, id).

    The page's ids come from the partial index alone (due date, id: an index-only scan, the ``NOT EXISTS`` a
    probe of ``reminders_sent``'s unique index per entry); only the page's rows are read from the tables. Values
    are rendered into the SQL, not bound: PostgreSQL's generic plan for a prepared statement guessed the size
    of a ``reminders_sent`` that had just grown and compared every row of it with every deadline (1 s a page).
    """
    d, c, r = DeadlineRow, CaseRow, ReminderSentRow
    # OFFSET 0 keeps PostgreSQL from turning the probe into a join: with the day's new overdue slot not yet in
    # its statistics it guessed a few rows and compared every deadline with every reminder (quadratic); as a
    # subplan it is one lookup in the unique index per deadline, unless the table is thought empty (see
    # ReminderService._refresh_statistics).
    reminded = (
        select(r.deadline_id).where(r.deadline_id == d.id, r.slot == _inline(window.slot)).offset(_inline(0)).exists()
    )
    order = d.next_reminder_on
    where = [d.state == OPEN, order <= _inline(window.day), d.due_date <= _inline(window.until), ~reminded]
    if window.after is not None:
        where.append(d.due_date > _inline(window.after))
    if after is not None:
        where += [order >= _inline(after[0]), tuple_(order, d.id) > tuple_(_inline(after[0]), _inline(after[1]))]
    ids = select(d.id).where(*where).order_by(order, d.id).limit(_inline(limit)).subquery()
    # the 报结 of a case sent down is its sender's to chase and record, also once the receiver took it in (§10.3)
    sender = (d.kind == _inline(DeadlineKind.TRANSFER_RESULT.value)) & c.followed_by_id.is_not(None)
    owing = case((sender, c.followed_by_id), else_=c.unit_id)
    return (
        select(d.id, d.kind, d.due_date, c.number, owing, c.assignee_id, c.recused_officer_ids, order, c.state)
        .join(ids, ids.c.id == d.id)
        .join(c, c.id == d.case_id)
        .order_by(order, d.id)
    )


def _inline(value: object) -> Any:
    return literal(value, literal_execute=True)


def _recipients(officers: Officers, due: _Due, slot: str) -> list[int]:
    recused = due.recused or ()
    return [i for i in _owing(officers, due, slot) if i not in recused]


def _owing(officers: Officers, due: _Due, slot: str) -> list[int]:
    leaders = [i for role in LEADERS for i in officers.get((due.unit_id, role.value), [])]
    if slot == Slot.ESCALATED:
        return leaders
    if leaders and due.state == CaseState.LEADER_REVIEW.value and due.kind == DeadlineKind.RESULT_FEEDBACK.value:
        return leaders  # the reporter's 不满意 or 异议 waits for a leader's decision, not the handler (§10.4)
    if DeadlineKind(due.kind) in HANDLER_DUTIES and due.assignee_id:
        return [due.assignee_id]
    return [i for role in INTAKE_DESK for i in officers.get((due.unit_id, role.value), [])]


def _digest_page(today: date, after: int, limit: int) -> Select[int, int, list[str]]:
    """The next officers (by id) with a Telegram account and no digest today."""
    got = select(DigestSentRow.officer_id).where(DigestSentRow.officer_id == OfficerRow.id, DigestSentRow.day == today)
    return (
        select(OfficerRow.id, OfficerRow.unit_id, OfficerRow.roles)
        .where(OfficerRow.active, OfficerRow.telegram_id.is_not(None), OfficerRow.id > after, ~got.exists())
        .order_by(OfficerRow.id)
        .limit(limit)
    )


async def _digest_counts(s: AsyncSession, today: date) -> Counts:
    """Open deadlines overdue and due within :data:`DIGEST_SOON_DAYS` per unit and per assignee, from one query
    grouped by both (bounded by due date)."""
    d, c = DeadlineRow, CaseRow
    rows = await s.execute(
        select(c.unit_id, c.assignee_id,
               func.count().filter(d.due_date < _inline(today)), func.count().filter(d.due_date >= _inline(today)))
        .join(c, c.id == d.case_id)
        .where(d.state == OPEN, d.due_date <= _inline(today + timedelta(days=DIGEST_SOON_DAYS)))
        .group_by(c.unit_id, c.assignee_id)
    )  # fmt: skip
    out: Counts = {}
    for unit_id, assignee_id, overdue, soon in rows:
        for key in [("unit", unit_id)] + ([("assignee", assignee_id)] if assignee_id is not None else []):
            before = out.get(key, (0, 0))
            out[key] = (before[0] + overdue, before[1] + soon)
    return out


def _share(counts: Counts, officer_id: int, unit_id: int, roles: Sequence[str]) -> tuple[int, int]:
    """An officer's figures: a handler (not also a supervisor) counts the cases assigned to them, in any unit;
    everyone else their unit's."""
    own = counts_own_cases(roles)
    return counts.get(("assignee", officer_id) if own else ("unit", unit_id), (0, 0))
