"""The periodic jobs in the bot's event loop — outbox, deadline sweep, calendar, stale dialogs — and their watchdog.

Reminders are the product's promise to officers, so the jobs must outlive any database trouble:

- The job store is APScheduler's memory store, rebuilt at every start. The jobs are a few fixed sweeps whose
  state is in our own tables (outbox, ``reminders_sent``, ``digests_sent``), so a run that comes late sends what
  fell due exactly once. The persistent SQLAlchemy store did synchronous I/O on the event loop: on SQLite a
  "database is locked" escaped APScheduler's wake-up and it never woke again; on PostgreSQL a locked job table
  froze every chat (stack-notes, "Learned under load").
- APScheduler only starts a run, as a task of ours: no exception reaches it, its shutdown never cancels a run
  half-way (between a send and its record), and a run still going is never started twice. A failing run is
  caught and retried at the next tick; the failure is logged once, and so is the recovery.
- A watchdog (an asyncio task, not a job: it must notice a dead scheduler) restarts the scheduler when a job
  has not run for a few intervals, and saves each job's heartbeat in ``job_runs`` for ``qingfeng scheduler
  status``. The jobs themselves never wait on that write.

- Several instances of the bot may share one database (issue 18): the one holding the jobs' lease
  (core.services.leases, renewed every few seconds) runs the jobs and saves the heartbeat; the others' runs do
  nothing. A leader that dies stops renewing, and another takes over within the lease (20 s) and a renewal.

Default misfire settings lose work (stack-notes): jobs coalesce and run late rather than never.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import STATE_RUNNING

from bot.dialogs.codec import staged_files
from core.services.job_runs import JobRun
from core.services.leases import LEASE, Leases
from core.services.outbox import OutboxService
from core.services.web_chats import WEB_SESSION_LIFE, WebChats
from qingfeng.app import App, load_calendar

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "misfire_grace_time": None, "max_instances": 1}
DAY = 86_400.0


@dataclass(frozen=True)
class Timing:
    """Seconds. Tests shorten them; the defaults are production's."""

    outbox: float = 5.0  # between outbox runs
    sweep: float = 300.0  # between deadline sweeps
    watchdog: float = 10.0  # between the watchdog's looks, each also saving the heartbeat
    late_factor: float = 2.0  # a job is late this many intervals after it was due ...
    late_cap: float = 3600.0  # ... or an hour after, whichever comes first (the daily jobs)
    run_allowance: float = 900.0  # a run may take this long before its job counts as late
    lease: float = LEASE.total_seconds()  # the jobs' lease lasts this long unless renewed (core.services.leases)
    lease_renew: float = 5.0  # between renewals of it: a dead leader is replaced within lease + lease_renew

    def grace(self, interval: float) -> timedelta:
        return timedelta(seconds=min(self.late_factor * interval, self.late_cap))


@dataclass(frozen=True)
class JobSpec:
    id: str
    trigger: str
    trigger_args: dict[str, Any]
    every: str  # for people
    interval: float  # seconds between runs
    at_start: bool  # also run at once when the scheduler starts


def job_specs(timing: Timing | None = None) -> list[JobSpec]:
    timing = timing or Timing()
    return [
        # at start too: what was queued while the bot was down goes out at once
        JobSpec("outbox", "interval", {"seconds": timing.outbox}, f"every {timing.outbox:g} s", timing.outbox, True),
        # reminders and digests apart: one failing (a bug, a bad row) never stops the other
        JobSpec(
            "deadlines", "interval", {"seconds": timing.sweep}, f"every {timing.sweep / 60:g} min", timing.sweep, True
        ),
        JobSpec(
            "digests", "interval", {"seconds": timing.sweep}, f"every {timing.sweep / 60:g} min", timing.sweep, True
        ),
        # monthly and quarterly reports to leaders: a no-op except on the first working days of a month (issue 17)
        JobSpec(
            "reports", "interval", {"seconds": timing.sweep}, f"every {timing.sweep / 60:g} min", timing.sweep, True
        ),
        JobSpec("calendar", "cron", {"hour": 1, "minute": 5}, "daily at 01:05", DAY, False),
        JobSpec("dialogs", "cron", {"hour": 1, "minute": 25}, "daily at 01:25", DAY, False),
    ]


class _Streak:
    """A failure is logged when a streak begins and when it ends, not at every failed attempt."""

    def __init__(self, what: str, attempts: str = "runs") -> None:
        self.what, self.attempts = what, attempts
        self.count: int = 0
        self.error: str | None = None

    def failed(self, exc: BaseException) -> None:
        self.count += 1
        self.error = type(exc).__name__
        if self.count == 1:
            log.error("%s failed (%s); retried every time, the recovery will be logged", self.what, _summary(exc))
            log.debug("%s failed", self.what, exc_info=exc)

    def ok(self) -> None:
        if self.count:
            log.warning("%s works again after %d failed %s", self.what, self.count, self.attempts)
        self.count, self.error = 0, None


