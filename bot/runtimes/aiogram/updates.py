"""aiogram updates → :class:`~bot.front.Incoming` → the shared front → carried out with aiogram.

Thin on purpose: which dialog answers, what is said and which buttons are shown is decided once in
``bot/front.py``, and what is done with Telegram's answers in ``bot/client.py``, for every runtime.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message

from bot.client import acknowledge, carry_out, downloader, media_of
from bot.front import PRIVATE, ChatFront, Incoming
from bot.runtimes.aiogram.client import aiogram_client


def make_router(front: ChatFront) -> Router:
    router = Router(name="updates")

    @router.callback_query()
    async def on_button(query: CallbackQuery, bot: Bot) -> None:
        client = aiogram_client(bot)
        await acknowledge(client, query.id)
        if query.message is None:
            return
        user, chat = query.from_user, query.message.chat
        incoming = Incoming(chat.id, user.id, user.language_code, query.message.message_id,
                            callback=query.data or "", chat_type=chat.type)  # fmt: skip
        await front.serve(incoming, None, lambda response: carry_out(client, chat.id, response))

    @router.message()
    async def on_message(message: Message, bot: Bot) -> None:
        user, client, chat = message.from_user, aiogram_client(bot), message.chat
        me = (await bot.me()).username if chat.type != PRIVATE else None  # cached by aiogram after the first call
        incoming = Incoming(chat.id, user.id if user else None, user.language_code if user else None,
                            message.message_id, message.text if message.text is not None else message.caption,
                            media_of(message), chat_type=chat.type, bot_username=me)  # fmt: skip
        send = lambda response: carry_out(client, chat.id, response, message.message_id)  # noqa: E731
        await front.serve(incoming, downloader(client), send)

    return router
