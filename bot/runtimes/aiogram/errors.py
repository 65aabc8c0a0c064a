"""When handling an update fails unexpectedly: a polite message to the user, the error type to the log
(``bot.client.tell_failure``, shared with the python-telegram-bot runtime)."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import ErrorEvent

from bot.client import tell_failure
from bot.front import ChatFront
from bot.runtimes.aiogram.client import aiogram_client


def make_router(front: ChatFront) -> Router:
    router = Router(name="errors")

    @router.errors()
    async def on_error(event: ErrorEvent, bot: Bot) -> bool:
        update = event.update
        source = update.message or (update.callback_query.message if update.callback_query else None)
        user = update.message.from_user if update.message else (
            update.callback_query.from_user if update.callback_query else None)  # fmt: skip
        chat = source.chat.id if source is not None else None
        language = user.language_code if user else None
        await tell_failure(aiogram_client(bot), front, chat, language, update.update_id, event.exception)
        return True

    return router
