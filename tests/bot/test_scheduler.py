"""The real scheduler and the real bot: reminders reach officers over HTTP, once, and the jobs keep running
whatever the database does — under a burst of filings, behind a lock, or while Telegram is slow."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
from typing import Any

import asyncpg
from apscheduler.jobstores.memory import MemoryJobStore
from sqlalchemy import inspect

from bot.ratelimit import RateLimiter
from core.clock import ManualClock
from core.ports import DeliveryResult, Notifier, OutgoingMessage
from core.services.outbox import OutboxService
from qingfeng.app import App, build_scheduler
from qingfeng.scheduler import JobScheduler, Timing, stop_scheduler
from tests.conftest import beijing
from tests.factories import Office, named_report
from tests.integration.helpers import outbox
from tests.waiting import runs_after, until

from .conftest import BotHarness

INTAKE, SUPERVISOR, CITIZEN = 1001, 1004, 880001
# The outbox every 0.2 s instead of every 5 s: the test waits less, the jobs are the same. Late (for the
# watchdog) after 10 s without a run, as in production: a busy machine's stalls are no dead scheduler.
FAST = Timing(outbox=0.2, late_factor=50)


def unlimited() -> RateLimiter:
    """Telegram's one message a second per chat would make 50 notifications to one officer take a minute."""
    return RateLimiter(per_second=10_000, per_chat_interval=0)


@asynccontextmanager
async def scheduler_running(app: App, notifier: Notifier, timing: Timing = FAST) -> AsyncIterator[JobScheduler]:
    scheduler = build_scheduler(app, OutboxService(app.ctx, notifier), name="test", timing=timing)
    scheduler.start()
    try:
        yield scheduler
    finally:
        await stop_scheduler(scheduler)  # as the bot stops: running jobs finish, none is cut mid-send


def told(h: BotHarness, numbers: set[str]) -> set[str]:
    return {n for n in numbers if any(n in t and t.startswith("新收到一件") for t in h.tg.texts(INTAKE))}


async def unsent(app: App) -> list[str]:
    return [r.template for r in await outbox(app) if r.status == "pending"]


def overdue(h: BotHarness) -> list[str]:
    return [t for t in h.tg.texts(INTAKE) if t.startswith("【已逾期】")]


async def test_scheduler_sends_overdue_alert_and_escalation_once_across_restarts(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report())).number  # 2026-09-28: D7 due 10-13
    clock.set(beijing(2026, 10, 14, 9, 0))
    escalated = lambda: any(t.startswith("【逾期督办】") for t in h.tg.texts(SUPERVISOR))  # noqa: E731
    async with scheduler_running(app, h.notifier()) as scheduler:
        await until(lambda: overdue(h) and escalated(), "overdue alert and escalation")
        assert isinstance(scheduler.aps._jobstores["default"], MemoryJobStore)  # rebuilt at start, nothing persisted
    assert number in overdue(h)[0] and "登记分办" in overdue(h)[0]
    async with app.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    assert "apscheduler_jobs" not in tables
    # the bot restarts the same day: the sweep runs again at start, and nothing is sent twice
    digests = lambda: any(t.startswith("早上好") for t in h.tg.texts(INTAKE))  # noqa: E731
    async with scheduler_running(app, h.notifier()) as scheduler:
        await until(digests, "the morning digest")
        await runs_after(scheduler, "outbox")  # whatever the second start queued has been sent
    assert len(overdue(h)) == 1 and sum(t.startswith("【逾期督办】") for t in h.tg.texts(SUPERVISOR)) == 1
    assert await unsent(app) == []


async def test_fifty_reports_at_once_are_all_notified_and_the_scheduler_keeps_running(
    harness: BotHarness, app: App, office: Office
) -> None:
    """Issue 11: on SQLite the persistent job store hit "database is locked" under this burst and the scheduler
    never woke again (the notifications queued after it died were never sent)."""
    h = harness
    async with scheduler_running(app, h.notifier(unlimited())) as scheduler:
        filed = await asyncio.gather(*(app.filing.file_report(named_report(chat_id=700_000 + i)) for i in range(50)))
        numbers = {f.number for f in filed}
        assert len(numbers) == 50
        await h.tg.wait_for(lambda _: told(h, numbers) == numbers, timeout=60, what="50 new-case notifications")
        await runs_after(scheduler, "outbox")
        assert await unsent(app) == []  # the digest the first sweep queued went out too
        # and afterwards: a report filed now is notified as well, by the same scheduler
        late = (await app.filing.file_report(named_report(chat_id=700_100))).number
        await h.tg.wait_for(lambda _: told(h, {late}), timeout=30, what="the notification after the burst")
        assert scheduler.running and scheduler.restarts == 0
    assert await unsent(app) == []
    assert sum(t.startswith("新收到一件") for t in h.tg.texts(INTAKE)) == 51  # each once


