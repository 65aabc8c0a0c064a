"""The web chat as a :class:`~bot.client.ChatClient`: "sending" appends to the session's transcript (kept in SQL by
:class:`~core.services.web_chats.WebChats`), deleting erases from it, a file comes from the request that carried
it. So the shared :func:`~bot.client.carry_out` and :class:`~bot.client.ClientNotifier` serve the web as they serve
Telegram, and a notification for a web chat is written where the page will read it, whoever sends it.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Sequence
from typing import Any

from bot.client import Blocked
from bot.commands import Menu
from bot.front import Outgoing
from core.chats import is_web_chat
from core.pacing import Pacer
from core.ports import DeliveryResult, Notifier, OutgoingMessage
from core.services.web_chats import WebChats


class Wakeups:
    """Pages waiting for news of a chat in this process (a long poll), woken when something is written for it."""

    def __init__(self) -> None:
        self._events: dict[int, tuple[asyncio.Event, int]] = {}  # chat → (its event, pages waiting on it)

    async def wait(self, chat_id: int, seconds: float) -> None:
        """Until something is written for the chat here, or ``seconds`` pass (news from elsewhere is looked for
        in the database by the caller)."""
        event, waiting = self._events.get(chat_id, (asyncio.Event(), 0))
        self._events[chat_id] = (event, waiting + 1)
        try:
            async with asyncio.timeout(seconds):
                await event.wait()
        except TimeoutError:
            pass
        finally:
            current = self._events.get(chat_id)
            if current is not None and current[0] is event:
                if current[1] <= 1:
                    del self._events[chat_id]
                else:
                    self._events[chat_id] = (event, current[1] - 1)

    def wake(self, chat_id: int) -> None:
        event = self._events.pop(chat_id, (None, 0))[0]
        if event is not None:
            event.set()

    def __len__(self) -> int:
        return len(self._events)


def body_of(out: Outgoing, secret: bool = False, masked: bool = False) -> dict[str, Any]:
    """A message as the page draws it: text, rows of [label, data] buttons, a picture or a file as base64;
    ``secret``: the next answer is a password (the page hides what is typed); ``masked``: the answer is shown
    as dots in the chat (a password, the reporter's name, phone or ID number)."""
    body: dict[str, Any] = {"text": out.text}
    if out.keyboard:
        body["buttons"] = [[[label, data] for label, data in row] for row in out.keyboard]
    for kind in ("photo", "document"):
        item = getattr(out, kind)
        if item is not None:
            body[kind] = [item[0], base64.b64encode(item[1]).decode()]
    if secret:
        body["secret"] = True
    if masked or secret:
        body["masked"] = True
    return body


class WebClient:
    """One request's client (or the notifier's): what it deleted is kept for the page's answer; ``files`` holds
    the upload of this request, by reference."""

    def __init__(
        self,
        chats: WebChats,
        wakeups: Wakeups,
        secret_texts: frozenset[str] = frozenset(),
        masked_texts: frozenset[str] = frozenset(),
        files: dict[str, bytes] | None = None,
    ) -> None:
        self.chats, self.wakeups = chats, wakeups
        self.secret_texts, self.masked_texts = secret_texts, masked_texts
        self.files = files or {}
        self.deleted: list[int] = []

    async def send(self, chat_id: int, out: Outgoing) -> None:
        body = body_of(out, out.text in self.secret_texts, out.text in self.masked_texts)
        if await self.chats.add(chat_id, body) is None:  # the browser was forgotten: as a chat that blocked the bot
            raise Blocked("web session forgotten")
        self.wakeups.wake(chat_id)

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        await self.delete_messages(chat_id, [message_id])

    async def delete_messages(self, chat_id: int, message_ids: Sequence[int]) -> None:
        await self.chats.delete(chat_id, list(message_ids))
        self.deleted.extend(message_ids)

    async def download(self, file_id: str) -> bytes:
        return self.files[file_id]

    async def answer_callback(self, query_id: str) -> None:
        """A tap needs no acknowledgement on the page."""

    async def set_menu(self, menu: Menu) -> None:
        """The page shows the citizens' commands itself."""


class Routed:
    """The bot's notifier, with notifications for web chats written to their pages instead (``qingfeng run``):
    whichever process sends a web chat's notification, the page reads it from the database."""

    def __init__(self, other: Notifier, web: Notifier) -> None:
        self.other, self.web = other, web

    @property
    def pacer(self) -> Pacer:
        return self.other.pacer

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        return await (self.web if is_web_chat(message.chat_id) else self.other).deliver(message)
