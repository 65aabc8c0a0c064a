"""What both Telegram runtimes do with the Bot API, written once over a small port each of them implements.

aiogram and python-telegram-bot differ in their types and exceptions, not in what the bot must do with
Telegram's answers: a 429 is waited out a few times, a message too old to delete is tolerated, a file over
20 MB is refused with the evidence message, a blocked chat is undeliverable. Each runtime's
:class:`ChatClient` makes its calls and turns its exceptions into the four below; the rest lives here, so the
runtimes cannot drift apart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from bot.commands import Menu
from bot.dialogs.engine import Media
from bot.dialogs.runner import Downloader
from bot.front import ChatFront, Keyboard, Outgoing, Response, notification_keyboard
from bot.i18n import Translator
from bot.quietlog import QuietLog
from bot.ratelimit import RateLimiter
from core.errors import InvalidInput
from core.ports import Delivery, DeliveryResult, OutgoingMessage
from core.tracebacks import frames_only

log = logging.getLogger(__name__)
FLOOD_RETRIES = 3
FLOOD_MAX_WAIT = 60  # seconds; longer waits are left to the user's next message
DELETE_BATCH = 100  # deleteMessages takes up to 100 ids
MEDIA_KINDS = ("document", "video", "audio", "voice")
DOWNLOAD_TIMEOUT = 30.0  # seconds for fetching a user's file (getFile and the download)
_unacknowledged = QuietLog(log, logging.INFO)


class FloodWait(Exception):
    """429: Telegram's flood control; nothing may be sent for ``retry_after`` seconds. Each one made is a 429
    received (the runtimes' clients make them from Telegram's answers): counted for ``/metrics``."""

    received = 0

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after}")
        self.retry_after = retry_after
        FloodWait.received += 1


class HandlingFailures:
    """Updates whose handling raised (the user was told, :func:`tell_failure`): counted for ``/metrics``."""

    count = 0


class Refused(Exception):
    """400: the request is wrong for Telegram now (message too old to delete, chat not found, file too big)."""

    def __init__(self, description: str) -> None:
        # aiogram keeps "Bad Request: chat not found", python-telegram-bot says "Chat not found": one wording
        reason = description.removeprefix("Bad Request: ")
        super().__init__(reason[:1].lower() + reason[1:])
        self.reason = str(self)


class Blocked(Exception):
    """403: the user blocked the bot, or the chat is gone."""


class Unreachable(Exception):
    """The network or Telegram's servers failed: worth trying again later."""


class ChatClient(Protocol):
    """One runtime's Bot API calls; its errors are raised as FloodWait, Refused, Blocked or Unreachable."""

    async def send(self, chat_id: int, out: Outgoing) -> None: ...

    async def delete_message(self, chat_id: int, message_id: int) -> None: ...

    async def delete_messages(self, chat_id: int, message_ids: Sequence[int]) -> None: ...

    async def download(self, file_id: str) -> bytes: ...

    async def answer_callback(self, query_id: str) -> None: ...

    async def set_menu(self, menu: Menu) -> None: ...


@dataclass(frozen=True)
class Dialect:
    """What differs between aiogram's and python-telegram-bot's ``Bot``: keyboard and upload types, exceptions
    (``translated`` turns them into the four above), how a file is fetched, command and chat-scope types."""

    markup: Callable[[Keyboard], Any]
    upload: Callable[[bytes, str], Any]
    translated: Callable[[], AbstractContextManager[None]]
    fetch: Callable[[Any, str], Awaitable[bytes]]
    command: Callable[[str, str], Any]
    chat_scope: Callable[[int], Any]


