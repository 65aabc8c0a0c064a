"""Whether an officer's notice still asks for something when it is about to be sent (issue 12, item 16).

Notices are queued per officer when something happens; they go out when a sender runs and the officer can be
reached. An officer who could not be reached for a while — the bot was down, or the officer works from the
terminal (``qingfeng chat --as officer``) without a Telegram account — would otherwise get the whole backlog:
"a new report arrived" for reports long concluded, reminders of deadlines already met. Such notices are
dropped (status ``dropped``, kept for the record); the inbox shows what is still to do.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import CaseState, DeadlineState, RecipientKind
from core.persistence.orm import CaseRow, DeadlineRow, OfficerRow, OutboxRow, UrgentNoteRow

S = CaseState
_ROUTING = frozenset({S.RECEIVED.value, S.REGISTERED.value})  # someone still has to register and route it
_HANDLING = frozenset({S.ASSIGNED.value, S.DISPOSAL.value, S.PARKED.value, S.INVESTIGATION.value, S.REOPENED.value})

#: Case notices and the states in which the case still needs what the notice asks for.
_STILL_WANTED: dict[str, frozenset[str]] = {
    "notify.officer.new_case": _ROUTING,
    "notify.officer.urgent_case": _ROUTING,
    "notify.officer.returned": frozenset({S.REGISTERED.value}),
    "notify.officer.assigned": _HANDLING,
    "notify.officer.objection": frozenset({S.REOPENED.value}),
    "notify.officer.transferred_in": frozenset({S.TRANSFERRED_UP.value, S.TRANSFERRED_DOWN.value}),
}
_REMINDER = "notify.officer.reminder."
_URGENT = "notify.officer.urgent_note"  # the first push: stands until the message is closed
_URGENT_AGAIN = frozenset({"notify.officer.urgent_repush", "notify.officer.urgent_escalated"})  # until acted on


async def obsolete(s: AsyncSession, row: OutboxRow, params: dict[str, Any], today: date) -> bool:
    """True when an officer's notice no longer asks for anything; reporters' messages are always sent."""
    if row.recipient_kind != RecipientKind.OFFICER.value:
        return False
    template = row.template
    if template == _URGENT or template in _URGENT_AGAIN:  # closed meanwhile; a re-push: someone acted on it
        note = await s.get(UrgentNoteRow, params.get("note"))
        return note is None or note.closed_at is not None or (template != _URGENT and note.handled_at is not None)
    if template == "notify.officer.digest":  # yesterday's counts are wrong today
        return params.get("day", today.isoformat()) != today.isoformat()
    wanted = _STILL_WANTED.get(template)
    if wanted is None and not template.startswith(_REMINDER):
        return False
    case = (await s.execute(select(CaseRow).where(CaseRow.number == params.get("number")))).scalar_one_or_none()
    if case is None:  # not a case of ours to judge: sent as it is
        return False
    if case.state == S.ARCHIVED.value:
        return True
    if template.startswith(_REMINDER):  # the deadline was met or cancelled meanwhile
        still = await s.execute(
            select(DeadlineRow.id).where(DeadlineRow.case_id == case.id, DeadlineRow.kind == params.get("kind"),
                                         DeadlineRow.state == DeadlineState.OPEN.value).limit(1)
        )  # fmt: skip
        return still.first() is None
    assert wanted is not None
    if case.state not in wanted:
        return True
    if template == "notify.officer.assigned":  # reassigned to somebody else meanwhile
        return case.assignee_id != row.recipient_id
    if template == "notify.officer.transferred_in":
        officer = await s.get(OfficerRow, row.recipient_id)
        return officer is None or case.transfer_to_id != officer.unit_id
    return False
