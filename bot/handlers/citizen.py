"""Citizens' updates → dialog commands and events → replies. No rules here: the dialogs and core decide."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command as CommandFilter
from aiogram.filters import CommandStart
from aiogram.types import CallbackQuery, Message

from bot.deps import BotDeps
from bot.dialogs.engine import Event, EventKind, Media
from bot.dialogs.runner import Answer, Command
from bot.handlers.files import downloader
from bot.handlers.render import parse_callback, send_replies


def _media(message: Message) -> Media | None:
    """The file in a message, as the dialogs see it: the largest photo size, or the attachment."""
    if message.photo:
        p = message.photo[-1]
        return Media("photo", p.file_id, "photo.jpg", "image/jpeg", p.file_size)
    for kind in ("document", "video", "audio", "voice"):
        item = getattr(message, kind)
        if item is not None:
            name = getattr(item, "file_name", None) or ""
            return Media(kind, item.file_id, name, item.mime_type or "", item.file_size)
    return None


def make_router(deps: BotDeps) -> Router:
    router = Router(name="citizen")
    runner, tr = deps.runner, deps.translator

    async def reply(bot: Bot, chat_id: int, answer: Answer, incoming: Message | None = None) -> None:
        await send_replies(bot, tr, chat_id, answer.locale, answer.replies, incoming)

    def hint(message: Message | CallbackQuery) -> str:
        return deps.locale_for(message.from_user.language_code if message.from_user else None)

    for command in Command:
        filt = CommandStart() if command is Command.START else CommandFilter(command.value)

        @router.message(filt)
        async def on_command(message: Message, bot: Bot, _command: Command = command) -> None:
            await reply(bot, message.chat.id, await runner.command(message.chat.id, _command, hint(message)))

    @router.callback_query()
    async def on_button(query: CallbackQuery, bot: Bot) -> None:
        await query.answer()
        parsed = parse_callback(query.data or "")
        if parsed is None or query.message is None:
            return
        chat_id = query.message.chat.id
        event = Event(EventKind.CHOICE, value=parsed[1], step=parsed[0])
        await reply(bot, chat_id, await runner.event(chat_id, event, hint(query)))

    @router.message()
    async def on_message(message: Message, bot: Bot) -> None:
        media = _media(message)
        if media is not None:
            event = Event(EventKind.MEDIA, media=media)
        elif message.text is not None:
            event = Event(EventKind.TEXT, text=message.text)
        else:
            event = Event(EventKind.TEXT, text="")  # stickers, locations…: treated as an empty answer
        answer = await runner.event(message.chat.id, event, hint(message), downloader(bot))
        await reply(bot, message.chat.id, answer, message)

    return router
