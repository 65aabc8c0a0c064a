"""Duplicates joined to a case (R-14, D4; issue 15 item 8): their named reporters get the case's result.

A later named report marked a duplicate is answered with the original's result: when the result is given, or at
once when it was given before the report joined; a result concluded but not given (an anonymous original) is then
owed to the joined reporter (D4, ``CaseSnapshot.joined``). The result is pushed and kept in the duplicate's own
history, where its /status shows it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.calendar.deadlines import DeadlineKind
from core.model import Action, CaseState, DeadlineState, RecipientKind
from core.persistence import repository as repo
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow
from core.services import history
from core.services.context import CoreContext


async def feedback_to_duplicates(s: AsyncSession, ctx: CoreContext, case: CaseRow, text: str) -> None:
    """The result of a case reaches the named reporters of the duplicates joined to it (R-14, D4; issue 15 item
    8): pushed, and kept in the duplicate's history, where its /status shows it."""
    joined = (await s.execute(select(CaseRow).where(CaseRow.duplicate_of_id == case.id, CaseRow.named))).scalars()
    for dup in joined:
        _forward(s, ctx, dup, case.number, text, ctx.now())


async def joined_after_the_result(s: AsyncSession, ctx: CoreContext, dup: CaseRow) -> None:
    """A named report joined to a case that already has its result (R-14, D4; issue 15 item 8): the result given
    is forwarded at once; a result concluded but not yet given (an anonymous original) is now owed (D4 opened)."""
    original = await s.get(CaseRow, dup.duplicate_of_id)
    if original is None:
        return
    given = select(CaseEventRow.note_enc).where(CaseEventRow.case_id == original.id,
                                                CaseEventRow.action == Action.GIVE_FEEDBACK.value,
                                                CaseEventRow.officer_id.is_not(None))  # fmt: skip
    last = (await s.execute(given.order_by(CaseEventRow.id.desc()).limit(1))).scalar_one_or_none()
    now = ctx.now()
    if last is not None:
        _forward(s, ctx, dup, original.number, ctx.vault.dec_text(last) or "", now)
    elif original.state == CaseState.CONCLUDED.value:
        owed = select(DeadlineRow.id).where(DeadlineRow.case_id == original.id,
                                            DeadlineRow.kind == DeadlineKind.RESULT_FEEDBACK.value,
                                            DeadlineRow.state == DeadlineState.OPEN.value)  # fmt: skip
        if (await s.execute(owed.limit(1))).first() is None:
            repo.open_deadline(s, original, DeadlineKind.RESULT_FEEDBACK, ctx.today(), ctx.calendar, now)


def _forward(s: AsyncSession, ctx: CoreContext, dup: CaseRow, original: str, text: str, now: datetime) -> None:
    history.record(s, ctx.vault, dup, Actor.system(), Action.GIVE_FEEDBACK, now, rule="R-14, D4", note=text)
    params = {"number": dup.number, "original": original, "feedback": text}
    repo.enqueue(s, ctx.vault, kind=RecipientKind.REPORTER, recipient_id=dup.id,
                 template="notify.reporter.feedback_joined", params=params, now=now)  # fmt: skip
