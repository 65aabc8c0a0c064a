"""One simulated period on a built App: the office set up, the reports arriving, the officers and the jobs at
work on the injected clock, then the accounting. ``bench/office_year.py`` and the suite's quarter call it."""

from __future__ import annotations

import random
import time as wall
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from core.clock import ManualClock
from core.model import Role
from core.persistence.orm import CaseRow, UrgentNoteRow
from core.stats.period import Period
from qingfeng.app import App
from qingfeng.simulation.arrivals import Arrival, arrivals
from qingfeng.simulation.clockwork import Clockwork, Deliveries
from qingfeng.simulation.duties import Accounting, account, next_working_day, results_delivered
from qingfeng.simulation.office import COUNTY, build_office
from qingfeng.simulation.staff import Staff


@dataclass
class Outcome:
    first: date
    last: date
    seed: int
    reports: int
    accounting: Accounting
    staff: Staff
    clockwork: Clockwork
    states: dict[str, int]
    on_time: dict[str, tuple[int, int, float | None]]  # stats row → (due, on time, rate %)
    urgent: dict[str, Any]
    results_delivered: int
    wall_seconds: float
    setup_seconds: float
    database: str


async def simulate(app: App, reports: int, seed: int, first: date, last: date) -> Outcome:
    """``reports`` drawn with ``seed`` between ``first`` and ``last``; the App must be on an empty database.
    The App's clock is replaced by a :class:`ManualClock` for the run (and left there)."""
    started = wall.perf_counter()
    tz = app.ctx.tz
    clock = ManualClock(datetime.combine(first - timedelta(days=1), time(9), tz))
    app.ctx.clock = clock
    office = await build_office(app)
    rng = random.Random(seed)
    clockwork = Clockwork(app, clock, office, Deliveries(clock))
    staff = Staff(app, office, rng, clockwork.schedule, urgent_raised=clockwork.urgent_raised)
    clockwork.attach(staff)
    await app.urgent.set_on_duty(office.of(COUNTY, Role.INTAKE)[0].id, True)  # the duty rota's first name
    drawn = arrivals(random.Random(seed + 1), reports, first, last, app.ctx.calendar, tz)
    for a in drawn:
        clockwork.schedule(a.at, _arrive(staff, a))
    setup = wall.perf_counter() - started
    # on to the next working day after the period: the escalation of a duty missed on its last day comes then
    await clockwork.run(first, next_working_day(last, app.ctx.calendar))
    accounting = await account(app, clockwork.deliveries.sent, first, last, app.reminders.policy)
    leader = office.of(COUNTY, Role.SUPERVISOR)[0]
    figures = await app.stats.figures(leader.actor, Period(first, last))
    on_time = {row.label.removeprefix("stats.row."): (int(row.values[0] or 0), int(row.values[1] or 0),
                                                       _percent(row.values[3]))
               for row in figures.table("on_time").rows}  # fmt: skip
    return Outcome(
        first=first, last=last, seed=seed, reports=len(drawn), accounting=accounting, staff=staff,
        clockwork=clockwork, states=await _states(app), on_time=on_time, urgent=await _urgent(app),
        results_delivered=results_delivered(clockwork.deliveries.sent), wall_seconds=wall.perf_counter() - started,
        setup_seconds=setup, database=app.engine.dialect.name,
    )  # fmt: skip


def _arrive(staff: Staff, a: Arrival) -> Any:
    async def arrive() -> None:
        await staff.arrive(a)

    return arrive


def _percent(value: object) -> float | None:
    return round(float(value), 1) if isinstance(value, int | float) else None


async def _states(app: App) -> dict[str, int]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(select(CaseRow.state, func.count()).group_by(CaseRow.state))
        return {state: int(n) for state, n in sorted(rows.all())}


async def _urgent(app: App) -> dict[str, Any]:
    """Urgent messages, minutes until an officer acted on each (median, longest), and re-pushes."""
    async with app.ctx.uow() as uow:
        notes = (await uow.session.execute(select(UrgentNoteRow.at, UrgentNoteRow.handled_at,
                                                  UrgentNoteRow.pushes))).all()  # fmt: skip
    waits = sorted((h - at).total_seconds() / 60 for at, h, _ in notes if h is not None)
    return {
        "messages": len(notes), "handled": len(waits), "repushes": sum(p for _, _, p in notes),
        "median_minutes": round(waits[len(waits) // 2], 1) if waits else None,
        "longest_minutes": round(waits[-1], 1) if waits else None,
    }  # fmt: skip
