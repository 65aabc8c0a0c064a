"""Officers' updates → the officer desk → replies. Only registered officers get here: for anyone else the
filter fails and the update goes on to the citizen router, so unknown users never see officer commands."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from aiogram import Bot, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import CallbackQuery, Message

from bot.deps import BotDeps
from bot.dialogs.engine import Event, EventKind
from bot.dialogs.officer import PREFIX, OfficerDesk
from bot.dialogs.runner import Answer
from bot.handlers.render import parse_callback, send_replies


class IsOfficer(Filter):
    def __init__(self, desk: OfficerDesk) -> None:
        self.desk = desk

    async def __call__(self, event: Message | CallbackQuery) -> bool | dict[str, Any]:
        user = event.from_user
        actor = await self.desk.actor(user.id) if user else None
        return {"actor": actor} if actor else False


def make_router(deps: BotDeps) -> Router:
    router = Router(name="officer")
    desk, tr = deps.desk, deps.translator
    officer = IsOfficer(desk)

    async def reply(bot: Bot, chat_id: int, answer: Answer, incoming: Message | None = None) -> None:
        await send_replies(bot, tr, chat_id, answer.locale, answer.replies, incoming)

    @router.message(Command("join"))
    async def join(message: Message, bot: Bot, command: CommandObject) -> None:
        if message.from_user is None:
            return
        replies = await desk.join(message.from_user.id, command.args or "")
        # the code is a credential: delete it from the chat
        await send_replies(bot, tr, message.chat.id, desk.default_locale, [*replies], message)
        with suppress(TelegramBadRequest):
            await message.delete()

    @router.message(Command("inbox"), officer)
    async def inbox(message: Message, bot: Bot, actor: Any) -> None:
        await reply(bot, message.chat.id, Answer(desk.default_locale, await desk.inbox(actor)))

    @router.message(Command("case"), officer)
    async def case(message: Message, bot: Bot, actor: Any, command: CommandObject) -> None:
        number = (command.args or "").strip().upper()
        answer = await desk.button(message.chat.id, actor, f"{PREFIX}:case:{number}")
        await reply(bot, message.chat.id, answer)

    @router.callback_query(officer)
    async def on_button(query: CallbackQuery, bot: Bot, actor: Any) -> None:
        parsed = parse_callback(query.data or "")
        if parsed is None or query.message is None:
            raise SkipHandler
        chat_id = query.message.chat.id
        if parsed[1].startswith(f"{PREFIX}:"):
            answer: Answer | None = await desk.button(chat_id, actor, parsed[1])
        else:  # a button of an officer input flow (a finding, yes/no), or else a citizen-dialog button
            answer = await desk.text(chat_id, actor, Event(EventKind.CHOICE, value=parsed[1], step=parsed[0]))
        if answer is None:
            raise SkipHandler
        await query.answer()
        await reply(bot, chat_id, answer)

    @router.message(officer)
    async def on_text(message: Message, bot: Bot, actor: Any) -> None:
        kind = EventKind.CANCEL if (message.text or "").startswith("/cancel") else EventKind.TEXT
        answer = await desk.text(message.chat.id, actor, Event(kind, text=message.text or ""))
        if answer is None:
            raise SkipHandler  # no officer input pending: the citizen router may take it
        await reply(bot, message.chat.id, answer, message)

    return router