class BotClient:
    """A :class:`ChatClient` over either library's ``Bot``: both name the Bot API methods and arguments alike."""

    def __init__(self, bot: Any, dialect: Dialect) -> None:
        self.bot, self.dialect = bot, dialect

    async def send(self, chat_id: int, out: Outgoing) -> None:
        markup = self.dialect.markup(out.keyboard) if out.keyboard else None
        with self.dialect.translated():
            if out.document is not None:
                name, data = out.document
                upload = self.dialect.upload(data, name)
                await self.bot.send_document(chat_id, upload, caption=out.text, reply_markup=markup)
            elif out.photo is not None:
                name, data = out.photo
                upload = self.dialect.upload(data, name)
                await self.bot.send_photo(chat_id, upload, caption=out.text, reply_markup=markup)
            else:
                await self.bot.send_message(chat_id, out.text, reply_markup=markup)

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        with self.dialect.translated():
            await self.bot.delete_message(chat_id, message_id)

    async def delete_messages(self, chat_id: int, message_ids: Sequence[int]) -> None:
        with self.dialect.translated():
            await self.bot.delete_messages(chat_id, list(message_ids))

    async def download(self, file_id: str) -> bytes:
        """The file's bytes; a download that fails or stalls (404, 500, cut short, no answer within
        :data:`DOWNLOAD_TIMEOUT`) is :class:`Unreachable`, whatever the library calls it."""
        with self.dialect.translated():
            try:
                async with asyncio.timeout(DOWNLOAD_TIMEOUT):
                    return await self.dialect.fetch(self.bot, file_id)
            except TimeoutError as exc:
                raise Unreachable("download timed out") from exc

    async def answer_callback(self, query_id: str) -> None:
        with self.dialect.translated():
            await self.bot.answer_callback_query(query_id)

    async def set_menu(self, menu: Menu) -> None:
        scope = self.dialect.chat_scope(menu.chat_id) if menu.chat_id is not None else None
        with self.dialect.translated():
            if menu.commands:
                commands = [self.dialect.command(name, text) for name, text in menu.commands]
                await self.bot.set_my_commands(commands, scope=scope, language_code=menu.language)
            else:
                await self.bot.delete_my_commands(scope=scope, language_code=menu.language)


def media_of(message: Any) -> Media | None:
    """The file in a message, as the dialogs see it: the largest photo size, or the attachment.

    aiogram's and python-telegram-bot's ``Message`` carry the Bot API's field names, so one reading serves both.
    """
    if message.photo:
        p = message.photo[-1]
        return Media("photo", p.file_id, "photo.jpg", "image/jpeg", p.file_size)
    for kind in MEDIA_KINDS:
        item = getattr(message, kind)
        if item is not None:
            name = getattr(item, "file_name", None) or ""
            return Media(kind, item.file_id, name, item.mime_type or "", item.file_size)
    return None


async def acknowledge(client: ChatClient, query_id: str) -> None:
    """Stop the tapped button's spinner. Best-effort: Telegram refuses taps older than ~15 s (after downtime,
    under load) with "query is too old", and the tap must count all the same (a confirm files the report)."""
    try:
        await client.answer_callback(query_id)
    except (FloodWait, Refused, Blocked, Unreachable) as exc:
        _unacknowledged.note(f"a tap could not be acknowledged ({type(exc).__name__}); handled all the same")


async def carry_out(client: ChatClient, chat_id: int, response: Response, incoming_id: int | None = None) -> None:
    """Delete what must go first (a password, the report on request), then send each message in order."""
    if response.delete_incoming and incoming_id is not None:
        try:
            await client.delete_message(chat_id, incoming_id)
        except Refused as exc:  # too old, already gone: the reply still tells the user
            log.warning("could not delete a sensitive message: %s", exc.reason)
    ids = list(response.delete_ids)
    for i in range(0, len(ids), DELETE_BATCH):
        try:
            await client.delete_messages(chat_id, ids[i : i + DELETE_BATCH])
        except Refused as exc:  # older than 48 hours: the reply says how to delete the chat
            log.warning("could not delete report messages: %s", exc.reason)
    try:
        for out in response.messages:
            await send_waiting(client, chat_id, out)
    except BaseException:
        await _report_sent(response, False)
        raise
    await _report_sent(response, True)
    await publish_menus(client, response.menus)


async def announce_menus(client: ChatClient, front: ChatFront) -> None:
    """At start, in both runtimes: the command menus of every audience (bot/commands.py). A failure is logged and
    the bot starts all the same."""
    try:
        menus = await front.menus()
    except Exception as exc:  # the database, at start: polling must still begin
        log.error("could not read the officers for the command menus: %s", type(exc).__name__)
        return
    await publish_menus(client, menus)


