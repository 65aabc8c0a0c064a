"""Days and working days inside SQL, the same on SQLite and PostgreSQL.

Times are stored in UTC; duties and durations are counted in the office's local days (rules.md §2). PostgreSQL
converts with its time-zone database (``AT TIME ZONE``); SQLite has none, so the zone's UTC offsets over the span
are turned into a ``CASE`` over the instants where the offset changes (none for Asia/Shanghai).

Working days come from the project's calendar (core.calendar.workdays, 调休 included) as a small table of
ordinals: ``ordinal(d)`` counts the working days up to and including ``d``, so the working days from ``a`` to
``b`` (``a`` not counted, 民法典 Art 201) are ``ordinal(b) - ordinal(a)``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import CTE, Date, Integer, SQLColumnExpression, cast, column, func, literal, values
from sqlalchemy import case as when
from sqlalchemy.sql.elements import ColumnElement

from core.calendar.workdays import WorkCalendar
from core.errors import InvalidInput

#: The ordinal table has two bind parameters a day; asyncpg takes at most 32,767 in one statement.
MAX_SPAN_DAYS = 40 * 366


def local_day(col: SQLColumnExpression[Any], dialect: str, tz: ZoneInfo, lo: date, hi: date) -> ColumnElement[date]:
    """The office's calendar day of the UTC time ``col``; ``lo``..``hi`` bound the days it may fall on (SQLite's
    offsets are worked out for that span only)."""
    if dialect == "postgresql":
        return cast(func.timezone(tz.key, col), Date)
    segments = _offsets(tz, lo, hi)
    if len(segments) == 1:
        return func.date(col, _modifier(segments[0][1]))
    whens = [(col < until, func.date(col, _modifier(offset))) for until, offset in segments[:-1]]
    return when(*whens, else_=func.date(col, _modifier(segments[-1][1])))


def _modifier(offset: timedelta) -> str:
    return f"{int(offset.total_seconds()):+d} seconds"


def _offsets(tz: ZoneInfo, lo: date, hi: date) -> list[tuple[datetime, timedelta]]:
    """(until, offset) pieces covering ``lo``..``hi``: the offset holds before ``until`` (the last piece: beyond)."""

    def offset(moment: datetime) -> timedelta:
        return moment.astimezone(tz).utcoffset() or timedelta(0)

    start = datetime(lo.year, lo.month, lo.day, tzinfo=UTC) - timedelta(days=1)
    end = datetime(hi.year, hi.month, hi.day, tzinfo=UTC) + timedelta(days=2)
    pieces: list[tuple[datetime, timedelta]] = []
    current, moment = offset(start), start
    while moment < end:
        following = moment + timedelta(days=1)
        if offset(following) != current:  # the change lies within this day: find its hour
            change = moment
            while offset(change) == current:
                change += timedelta(minutes=15)
            pieces.append((change, current))
            current = offset(change)
        moment = following
    pieces.append((end, current))
    return pieces


def ordinals(cal: WorkCalendar, lo: date, hi: date, name: str = "workdays") -> CTE:
    """A table ``(day, ordinal)`` for every day of ``lo``..``hi``: the working days up to and including it."""
    days = (hi - lo).days + 1
    if days > MAX_SPAN_DAYS:
        raise InvalidInput("period", f"spans {days} days; at most {MAX_SPAN_DAYS} can be counted")
    rows: list[tuple[date, int]] = []
    count = 0
    for i in range(max(days, 1)):
        day = lo + timedelta(days=i)
        count += cal.is_workday(day)
        rows.append((day, count))
    return values(column("day", Date), column("ordinal", Integer), name=name).data(rows).cte(name)


def oldest_within(cal: WorkCalendar, today: date, n: int) -> date:
    """The earliest day whose age on ``today`` is at most ``n`` working days (the day itself not counted): a case
    received on or after it is at most ``n`` working days old."""
    day, age = today, 0
    while age + cal.is_workday(day) <= n:
        age += cal.is_workday(day)
        day -= timedelta(days=1)
    return day


def percentile_parts(rn: ColumnElement[int], n: ColumnElement[int], wd: ColumnElement[int], k: int, m: int
                     ) -> ColumnElement[int]:  # fmt: skip
    """``m`` times the ``k/m`` percentile by linear interpolation between ranks (PostgreSQL's percentile_cont,
    numpy's default), as a sum over rows numbered ``rn`` of ``n`` in the order of ``wd``: integer arithmetic only,
    which both databases divide the same way. The caller divides the sum by ``m``."""
    step = literal(k) * (n - 1)
    low = 1 + step // m
    frac = step % m
    return func.sum(when((rn == low, wd * (m - frac)), (rn == low + 1, wd * frac), else_=0))
