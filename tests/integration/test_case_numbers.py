"""Case numbers ("一信一码", R-14): XF-<year>-<6 digits>, consecutive, restarting each year, safe under concurrency."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from core.clock import ManualClock
from core.persistence.orm import CaseRow, CounterRow
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import anonymous_report, named_report, seed_office
from tests.integration.helpers import events


async def counters(app: App) -> dict[str, int]:
    async with app.ctx.uow() as uow:
        return {r.name: r.value for r in (await uow.session.execute(select(CounterRow))).scalars()}


async def test_numbers_are_consecutive_and_restart_each_year(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    numbers = [(await app.filing.file_report(named_report(chat_id=600000 + i))).number for i in range(3)]
    numbers.append((await app.filing.file_report(anonymous_report())).number)
    assert numbers == ["XF-2026-000001", "XF-2026-000002", "XF-2026-000003", "XF-2026-000004"]

    # The year is the office's (Beijing) year: 2027-01-01 00:30 in Beijing is still 2026-12-31 in UTC.
    clock.set(beijing(2026, 12, 31, 23, 30))
    assert (await app.filing.file_report(named_report())).number == "XF-2026-000005"
    clock.set(beijing(2027, 1, 1, 0, 30))
    assert (await app.filing.file_report(named_report())).number == "XF-2027-000001"

    clock.set(beijing(2027, 1, 4, 9, 0))
    later = [(await app.filing.file_report(named_report())).number for _ in range(2)]
    assert later == ["XF-2027-000002", "XF-2027-000003"]
    assert await counters(app) == {"case:2026": 5, "case:2027": 3}

    # Each number names exactly one case, and the filing event of each is in place.
    async with app.ctx.uow() as uow:
        stored = [c.number for c in (await uow.session.execute(select(CaseRow).order_by(CaseRow.id))).scalars()]
    assert stored == [*numbers, "XF-2026-000005", "XF-2027-000001", *later]
    for number in stored:
        assert [e.action for e in await events(app, number)] == ["file"]


async def test_new_year_restarts_at_one(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    assert (await app.filing.file_report(named_report())).number == "XF-2026-000001"
    assert (await app.filing.file_report(named_report())).number == "XF-2026-000002"
    clock.set(beijing(2027, 1, 4, 9, 0))
    assert (await app.filing.file_report(named_report())).number == "XF-2027-000001"
    assert (await app.filing.file_report(named_report())).number == "XF-2027-000002"


async def test_concurrent_filings_get_distinct_consecutive_numbers(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    # The first filings of the year race to create the counter row as well as to increment it.
    receipts = await asyncio.gather(
        *(
            app.filing.file_report(
                named_report(chat_id=700000 + i, facts=f"第{i}号举报：" + "某村干部虚报冒领补贴。" * 5)
            )
            for i in range(20)
        )
    )
    numbers = sorted(r.number for r in receipts)
    assert numbers == [f"XF-2026-{i:06d}" for i in range(1, 21)]
    assert await counters(app) == {"case:2026": 20}
    async with app.ctx.uow() as uow:
        rows = list((await uow.session.execute(select(CaseRow))).scalars())
        by_number = {c.number: app.vault.decrypt(c.facts_enc).decode() for c in rows}
    assert sorted(by_number) == numbers
    # Each receipt's number belongs to the case that was filed with it.
    for i, receipt in enumerate(receipts):
        assert by_number[receipt.number].startswith(f"第{i}号举报")

    # And the sequence simply continues afterwards.
    assert (await app.filing.file_report(named_report())).number == "XF-2026-000021"
