"""The scheduler's own resilience: a database error in a job, a scheduler stopped underneath, and
``qingfeng scheduler status`` telling an operator (another process) whether the bot's scheduler is alive."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from core.clock import ManualClock
from core.crypto import Vault
from core.persistence.uow import UnitOfWork, UnitOfWorkFactory
from core.services.job_runs import JobRun, JobRunStore
from core.services.leases import LEASE
from core.services.outbox import OutboxService
from qingfeng.app import App, build_scheduler
from qingfeng.cli_scheduler import UPCOMING_SHOWN
from qingfeng.scheduler import JobScheduler, Timing, stop_scheduler
from tests.factories import named_report, seed_office
from tests.fake_notifier import RecordingNotifier
from tests.integration.cli_run import run_cli
from tests.waiting import runs_after, until

# Runs and looks every 0.05 s; late after 5 s without a run, so a busy machine's stalls never count as a dead
# scheduler (production: every 5 s, late after 10 s more).
QUICK = Timing(outbox=0.05, watchdog=0.05, late_factor=100)


class Recorder(RecordingNotifier):
    def numbers(self) -> set[Any]:
        return {m.params.get("number") for m in self.sent if m.template == "notify.officer.new_case"}


class FlakyDatabase:
    """Every unit of work refused while ``down``, as SQLite answers when another connection holds the write lock
    longer than the busy timeout (the same for a PostgreSQL server that is unreachable)."""

    def __init__(self, real: UnitOfWorkFactory) -> None:
        self.real, self.down, self.refused = real, False, 0

    @property
    def vault(self) -> Vault:
        return self.real.vault

    def __call__(self) -> UnitOfWork:
        if self.down:
            self.refused += 1
            raise OperationalError("SELECT", None, sqlite3.OperationalError("database is locked"))
        return self.real()


@asynccontextmanager
async def running(app: App, notifier: Recorder, timing: Timing = QUICK) -> AsyncIterator[JobScheduler]:
    scheduler = build_scheduler(app, OutboxService(app.ctx, notifier), name="test", timing=timing)
    scheduler.start()
    try:
        yield scheduler
    finally:
        await stop_scheduler(scheduler)


def errors_about(caplog: pytest.LogCaptureFixture, word: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and word in r.getMessage()]


async def test_a_database_error_is_logged_once_and_the_next_tick_delivers(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    notifier, flaky = Recorder(), FlakyDatabase(app.ctx.uow_factory)
    app.ctx.uow_factory = flaky  # type: ignore[assignment]
    flaky.down = True
    caplog.set_level(logging.INFO)
    try:
        async with running(app, notifier) as scheduler:
            await until(lambda: scheduler.jobs["outbox"].failures >= 5, "five failed outbox runs")
            assert scheduler.running and notifier.sent == []
            flaky.down = False
            await until(lambda: number in notifier.numbers(), "the notification once the database is back")
            await runs_after(scheduler, "outbox")
            assert scheduler.jobs["outbox"].failures == 0 and scheduler.restarts == 0
    finally:
        app.ctx.uow_factory = flaky.real
    [failed] = errors_about(caplog, "outbox")  # once for the streak, not once a tick
    assert "database is locked" in failed
    recovered = [r.getMessage() for r in caplog.records if r.getMessage().startswith("job outbox works again")]
    assert len(recovered) == 1 and "after " in recovered[0]
    assert len(errors_about(caplog, "deadlines")) <= 1  # the sweep ran into it too: once at most
    assert len(errors_about(caplog, "heartbeat")) <= 1  # and the watchdog's heartbeat


STOPS: dict[str, Callable[[JobScheduler], None]] = {
    "paused": lambda s: s.aps.pause(),
    "shut down": lambda s: s.aps.shutdown(wait=False),
    "job lost": lambda s: s.aps.remove_job("outbox"),  # the scheduler runs, but the outbox no longer comes round
}


@pytest.mark.parametrize("stop", STOPS)
async def test_the_watchdog_restarts_a_scheduler_whose_jobs_stopped(
    app: App, stop: str, caplog: pytest.LogCaptureFixture
) -> None:
    await seed_office(app)
    notifier = Recorder()
    caplog.set_level(logging.INFO)
    async with running(app, notifier) as scheduler:
        await runs_after(scheduler, "outbox")
        old = scheduler.aps
        STOPS[stop](scheduler)
        await until(lambda: scheduler.restarts >= 1, "the watchdog's restart")
        assert scheduler.aps is not old and scheduler.running
        number = (await app.filing.file_report(named_report())).number
        await until(lambda: number in notifier.numbers(), "a notification after the restart")
    [logged] = [m for m in errors_about(caplog, "restarting it")]
    assert "scheduler test" in logged and ("outbox" in logged if stop == "job lost" else "stopped" in logged)


# -- qingfeng scheduler status -----------------------------------------------------------------------------------


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


async def test_status_before_the_bot_ever_ran(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = await run_cli(app, monkeypatch, capsys, "scheduler", "status")
    assert code == 1, err
    assert out.startswith("scheduler: never started on this database")
    for job in ("outbox", "deadlines", "digests", "reports", "calendar", "dialogs"):
        assert any(line.split()[:1] == [job] and "never ran" in line for line in out.splitlines())
    assert "reminders due in the next 7 days: 0" in out


async def test_status_of_a_running_then_stopped_scheduler(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await seed_office(app)
    # short intervals so the test waits little, a wide grace so a slow CLI start never reads it as late
    timing = Timing(outbox=0.1, watchdog=0.1, late_factor=10_000)
    async with running(app, Recorder(), timing) as scheduler:
        await runs_after(scheduler, "outbox")
        await until(lambda: scheduler.jobs["deadlines"].runs >= 1, "the sweep at start")
        await until(lambda: scheduler.jobs["digests"].runs >= 1, "the digests at start")

        async def saved() -> bool:
            return any(r.job == "outbox" and r.last_run_at for r in await JobRunStore(app.ctx).load())

        await until(saved, "a heartbeat with a run in it, saved by the watchdog")
        code, out, err = await run_cli(app, monkeypatch, capsys, "scheduler", "status")
        assert code == 0, out + err
        assert out.startswith("scheduler: alive")
        leader = out.splitlines()[1]
        assert leader.startswith("leader: ") and f":{os.getpid()}:" in leader and "lease renewed until" in leader
        lines = {line.split()[0]: line for line in out.splitlines()[3:9]}
        assert set(lines) == {"outbox", "deadlines", "digests", "reports", "calendar", "dialogs"}
        assert lines["outbox"].split()[1:4] == ["every", "0.1", "s"]
        assert lines["outbox"].rstrip().endswith("ok") or "running since" in lines["outbox"]
        assert "daily at 01:05" in lines["calendar"] and lines["calendar"].rstrip().endswith("ok")
    code, out, err = await run_cli(app, monkeypatch, capsys, "scheduler", "status")
    assert code == 1 and out.startswith("scheduler: stopped"), out + err
    assert out.splitlines()[1].startswith("leader: none now (the lease of ")  # released on the clean stop
    assert all(line.rstrip().endswith("stopped") for line in out.splitlines()[3:9])


async def test_status_of_a_late_or_failing_scheduler_in_beijing_time(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rows as a bot would have left them: one that died (no stop recorded) at 18:00 Beijing time."""
    store, now = JobRunStore(app.ctx), datetime.now(UTC)
    dead = JobRun("outbox", "every 5 s", last_run_at=at(2026, 1, 5, 10, 0), last_ok_at=at(2026, 1, 5, 9, 59, 55),
                  next_run_at=at(2026, 1, 5, 10, 0, 5), late_at=at(2026, 1, 5, 10, 0, 25))  # fmt: skip
    await store.save([dead, JobRun("calendar", "daily at 01:05", next_run_at=now + timedelta(hours=3),
                                   late_at=now + timedelta(hours=4))], now)  # fmt: skip
    code, out, err = await run_cli(app, monkeypatch, capsys, "scheduler", "status")
    assert code == 1, err
    assert out.startswith("scheduler: LATE")
    outbox = next(line for line in out.splitlines() if line.startswith("outbox"))
    assert outbox.split()[4:] == ["2026-01-05", "18:00:00", "2026-01-05", "17:59:55", "2026-01-05", "18:00:05",
                                  "LATE"]  # fmt: skip
    # the bot is running again, but a job fails at every run (its database error is in the bot's log)
    failing = JobRun("outbox", "every 5 s", last_run_at=now, next_run_at=now + timedelta(seconds=5),
                     late_at=now + timedelta(hours=1), failures=3, error="OperationalError")  # fmt: skip
    await store.save([failing], now)
    code, out, err = await run_cli(app, monkeypatch, capsys, "scheduler", "status")
    assert code == 1 and out.startswith("scheduler: running, but jobs fail"), out + err
    assert "FAILING (3 runs, OperationalError)" in out


