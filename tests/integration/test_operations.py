"""The office's figures ``/metrics`` reads (issue 18 item 3), on the real database: the outbox's backlog and its
oldest row's age, reminders sent, deadlines overdue."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from core.clock import ManualClock
from core.model import DeadlineState, OutboxStatus, Role
from core.persistence.orm import DeadlineRow, OutboxRow
from core.services.operations import readings
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import named_report, seed_office


async def test_backlog_age_and_overdue_deadlines(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    terminal = await app.officers.add_officer("终端信访", "LA", [Role.INTAKE])  # works in qingfeng chat
    assert await readings(app.ctx) == type(await readings(app.ctx))(0, 0.0, 0, 0)
    await app.filing.file_report(named_report())  # queues notifications; opens the registration deadline
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).where(
            OutboxRow.status == OutboxStatus.PENDING.value))).scalars().all()  # fmt: skip
        held = [r for r in rows if r.recipient_id == terminal.id]
        pending = len(rows) - len(held)
        due = (await uow.session.execute(select(func.min(DeadlineRow.due_date)).where(
            DeadlineRow.state == DeadlineState.OPEN.value))).scalar_one()  # fmt: skip
    assert held, "the terminal officer's notice is held for the terminal, not counted as a backlog"
    assert pending >= 1 and due is not None
    clock.advance(timedelta(minutes=5))
    now = await readings(app.ctx)
    assert now.outbox_backlog == pending and now.outbox_oldest_seconds == 300.0
    assert now.deadlines_overdue == 0 and now.reminders_sent == 0
    clock.set(beijing(due.year, due.month, due.day, 12, 0) + timedelta(days=1))  # the day after it fell due
    assert (await readings(app.ctx)).deadlines_overdue >= 1
