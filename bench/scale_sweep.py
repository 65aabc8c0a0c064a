"""The reminder sweep and the digests at one size, for bench/scale.py.

One database per size (a SQLite file, or a throwaway PostgreSQL database), the app built as ``qingfeng run``
builds it (migrations included) with an injected clock at 09:00 on a working day, the office of the tests, N
cases built by :mod:`scale_build`. Then, through the public entry points the scheduler calls:

1. ``first``: the first sweep of the day (every reminder in the window is new);
2. ``steady``: a second sweep right after (nothing new: what every 5-minute sweep costs);
3. ``steady_due``: a sweep after :data:`STEADY_DUE` more deadlines fell due today (the 5-minute sweep with work);
4. ``digests``: the morning digests;
5. ``next_day`` and ``next_day_digests``: the clock moved a day on, the first sweep and the digests of that day.

Each with the probe (scale_probe) beside it and the SQL statements counted.
"""

from __future__ import annotations

import resource
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from core.clock import ManualClock
from qingfeng.app import App, build_app
from qingfeng.runner import settle_heap

# isort: split
from app_setup import create_pg_database, drop_pg_database, make_settings, seed_office
from scale_build import Builder, Built
from scale_probe import Probe, Statements, measure, summary

OFFICE_TZ = ZoneInfo("Asia/Shanghai")
TODAY_9AM = datetime(2026, 11, 16, 9, 0, tzinfo=OFFICE_TZ)  # a Monday; the window and the next day are workdays
STEADY_DUE = 400  # newly due deadlines at 100 k cases and more; n / 250 below (the same share)


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class Database:
    """A fresh database for one size: a SQLite file under ``tmp``, or a throwaway one next to ``admin_url``."""

    def __init__(self, tmp: Path, label: str, admin_url: str | None) -> None:
        self.tmp, self.label, self.admin_url = tmp, label, admin_url
        self.pg_name: str | None = None
        self.app: App | None = None

    async def open(self, clock: Any = None) -> App:
        if self.admin_url:
            url, self.pg_name = await create_pg_database(self.admin_url)
        else:
            url = f"sqlite+aiosqlite:///{self.tmp / f'{self.label}.db'}"
        self.app = await build_app(make_settings(self.tmp / f"data-{self.label}", url), clock=clock, upgrade=True)
        return self.app

    async def close(self) -> None:
        if self.app is not None:
            await self.app.close()
        if self.pg_name is not None and self.admin_url:
            await drop_pg_database(self.admin_url, self.pg_name)
        for leftover in self.tmp.glob(f"{self.label}.db*"):
            leftover.unlink()
        shutil.rmtree(self.tmp / f"data-{self.label}", ignore_errors=True)


async def build(app: App, clock: ManualClock, n: int) -> tuple[Builder, Built]:
    await seed_office(app)
    builder = Builder(app, clock)
    await builder.file_templates()
    built = Built()
    await builder.add(builder.plan(n - len(builder.templates[True]) - len(builder.templates[False])), built)
    built.cases += len(builder.templates[True]) + len(builder.templates[False])
    await builder.analyze()
    await Probe.prepare(app)
    settle_heap()  # as `qingfeng run` does once it polls; what the bench built is not the product's
    return builder, built


async def sweep_at(n: int, tmp: Path, admin_url: str | None) -> dict[str, Any]:
    """Every figure of the sweep section at ``n`` cases; ``failed`` figures stand in for work that raised."""
    out: dict[str, Any] = {"cases": n}
    clock = ManualClock(TODAY_9AM)
    db = Database(tmp, f"sweep-{n}", admin_url)
    try:
        app = await db.open(clock)
        try:
            builder, built = await build(app, clock, n)
        except Exception as exc:
            out["build"] = {"failed": summary(exc)}
            return out
        out["build"] = {"seconds": round(built.seconds, 1), "cases": built.cases, "rows": built.rows,
                        "open_in_window": built.in_window, "shapes": dict(built.shapes)}  # fmt: skip
        statements = Statements(app)
        reminders = app.reminders  # the App's one service, as the scheduler uses it

        first = await measure(app, statements, reminders.sweep)
        if first.get("queued"):
            first["statements_per_reminder"] = round(first["statements"] / first["queued"], 2)
        out["first"] = first
        out["steady"] = await measure(app, statements, reminders.sweep)

        started = time.perf_counter()
        newly_due = max(1, min(STEADY_DUE, n // 250))
        await builder.add(builder.due_today(newly_due), Built())
        out["steady_due"] = {"newly_due": newly_due, **await measure(app, statements, reminders.sweep)}
        out["steady_due"]["added_in_s"] = round(time.perf_counter() - started, 2)
        out["digests"] = await measure(app, statements, reminders.digests)

        clock.advance(timedelta(days=1))
        out["next_day"] = await measure(app, statements, reminders.sweep)
        out["next_day_digests"] = await measure(app, statements, reminders.digests)
        out["peak_rss_mb"] = peak_rss_mb()
        return out
    finally:
        await db.close()


def done(figures: dict[str, Any]) -> list[str]:
    """What was not done at this size (the script then exits 1): the build, or a sweep or digest that raised."""
    problems = []
    if "failed" in figures.get("build", {}):
        problems.append(f"{figures['cases']:,} cases: build {figures['build']['failed']}")
    for key in ("first", "steady", "steady_due", "digests", "next_day", "next_day_digests"):
        if "failed" in figures.get(key, {}):
            problems.append(f"{figures['cases']:,} cases: {key} failed: {figures[key]['failed']}")
    return problems
