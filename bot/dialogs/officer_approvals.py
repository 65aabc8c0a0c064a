"""Requests for a leader's decision at the leader's desk (issue 15, rules.md §10.2): first in /inbox until decided,
each with approve and decline buttons (also under the push, bot.front.notification_keyboard); a decline asks for the
reason, which the requester is told. Who may decide, and what approval does, is the core's
(core.services.approvals); buttons are :class:`Approve` and :class:`Decline` (bot/callbacks.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.callbacks import Approve, Decline, OpenCase
from bot.dialogs import validators as v
from bot.dialogs.engine import END, Button, Flow, Label, Reply
from bot.dialogs.env import OfficerEnv
from bot.dialogs.ids import FlowName
from bot.dialogs.ids import Officer as S
from bot.dialogs.steps import Text
from core.actor import Actor
from core.clock import OFFICE_TZ
from core.errors import ApprovalRequested, DomainError
from core.services.approvals import ApprovalService
from core.services.views import ApprovalView

REQUEST = "request"  # answers key of the decline flow: the request declined


def approval_flows() -> list[Flow[OfficerEnv]]:
    """The leader's reason for a decline; the flow's completion is handed to :func:`finish_decline`."""
    return [Flow.of(FlowName.DECLINE, [Text(id=S.TEXT, key="approval.ask_decline_reason", store=S.TEXT,
                                            validate=v.text_between(1, 2000), next=END)])]  # fmt: skip


def what(a: ApprovalView) -> Label:
    """The step asked for, in words: the action, and the method of a disposal."""
    if a.method:
        return Label("approval.what_method", {"action": Label(f"action.{a.action}"),
                                              "method": Label(f"enum.DisposalMethod.{a.method}")})  # fmt: skip
    return Label(f"action.{a.action}")


def _params(a: ApprovalView) -> dict[str, Any]:
    return {"number": a.number, "what": what(a), "requester": a.requested_by, "note": a.note or "-",
            "at": f"{a.requested_at.astimezone(OFFICE_TZ):%m-%d %H:%M}"}  # fmt: skip


def _buttons(a: ApprovalView) -> tuple[tuple[Button, ...], ...]:
    return ((Button("approval.button_approve", Approve(a.id)), Button("approval.button_decline", Decline(a.id))),
            (Button("approval.button_open", OpenCase(a.number)),))  # fmt: skip


async def inbox_part(approvals: ApprovalService, actor: Actor) -> list[Reply]:
    """The requests waiting for this leader, before the cases: one message each, with its buttons."""
    items = await approvals.pending(actor)
    if not items:
        return []
    head = Reply("approval.inbox", {"count": len(items)})
    return [head, *(Reply("approval.item", _params(a), _buttons(a), "") for a in items)]


def requested(exc: ApprovalRequested) -> Reply:
    """What the requester reads: the step waits for a leader (not a refusal)."""
    return Reply(exc.key, {"number": exc.number, "action": Label(f"action.{exc.action}")})


async def start_decline(approvals: ApprovalService, actor: Actor, request_id: int) -> tuple[str, dict[str, Any]]:
    """The decline flow for a request still waiting (checked first: a decided one is refused at once)."""
    a = await approvals.request(request_id, actor)
    return FlowName.DECLINE, {REQUEST: a.id, "number": a.number, "action": a.action}


async def approve(approvals: ApprovalService, actor: Actor, request_id: int) -> list[Reply]:
    a = await approvals.request(request_id, actor)
    await approvals.approve(request_id, actor)
    return [Reply("approval.approved", {"number": a.number, "what": what(a)})]


async def finish_decline(
    approvals: ApprovalService, actor: Actor, a: dict[str, Any], refusal: Callable[[DomainError], Reply]
) -> list[Reply]:
    try:
        number = await approvals.decline(int(a[REQUEST]), actor, a["text"])
    except DomainError as exc:
        return [refusal(exc)]
    return [Reply("approval.declined", {"number": number})]
