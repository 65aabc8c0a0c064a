"""Days in SQL for the statistics (core.stats.sqlday, core.stats.period): the office's local day of a UTC time on
SQLite, also in a zone with summer time; working-day ordinals and ages across National Day 2026."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, insert, select
from sqlalchemy.ext.asyncio import create_async_engine

from core.calendar.workdays import WorkCalendar
from core.errors import InvalidInput
from core.persistence.orm import UtcDateTime
from core.stats.period import Period
from core.stats.sqlday import local_day, oldest_within, ordinals

CAL = WorkCalendar()


def test_periods() -> None:
    assert Period.quarter("2026Q3") == Period(date(2026, 7, 1), date(2026, 9, 30))
    assert Period.quarter("2026q4") == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert Period.month("2026-02") == Period(date(2026, 2, 1), date(2026, 2, 28))
    # local midnight of 2026-10-01 in Beijing is 16:00 UTC the day before
    assert Period.month("2026-10").start(ZoneInfo("Asia/Shanghai")) == datetime(2026, 9, 30, 16, tzinfo=UTC)
    for bad in ("2026Q5", "2026-13", "26Q1", "Q3"):
        with pytest.raises(InvalidInput):
            Period.quarter(bad) if "Q" in bad else Period.month(bad)
    with pytest.raises(InvalidInput):
        Period(date(2026, 10, 2), date(2026, 10, 1))


def test_ages_across_national_day() -> None:
    # On Monday 10-12: 10-11 (Sunday) is 1 working day old (10-12 itself), so is 10-10 (Saturday, a make-up
    # workday: not counted, it is the receipt day); 10-09 is 2 (10-10, 10-12); 10-08 is 3; 10-07 (holiday) 4.
    assert oldest_within(CAL, date(2026, 10, 12), 0) == date(2026, 10, 12)
    assert oldest_within(CAL, date(2026, 10, 12), 1) == date(2026, 10, 10)
    assert oldest_within(CAL, date(2026, 10, 12), 3) == date(2026, 10, 8)
    # Ages on 10-09 (the working days after the day, up to 10-09): 09-30 -> 2 (10-08, 10-09; 10-01..07 off),
    # 09-29 -> 3, 09-28 -> 4, 09-27 (Sunday) -> 5 (09-28 added), 09-26 -> 5, 09-25 -> 5, and 09-24 -> 5 too, as
    # 09-25 is 中秋 (a holiday); 09-23 -> 6.
    assert oldest_within(CAL, date(2026, 10, 9), 5) == date(2026, 9, 24)


async def test_local_day_and_ordinals_in_sqlite() -> None:
    engine = create_async_engine("sqlite+aiosqlite://")
    meta = MetaData()
    times = Table("times", meta, Column("id", Integer, primary_key=True), Column("at", UtcDateTime()))
    berlin, beijing = ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Shanghai")
    moments = [
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # Berlin: 03-29 00:30 (winter, +1); Beijing 03-29
        datetime(2026, 3, 29, 22, 30, tzinfo=UTC),  # Berlin: 03-30 00:30 (summer, +2); +1 would say 03-29
        datetime(2026, 9, 30, 16, 0, tzinfo=UTC),  # Beijing: 10-01 00:00
        datetime(2026, 9, 30, 15, 59, 59, tzinfo=UTC),  # Beijing: 09-30 23:59:59
    ]
    async with engine.begin() as conn:
        await conn.run_sync(meta.create_all)
        await conn.execute(insert(times), [{"id": i, "at": m} for i, m in enumerate(moments)])
        lo, hi = date(2026, 3, 1), date(2026, 10, 31)
        for tz in (berlin, beijing):
            day = local_day(times.c.at, "sqlite", tz, lo, hi)
            got = [date.fromisoformat(str(d)) for d in (await conn.execute(select(day).order_by(times.c.id))).scalars()]
            assert got == [m.astimezone(tz).date() for m in moments], tz.key
        cal = ordinals(CAL, date(2026, 9, 28), date(2026, 10, 12))
        rows = {date.fromisoformat(str(d)): n for d, n in await conn.execute(select(cal))}
    await engine.dispose()
    # working days from 09-28 (not counted) to 10-12: 09-29, 09-30, 10-08, 10-09, 10-10 (Saturday), 10-12
    assert rows[date(2026, 10, 12)] - rows[date(2026, 9, 28)] == 6
    assert rows[date(2026, 10, 7)] == rows[date(2026, 9, 30)]  # the holiday adds nothing
