"""``qingfeng scheduler status``: is the running bot's scheduler alive? Read from the heartbeat its watchdog
saves in ``job_runs`` (the CLI is another process), with the reminders due soon. Times in Beijing time."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from core.clock import OFFICE_TZ
from core.services.job_runs import JobHealth, JobRun
from core.services.leases import Leases
from qingfeng.app import App
from qingfeng.cli_output import table
from qingfeng.scheduler import job_specs

HEADLINES = {
    "never": "never started on this database: no heartbeat (start the bot: qingfeng run)",
    JobHealth.LATE: "LATE: jobs have not run on time; the bot is down or its scheduler stuck (the bot restarts "
    "a stuck scheduler by itself: see its log)",
    JobHealth.STOPPED: "stopped: the bot stopped its scheduler (the bot is not running)",
    JobHealth.FAILING: "running, but jobs fail (see the bot's log): they are retried at every run",
    JobHealth.RUNNING: "alive",
    JobHealth.OK: "alive",
}
WORST_FIRST = (JobHealth.LATE, JobHealth.STOPPED, JobHealth.FAILING, JobHealth.RUNNING, JobHealth.OK)


def _at(moment: datetime | None) -> str | None:
    return moment.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M:%S") if moment is not None else None


def _state(run: JobRun, health: JobHealth) -> str:
    if health is JobHealth.FAILING:
        return f"FAILING ({run.failures} runs, {run.error})"
    if health is JobHealth.RUNNING:
        return f"running since {_at(run.running_since)}"
    return health.value.upper() if health is JobHealth.LATE else health.value


async def _leader(app: App, now: datetime) -> str:
    """Which instance runs the jobs (issue 18): the holder of the jobs' lease, host:pid:run."""
    lease = await Leases(app.ctx).current()
    if lease is None:
        return "leader: none yet (no instance has run the jobs on this database)"
    if lease.expires_at <= now:
        ended = _at(lease.expires_at)
        return f"leader: none now (the lease of {lease.holder} ended {ended}; the next instance to ask takes it)"
    return f"leader: {lease.holder}, since {_at(lease.since)} (lease renewed until {_at(lease.expires_at)})"


UPCOMING_SHOWN = 30  # the first reminders due, by day


async def cmd_scheduler_status(app: App, args: argparse.Namespace) -> int:
    """0 when the scheduler is alive and its jobs succeed; 1 when it is late, stopped, failing or never ran."""
    now = datetime.now(UTC)
    runs = {r.job: r for r in await app.job_runs.load()}
    order = [s.id for s in job_specs()]
    ordered = [runs[j] for j in order if j in runs] + [r for j, r in runs.items() if j not in order]
    healths = {r.job: r.health(now) for r in ordered}
    worst = next((h for h in WORST_FIRST if h in healths.values()), None)
    print(f"scheduler: {HEADLINES[worst or 'never']}  (now {_at(now)}, Beijing time)")
    print(await _leader(app, now))
    if ordered:
        rows = [(r.job, r.every, _at(r.last_run_at), _at(r.last_ok_at), _at(r.next_run_at), _state(r, healths[r.job]))
                for r in ordered]  # fmt: skip
    else:
        rows = [(s.id, s.every, None, None, None, "never ran") for s in job_specs()]
    table(rows, ("job", "schedule", "last run", "last success", "next due", "state"))
    upcoming = await app.reminders.upcoming(7)
    print(f"reminders due in the next 7 days: {len(upcoming)}")
    for day, number, kind, slot in upcoming[:UPCOMING_SHOWN]:
        print(f"  {day}  {number}  {kind:20} {slot}")
    if len(upcoming) > UPCOMING_SHOWN:  # an office with 100 k cases has tens of thousands: a count, not a flood
        print(f"  … and {len(upcoming) - UPCOMING_SHOWN} more")
    return 0 if worst in (JobHealth.OK, JobHealth.RUNNING) else 1
