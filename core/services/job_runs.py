"""The scheduler's heartbeat in SQL: how each periodic job last ran, so another process can tell whether the
bot's scheduler is alive (``qingfeng scheduler status``). Times are wall-clock UTC, not the business clock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from core.persistence.orm import JobRunRow
from core.services.context import CoreContext


class JobHealth(StrEnum):
    OK = "ok"
    RUNNING = "running"
    FAILING = "failing"  # runs on time, but its last runs raised
    LATE = "late"  # no sign of life by ``late_at``: the scheduler is dead or stuck
    STOPPED = "stopped"  # the bot stopped its scheduler cleanly


@dataclass(frozen=True)
class JobRun:
    job: str
    every: str
    last_run_at: datetime | None = None
    last_ok_at: datetime | None = None
    running_since: datetime | None = None
    next_run_at: datetime | None = None
    late_at: datetime | None = None
    failures: int = 0
    error: str | None = None

    def health(self, now: datetime) -> JobHealth:
        if self.late_at is None:
            return JobHealth.STOPPED
        if now > self.late_at:
            return JobHealth.LATE
        if self.running_since is not None:
            return JobHealth.RUNNING
        return JobHealth.FAILING if self.failures else JobHealth.OK


_FIELDS = [f.name for f in fields(JobRun)]


class JobRunStore:
    """One short transaction per call; the bot's watchdog saves, the CLI loads."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def save(self, runs: Iterable[JobRun], now: datetime) -> None:
        async with self.ctx.uow() as uow:
            s = uow.session
            for run in runs:
                row = await s.get(JobRunRow, run.job)
                if row is None:
                    row = JobRunRow(job=run.job)
                    s.add(row)
                for name in _FIELDS[1:]:
                    setattr(row, name, getattr(run, name))
                row.updated_at = now
            await uow.commit()

    async def load(self) -> list[JobRun]:
        async with self.ctx.uow() as uow:
            rows = (await uow.session.execute(select(JobRunRow).order_by(JobRunRow.job))).scalars()
            return [JobRun(**{name: getattr(r, name) for name in _FIELDS}) for r in rows]
