"""The deadline sweep and the morning digest, run periodically by the scheduler with the injected clock.

Each reminder is recorded in ``reminders_sent`` in the same transaction that puts it in the outbox, so a bot
that was down sends what fell due exactly once — neither lost nor repeated (a concurrent sweep hits the
unique constraint and rolls back).
"""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.deadlines import DeadlineKind
from core.model import DeadlineState, RecipientKind, Role
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, DeadlineRow, DigestSentRow, OfficerRow, ReminderSentRow
from core.reminders import ReminderPolicy, Slot, slots_due
from core.services.context import CoreContext
from core.services.urgent import UrgentService

#: Duties that rest with the handler once a case is assigned; the others are intake's (rules.md §1, §2).
HANDLER_DUTIES = frozenset({DeadlineKind.RESULT_FEEDBACK, DeadlineKind.LETTER_REPLY, DeadlineKind.ASSIGNED_BY_HIGHER,
                            DeadlineKind.WRITTEN_OPINION, DeadlineKind.SUPERVISION_APPEAL})  # fmt: skip
DIGEST_AT = time(8, 30)


class ReminderService:
    def __init__(self, ctx: CoreContext, policy: ReminderPolicy | None = None) -> None:
        self.ctx = ctx
        self.policy = policy or ReminderPolicy()

    async def sweep(self) -> int:
        """Queue every reminder whose time has come and was not sent, and push again urgent messages nobody
        acted on (core.services.urgent); return how many were queued."""
        repushed = await UrgentService(self.ctx).repush_due(timedelta(minutes=self.policy.urgent_repush_minutes))
        return repushed + await self._deadlines()

    async def _deadlines(self) -> int:
        ctx, vault, now, today = self.ctx, self.ctx.vault, self.ctx.now(), self.ctx.today()
        horizon = today + timedelta(days=self.policy.days_before * 2 + 14)
        queued = 0
        async with ctx.uow() as uow:
            s = uow.session
            rows = (await s.execute(
                select(DeadlineRow, CaseRow).join(CaseRow, CaseRow.id == DeadlineRow.case_id)
                .where(DeadlineRow.state == DeadlineState.OPEN.value, DeadlineRow.due_date <= horizon)
                .order_by(DeadlineRow.due_date, DeadlineRow.id)
            )).all()  # fmt: skip
            sent = {(r.deadline_id, r.slot) for r in (await s.execute(
                select(ReminderSentRow).where(ReminderSentRow.deadline_id.in_([d.id for d, _ in rows]))
            )).scalars()}  # fmt: skip
            for deadline, case in rows:
                for slot in slots_due(deadline.due_date, today, ctx.calendar, self.policy):
                    if (deadline.id, slot) in sent:
                        continue
                    recipients = await _recipients(s, case, DeadlineKind(deadline.kind), slot)
                    s.add(ReminderSentRow(deadline_id=deadline.id, slot=slot, sent_at=now))
                    overdue_days = (today - deadline.due_date).days
                    template = "notify.officer.reminder." + slot.split(":")[0]
                    for officer_id in recipients:
                        repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=officer_id, template=template,
                                     params={"number": case.number, "kind": deadline.kind,
                                             "due": deadline.due_date.isoformat(), "days": overdue_days},
                                     now=now)  # fmt: skip
                    queued += len(recipients)
            await uow.commit()
        return queued

    async def upcoming(self, days: int = 7) -> list[tuple[date, str, str, str]]:
        """(day, case number, deadline kind, slot) of the reminders the sweep will send in the next ``days``."""
        today = self.ctx.today()
        out: list[tuple[date, str, str, str]] = []
        async with self.ctx.uow() as uow:
            rows = (await uow.session.execute(
                select(DeadlineRow, CaseRow.number).join(CaseRow, CaseRow.id == DeadlineRow.case_id)
                .where(DeadlineRow.state == DeadlineState.OPEN.value,
                       DeadlineRow.due_date <= today + timedelta(days=days + self.policy.days_before * 2 + 7))
            )).all()  # fmt: skip
            sent = {(r.deadline_id, r.slot) for r in (await uow.session.execute(select(ReminderSentRow))).scalars()}
        for offset in range(days + 1):
            day = today + timedelta(days=offset)
            for deadline, number in rows:
                for slot in slots_due(deadline.due_date, day, self.ctx.calendar, self.policy):
                    if (deadline.id, slot) not in sent and all(o[1:] != (number, deadline.kind, slot) for o in out):
                        out.append((day, number, deadline.kind, slot))
        return out

    async def digests(self) -> int:
        """On a working day after 08:30 (office time), each officer's digest once; a missed one is caught up."""
        ctx, vault, now, today = self.ctx, self.ctx.vault, self.ctx.now(), self.ctx.today()
        if not ctx.calendar.is_workday(today) or now.astimezone(ctx.tz).time() < DIGEST_AT:
            return 0
        queued = 0
        async with ctx.uow() as uow:
            s = uow.session
            done = set((await s.execute(select(DigestSentRow.officer_id).where(DigestSentRow.day == today))).scalars())
            officers = (await s.execute(
                select(OfficerRow).where(OfficerRow.active, OfficerRow.telegram_id.is_not(None)).order_by(OfficerRow.id)
            )).scalars()  # fmt: skip
            soon = today + timedelta(days=3)
            for officer in officers:
                if officer.id in done:
                    continue
                mine = CaseRow.unit_id == officer.unit_id
                if Role.HANDLER.value in officer.roles and Role.SUPERVISOR.value not in officer.roles:
                    mine = CaseRow.assignee_id == officer.id
                counts = (await s.execute(
                    select(func.count(DeadlineRow.id).filter(DeadlineRow.due_date < today),
                           func.count(DeadlineRow.id).filter(DeadlineRow.due_date.between(today, soon)))
                    .join(CaseRow, CaseRow.id == DeadlineRow.case_id)
                    .where(mine, DeadlineRow.state == DeadlineState.OPEN.value)
                )).one()  # fmt: skip
                s.add(DigestSentRow(officer_id=officer.id, day=today, sent_at=now))
                params = {"day": today.isoformat(), "overdue": counts[0], "soon": counts[1]}
                repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=officer.id,
                             template="notify.officer.digest", params=params, now=now)  # fmt: skip
                queued += 1
            await uow.commit()
        return queued


async def _recipients(s: AsyncSession, case: CaseRow, kind: DeadlineKind, slot: str) -> list[int]:
    if slot == Slot.ESCALATED:
        return [o.id for o in await repo.officers_with_role(s, case.unit_id, (Role.SUPERVISOR,))]
    if kind in HANDLER_DUTIES and case.assignee_id:
        return [case.assignee_id]
    return [o.id for o in await repo.officers_with_role(s, case.unit_id, (Role.INTAKE,))]
