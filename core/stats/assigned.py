"""交办件 (matters assigned by a higher commission) for the quarterly 通报 (rules.md §10.3: "对中央、省、地级
纪检监察机关要求查报结果的，县一级要自办", result within the 交办函's period, D15; quarterly 通报 of
交办件, 003 篇二 [seed]).

One table, the same for the CLI, ``/stats`` and the quarterly push: what came in, what was reported back (报结)
and whether in time, what was extended, and what is still open or overdue. A case's D15 deadline is the duty:
met by the 报结 (or the appeal's decision), moved by an extension (申请延长).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar.deadlines import DeadlineKind
from core.model import Action, Channel, DeadlineState
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow
from core.services.context import CoreContext
from core.stats.figures import Row, Table, rate
from core.stats.frame import Frame, count_if, unit_scope
from core.stats.period import Period
from core.stats.sqlday import local_day

DEFINITION = (
    "Matters assigned by a higher commission (交办, channel assigned_by_higher; rules.md §10.3, D15). received: "
    "such cases received in the period; reported: their D15 duty met (result reported up, 报结) in the period, "
    "and of those on time: met on or before its due day (office's local date); extended: extensions (申请延长) "
    "recorded in the period; open and overdue: D15 duties open now, and of those past their due day."
)
ROWS = ("received", "reported", "reported_on_time", "on_time_rate", "extended", "open", "overdue")


async def assigned_table(s: AsyncSession, f: Frame) -> Table:
    d, c = DeadlineRow, CaseRow
    duty = and_(d.case_id == c.id, d.kind == DeadlineKind.ASSIGNED_BY_HIGHER.value, f.units(c.unit_id))
    assigned = (c.channel == Channel.ASSIGNED_BY_HIGHER.value, f.during(c.received_at), f.units(c.unit_id))
    received = await s.scalar(select(func.count()).select_from(c).where(*assigned))
    met = (d.state == DeadlineState.MET.value) & f.during(d.closed_at)
    is_open = d.state == DeadlineState.OPEN.value
    # on time: the office's local day of the 报结 against the due day, in the same statement (a 报结 counted here
    # falls within the period, so the SQLite offsets need only the period's days)
    met_day = local_day(d.closed_at, f.dialect, f.tz, f.period.first, f.period.last + timedelta(days=1))
    counts = (
        await s.execute(
            select(count_if(met), count_if(met & (met_day <= d.due_date)), count_if(is_open),
                   count_if(is_open & (d.due_date < f.today)))
            .select_from(d)
            .join(c, duty)
        )
    ).one()  # fmt: skip
    on_time = int(counts[1])
    extended = await s.scalar(
        select(func.count()).select_from(CaseEventRow).join(c, CaseEventRow.case_id == c.id)
        .where(CaseEventRow.action == Action.EXTEND.value, f.during(CaseEventRow.at), f.units(c.unit_id))
    )  # fmt: skip
    values = {"received": int(received or 0), "reported": int(counts[0]), "reported_on_time": on_time,
              "on_time_rate": rate(on_time, int(counts[0])), "extended": int(extended or 0),
              "open": int(counts[2]), "overdue": int(counts[3])}  # fmt: skip
    rows = tuple(Row(f"stats.assigned.{key}", (values[key],)) for key in ROWS)
    return Table("assigned", "stats.table.assigned", ("stats.col.cases",), rows, DEFINITION)


async def assigned_figures(ctx: CoreContext, period: Period, unit: str | None = None, *, alone: bool = False
                           ) -> Table:  # fmt: skip
    """The 交办 table for ``period`` and ``unit`` (with the units below it unless ``alone``)."""
    async with ctx.uow() as uow:
        s = uow.session
        ids = (await unit_scope(s, unit, alone))[1] if unit else None
        f = Frame(period=period, start=period.start(ctx.tz), end=period.end(ctx.tz), now=ctx.now(),
                  today=ctx.today(), tz=ctx.tz, calendar=ctx.calendar, dialect=s.get_bind().dialect.name,
                  unit_ids=ids)  # fmt: skip
        return await assigned_table(s, f)
