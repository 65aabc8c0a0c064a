"""When handling an update fails unexpectedly: a polite message to the user, the error type to the log.

The dialog saves each answer before replying, so what the user entered earlier is never lost; the message
asks them to send the last one again. Logs name the exception class only: messages can quote user input.
"""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.types import ErrorEvent

from bot.front import ChatFront

log = logging.getLogger(__name__)


def make_router(front: ChatFront) -> Router:
    router = Router(name="errors")

    @router.errors()
    async def on_error(event: ErrorEvent, bot: Bot) -> bool:
        update = event.update
        source = update.message or (update.callback_query.message if update.callback_query else None)
        user = update.message.from_user if update.message else (
            update.callback_query.from_user if update.callback_query else None)  # fmt: skip
        log.error("update %s failed: %s", update.update_id, type(event.exception).__name__)
        if source is not None:
            try:
                await bot.send_message(source.chat.id, front.error_text(user.language_code if user else None))
            except Exception as exc:  # the bot API itself may be what failed
                log.error("could not tell the user about the failure: %s", type(exc).__name__)
        return True

    return router