async def publish_menus(client: ChatClient, menus: Sequence[Menu]) -> None:
    """Set Telegram's command menus (at start, and for an officer who joins). Best-effort: a menu that could not
    be set leaves Telegram's previous one, and /help still answers."""
    failed = 0
    for menu in menus:
        try:
            await client.set_menu(menu)
        except (FloodWait, Refused, Blocked, Unreachable):
            failed += 1
    if failed:
        log.warning("%d of %d command menus could not be set", failed, len(menus))


async def _report_sent(response: Response, delivered: bool) -> None:
    """Tell the front whether the messages went out; its failure must not hide or replace the sending's own."""
    if response.after_send is None:
        return
    try:
        await response.after_send(delivered)
    except Exception as exc:
        log.error("could not record whether a receipt was delivered: %s", type(exc).__name__)


async def send_waiting(client: ChatClient, chat_id: int, out: Outgoing) -> None:
    """Flood control (429) is waited out, a few times; the dialog has already saved the user's answer."""
    for attempt in range(FLOOD_RETRIES):
        try:
            return await client.send(chat_id, out)
        except FloodWait as exc:
            if attempt == FLOOD_RETRIES - 1 or exc.retry_after > FLOOD_MAX_WAIT:
                raise
            log.warning("flood control: waiting %s s before replying", exc.retry_after)
            await asyncio.sleep(exc.retry_after)


def downloader(client: ChatClient) -> Downloader:
    """Fetching a user's file, with Telegram's refusals turned into the dialog's evidence messages."""

    async def download(media: Media) -> bytes:
        try:
            return await client.download(media.ref)
        except Refused as exc:  # the cloud Bot API refuses files over 20 MB ("file is too big")
            raise InvalidInput("evidence", "size" if "too big" in exc.reason else "unavailable") from exc
        except Unreachable as exc:
            raise InvalidInput("evidence", "unavailable") from exc

    return download


async def tell_failure(client: ChatClient, front: ChatFront, chat_id: int | None, language: str | None,
                       update_id: int | None, exc: BaseException) -> None:  # fmt: skip
    """Handling an update failed: the error type and traceback to the log without the exception messages (they can
    quote user input), a polite word to the user (answers given earlier are saved)."""
    log.error("update %s failed: %s\n%s", update_id, type(exc).__name__, frames_only(exc))
    HandlingFailures.count += 1
    if chat_id is None:
        return
    try:
        await client.send(chat_id, Outgoing(front.error_text(language)))
    except Exception as failure:  # the bot API itself may be what failed
        log.error("could not tell the user about the failure: %s", type(failure).__name__)


class ClientNotifier:
    """The notification port over a runtime's client: Telegram's answers mapped to sent / retry / give up. It sends
    at once; the outbox paces its calls with :attr:`pacer` (Telegram's limits), paused here on a 429 since
    Telegram's flood control applies to the whole bot."""

    def __init__(self, client: ChatClient, translator: Translator, limiter: RateLimiter | None = None) -> None:
        self.client = client
        self.translator = translator
        self.pacer: RateLimiter = limiter or RateLimiter()

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        tr = self.translator
        text = tr.notification(message.locale, message.template, message.params)
        keyboard = notification_keyboard(tr, message.locale, message.template, message.params)
        try:
            await self.client.send(message.chat_id, Outgoing(text, keyboard))
        except FloodWait as exc:
            self.pacer.pause(exc.retry_after)
            return DeliveryResult(Delivery.RETRY, retry_after=exc.retry_after, error="429 flood control")
        except Blocked:
            return DeliveryResult(Delivery.UNDELIVERABLE, error="403 bot blocked or chat unavailable")
        except Refused as exc:  # "chat not found" and similar are permanent; the message itself is ours and good
            return DeliveryResult(Delivery.UNDELIVERABLE, error=f"400 {exc.reason}"[:200])
        except Unreachable as exc:  # Telegram's description of a 5xx, or the HTTP client's of a network error
            return DeliveryResult(Delivery.RETRY, error=str(exc)[:200])
        return DeliveryResult(Delivery.SENT)
