"""aiogram's :class:`~bot.client.Dialect`: its keyboards, uploads, downloads and exceptions.

Sending, deleting and what to do with Telegram's answers (waiting out a 429, tolerating a refused delete) are
written once in ``bot/client.py`` for both Telegram runtimes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

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
    data = await bot.download(file_id)
    if data is None:
        raise Unreachable("no file")
    return data.read()


AIOGRAM = Dialect(markup, lambda data, name: BufferedInputFile(data, filename=name), translated, fetch)


def aiogram_client(bot: Bot) -> BotClient:
    return BotClient(bot, AIOGRAM)
