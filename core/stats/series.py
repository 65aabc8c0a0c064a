"""Figures month by month, for the charts over time (issue 17 item 3): reports received by category and the three
on-time rates, for the months up to a period's last one. Each month is counted exactly as the tables count it
(:mod:`core.stats.timeliness` for the rates, received in the office's local days), so a chart never disagrees
with ``qingfeng stats --month``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from core.model import Category, ReportType, label_key
from core.persistence.orm import CaseRow
from core.services.context import CoreContext
from core.stats.frame import Frame, unit_scope
from core.stats.period import Period
from core.stats.timeliness import RATE_KINDS, on_time_table

MONTHS = 6  # a half year: enough to see a trend, few enough bars to read on a phone


@dataclass(frozen=True)
class MonthlySeries:
    months: tuple[date, ...]  # the first day of each month, oldest first
    received: tuple[tuple[str, tuple[int, ...]], ...]  # (label key, a count per month): categories, then types
    rates: tuple[tuple[str, tuple[float | None, ...]], ...]  # (row key of on_time, a percent per month or None)


def months_to(last: date, n: int = MONTHS) -> tuple[Period, ...]:
    """The ``n`` whole months ending with the month of ``last``, oldest first."""
    periods = []
    year, month = last.year, last.month
    for _ in range(n):
        periods.append(Period.month(f"{year:04d}-{month:02d}"))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return tuple(reversed(periods))


def _group(category: str | None, report_type: str) -> str:
    """An accusation by its category (问题类别); appeals and suggestions, which have none, by their type."""
    if category:
        return label_key(Category(category))
    return label_key(ReportType(report_type))


async def monthly_series(ctx: CoreContext, last: date, unit: str | None = None, *, alone: bool = False,
                         n: int = MONTHS) -> MonthlySeries:  # fmt: skip
    periods = months_to(last, n)
    counts: dict[str, list[int]] = {}
    rates: dict[str, list[float | None]] = {key: [] for key, _ in RATE_KINDS}
    async with ctx.uow() as uow:
        s = uow.session
        ids = (await unit_scope(s, unit, alone))[1] if unit else None
        for i, period in enumerate(periods):
            f = Frame(period=period, start=period.start(ctx.tz), end=period.end(ctx.tz), now=ctx.now(),
                      today=ctx.today(), tz=ctx.tz, calendar=ctx.calendar, dialect=s.get_bind().dialect.name,
                      unit_ids=ids)  # fmt: skip
            c = CaseRow
            query = (select(c.category, c.report_type, func.count()).where(f.during(c.received_at), f.units(c.unit_id))
                     .group_by(c.category, c.report_type))  # fmt: skip
            for category, report_type, k in await s.execute(query):
                counts.setdefault(_group(category, report_type), [0] * len(periods))[i] += int(k)
            table = await on_time_table(s, f)
            for key, _ in RATE_KINDS:
                value = table.value(key, len(table.columns) - 1)
                rates[key].append(None if value is None else float(value))
    order = [label_key(x) for x in Category] + [label_key(t) for t in ReportType]
    received = tuple((key, tuple(counts[key])) for key in order if key in counts)
    return MonthlySeries(tuple(p.first for p in periods), received,
                         tuple((key, tuple(v)) for key, v in rates.items()))  # fmt: skip