class GatedNotifier:
    """Telegram hanging on a send until the test lets it go."""

    def __init__(self, inner: Notifier) -> None:
        self.inner, self.sending, self.release = inner, asyncio.Event(), asyncio.Event()
        self.pacer = inner.pacer

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        self.sending.set()
        await self.release.wait()
        return await self.inner.deliver(message)


async def test_a_citizen_is_answered_while_the_outbox_waits_on_telegram(
    harness: BotHarness, app: App, office: Office
) -> None:
    """A send holds no transaction: with SQLite's one connection, a job waiting on the network with a
    transaction open made every citizen wait for it (stack-notes)."""
    h = harness
    number = (await app.filing.file_report(named_report())).number
    notifier = GatedNotifier(h.notifier(unlimited()))
    async with scheduler_running(app, notifier) as scheduler:
        await asyncio.wait_for(notifier.sending.wait(), 30)
        replies = await h.say(CITIZEN, "/start")  # settles only when the bot has answered
        assert replies and not notifier.release.is_set() and scheduler.jobs["outbox"].running
        notifier.release.set()
        await h.tg.wait_for(lambda _: told(h, {number}), timeout=30, what="the held notification")


@asynccontextmanager
async def table_locked(app: App) -> AsyncIterator[Callable[[], Any]]:
    """Another connection holding locks on the outbox and the heartbeat (PostgreSQL) or the write lock (SQLite);
    yields an async check that a query waits for it, where the database can tell."""
    url = app.engine.url
    if url.get_backend_name() == "sqlite":
        conn = sqlite3.connect(str(url.database), isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")

        async def unknowable() -> bool:
            return True

        try:
            yield unknowable
        finally:
            conn.rollback()
            conn.close()
        return
    pg = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
    tr = pg.transaction()
    await tr.start()
    await pg.execute("LOCK TABLE outbox, job_runs IN ACCESS EXCLUSIVE MODE")  # what the outbox and watchdog write

    async def waiting() -> bool:
        query = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'outbox'::regclass"
        return bool(await pg.fetchval(query))

    try:
        yield waiting
    finally:
        await tr.rollback()
        await pg.close()


async def test_a_job_waiting_on_a_database_lock_blocks_neither_the_loop_nor_the_scheduler(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    """Issue 11: the synchronous job store blocked the event loop on a locked database (PostgreSQL: every chat
    waited), and on SQLite the lock error killed the scheduler. Now the job waits on its own; on PostgreSQL a
    citizen is answered meanwhile (SQLite has one writer: the citizen waits for the lock like the job)."""
    h = harness
    now = clock.now()
    clock.advance(timedelta(hours=1))  # filed an hour ahead: its notice is not due until the lock is held
    first = (await app.filing.file_report(named_report())).number
    clock.set(now)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    tick_task = asyncio.create_task(ticker())
    try:
        async with scheduler_running(app, h.notifier(unlimited())) as scheduler, AsyncExitStack() as lock:
            job_waits = await lock.enter_async_context(table_locked(app))
            await until(lambda: scheduler.jobs["outbox"].running, "an outbox run started")
            clock.advance(timedelta(hours=2))  # the notice is due now; no run can read it past the lock
            await until(job_waits, "the run waiting for the lock")
            seen = ticks
            await until(lambda: ticks >= seen + 20, "the event loop turning while the job waits")
            assert scheduler.jobs["outbox"].running and not told(h, {first})
            if app.engine.dialect.name == "postgresql":
                assert await h.say(CITIZEN, "/start")
                assert scheduler.jobs["outbox"].running and await job_waits()  # still waiting: answered meanwhile
            await lock.aclose()  # the lock goes: the waiting run goes on, and the scheduler after it
            await h.tg.wait_for(lambda _: told(h, {first}), timeout=30, what="the notification after the lock")
            second = (await app.filing.file_report(named_report(chat_id=555002))).number
            await h.tg.wait_for(lambda _: told(h, {second}), timeout=30, what="the next one")
            assert scheduler.running
    finally:
        tick_task.cancel()
