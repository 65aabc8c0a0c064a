"""aiogram updates → :class:`~bot.front.Incoming` → the shared front → carried out with aiogram.

Thin on purpose: which dialog answers, what is said and which buttons are shown is decided once in
``bot/front.py`` for every runtime.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message

from bot.dialogs.engine import Media
from bot.front import ChatFront, Incoming
from bot.handlers.files import downloader
from bot.handlers.render import carry_out


def media_of(message: Message) -> Media | None:
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


def make_router(front: ChatFront) -> Router:
    router = Router(name="updates")

    @router.callback_query()
    async def on_button(query: CallbackQuery, bot: Bot) -> None:
        await query.answer()
        if query.message is None:
            return
        user = query.from_user
        incoming = Incoming(query.message.chat.id, user.id, user.language_code, query.message.message_id,
                            callback=query.data or "")  # fmt: skip
        await carry_out(bot, query.message.chat.id, await front.handle(incoming))

    @router.message()
    async def on_message(message: Message, bot: Bot) -> None:
        user = message.from_user
        incoming = Incoming(message.chat.id, user.id if user else None, user.language_code if user else None,
                            message.message_id, message.text if message.text is not None else message.caption,
                            media_of(message))  # fmt: skip
        response = await front.handle(incoming, downloader(bot))
        await carry_out(bot, message.chat.id, response, message.message_id)

    return router