@dataclass
class _Job:
    spec: JobSpec
    body: Callable[[], Awaitable[None]]
    task: asyncio.Task[None] | None = None
    last_run_at: datetime | None = None
    last_ok_at: datetime | None = None
    running_since: datetime | None = None
    next_run_at: datetime | None = None
    late_at: datetime | None = None
    runs: int = 0  # finished runs, either way
    hung_logged: bool = False
    streak: _Streak = field(init=False)

    def __post_init__(self) -> None:
        self.streak = _Streak(f"job {self.spec.id}")

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    @property
    def failures(self) -> int:
        return self.streak.count


def _now() -> datetime:
    return datetime.now(UTC)


def _summary(exc: BaseException) -> str:
    """Class and first line only: SQL errors carry no values (``hide_parameters``), but keep it short anyway."""
    first = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


class JobScheduler:
    """APScheduler (memory store) + guarded runs + watchdog. ``start()`` needs the running loop. Built by the
    bootstrap (:func:`qingfeng.app.build_scheduler`); the jobs use the App's services, each built once there."""

    def __init__(self, app: App, outbox: OutboxService, *, name: str = "qingfeng", timing: Timing | None = None,
                 record: bool = True) -> None:  # fmt: skip
        self.app, self.outbox, self.name = app, outbox, name
        self.timing = timing or Timing()
        self.reminders = app.reminders
        bodies = {"outbox": self.send_outbox, "deadlines": self.sweep_deadlines, "digests": self.send_digests,
                  "reports": self.send_reports, "calendar": self.refresh_calendar,
                  "dialogs": self.forget_dialogs}  # fmt: skip
        self.jobs = {s.id: _Job(s, bodies[s.id]) for s in job_specs(self.timing)}
        self.store = app.job_runs if record else None
        self.restarts = 0
        self._aps: AsyncIOScheduler | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._stopping = False
        self._beat: asyncio.Task[None] | None = None
        self._watch_streak = _Streak(f"scheduler {name}: watchdog", "looks")
        self._beat_streak = _Streak(f"scheduler {name}: saving the heartbeat", "attempts")
        # several instances of the bot: the one holding the jobs' lease runs them, the others' runs do nothing
        # (issue 18); without a store (tests of one scheduler alone) it always leads
        self.leases = Leases(app.ctx, lease=timedelta(seconds=self.timing.lease)) if record else None
        self.leading = self.leases is None
        self._decided: asyncio.Event | None = None
        self._stop_leading: asyncio.Event | None = None
        self._lead_task: asyncio.Task[None] | None = None
        self._lead_streak = _Streak(f"scheduler {name}: renewing the jobs' lease", "attempts")

    # -- the jobs ----------------------------------------------------------------------------------------------
    async def send_outbox(self) -> None:
        sent = await self.outbox.send_due()
        if sent:
            log.info("outbox: %d notifications sent", sent)

    async def sweep_deadlines(self) -> None:
        queued = await self.reminders.sweep()
        if queued:
            log.info("deadlines: %d reminders queued", queued)

    async def send_digests(self) -> None:
        """Every few minutes too: a no-op except the first run after 08:30 on a working day (and its catch-up)."""
        queued = await self.reminders.digests()
        if queued:
            log.info("digests: %d queued", queued)

    async def send_reports(self) -> None:
        """Every few minutes: the leaders' monthly figures and quarterly 交办 table, once each (issue 17)."""
        queued = await self.app.stats_reports.queue_due()
        if queued:
            log.info("reports: %d queued", queued)

    async def refresh_calendar(self) -> None:
        self.app.ctx.calendar = await asyncio.to_thread(load_calendar, self.app.settings)
        moved = await self.app.calendar.recompute_open_deadlines()
        if moved:
            log.info("calendar data changed: %d open deadlines moved", moved)

    async def forget_dialogs(self) -> None:
        """Daily: unfinished dialogs past their retention, and failed status queries past the lock-out's memory."""
        days = self.app.settings.dialog_retention_days
        dialogs, files = await self.app.dialogs.forget_stale(days, staged_files)
        attempts = await self.app.lockout.forget_old()
        sessions = await WebChats(self.app.ctx).prune(WEB_SESSION_LIFE)  # issue 19: expired cookies' chats
        if sessions:
            log.info("forgot %d web chat sessions unused for %d days", sessions, WEB_SESSION_LIFE.days)
        if dialogs:
            log.info("forgot %d unfinished dialogs and %d staged files", dialogs, files)
        if attempts:
            log.info("forgot %d old failed status queries", attempts)

    # -- life cycle --------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """The APScheduler underneath takes jobs (not paused, not shut down) and the watchdog watches."""
        aps = self._aps
        alive = aps is not None and aps.state == STATE_RUNNING
        return alive and not self._stopping and self._watchdog is not None and not self._watchdog.done()

    @property
    def aps(self) -> AsyncIOScheduler:
        assert self._aps is not None, "not started"
        return self._aps

    def start(self) -> None:
        if self.leases is not None:
            self._decided, self._stop_leading = asyncio.Event(), asyncio.Event()
            self._lead_task = asyncio.create_task(self._lead(), name=f"{self.name}: jobs' lease")
        self._start_aps()
        self._watchdog = asyncio.create_task(self._watch(), name=f"{self.name}: scheduler watchdog")

    async def _lead(self) -> None:
        """Take or renew the jobs' lease every few seconds; say when this instance starts or stops leading. Ended
        by :meth:`stop` through ``_stop_leading``, between two looks: never cancelled in the middle of a write."""
        assert self.leases is not None and self._decided is not None and self._stop_leading is not None
        while not self._stop_leading.is_set():
            try:  # bounded: a look that hangs (a locked table) is a look that failed
                leading = await asyncio.wait_for(self.leases.hold(), timeout=max(self.timing.lease_renew, 5.0))
            except Exception as exc:  # the database: as before (at start: leading); the jobs fail and retry anyway,
                self._lead_streak.failed(exc)  # and overlapping runs are safe, so nobody's work waits on the lease
                leading = self.leading or not self._decided.is_set()
            else:
                self._lead_streak.ok()
            if leading != self.leading or not self._decided.is_set():
                log.info("scheduler %s: %s", self.name, "this instance runs the periodic jobs" if leading
                         else "another instance runs the periodic jobs; this one stands by")  # fmt: skip
            self.leading = leading
            self._decided.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop_leading.wait(), timeout=self.timing.lease_renew)

    async def stop(self, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Stop taking jobs, let running ones finish (cancelled only after ``timeout``), record the stop."""
        if self._stopping or self._aps is None:
            return
        self._stopping = True
        if self._watchdog is not None:
            self._watchdog.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watchdog
        if self._lead_task is not None and self._stop_leading is not None and self._decided is not None:
            self._stop_leading.set()  # the lease loop ends after its look in hand (bounded), never mid-write
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(self._lead_task, timeout=10)
            if not self._decided.is_set():  # stopped before the first look: the runs waiting on it do nothing
                self.leading = False
                self._decided.set()
        with contextlib.suppress(SchedulerNotRunningError):
            self._aps.pause()
        self.outbox.wind_down()  # a run drains while rows are due: it stops taking more and ends its sends
        tasks = [j.task for j in self.jobs.values() if j.task is not None and not j.task.done()]
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        with contextlib.suppress(SchedulerNotRunningError):
            self._aps.shutdown(wait=False)
        if self._beat is not None and not self._beat.done():
            # Let a save under way finish: cancelled mid-write, aiosqlite's connection never closed, the final save
            # below waited on it and "stopped" was never recorded (a flaky status test, 3 in 75 runs). Cancelled only
            # if the database keeps it waiting (a locked table).
            _, pending = await asyncio.wait([self._beat], timeout=5)
            for task in pending:
                task.cancel()
            await asyncio.gather(self._beat, return_exceptions=True)
        if self.store is not None and self.leading:  # "stopped": the status does not call a stopped bot late
            with contextlib.suppress(TimeoutError):  # bounded: the bot is on its way out
                await asyncio.wait_for(self._save_heartbeat(stopped=True), 5)
        if self.leases is not None and self.leading:  # another instance takes over at its next renewal
            with contextlib.suppress(Exception):  # bounded, and the lease expires by itself anyway
                await asyncio.wait_for(self.leases.release(), 5)
            self.leading = False

    def _start_aps(self) -> None:
        aps = AsyncIOScheduler(timezone=self.app.settings.timezone, job_defaults=JOB_DEFAULTS,
                               jobstores={"default": MemoryJobStore()})  # fmt: skip
        now = _now()
        for job in self.jobs.values():
            s = job.spec
            extra: dict[str, Any] = {"next_run_time": now} if s.at_start else {}
            aps.add_job(self._fire, s.trigger, args=[s.id], id=s.id, **s.trigger_args, **extra)
        aps.start()
        self._aps = aps
        for job in self.jobs.values():
            if not job.running:
                self._expect(job)

    def _restart(self, why: str) -> None:
        log.error("scheduler %s: %s; restarting it", self.name, why)
        if self._aps is not None:
            with contextlib.suppress(SchedulerNotRunningError):
                self._aps.shutdown(wait=False)  # cancels only our starters; the runs are our own tasks
        self._start_aps()
        self.restarts += 1

    # -- runs --------------------------------------------------------------------------------------------------
    async def run_job(self, job_id: str) -> bool:
        """One run of the job now, guarded as a tick's (a simulation moves its own clock and calls this at the
        times APScheduler would: bench/office_year.py); whether it succeeded."""
        job = self.jobs[job_id]
        await self._run(job)
        return job.failures == 0

    async def _fire(self, job_id: str) -> None:
        """What APScheduler calls: start the run as our task and return at once."""
        job = self.jobs[job_id]
        if job.running or self._stopping:
            return  # still running (even from before a restart): never two runs of one job at once
        job.task = asyncio.create_task(self._run(job), name=f"{self.name}: {job_id}")

    async def _run(self, job: _Job) -> None:
        job.running_since = _now()
        job.late_at = job.running_since + timedelta(seconds=self.timing.run_allowance)
        ran = False
        try:
            if self._decided is not None:
                await self._decided.wait()  # the first look at the lease, at start
            ran = self.leading
            if ran:
                await job.body()
        except Exception as exc:  # anything: a locked or unreachable database, a bug — the next tick retries
            job.streak.failed(exc)
        else:
            job.streak.ok()
            if ran:  # a standby's run did nothing: not a success of the job
                job.last_ok_at = _now()
        finally:
            job.running_since, job.last_run_at, job.hung_logged = None, _now(), False
            job.runs += 1
            self._expect(job)

    def _expect(self, job: _Job) -> None:
        """When the job must show its next sign of life: its next due time, plus the grace."""
        aps_job = self._aps.get_job(job.spec.id) if self._aps is not None else None
        nxt = aps_job.next_run_time if aps_job is not None else None
        job.next_run_at = nxt.astimezone(UTC) if nxt is not None else None
        job.late_at = (job.next_run_at or _now()) + self.timing.grace(job.spec.interval)

    # -- the watchdog ------------------------------------------------------------------------------------------
    async def _watch(self) -> None:
        """Look, and start saving the heartbeat in a task of its own: a write waiting on a locked table must not
        hold up the next look."""
        while True:
            try:
                self.check()
            except Exception as exc:
                self._watch_streak.failed(exc)
            else:
                self._watch_streak.ok()
            if self.store is not None and self.leading and (self._beat is None or self._beat.done()):
                self._beat = asyncio.create_task(self._save_heartbeat(), name=f"{self.name}: heartbeat")
            await asyncio.sleep(self.timing.watchdog)

    async def _save_heartbeat(self, stopped: bool = False) -> None:
        assert self.store is not None
        try:
            await self.store.save([self._run_record(j, stopped) for j in self.jobs.values()], _now())
        except Exception as exc:  # the database: the next look tries again
            self._beat_streak.failed(exc)
        else:
            self._beat_streak.ok()

    def check(self) -> None:
        """Restart the scheduler when it stopped taking jobs or a job missed its time; note a hung run once."""
        if self._stopping:
            return
        now, aps = _now(), self._aps
        if aps is None or aps.state != STATE_RUNNING:
            self._restart("it stopped running jobs (paused or shut down underneath)")
            return
        late = [j for j in self.jobs.values() if not j.running and j.late_at is not None and now > j.late_at]
        if late:
            j = late[0]
            since = j.last_run_at.astimezone(aps.timezone).strftime("%Y-%m-%d %H:%M:%S") if j.last_run_at else "start"
            self._restart(f"job {j.spec.id} ({j.spec.every}) has not run since {since}")
            return
        for j in self.jobs.values():
            if j.running and j.late_at is not None and now > j.late_at and not j.hung_logged:
                j.hung_logged = True  # restarting would not help: a run of it is still going
                log.error("scheduler %s: job %s has been running for over %g s", self.name, j.spec.id,
                          self.timing.run_allowance)  # fmt: skip

    def _run_record(self, job: _Job, stopped: bool = False) -> JobRun:
        # the row may be one watchdog period old when read: late only after that too
        late_at = None if stopped or job.late_at is None else job.late_at + timedelta(seconds=self.timing.watchdog)
        return JobRun(job.spec.id, job.spec.every, job.last_run_at, job.last_ok_at, job.running_since,
                      None if stopped else job.next_run_at, late_at, job.streak.count, job.streak.error)  # fmt: skip


async def stop_scheduler(scheduler: JobScheduler, timeout: float = 30.0) -> None:  # noqa: ASYNC109
    """Stop taking jobs, let the running ones finish, then shut down (see :meth:`JobScheduler.stop`)."""
    await scheduler.stop(timeout)
