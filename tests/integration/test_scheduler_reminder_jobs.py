"""Reminders and digests are two scheduler jobs: a bug or bad row that makes one of them fail at every run never
stops the other (issue 13: the morning digests used to stop with a sweep that failed in the same job)."""

from __future__ import annotations

import pytest

from core.clock import ManualClock
from core.services.outbox import OutboxService
from qingfeng.app import App, build_scheduler
from qingfeng.scheduler import Timing, stop_scheduler
from tests.conftest import beijing
from tests.factories import named_report, seed_office
from tests.fake_notifier import RecordingNotifier
from tests.waiting import until

QUICK = Timing(outbox=0.05, sweep=0.05, watchdog=0.05, late_factor=100)
TEMPLATES = {"deadlines": "notify.officer.reminder.soon", "digests": "notify.officer.digest"}


@pytest.mark.parametrize("failing", ["deadlines", "digests"])
async def test_a_failing_reminder_or_digest_job_never_stops_the_other(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    await seed_office(app)
    await app.filing.file_report(named_report())  # filed 09-28: D7 due 10-13
    clock.set(beijing(2026, 10, 9, 9, 0))  # a working day after 08:30: D7 due soon, and the digests
    notifier = RecordingNotifier()
    scheduler = build_scheduler(app, OutboxService(app.ctx, notifier), name="test", timing=QUICK)

    async def broken() -> int:
        raise RuntimeError("a bug in one job")

    monkeypatch.setattr(scheduler.reminders, "sweep" if failing == "deadlines" else "digests", broken)
    working = "digests" if failing == "deadlines" else "deadlines"
    scheduler.start()
    try:
        await until(lambda: scheduler.jobs[failing].failures >= 3, f"the {failing} job failing again and again")
        await until(lambda: TEMPLATES[working] in notifier.templates(), f"what the {working} job queued, delivered")
        assert scheduler.jobs[working].runs >= 1 and scheduler.jobs[working].failures == 0
    finally:
        await stop_scheduler(scheduler)
    assert TEMPLATES[failing] not in notifier.templates()
