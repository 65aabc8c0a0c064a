"""What an operator's monitoring reads (issue 18 item 3, ``/metrics``): figures of the whole database, so every
instance of the bot reports the same values and no label carries a person, a chat or a case."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, not_, select

from core.model import DeadlineState, OutboxStatus
from core.persistence.orm import DeadlineRow, OutboxRow, ReminderSentRow
from core.services.context import CoreContext
from core.services.outbox_pick import for_terminal_officer


@dataclass(frozen=True)
class Readings:
    outbox_backlog: int  # notifications due now and not sent (not those waiting for a retry's time, nor notices
    #                      held for an officer who works in the terminal)
    outbox_oldest_seconds: float  # how long the oldest of them has waited since it was queued; 0 with none
    reminders_sent: int  # deadline reminders sent since the office began (reminders_sent rows)
    deadlines_overdue: int  # open deadlines due before today (office day)


async def readings(ctx: CoreContext) -> Readings:
    now, today = ctx.now(), ctx.today()
    async with ctx.uow() as uow:
        s = uow.session
        backlog, oldest = (await s.execute(
            select(func.count(), func.min(OutboxRow.created_at)).where(
                OutboxRow.status == OutboxStatus.PENDING.value, OutboxRow.next_try_at <= now,
                not_(for_terminal_officer()))
        )).one()  # fmt: skip
        reminders = (await s.execute(select(func.count()).select_from(ReminderSentRow))).scalar_one()
        overdue = (await s.execute(select(func.count()).select_from(DeadlineRow).where(
            DeadlineRow.state == DeadlineState.OPEN.value, DeadlineRow.due_date < today))).scalar_one()  # fmt: skip
    waited = max((now - oldest).total_seconds(), 0.0) if oldest is not None else 0.0
    return Readings(int(backlog), waited, int(reminders), int(overdue))
