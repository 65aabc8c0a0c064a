"""aiogram updates → :class:`~bot.front.Incoming` → the shared front → carried out with aiogram.

Thin on purpose: which dialog answers, what is said and which buttons are shown is decided once in
``bot/front.py``, and what is done with Telegram's answers in ``bot/client.py``, for every runtime.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message

from bot.client import carry_out, downloader, media_of
from bot.front import ChatFront, Incoming
from bot.handlers.render import aiogram_client


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
        await carry_out(aiogram_client(bot), query.message.chat.id, await front.handle(incoming))

    @router.message()
    async def on_message(message: Message, bot: Bot) -> None:
        user, client = message.from_user, aiogram_client(bot)
        incoming = Incoming(message.chat.id, user.id if user else None, user.language_code if user else None,
                            message.message_id, message.text if message.text is not None else message.caption,
                            media_of(message))  # fmt: skip
        response = await front.handle(incoming, downloader(client))
        await carry_out(client, message.chat.id, response, message.message_id)

    return router