async def test_status_lists_the_first_reminders_due_and_counts_the_rest(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """At a real office's scale the week's reminders run to tens of thousands: the status shows the first ones
    and a count (a million cases printed 600 k lines; issue 13)."""
    await seed_office(app)
    for _ in range(12):
        await app.filing.file_report(named_report())
    code, out, err = await run_cli(app, monkeypatch, capsys, "scheduler", "status")
    assert code == 1, err  # never started: the list is there all the same
    [total] = [int(line.rsplit(" ", 1)[1]) for line in out.splitlines() if line.startswith("reminders due in the")]
    listed = [line for line in out.splitlines() if line.startswith("  20")]
    assert total > UPCOMING_SHOWN and len(listed) == UPCOMING_SHOWN
    assert out.rstrip().endswith(f"… and {total - UPCOMING_SHOWN} more")


@asynccontextmanager
async def instance(app: App, notifier: Recorder, wall: ManualClock) -> AsyncIterator[JobScheduler]:
    """A scheduler as another instance of the bot runs it, its lease judged on ``wall`` (moved by the test: a
    busy machine's stalls never let a lease run out by themselves)."""
    timing = Timing(outbox=0.05, watchdog=0.05, late_factor=100, lease_renew=0.05)
    scheduler = build_scheduler(app, OutboxService(app.ctx, notifier), name="instance", timing=timing)
    assert scheduler.leases is not None
    scheduler.leases.now = wall.now
    scheduler.start()
    try:
        yield scheduler
    finally:
        await stop_scheduler(scheduler)


def decided(scheduler: JobScheduler) -> bool:
    return scheduler._decided is not None and scheduler._decided.is_set()


async def test_two_instances_one_runs_the_jobs_and_the_other_takes_over(app: App) -> None:
    """Issue 18: schedulers on one database (instances of the bot). The lease holder sends; another stands by;
    when the leader stops cleanly the other leads at its next renewal; when a leader dies without a word, the next
    leads once the lease has run out, not before."""
    await seed_office(app)
    wall = ManualClock(datetime(2026, 12, 3, 6, 0, tzinfo=UTC))
    first, second, third = Recorder(), Recorder(), Recorder()
    async with instance(app, first, wall) as one:
        await until(lambda: one.leading, "the first instance leads")
        async with instance(app, second, wall) as two:
            await until(lambda: decided(two), "the second looked")
            assert not two.leading
            number = (await app.filing.file_report(named_report())).number
            await until(lambda: number in first.numbers(), "the leader sends")
            await runs_after(two, "outbox")
            assert number not in second.numbers() and one.leading and not two.leading
            await stop_scheduler(one)  # a clean stop: the lease is released
            await until(lambda: two.leading, "the second takes over")
            again = (await app.filing.file_report(named_report(chat_id=555002))).number
            await until(lambda: again in second.numbers(), "the new leader sends")
            # the second dies: its lease is neither renewed nor released
            assert two._lead_task is not None
            two._lead_task.cancel()
            two.leading = False
            async with instance(app, third, wall) as three:
                await until(lambda: decided(three), "the third looked")
                await runs_after(three, "outbox")
                assert not three.leading  # the dead one's lease has not run out
                wall.advance(LEASE + timedelta(seconds=1))
                await until(lambda: three.leading, "the third leads once the lease ran out")
                last = (await app.filing.file_report(named_report(chat_id=555003))).number
                await until(lambda: last in third.numbers(), "and sends")
    assert [r.numbers() for r in (first, second, third)] == [{number}, {again}, {last}]
