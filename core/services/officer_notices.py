"""What an officer's push about a step says besides the case number (its params are encrypted in the outbox,
core.persistence.repository.enqueue, so text is fine there): the reporter's challenge for the leaders (§10.4),
the leader's instructions for the handler a case is sent back to, the sending unit and its words for a 催办
(§10.3)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.model import Action
from core.persistence.orm import CaseRow, UnitRow
from core.review import CHALLENGES
from core.workflow import ActionInput

PUSH_TEXT = 500  # characters of a reporter's objection quoted in the leaders' push; the card has it all


async def officer_params(s: AsyncSession, case: CaseRow, action: Action, inp: ActionInput) -> dict[str, Any]:
    params: dict[str, Any] = {"number": case.number}
    if action in CHALLENGES:  # the leaders' push says what is challenged
        params |= {"report_type": case.report_type, "text": inp.note[:PUSH_TEXT]}
    elif action is Action.SEND_BACK:  # the leader's instructions, which the handler acts on
        params["text"] = inp.note
    elif action is Action.CHASE:  # who chases, and what they ask
        sender = await s.get(UnitRow, case.followed_by_id) if case.followed_by_id else None
        params |= {"unit": sender.name if sender else "", "text": inp.note}
    return params
