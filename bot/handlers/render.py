"""The aiogram :class:`~bot.client.ChatClient`: sends, deletes and downloads with aiogram, its errors translated.

What to do with Telegram's answers (waiting out a 429, tolerating a refused delete) is decided once in
``bot/client.py`` for both Telegram runtimes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from bot.client import Blocked, FloodWait, Refused, Unreachable
from bot.front import Keyboard, Outgoing


def markup(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    if not keyboard:
        return None
    rows = [[InlineKeyboardButton(text=label, callback_data=data) for label, data in row] for row in keyboard]
    return InlineKeyboardMarkup(inline_keyboard=rows)


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """aiogram's exceptions → the runtime-neutral ones of bot/client.py; anything else passes unchanged."""
    try:
        yield
    except TelegramRetryAfter as exc:
        raise FloodWait(float(exc.retry_after)) from exc
    except TelegramForbiddenError as exc:
        raise Blocked(exc.message) from exc
    except TelegramBadRequest as exc:
        raise Refused(exc.message) from exc
    except (TelegramNetworkError, TelegramServerError) as exc:
        raise Unreachable(exc.message) from exc


class AiogramClient:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, out: Outgoing) -> None:
        with translated():
            if out.document is not None:
                name, data = out.document
                file = BufferedInputFile(data, filename=name)
                await self.bot.send_document(chat_id, file, caption=out.text, reply_markup=markup(out.keyboard))
            else:
                await self.bot.send_message(chat_id, out.text, reply_markup=markup(out.keyboard))

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        with translated():
            await self.bot.delete_message(chat_id, message_id)

    async def delete_messages(self, chat_id: int, message_ids: Sequence[int]) -> None:
        with translated():
            await self.bot.delete_messages(chat_id, list(message_ids))

    async def download(self, file_id: str) -> bytes:
        with translated():
            data = await self.bot.download(file_id)
        if data is None:
            raise Unreachable("no file")
        return data.read()
