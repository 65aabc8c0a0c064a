"""On time or late: duties met by their due day, working days to conclude, open cases' age, duties overdue now.

Due days are the ones the product set (core.calendar.deadlines: counted in working days with 调休, moved by an
approved extension); a duty is met on time when it was met on or before its due day, in the office's local days.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import CTE, ColumnElement, Select, func, literal, select, union_all
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar.deadlines import DeadlineKind as D
from core.model import CaseState, DeadlineState, ReportType, label_key
from core.persistence.orm import CaseRow, DeadlineRow
from core.stats.figures import Row, Table, rate
from core.stats.frame import TOTAL, Frame, count_if, grouped
from core.stats.period import local_midnight
from core.stats.sqlday import local_day, oldest_within, ordinals, percentile_parts

ON_TIME = (
    "On-time rates of duties whose due day falls in the period: 按期受理告知率 (D3, telling a named reporter the "
    "受理情况 within 15 working days of receipt), 按期反馈率 (D4, feeding the result back within 15 working days of "
    "the conclusion) and 按期办结率 (concluding by the due day of a duty that sets one: an appeal's answer D10–D14, "
    "a 交办 case's report back D15 with its approved extension). Due: duties met, plus duties still open after "
    "their due day; a duty cancelled (the report was a repeat, the case archived) or still open and not yet due "
    "is left out. On time: met on or before the due day, in the office's local days."
)
DURATION = (
    "Working days from receipt to conclusion (办结) of the cases concluded in the period: the receipt day is not "
    "counted (民法典 Art 201), holidays are skipped and 调休 make-up days count, by the project's calendar. "
    "Median and 90th percentile by linear interpolation between ranks (as PostgreSQL's percentile_cont)."
)
OPEN_AGE = (
    "Open cases now (not yet concluded, closed, not accepted, joined as duplicates or archived; a transfer not yet "
    "taken in counts at the sender), by working days since receipt (the receipt day not counted). A snapshot at "
    "the time of the run, whatever the period."
)
OVERDUE = (
    "Duties overdue now: deadlines still open whose due day is before today, by duty, at the unit that holds the "
    "case. A snapshot at the time of the run, whatever the period."
)

#: The duties of each on-time rate (rules.md §2).
RATE_KINDS: tuple[tuple[str, tuple[D, ...]], ...] = (
    ("stats.row.acceptance_notice_on_time", (D.ACCEPTANCE_NOTICE,)),
    ("stats.row.feedback_on_time", (D.RESULT_FEEDBACK,)),
    ("stats.row.concluded_on_time", (D.WRITTEN_OPINION, D.REVIEW_ANSWER, D.RECHECK_ANSWER, D.SUPERVISION_APPEAL,
                                     D.ASSIGNED_BY_HIGHER)),
)  # fmt: skip

#: Upper bounds of the open cases' age bands, in working days; the last band is everything older.
AGE_BANDS = (5, 15, 30, 60, 90)

#: States of an open case (:data:`OPEN_AGE`).
OPEN_CASE_STATES = (
    CaseState.RECEIVED, CaseState.REGISTERED, CaseState.TRANSFERRED_UP, CaseState.TRANSFERRED_DOWN,
    CaseState.ACCEPTED, CaseState.ASSIGNED, CaseState.DISPOSAL, CaseState.PARKED, CaseState.INVESTIGATION,
    CaseState.REOPENED, CaseState.LEADER_REVIEW,
)  # fmt: skip


async def on_time_table(s: AsyncSession, f: Frame) -> Table:
    d, c = DeadlineRow, CaseRow
    met_day = local_day(d.closed_at, f.dialect, f.tz, f.period.first - timedelta(days=366), f.today)
    group = when(*((d.kind.in_([k.value for k in kinds]), literal(key)) for key, kinds in RATE_KINDS))
    met = d.state == DeadlineState.MET.value
    late_open = (d.state == DeadlineState.OPEN.value) & (d.due_date < f.today)
    query = (
        select(group, func.count(), count_if(met & (met_day <= d.due_date)))
        .join(c, c.id == d.case_id)
        .where(d.kind.in_([k.value for _, kinds in RATE_KINDS for k in kinds]),
               d.due_date >= f.period.first, d.due_date <= f.period.last, met | late_open, f.units(c.unit_id))
        .group_by(group)
    )  # fmt: skip
    found = {key: (int(due), int(on_time)) for key, due, on_time in await s.execute(query)}
    rows = []
    for key, _ in RATE_KINDS:
        due, on_time = found.get(key, (0, 0))
        rows.append(Row(key, (due, on_time, due - on_time, rate(on_time, due))))
    columns = ("stats.col.due", "stats.col.on_time", "stats.col.late", "stats.col.rate")
    return Table("on_time", "stats.table.on_time", columns, tuple(rows), ON_TIME)


async def duration_table(s: AsyncSession, f: Frame) -> Table:
    c = CaseRow
    concluded = (f.during(c.concluded_at), f.units(c.unit_id))
    oldest = await s.scalar(select(func.min(c.received_at)).where(*concluded))
    columns = ("stats.col.cases", "stats.col.median_wd", "stats.col.p90_wd")
    rows: list[Row] = []
    if oldest is None:
        rows = [Row(TOTAL, (0, None, None))]
        return Table("working_days_to_conclude", "stats.table.working_days_to_conclude", columns, tuple(rows),
                     DURATION)  # fmt: skip
    lo = oldest.astimezone(f.tz).date() - timedelta(days=1)
    hi = f.period.last + timedelta(days=1)
    days = ordinals(f.calendar, lo, hi)
    got, done = days.alias("got"), days.alias("done")
    spans = (
        select(c.report_type.label("kind"), (done.c.ordinal - got.c.ordinal).label("wd"))
        .join(got, got.c.day == local_day(c.received_at, f.dialect, f.tz, lo, hi))
        .join(done, done.c.day == local_day(c.concluded_at, f.dialect, f.tz, lo, hi))
        .where(*concluded)
        .cte("spans")
    )
    found = await _percentiles(s, spans)
    rows.append(Row(TOTAL, found.get("-", (0, None, None))))
    rows += [Row(label_key(t), found.get(t.value, (0, None, None))) for t in ReportType]
    return Table("working_days_to_conclude", "stats.table.working_days_to_conclude", columns, tuple(rows), DURATION)


async def _percentiles(s: AsyncSession, spans: CTE) -> dict[str, tuple[int, float | None, float | None]]:
    """Per report type and for all ("-"): the number of cases, the median and the 90th percentile of their
    working days, in one statement (the spans are worked out once)."""

    def ranked(kind: ColumnElement[str], part: list[ColumnElement[str]]) -> Select[Any]:
        return select(kind.label("kind"), spans.c.wd,
                      func.row_number().over(partition_by=part, order_by=spans.c.wd).label("rn"),
                      func.count().over(partition_by=part).label("n"))  # fmt: skip

    both = union_all(ranked(spans.c.kind, [spans.c.kind]), ranked(literal("-"), [])).subquery()
    rn, n, wd = both.c.rn, both.c.n, both.c.wd
    query = select(both.c.kind, func.max(n), percentile_parts(rn, n, wd, 1, 2), percentile_parts(rn, n, wd, 9, 10))
    out: dict[str, tuple[int, float | None, float | None]] = {}
    for kind, count, median2, p90x10 in await s.execute(query.group_by(both.c.kind)):
        out[kind] = (int(count), int(median2) / 2, int(p90x10) / 10)
    return out


async def open_age_table(s: AsyncSession, f: Frame) -> Table:
    c = CaseRow
    edges = [oldest_within(f.calendar, f.today, n) for n in AGE_BANDS]
    starts = [local_midnight(day, f.tz) for day in edges]
    band = when(*((c.received_at >= start, literal(i)) for i, start in enumerate(starts)), else_=literal(len(starts)))
    query = (select(band, func.count())
             .where(c.state.in_([st.value for st in OPEN_CASE_STATES]), f.units(c.unit_id)).group_by(band))  # fmt: skip
    counts = await grouped(s, query)
    rows = []
    low = 0
    for i, high in enumerate(AGE_BANDS):
        rows.append(Row("stats.row.age_band", (counts.get(i, 0),), params=(("low", low), ("high", high))))
        low = high + 1
    rows.append(Row("stats.row.age_over", (counts.get(len(AGE_BANDS), 0),), params=(("low", AGE_BANDS[-1]),)))
    rows.append(Row(TOTAL, (sum(counts.values()),)))
    return Table("open_by_age", "stats.table.open_by_age", ("stats.col.cases",), tuple(rows), OPEN_AGE)


async def overdue_table(s: AsyncSession, f: Frame) -> Table:
    d, c = DeadlineRow, CaseRow
    query = (
        select(d.kind, func.count())
        .join(c, c.id == d.case_id)
        .where(d.state == DeadlineState.OPEN.value, d.due_date < f.today, f.units(c.unit_id))
        .group_by(d.kind)
    )
    counts = await grouped(s, query)
    rows = [Row(f"deadline.{k.value}", (counts[k.value],)) for k in D if counts.get(k.value)]
    rows.append(Row(TOTAL, (sum(counts.values()),)))
    return Table("overdue_now", "stats.table.overdue_now", ("stats.col.duties",), tuple(rows), OVERDUE)
