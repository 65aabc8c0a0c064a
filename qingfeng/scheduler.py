"""APScheduler 3 in the bot's event loop: the periodic jobs that drive the outbox, deadlines and calendar.

The job store is persistent (a table beside ours, through a synchronous driver, as APScheduler 3 needs), and
the defaults that lose work are overridden (stack-notes: ``misfire_grace_time`` 1 s drops jobs due while the
process was down): jobs coalesce and run late rather than never. Jobs are pickled into that store, so they
are module-level functions that find the running application by name. What each job sent lives in our own
tables (outbox, reminders_sent, digests_sent), so a job that runs late sends what fell due exactly once.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from core.reminders import ReminderPolicy
from core.services.dialog_store import DialogStore
from core.services.lockout import Lockout
from core.services.outbox import OutboxService
from core.services.reminders import ReminderService
from core.workcalendar import WorkCalendar
from qingfeng.app import App

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "misfire_grace_time": None, "max_instances": 1}
OUTBOX_INTERVAL_SECONDS = 5
SWEEP_INTERVAL_MINUTES = 5
JOB_TABLE = "apscheduler_jobs"


@dataclass
class _Running:
    app: App
    outbox: OutboxService
    reminders: ReminderService
    busy: int = 0  # jobs running now: a stop waits for them (APScheduler would cancel them mid-send)
    idle: asyncio.Event = dataclasses.field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.idle.set()

    @contextlib.contextmanager
    def job(self) -> Iterator[None]:
        self.busy += 1
        self.idle.clear()
        try:
            yield
        finally:
            self.busy -= 1
            if not self.busy:
                self.idle.set()


_RUNNING: dict[str, _Running] = {}


async def send_outbox(name: str) -> None:
    r = _RUNNING[name]
    with r.job():
        sent = await r.outbox.send_due()
    if sent:
        log.info("outbox: %d notifications sent", sent)


async def sweep_deadlines(name: str) -> None:
    r = _RUNNING[name]
    with r.job():
        queued = await r.reminders.sweep() + await r.reminders.digests()
    if queued:
        log.info("deadlines: %d reminders and digests queued", queued)


async def refresh_calendar(name: str) -> None:
    r = _RUNNING[name]
    with r.job():
        r.app.ctx.calendar = WorkCalendar.from_directory(r.app.settings.calendar_dir)
        moved = await r.app.calendar.recompute_open_deadlines()
    if moved:
        log.info("calendar data changed: %d open deadlines moved", moved)


async def forget_dialogs(name: str) -> None:
    """Daily: unfinished dialogs past their retention, and failed status queries past the lock-out's memory."""
    r = _RUNNING[name]
    with r.job():
        dialogs, files = await DialogStore(r.app.ctx).forget_stale(r.app.settings.dialog_retention_days)
        attempts = await Lockout(r.app.ctx).forget_old()
    if dialogs:
        log.info("forgot %d unfinished dialogs and %d staged files", dialogs, files)
    if attempts:
        log.info("forgot %d old failed status queries", attempts)


async def stop_scheduler(scheduler: AsyncIOScheduler, name: str = "qingfeng", timeout: float = 30.0) -> None:  # noqa: ASYNC109
    """Stop taking jobs, let the running ones finish, then shut down. ``shutdown()`` alone cancels a running
    job wherever it is — between sending a notification and recording it, which would send it again."""
    if not scheduler.running:
        return
    scheduler.pause()
    running = _RUNNING.get(name)
    if running is not None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(running.idle.wait(), timeout)
    scheduler.shutdown(wait=False)


def sync_url(url: str) -> str:
    """The job store's synchronous URL for our async one (aiosqlite → sqlite, asyncpg → psycopg)."""
    return url.replace("sqlite+aiosqlite:", "sqlite:").replace("postgresql+asyncpg:", "postgresql+psycopg:")


def build_scheduler(
    app: App,
    outbox: OutboxService,
    *,
    name: str = "qingfeng",
    persistent: bool = True,
    outbox_seconds: float = OUTBOX_INTERVAL_SECONDS,
) -> AsyncIOScheduler:
    """Create (not start) the scheduler; ``start()`` needs the running loop."""
    policy = ReminderPolicy(app.settings.reminder_days_before, app.settings.urgent_repush_minutes)
    _RUNNING[name] = _Running(app, outbox, ReminderService(app.ctx, policy))
    store = (
        SQLAlchemyJobStore(url=sync_url(app.settings.db_url), tablename=JOB_TABLE) if persistent else MemoryJobStore()
    )
    scheduler = AsyncIOScheduler(
        timezone=app.settings.timezone, job_defaults=JOB_DEFAULTS, jobstores={"default": store}
    )
    # at start too: what was queued while the bot was down goes out at once
    scheduler.add_job(send_outbox, "interval", seconds=outbox_seconds, args=[name], id="outbox",
                      replace_existing=True, next_run_time=datetime.now(UTC))  # fmt: skip
    scheduler.add_job(sweep_deadlines, "interval", minutes=SWEEP_INTERVAL_MINUTES, args=[name], id="deadlines",
                      replace_existing=True, next_run_time=datetime.now(UTC))  # fmt: skip
    scheduler.add_job(refresh_calendar, "cron", hour=1, minute=5, args=[name], id="calendar", replace_existing=True)
    scheduler.add_job(forget_dialogs, "cron", hour=1, minute=25, args=[name], id="dialogs", replace_existing=True)
    return scheduler
