"""The real APScheduler (persistent job store) and the real bot: reminders reach officers over HTTP, once."""

from __future__ import annotations

import asyncio

from sqlalchemy import inspect

from core.clock import ManualClock
from core.services.outbox import OutboxService
from qingfeng.app import App
from qingfeng.scheduler import JOB_TABLE, build_scheduler, stop_scheduler
from tests.conftest import beijing
from tests.factories import Office, named_report

from .conftest import BotHarness

INTAKE, SUPERVISOR = 1001, 1004


async def run_scheduler_until(h: BotHarness, app: App, condition, seconds: float = 12.0) -> None:  # type: ignore[no-untyped-def]
    # the outbox every half second instead of every 5 s: the test waits less, the jobs are the same
    scheduler = build_scheduler(app, OutboxService(app.ctx, h.notifier()), name="test", outbox_seconds=0.5)
    scheduler.start()
    try:
        for _ in range(int(seconds / 0.1)):
            if condition():
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"scheduler did not deliver\n{h.tg.dump()}")
    finally:
        await stop_scheduler(scheduler, "test")  # as the bot stops: running jobs finish, none is cut mid-send


def overdue(h: BotHarness) -> list[str]:
    return [t for t in h.tg.texts(INTAKE) if t.startswith("【已逾期】")]


async def test_scheduler_sends_overdue_alert_and_escalation_once_across_restarts(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report())).number  # 2026-09-28: D7 due 10-13
    clock.set(beijing(2026, 10, 14, 9, 0))
    escalated = lambda: any(t.startswith("【逾期督办】") for t in h.tg.texts(SUPERVISOR))  # noqa: E731
    await run_scheduler_until(h, app, lambda: overdue(h) and escalated())
    assert number in overdue(h)[0] and "登记分办" in overdue(h)[0]
    async with app.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    assert JOB_TABLE in tables  # the job store is persistent
    # the bot restarts the same day: the sweep runs again at start, and nothing is sent twice
    digests = lambda: any(t.startswith("早上好") for t in h.tg.texts(INTAKE))  # noqa: E731
    await run_scheduler_until(h, app, digests)
    await asyncio.sleep(0.5)
    assert len(overdue(h)) == 1 and sum(t.startswith("【逾期督办】") for t in h.tg.texts(SUPERVISOR)) == 1
