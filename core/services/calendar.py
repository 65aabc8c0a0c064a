"""Keeping deadlines true to the calendar: recompute open ones when operator holiday data changes (§2)."""

from __future__ import annotations

import logging

from sqlalchemy import select

from core.calendar.deadlines import DeadlineKind, due_date
from core.model import DeadlineState
from core.persistence.orm import DeadlineRow, SettingRow
from core.persistence.setting_rows import put_setting
from core.services.context import CoreContext

log = logging.getLogger(__name__)
_FP_KEY = "calendar_fingerprint"


class CalendarService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def recompute_open_deadlines(self, *, force: bool = False) -> int:
        """Recompute due dates of open deadlines computed with other calendar data; return how many moved."""
        cal, today = self.ctx.calendar, self.ctx.today()
        fp = cal.fingerprint()
        async with self.ctx.uow() as uow:
            s = uow.session
            stored = await s.get(SettingRow, _FP_KEY)
            if stored is not None and stored.value == fp and not force:
                return 0
            stmt = select(DeadlineRow).where(DeadlineRow.state == DeadlineState.OPEN.value)
            if not force:
                stmt = stmt.where(DeadlineRow.calendar_fp != fp)
            moved = 0
            for row in (await s.execute(stmt)).scalars():
                due = due_date(DeadlineKind(row.kind), row.trigger_date, cal)
                if due != row.due_date:  # (assigned only then: the next sweep works out its reminders afresh)
                    moved += 1
                    log.info("deadline %s moved from %s to %s by new calendar data", row.id, row.due_date, due)
                    row.due_date = due
                elif due > today and row.next_reminder_on != due:  # its ``soon`` day may have moved: again too
                    row.next_reminder_on = None
                row.provisional = cal.uses_fallback(row.trigger_date, due)
                row.calendar_fp = fp
            if stored is None:
                await put_setting(s, _FP_KEY, fp)
            else:
                stored.value = fp
            await uow.commit()
            return moved
