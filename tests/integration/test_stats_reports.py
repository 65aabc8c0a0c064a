"""When the leaders' reports are queued (issue 17 item 4): on the first working day of a month after 08:40, caught
up on a later working day until the 15th, never twice for one leader and period; the 交办 table each quarter."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.clock import ManualClock
from core.model import Role
from core.persistence.orm import OutboxRow
from core.services.stats_reports import StatsReportService, previous_month, previous_quarter
from core.stats.period import Period
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import seed_office


async def queued(app: App) -> list[tuple[str, str | None]]:
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars().all()
        return [(r.template, r.dedupe_key) for r in rows if r.template.startswith("notify.officer.stats_")]


def test_the_periods_reported_are_the_month_and_quarter_before() -> None:
    assert previous_month(date(2026, 1, 5)) == Period(date(2025, 12, 1), date(2025, 12, 31))
    assert previous_month(date(2026, 3, 2)) == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert previous_quarter(date(2026, 1, 5)) == Period(date(2025, 10, 1), date(2025, 12, 31))
    assert previous_quarter(date(2026, 10, 8)) == Period(date(2026, 7, 1), date(2026, 9, 30))


async def test_reports_are_queued_on_the_first_working_day_caught_up_until_the_15th(
    app: App, clock: ManualClock
) -> None:
    office = await seed_office(app)
    reports = StatsReportService(app.ctx)
    clock.set(beijing(2026, 11, 1, 10, 0))  # a Sunday: no report
    assert await reports.queue_due() == 0
    clock.set(beijing(2026, 11, 2, 8, 30))  # Monday, the first working day, before 08:40
    assert await reports.queue_due() == 0
    clock.set(beijing(2026, 11, 2, 8, 45))
    assert await reports.queue_due() == 1  # 陈主任, the one leader; November begins no quarter: no 交办 table
    assert await reports.queue_due() == 0
    assert await StatsReportService(app.ctx).queue_due() == 0  # a restart: the outbox remembers
    leader = office.supervisor.officer_id
    assert await queued(app) == [("notify.officer.stats_monthly", f"stats:month:2026-10:{leader}")]
    # a leader who joins on the 10th is sent October's report too; one who joins on the 16th is not
    second = await app.officers.add_officer("钱副书记", "HZ", [Role.SUPERVISOR], telegram_id=2002)
    clock.set(beijing(2026, 11, 10, 9, 0))
    assert await reports.queue_due() == 1
    await app.officers.add_officer("孙副主任", "XH", [Role.SUPERVISOR], telegram_id=3002)
    clock.set(beijing(2026, 11, 16, 9, 0))
    assert await reports.queue_due() == 0
    assert [key for _, key in await queued(app)] == [
        f"stats:month:2026-10:{leader}",
        f"stats:month:2026-10:{second.id}",
    ]


async def test_a_leader_without_telegram_or_deactivated_is_not_sent_a_report(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    await app.officers.add_officer("未绑定", "LA", [Role.SUPERVISOR])  # never joined: no chat to send to
    clock.set(beijing(2026, 10, 8, 9, 0))  # first working day after National Day: month and quarter
    assert await StatsReportService(app.ctx).queue_due() == 2
    assert sorted(t for t, _ in await queued(app)) == ["notify.officer.stats_assigned", "notify.officer.stats_monthly"]


async def test_an_office_set_up_after_a_period_is_not_sent_that_periods_report(app: App, clock: ManualClock) -> None:
    """Found by installing it: an office set up on 3 December got "2026年11月月报: 收到 0 件" at once."""
    clock.set(beijing(2026, 12, 2, 15, 0))
    await seed_office(app)
    reports = StatsReportService(app.ctx)
    clock.set(beijing(2026, 12, 3, 9, 0))  # a working day of the first half: November's report would be due
    assert await reports.queue_due() == 0
    assert await queued(app) == []


async def test_an_office_set_up_during_a_period_is_sent_its_report(app: App, clock: ManualClock) -> None:
    clock.set(beijing(2026, 11, 30, 23, 50))  # the last minutes of November, office time
    office = await seed_office(app)
    clock.set(beijing(2026, 12, 1, 9, 0))
    assert await StatsReportService(app.ctx).queue_due() == 1
    assert await queued(app) == [("notify.officer.stats_monthly",
                                  f"stats:month:2026-11:{office.supervisor.officer_id}")]  # fmt: skip
