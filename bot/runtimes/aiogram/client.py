"""aiogram's :class:`~bot.client.Dialect`: its keyboards, uploads, downloads and exceptions.

Sending, deleting and what to do with Telegram's answers (waiting out a 429, tolerating a refused delete) are
written once in ``bot/client.py`` for both Telegram runtimes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import aiohttp
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BotCommand, BotCommandScopeChat, BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from bot.client import Blocked, BotClient, Dialect, FloodWait, Refused, Unreachable
from bot.front import Keyboard


def markup(keyboard: Keyboard) -> InlineKeyboardMarkup:
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


async def fetch(bot: Bot, file_id: str) -> bytes:
    """getFile, then the download; aiogram lets the HTTP client's errors of the download through (a 404 or 500,
    a body cut short): the file could not be fetched, like any network failure."""
    file = await bot.get_file(file_id)
    if not file.file_path:
        raise Unreachable("no file path")
    try:
        data = await bot.download_file(file.file_path)
    except aiohttp.ClientError as exc:
        raise Unreachable(type(exc).__name__) from exc
    if data is None:
        raise Unreachable("no file")
    return data.read()


AIOGRAM = Dialect(
    markup,
    lambda data, name: BufferedInputFile(data, filename=name),
    translated,
    fetch,
    lambda name, text: BotCommand(command=name, description=text),
    lambda chat_id: BotCommandScopeChat(chat_id=chat_id),
)


def aiogram_client(bot: Bot) -> BotClient:
    return BotClient(bot, AIOGRAM)
