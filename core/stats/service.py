"""The seam: :func:`compute_figures` returns every table for a period and a unit as typed data, read in one
transaction so the tables agree with each other. The CLI prints it; charts, the bot's ``/stats`` and a monthly
push can call it the same way."""

from __future__ import annotations

from sqlalchemy import text

from core.services.context import CoreContext
from core.stats import assigned, intake, outcomes, timeliness
from core.stats.figures import Figures
from core.stats.frame import Frame, unit_scope
from core.stats.period import Period

#: PostgreSQL's memory for each sort or hash of the statistics' statements (``SET LOCAL``: this transaction only).
WORK_MEM = "64MB"

#: Each table's definition by its key, in the order :func:`compute_figures` returns them (docs/stats.md copies them).
DEFINITIONS: dict[str, str] = {
    "received_by_channel": intake.BY_CHANNEL,
    "received_by_type": intake.BY_TYPE,
    "received_by_category": intake.BY_CATEGORY,
    "received_by_region": intake.BY_REGION,
    "received_by_level": intake.BY_LEVEL,
    "decisions": intake.DECISIONS,
    "not_accepted_referred_to": intake.NOT_ACCEPTED_TO,
    "transferred_to": intake.TRANSFERRED_TO,
    "first_or_repeat": intake.FIRST_OR_REPEAT,
    "disposals": outcomes.DISPOSALS,
    "on_time": timeliness.ON_TIME,
    "working_days_to_conclude": timeliness.DURATION,
    "open_by_age": timeliness.OPEN_AGE,
    "overdue_now": timeliness.OVERDUE,
    "satisfaction": outcomes.SATISFACTION,
    "awaiting_report_back": outcomes.AWAITING,
    "assigned": assigned.DEFINITION,
}


async def compute_figures(ctx: CoreContext, period: Period, unit: str | None = None, *, alone: bool = False
                          ) -> Figures:  # fmt: skip
    """The figures for ``period`` (the office's local days) and ``unit`` (a code; None: every unit) with the units
    below it unless ``alone``. Raises NotFound for an unknown unit code."""
    now = ctx.now()
    async with ctx.uow() as uow:
        s = uow.session
        if s.get_bind().dialect.name == "postgresql":  # one snapshot for every statement (SQLite's read has one)
            await s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            # sorts and hashes of a period's rows in memory, for this read only (the default 4 MB spilled two years
            # of conclusions to disk: 2 s instead of 0.3 s)
            await s.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
        unit_row, ids = await unit_scope(s, unit, alone) if unit else (None, None)
        f = Frame(period=period, start=period.start(ctx.tz), end=period.end(ctx.tz), now=now, today=ctx.today(),
                  tz=ctx.tz, calendar=ctx.calendar, dialect=s.get_bind().dialect.name, unit_ids=ids)  # fmt: skip
        received, taken = await intake.cohort(s, f), await outcomes.steps(s, f)
        tables = [
            *await intake.received_tables(s, f, received),
            *await intake.decision_tables(s, f, received),
            await intake.repeat_table(s, f, received),
            outcomes.disposal_table(taken),
            await timeliness.on_time_table(s, f),
            await timeliness.duration_table(s, f),
            await timeliness.open_age_table(s, f),
            await timeliness.overdue_table(s, f),
            outcomes.satisfaction_table(taken),
            await outcomes.awaiting_result_table(s, f),
            await assigned.assigned_table(s, f),
        ]
    code, name = (unit_row.code, unit_row.name) if unit_row else (None, None)
    return Figures(first=period.first, last=period.last, unit=code, unit_name=name, alone=alone, as_of=now,
                   tables=tuple(tables))  # fmt: skip
