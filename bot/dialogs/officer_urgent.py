"""Urgent messages at the officer's desk (issue 12, item 12): first in /inbox, a card with what was done, and
buttons to answer the sender (the chat stays hidden), note what was done, and close.

Buttons carry :class:`UrgentCard` (the card) and :class:`UrgentText` (reply, note, close: a text flow each, ending
in :func:`finish_urgent`; bot/callbacks.py); the core checks who may handle urgent messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.callbacks import Inbox, UrgentCard, UrgentInput, UrgentText
from bot.dialogs import validators as v
from bot.dialogs.engine import END, Button, Flow, Label, Lines, Reply
from bot.dialogs.env import OfficerEnv
from bot.dialogs.ids import FlowName
from bot.dialogs.ids import Officer as S
from bot.dialogs.steps import Text
from core.actor import Actor
from core.clock import OFFICE_TZ
from core.errors import DomainError, NotPermitted
from core.services.urgent import UrgentItem, UrgentService

#: button → (flow, prompt)
FLOWS = {UrgentInput.REPLY: (FlowName.URGENT_REPLY, "urgent.ask_reply"),
         UrgentInput.NOTE: (FlowName.URGENT_NOTE, "urgent.ask_note"),
         UrgentInput.CLOSE: (FlowName.URGENT_CLOSE, "urgent.ask_close")}  # fmt: skip
_text = v.text_between(1, 2000)


def urgent_flows() -> list[Flow[OfficerEnv]]:
    """One line of text each; the flow's completion is handed to :func:`finish_urgent`."""
    return [Flow.of(flow, [Text(id=S.TEXT, key=prompt, store=S.TEXT, validate=_text, next=END)])
            for flow, prompt in FLOWS.values()]  # fmt: skip


def _when(item: UrgentItem) -> str:
    return f"{item.at.astimezone(OFFICE_TZ):%m-%d %H:%M}"


async def inbox_part(urgent: UrgentService, actor: Actor) -> list[Reply]:
    """Open urgent messages, before the cases; nothing for an officer who does not handle them."""
    try:
        items = await urgent.open_items(actor)
    except NotPermitted:
        return []
    if not items:
        return []
    rows = tuple((Button("urgent.inbox_item", UrgentCard(i.id),
                         params={"id": i.id, "at": _when(i), "excerpt": i.excerpt,
                                 "flag": "✅ " if i.handled else "🔔 "}),) for i in items)  # fmt: skip
    return [Reply("urgent.inbox", {"count": len(items)}, rows, "")]


async def card(urgent: UrgentService, actor: Actor, note_id: int) -> list[Reply]:
    item = await urgent.item(actor, note_id)
    system, sender = Label("urgent.by_system"), Label("urgent.by_sender")  # follow-ups: the sender's own words
    events = tuple(Label("urgent.card_event", {"at": f"{e.at.astimezone(OFFICE_TZ):%m-%d %H:%M}",
                                               "who": e.who or (sender if e.action == "follow_up" else system),
                                               "action": Label(f"urgent.action.{e.action}"),
                                               "text": e.text}) for e in item.events)  # fmt: skip
    state = (Label("urgent.state_closed", {"who": item.closed_by or system}) if item.closed_at is not None
             else Label("urgent.state_open"))  # fmt: skip
    buttons: list[tuple[Button, ...]] = []
    if item.closed_at is None:
        if item.answerable:
            buttons.append((Button("urgent.button_reply", UrgentText(UrgentInput.REPLY, item.id)),))
        buttons.append((Button("urgent.button_note", UrgentText(UrgentInput.NOTE, item.id)),
                        Button("urgent.button_close", UrgentText(UrgentInput.CLOSE, item.id))))  # fmt: skip
    buttons.append((Button("button.back_to_inbox", Inbox(0)),))
    params = {"id": item.id, "at": _when(item), "text": item.text, "state": state,
              "events": Lines(events) if events else "-"}  # fmt: skip
    return [Reply("urgent.card", params, tuple(buttons), "")]


def flow_for(kind: UrgentInput, note_id: int) -> tuple[str, dict[str, Any]]:
    """The input flow a button starts, with its answers."""
    return FLOWS[kind][0], {"urgent": note_id, "action": kind.value}


async def finish_urgent(
    urgent: UrgentService, actor: Actor, a: dict[str, Any], refusal: Callable[[DomainError], Reply]
) -> list[Reply]:
    note_id, what = int(a["urgent"]), a["action"]
    try:
        if what == "ureply":
            await urgent.reply(actor, note_id, a["text"])
        elif what == "unote":
            await urgent.add_note(actor, note_id, a["text"])
        else:
            await urgent.close(actor, note_id, a["text"])
    except DomainError as exc:
        return [refusal(exc)]
    done = {"ureply": "urgent.replied", "unote": "urgent.noted", "uclose": "urgent.closed"}[what]
    return [Reply(done, {"id": note_id}), *await card(urgent, actor, note_id)]
