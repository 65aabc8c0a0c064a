"""Reports pushed to leaders (issue 17 item 4; rules.md §10.5 定期分析, §10.3 quarterly 通报 of 交办件).

On the first working day of a month, after the morning digests, each leader (Role.SUPERVISOR) is sent the last
month's figures of their unit and the units below it; on the first working day of a quarter also the last
quarter's 交办 table. Through the outbox, exactly once: the row's ``dedupe_key`` names the report, the period
and the officer, so a run repeated after a restart, or by a second process, adds nothing. A bot that was down on
that day catches up on its next working day until the middle of the month; after that the report is left out
(a leader still has ``/stats``). A period that ended before the office's first officer was added is not
reported: a fresh install is not sent a month of zeros about a time it did not exist.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import func, select

from core.model import RecipientKind, Role
from core.persistence import repository as repo
from core.persistence.orm import OfficerRow, OutboxRow, UnitRow
from core.services.context import CoreContext
from core.stats.assigned import assigned_figures
from core.stats.period import Period
from core.stats.service import compute_figures
from core.stats.summary import assigned_params, summary_params

REPORT_AT = time(8, 40)  # office time: after the digests (08:30)
CATCH_UP_UNTIL_DAY = 15  # of the month: a report not sent by then is not sent late
MONTHLY = "notify.officer.stats_monthly"
ASSIGNED = "notify.officer.stats_assigned"


def previous_month(today: date) -> Period:
    last = today.replace(day=1) - timedelta(days=1)
    return Period(last.replace(day=1), last)


def previous_quarter(today: date) -> Period:
    first_of_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last = first_of_quarter - timedelta(days=1)
    return Period(date(last.year, last.month - 2, 1), last)


def month_key(period: Period) -> str:
    return f"{period.first:%Y-%m}"


def quarter_key(period: Period) -> str:
    return f"{period.first.year}Q{(period.first.month - 1) // 3 + 1}"


class StatsReportService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def due(self, today: date) -> bool:
        """A working day of the first half of the month, from the first working day on (office time)."""
        cal = self.ctx.calendar
        local = self.ctx.now().astimezone(self.ctx.tz).time()
        return cal.is_workday(today) and today.day <= CATCH_UP_UNTIL_DAY and local >= REPORT_AT

    async def queue_due(self) -> int:
        """Queue the reports of today not queued yet; the number queued."""
        today = self.ctx.today()
        if not self.due(today):
            return 0
        async with self.ctx.uow() as uow:
            started = (await uow.session.execute(select(func.min(OfficerRow.created_at)))).scalar()

        def existed_in(period: Period) -> bool:
            return started is not None and started < period.end(self.ctx.tz)

        queued = 0
        month = previous_month(today)
        if existed_in(month):
            queued += await self._queue(MONTHLY, month_key(month), month, monthly=True)
        quarter = previous_quarter(today)
        if today.month in (1, 4, 7, 10) and existed_in(quarter):
            queued += await self._queue(ASSIGNED, quarter_key(quarter), quarter, monthly=False)
        return queued

    async def _queue(self, template: str, key: str, period: Period, *, monthly: bool) -> int:
        prefix = f"stats:{'month' if monthly else 'assigned'}:{key}:"
        async with self.ctx.uow() as uow:
            s = uow.session
            leaders = [(o.id, code) for o, code in await s.execute(
                select(OfficerRow, UnitRow.code).join(UnitRow, UnitRow.id == OfficerRow.unit_id)
                .where(OfficerRow.active, OfficerRow.telegram_id.is_not(None)).order_by(OfficerRow.id)
            ) if Role.SUPERVISOR.value in o.roles]  # fmt: skip
            sent = set((await s.execute(select(OutboxRow.dedupe_key)
                                        .where(OutboxRow.dedupe_key.like(f"{prefix}%")))).scalars())  # fmt: skip
        todo = [(officer, code) for officer, code in leaders if f"{prefix}{officer}" not in sent]
        if not todo:
            return 0
        params: dict[str, dict[str, Any]] = {}
        for code in sorted({code for _, code in todo}):  # figures once per unit, each in its own transaction
            if monthly:
                figures = await compute_figures(self.ctx, period, code)
                params[code] = {"period": key, "year": period.first.year, "month": period.first.month,
                                **summary_params(figures)}  # fmt: skip
            else:
                table = await assigned_figures(self.ctx, period, code)
                params[code] = {
                    "period": key,
                    "year": period.first.year,
                    "quarter": key[-1],
                    **assigned_params(table, period.first.isoformat(), period.last.isoformat(), code),
                }
        now = self.ctx.now()
        async with self.ctx.uow() as uow:  # a concurrent run that queued one first fails here, unique key
            rows = [repo.outbox_values(self.ctx.vault, kind=RecipientKind.OFFICER, recipient_id=officer,
                                       template=template, params=params[code], now=now,
                                       dedupe_key=f"{prefix}{officer}") for officer, code in todo]  # fmt: skip
            await repo.enqueue_many(uow.session, rows)
            await uow.commit()
        return len(todo)
