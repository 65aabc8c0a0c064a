"""APScheduler 3 in the bot's event loop: the periodic jobs that drive the outbox and the calendar.

Defaults that lose work are overridden (stack-notes: ``misfire_grace_time`` 1 s drops jobs due while the
process was down): every job coalesces and runs late rather than never.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from core.services.outbox import OutboxService
from core.services.reminders import ReminderService
from core.workcalendar import WorkCalendar
from qingfeng.app import App

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "misfire_grace_time": None, "max_instances": 1}
OUTBOX_INTERVAL_SECONDS = 5
SWEEP_INTERVAL_MINUTES = 5


def build_scheduler(app: App, outbox: OutboxService) -> AsyncIOScheduler:
    """Create (not start) the scheduler; ``start()`` needs the running loop.

    What was sent lives in SQL (outbox, reminders_sent, digests_sent), so each job simply catches up on what
    fell due while the bot was down; the first deadline sweep runs at start.
    """
    reminders = ReminderService(app.ctx)
    scheduler = AsyncIOScheduler(timezone=app.settings.timezone, job_defaults=JOB_DEFAULTS)

    async def send_outbox() -> None:
        sent = await outbox.send_due()
        if sent:
            log.info("outbox: %d notifications sent", sent)

    async def deadlines() -> None:
        queued = await reminders.sweep() + await reminders.digests()
        if queued:
            log.info("deadlines: %d reminders and digests queued", queued)

    async def refresh_calendar() -> None:
        app.ctx.calendar = WorkCalendar.from_directory(app.settings.calendar_dir)
        moved = await app.calendar.recompute_open_deadlines()
        if moved:
            log.info("calendar data changed: %d open deadlines moved", moved)

    scheduler.add_job(send_outbox, "interval", seconds=OUTBOX_INTERVAL_SECONDS, id="outbox", replace_existing=True)
    scheduler.add_job(deadlines, "interval", minutes=SWEEP_INTERVAL_MINUTES, id="deadlines", replace_existing=True,
                      next_run_time=datetime.now(UTC))  # fmt: skip
    scheduler.add_job(refresh_calendar, "cron", hour=1, minute=5, id="calendar", replace_existing=True)
    return scheduler
