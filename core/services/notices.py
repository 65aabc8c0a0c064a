"""Whether an officer's notice still asks for something when it is about to be sent (issue 12, item 16).

Notices are queued per officer when something happens; they go out when a sender runs and the officer can be
reached. An officer who could not be reached for a while — the bot was down, or the officer works from the
terminal (``qingfeng chat --as officer``) without a Telegram account — would otherwise get the whole backlog:
"a new report arrived" for reports long concluded, reminders of deadlines already met. Such notices are
dropped (status ``dropped``, kept for the record); the inbox shows what is still to do. What still asks for
something but waited long (:data:`BACKLOG_AGE`) comes as one summary when there are several
(:data:`BACKLOG_MIN`): "N reports wait for you, see /inbox" instead of N messages. Urgent notices and deadline
reminders are never summarised.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import office_date
from core.crypto import Vault
from core.model import ApprovalState, CaseState, DeadlineState, OutboxStatus, RecipientKind
from core.persistence import repository as repo
from core.persistence.orm import ApprovalRow, CaseRow, DeadlineRow, OfficerRow, OutboxRow, UrgentNoteRow

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
    # a reporter's challenge, until a leader decided it; the handler's case sent back, while it is (§10.4)
    "notify.officer.review_dissatisfied": frozenset({S.LEADER_REVIEW.value}),
    "notify.officer.review_objection": frozenset({S.LEADER_REVIEW.value}),
    "notify.officer.sent_back": _HANDLING,
    "notify.officer.transferred_in": frozenset({S.TRANSFERRED_UP.value, S.TRANSFERRED_DOWN.value}),
}
#: Case notices a backlog of which is summarised (not "urgent_case": each of those is sent).
_SUMMARISED = ("notify.officer.new_case", "notify.officer.returned", "notify.officer.assigned",
               "notify.officer.objection", "notify.officer.transferred_in", "notify.officer.sent_back")  # fmt: skip
BACKLOG_AGE = timedelta(hours=1)  # a notice this old when it is due was not live news any more
BACKLOG_MIN = 3  # this many or more waiting for one officer: one summary instead
_CHUNK = 500  # ids per statement (bind parameters are limited)
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
    if template == "notify.officer.approval_requested":  # decided meanwhile (core.services.approvals)
        request = await s.get(ApprovalRow, params.get("request"))
        return request is None or request.state != ApprovalState.PENDING.value
    if template == "notify.officer.digest":  # yesterday's counts are wrong today
        return params.get("day", today.isoformat()) != today.isoformat()
    wanted = _STILL_WANTED.get(template)
    if wanted is None and not template.startswith(_REMINDER):
        return False
    c = CaseRow  # the columns judged, not the row (whose persons would be loaded with it: a statement per notice)
    query = select(c.id, c.state, c.assignee_id, c.transfer_to_id).where(c.number == params.get("number"))
    case = (await s.execute(query)).first()
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


async def summarise_backlog(s: AsyncSession, vault: Vault, now: datetime, officer_id: int | None = None) -> int:
    """Replace each officer's backlog of case notices (old, not yet taken by a sender) by one summary; the
    obsolete ones are dropped first and not counted. Returns how many summaries were queued; the caller
    commits. A row a sender claims meanwhile is skipped (its status or due time changed)."""
    query = select(OutboxRow).where(
        OutboxRow.status == OutboxStatus.PENDING.value, OutboxRow.recipient_kind == RecipientKind.OFFICER.value,
        OutboxRow.template.in_(_SUMMARISED), OutboxRow.created_at <= now - BACKLOG_AGE, OutboxRow.next_try_at <= now,
    )  # fmt: skip
    if officer_id is not None:
        query = query.where(OutboxRow.recipient_id == officer_id)
    backlog: dict[int, list[OutboxRow]] = defaultdict(list)
    for row in (await s.execute(query.order_by(OutboxRow.id))).scalars():
        backlog[row.recipient_id].append(row)
    summaries = 0
    for recipient, rows in backlog.items():
        if len(rows) < BACKLOG_MIN:
            continue
        stale = [r.id for r in rows if await obsolete(s, r, vault.dec_json(r.params_enc), office_date(now))]
        await _drop(s, stale, "no longer actionable", now)
        count = await _drop(s, [r.id for r in rows if r.id not in set(stale)], "summarised", now)
        if count:
            repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=recipient,
                         template="notify.officer.backlog", params={"count": count}, now=now)  # fmt: skip
            summaries += 1
    return summaries


async def _drop(s: AsyncSession, ids: list[int], why: str, now: datetime) -> int:
    dropped = 0
    for i in range(0, len(ids), _CHUNK):
        result = await s.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(ids[i : i + _CHUNK]), OutboxRow.status == OutboxStatus.PENDING.value,
                   OutboxRow.next_try_at <= now)
            .values(status=OutboxStatus.DROPPED.value, last_error=why)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        dropped += result.rowcount  # type: ignore[attr-defined]
    return dropped
